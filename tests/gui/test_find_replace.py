"""FindReplaceBar driven like a writer would: keys into real widgets, results read back."""

from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.editor.find_replace import (
    FIND_HIGHLIGHT_PROPERTY,
    MATCH_LIMIT,
    FindReplaceBar,
)

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Window:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = QPlainTextEdit()
        self.bar = FindReplaceBar(self.editor)
        layout.addWidget(self.editor)
        layout.addWidget(self.bar)
        qtbot.addWidget(self.widget)
        self.widget.resize(700, 400)
        self.widget.show()
        qtbot.waitExposed(self.widget)
        self.widget.activateWindow()
        self.editor.setFocus()

    def type_query(self, text: str) -> None:
        self.bar.find_edit.clear()
        self.qtbot.keyClicks(self.bar.find_edit, text)

    def selected(self) -> str:
        return self.editor.textCursor().selectedText()

    def label(self) -> str:
        return self.bar.status_label.text()


@pytest.fixture
def win(qtbot):
    return Window(qtbot)


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def find_highlights(editor: QPlainTextEdit) -> list[QTextEdit.ExtraSelection]:
    return [s for s in editor.extraSelections() if s.format.hasProperty(FIND_HIGHLIGHT_PROPERTY)]


def test_find_mode_hides_replace_and_counts_as_you_type(win):
    win.editor.setPlainText("ACME rose. Then acme fell. ACME again.")
    win.bar.show_find()
    assert win.bar.isVisible() and not win.bar.replace_visible
    assert win.bar.find_edit.hasFocus()
    win.type_query("acme")
    assert win.selected() == "ACME"
    assert win.editor.textCursor().selectionStart() == 0
    assert win.label() == "1 of 3"
    assert len(find_highlights(win.editor)) == 3


def test_enter_shift_enter_and_wrap_around(win):
    win.editor.setPlainText("one x two x three x")
    win.bar.show_find()
    win.type_query("x")
    assert win.label() == "1 of 3"
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_Return)
    assert win.label() == "2 of 3"
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_Return)
    assert win.label() == "3 of 3"
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_Return)  # wraps to the top
    assert win.label() == "1 of 3"
    assert win.editor.textCursor().selectionStart() == 4
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_Return, SHIFT)  # wraps to the bottom
    assert win.label() == "3 of 3"
    assert win.editor.textCursor().selectionStart() == len("one x two x three ")
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_Enter, SHIFT)
    assert win.label() == "2 of 3"
    win.qtbot.mouseClick(win.bar.next_button, Qt.MouseButton.LeftButton)
    assert win.label() == "3 of 3"


def test_no_matches_message(win):
    win.editor.setPlainText("nothing to see")
    win.bar.show_find()
    win.type_query("zebra")
    assert win.label() == "No matches"
    assert win.bar.find_next() is False
    assert find_highlights(win.editor) == []


def test_match_case_toggle(win):
    win.editor.setPlainText("Apple apple APPLE")
    win.bar.show_find()
    win.type_query("apple")
    assert win.label() == "1 of 3"
    win.qtbot.mouseClick(win.bar.match_case, Qt.MouseButton.LeftButton)
    assert win.bar.match_case.isChecked()
    assert win.label() == "1 of 1"
    assert win.editor.textCursor().selectionStart() == 6
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_C, ALT)  # Alt+C toggles it back
    assert not win.bar.match_case.isChecked()
    assert win.label().endswith("of 3")


def test_whole_word(win):
    win.editor.setPlainText("cat concat cat_x cat.")
    win.bar.show_find()
    win.type_query("cat")
    assert win.label().endswith("of 4")
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_W, ALT)
    assert win.bar.whole_word.isChecked()
    assert [win.editor.toPlainText()[s:e] for s, e in win.bar.matches()] == ["cat", "cat"]
    assert win.bar.matches() == [(0, 3), (17, 20)]


def test_invalid_regex_message_and_recovery(win):
    win.editor.setPlainText("price (up)")
    win.bar.show_find()
    win.bar.regex.setChecked(True)
    win.type_query("(up")
    assert win.label().startswith("Invalid regex: ")
    assert "missing )" in win.label()
    assert win.bar.find_next() is False
    assert find_highlights(win.editor) == []
    win.qtbot.keyClicks(win.bar.find_edit, r"\)")  # now "(up\)" - still unbalanced
    assert win.label().startswith("Invalid regex")
    win.type_query(r"\(up\)")
    assert win.label() == "1 of 1"
    assert win.selected() == "(up)"


