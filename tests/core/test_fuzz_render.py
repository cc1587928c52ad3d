"""Property-based tests (hypothesis) for render, sanitize and export on hostile input.

Properties, on arbitrary text and on Markdown built from a grammar of dangerous fragments
(script, event handlers with odd spacing/case/entities, javascript:/vbscript:/data: URLs with
entity and whitespace obfuscation, svg, iframes, style, comments, claim markers, backticks and
brackets):

- `render_markdown` and `sanitize_html` never raise;
- their output has no `<script`, no element outside the allowlist, no `on*` attribute, no
  javascript:/vbscript: (or any non-allowlisted scheme) in href/src, and no data: URL except
  data:image/(png|jpeg|gif|webp) in an img src — checked by parsing with html.parser;
- the section renderer (core/render_cache.py) gives the same HTML as a whole render for long
  generated documents (> 60 KB);
- `export_page` on generated article packages with hostile header fields, claims, quotes and
  party names: only `<script type="application/ld+json">`, JSON-LD that parses, and every
  hostile field shows up as text, never as markup.

Bugs found here are pinned by strict xfail tests next to the property that found them; until
they are fixed, the properties skip exactly the inputs that trigger them (see
_hits_open_section_bug). Example counts are set per test (`EXAMPLES`, times EDITOR_APP_FUZZ_SCALE)
and reported in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import html
import json
import os
import re
from datetime import date
from html.parser import HTMLParser

import markupsafe
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from markdown.blockprocessors import HRProcessor

from editor_app.core.article import Article
from editor_app.core.claims import Appearance, Claim, ClaimStatus, Response, Stance
from editor_app.core.export import ArticlePackage, export_page
from editor_app.core.render import ALLOWED_TAGS, render_markdown, sanitize_html
from editor_app.core.render_cache import SECTION_THRESHOLD, SectionRenderer
from editor_app.core.settings import DeskSettings

# Examples per property (kept small enough that the file runs in ~15 s on 2 cores); a longer
# hunt: EDITOR_APP_FUZZ_SCALE=20 ./dev test tests/core/test_fuzz_render.py
SCALE = float(os.environ.get("EDITOR_APP_FUZZ_SCALE", "1"))
EXAMPLES = {
    "render_arbitrary": 300,
    "render_grammar": 250,
    "sanitize_arbitrary": 300,
    "sanitize_grammar": 300,
    "sections": 12,
    "export": 60,
}


def _settings(name: str) -> settings:
    return settings(
        max_examples=max(1, int(EXAMPLES[name] * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# ---------------------------------------------------------------------------------------------
# checking HTML
# ---------------------------------------------------------------------------------------------

SAFE_SCHEMES = {"http", "https", "mailto"}
_IMAGE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp)[;,]", re.I)
_URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "background",
    "poster",
    "data",
    "srcset",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
    "manifest",
    "codebase",
}
# What a browser ignores when it reads a URL's scheme (WHATWG URL: leading/trailing C0 controls
# and spaces are stripped, tab/LF/CR removed anywhere).
_URL_NOISE = re.compile("[\t\n\r]")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an attribute value (already entity-decoded)."""
    v = _URL_NOISE.sub("", value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    m = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", v)
    return m.group(1).lower() if m else None


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str]]]] = []
        self.comments: list[str] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}  # text directly inside elements, by "tag.class"
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        pairs = [(k.lower(), v or "") for k, v in attrs]
        self.elements.append((tag.lower(), pairs))
        if tag.lower() == "script":
            self._script = dict(pairs)
            self._buf = []
        cls = dict(pairs).get("class", "").split()
        self.stack.append(f"{tag.lower()}.{cls[0]}" if cls else tag.lower())

    def handle_startendtag(self, tag, attrs):
        pairs = [(k.lower(), v or "") for k, v in attrs]
        self.elements.append((tag.lower(), pairs))

    def handle_endtag(self, tag):
        if tag.lower() == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._buf)))
            self._script = None
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self._script is not None:
            self._buf.append(data)
        for name in self.stack:
            self.text.setdefault(name, []).append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse(markup: str) -> _Collector:
    p = _Collector()
    p.feed(markup)
    p.close()
    return p


