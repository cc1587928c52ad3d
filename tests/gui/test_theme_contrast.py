"""Every colour the editor paints text in passes WCAG AA (4.5:1) on what it is painted on, in the
light and the dark theme: the highlighter's formats on the editor's background, the editor's text
on the find, comment, claim and proposal-evidence backgrounds, the window's own text roles, and
the status colours on the panes' background."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor_app.core.contrast import AA_LARGE, AA_TEXT
from editor_app.ui.claims.assistant import EVIDENCE_COLOURS
from editor_app.ui.claims.claim_list import STATUS_COLOURS as CLAIM_COLOURS
from editor_app.ui.common.theme import ERROR_COLOURS, OK_COLOURS, STATUS_COLOURS, WARNING_COLOURS, contrast
from editor_app.ui.editor.highlighter import SPELLING_COLOUR, MarkdownHighlighter
from editor_app.ui.review.comment_highlights import CommentHighlights
from editor_app.ui.theme.controller import apply_theme
from editor_app.ui.theme.palettes import DARK, LIGHT, SYSTEM

Role = QPalette.ColorRole


@pytest.fixture(params=[LIGHT, DARK])
def theme(request, qapp) -> Iterator[str]:
    apply_theme(request.param)
    QApplication.processEvents()  # widgets take the palette from posted events
    yield request.param
    apply_theme(SYSTEM, Qt.ColorScheme.Light)


def painted(fmt, role: QTextFormat.Property, fallback: QColor) -> QColor:
    return fmt.foreground().color() if fmt.hasProperty(role) else fallback


def test_every_highlighter_format_is_readable_on_the_editor_background(theme):
    editor = QPlainTextEdit()
    highlighter = MarkdownHighlighter(editor.document())
    assert highlighter.dark is (theme == DARK)
    base, text = editor.palette().color(Role.Base), editor.palette().color(Role.Text)
    assert (base.lightness() < 64) is (theme == DARK)
    ratios = {}
    for name, fmt in highlighter._formats.items():
        fg = fmt.foreground().color() if fmt.hasProperty(QTextFormat.Property.ForegroundBrush) else text
        bg = fmt.background().color() if fmt.hasProperty(QTextFormat.Property.BackgroundBrush) else base
        ratios[name] = round(contrast(fg, bg), 2)
    failing = {name: r for name, r in ratios.items() if r < AA_TEXT}
    assert failing == {}, ratios
    assert len(ratios) >= 20  # headings, links, code, quotes, marks, claims, warnings, spelling...
    # the squiggle is a mark, not text: 3:1 against the background (WCAG 1.4.11)
    assert contrast(QColor(SPELLING_COLOUR[theme == DARK]), base) >= AA_LARGE


def test_the_editor_text_is_readable_on_every_highlight_background(theme):
    editor = QPlainTextEdit()
    dark = theme == DARK
    text = editor.palette().color(Role.Text)
    from editor_app.ui.editor.find_replace import FindReplaceBar

    backgrounds = {
        "find match": FindReplaceBar(editor)._highlight_format().background().color(),
        "comment": CommentHighlights(editor)._format(False).background().color(),
        "comment, selected": CommentHighlights(editor)._format(True).background().color(),
        "proposed claim": QColor(EVIDENCE_COLOURS["claim"][dark]),
        "reporter": QColor(EVIDENCE_COLOURS["reporter"][dark]),
    }
    ratios = {name: round(contrast(text, bg), 2) for name, bg in backgrounds.items()}
    assert all(r >= AA_TEXT for r in ratios.values()), ratios


def test_window_text_roles_and_status_colours_are_readable(theme):
    pal = QApplication.palette()
    dark = theme == DARK
    pairs = {
        "window text": (Role.WindowText, Role.Window),
        "text": (Role.Text, Role.Base),
        "placeholder on base": (Role.PlaceholderText, Role.Base),
        "placeholder on window": (Role.PlaceholderText, Role.Window),
        "selection": (Role.HighlightedText, Role.Highlight),
        "button": (Role.ButtonText, Role.Button),
        "tooltip": (Role.ToolTipText, Role.ToolTipBase),
        "link": (Role.Link, Role.Base),
    }
    ratios = {name: round(contrast(pal.color(fg), pal.color(bg)), 2) for name, (fg, bg) in pairs.items()}
    assert all(r >= AA_TEXT for r in ratios.values()), ratios
    colours = {
        **{f"status {s.value}": c for s, c in STATUS_COLOURS.items()},
        **{f"claim {s.value}": c for s, c in CLAIM_COLOURS.items()},
        "error": ERROR_COLOURS,
        "warning": WARNING_COLOURS,
        "ok": OK_COLOURS,
    }
    for ground in (Role.Window, Role.Base):
        on = {name: round(contrast(QColor(c[dark]), pal.color(ground)), 2) for name, c in colours.items()}
        assert all(r >= AA_TEXT for r in on.values()), (ground, on)
