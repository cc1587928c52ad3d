"""The checklist gate and pane: approving with errors is blocked, an override needs a written
reason (recorded), "Go to first problem" shows it, and clicking an item jumps to the header
field, the body line or the claim it is about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.core.article import ArticleStatus
from editor_app.ui.status_dialog import ChecklistBlockedDialog, StatusNoteDialog
from tests.gui.review_steps import act_as, click, settle, when_modal


def _send_to_review(qtbot, window) -> None:
    when_modal(qtbot, StatusNoteDialog, lambda d: click(qtbot, d.ok_button))
    window.review.status_action("in_review").trigger()
    assert window.store.get(window.article.id).status == ArticleStatus.IN_REVIEW


def _try_approve(qtbot, window, handle) -> dict:
    when_modal(qtbot, StatusNoteDialog, lambda d: click(qtbot, d.ok_button))
    seen = when_modal(qtbot, ChecklistBlockedDialog, handle)
    window.review.status_action("approved").trigger()
    return seen


def test_approve_blocked_then_overridden_with_a_reason(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    review = window.review.review
    act_as(window, "Ed Editor")
    _send_to_review(qtbot, window)

    # Cancel: nothing changes
    seen = _try_approve(qtbot, window, lambda d: click(qtbot, d.cancel_button))
    dialog = seen["dialog"]
    assert [dialog.list.topLevelItem(i).text(1) for i in range(dialog.list.topLevelItemCount())] == [
        "Claim c1 (Ford and Xiaomi held talks on a US EV venture): the response of Ford has no source URL "
        "or linked source."
    ]
    assert dialog.list.topLevelItem(0).text(2) == "claim c1, response 1"
    assert window.store.get(aid).status == ArticleStatus.IN_REVIEW

    # Override: the button stays disabled until a reason is written
    def override(d: ChecklistBlockedDialog) -> None:
        click(qtbot, d.override_button)
        assert d.reason.isVisible() and d.confirm_button.isVisible()
        assert not d.confirm_button.isEnabled()
        qtbot.keyClicks(d.reason, "   ")
        assert not d.confirm_button.isEnabled()
        d.reason.clear()
        qtbot.keyClicks(d.reason, "Ford statement read out on our call; link to follow")
        click(qtbot, d.confirm_button)

    seen = _try_approve(qtbot, window, override)
    assert seen["count"] == 1
    assert window.store.get(aid).status == ArticleStatus.APPROVED
    last = review.status_history(aid)[-1]
    assert (last.to_status, last.who) == (ArticleStatus.APPROVED, "Ed Editor")
    assert last.override_reason == "Ford statement read out on our call; link to follow"
    assert window.review.status_button.text() == "Approved"
    # the checklist pane shows what was overridden
    pane = window.review.checklist_pane()
    assert [i.code for i in pane.items] == ["response_no_source"]


def test_go_to_first_problem_opens_the_claim(qtbot, make_window):
    window = make_window()
    _send_to_review(qtbot, window)
    _try_approve(qtbot, window, lambda d: click(qtbot, d.go_button))
    assert window.store.get(window.article.id).status == ArticleStatus.IN_REVIEW
    assert window.claims_dock.isVisible()
    assert window.claims.dock.content().current_key() == "c1"
    assert window.review.checklist_dock.built


def _click_item(qtbot, pane, code: str) -> None:
    row = pane.row_of(code)
    assert row >= 0, [i.code for i in pane.items]
    item = pane.list.item(row)
    pane.list.scrollToItem(item)
    rect = pane.list.visualItemRect(item)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("what", ["header", "body", "claim"])
def test_clicking_an_item_jumps_there(qtbot, make_window, what):
    window = make_window()
    review = window.review
    editor = window.editor
    if what == "header":  # empty the byline through the form
        window.header.byline.setFocus()
        window.header.byline.selectAll()
        qtbot.keyClick(window.header.byline, Qt.Key.Key_Delete)
    elif what == "body":  # a link that is not http(s)
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "See [the file](ftp://files.example.com/x) too.")
    settle(qtbot, window)
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(lambda: bool(pane.items) and pane.refresh_button.isEnabled(), timeout=30000)
    code = {"header": "missing_byline", "body": "bad_link", "claim": "response_no_source"}[what]
    editor.setFocus()
    _click_item(qtbot, pane, code)
    QApplication.processEvents()
    if what == "header":
        assert window.header.byline.hasFocus()
    elif what == "body":
        assert editor.textCursor().selectedText() == "ftp://files.example.com/x"
        assert editor.hasFocus()
        line = next(i for i in pane.items if i.code == "bad_link").where.line
        assert editor.textCursor().blockNumber() + 1 == line
    else:
        assert window.claims_dock.isVisible()
        assert window.claims.dock.content().current_key() == "c1"


def test_checklist_follows_saves_and_the_refresh_button(qtbot, make_window):
    window = make_window()
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(lambda: bool(pane.items), timeout=30000)
    assert pane.summary.text() == "1 error, 0 warnings."
    # the editor adds a comment on the whole article: an open comment is an error
    review.comment_on_article()
    comments = review.comments_pane()
    qtbot.keyClicks(comments.editor, "Check the dates.")
    click(qtbot, comments.post_button)
    qtbot.waitUntil(lambda: "open_comment" in [i.code for i in pane.items], timeout=30000)
    runs = review.checklist_runs
    click(qtbot, pane.refresh_button)
    qtbot.waitUntil(lambda: review.checklist_runs > runs, timeout=30000)
    assert pane.summary.text() == "2 errors, 0 warnings."


def test_the_approval_note_survives_a_checklist_block(qtbot, make_window):
    """Issue 19: the note typed in the Approve dialog was lost when the checklist blocked it."""
    window = make_window()
    aid = window.article.id
    act_as(window, "Ed Editor")
    _send_to_review(qtbot, window)

    def write_note(d: StatusNoteDialog) -> None:
        qtbot.keyClicks(d.note, "Checked against the FT report")
        click(qtbot, d.ok_button)

    when_modal(qtbot, StatusNoteDialog, write_note)
    when_modal(qtbot, ChecklistBlockedDialog, lambda d: click(qtbot, d.cancel_button))
    window.review.status_action("approved").trigger()
    assert window.store.get(aid).status == ArticleStatus.IN_REVIEW

    seen_note: list[str] = []

    def second_try(d: StatusNoteDialog) -> None:
        seen_note.append(d.note_text())
        click(qtbot, d.ok_button)

    def override(d: ChecklistBlockedDialog) -> None:
        click(qtbot, d.override_button)
        qtbot.keyClicks(d.reason, "Ford statement read out on our call")
        click(qtbot, d.confirm_button)

    when_modal(qtbot, StatusNoteDialog, second_try)
    when_modal(qtbot, ChecklistBlockedDialog, override)
    window.review.status_action("approved").trigger()
    assert seen_note == ["Checked against the FT report"]
    last = window.review.review.status_history(aid)[-1]
    assert (last.to_status, last.note) == (ArticleStatus.APPROVED, "Checked against the FT report")
