"""Section-by-section rendering must give exactly the HTML of a whole render."""

from __future__ import annotations

import random
import re

import pytest

from editor_app.core.render import render_markdown
from editor_app.core.render_cache import SectionRenderer

BLOCKS = [
    "Plain paragraph about **Ford** and *Xiaomi* with a [link](https://example.com).",
    "Two-line paragraph\nwith a lazy second line.",
    "## A heading",
    "### Sub heading",
    "Setext heading\n==============",
    "Another setext\n--------------",
    "- item one\n- item two\n\n- loose item three\n\n    continued paragraph in the item",
    "1. first\n2. second\n\n3. third",
    "> A quote\nlazy continuation\n\n> second quote paragraph",
    "```python\nx = 1\n\n\n## not a heading\n\nParagraph inside code\n```",
    "~~~\nfenced with tildes\n\n~~~",
    "    indented code\n\n    more indented code",
    "| A | B |\n|---|---|\n| 1 | 2 |",
    "Company | Change\n--- | ---\nFord | -1%",
    "See [the filing][filing] and [the statement][st].",
    '[filing]: https://example.com/filing\n[st]: https://example.com/statement "Statement"',
    'Text with `code`, "quotes" -- and dashes... done.',
    "***",
    "Paragraph right before a list:\n- tight item",
]


def _doc(seed: int, size: int = 90_000) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size:
        parts.append(rng.choice(BLOCKS))
    return "\n\n".join(parts)


def _norm(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


@pytest.mark.parametrize("seed", range(6))
def test_sections_render_exactly_like_the_whole(seed):
    text = _doc(seed)
    renderer = SectionRenderer()
    assert _norm(renderer.render(text)) == _norm(render_markdown(text))
    assert renderer.last_rendered_sections > 1  # it really was cut


def test_an_edit_re_renders_only_its_section_and_stays_exact():
    text = _doc(42)
    renderer = SectionRenderer()
    renderer.render(text)
    middle = len(text) // 2
    cut = text.index("\n\n", middle) + 2
    edited = text[:cut] + "Inserted paragraph with *emphasis*.\n\n" + text[cut:]
    html = renderer.render(edited)
    assert renderer.last_rendered_sections <= 2
    assert _norm(html) == _norm(render_markdown(edited))
    assert "Inserted paragraph with <em>emphasis</em>." in html


def test_footnotes_and_html_blocks_render_whole():
    renderer = SectionRenderer()
    text = _doc(1) + "\n\nNote[^a]\n\n[^a]: A footnote."
    assert _norm(renderer.render(text)) == _norm(render_markdown(text))
    assert renderer.last_rendered_sections == 1
    text = _doc(2) + "\n\n<div>\n\nraw html block\n\n</div>"
    assert _norm(renderer.render(text)) == _norm(render_markdown(text))