def assert_no_executable_markup(markup: str, *, fragment: bool = True) -> _Collector:
    """The safety properties every rendered body and every exported page must have."""
    low = markup.lower()
    if fragment:
        assert "<script" not in low, markup
    p = parse(markup)
    for tag, attrs in p.elements:
        if fragment:
            assert tag in ALLOWED_TAGS, (tag, markup)
        assert tag not in {
            "iframe",
            "object",
            "embed",
            "svg",
            "math",
            "form",
            "input",
            "button",
            "base",
            "frame",
            "frameset",
            "applet",
            "template",
            "textarea",
            "select",
        }, (tag, markup)
        if tag == "script":
            assert not fragment
            assert dict(attrs).get("type") == "application/ld+json", (attrs, markup)
            assert "src" not in dict(attrs)
        if tag == "meta":
            equiv = dict(attrs).get("http-equiv", "").lower()
            assert equiv in ("", "content-security-policy"), attrs
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value, markup)
            if name in _URL_ATTRS or name.endswith(":href"):
                scheme = url_scheme(value)
                if scheme == "data":
                    assert tag == "img" and name == "src" and _IMAGE_DATA.match(value.strip()), (tag, name, value)
                else:
                    assert scheme is None or scheme in SAFE_SCHEMES, (tag, name, value, markup)
            if fragment and name == "style":
                assert tag in ("th", "td") and re.fullmatch(r"text-align:\s*(left|right|center);?", value.strip()), (
                    tag,
                    value,
                )
    if fragment:
        assert p.comments == [], p.comments
    return p


# ---------------------------------------------------------------------------------------------
# a grammar of dangerous fragments
# ---------------------------------------------------------------------------------------------


def _entity(ch: str, style: int) -> str:
    return [f"&#{ord(ch)};", f"&#x{ord(ch):x};", f"&#X{ord(ch):X}", f"&#{ord(ch):07d}", ch][style]


@st.composite
def obfuscated_scheme(draw) -> str:
    word = draw(st.sampled_from(["javascript", "vbscript", "data", "livescript", "jscript"]))
    word = "".join(c.upper() if draw(st.booleans()) else c for c in word) if draw(st.booleans()) else word
    chars = list(word + ":")
    out = []
    for ch in chars:
        noise = draw(st.sampled_from(["", "", "", "\t", "\n", "\r", "\x00", "&#9;", "&#x0A;", "&Tab;", "&NewLine;"]))
        out.append(noise + _entity(ch, draw(st.integers(0, 4))) if draw(st.integers(0, 5)) == 0 else noise + ch)
    lead = draw(st.sampled_from(["", " ", "\x01", "\x1f", "&#32;", "\u00a0", "%20"]))
    return lead + "".join(out)


PAYLOADS = [
    "alert(1)",
    "alert(document.cookie)//",
    "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
    "image/png;base64,iVBORw0KGgo=",
    "image/gif;base64,R0lGODlhAQABAAAAACw=",
    "text/html,<script>alert(1)</script>",
    "msgbox(1)",
    "%61lert(1)",
    "void(0)",
]


@st.composite
def dangerous_url(draw) -> str:
    return draw(obfuscated_scheme()) + draw(st.sampled_from(PAYLOADS))


@st.composite
def url_in_context(draw) -> str:
    url = draw(
        st.one_of(
            dangerous_url(),
            st.sampled_from(["https://ok.example/x", "mailto:a@b.c", "#top", "/relative", "ftp://files.example/x"]),
        )
    )
    q = url.replace('"', "&quot;")
    templates = [
        f"[link]({url})",
        f"[link](<{url}>)",
        f"![img]({url})",
        f"<{url}>",
        f'<a href="{q}">a</a>',
        f"<a href='{url}'>a</a>",
        f"<a href={url}>a</a>",
        f'<img src="{q}">',
        f'<img src="{q}" alt="x">',
        f"[ref link][r]\n\n[r]: {url}",
        f"![ref img][i]\n\n[i]: <{url}>",
        f'<iframe src="{q}"></iframe>',
        f'<form action="{q}"><button formaction="{q}">go</button></form>',
        f'<svg><a xlink:href="{q}"><text>x</text></a></svg>',
        f'<object data="{q}"></object>',
        f'<math href="{q}">m</math>',
        f'<embed src="{q}">',
        f'<video poster="{q}"></video>',
        f'<table background="{q}"><tr><td>x</td></tr></table>',
        f'<img srcset="{q} 1x">',
        f'<base href="{q}">',
        f'<meta http-equiv="refresh" content="0;url={q}">',
        f'<a href="https://ok.example" title="{q}">t</a>',
    ]
    return draw(st.sampled_from(templates))


