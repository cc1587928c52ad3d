"""The Claims panel, driven like a writer would: mark a claim, record who reported it and who
answered, override the status, undo a deletion, close and reopen."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar

from editor_app.core.claims import Appearance, ClaimStatus, Response, Stance
from editor_app.services.opening import open_store
from editor_app.store.claims import ClaimStore
from editor_app.ui.claims.dialogs import AppearanceDialog, ResponseDialog
from editor_app.ui.claims.panel import ClaimListModel, ClaimsPanel
from editor_app.ui.editor.highlighter import block_formats
from tests.gui.conftest import dom_html, dom_text, fresh_article

# The first-start sample comes with claim c1 already anchored in SENTENCE's paragraph, so the tests
# that mark claims of their own work on a new article holding the same story without any claims
# (`fresh_article`); what the sample itself shows is tested on its own below.

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SENTENCE = "they had held talks about producing electric vehicles together in the United States"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


# -- helpers ----------------------------------------------------------------------------------


def _panel(window) -> ClaimsPanel:
    return window.claims_dock.content()


def _select(qtbot, window, phrase: str) -> None:
    """Select `phrase` in the editor the way a search would (positions in UTF-16, like Qt)."""
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert editor.find(phrase), phrase
    assert editor.textCursor().selectedText() == phrase


def _mark(qtbot, window, phrase: str) -> None:
    _select(qtbot, window, phrase)
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL_SHIFT)  # the real shortcut


def _set_body(window, text: str) -> None:
    editor = window.editor
    editor.setFocus()
    editor.selectAll()
    editor.insertPlainText(text)


def _in_dialog(qtbot, fill: Callable[[object], None], *, accept: bool = True) -> dict:
    """Fill the next modal dialog once it is open and press OK (the dialog runs its own loop)."""
    seen: dict = {}

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, (AppearanceDialog, ResponseDialog)):
            QTimer.singleShot(20, run)
            return
        seen["dialog"] = type(dialog).__name__
        try:
            fill(dialog)
        except BaseException as exc:  # a failed check must not leave the modal loop running
            seen["failure"] = exc
            dialog.reject()
            return
        if accept:
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            seen["error"] = dialog.error.text() if dialog.error.isVisible() else ""
            if dialog.isVisible():
                dialog.reject()
        else:
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def _add_appearance(qtbot, panel: ClaimsPanel, outlet: str, url: str) -> dict:
    def fill(d: AppearanceDialog) -> None:
        qtbot.keyClicks(d.outlet, outlet)
        qtbot.keyClicks(d.title, "Ford and Xiaomi discussed US EV plant")
        qtbot.keyClicks(d.url, url)
        d.date.set_value(date(2026, 11, 20), user=True)
        d.is_first.setChecked(True)
        qtbot.keyClicks(d.attribution, "people familiar with the matter")

    seen = _in_dialog(qtbot, fill)
    qtbot.mouseClick(panel.appearances.add, Qt.MouseButton.LeftButton)
    return seen


def _add_response(qtbot, panel: ClaimsPanel, party: str, quote: str, stance: Stance = Stance.DENIES) -> dict:
    def fill(d: ResponseDialog) -> None:
        qtbot.keyClicks(d.party, party)
        d.set_stance(stance)
        qtbot.keyClicks(d.quote, quote)
        d.date.set_value(date(2026, 11, 21), user=True)

    seen = _in_dialog(qtbot, fill)
    qtbot.mouseClick(panel.responses.add, Qt.MouseButton.LeftButton)
    return seen


def _row_text(panel: ClaimsPanel, row: int = 0) -> str:
    return panel.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)


def _js(qtbot, window, code: str):
    result: dict = {}
    window.preview.run_in_page(code, lambda value: result.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in result, timeout=30000)
    return result["v"]


def _click_row(qtbot, panel: ClaimsPanel, row: int) -> None:
    rect = panel.view.visualRect(panel.model.index(row))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _stored_claims(db_path, article_id):
    store = open_store(db_path)
    try:
        return ClaimStore(store).list_claims(article_id)
    finally:
        store.close()


# -- the walk from the issue -----------------------------------------------------------------


def test_mark_report_deny_preview_and_reopen(qtbot, make_window, db_path):
    window = make_window()
    fresh_article(qtbot, window)
    article_id = window.article.id
    _mark(qtbot, window, SENTENCE)
    body = window.editor.toPlainText()
    assert f"<!--claim c1-->{SENTENCE}<!--/claim-->" in body
    assert window.editor.textCursor().selectedText() == SENTENCE  # the anchored words stay selected
    assert window.claims_dock.isVisible()
    panel = _panel(window)
    assert panel.current_key() == "c1"
    assert panel.status_label.text() == "Unconfirmed"
    assert panel.wording_edit.toPlainText() == SENTENCE

    seen = _add_appearance(qtbot, panel, "Financial Times", "https://example.com/ft-report")
    assert seen == {"dialog": "AppearanceDialog", "error": ""}
    assert panel.appearances_table.item(0, 0).text() == "Financial Times"
    assert panel.appearances_table.item(0, 4).text() == "Yes"

    _add_response(qtbot, panel, "Ford", "The report is not accurate.")
    # the second party autocompletes from the known parties (this claim's and the sample's)
    _add_response(qtbot, panel, "Xiaomi", "We are not negotiating any such arrangement.")
    assert panel.status_label.text() == "Denied"
    assert panel.reason_label.text() == "Denied by Ford and Xiaomi"
    assert _row_text(panel).startswith("Denied · they had held talks")
    assert "2 responses · 1 report" in _row_text(panel)
    assert [panel.responses_table.item(r, 0).text() for r in range(2)] == ["Ford", "Xiaomi"]

    # the preview: a styled span and the box after the body
    qtbot.waitUntil(lambda: 'class="claim claim-denied" data-claim="c1"' in dom_html(qtbot, window), timeout=30000)
    qtbot.waitUntil(lambda: "Claims and responses" in dom_text(qtbot, window), timeout=30000)
    box = dom_text(qtbot, window, ".claims-box")
    assert "Denied" in box and "Financial Times" in box and "Xiaomi" in box

    # close (no Ctrl+S) and reopen: everything is still there
    window.close()
    again = make_window()
    assert again.article.id == article_id
    assert f"<!--claim c1-->{SENTENCE}<!--/claim-->" in again.editor.toPlainText()
    again.claims_dock.show()
    panel = _panel(again)
    qtbot.waitUntil(lambda: panel.current_key() == "c1", timeout=30000)
    assert panel.status_label.text() == "Denied"
    assert panel.appearances_table.item(0, 0).text() == "Financial Times"
    assert [panel.responses_table.item(r, 0).text() for r in range(2)] == ["Ford", "Xiaomi"]
    (claim,) = _stored_claims(db_path, article_id)
    assert claim.appearances[0].url == "https://example.com/ft-report"
    assert claim.appearances[0].date == date(2026, 11, 20)
    assert [(r.party, r.stance) for r in claim.responses] == [("Ford", Stance.DENIES), ("Xiaomi", Stance.DENIES)]


def test_first_start_sample_claim_is_denied_in_panel_and_preview(qtbot, make_window, db_path):
    window = make_window()
    sample_anchor = "held talks about producing electric vehicles together in the United States"
    body = window.editor.toPlainText()
    assert not body.startswith("---")  # the front matter became data, not text
    assert body.count("<!--claim") == 1
    assert f"they had <!--claim c1-->{sample_anchor}<!--/claim-->." in body

    window.claims_dock.show()
    window.claims_dock.raise_()
    panel = _panel(window)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.current_key() == "c1", timeout=30000)
    assert panel.model.rowCount() == 1
    assert panel.status_label.text() == "Denied"
    assert panel.reason_label.text() == "Denied by Ford and Xiaomi"
    assert _row_text(panel) == "Denied · Ford and Xiaomi held talks on a US EV venture · 2 responses · 1 report"
    assert panel.short_edit.text() == "Ford and Xiaomi held talks on a US EV venture"
    assert panel.wording_edit.toPlainText() == (
        "Ford and Xiaomi held talks about producing electric vehicles together in the United States"
    )
    assert not panel.unanchored_label.isVisible()
    assert panel.appearances_table.rowCount() == 1
    assert panel.appearances_table.item(0, 0).text() == "The Daily Ledger"
    assert [panel.responses_table.item(r, 0).text() for r in range(panel.responses_table.rowCount())] == [
        "Ford",
        "Xiaomi",
    ]
    (claim,) = _stored_claims(db_path, window.article.id)
    assert [(r.party, r.stance) for r in claim.responses] == [("Ford", Stance.DENIES), ("Xiaomi", Stance.DENIES)]

    # the preview: the anchored words in a denied-claim span, and the box after the body
    qtbot.waitUntil(lambda: 'class="claim claim-denied" data-claim="c1"' in dom_html(qtbot, window), timeout=30000)
    assert _js(qtbot, window, "document.querySelectorAll('#article .claim').length") == 1
    # the span holds the anchored words, after a hidden "[claim, denied]" for screen readers
    span_text = "document.querySelector('#article [data-claim=\"c1\"]').textContent"
    assert _js(qtbot, window, span_text) == f"[claim, denied] {sample_anchor}"
    qtbot.waitUntil(lambda: "Claims and responses" in dom_text(qtbot, window), timeout=30000)
    box = dom_text(qtbot, window, ".claims-box")
    for words in ("Denied", "The Daily Ledger", "Ford", "Xiaomi", "not negotiating any such arrangement"):
        assert words in box, words

    # clicking the claim selects its words in the editor
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    _click_row(qtbot, panel, 0)
    assert window.editor.textCursor().selectedText() == sample_anchor


def test_dialog_refuses_a_bad_url_and_autocompletes_parties(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    panel.add_response(Response(party="Financial Times", stance=Stance.CLARIFIES))

    def fill(d: AppearanceDialog) -> None:
        completer = d.outlet.completer()
        completer.setCompletionPrefix("financial")
        assert completer.currentCompletion() == "Financial Times"  # case-insensitive, from the store
        qtbot.keyClicks(d.outlet, "Financial Times")
        qtbot.keyClicks(d.url, "javascript:alert(1)")

    seen = _in_dialog(qtbot, fill)
    qtbot.mouseClick(panel.appearances.add, Qt.MouseButton.LeftButton)
    assert "https://" in seen["error"]
    assert panel.appearances_table.rowCount() == 0


def test_rows_edit_remove_and_reorder(qtbot, make_window, db_path):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    panel.add_response(Response(party="Ford", stance=Stance.DENIES, quote="No."))
    panel.add_response(Response(party="Xiaomi", stance=Stance.CONFIRMS, quote="Yes."))
    assert panel.status_label.text() == "Disputed"
    panel.responses_table.selectRow(1)

    def fill(d: ResponseDialog) -> None:
        assert d.party.text() == "Xiaomi"
        d.set_stance(Stance.DENIES)

    _in_dialog(qtbot, fill)
    qtbot.mouseClick(panel.responses.edit, Qt.MouseButton.LeftButton)
    assert panel.status_label.text() == "Denied"
    panel.responses_table.selectRow(1)
    qtbot.mouseClick(panel.responses.up, Qt.MouseButton.LeftButton)
    assert [panel.responses_table.item(r, 0).text() for r in range(2)] == ["Xiaomi", "Ford"]
    assert panel.responses.current_row() == 0
    qtbot.mouseClick(panel.responses.remove, Qt.MouseButton.LeftButton)
    assert [panel.responses_table.item(r, 0).text() for r in range(1)] == ["Ford"]
    (claim,) = _stored_claims(db_path, window.article.id)
    assert [r.party for r in claim.responses] == ["Ford"]


# -- anchors in the editor ---------------------------------------------------------------------


def test_one_undo_removes_the_markers_and_the_claim_stays_unanchored(qtbot, make_window, db_path):
    window = make_window()
    fresh_article(qtbot, window)
    before = window.editor.toPlainText()
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    assert "Not anchored" not in _row_text(panel)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert window.editor.toPlainText() == before
    qtbot.waitUntil(lambda: "Not anchored in the text" in _row_text(panel), timeout=30000)
    assert panel.unanchored_label.isVisible()
    assert len(_stored_claims(db_path, window.article.id)) == 1  # flagged, not lost


def test_anchor_survives_typing_before_and_inside_and_undo_of_a_deletion(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    editor = window.editor
    # typing before the span
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "UPDATE: ")
    # typing inside the span
    _select(qtbot, window, "electric vehicles")
    editor.moveCursor(QTextCursor.MoveOperation.Left)  # to the start of the selection
    qtbot.keyClicks(editor, "battery-")
    qtbot.wait(400)
    text = editor.toPlainText()
    assert text.startswith("UPDATE: ")
    assert "<!--claim c1-->they had held talks about producing battery-electric vehicles" in text
    assert "Not anchored" not in _row_text(panel)

    # delete the whole paragraph: the claim is flagged, one undo brings the anchor back
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlock(text.index("<!--claim")).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert "<!--claim" not in editor.toPlainText()
    qtbot.waitUntil(lambda: "Not anchored in the text" in _row_text(panel), timeout=30000)
    assert panel.unanchored_label.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == text
    qtbot.waitUntil(lambda: "Not anchored" not in _row_text(panel), timeout=30000)
    assert not panel.unanchored_label.isVisible()


def test_anchor_survives_cut_and_paste_of_its_paragraph(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    editor = window.editor
    text = editor.toPlainText()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlock(text.index("<!--claim")).position())
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_X, CTRL)
    qtbot.waitUntil(lambda: "Not anchored in the text" in _row_text(panel), timeout=30000)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert f"<!--claim c1-->{SENTENCE}<!--/claim-->" in editor.toPlainText()
    qtbot.waitUntil(lambda: "Not anchored" not in _row_text(panel), timeout=30000)
    _click_row(qtbot, panel, 0)
    assert editor.textCursor().selectedText() == SENTENCE


def test_clicking_a_claim_selects_its_words_and_the_cursor_selects_the_claim(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    second = "executives of the two companies had met twice this autumn"
    _mark(qtbot, window, SENTENCE)
    _mark(qtbot, window, second)
    panel = _panel(window)
    assert panel.current_key() == "c2"
    assert panel.model.rowCount() == 2

    _click_row(qtbot, panel, 0)
    assert panel.current_key() == "c1"
    assert window.editor.textCursor().selectedText() == SENTENCE
    qtbot.waitUntil(lambda: 'data-claim="c1"' in dom_html(qtbot, window), timeout=30000)
    found: dict = {}
    window.claims.scroll_preview_to_claim("c1", lambda ok: found.setdefault("ok", ok))
    qtbot.waitUntil(lambda: "ok" in found, timeout=30000)
    assert found["ok"] is True
    window.claims.scroll_preview_to_claim("c1'); alert(1); ('", lambda ok: found.setdefault("bad", ok))
    qtbot.wait(100)
    assert "bad" not in found  # an invalid key never reaches JavaScript

    # put the cursor inside the second span (keyboard): the panel follows, without jumping back
    editor = window.editor
    _select(qtbot, window, "met twice")
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.current_key() == "c2", timeout=30000)
    assert not editor.textCursor().hasSelection()
    # outside any span the panel keeps its selection
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.wait(300)
    assert panel.current_key() == "c2"


def test_emoji_before_the_selection(qtbot, make_window):
    window = make_window()
    window.new_article()
    _set_body(window, "🚀🚀 Rocket maker 👩‍👩‍👧 denies report.\n\nSecond 😀 paragraph.")
    _mark(qtbot, window, "Rocket maker 👩‍👩‍👧 denies report")
    assert window.editor.toPlainText() == (
        "🚀🚀 <!--claim c1-->Rocket maker 👩‍👩‍👧 denies report<!--/claim-->.\n\nSecond 😀 paragraph."
    )
    panel = _panel(window)
    assert panel.current_claim().wording == "Rocket maker 👩‍👩‍👧 denies report"
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    _click_row(qtbot, panel, 0)
    assert window.editor.textCursor().selectedText() == "Rocket maker 👩‍👩‍👧 denies report"
    _mark(qtbot, window, "paragraph")
    assert window.editor.toPlainText().endswith("Second 😀 <!--claim c2-->paragraph<!--/claim-->.")
    _select(qtbot, window, "denies")
    qtbot.keyClick(window.editor, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: panel.current_key() == "c1", timeout=30000)


@pytest.mark.parametrize(
    ("body", "phrase", "reason"),
    [
        ("One sentence.\n\nAnother sentence.", "sentence.\n\nAnother", "one paragraph"),
        ("Run `ford --deny` now.", "ford --deny", "inline code"),
        ("```\nFord denies\n```\n", "Ford denies", "code block"),
        ("Ford    denies it.", "   ", "empty"),
    ],
)
def test_mark_as_claim_refuses_with_a_reason(qtbot, make_window, db_path, body, phrase, reason):
    window = make_window()
    window.new_article()
    _set_body(window, body)
    editor = window.editor
    if "\n\n" in phrase:
        cursor = editor.textCursor()
        start = body.index(phrase)
        cursor.setPosition(start)
        cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    else:
        _select(qtbot, window, phrase)
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_SHIFT)
    message = window.statusBar().currentMessage()
    assert message.startswith("Not marked as a claim") and reason in message
    assert editor.toPlainText() == body
    assert _stored_claims(db_path, window.article.id) == []


def test_mark_as_claim_refuses_no_selection_and_overlap(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.actions_["mark_claim"].trigger()
    assert "select the words" in window.statusBar().currentMessage()
    _mark(qtbot, window, SENTENCE)
    _mark(qtbot, window, "report that <!--claim c1-->they had")
    assert "overlaps claim 'c1'" in window.statusBar().currentMessage()
    assert window.editor.toPlainText().count("<!--claim") == 1


def test_menus_toolbar_and_context_menu_offer_mark_as_claim(qtbot, make_window):
    window = make_window()
    action = window.actions_["mark_claim"]
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    format_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "F&ormat")
    assert action in format_menu.actions()
    assert action in window.findChild(QToolBar, "mainToolbar").actions()
    menu = window.claims.editor_context_menu(window.editor.viewport().rect().center())
    assert action in menu.actions()
    assert any(a.text().replace("&", "").startswith("Copy") for a in menu.actions())
    assert window.claims_dock.toggleViewAction() in window.view_menu.actions()


def test_editor_highlights_anchors(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    text = window.editor.toPlainText()
    block = window.editor.document().findBlock(text.index("<!--claim c1-->"))
    offset = text.index("<!--claim c1-->") - block.position()
    formats = block_formats(block)

    def fmt_at(pos: int):
        return next((f for s, n, f in formats if s <= pos < s + n), None)

    inside = fmt_at(offset + len("<!--claim c1-->") + 3)
    outside = fmt_at(offset - 3)
    marker = fmt_at(offset + 2)
    assert inside is not None and inside.background().style() != Qt.BrushStyle.NoBrush
    assert outside is None or outside.background().style() == Qt.BrushStyle.NoBrush
    assert marker.foreground().color() != window.editor.palette().text().color()


# -- status override and history ----------------------------------------------------------------


def test_override_needs_a_reason_and_is_kept_in_the_history(qtbot, make_window, db_path):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    panel.add_response(Response(party="Ford", stance=Stance.DENIES))
    panel.override_combo.setCurrentIndex(panel.override_combo.findText("Confirmed"))
    qtbot.mouseClick(panel.override_apply, Qt.MouseButton.LeftButton)
    assert panel.override_message.isVisible()
    assert "reason" in panel.override_message.text()
    assert panel.status_label.text() == "Denied"
    assert _stored_claims(db_path, window.article.id)[0].override_status is None

    qtbot.keyClicks(panel.override_reason, "Ford confirmed the talks to our reporter")
    qtbot.mouseClick(panel.override_apply, Qt.MouseButton.LeftButton)
    assert panel.status_label.text() == "Confirmed"
    assert "Ford confirmed the talks to our reporter" in panel.reason_label.text()
    assert "The responses alone say: Denied" in panel.reason_label.text()
    assert _row_text(panel).startswith("Confirmed (editor's verdict)")
    claim = _stored_claims(db_path, window.article.id)[0]
    assert claim.override_status is ClaimStatus.CONFIRMED and claim.override_by == getpass.getuser()

    assert not panel.history_list.isVisible()
    qtbot.mouseClick(panel.history_toggle, Qt.MouseButton.LeftButton)
    assert panel.history_list.isVisible()
    newest = panel.history_list.item(0).text()
    assert "Confirmed (editor's verdict)" in newest and getpass.getuser() in newest
    assert "Ford confirmed the talks" in newest
    assert panel.history_toggle.text() == f"Status history ({panel.history_list.count()})"
    assert panel.history_list.count() >= 3  # unconfirmed -> denied -> confirmed by the editor
    qtbot.waitUntil(lambda: "claim-confirmed" in dom_html(qtbot, window), timeout=30000)

    panel.override_combo.setCurrentIndex(0)  # No override
    qtbot.mouseClick(panel.override_apply, Qt.MouseButton.LeftButton)
    assert panel.status_label.text() == "Denied"


def test_text_fields_save_themselves(qtbot, make_window, db_path):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    panel.short_edit.selectAll()
    qtbot.keyClicks(panel.short_edit, "Ford and Xiaomi held EV talks")
    assert panel.short_counter.text() == f"{len('Ford and Xiaomi held EV talks')}/75"
    panel.wording_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.wording_edit, ", the FT said")
    panel.first_reported.set_value(date(2026, 11, 19), user=True)
    qtbot.waitUntil(
        lambda: _stored_claims(db_path, window.article.id)[0].short == "Ford and Xiaomi held EV talks", timeout=30000
    )
    claim = _stored_claims(db_path, window.article.id)[0]
    assert claim.wording == SENTENCE + ", the FT said"
    assert claim.first_reported == date(2026, 11, 19)
    assert panel.model.index(0).data() == "Ford and Xiaomi held EV talks"
    qtbot.waitUntil(lambda: "the FT said" in dom_text(qtbot, window, ".claims-box"), timeout=30000)
    assert len(panel.short_edit.text()) <= 75
    panel.short_edit.setText("x" * 200)
    assert len(panel.short_edit.text()) == 75

    # an edit still waiting for its pause is written when the window closes
    panel.wording_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.wording_edit, " on Friday")
    article_id = window.article.id
    window.close()
    assert _stored_claims(db_path, article_id)[0].wording == SENTENCE + ", the FT said on Friday"


def test_deleting_a_claim_asks_and_removes_its_markers_but_keeps_the_words(qtbot, make_window, db_path, monkeypatch):
    window = make_window()
    fresh_article(qtbot, window)
    before = window.editor.toPlainText()
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)  # cancelled
    assert len(_stored_claims(db_path, window.article.id)) == 1
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # the Delete key asks too
    assert "markers are removed" in asked[0] and "words themselves stay" in asked[0]
    assert _stored_claims(db_path, window.article.id) == []
    assert window.editor.toPlainText() == before
    assert panel.model.rowCount() == 0 and panel.empty_label.isVisible()


# -- hostile text ---------------------------------------------------------------------------------


def test_hostile_text_is_text_in_panel_and_preview(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    panel.short_edit.setText(f"Short {SCRIPT}")
    panel.flush()
    panel.add_appearance(Appearance(outlet=f"FT {IMG}", url="javascript:alert(1)"))
    panel.add_response(Response(party=IMG, stance=Stance.DENIES, quote=SCRIPT))

    # panel: literal text everywhere
    assert panel.responses_table.item(0, 0).text() == IMG
    assert panel.responses_table.item(0, 2).text() == SCRIPT
    assert panel.appearances_table.item(0, 0).text() == f"FT {IMG}"
    assert panel.model.index(0).data() == f"Short {SCRIPT}"
    assert SCRIPT in _row_text(panel)
    assert panel.reason_label.text() == f"Denied by {IMG}"
    assert panel.reason_label.textFormat() == Qt.TextFormat.PlainText
    tooltip = panel.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x onerror=alert(1)&gt;" in tooltip and "<img" not in tooltip

    # preview: escaped text, no element made from it
    qtbot.waitUntil(lambda: "Claims and responses" in dom_text(qtbot, window), timeout=30000)
    qtbot.waitUntil(lambda: "&lt;script&gt;alert(1)&lt;/script&gt;" in dom_html(qtbot, window), timeout=30000)
    html = dom_html(qtbot, window)
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert _js(qtbot, window, "document.querySelectorAll('[onerror], #article script').length") == 0
    assert _js(qtbot, window, "document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    box = dom_text(qtbot, window, ".claims-box")
    assert SCRIPT in box and IMG in box


def test_panel_follows_the_article(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    first = window.article.id
    window.new_article()
    assert panel.model.rowCount() == 0
    assert "No claims" in panel.empty_label.text()
    window.open_article(first)
    assert panel.model.rowCount() == 1 and panel.current_key() == "c1"
    assert isinstance(panel.model, ClaimListModel)
    assert panel.model.index(0).data(ClaimListModel.KeyRole) == "c1"
    assert not panel.model.index(5).isValid() or panel.model.index(5).data() is None
    assert QModelIndex().data() is None


def test_dates_are_typed_as_written_and_the_first_report_fills_first_reported(qtbot, make_window, db_path):
    """Issue 19: typing 2026-12-02 gave "Not set0261202"; the report marked first did not show
    its date as "First reported"."""
    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    field = panel.first_reported.edit
    field.setFocus()
    qtbot.keyClicks(field, "2026-12-02")
    assert field.text() == "2026-12-02" and panel.first_reported.value() == date(2026, 12, 2)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: _stored_claims(db_path, window.article.id)[0].first_reported == date(2026, 12, 2), timeout=30000
    )
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2026-13-45")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert "Not a date" in field.toolTip()
    assert panel.first_reported.value() == date(2026, 12, 2)  # a bad date never replaces a good one
    qtbot.mouseClick(panel.first_reported.clear_button, Qt.MouseButton.LeftButton)
    assert field.text() == "" and panel.first_reported.value() is None
    qtbot.waitUntil(lambda: _stored_claims(db_path, window.article.id)[0].first_reported is None, timeout=30000)
    panel.first_reported._before_calendar()  # what opening the calendar does
    assert panel.first_reported.calendar.selectedDate() == QDate.currentDate()
    _add_appearance(qtbot, panel, "Financial Times", "https://example.com/ft")  # dated 2026-11-20, marked first
    qtbot.waitUntil(lambda: "2026-11-20" in field.placeholderText(), timeout=30000)
    assert field.placeholderText() == "2026-11-20 (from the first report)"
    assert _stored_claims(db_path, window.article.id)[0].date_first_reported == date(2026, 11, 20)


def test_a_click_away_from_the_party_suggestions_reaches_the_quote(qtbot, make_window):
    """Issue 19: the suggestion popup swallowed the next click, so the quote went into Party."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    window = make_window()
    fresh_article(qtbot, window)
    _mark(qtbot, window, SENTENCE)
    panel = _panel(window)
    panel.add_response(Response(party="Ford Motor", stance=Stance.DENIES))
    panel.responses_table.clearSelection()
    seen_popup: list[bool] = []

    def fill(d: ResponseDialog) -> None:
        d.party.setFocus()
        qtbot.keyClicks(d.party, "Ford")
        popup = d.party.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=5000)
        seen_popup.append(True)
        # the press goes to the popup (it grabs the mouse), at the quote field's place on screen
        spot = QPointF(d.quote.mapToGlobal(d.quote.rect().center()))
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(popup.mapFromGlobal(spot.toPoint())),
            spot,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(popup, press)
        assert not popup.isVisible() and d.focusWidget() is d.quote
        qtbot.keyClicks(d.focusWidget(), "We are not in talks.")
        assert d.party.text() == "Ford" and d.quote.toPlainText() == "We are not in talks."

    seen = _in_dialog(qtbot, fill)
    qtbot.mouseClick(panel.responses.add, Qt.MouseButton.LeftButton)
    if "failure" in seen:
        raise seen["failure"]
    assert seen_popup == [True] and seen.get("error") == ""
    claim = window.claim_store.list_claims(window.article.id)[0]
    assert [(r.party, r.quote) for r in claim.responses][-1] == ("Ford", "We are not in talks.")
