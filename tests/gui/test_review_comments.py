"""Review comments in the editor: the commented words are highlighted, the highlight and the
stored range follow typing before them (through astral characters too), the comment is flagged
"text gone" when its words are deleted, clicking a comment selects its words, and the find bar's
highlights and ours keep each other. Anchors follow edits by text mapping: full-text search is
not involved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor_app.store.search import search
from editor_app.ui.common.text_positions import qt_position
from editor_app.ui.editor.find_replace import FIND_HIGHLIGHT_PROPERTY
from tests.gui.review_steps import CTRL_ALT, activate, click, select_text, settle

PHRASE = "met twice this autumn"
NOTE = "Which meetings? zqxcommentword"


def _comment_on(qtbot, window, phrase: str, text: str = NOTE):
    activate(qtbot, window)
    select_text(window, phrase)
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL_ALT)
    pane = window.review.comments_pane()
    qtbot.waitUntil(lambda: pane.composing == "anchor")
    assert "met twice" in pane.composer_label.text()
    qtbot.keyClicks(pane.editor, text)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter posts
    [thread] = window.review_store.list_comments(window.article.id)
    return pane, thread


def _painted_text(window) -> list[str]:
    editor = window.editor
    doc = editor.document()
    out = []
    for start, end, _cid in window.review.highlights.painted():
        c = QTextCursor(doc)
        c.setPosition(start)
        c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        out.append(c.selectedText())
    return out


def test_comment_range_is_highlighted_and_clicking_selects_it(qtbot, make_window):
    window = make_window()
    pane, thread = _comment_on(qtbot, window, PHRASE)
    assert thread.anchor_text == PHRASE and not thread.detached
    text = window.editor.toPlainText()
    start = text.index(PHRASE)
    assert window.review.highlights.painted() == [
        (qt_position(text, start), qt_position(text, start + len(PHRASE)), thread.id)
    ]
    assert _painted_text(window) == [PHRASE]
    # the card shows the quoted words and the body as plain text
    card = pane.cards[thread.id]
    assert card.findChild(type(pane.count_label), "commentQuote").text() == f"“{PHRASE}”"
    assert card.findChild(type(pane.count_label), "commentBody").text() == NOTE
    # click elsewhere, then on the card: its words are selected in the editor
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == PHRASE
    # the editor's context menu offers the comment action
    menu = window.claims.editor_context_menu(window.editor.rect().center())
    assert window.review.actions["comment_selection"] in menu.actions()
    menu.deleteLater()


def test_comment_follows_typing_before_it(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    _pane, thread = _comment_on(qtbot, window, PHRASE)
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "UPDATE ")
    editor.textCursor().insertText("📈 ")  # astral: two UTF-16 units
    # the painted range follows at once (Qt moves the selection with the edit)
    assert _painted_text(window) == [PHRASE]
    settle(qtbot, window)
    [moved] = window.review_store.list_comments(aid)
    body = window.store.get(aid).body
    assert moved.anchor_start == thread.anchor_start + len("UPDATE 📈 ")
    assert body[moved.anchor_start : moved.anchor_end] == PHRASE and not moved.detached
    # repainted from the store: still on the words
    window.review.refresh_highlights()
    assert _painted_text(window) == [PHRASE]
    # typing inside the range widens it
    select_text(window, "twice")
    qtbot.keyClicks(editor, "twice or three times")
    settle(qtbot, window)
    [widened] = window.review_store.list_comments(aid)
    body = window.store.get(aid).body
    assert body[widened.anchor_start : widened.anchor_end] == "met twice or three times this autumn"
    assert _painted_text(window) == ["met twice or three times this autumn"]
    # full-text search is not involved: comments are not indexed, anchors are text positions
    assert search(window.store, "zqxcommentword") == []


def test_comment_is_flagged_when_its_text_is_deleted(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    pane, _thread = _comment_on(qtbot, window, PHRASE)
    select_text(window, "had " + PHRASE + " to")
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    settle(qtbot, window)
    [gone] = window.review_store.list_comments(aid)
    assert gone.detached and gone.anchor_start is None and gone.anchor_text == PHRASE
    assert window.review.highlights.painted() == []
    card = pane.cards[gone.id]
    assert card.badge.text() == "Text gone"
    assert card.findChild(type(pane.count_label), "commentQuote").text() == f"“{PHRASE}”"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert "were deleted" in window.statusBar().currentMessage()
    # still open: the checklist lists it without a place in the text
    items = [i for i in window.review_store.checklist(aid) if i.code == "open_comment"]
    assert len(items) == 1 and items[0].where.offset is None


def test_find_highlights_and_comment_highlights_keep_each_other(qtbot, make_window):
    window = make_window()
    _pane, _thread = _comment_on(qtbot, window, PHRASE)
    bar = window.find_bar
    bar.show_find()
    qtbot.keyClicks(bar.find_edit, "Xiaomi")
    qtbot.waitUntil(
        lambda: any(s.format.hasProperty(FIND_HIGHLIGHT_PROPERTY) for s in window.editor.extraSelections()),
        timeout=30000,
    )
    assert _painted_text(window) == [PHRASE]  # the find bar kept ours
    finds = sum(1 for s in window.editor.extraSelections() if s.format.hasProperty(FIND_HIGHLIGHT_PROPERTY))
    window.review.refresh_highlights()
    assert sum(1 for s in window.editor.extraSelections() if s.format.hasProperty(FIND_HIGHLIGHT_PROPERTY)) == finds
    assert _painted_text(window) == [PHRASE]


def test_reply_resolve_reopen_and_article_comments(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    review = window.review
    review.comment_on_article()
    pane = review.comments_pane()
    assert pane.composing == "article"
    qtbot.keyClicks(pane.editor, "<b>Not bold</b> & fine")
    click(qtbot, pane.post_button)
    [thread] = window.review_store.list_comments(aid)
    assert thread.anchor_start is None
    card = pane.cards[thread.id]
    body = card.findChild(type(pane.count_label), "commentBody")
    assert body.text() == "<b>Not bold</b> & fine" and body.textFormat() == Qt.TextFormat.PlainText
    click(qtbot, card.reply_button)
    qtbot.keyClicks(pane.editor, "Agreed.")
    click(qtbot, pane.post_button)
    click(qtbot, pane.cards[thread.id].resolve_button)
    assert window.review_store.list_comments(aid)[0].resolved
    assert thread.id not in pane.cards  # the "Open" filter hides it
    pane.filter.setCurrentIndex(1)
    card = pane.cards[thread.id]
    assert card.resolve_button.text() == "Reopen"
    click(qtbot, card.resolve_button)
    assert not window.review_store.list_comments(aid)[0].resolved
    assert pane.count_label.text() == "1 open · 1 in all"
