"""Notices in the window: add a correction to the open published article (the exported page
shows it, the library marks the row, File › Corrections lists it and opens the article), kill
it, and an export under embargo refused with its message, then allowed with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.article import ArticleStatus as S
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.notices import NoticeStore
from editor_app.ui.library.table_model import SummaryRole
from editor_app.ui.notices.dialogs import AddNoticeDialog, ReasonDialog
from tests.gui.review_steps import click, when_modal

BODY = "The harbour authority said container traffic rose 5% in November.\n"


def _seed(db_path: Path) -> tuple[int, int]:
    store = open_store(db_path, seed_sample=False)
    other = store.create(title="Ferry timetable changes", dek="New times.", byline="Tom", body="Ferries change.\n")
    a = store.create(title="Harbour traffic rises", dek="Containers up.", byline="Ana", body=BODY)
    review = Review(store)
    for target in (S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(a.id, target, who="ed", checklist_items=[])
    store.close()
    return a.id, other.id


def _export(qtbot, window, path: Path) -> bool:
    with qtbot.waitSignal(window.export_finished, timeout=60000) as blocker:
        assert window.export_to(path)
    return blocker.args[1] == ""


def _library_row(window, article_id: int):
    model = window.library.model
    for r in range(model.rowCount()):
        row = model.index(r, 0).data(SummaryRole)
        if row is not None and row.id == article_id:
            return row
    return None


def test_add_a_notice_through_the_window_and_export_shows_it(qtbot, make_window, db_path, tmp_path):
    aid, other = _seed(db_path)
    window = make_window()
    assert window.open_article(aid)
    action = window.actions_["add_notice"]
    assert action.isEnabled() and action in window.menus["review"].actions()

    def fill(dialog: AddNoticeDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("correction"))
        qtbot.keyClicks(dialog.text, "An earlier version gave the rise as 4%.")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    seen = when_modal(qtbot, AddNoticeDialog, fill)
    action.trigger()
    assert seen["count"] == 1
    (notice,) = NoticeStore(window.store).list(aid)
    assert notice.published and notice.text == "An earlier version gave the rise as 4%."

    out = tmp_path / "harbour.html"
    assert _export(qtbot, window, out)
    page = out.read_text(encoding="utf-8")
    assert "<strong>Correction</strong>" in page and "An earlier version gave the rise as 4%." in page

    qtbot.waitUntil(lambda: getattr(_library_row(window, aid), "corrected", False))
    # File › Corrections lists it; clicking it opens the article
    window.open_article(other)
    corrections = window.actions_["corrections_list"]
    assert corrections in window.menus["file"].actions()
    corrections.trigger()
    dialog = window.notices.corrections_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "Harbour traffic rises"
    rect = dialog.table.visualItemRect(dialog.table.item(0, 3))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.article is not None and window.article.id == aid)
    dialog.close()


def test_kill_through_the_window(qtbot, make_window, db_path):
    aid, _other = _seed(db_path)
    window = make_window()
    window.open_article(aid)
    kill = window.actions_["kill_article"]
    assert kill.isEnabled()

    def confirm(dialog: ReasonDialog) -> None:
        assert not dialog.ok.isEnabled()  # a reason first
        qtbot.keyClicks(dialog.reason, "The authority withdrew its figures.")
        click(qtbot, dialog.ok)

    when_modal(qtbot, ReasonDialog, confirm)
    kill.trigger()
    article = window.store.get(aid)
    assert article.killed and article.kill_reason == "The authority withdrew its figures." and article.body == BODY
    assert window.review.status_button.text() == S.SPIKED.label
    assert not kill.isEnabled() and not window.actions_["add_notice"].isEnabled()


def test_export_refused_under_embargo_then_overridden_with_a_reason(qtbot, make_window, db_path, tmp_path):
    _aid, other = _seed(db_path)
    window = make_window()
    window.open_article(other)
    field = window.header.embargo
    field.setFocus()
    qtbot.keyClicks(field, "2099-12-24T09:00:00+08:00")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.store.get(other).embargo_at is not None)
    assert window.store.get(other).embargo_at.isoformat() == "2099-12-24T09:00:00+08:00"

    messages: list[str] = []

    def refuse(dialog: ReasonDialog) -> None:
        messages.append(dialog.message.text())
        dialog.reject()

    out = tmp_path / "ferry.html"
    when_modal(qtbot, ReasonDialog, refuse)
    assert not window.export_to(out)
    assert "Embargoed until 24 December 2099, 09:00 (UTC+08:00)" in messages[0]
    assert not out.exists() and "Not exported" in window.statusBar().currentMessage()

    def override(dialog: ReasonDialog) -> None:
        qtbot.keyClicks(dialog.reason, "The issuer released the figures early.")
        click(qtbot, dialog.ok)

    when_modal(qtbot, ReasonDialog, override)
    assert _export(qtbot, window, out)
    assert out.exists()
    (entry,) = Review(window.store).status_history(other)
    assert entry.override_reason == "The issuer released the figures early." and "exported" in entry.note

    # a bad value is refused with a reason and keeps the stored one
    field.selectAll()
    qtbot.keyClicks(field, "tomorrow at nine")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert "zone" in window.statusBar().currentMessage()
    assert window.store.get(other).embargo_at is not None


def test_batch_export_as_ninjs_goes_out_withheld_while_the_page_is_refused(qtbot, make_window, db_path, tmp_path):
    import json

    from editor_app.store.embargo import EmbargoStore

    aid, other = _seed(db_path)
    window = make_window()
    EmbargoStore(window.store).set_embargo(other, "2099-12-24T09:00:00+08:00")
    controller = window.export_import
    pages = tmp_path / "pages"
    when_modal(qtbot, ReasonDialog, lambda d: d.reject())
    assert controller.start_export([aid, other], pages) is None  # the page: refused without a reason
    assert not pages.exists()

    out = tmp_path / "wire"
    assert controller.start_export([aid, other], out, fmt="ninjs") is not None  # no dialog for the wire
    qtbot.waitUntil(lambda: controller.job is None, timeout=30000)
    assert controller.last_report.ok and controller.last_report.index is None
    docs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.iterdir()}
    assert docs["harbour-traffic-rises.json"]["pubStatus"] == "usable"
    assert docs["ferry-timetable-changes.json"]["pubStatus"] == "withheld"
    last = Review(window.store).status_history(other)[-1]
    assert "withheld ninjs item" in last.note and not last.override_reason
    assert all("withheld" not in c.note for c in Review(window.store).status_history(aid))


def test_publication_before_the_embargo_is_blocked_by_the_checklist(qtbot, make_window, db_path):
    from editor_app.store.embargo import EmbargoStore
    from editor_app.ui.review.status_dialogs import ChecklistBlockedDialog, StatusNoteDialog

    _aid, other = _seed(db_path)
    store = open_store(db_path)
    review = Review(store)
    for target in (S.IN_REVIEW, S.APPROVED):
        review.change_status(other, target, who="ed", checklist_items=[])
    EmbargoStore(store).set_embargo(other, "2099-12-24T09:00:00+08:00")
    store.close()
    window = make_window()
    window.open_article(other)
    when_modal(qtbot, StatusNoteDialog, lambda d: click(qtbot, d.ok_button))
    seen = when_modal(qtbot, ChecklistBlockedDialog, lambda d: click(qtbot, d.cancel_button))
    window.review.status_action("published").trigger()
    dialog = seen["dialog"]
    assert [i.code for i in dialog.items if i.level == "error"] == ["embargo"]
    assert window.store.get(other).status == S.APPROVED


def test_the_embargo_picker_sets_a_local_time_in_its_zone_and_clears_it(qtbot, make_window, db_path):
    from PySide6.QtCore import QDate, QDateTime, QTime

    from editor_app.ui.notices.embargo_editor import EmbargoPicker

    _aid, other = _seed(db_path)
    window = make_window()
    window.open_article(other)

    def pick(dialog: EmbargoPicker) -> None:
        dialog.when.setDateTime(QDateTime(QDate(2099, 12, 24), QTime(9, 0)))
        dialog.zone.setFocus()
        dialog.zone.lineEdit().selectAll()
        qtbot.keyClicks(dialog.zone.lineEdit(), "Asia/Hong_Kong")
        assert "24 December 2099, 09:00 (UTC+08:00) = 24 December 2099, 01:00 UTC" in dialog.summary.text()
        click(qtbot, dialog.ok)

    when_modal(qtbot, EmbargoPicker, pick)
    click(qtbot, window.header.embargo_pick)
    qtbot.waitUntil(lambda: window.store.get(other).embargo_at is not None)
    assert window.store.get(other).embargo_at.isoformat() == "2099-12-24T09:00:00+08:00"
    assert window.header.embargo.text() == "2099-12-24T09:00:00+08:00"

    def bad_zone_then_clear(dialog: EmbargoPicker) -> None:
        assert dialog.zone.currentText() == "Asia/Hong_Kong"  # the stored offset read back as its zone
        dialog.zone.lineEdit().selectAll()
        qtbot.keyClicks(dialog.zone.lineEdit(), "Mars/Base")
        assert not dialog.ok.isEnabled() and "not a time zone" in dialog.summary.text()
        click(qtbot, dialog.clear)

    when_modal(qtbot, EmbargoPicker, bad_zone_then_clear)
    click(qtbot, window.header.embargo_pick)
    qtbot.waitUntil(lambda: window.store.get(other).embargo_at is None)
    assert window.header.embargo.text() == ""


def test_the_embargo_field_reads_a_local_time_with_its_zone_name(qtbot, make_window, db_path):
    _aid, other = _seed(db_path)
    window = make_window()
    window.open_article(other)
    field = window.header.embargo
    field.setFocus()
    qtbot.keyClicks(field, "2099-07-01 09:30 America/New_York")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.store.get(other).embargo_at is not None)
    assert window.store.get(other).embargo_at.isoformat() == "2099-07-01T09:30:00-04:00"  # summer time
    field.selectAll()
    qtbot.keyClicks(field, "2099-12-24 09:00")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "Embargo not saved" in window.statusBar().currentMessage() and "Asia/Hong_Kong" in field.toolTip()
    assert window.store.get(other).embargo_at.isoformat() == "2099-07-01T09:30:00-04:00"  # kept
