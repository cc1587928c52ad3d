"""Sources from the claims' reports: the report a writer recorded on a claim (outlet, title, URL,
date) becomes a source in one click, linked to that report, and is then offered as "already a
source" (issue 19: the editor typed every report twice)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu

from editor_app.core.claims import Appearance, Claim
from editor_app.store.claims import ClaimStore
from editor_app.ui.review.source_dialogs import SourceDialog
from tests.gui.review_steps import click, when_modal

URL = "https://ledger.example.com/ford-xiaomi"


def _claim_with_report(window) -> Claim:
    """A new article (the sample's claims have reports of their own) with one reported claim."""
    article = window.store.create(title="Ford and Xiaomi", body="A report says Ford held talks with Xiaomi.")
    assert window.open_article(article.id)
    claim = Claim(
        short="Ford held talks with Xiaomi",
        appearances=[
            Appearance(outlet="Daily Ledger", title="Ford, Xiaomi discuss EV plant", url=URL, date=date(2026, 11, 2))
        ],
    )
    return ClaimStore(window.store).import_claims(window.article.id, [claim])[0]


def _sources_pane(qtbot, window):
    window.sources_dock.show()
    window.sources_dock.raise_()
    pane = window.review.sources_pane()
    qtbot.waitUntil(pane.isVisible)
    return pane


def _menu_texts_then_pick(qtbot, pane, pick: str | None) -> list[tuple[str, bool]]:
    """Open "From claims" with a click; note the entries (text, enabled); trigger `pick`."""
    seen: list[tuple[str, bool]] = []

    def poll() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, poll)
            return
        seen.extend((a.text(), a.isEnabled()) for a in menu.actions())
        chosen = next((a for a in menu.actions() if pick and a.text().startswith(pick)), None)
        if chosen is not None:
            chosen.trigger()
        menu.close()

    QTimer.singleShot(0, poll)
    click(qtbot, pane.from_claims_button)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    return seen


def test_a_claims_report_becomes_a_linked_source_in_one_click(qtbot, make_window):
    window = make_window()
    claim = _claim_with_report(window)
    pane = _sources_pane(qtbot, window)
    assert pane.table.rowCount() == 0

    entries = _menu_texts_then_pick(qtbot, pane, "Daily Ledger")
    assert len(entries) == 1
    assert ("Daily Ledger — Ford, Xiaomi discuss EV plant", True) in entries
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    [source] = window.review_store.list_sources(window.article.id)
    assert (source.outlet, source.title, source.url, source.published_on) == (
        "Daily Ledger",
        "Ford, Xiaomi discuss EV plant",
        URL,
        date(2026, 11, 2),
    )
    [link] = source.links
    assert link.claim_id == claim.id and link.appearance_id == claim.appearances[0].id

    again = _menu_texts_then_pick(qtbot, pane, None)  # now offered as done, and not twice
    assert ("Daily Ledger — Ford, Xiaomi discuss EV plant — already a source", False) in again
    assert len(again) == len(entries)
    assert len(window.review_store.list_sources(window.article.id)) == 1


def test_add_source_fills_its_fields_from_a_report(qtbot, make_window):
    window = make_window()
    claim = _claim_with_report(window)
    pane = _sources_pane(qtbot, window)

    def choose(dialog: SourceDialog) -> None:
        assert dialog.from_claims.isVisible()
        dialog.from_claims.setCurrentIndex(1)
        assert dialog.url.text() == URL and dialog.outlet.text() == "Daily Ledger"
        dialog.supports.setText("The report of the talks")
        click(qtbot, dialog.ok_button)

    when_modal(qtbot, SourceDialog, choose)
    click(qtbot, pane.add_button)
    [source] = window.review_store.list_sources(window.article.id)
    assert source.title == "Ford, Xiaomi discuss EV plant" and source.supports == "The report of the talks"
    assert [(lk.claim_id, lk.appearance_id) for lk in source.links] == [(claim.id, claim.appearances[0].id)]


def test_without_reports_the_menu_says_where_to_add_them(qtbot, make_window):
    window = make_window()
    article = window.store.create(title="No claims yet", body="Nothing reported.")
    assert window.open_article(article.id)
    pane = _sources_pane(qtbot, window)
    [(text, enabled)] = _menu_texts_then_pick(qtbot, pane, None)
    assert "No reports on the claims yet" in text and not enabled
