"""MarkdownHighlighter: real documents, real layouts, formats read back from the blocks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.ui.common.theme import is_dark
from editor_app.ui.editor.highlighter import (
    MAX_LINE_LENGTH,
    MarkdownHighlighter,
    block_formats,
)


@pytest.fixture
def editor(qtbot):
    ed = QPlainTextEdit()
    qtbot.addWidget(ed)
    ed.resize(600, 400)
    return ed


@pytest.fixture
def hl(editor):
    return MarkdownHighlighter(editor.document(), dark=False)


def load(editor: QPlainTextEdit, hl: MarkdownHighlighter, text: str) -> None:
    editor.setPlainText(text)
    hl.rehighlight()


def block(editor: QPlainTextEdit, n: int):
    return editor.document().findBlockByNumber(n)


def fmt_at(editor: QPlainTextEdit, n: int, pos: int) -> QTextCharFormat | None:
    """The highlighter format covering UTF-16 position `pos` of block n (last range wins)."""
    found = None
    for start, length, fmt in block_formats(block(editor, n)):
        if start <= pos < start + length:
            found = fmt
    return found


def is_bold(fmt: QTextCharFormat | None) -> bool:
    return fmt is not None and fmt.fontWeight() >= QFont.Weight.Bold


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_heading_is_bold_and_coloured_plain_line_is_untouched(editor, hl):
    load(editor, hl, "# Markets rally\nPlain words only here.\n###### Six\n####### seven")
    heading = fmt_at(editor, 0, 4)
    assert is_bold(heading)
    assert heading.foreground().color() == hl._formats["heading"].foreground().color()
    assert block_formats(block(editor, 1)) == []
    assert is_bold(fmt_at(editor, 2, 8))
    assert not is_bold(fmt_at(editor, 3, 10))  # seven #'s is not a heading


def test_emphasis_strong_strike_and_inline_code(editor, hl):
    load(editor, hl, "a *em* b **strong** c ~~gone~~ d `x = 1` e _under_ f __bold__")
    text = block(editor, 0).text()
    assert fmt_at(editor, 0, text.index("em")).fontItalic()
    assert is_bold(fmt_at(editor, 0, text.index("strong")))
    assert fmt_at(editor, 0, text.index("gone")).fontStrikeOut()
    code = fmt_at(editor, 0, text.index("x = 1"))
    assert code.fontFixedPitch() and code.background().style() != Qt.BrushStyle.NoBrush
    assert fmt_at(editor, 0, text.index("under")).fontItalic()
    assert is_bold(fmt_at(editor, 0, text.index("bold")))
    assert fmt_at(editor, 0, text.index(" b ")) is None  # plain text between spans


def test_nested_emphasis_and_escapes(editor, hl):
    load(editor, hl, "***both*** and **a *b* c** and \\*not em\\*")
    text = block(editor, 0).text()
    both = fmt_at(editor, 0, text.index("both"))
    assert is_bold(both) and both.fontItalic()
    inner = fmt_at(editor, 0, text.index("b*"))
    assert is_bold(inner) and inner.fontItalic()
    assert not (fmt_at(editor, 0, text.index("not em")) or QTextCharFormat()).fontItalic()


def test_setext_heading_appears_when_underline_is_typed(qtbot, editor, hl):
    load(editor, hl, "Title line")
    assert not is_bold(fmt_at(editor, 0, 0))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "===")
    qtbot.waitUntil(lambda: is_bold(fmt_at(editor, 0, 0)))
    # Delete the underline again: the title goes back to plain text.
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not is_bold(fmt_at(editor, 0, 0)))


def test_dash_line_after_blank_is_rule_not_heading(editor, hl):
    load(editor, hl, "Para\n---\n\n---\n* * *")
    assert is_bold(fmt_at(editor, 0, 0))  # setext h2
    assert fmt_at(editor, 3, 0) is not None and fmt_at(editor, 3, 0) == hl._formats["hr"]
    assert fmt_at(editor, 4, 0) == hl._formats["hr"]


def test_fenced_code_spans_lines_and_hides_markdown(editor, hl):
    load(editor, hl, "```python\n# not a heading\n*not em*\n```\n# heading again\n~~~~\n```\n~~~~\nafter")
    fence = hl._formats["fence"]
    assert fmt_at(editor, 1, 0) == fence and not is_bold(fmt_at(editor, 1, 2))
    assert fmt_at(editor, 2, 1) == fence
    assert is_bold(fmt_at(editor, 4, 3))
    assert fmt_at(editor, 6, 0) == fence  # ``` does not close a ~~~~ fence
    assert fmt_at(editor, 8, 0) is None
    assert block(editor, 1).userState() != block(editor, 4).userState()


def test_typing_a_fence_opener_recolours_following_lines(qtbot, editor, hl):
    load(editor, hl, "intro\n# title\nbody")
    assert is_bold(fmt_at(editor, 1, 3))
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "```")
    assert fmt_at(editor, 2, 3) == hl._formats["fence"]


def test_links_images_autolinks_footnotes(editor, hl):
    load(
        editor,
        hl,
        "See [the filing](https://sec.gov/x) and ![chart](c.png) at <https://a.b> "
        "or https://example.com/q?x=1 plus note[^1] and [ref][r1]",
    )
    text = block(editor, 0).text()
    link = fmt_at(editor, 0, text.index("the filing"))
    assert link.fontUnderline()
    assert fmt_at(editor, 0, text.index("https://sec")) == hl._fmt("url")
    assert fmt_at(editor, 0, text.index("chart")) == hl._formats["image"]
    assert fmt_at(editor, 0, text.index("https://a.b")).fontUnderline()
    assert fmt_at(editor, 0, text.index("example.com")).fontUnderline()
    assert fmt_at(editor, 0, text.index("^1")) == hl._formats["footnote"]
    assert fmt_at(editor, 0, text.index("ref")).fontUnderline()


def test_lists_quotes_and_definitions(editor, hl):
    load(editor, hl, "- item\n* star\n+ plus\n12. twelve\n> quoted *em*\n[^1]: note\n[r1]: https://x.y")
    for n in range(4):
        assert fmt_at(editor, n, 0) == hl._formats["list"]
    assert fmt_at(editor, 0, 3) is None
    quote = fmt_at(editor, 4, 3)
    assert quote.fontItalic()
    assert fmt_at(editor, 5, 1) == hl._formats["footnote"]
    assert fmt_at(editor, 6, 1) == hl._formats["link"]


def test_bidi_override_is_marked_with_warning_background_after_emoji(editor, hl):
    # The emoji takes two UTF-16 units: the mark must land on the control, not one short.
    line = "📈 Price \u202eevil\u202c ok"
    load(editor, hl, line)
    rlo_u16 = len(line[: line.index("\u202e")].encode("utf-16-le")) // 2
    warn_bg = hl._formats["warning"].background().color()
    assert fmt_at(editor, 0, rlo_u16).background().color() == warn_bg
    # The reordered run is marked too, text before it is not.
    assert fmt_at(editor, 0, rlo_u16 + 2).background().style() != Qt.BrushStyle.NoBrush
    assert fmt_at(editor, 0, rlo_u16 - 2) is None


def test_zero_width_and_c0_controls_are_marked_but_emoji_zwj_is_not(editor, hl):
    load(editor, hl, "zero\u200bwidth\nbell\x07here\ntab\tok\nfamily 👨\u200d👩\u200d👧 fine")
    warn_bg = hl._formats["warning"].background().color()
    assert fmt_at(editor, 0, 4).background().color() == warn_bg
    assert fmt_at(editor, 0, 3).underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert fmt_at(editor, 1, 4).background().color() == warn_bg
    assert block_formats(block(editor, 2)) == []
    assert block_formats(block(editor, 3)) == []


def test_very_long_lines_are_left_plain(editor, hl):
    long_line = "# " + "**x** " * (MAX_LINE_LENGTH // 6 + 10)
    load(editor, hl, long_line + "\n# short")
    assert block_formats(block(editor, 0)) == []
    assert is_bold(fmt_at(editor, 1, 3))


def test_light_and_dark_colours_are_readable(editor):
    hl = MarkdownHighlighter(editor.document(), dark=False)
    load(editor, hl, "# Title\n[link](u)")
    light_heading = fmt_at(editor, 0, 3).foreground().color()
    assert contrast(light_heading, QColor("white")) >= 4.5
    hl.set_dark(True)
    dark_heading = fmt_at(editor, 0, 3).foreground().color()
    assert dark_heading != light_heading
    assert contrast(dark_heading, QColor("#1e1e1e")) >= 4.5
    assert contrast(fmt_at(editor, 1, 1).foreground().color(), QColor("#1e1e1e")) >= 4.5
    hl.set_dark(None)  # back to following the application palette
    assert hl.dark is is_dark()


def test_large_document_is_highlighted_to_its_last_block(editor, hl):
    lines = [
        "# Heading **x**",
        "Shares rose *3%* after `q` [beat](https://e.x).",
        "",
        "- item",
        "Plain paragraph text " * 4,
        "```",
        "code",
        "```",
    ]
    text = "\n".join(lines * 5000)  # 40,000 lines
    editor.setPlainText(text)
    hl.rehighlight()  # its speed is a figure: benchmarks/bench_gui.py
    last_heading = editor.document().blockCount() - 8
    assert is_bold(fmt_at(editor, last_heading, 3))


def test_a_theme_switch_recolours_a_long_article_in_slices_screen_first(qtbot, editor):
    from editor_app.ui.editor.recolour import RECOLOUR_SYNC_BLOCKS

    hl = MarkdownHighlighter(editor.document(), dark=False)
    load(editor, hl, "\n".join(["# Heading", "Plain text with a [link](u)."] * RECOLOUR_SYNC_BLOCKS))
    light = fmt_at(editor, 0, 3).foreground().color()
    far = 2 * RECOLOUR_SYNC_BLOCKS - 2  # the last heading
    hl.set_dark(True, first_block=far - 10)
    assert hl.recolouring  # the rest waits for the event loop
    assert fmt_at(editor, far, 3).foreground().color() != light  # the blocks on screen at once
    qtbot.waitUntil(lambda: not hl.recolouring, timeout=60000)
    assert fmt_at(editor, 0, 3).foreground().color() == fmt_at(editor, far, 3).foreground().color() != light
