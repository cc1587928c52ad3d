"""The editorial review walk from the issue, through the window's own widgets: a writer sends the
sample story to review, an editor adds and verifies a source and links it to the claim, comments
on a sentence, the writer replies and resolves, the editor approves (the checklist passes), the
history shows every step, and restoring a revision brings back old text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from editor_app.core.article import ArticleStatus
from editor_app.store.revisions import RevisionStore
from editor_app.ui.review.history import HistoryDialog
from editor_app.ui.review.source_dialogs import SourceDialog, SourceLinkDialog
from editor_app.ui.review.sources import COL_VERIFIED
from editor_app.ui.review.status_dialogs import ChecklistBlockedDialog, StatusNoteDialog
from tests.gui.conftest import dom_text
from tests.gui.review_steps import CTRL_ALT, act_as, activate, click, select_text, settle, when_modal

PHRASE = "met twice this autumn"


def _change_status(qtbot, window, target: str, note: str) -> dict:
    action = window.review.status_action(target)
    assert action is not None, f"{target} is not offered"
    assert action in window.review.status_menu.actions()

    def fill(dialog) -> None:
        dialog.note.setFocus()
        qtbot.keyClicks(dialog.note, note)
        click(qtbot, dialog.ok_button)

    seen = when_modal(qtbot, StatusNoteDialog, fill)
    blocked = when_modal(qtbot, ChecklistBlockedDialog, lambda d: d.reject(), timeout_ms=3000)
    action.trigger()
    assert seen["count"] == 1
    return blocked


def _marked_words(dialog) -> dict[str, list[str]]:
    """The text the diff highlighter marks in bold (changed words), per line kind."""
    from PySide6.QtGui import QFont

    out: dict[str, list[str]] = {"-": [], "+": []}
    block = dialog.diff_view.document().begin()
    while block.isValid():
        text = block.text()
        if text[:1] in out and text[:3] not in ("---", "+++"):
            for r in block.layout().formats():
                if r.format.fontWeight() == QFont.Weight.Bold:
                    out[text[0]].append(text[r.start : r.start + r.length])
        block = block.next()
    return out


def test_review_walk(qtbot, make_window, monkeypatch):
    window = make_window()
    review = window.review
    aid = window.article.id
    store = window.review_store
    assert window.article.status == ArticleStatus.DRAFT
    assert window.review.status_button.text() == "Draft"

    # -- the writer sends the story to review, with a note --------------------------------------
    act_as(window, "Ana Writer")
    # the writer also fixes a word first: kept as a revision
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "ALPHA paragraph.")
    settle(qtbot, window)
    _change_status(qtbot, window, "in_review", "Ready for the desk")
    assert window.store.get(aid).status == ArticleStatus.IN_REVIEW
    assert window.article.status == ArticleStatus.IN_REVIEW
    assert review.status_button.text() == "In review"
    qtbot.waitUntil(lambda: "in review" in dom_text(qtbot, window, "header").lower(), timeout=30000)
    assert window.library.model.index(0).data(Qt.ItemDataRole.DisplayRole) is not None

    # -- the editor adds a source through the Sources pane and verifies it -------------------------
    act_as(window, "Ed Editor")
    window.sources_dock.show()
    window.sources_dock.raise_()
    pane = review.sources_pane()
    qtbot.waitUntil(pane.isVisible)

    def fill_source(dialog: SourceDialog) -> None:
        qtbot.keyClicks(dialog.outlet, "Ford Motor Co.")
        qtbot.keyClicks(dialog.title_edit, "Statement on the Daily Ledger report")
        qtbot.keyClicks(dialog.url, "https://example.com/ford-statement")
        qtbot.keyClicks(dialog.supports, "Ford's denial")
        click(qtbot, dialog.ok_button)

    when_modal(qtbot, SourceDialog, fill_source)
    click(qtbot, pane.add_button)
    sources = store.list_sources(aid)
    assert [s.outlet for s in sources] == ["Ford Motor Co."]
    assert pane.table.rowCount() == 1 and pane.table.item(0, 2).text() == "Statement on the Daily Ledger report"

    pane.table.item(0, COL_VERIFIED).setCheckState(Qt.CheckState.Checked)  # the row's checkbox
    src = store.get_source(sources[0].id)
    assert src.verified and src.verified_by == "Ed Editor"
    assert pane.count_label.text() == "1 of 1 verified"

    # ... and links it to Ford's response to claim c1
    pane.table.selectRow(0)

    def link(dialog: SourceLinkDialog) -> None:
        assert dialog.select_target("c1", "response", "Ford")
        click(qtbot, dialog.add_button)
        assert dialog.links.count() == 1 and "response of Ford" in dialog.links.item(0).text()
        dialog.accept()

    when_modal(qtbot, SourceLinkDialog, link)
    click(qtbot, pane.link_button)
    claim = window.claim_store.list_claims(aid)[0]
    ford = next(r for r in claim.responses if r.party == "Ford")
    assert [(k.claim_id, k.response_id) for k in store.get_source(src.id).links] == [(claim.id, ford.id)]
    top = pane.claims_tree.topLevelItem(0)
    rows = {
        top.child(i).text(0): [top.child(i).child(j).text(0) for j in range(top.child(i).childCount())]
        for i in range(top.childCount())
    }
    assert rows["Response of Ford (denies)"] == ["Statement on the Daily Ledger report (Ford Motor Co.)"]

    # -- the editor comments on a sentence (Ctrl+Alt+M) ----------------------------------------
    activate(qtbot, window)
    select_text(window, PHRASE)
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL_ALT)
    comments = review.comments_pane()
    qtbot.waitUntil(lambda: comments.composing == "anchor")
    qtbot.keyClicks(comments.editor, "Who says they met twice? Name the source.")
    click(qtbot, comments.post_button)
    [thread] = store.list_comments(aid)
    assert thread.author == "Ed Editor" and thread.anchor_text == PHRASE
    body = window.store.get(aid).body
    assert body[thread.anchor_start : thread.anchor_end] == PHRASE
    assert [cid for *_, cid in review.highlights.painted()] == [thread.id]

    # -- the writer replies and resolves ------------------------------------------------------
    act_as(window, "Ana Writer")
    card = comments.cards[thread.id]
    click(qtbot, card.reply_button)
    assert comments.composing == "reply"
    qtbot.keyClicks(comments.editor, "The Ledger's own reporting; named in the next paragraph.")
    click(qtbot, comments.post_button)
    comments.filter.setCurrentIndex(1)  # All
    click(qtbot, comments.cards[thread.id].resolve_button)
    [thread] = store.list_comments(aid)
    assert [r.author for r in thread.replies] == ["Ana Writer"]
    assert thread.resolved and thread.resolved_by == "Ana Writer"
    assert review.highlights.painted() == []  # resolved comments are not highlighted

    # -- the editor approves: the checklist passes --------------------------------------------
    act_as(window, "Ed Editor")
    assert [i for i in store.checklist(aid) if i.level == "error"] == []
    blocked = _change_status(qtbot, window, "approved", "Sourced and checked")
    assert "dialog" not in blocked  # no checklist errors to override
    assert window.store.get(aid).status == ArticleStatus.APPROVED
    assert review.status_button.text() == "Approved"
    review.show_checklist()
    qtbot.waitUntil(lambda: review.checklist_pane().summary.text() == "Checklist passed", timeout=30000)

    # -- history shows every step ---------------------------------------------------------------
    history = [(c.from_status, c.to_status, c.who, c.note) for c in store.status_history(aid)]
    assert history == [
        (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, "Ana Writer", "Ready for the desk"),
        (ArticleStatus.IN_REVIEW, ArticleStatus.APPROVED, "Ed Editor", "Sourced and checked"),
    ]
    activate(qtbot, window)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL_ALT)
    dialog = review.history_dialog
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible()
    rows = [
        [dialog.status_list.topLevelItem(i).text(c) for c in range(5)]
        for i in range(dialog.status_list.topLevelItemCount())
    ]
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Ed Editor", "In review → Approved", "Sourced and checked"),
        ("Ana Writer", "Draft → In review", "Ready for the desk"),
    ]
    reasons = [dialog.rev_list.topLevelItem(i).text(1) for i in range(dialog.rev_list.topLevelItemCount())]
    assert reasons == ["Status change", "Status change", "Edited"]
    dialog.close()

    # -- a revision restore brings back old text ---------------------------------------------
    select_text(window, "ALPHA paragraph.")
    qtbot.keyClicks(editor, "BETA paragraph.")
    settle(qtbot, window)
    assert "BETA paragraph." in window.store.get(aid).body
    revisions = RevisionStore(window.store)
    typed = [r for r in revisions.list(aid) if r.reason == "typing"]
    assert len(typed) == 2  # one before the status changes, one after
    old = typed[-1]  # the oldest: ALPHA
    assert "ALPHA paragraph." in revisions.text_of(old.id)

    activate(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL_ALT)
    dialog = review.history_dialog
    assert dialog.select_revision(old.id)
    diff = dialog.diff_view.toPlainText()
    assert "-ALPHA paragraph." in diff and "+BETA paragraph." in diff
    marked = _marked_words(dialog)  # issue 19: the changed word, not the whole line
    assert "ALPHA" in marked["-"] and "BETA" in marked["+"]
    assert "paragraph" not in " ".join(marked["-"] + marked["+"])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    click(qtbot, dialog.restore_button)
    assert len(asked) == 1
    assert "ALPHA paragraph." in editor.toPlainText() and "BETA paragraph." not in editor.toPlainText()
    stored = window.store.get(aid)
    assert "ALPHA paragraph." in stored.body and "BETA paragraph." not in stored.body
    latest = [r.reason for r in revisions.list(aid)][:2]
    assert latest == ["restore", "before restore"]
    assert "BETA paragraph." in revisions.text_of(revisions.list(aid)[1].id)  # what was replaced is kept
    assert dialog.isVisible() and dialog.rev_list.topLevelItem(0).text(1) == "Restored"
    dialog.close()


def test_typing_in_an_approved_article_sends_it_back_to_review_on_screen(qtbot, make_window):
    """Issue 19: an edit after approval kept "Approved" silently."""
    from editor_app.services.review import Review

    window = make_window()
    aid = window.article.id
    review = Review(window.store)
    review.change_status(aid, ArticleStatus.IN_REVIEW, who="ana")
    review.change_status(aid, ArticleStatus.APPROVED, who="ed", checklist_items=[])
    window.reload_current()
    qtbot.waitUntil(lambda: window.review.status_button.text() == ArticleStatus.APPROVED.label, timeout=30000)
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " An added sentence.")
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    qtbot.waitUntil(lambda: window.review.status_button.text() == ArticleStatus.IN_REVIEW.label, timeout=30000)
    assert "back in review" in window.statusBar().currentMessage()
    assert window.store.get(aid).status == ArticleStatus.IN_REVIEW
    assert review.status_history(aid)[-1].note.startswith("Edited after approval")
