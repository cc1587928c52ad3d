"""The one render behind preview and export: Markdown features in, nothing dangerous out."""

from __future__ import annotations

import re

import pytest

from editor_app.core.render import render_markdown, sanitize_html


def test_headings_are_demoted_below_the_headline():
    html = render_markdown("# Top\n\n## Sub\n\ntext")
    assert "<h1" not in html
    assert re.search(r"<h2[^>]*>Top</h2>", html)
    assert re.search(r"<h3[^>]*>Sub</h3>", html)


def test_tables_footnotes_and_fenced_code():
    src = "| A | B |\n|---|--:|\n| 1 | 2 |\n\nNote[^n]\n\n```python\nx = '<b>'\n```\n\n[^n]: The footnote."
    html = render_markdown(src)
    assert "<table" in html and "<td>1</td>" in html
    assert 'style="text-align: right;"' in html
    assert 'href="#fn:n"' in html and "The footnote." in html
    assert '<code class="language-python">' in html
    assert "x = &#39;&lt;b&gt;&#39;" in html or "x = '&lt;b&gt;'" in html


def test_source_lines_on_top_level_blocks():
    src = "# Title\n\nPara\nline two\n\n```\ncode\n\nmore\n```\n\n- a\n- b\n\n> quote"
    html = render_markdown(src)
    assert '<h2 data-line="1">' in html
    assert '<p data-line="3">' in html
    assert '<pre data-line="6">' in html
    assert '<ul data-line="12">' in html
    assert '<blockquote data-line="15">' in html


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<svg onload=alert(1)><circle r=1></circle></svg>",
        '<iframe src="https://evil.example"></iframe>',
        '<a href="javascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<p style="background:url(https://evil.example/x)">s</p>',
        "<style>body{display:none}</style>",
        '<div onclick="x()">d</div>',
        "<object data=x></object><embed src=x>",
        '<form action="https://evil.example"><input name=a></form>',
        "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
        '<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
    ],
)
def test_hostile_markdown_leaves_no_script_handler_or_fetch(payload):
    html = render_markdown(f"Before\n\n{payload}\n\nAfter")
    lowered = html.lower()
    assert "<script" not in lowered
    assert not re.search(r"\son\w+\s*=", lowered)
    assert "javascript:" not in lowered
    assert "data:text" not in lowered
    assert "<iframe" not in lowered and "<object" not in lowered and "<embed" not in lowered
    assert "<style" not in lowered and 'style="background' not in lowered
    assert "<form" not in lowered and "<svg" not in lowered
    assert "Before" in html and "After" in html


def test_safe_links_and_images_survive():
    html = render_markdown(
        "[site](https://example.com) [mail](mailto:desk@example.com) ![chart](data:image/png;base64,iVBORw0KGgo=)"
    )
    assert 'href="https://example.com"' in html
    assert 'href="mailto:desk@example.com"' in html
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html


def test_sanitize_keeps_only_known_classes():
    html = sanitize_html('<span class="footnote evil">x</span><code class="language-js other">y</code>')
    assert 'class="footnote"' in html
    assert 'class="language-js"' in html
    assert "evil" not in html and "other" not in html


def test_lone_surrogates_and_nul_do_not_crash():
    html = render_markdown("a \ud800 b \x00 c")
    assert "\ufffd" in html
    assert "\x00" not in html


def test_claim_markers_become_spans_outside_code_only():
    src = (
        "Ford said <!--claim c1-->it held **no** talks<!--/claim--> with Xiaomi.\n\n"
        "`<!--claim c2-->literal<!--/claim-->`\n\n```\n<!--claim c3-->code<!--/claim-->\n```\n\n"
        "<!--claim c4-->At the start of a line<!--/claim--> works.\n\n<!--claims-->\n"
    )
    html = render_markdown(src)
    assert '<span class="claim" data-claim="c1">it held <strong>no</strong> talks</span>' in html
    assert 'data-claim="c2"' not in html and "&lt;!--claim c2--&gt;literal" in html
    assert 'data-claim="c3"' not in html
    assert '<p data-line="9"><span class="claim" data-claim="c4">At the start of a line</span> works.</p>' in html
    assert '<div class="claims-box-slot"></div>' in html


def test_stray_and_forged_claim_markup_is_harmless():
    html = render_markdown(
        'a <!--/claim--> b \ue000x\ue001 c <span class="claim" data-claim="c9" onclick="x()">f</span>'
    )
    assert "\ue000" not in html and "\ue001" not in html
    assert "onclick" not in html
    assert html.count("<span") == html.count("</span>")