@st.composite
def event_handler(draw) -> str:
    tag = draw(
        st.sampled_from(
            [
                "img",
                "div",
                "a",
                "p",
                "svg",
                "body",
                "details",
                "video",
                "input",
                "span",
                "td",
                "marquee",
                "iframe",
                "x",
                "IMG",
                "sVg",
                "table",
                "h2",
                "li",
                "code",
            ]
        )
    )
    name = draw(
        st.sampled_from(
            [
                "onerror",
                "onload",
                "onclick",
                "ONMOUSEOVER",
                "OnFocus",
                "ontoggle",
                "onpointerenter",
                "onanimationstart",
                "onbegin",
                "onx",
                "o&#110;click",
            ]
        )
    )
    gap = draw(st.sampled_from([" ", "\t", "\n", "/", "  ", "\x0c", "/ ", '"', " x "]))
    eq = draw(st.sampled_from(["=", " = ", "\n=\n", "=\t"]))
    value = draw(
        st.sampled_from(
            [
                "alert(1)",
                '"alert(1)"',
                "'alert(1)'",
                "`alert(1)`",
                "&#97;lert(1)",
                '"javascript:alert(1)"',
                "alert&lpar;1&rpar;",
            ]
        )
    )
    pre = draw(st.sampled_from(["", " src=x", ' href="#"', " open", " autofocus", ' style="x"']))
    body = draw(st.sampled_from(["", "text", "**bold**", "<b>b</b>"]))
    return f"<{tag}{pre}{gap}{name}{eq}{value}>{body}</{tag}>"


SCRIPTS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script/xss src=x></script>",
    "<<script>alert(1);//<</script>",
    "<script\n>alert(1)</script\n>",
    '<script type="module">import("x")</script>',
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script>",
    "</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<svg><script>alert(1)</script></svg>",
    "<svg/onload=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<style>@import 'x';</style>",
    '<div style="background:url(javascript:alert(1))">s</div>',
    '<p style="x:expression(alert(1))">e</p>',
    "<!-- <script>alert(1)</script> -->",
    "<!--><script>alert(1)</script>-->",
    "<!---->",
    "<!--",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<?php echo 1 ?>",
    "<!DOCTYPE html>",
    "<template><script>alert(1)</script></template>",
    "<object data=x></object>",
    "<embed src=x>",
    '<base href="javascript:/">',
    "<link rel=import href=x>",
    "<meta charset=x>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>",
    "<select><option>x</select>",
    "<table><tr><td>cell</td></tr></table>",
    '<th style="text-align: left">h</th>',
    '<code class="language-python evil">x</code>',
    '<span class="claim x" data-claim="c1">x</span>',
]
MARKERS = [
    "<!--claim c1-->",
    "<!--/claim-->",
    "<!-- claim ford-x -->",
    "<!--claim C1-->",
    "<!--claims-->",
    "<!--claim c1--><script>alert(1)</script><!--/claim-->",
    "<!--claim c2-->",
    "\ue000c1\ue001",
    "\ue002",
    "\ue003",
]
MARKDOWN = [
    "`",
    "``",
    "```",
    "```js\n",
    "~~~",
    "[",
    "]",
    "[[",
    "]]",
    "(",
    ")",
    "![",
    "*",
    "**",
    "_",
    "__",
    "> ",
    "- ",
    "1. ",
    "# ",
    "## ",
    "    ",
    "|",
    "| a | b |\n|---|---|\n",
    "\\",
    "&",
    "&amp;",
    "&#0;",
    "[^1]",
    "[^1]: note",
    "---",
    "***",
    "<",
    ">",
    '"',
    "'",
    "<http://x.example>",
    "\x00",
    "\u202e",
    "text",
    "Ford",
    "Xiaomi",
    "\n",
    "\n\n",
    "  \n",
]

fragment = st.one_of(
    st.sampled_from(SCRIPTS),
    st.sampled_from(MARKERS),
    st.sampled_from(MARKDOWN),
    event_handler(),
    url_in_context(),
    st.text(max_size=12),
)
separator = st.sampled_from(["", " ", "\n", "\n\n", "\n> ", "\n- ", "\n    ", "`", "\n```\n", " * ", "\t"])


@st.composite
def hostile_markdown(draw, max_parts: int = 30) -> str:
    parts = draw(st.lists(st.tuples(fragment, separator), min_size=1, max_size=max_parts))
    return "".join(f + s for f, s in parts)


