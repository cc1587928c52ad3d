"""A tag named in copy never takes the rest of the story with it (issue 21).

`Use <script> tags carefully.` used to export as `<p>Use </p>` and nothing else: an unclosed
raw-text or foreign element swallowed every later block. Such tags now show as the text the
writer typed, every later paragraph renders, and the checklist warns.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.article import Article
from editor_app.core.checklist import raw_text_tags, run_checklist
from editor_app.core.export import ArticlePackage, export_page
from editor_app.core.render import RAW_TEXT_TAGS, render_markdown
from editor_app.core.render_cache import SectionRenderer


class _Page(HTMLParser):
    """Visible text per top-level `<p>`, and all visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.text: list[str] = []
        self._in_p = 0

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self._in_p += 1
            if self._in_p == 1:
                self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag == "p" and self._in_p:
            self._in_p -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._in_p:
            self.paragraphs[-1] += data


def page_of(markup: str) -> _Page:
    p = _Page()
    p.feed(markup)
    p.close()
    return p


def assert_later_paragraphs_render(markup: str, later: list[str]) -> None:
    page = page_of(markup)
    visible = "".join(page.text)
    assert "data-line" not in visible and "</p" not in visible, "markup shown as text"
    for para in later:
        assert any(para in p for p in page.paragraphs), (para, markup)


LATER = ["Ford shares fell 2 percent in New York.", "Xiaomi declined to comment on Tuesday."]


@pytest.mark.parametrize("tag", RAW_TEXT_TAGS)
@pytest.mark.parametrize("form", ["<{t}>", "<{T}>", "<{t} class=x>", "<{t}/>"])
def test_an_unclosed_tag_in_prose_keeps_every_later_paragraph(tag, form):
    typed = form.format(t=tag, T=tag.upper())
    source = f"Stocks rose on Tuesday. Use {typed} tags carefully.\n\n" + "\n\n".join(LATER)
    html = render_markdown(source)
    assert_later_paragraphs_render(html, LATER)
    first = page_of(html).paragraphs[0]
    assert first == f"Stocks rose on Tuesday. Use {typed} tags carefully."


@pytest.mark.parametrize("tag", ["script", "style", "template", "xmp", "plaintext", "textarea"])
def test_the_export_keeps_the_rest_of_the_article(tag):
    body = f"Stocks rose on Tuesday. Use <{tag}> tags carefully.\n\n" + "\n\n".join(LATER)
    package = ArticlePackage(Article(title="Tags", byline="A", dek="D", body=body), [], [])
    page = export_page(package, render_markdown(body))
    assert LATER[0] in page and LATER[1] in page
    assert "<script>" not in page.lower() and "<style>" not in page.lower().split("</style>", 1)[1]


def test_a_tag_at_the_start_of_a_line_or_in_a_list_keeps_the_rest():
    for source in (
        "<script>\n\n" + "\n\n".join(LATER),
        "<style> opens here\n\n" + "\n\n".join(LATER),
        "- item <textarea>\n\n" + "\n\n".join(LATER),
        "> quote <xmp>\n\n" + "\n\n".join(LATER),
        "## Heading <title>\n\n" + "\n\n".join(LATER),
        "| a | b |\n|---|---|\n| <noscript> | x |\n\n" + "\n\n".join(LATER),
    ):
        assert_later_paragraphs_render(render_markdown(source), LATER)


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script",  # an end tag without its ">" ends nothing
        "<script x> alert(1) </script 1=2",
        "<script>alert(1)<\\/script>",  # escaped for JavaScript, not an end tag
        "http://www.<script>alert(1)</script .com",
        "<iframe src=a onload=x(<script>r=1;<\\/script>)></iframe>",  # Markdown passes only <script> on
    ],
)
def test_an_end_tag_that_is_not_one_does_not_close_the_element(typed):
    html = render_markdown(f"Stocks rose. {typed} on Tuesday.\n\n" + "\n\n".join(LATER))
    assert_later_paragraphs_render(html, LATER)


def test_a_closed_script_is_still_dropped_and_code_still_shows_tags():
    html = render_markdown("Before <script>alert(1)</script> after.\n\n`<style>` and <b>bold</b>.")
    assert "alert(1)" not in html and "<script" not in html
    assert "<code>&lt;style&gt;</code>" in html and "<b>bold</b>" in html


def test_sections_and_whole_render_agree_with_unclosed_tags():
    paragraph = "Market paragraph with enough words to be a real block of wire copy. " * 6
    blocks = [paragraph] * 400
    blocks[120] = "Analysts said <script> was irrelevant to the deal."
    blocks[300] = "The <style> guide was updated."
    doc = "\n\n".join(blocks)
    assert SectionRenderer().render(doc) == render_markdown(doc)


def test_the_checklist_warns_once_with_the_line_and_ignores_code():
    body = "Intro.\n\nUse <script> tags and <STYLE> too.\n\n`<svg>` in code\n\n```\n<template>\n```\n"
    assert [(t.tag, t.line) for t in raw_text_tags(body)] == [("<script>", 3), ("<STYLE>", 3)]
    items = run_checklist(ArticlePackage(Article(title="T", byline="B", dek="D", body=body), [], []))
    raw = [i for i in items if i.code == "raw_tag_shown_as_text"]
    assert len(raw) == 1 and raw[0].level == "warning"
    assert "Line 3" in raw[0].message and "<script>" in raw[0].message and "1 more" in raw[0].message
    assert raw[0].where.offset == body.index("<script>")
    closed = "A <script>x</script> closed one, and `<style>` in code."
    assert not raw_text_tags(closed)


# Words a later paragraph is made of: no character that could start Markdown or HTML syntax.
_word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
_prose = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()&*_+-=/\\[]{}|#%$@^"),
    max_size=80,
)


@st.composite
def unclosed_tag(draw) -> str:
    name = draw(st.sampled_from(RAW_TEXT_TAGS))
    name = "".join(c.upper() if draw(st.booleans()) else c for c in name)
    attrs = draw(st.sampled_from(["", " class=x", ' type="text/javascript"', " src=a.js", "/", " id='q' hidden"]))
    return f"<{name}{attrs}>"


@settings(max_examples=300, deadline=None)
@given(
    before=_prose,
    tag=unclosed_tag(),
    after=_prose,
    later=st.lists(st.lists(_word, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=4),
    sep=st.sampled_from([" ", "\n", ""]),
)
def test_any_text_with_an_unclosed_raw_text_tag_keeps_every_later_paragraph(before, tag, after, later, sep):
    paragraphs = [f"Zq{i} " + words for i, words in enumerate(later)]  # "Zq" keeps them out of lists
    source = f"{before}{sep}{tag}{sep}{after}\n\n" + "\n\n".join(paragraphs)
    html = render_markdown(source)
    page = page_of(html)
    visible = " ".join(" ".join(page.text).split())
    assert "data-line" not in visible and "</p" not in visible, html
    for para in paragraphs:
        assert para in visible, (para, html)
