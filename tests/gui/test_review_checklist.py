"""The checklist gate and pane: approving with errors is blocked, an override needs a written
reason (recorded), "Go to Problem" shows it, and clicking an item jumps to the header field, the
body line, the claim or exactly the response it is about. Problems are shown in full, wrapped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtWidgets import QApplication, QListWidget, QStyleOptionViewItem

from editor_app.core.article import ArticleStatus
from editor_app.ui.claims.dialogs import ResponseDialog
from editor_app.ui.review.checklist import ITEM_ROLE, CheckItemDelegate
from editor_app.ui.review.status_dialogs import ChecklistBlockedDialog, StatusNoteDialog
from tests.gui.review_steps import act_as, click, settle, when_modal

FORD_PROBLEM = (
    "Claim c1 (Ford and Xiaomi held talks on a US EV venture): the response of Ford has no source URL or linked source."
)
XIAOMI_PROBLEM = (
    "Claim c1 (Ford and Xiaomi held talks on a US EV venture): the response of Xiaomi has no source URL "
    "or linked source."
)


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
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [FORD_PROBLEM]
    assert dialog.items[0].where.describe() == "claim c1, response 1"
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


# -- problems shown in full; jumps to exactly the response meant (issue: "the first hour") ------


def _row_geometry(view: QListWidget, row: int) -> tuple[QRect, QRect, QRect, QRect]:
    """(row, icon, message, where) rectangles of a check-item row as the delegate paints them."""
    item = view.item(row)
    delegate = view.itemDelegate()
    assert isinstance(delegate, CheckItemDelegate)
    rect = view.visualItemRect(item)
    option = QStyleOptionViewItem()
    option.font = view.font()
    return (rect, *delegate.layout(option, item.data(ITEM_ROLE), rect))


def _assert_shown_in_full(view: QListWidget) -> None:
    """Every row: the whole message, wrapped inside its rectangle, its where-line above the row's
    separator (drawn on its last pixel line), rows one under the other without overlapping."""
    font = view.font()
    flags = int(Qt.TextFlag.TextWordWrap)
    previous_bottom = -1
    for r in range(view.count()):
        rect, icon, message, where = _row_geometry(view, r)
        text = view.item(r).text()
        item = view.item(r).data(ITEM_ROLE)
        assert text == item.message and not text.endswith("…")
        needed = QFontMetrics(font).boundingRect(QRect(0, 0, message.width(), 100_000), flags, text)
        assert needed.height() <= message.height(), (r, needed, message)
        assert needed.width() <= message.width()
        assert rect.top() > previous_bottom  # no row over the one above (or the frame)
        assert rect.top() < message.top() and icon.top() > rect.top()
        assert message.bottom() < where.top() and where.bottom() < rect.bottom()  # clear of the separator
        assert message.right() <= view.viewport().width() and rect.right() < view.viewport().width()
        previous_bottom = rect.bottom()


def test_the_blocked_dialog_shows_each_problem_in_full(qtbot, make_window):
    window = make_window()
    _send_to_review(qtbot, window)
    seen_rows: list = []

    def look(d: ChecklistBlockedDialog) -> None:
        try:
            QApplication.processEvents()
            assert d.minimumWidth() >= 520 and d.width() >= 520
            view = d.list
            assert view.count() == 1 and view.item(0).text() == FORD_PROBLEM
            _assert_shown_in_full(view)
            line = QFontMetrics(view.font()).lineSpacing()
            assert _row_geometry(view, 0)[2].height() >= line
            d.grab().save("/tmp/checklist_block.png")
            # narrower: the message wraps onto more lines and the row still holds all of it
            wide = view.viewport().width()
            d.resize(d.minimumWidth(), d.height())
            qtbot.waitUntil(lambda: view.viewport().width() < wide, timeout=5000)
            QApplication.processEvents()
            _assert_shown_in_full(view)
            seen_rows.append(view.item(0).text())
            d.grab().save("/tmp/checklist_block_narrow.png")
        finally:
            click(qtbot, d.cancel_button)  # a failed check must not leave the dialog waiting

    seen = _try_approve(qtbot, window, look)
    assert seen["count"] == 1 and seen_rows == [FORD_PROBLEM]
    assert window.store.get(window.article.id).status == ArticleStatus.IN_REVIEW


DOCK_WIDE = 900


def test_the_checklist_pane_rows_follow_the_pane_width(qtbot, make_window):
    window = make_window()
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(lambda: bool(pane.items), timeout=30000)
    QApplication.processEvents()
    _assert_shown_in_full(pane.list)
    narrow = pane.list.visualItemRect(pane.list.item(0)).height()
    before = pane.list.viewport().width()
    dock = review.checklist_dock
    dock.setFloating(True)  # undocked, then made wide, as a writer can
    dock.resize(DOCK_WIDE, 600)
    qtbot.waitUntil(lambda: pane.list.viewport().width() > before, timeout=5000)
    QApplication.processEvents()
    _assert_shown_in_full(pane.list)  # wider: fewer wrapped lines, shorter rows, still all there
    assert pane.list.visualItemRect(pane.list.item(0)).height() < narrow


def _selected_response(panel) -> tuple[int, str]:
    table = panel.responses_table
    rows = table.selectionModel().selectedRows()
    assert len(rows) <= 1
    row = rows[0].row() if rows else -1
    return row, table.item(row, 0).text() if row >= 0 else ""


def _drop_xiaomi_source_url(qtbot, window) -> None:
    """Edit the second response (Xiaomi) in the Claims panel: clear its source URL."""
    panel = window.claims.dock.content()
    table = panel.responses_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(1, 0)).center())
    assert _selected_response(panel) == (1, "Xiaomi")

    def clear_url(d: ResponseDialog) -> None:
        d.source_url.selectAll()
        qtbot.keyClick(d.source_url, Qt.Key.Key_Delete)
        click(qtbot, d.ok_button)

    when_modal(qtbot, ResponseDialog, clear_url)
    click(qtbot, panel.responses.edit)
    claim = window.claim_store.list_claims(window.article.id)[0]
    assert [(r.party, r.source_url) for r in claim.responses] == [("Ford", ""), ("Xiaomi", "")]
    assert _selected_response(panel) == (1, "Xiaomi")  # the writer left response 2 selected


@pytest.mark.parametrize("row", [0, 1])
def test_go_to_problem_selects_exactly_that_response(qtbot, make_window, row):
    window = make_window()
    window.claims_dock.show()
    panel = window.claims.dock.content()
    _drop_xiaomi_source_url(qtbot, window)
    settle(qtbot, window)
    _send_to_review(qtbot, window)

    def go(d: ChecklistBlockedDialog) -> None:
        assert [d.list.item(i).text() for i in range(d.list.count())] == [FORD_PROBLEM, XIAOMI_PROBLEM]
        assert [i.where.describe() for i in d.items] == ["claim c1, response 1", "claim c1, response 2"]
        assert d.list.currentRow() == 0  # the first problem to begin with
        _assert_shown_in_full(d.list)
        if row:
            view = d.list
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(view.item(1)).center())
            assert d.target is d.items[1]
        click(qtbot, d.go_button)

    seen = _try_approve(qtbot, window, go)
    assert seen["count"] == 1
    assert window.store.get(window.article.id).status == ArticleStatus.IN_REVIEW
    assert window.claims_dock.isVisible() and panel.current_key() == "c1"
    assert _selected_response(panel) == (row, ["Ford", "Xiaomi"][row])
    assert panel.responses_table.isVisible()


@pytest.mark.parametrize("row", [0, 1])
def test_clicking_a_response_item_selects_that_response(qtbot, make_window, row):
    window = make_window()
    window.claims_dock.show()
    panel = window.claims.dock.content()
    _drop_xiaomi_source_url(qtbot, window)
    settle(qtbot, window)
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(lambda: [i.code for i in pane.items] == ["response_no_source", "response_no_source"], timeout=30000)
    if row == 1:  # start from response 1 selected, so a jump that does nothing would show
        panel.responses_table.selectRow(0)
    item = pane.list.item(row)
    pane.list.scrollToItem(item)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=pane.list.visualItemRect(item).center())
    QApplication.processEvents()
    assert pane.items[row].where.describe() == f"claim c1, response {row + 1}"
    assert _selected_response(panel) == (row, ["Ford", "Xiaomi"][row])
