"""Right of reply and the headline check, driven like a reporter and an editor would: ask a
party for comment from the claim detail, see the request listed and in the preview's claims
box, be blocked from approving while it is open (and override with a reason), see "did not
respond by" once the deadline passed, and follow the headline warning to the words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.article import ArticleStatus
from editor_app.core.reply import ReplyMethod
from editor_app.store.claims import ClaimStore
from editor_app.store.replies import ReplyStore
from editor_app.ui.claims.dialogs import ResponseDialog
from editor_app.ui.claims.replies import ReplyRequestDialog
from editor_app.ui.common.widgets import show_dock
from editor_app.ui.review.status_dialogs import ChecklistBlockedDialog, StatusNoteDialog
from tests.gui.conftest import dom_text
from tests.gui.review_steps import act_as, click, settle, when_modal


def _claims_panel(window):
    show_dock(window.claims_dock)
    panel = window.claims_dock.content()
    assert panel.select_key("c1")
    return panel


def _ask(qtbot, button, fill) -> dict:
    """Click `button`, fill the reply dialog once it is open, press OK."""

    def handle(d: ReplyRequestDialog) -> None:
        fill(d)
        click(qtbot, d.ok_button)

    seen = when_modal(qtbot, ReplyRequestDialog, handle)
    button.window().activateWindow()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return seen


def _in_two_days(d: ReplyRequestDialog) -> datetime:
    d.set_zone("Asia/Hong_Kong")
    local = datetime.now(UTC).astimezone(ZoneInfo("Asia/Hong_Kong")) + timedelta(days=2)
    d.set_local_deadline(local.replace(hour=17, minute=0, second=0, microsecond=0, tzinfo=None))
    return d.deadline_utc()


def test_request_a_reply_through_the_claim_detail(qtbot, make_window):
    window = make_window()
    act_as(window, "Ana Ruiz")
    panel = _claims_panel(window)
    assert set(panel.reply_buttons) >= {"Ford", "Xiaomi"}  # the parties that answered
    chosen: dict = {}

    def another(d: ReplyRequestDialog) -> None:
        qtbot.keyClicks(d.party_edit, "Tesla")
        d.set_method(ReplyMethod.PHONE)
        chosen["deadline"] = _in_two_days(d)
        assert "5 p.m. HKT" in d.summary.text()

    seen = _ask(qtbot, panel.reply_other, another)
    qtbot.waitUntil(lambda: "Tesla" in panel.reply_labels, timeout=30000)
    assert seen["count"] == 1
    (req,) = ReplyStore(window.store).list_for_article(window.article.id)
    assert (req.party, req.method, req.asked_by, req.zone) == ("Tesla", ReplyMethod.PHONE, "Ana Ruiz", "Asia/Hong_Kong")
    assert req.deadline == chosen["deadline"] and req.deadline.minute == 0
    listed = panel.reply_labels["Tesla"].text()
    assert listed.startswith("Asked by phone by Ana Ruiz; deadline 5 p.m. HKT on ")
    assert panel.reply_labels["Tesla"].isVisible()

    # a party's own button: the dialog names it
    def ford(d: ReplyRequestDialog) -> None:
        assert d.windowTitle() == "Request reply from Ford"
        d.set_method(ReplyMethod.EMAIL)
        _in_two_days(d)

    _ask(qtbot, panel.reply_buttons["Ford"], ford)
    qtbot.waitUntil(lambda: panel.reply_labels["Ford"].text().startswith("Asked by e-mail"), timeout=30000)

    # the preview's claims box says what the story will say while they may still answer
    qtbot.waitUntil(
        lambda: "Tesla did not immediately respond to a request for comment." in dom_text(qtbot, window, ".claims-box"),
        timeout=30000,
    )

    # Tesla answers: recorded through the response dialog, it closes Tesla's request
    def answer(d: ResponseDialog) -> None:
        qtbot.keyClicks(d.party, "Tesla")
        d.set_stance("denies")
        qtbot.keyClicks(d.quote, "We have no plans with either company.")
        qtbot.keyClicks(d.source_url, "https://example.com/tesla")
        click(qtbot, d.ok_button)

    when_modal(qtbot, ResponseDialog, answer)
    qtbot.mouseClick(panel.responses.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.reply_labels["Tesla"].text().startswith("✓ Answered (Tesla: denies"), timeout=30000)
    assert ReplyStore(window.store).list_for_article(window.article.id)[0].closed_at is not None
    assert "Tesla" not in panel.reply_withdraw  # an answered request is history

    # Ford was never asked after all: withdraw it
    assert panel.withdraw_reply(next(r for r in panel.replies_shown if r.party == "Ford"), confirm=False)
    assert [r.party for r in ReplyStore(window.store).list_for_article(window.article.id)] == ["Tesla"]
    assert panel.reply_labels["Ford"].text() == "Not asked; responded: denies"


def test_an_open_request_blocks_approval_until_overridden(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    act_as(window, "Ed Editor")
    claim = ClaimStore(window.store).get_by_key(aid, "c1")
    deadline = datetime.now(UTC) + timedelta(days=1)
    ReplyStore(window.store).request(claim.id, "Xiaomi", "email", deadline, zone="Asia/Hong_Kong")
    when_modal(qtbot, StatusNoteDialog, lambda d: click(qtbot, d.ok_button))
    window.review.status_action("in_review").trigger()

    def override(d: ChecklistBlockedDialog) -> None:
        texts = [d.list.item(i).text() for i in range(d.list.count())]
        assert any("Xiaomi was asked for comment by e-mail" in t and "HKT" in t for t in texts), texts
        click(qtbot, d.override_button)
        qtbot.keyClicks(d.reason, "Xiaomi's filing answers the claim; desk head agreed")
        click(qtbot, d.confirm_button)

    when_modal(qtbot, StatusNoteDialog, lambda d: click(qtbot, d.ok_button))
    seen = when_modal(qtbot, ChecklistBlockedDialog, override)
    window.review.status_action("approved").trigger()
    assert seen["count"] == 1
    assert window.store.get(aid).status == ArticleStatus.APPROVED
    last = window.review.review.status_history(aid)[-1]
    assert last.override_reason == "Xiaomi's filing answers the claim; desk head agreed"
    assert "reply_pending" in [i.code for i in window.review.review.checklist(aid)]


def test_past_the_deadline_the_story_says_did_not_respond(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    claim = ClaimStore(window.store).get_by_key(aid, "c1")
    asked = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
    ReplyStore(window.store).request(
        claim.id, "Tesla", "email", datetime(2026, 1, 5, 9, 0, tzinfo=UTC), zone="Asia/Hong_Kong", asked_at=asked
    )
    panel = _claims_panel(window)
    qtbot.waitUntil(lambda: "Tesla" in panel.reply_labels, timeout=30000)
    assert panel.reply_labels["Tesla"].text() == "⚠ Did not respond by 5 p.m. HKT on Jan. 5 (asked by e-mail)"
    qtbot.waitUntil(
        lambda: "Tesla did not respond to a request for comment by 5 p.m. HKT on Jan. 5."
        in dom_text(qtbot, window, ".claims-box"),
        timeout=30000,
    )
    assert "reply_pending" not in [i.code for i in window.review.review.checklist(aid)]


def test_headline_warning_is_shown_and_a_click_selects_the_words(qtbot, make_window):
    window = make_window()
    title = window.header.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Ford in talks with Xiaomi, shares rise")
    settle(qtbot, window)
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(
        lambda: pane.row_of("headline_states_claim") >= 0 and pane.refresh_button.isEnabled(), timeout=30000
    )
    item = pane.items[pane.row_of("headline_states_claim")]
    assert item.level == "warning"
    assert "The headline states “Ford in talks with Xiaomi” as fact; the claim is denied by Ford and Xiaomi." in (
        item.message
    )
    assert "Attribute it: “Report says Ford in talks with Xiaomi”" in item.message
    window.editor.setFocus()
    row = pane.list.item(pane.row_of("headline_states_claim"))
    pane.list.scrollToItem(row)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=pane.list.visualItemRect(row).center())
    QApplication.processEvents()
    assert title.hasFocus()
    assert title.textCursor().selectedText() == "Ford in talks with Xiaomi"

    # attributed, the warning goes
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Report says Ford in talks with Xiaomi; both deny")
    settle(qtbot, window)
    click(qtbot, pane.refresh_button)
    qtbot.waitUntil(lambda: pane.refresh_button.isEnabled() and pane.row_of("headline_states_claim") < 0, timeout=30000)


def test_when_the_deadline_passes_the_window_follows_by_itself(qtbot, make_window):
    window = make_window()
    aid = window.article.id
    panel = _claims_panel(window)
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    claim = ClaimStore(window.store).get_by_key(aid, "c1")
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=3)
    ReplyStore(window.store).request(claim.id, "Tesla", "phone", soon, zone="Asia/Hong_Kong")
    qtbot.waitUntil(lambda: "Tesla" in panel.reply_labels, timeout=30000)
    assert panel.reply_labels["Tesla"].text().startswith("Asked by phone")
    qtbot.waitUntil(lambda: pane.row_of("reply_pending") >= 0, timeout=30000)  # the checklist followed the write
    # nobody touches anything: the deadline passes
    qtbot.waitUntil(lambda: panel.reply_labels["Tesla"].text().startswith("⚠ Did not respond by"), timeout=30000)
    qtbot.waitUntil(
        lambda: "Tesla did not respond to a request for comment by" in dom_text(qtbot, window, ".claims-box"),
        timeout=30000,
    )
    qtbot.waitUntil(lambda: pane.refresh_button.isEnabled() and pane.row_of("reply_pending") < 0, timeout=30000)