def test_regex_replace_all_with_groups_is_one_undo_step(win):
    original = "Call Smith, John. Call Doe, Jane.\nCall Roe, Rick."
    win.editor.setPlainText(original)
    win.bar.show_replace()
    assert win.bar.replace_visible
    win.bar.regex.setChecked(True)
    win.type_query(r"(?P<last>\w+), (\w+)")
    assert win.label() == "1 of 3"
    win.qtbot.keyClicks(win.bar.replace_edit, r"\2 \g<last>")
    assert win.bar.replace_all() == 3
    assert win.editor.toPlainText() == "Call John Smith. Call Jane Doe.\nCall Rick Roe."
    assert win.label() == "Replaced 3 occurrences"
    win.editor.undo()
    assert win.editor.toPlainText() == original


def test_ctrl_alt_enter_replaces_all_literal_without_regex_expansion(win):
    win.editor.setPlainText("a.b a.b axb")
    win.bar.show_replace()
    win.type_query("a.b")  # literal: the dot is not a wildcard
    win.qtbot.keyClicks(win.bar.replace_edit, r"\1$")
    win.qtbot.keyClick(win.bar.replace_edit, Qt.Key.Key_Return, CTRL | ALT)
    assert win.editor.toPlainText() == r"\1$ \1$ axb"


def test_replace_one_then_moves_to_next(win):
    win.editor.setPlainText("dog cat dog cat dog")
    win.bar.show_replace()
    win.type_query("dog")
    win.qtbot.keyClicks(win.bar.replace_edit, "wolf")
    win.qtbot.keyClick(win.bar.replace_edit, Qt.Key.Key_Return)
    assert win.editor.toPlainText() == "wolf cat dog cat dog"
    assert win.selected() == "dog"
    assert win.editor.textCursor().selectionStart() == 9
    assert win.label() == "1 of 2"
    win.qtbot.mouseClick(win.bar.replace_button, Qt.MouseButton.LeftButton)
    assert win.editor.toPlainText() == "wolf cat wolf cat dog"
    win.editor.undo()
    assert win.editor.toPlainText() == "wolf cat dog cat dog"


def test_emoji_before_matches_keeps_utf16_positions(win):
    text = "📈 ACME 🚀🚀 acme 👨‍👩‍👧 ACME end"
    win.editor.setPlainText(text)
    win.bar.show_replace()
    win.type_query("acme")
    assert win.selected() == "ACME"
    assert win.editor.textCursor().selectionStart() == u16("📈 ")
    win.bar.find_next()
    assert win.selected() == "acme"
    assert win.editor.textCursor().selectionStart() == u16("📈 ACME 🚀🚀 ")
    win.bar.find_next()
    assert win.selected() == "ACME"
    assert win.label() == "3 of 3"
    starts = [s for s, _ in win.bar.matches()]
    assert starts == [u16(text[: m.start()]) for m in re.finditer("(?i)acme", text)]
    assert starts[2] == len(text[: text.rindex("ACME")]) + 6  # six astral chars before it
    win.bar.replace_edit.setText("Acme Corp")
    win.bar.replace_one()  # replaces the selected third match
    assert win.editor.toPlainText() == "📈 ACME 🚀🚀 acme 👨‍👩‍👧 Acme Corp end"
    win.bar.regex.setChecked(True)
    win.bar.find_edit.setText(r"(\w+) 🚀+")  # QTest cannot type astral characters
    win.bar.replace_edit.setText(r"[\1]")
    assert win.bar.replace_all() == 1
    assert win.editor.toPlainText() == "📈 [ACME] acme 👨‍👩‍👧 Acme Corp end"


def test_escape_closes_clears_highlights_and_refocuses_editor(win):
    win.editor.setPlainText("alpha beta alpha")
    # Another feature's extra selection must survive the bar's highlighting.
    other = QTextEdit.ExtraSelection()
    other.cursor = QTextCursor(win.editor.document())
    other.format = QTextCharFormat()
    other.format.setBackground(QColor("lightblue"))
    win.editor.setExtraSelections([other])
    win.bar.show_find()
    win.type_query("alpha")
    assert len(find_highlights(win.editor)) == 2
    assert len(win.editor.extraSelections()) == 3
    win.qtbot.keyClick(win.bar.find_edit, Qt.Key.Key_Escape)
    assert not win.bar.isVisible()
    win.qtbot.waitUntil(lambda: QApplication.focusWidget() is win.editor)
    assert find_highlights(win.editor) == []
    assert len(win.editor.extraSelections()) == 1
    assert win.selected() == "alpha"  # the found text stays selected for the writer


def test_show_replace_prefills_single_line_selection_only(win):
    win.editor.setPlainText("first line\nsecond line")
    cur = win.editor.textCursor()
    cur.setPosition(6)
    cur.setPosition(10, QTextCursor.MoveMode.KeepAnchor)
    win.editor.setTextCursor(cur)
    win.bar.show_replace()
    assert win.bar.find_edit.text() == "line"
    assert win.label() == "1 of 2"
    assert win.editor.textCursor().selectionStart() == 6
    win.bar.hide_bar()
    cur.setPosition(0)
    cur.setPosition(15, QTextCursor.MoveMode.KeepAnchor)  # spans two lines
    win.editor.setTextCursor(cur)
    win.bar.show_find()
    assert win.bar.find_edit.text() == "line"  # unchanged