ANY_CHAR = st.one_of(
    st.characters(),
    st.characters(categories=["Cs"]),
    st.sampled_from("\x00\r\n\t\u202e\u200d\ufeff\u0301<>&\"'`[]*_#!-|\\"),
)
arbitrary_text = st.text(ANY_CHAR, max_size=400)
arbitrary_text_no_surrogates = st.text(
    st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from("\x00\r\n\t\u202e<>&\"'`[]*")), max_size=400
)


# ---------------------------------------------------------------------------------------------
# render / sanitize
# ---------------------------------------------------------------------------------------------


@_settings("render_arbitrary")
@given(arbitrary_text)
def test_render_never_raises_on_arbitrary_text(text):
    assert_no_executable_markup(render_markdown(text))


@_settings("render_grammar")
@given(hostile_markdown())
def test_render_of_hostile_markdown_is_safe(text):
    out = render_markdown(text)
    assert_no_executable_markup(out)


@_settings("sanitize_arbitrary")
@given(arbitrary_text_no_surrogates)
def test_sanitize_never_raises_on_arbitrary_text(text):
    assert_no_executable_markup(sanitize_html(text))


@_settings("sanitize_grammar")
@given(hostile_markdown(max_parts=20))
def test_sanitize_of_hostile_html_is_safe(text):
    out = sanitize_html(text)
    assert_no_executable_markup(out)
    # sanitizing is idempotent: a second pass changes nothing that matters for safety
    assert_no_executable_markup(sanitize_html(out))


def test_sanitize_html_accepts_lone_surrogates():
    assert_no_executable_markup(sanitize_html("<b>a\ud800b</b><script>x</script>"))


# Found by this file's fuzzing (the filter compared value.strip() with "data:"); fixed in ba1e013.
@pytest.mark.parametrize(
    "source",
    [
        '<a href="da&#9;ta:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        "[x](&#100;ata\n:text/html,<script>alert(1)</script>)",
        '<a href="&#1;data:text/html,<script>alert(1)</script>">y</a>',
    ],
)
def test_data_url_hidden_by_whitespace_or_controls_is_dropped_from_links(source):
    out = render_markdown(source)
    links = [dict(attrs) for tag, attrs in parse(out).elements if tag == "a"]
    # the link and its words stay (so there is something to check), its data: target goes
    assert len(links) == 1, out
    assert "href" not in links[0] or url_scheme(links[0]["href"]) != "data", out
    assert "data:" not in out.replace("data-line", "") and "<script" not in out, out
    assert ">x</a>" in out or ">y</a>" in out, out


def test_data_url_hidden_by_newline_in_img_src_is_limited_to_raster_images():
    out = render_markdown('<img src="data&#10;:image/svg+xml;base64,PHN2Zz4=">')
    assert "svg+xml" not in out


def test_grammar_reaches_the_dangerous_cases():
    """The fragments really are dangerous: unsanitized, they would fail the checks."""
    raw = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="jav&#x09;ascript:alert(1)">a</a>'
    with pytest.raises(AssertionError):
        assert_no_executable_markup(raw)
    assert url_scheme(html.unescape("jav&#x09;ascript:alert(1)")) == "javascript"
    assert url_scheme(" \x01java\nscript:x") == "javascript"
    out = render_markdown(
        "[x](javascript:alert(1)) ![i](data:image/png;base64,iVBORw0KGgo=) "
        '<img src="data:image/svg+xml;base64,PHN2Zz4=">'
    )
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in out and "svg+xml" not in out
    assert_no_executable_markup(out)


# ---------------------------------------------------------------------------------------------
# section renderer == whole render on long documents
# ---------------------------------------------------------------------------------------------

words = st.text(
    st.sampled_from("abcdefghij XYZ*_`[]()!#<>&\"'-.,:;|~\\\u00e9\u202e\U0001f4c8"), min_size=1, max_size=60
).filter(lambda s: s.strip())
safe_words = st.text(st.sampled_from("abcdefghij XYZ.,;:'\"-"), min_size=1, max_size=40).filter(lambda s: s.strip())


