"""Formatting commands driven through a real QPlainTextEdit: text, selection, undo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.ui.editor.formatting import insert_link, toggle_bold, toggle_italic


@pytest.fixture
def editor(qtbot):
    ed = QPlainTextEdit()
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    ed.setFocus()
    return ed


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def select(editor: QPlainTextEdit, needle: str, occurrence: int = 0) -> None:
    """Select `needle` (the n-th time it occurs) using UTF-16 positions."""
    text = editor.toPlainText()
    idx = -1
    for _ in range(occurrence + 1):
        idx = text.index(needle, idx + 1)
    cur = editor.textCursor()
    cur.setPosition(u16(text[:idx]))
    cur.setPosition(u16(text[: idx + len(needle)]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cur)


def caret_to(editor: QPlainTextEdit, offset_text: str) -> None:
    cur = editor.textCursor()
    cur.setPosition(u16(offset_text))
    editor.setTextCursor(cur)


def type_and_select_last_word(qtbot, editor: QPlainTextEdit, text: str, word_len: int) -> None:
    qtbot.keyClicks(editor, text)
    for _ in range(word_len):
        qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)


def test_bold_wraps_typed_selection_and_keeps_it_selected(qtbot, editor):
    type_and_select_last_word(qtbot, editor, "Profit rose", 4)
    assert editor.textCursor().selectedText() == "rose"
    toggle_bold(editor)
    assert editor.toPlainText() == "Profit **rose**"
    assert editor.textCursor().selectedText() == "rose"
    toggle_bold(editor)  # toggles back off
    assert editor.toPlainText() == "Profit rose"
    assert editor.textCursor().selectedText() == "rose"


def test_bold_is_one_undo_step_after_typing(qtbot, editor):
    type_and_select_last_word(qtbot, editor, "hello", 5)
    toggle_bold(editor)
    assert editor.toPlainText() == "**hello**"
    editor.undo()
    assert editor.toPlainText() == "hello"
    editor.redo()
    assert editor.toPlainText() == "**hello**"


def test_selection_including_markers_unwraps(editor):
    editor.setPlainText("a **x y** b __z__")
    select(editor, "**x y**")
    toggle_bold(editor)
    assert editor.toPlainText() == "a x y b __z__"
    assert editor.textCursor().selectedText() == "x y"
    select(editor, "z")
    toggle_bold(editor)  # underscore bold is recognised too
    assert editor.toPlainText() == "a x y b z"


def test_italic_and_bold_combine_and_separate(editor):
    editor.setPlainText("say **loud** now")
    select(editor, "loud")
    toggle_italic(editor)
    assert editor.toPlainText() == "say ***loud*** now"
    toggle_bold(editor)
    assert editor.toPlainText() == "say *loud* now"
    toggle_italic(editor)
    assert editor.toPlainText() == "say loud now"
    assert editor.textCursor().selectedText() == "loud"


def test_whitespace_stays_outside_markers(editor):
    editor.setPlainText("one two three")
    select(editor, " two ")
    toggle_bold(editor)
    assert editor.toPlainText() == "one **two** three"


def test_caret_inside_word_formats_the_word_and_keeps_caret(qtbot, editor):
    editor.setPlainText("net income fell")
    caret_to(editor, "net inc")
    toggle_bold(editor)
    assert editor.toPlainText() == "net **income** fell"
    qtbot.keyClicks(editor, "X")
    assert editor.toPlainText() == "net **incXome** fell"
    toggle_bold(editor)  # caret still inside the bold word: unbold, caret stays put
    qtbot.keyClicks(editor, "Y")
    assert editor.toPlainText() == "net incXYome fell"


def test_empty_pair_then_typing_then_toggle_off_empty(qtbot, editor):
    qtbot.keyClicks(editor, "Shares ")
    toggle_bold(editor)
    assert editor.toPlainText() == "Shares ****"
    qtbot.keyClicks(editor, "up")
    assert editor.toPlainText() == "Shares **up**"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " ")
    toggle_italic(editor)
    toggle_italic(editor)  # caret between an empty pair: removes it again
    assert editor.toPlainText() == "Shares **up** "


def test_multi_line_selection_formats_each_line(editor):
    editor.setPlainText("first line\n\nsecond line\n")
    cur = editor.textCursor()
    cur.setPosition(0)
    cur.setPosition(len("first line\n\nsecond line"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cur)
    toggle_bold(editor)
    assert editor.toPlainText() == "**first line**\n\n**second line**\n"
    toggle_bold(editor)
    assert editor.toPlainText() == "first line\n\nsecond line\n"
    editor.undo()
    assert editor.toPlainText() == "**first line**\n\n**second line**\n"


def test_emoji_before_selection_keeps_positions_right(editor):
    editor.setPlainText("📈📉 stock 🚀 moon")
    select(editor, "moon")
    toggle_italic(editor)
    assert editor.toPlainText() == "📈📉 stock 🚀 *moon*"
    assert editor.textCursor().selectedText() == "moon"
    select(editor, "stock")
    toggle_bold(editor)
    assert editor.toPlainText() == "📈📉 **stock** 🚀 *moon*"
    assert editor.textCursor().selectedText() == "stock"


def test_link_wraps_selection_with_caret_in_url(qtbot, editor):
    editor.setPlainText("read the filing today")
    select(editor, "the filing")
    insert_link(editor)
    assert editor.toPlainText() == "read [the filing]() today"
    qtbot.keyClicks(editor, "https://sec.gov")
    assert editor.toPlainText() == "read [the filing](https://sec.gov) today"


def test_link_with_url_and_without_selection(qtbot, editor):
    editor.setPlainText("see ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    insert_link(editor, "https://x.y/a b")
    assert editor.toPlainText() == "see [](<https://x.y/a b>)"
    qtbot.keyClicks(editor, "docs")
    assert editor.toPlainText() == "see [docs](<https://x.y/a b>)"
    editor.undo()
    editor.undo()
    assert editor.toPlainText() == "see "


def test_link_on_selection_with_url_then_toggle_off(editor):
    editor.setPlainText("ACME results")
    select(editor, "ACME")
    insert_link(editor, "https://acme.example")
    assert editor.toPlainText() == "[ACME](https://acme.example) results"
    select(editor, "ACME")  # just the text part: unlinks
    insert_link(editor)
    assert editor.toPlainText() == "ACME results"
    assert editor.textCursor().selectedText() == "ACME"
    editor.setPlainText("x [y](z) w")
    select(editor, "[y](z)")
    insert_link(editor)
    assert editor.toPlainText() == "x y w"


def test_selected_bare_url_becomes_target(qtbot, editor):
    editor.setPlainText("go https://example.com now")
    select(editor, "https://example.com")
    insert_link(editor)
    assert editor.toPlainText() == "go [](https://example.com) now"
    qtbot.keyClicks(editor, "site")
    assert editor.toPlainText() == "go [site](https://example.com) now"


def test_caret_in_existing_link_retargets_it(editor):
    editor.setPlainText("a [text](old) b")
    caret_to(editor, "a [te")
    insert_link(editor, "new")
    assert editor.toPlainText() == "a [text](new) b"
    caret_to(editor, "a [te")
    insert_link(editor)
    assert editor.textCursor().selectedText() == "new"


def test_read_only_editor_is_left_alone(editor):
    editor.setPlainText("keep")
    editor.setReadOnly(True)
    select(editor, "keep")
    assert toggle_bold(editor) is False
    assert insert_link(editor, "u") is False
    assert editor.toPlainText() == "keep"
