"""Format › headings, lists, quote and code: on the lines the selection touches, one undo step,
a second press takes them off (issue 19)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor_app.ui.editor.block_format import restyle_lines

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(
    ("lines", "style", "expected"),
    [
        (["Ford rose"], "heading2", ["## Ford rose"]),
        (["## Ford rose"], "heading2", ["Ford rose"]),  # again: off
        (["# Ford rose"], "heading3", ["### Ford rose"]),  # another level replaces it
        (["one", "", "two"], "bullet", ["- one", "", "- two"]),  # blank lines stay blank
        (["- one", "- two"], "bullet", ["one", "two"]),
        (["- one", "two"], "numbered", ["1. one", "2. two"]),  # a bullet becomes a number
        (["  - nested"], "numbered", ["  1. nested"]),  # indentation kept
        (["a", "b"], "quote", ["> a", "> b"]),
        (["> a", "> b"], "quote", ["a", "b"]),
        (["## Title", "> q", "- item"], "paragraph", ["Title", "q", "item"]),
        (["#hashtag"], "heading1", ["# #hashtag"]),  # not a heading without the space
    ],
)
def test_line_styles(lines, style, expected):
    assert restyle_lines(lines, style) == expected


def _select_lines(editor, first: int, last: int) -> None:
    doc = editor.document()
    cursor = QTextCursor(doc)
    cursor.setPosition(doc.findBlockByNumber(first).position())
    end = doc.findBlockByNumber(last)
    cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_format_keys_in_the_window_are_saved_and_undo_in_one_step(qtbot, make_window):
    window = make_window()
    window.new_article()
    editor = window.editor
    editor.setFocus()
    editor.setPlainText("Ford and Xiaomi\nFord denied it\nXiaomi denied it\nA closing line")
    _select_lines(editor, 0, 0)
    qtbot.keyClick(editor, Qt.Key.Key_2, CTRL)
    _select_lines(editor, 1, 2)
    qtbot.keyClick(editor, Qt.Key.Key_8, CTRL_SHIFT)
    _select_lines(editor, 3, 3)
    qtbot.keyClick(editor, Qt.Key.Key_9, CTRL_SHIFT)
    expected = "## Ford and Xiaomi\n- Ford denied it\n- Xiaomi denied it\n> A closing line"
    assert editor.toPlainText() == expected
    window.save_now()
    assert window.store.get(window.article.id).body == expected
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # one step: the quote only
    assert editor.toPlainText().endswith("\nA closing line")
    assert "- Xiaomi denied it" in editor.toPlainText()
    menu_items = [a.text().replace("&", "") for a in window.format_menu.actions() if not a.isSeparator()]
    for item in ("Heading 1", "Heading 2", "Heading 3", "Bulleted List", "Numbered List", "Quote", "Code"):
        assert item in menu_items


def test_code_is_inline_in_a_line_and_fenced_for_whole_lines(qtbot, make_window):
    window = make_window()
    window.new_article()
    editor = window.editor
    editor.setPlainText("Run pip install now\nline one\nline two")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(4)
    cursor.setPosition(15, QTextCursor.MoveMode.KeepAnchor)  # "pip install"
    editor.setTextCursor(cursor)
    window.actions_["code"].trigger()
    assert editor.toPlainText().startswith("Run `pip install` now\n")
    assert editor.textCursor().selectedText() == "pip install"
    window.actions_["code"].trigger()  # again: the backticks go
    assert editor.toPlainText().startswith("Run pip install now\n")
    _select_lines(editor, 1, 2)
    window.actions_["code"].trigger()
    assert editor.toPlainText().endswith("\n```\nline one\nline two\n```")
    _select_lines(editor, 2, 3)
    window.actions_["code"].trigger()  # inside a fence: off again
    assert editor.toPlainText().endswith("\nline one\nline two")
    assert "```" not in editor.toPlainText()