@st.composite
def md_block(draw) -> str:
    kind = draw(st.integers(0, 15))
    w = draw(words)
    s = draw(safe_words)
    if kind == 0:
        return f"{'#' * draw(st.integers(1, 6))} {s}"
    if kind == 1:
        return "\n".join(f"- {draw(words)}" for _ in range(draw(st.integers(1, 4))))
    if kind == 2:
        return "\n".join(f"{i + 1}. {draw(words)}" for i in range(draw(st.integers(1, 4))))
    if kind == 3:
        return f"> {w}\n> {draw(words)}"
    if kind == 4:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        inner = draw(st.sampled_from(["## not a heading", "[r1]: https://in.code/x", "", "x = 1", "<div>"]))
        return f"{fence}\n{w}\n\n{inner}\n{fence}"
    if kind == 5:
        return f"| A | B |\n|---|---|\n| {s} | {draw(safe_words)} |"
    if kind == 6:
        return f"[r{draw(st.integers(0, 3))}]: https://example.com/{draw(st.integers(0, 99))}"
    if kind == 7:
        return f"See [{s}][r{draw(st.integers(0, 3))}] and [{draw(safe_words)}](https://e.example/a)."
    if kind == 8:
        return f"Text <!--claim c{draw(st.integers(1, 3))}-->{s}<!--/claim--> more {w}"
    if kind == 9:
        return f"{s}\n{'=' if draw(st.booleans()) else '-'}{'=' * 3}"
    if kind == 10:
        # one line, no raw-text element (script, style, iframe...): those trip upstream bug (d)
        tag = draw(event_handler()).replace("\n", " ")
        assume(
            not re.search(r"<(?:script|style|iframe|xmp|textarea|title|noscript|plaintext|noembed|noframes)", tag, re.I)
        )
        return f"Inline <b>bold</b> and {tag} end"
    if kind == 11:
        return f"Link {draw(url_in_context())} done".replace("\n\n", " ")
    if kind == 12:
        return f"    indented code {w}"
    if kind == 13:
        return "***"
    if kind == 14:
        return f"{s}\n{w}"  # a paragraph with a lazy second line
    return f"Paragraph about **{s}** and *{draw(safe_words)}* with `code` {w}."


def _norm(markup: str) -> str:
    return re.sub(r"\s+", " ", markup).strip()


# BUGS (reported) in render_cache.SectionRenderer, pinned by the xfail tests below:
#  (a) _REFERENCE_DEF's negated classes `[^\]^]` / `[^\]]*` match newlines, so a line starting with
#      an unclosed "[" up to the next "]:" (across blank lines, paragraphs, code) is taken as one
#      "definition" and the whole run is appended to every section: the preview repeats that text
#      once per section and the render grows quadratically;
#  (b) definitions inside fenced code are appended as real definitions, so `[x][r]` links in
#      sections although the whole render leaves it as text.
#  (c) in core/render.py (whole renders too): a paragraph line directly followed by an ATX heading,
#      a quote or a rule line ("Ford said\n# Heading") is split by Python-Markdown, which parses the first
#      part through a nested parseBlocks(root, [before]); _LineTrackingParser treats that as a new
#      document and gives the paragraph data-line="1" (scroll sync jumps to the top), and sections
#      give a different wrong number.
#  (d) upstream Python-Markdown 3.11.3 (its HTML extractor on Python 3.13's html.parser): an
#      inline tag broken over lines with a setext underline in between ("<span a\n=\n'b'>"), or an
#      inline mixed-case <ScRiPt>..</sCrIpT>, can make raw-HTML placeholders trade places or leave a
#      script start tag open: text of one paragraph turns up in another, or the sanitizer drops
#      everything after it. It depends on the context, so sections and whole renders differ.
#      The section grammar keeps inline HTML on one line and without raw-text elements; pinned below.
#  (e) in core/anchors.py: a code fence opened inside a block quote ("> ```" or "> ~~~") that is not
#      closed inside the quote is taken to run to the end of the document (or to the next fence,
#      wherever it is), so every later claim anchor is treated as code and dropped, although the
#      renderer shows a plain quote (Python-Markdown has no fences inside quotes). Which anchors
#      survive then depends on where a section starts. Pinned in test_fuzz_anchors.py.
# (a) and (b) are fixed (see the two tests after the property). Until (c) and (e) are fixed, the
# property skips exactly the documents that trigger them; their strict xfails say when to stop.
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SPLIT_BLOCK_LINE = re.compile(r"^(?:#{1,6}| {0,3}>)")  # and rules, by Python-Markdown's own pattern
_QUOTE_LINE = re.compile(r"^ {0,3}>")
_QUOTED_FENCE = re.compile(r"^[ \t]*>[ \t>]*(?:`{3,}|~{3,})", re.M)