def test_regex_mode_prefill_is_escaped(win):
    win.editor.setPlainText("cost $5.00 (net)")
    win.bar.regex.setChecked(True)
    cur = win.editor.textCursor()
    cur.setPosition(5)
    cur.setPosition(10, QTextCursor.MoveMode.KeepAnchor)
    win.editor.setTextCursor(cur)
    win.bar.show_find()
    assert win.bar.find_edit.text() == r"\$5\.00"
    assert win.label() == "1 of 1"


def test_zero_width_regex_replace_all_quotes_every_line(win):
    win.editor.setPlainText("one\ntwo\nthree")
    win.bar.show_replace()
    win.bar.regex.setChecked(True)
    win.type_query("^")
    assert win.label() == "No matches"  # nothing to select...
    win.bar.replace_edit.setText("> ")
    assert win.bar.replace_all() == 3  # ...but every line start is replaceable
    assert win.editor.toPlainText() == "> one\n> two\n> three"


def test_invalid_replacement_group_is_reported_not_applied(win):
    win.editor.setPlainText("abc")
    win.bar.show_replace()
    win.bar.regex.setChecked(True)
    win.type_query("(b)")
    win.bar.replace_edit.setText(r"\2")
    assert win.bar.replace_all() == 0
    assert win.label().startswith("Invalid replacement")
    assert win.editor.toPlainText() == "abc"


def test_editing_the_document_updates_the_count(win):
    win.editor.setPlainText("tick tock tick")
    win.bar.show_find()
    win.type_query("tick")
    assert win.label() == "1 of 2"
    win.editor.moveCursor(QTextCursor.MoveOperation.End)
    win.editor.insertPlainText(" tick")
    win.qtbot.waitUntil(lambda: len(find_highlights(win.editor)) == 3)
    assert win.label() == "3 matches"


def test_large_replace_all_is_one_undo_step(win):
    original = "\n".join(f"row {i} price 😀 up" for i in range(3000))
    win.editor.setPlainText(original)
    win.bar.show_replace()
    win.type_query("up")
    win.bar.replace_edit.setText("down")
    assert win.bar.replace_all() == 3000
    text = win.editor.toPlainText()
    assert text.count("down") == 3000 and "up" not in text
    win.editor.undo()
    assert win.editor.toPlainText() == original


def test_match_count_is_capped(win):
    win.editor.setPlainText("x " * (MATCH_LIMIT + 50))
    win.bar.show_find()
    win.type_query("x")
    assert win.label() == f"1 of {MATCH_LIMIT:,}+"
    # Highlights stay cheap: only the part of the document around the viewport.
    assert 0 < len(find_highlights(win.editor)) <= 1000
    cur = win.editor.textCursor()
    cur.setPosition(2 * MATCH_LIMIT + 10)
    win.editor.setTextCursor(cur)
    assert win.bar.find_next()  # beyond the counted matches still navigates
    assert win.editor.textCursor().selectionStart() == 2 * MATCH_LIMIT + 10
    assert win.bar.find_previous()
    assert win.editor.textCursor().selectionStart() == 2 * MATCH_LIMIT + 8


def test_read_only_editor_refuses_replace(win):
    win.editor.setPlainText("keep keep")
    win.editor.setReadOnly(True)
    win.bar.show_replace()
    win.type_query("keep")
    win.bar.replace_edit.setText("x")
    assert win.bar.replace_all() == 0
    assert win.label() == "Document is read-only"
    assert win.editor.toPlainText() == "keep keep"


def test_replace_all_in_the_window_says_how_many_and_keeps_saying_it(qtbot, make_window):
    """Issue 19: the count was replaced by "No matches" as soon as the document settled."""
    from tests.gui.conftest import fresh_article

    window = make_window()
    fresh_article(qtbot, window, "Ford and Ford and Ford.\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_H, CTRL)
    bar = window.findChild(FindReplaceBar)
    qtbot.waitUntil(bar.isVisible, timeout=30000)
    bar.find_edit.clear()
    qtbot.keyClicks(bar.find_edit, "Ford")
    bar.replace_edit.clear()
    qtbot.keyClicks(bar.replace_edit, "GM")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "GM and GM and GM.\n"
    assert bar.status_label.text() == "Replaced 3 occurrences"
    qtbot.waitUntil(lambda: not bar._refresh_timer.isActive(), timeout=30000)  # the recount ran
    QApplication.processEvents()
    assert bar.status_label.text() == "Replaced 3 occurrences"
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert window.store.get(window.article.id).body == "GM and GM and GM.\n"