def _hits_open_section_bug(doc: str) -> bool:
    """True for documents that trigger (c) or (e), the bugs still pinned by strict xfails.
    (a) and (b) are fixed (tests below): documents with such definitions are generated and checked."""
    fenced: list[tuple[int, int]] = []
    pos, fence, start = 0, None, 0
    for line in doc.split("\n"):
        m = _FENCE_LINE.match(line)
        if fence is None and m:
            fence, start = m.group(1), pos
        elif fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            fenced.append((start, pos + len(line)))
            fence = None
        pos += len(line) + 1
    if fence is not None:
        fenced.append((start, len(doc)))
    # (e): a fence inside a block quote
    if _QUOTED_FENCE.search(doc):
        return True
    # (c): a heading, quote or rule line right under a paragraph line, outside code
    pos = 0
    prev = ""
    for line in doc.split("\n"):
        if (
            prev.strip()
            and not _QUOTE_LINE.match(prev)
            and (_SPLIT_BLOCK_LINE.match(line) or HRProcessor.SEARCH_RE.match(line))
            and not any(a <= pos < b for a, b in fenced)
        ):
            return True
        prev = line
        pos += len(line) + 1
    return False


@settings(
    max_examples=max(1, int(EXAMPLES["sections"] * SCALE)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    # no shrink phase: shrinking 60 KB documents takes minutes; the blocks list is readable as is
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(st.lists(md_block(), min_size=2, max_size=14), st.integers(0, 1000))
def test_section_renderer_matches_whole_render_on_long_documents(blocks, salt):
    unit = "\n\n".join(blocks)
    parts: list[str] = []
    size = 0
    i = 0
    while size <= SECTION_THRESHOLD + 1000:
        # vary the copies a little so the cache sees distinct sections
        block = blocks[i % len(blocks)]
        parts.append(block if i % 7 else f"Copy {i} {salt} of the text.")
        size += len(parts[-1]) + 2
        i += 1
    doc = "\n\n".join(parts)
    assert len(doc) > SECTION_THRESHOLD and unit
    assume(not _hits_open_section_bug(doc))
    renderer = SectionRenderer()
    sectioned = renderer.render(doc)
    whole = render_markdown(doc)
    # `data-line` (a scroll-sync hint) may differ where a section boundary meets an unpaired `<`;
    # the content must be identical.
    assert re.sub(r' data-line="\d+"', "", _norm(sectioned)) == re.sub(r' data-line="\d+"', "", _norm(whole))
    assert_no_executable_markup(sectioned)
    # a second pass from the cache gives exactly the first pass (data-line included)
    assert renderer.render(doc) == sectioned


_PARA = "Ford and Xiaomi deny the report about EV talks, the companies said on Tuesday. " * 5


def test_sections_ignore_reference_definitions_inside_fenced_code():
    doc = "\n\n".join([_PARA] * 200 + ["See [the filing][f].", "```\n[f]: https://example.com/filing\n```"])
    assert len(doc) > SECTION_THRESHOLD
    assert _norm(SectionRenderer().render(doc)) == _norm(render_markdown(doc))


def test_sections_do_not_copy_text_after_an_unclosed_bracket_into_every_section():
    doc = "\n\n".join(
        ["See [the filing][f].", "[Corrects second paragraph"] + [_PARA] * 200 + ["[f]: https://example.com/filing"]
    )
    out = SectionRenderer().render(doc)
    assert out.count("Corrects second paragraph") == 1
    assert _norm(out) == _norm(render_markdown(doc))


@pytest.mark.xfail(
    strict=True,
    reason="found by a hunt (issue 10): with inline raw HTML the sanitizer removes "
    "(<form>, <button>), a later section's raw-HTML placeholders trade text ('go done' becomes "
    "'goode c'), so the sectioned preview differs from the whole render; same family as (d)",
)
def test_inline_form_html_renders_the_same_in_sections_and_whole():
    blocks = [
        'Link <form action="#top"><button formaction="#top">go</button></form> done',
        "| A | B |\n|---|---|\n| ffg:--- | g |",
        "1. `e-h\n2. jX]\")\n3. ['\u00e9&i:[h#(\n4. \U0001f4c8X|",
        '1. #h\n2. he"|X;\u202e;\\,``h&)#b~ZY\U0001f4c8ae h"-#:\n3. f>\U0001f4c8 he\u202ei\' h[\n4. !|\u00e9',
        "| A | B |\n|---|---|\n| . | jgjY-.ddfhb-gaeYZb |",
        "```\n\U0001f4c8Z\n\n## not a heading\n```",
        "[r0]: https://example.com/13",
        "1. Y&#b[",
        "    indented code c",
    ]
    parts: list[str] = []
    size = i = 0
    while size <= SECTION_THRESHOLD + 1000:
        parts.append(blocks[i % len(blocks)] if i % 7 else f"Copy {i} 187 of the text.")
        size += len(parts[-1]) + 2
        i += 1
    doc = "\n\n".join(parts)
    strip = lambda markup: re.sub(r' data-line="\d+"', "", _norm(markup))  # noqa: E731
    assert strip(SectionRenderer().render(doc)) == strip(render_markdown(doc))


@pytest.mark.xfail(
    strict=True,
    reason="render._LineTrackingParser: Python-Markdown's HashHeader, BlockQuote and HR "
    "processors parse the paragraph lines before a heading/quote/rule line through a nested "
    "parseBlocks(root, [before]), which is numbered as if it started the document: "
    '<p data-line="1">Ford said</p>',
)
@pytest.mark.parametrize("split_line, element", [("# Heading", "h2"), ("> Quoted", "blockquote"), ("***", "hr")])
def test_paragraph_directly_above_a_heading_quote_or_rule_keeps_its_source_line(split_line, element):
    out = render_markdown(f"Intro\n\nFord said\n{split_line}\n\nEnd")
    assert '<p data-line="3">Ford said</p>' in out, out
    assert f'<{element} data-line="4"' in out, out


@pytest.mark.xfail(
    strict=True,
    reason="upstream Python-Markdown 3.11.3 (also without extensions): an inline tag "
    "broken over a setext underline line makes later raw-HTML placeholders trade places; "
    "'479 of the text.' is spliced into another paragraph and <b> is left open",
)
def test_inline_html_over_a_setext_line_does_not_move_text_between_paragraphs():
    h = "Inline <b>x</b> and <span src=x ONMOUSEOVER\n=\n'alert(1)'>text</span> end"
    doc = "\n\n".join(
        [
            h,
            '> &,~|,[,\u00e9&#[ih_ ~Xf\n> "jY',
            h,
            "See [;dgeggi'hdccXaYb][r2] and [Za.ZYXc\"jXh](https://e.example/a).",
            "Copy 1813 479 of the text.",
            h,
        ]
    )
    out = render_markdown(doc)
    assert_no_executable_markup(out)  # garbled, but still safe
    assert out.count("479 of the text.") == 1, out


@pytest.mark.xfail(
    strict=True,
    reason="upstream Python-Markdown 3.11.3: an inline <ScRiPt>..</sCrIpT> leaves an "
    "unclosed script start tag in one section of this document, so the sanitizer drops the rest "
    "of that section (about 150 elements of the preview vanish)",
)
def test_inline_mixed_case_script_does_not_swallow_the_rest_of_a_section():
    blocks = [
        "b- edeee\n<",
        "Text <!--claim c1-->fYb<!--/claim--> more if",
        "See [;dgeggi'hdccXaYb][r2] and [Za.ZYXc\"jXh](https://e.example/a).",
        "| A | B |\n|---|---|\n| c | '  |",
        "- \\fh",
        ":\ng(;!`~b",
        "Inline <ScRiPt>alert(1)</sCrIpT> and <span src=x ONMOUSEOVER = 'alert(1)'>text</span> end",
        '> &,~|,[,\u00e9&#[ih_ ~Xf\n> "jY',
        "    indented code i",
        ' "\n,\u202e',
    ]
    parts = []
    size = i = 0
    while size <= SECTION_THRESHOLD + 1000:
        parts.append(blocks[i % len(blocks)] if i % 7 else f"Copy {i} 479 of the text.")
        size += len(parts[-1]) + 2
        i += 1
    doc = "\n\n".join(parts)
    sectioned = SectionRenderer().render(doc)
    assert_no_executable_markup(sectioned)  # text is lost, but nothing unsafe gets through
    assert sectioned.count("of the text.") == doc.count("of the text."), "paragraphs vanished from the preview"


# ---------------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------------

HOSTILE_TEXT = st.one_of(
    st.sampled_from(SCRIPTS),
    event_handler(),
    url_in_context(),
    st.sampled_from(
        [
            '"><script>alert(1)</script>',
            "</title><script>alert(1)</script>",
            "</script><script>alert(1)</script>",
            "<!--",
            "-->",
            "]]>",
            "&amp;&lt;",
            "{{ 7*7 }}",
            "{% raw %}",
            "\u202eevil\u202c",
            "Ford \u2014 Xiaomi",
            "'; DROP TABLE articles;--",
            "\u2028\u2029",
            "<\x00script>",
            "&#60;script&#62;",
        ]
    ),
    st.text(
        st.one_of(
            st.characters(exclude_categories=["Cs"]),
            st.sampled_from("\x00\r\n\t\u202e\u200d\ufeff\u0301<>&\"'`[]*_#!-|\\"),
        ),
        max_size=40,
    ),
)
KEYS = ["c1", "c2", "ford-xiaomi", "k"]


@st.composite
def claim(draw, key: str) -> Claim:
    url = draw(st.one_of(dangerous_url(), st.just("https://ok.example/r"), st.just("")))
    appearances = [
        Appearance(
            outlet=draw(HOSTILE_TEXT),
            title=draw(HOSTILE_TEXT),
            url=url,
            date=draw(st.none() | st.just(date(2024, 11, 5))),
            is_first=draw(st.booleans()),
            attribution=draw(HOSTILE_TEXT),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    responses = [
        Response(
            party=draw(HOSTILE_TEXT),
            stance=draw(st.sampled_from(list(Stance))),
            quote=draw(HOSTILE_TEXT),
            spokesperson=draw(HOSTILE_TEXT),
            reported_by=draw(HOSTILE_TEXT),
            source_url=draw(dangerous_url()),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    c = Claim(
        key=key, short=draw(HOSTILE_TEXT), wording=draw(HOSTILE_TEXT), appearances=appearances, responses=responses
    )
    if draw(st.booleans()):
        c.override_status = draw(st.sampled_from(list(ClaimStatus)))
        c.override_reason = draw(HOSTILE_TEXT) or "reason"
    return c


@st.composite
def article_package(draw) -> ArticlePackage:
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=3))
    claims = [draw(claim(k)) for k in keys]
    body_parts = [draw(hostile_markdown(max_parts=8))]
    for k in keys:
        body_parts.append(f"Reported: <!--claim {k}-->{draw(safe_words)}<!--/claim-->.")
    if draw(st.booleans()):
        body_parts.append("<!--claims-->")
    article = Article(
        id=1,
        title=draw(HOSTILE_TEXT),
        dek=draw(HOSTILE_TEXT),
        byline=draw(HOSTILE_TEXT),
        slug="story",
        body="\n\n".join(body_parts),
        canonical_url=draw(st.one_of(dangerous_url(), st.just(""), st.just("https://ok.example/c"))),
        tags=draw(st.lists(HOSTILE_TEXT, max_size=3)),
    )
    return ArticlePackage(article=article, claims=claims)


def _text_of(p: _Collector, key: str) -> str:
    return "".join(p.text.get(key, []))


@_settings("export")
@given(article_package(), HOSTILE_TEXT)
def test_export_page_of_hostile_package_is_safe(package, publisher):
    article = package.article
    page = export_page(package, render_markdown(article.body), settings=DeskSettings(publisher=publisher))
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    scripts = re.findall(r"<script\b[^>]*>", page, flags=re.I)
    assert scripts == ['<script type="application/ld+json">'], scripts
    assert len(re.findall(r"<style\b", page, flags=re.I)) == 1
    assert len(re.findall(r"</script", page, flags=re.I)) == 1
    p = assert_no_executable_markup(page, fragment=False)
    # the JSON-LD parses and carries the fields exactly (its escaping is reversible)
    ((_attrs, body),) = p.scripts
    data = json.loads(body)
    news = data["@graph"][0]
    assert news["headline"] == article.display_title
    if article.dek:
        assert news["description"] == article.dek
    # hostile header fields are text, not markup: the parsed text equals what the writer typed
    assert _text_of(p, "h1.headline") == article.display_title
    assert _text_of(p, "title") == article.display_title
    if article.dek:
        assert _text_of(p, "p.dek") == article.dek
    if article.byline:
        assert ("By " + article.byline) in _text_of(p, "span.byline")
    quotes = _text_of(p, "q")
    for c in package.claims:
        for r in c.responses:
            if r.quote:
                assert r.quote in quotes
    # ...and the page holds them escaped exactly as the template's autoescape writes them
    assert str(markupsafe.escape(article.display_title)) in page
    for raw in (article.dek, article.byline):
        if raw:
            assert str(markupsafe.escape(raw)) in page
