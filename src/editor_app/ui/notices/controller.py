"""Notices in the window: Review › Add Notice… and Kill Article… on the open article, File ›
Corrections… (every notice, across articles), the header's embargo field, and the embargo
gate the exports pass through (refusal, or an override with its reason kept in the history).

Writes go through the stores (`NoticeStore`, `EmbargoStore`), which announce them on the
change bus; the library and the status badge follow from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from editor_app.core.article import ArticleStatus
from editor_app.core.changes import Changes
from editor_app.core.embargo import EmbargoError, human, refusal, under_embargo
from editor_app.core.export import ArticlePackage
from editor_app.core.notices import NoticeError
from editor_app.core.sessions import session_clashes
from editor_app.store.embargo import EmbargoStore
from editor_app.store.errors import StoreError
from editor_app.store.notices import NoticeStore
from editor_app.ui.editor.header_form import EMBARGO_TIP
from editor_app.ui.notices.dialogs import AddNoticeDialog, CorrectionsDialog, embargo_dialog, kill_dialog

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow


class NoticesController:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.store = window.store
        self.notices = NoticeStore(window.store)
        self.embargoes = EmbargoStore(window.store)
        self.corrections_dialog: CorrectionsDialog | None = None
        self.last_refusal = ""  # the last embargo refusal shown (for the status bar and tests)
        a = window.actions_
        self.add_action, self.kill_action, self.list_action = a["add_notice"], a["kill_article"], a["corrections_list"]
        self.add_action.triggered.connect(self.add_notice)
        self.kill_action.triggered.connect(self.kill_article)
        self.list_action.triggered.connect(self.show_corrections)
        file_menu = window.menus["file"]
        before = a["backups"] if a["backups"] in file_menu.actions() else None
        file_menu.insertAction(before, self.list_action) if before else file_menu.addAction(self.list_action)
        review_menu = window.menus.get("review")
        if review_menu is not None:
            review_menu.addSeparator()
            review_menu.addAction(self.add_action)
            review_menu.addAction(self.kill_action)
        window.header.embargo_committed.connect(self.set_embargo)
        window.header.embargo_pick_requested.connect(self.pick_embargo)
        window.article_loaded.connect(lambda _a: self.update_actions())
        window.changes.changed.connect(self._on_changes)
        window.autosave.saved.connect(self._on_saved)
        self._hinted: set[int] = set()
        self.update_actions()

    def _on_saved(self, change) -> None:
        """A published article's text changed: say once that readers get the change with a notice."""
        a = change.article
        if (
            a.status == ArticleStatus.PUBLISHED
            and change.fields & {"title", "dek", "body"}
            and a.id not in self._hinted
        ):
            self._hinted.add(a.id)
            self.window.statusBar().showMessage(
                "This article is published: publish the change with a notice (Review › Add Notice…).", 15000
            )

    # -- state ------------------------------------------------------------------------------

    def _article(self):
        a = self.window.article
        return self.store.get(a.id) if a is not None and a.id is not None else None

    def update_actions(self) -> None:
        article = self._article()
        writable = not self.window.read_only
        published_once = article is not None and article.published_at is not None and not article.killed
        self.add_action.setEnabled(writable and published_once)
        self.kill_action.setEnabled(writable and article is not None and article.status == ArticleStatus.PUBLISHED)

    def _on_changes(self, changes: Changes) -> None:
        article = self.window.article
        if changes.status or changes.everything or (article is not None and changes.touches(article.id)):
            self.update_actions()
        if self.corrections_dialog is not None and self.corrections_dialog.isVisible() and changes.status:
            self.corrections_dialog.set_notices(self.notices.list_all())

    # -- notices ----------------------------------------------------------------------------

    def add_notice(self) -> bool:
        w = self.window
        article = self._article()
        if article is None or article.published_at is None:
            return False
        if not w.autosave.flush():  # the notice publishes the text as it stands
            QMessageBox.warning(w, "Not saved", f"{w.autosave.last_error}\n\nNo notice was added.")
            return False
        live = article.status == ArticleStatus.PUBLISHED
        dialog = AddNoticeDialog(article.display_title, live, w)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            notice = self.notices.add(article.id, dialog.chosen_kind(), dialog.notice_text())
        except (NoticeError, StoreError, KeyError) as exc:
            QMessageBox.warning(w, "No notice added", str(exc))
            return False
        fresh = self.store.get(article.id)
        if fresh is not None and w.article is not None:
            w.article = replace(w.article, updated_at=fresh.updated_at)
        w.show_article_parts(tags=False)  # the preview shows the notice under the article
        state = "published" if notice.published else "saved for the next publication"
        w.statusBar().showMessage(f"{notice.kind.label} {state}.", 8000)
        return True

    def kill_article(self) -> bool:
        w = self.window
        article = self._article()
        if article is None or article.status != ArticleStatus.PUBLISHED:
            return False
        dialog = kill_dialog(article.display_title, w)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            self.notices.kill(article.id, dialog.reason_text())
        except (NoticeError, StoreError, KeyError) as exc:
            QMessageBox.warning(w, "Not killed", str(exc))
            return False
        fresh = self.store.get(article.id)
        if fresh is not None and w.article is not None:
            w.article = replace(
                w.article,
                status=fresh.status,
                updated_at=fresh.updated_at,
                killed_at=fresh.killed_at,
                kill_reason=fresh.kill_reason,
                killed_by=fresh.killed_by,
            )
        w.review.update_status_ui()
        w.show_header()
        w.show_article_parts(tags=False)
        self.update_actions()
        w.statusBar().showMessage(f"Killed “{article.display_title}”: it left the export index.", 10000)
        return True

    def show_corrections(self) -> CorrectionsDialog:
        if self.corrections_dialog is None:
            self.corrections_dialog = CorrectionsDialog(self.notices.list_all(), self.window)
            self.corrections_dialog.open_article.connect(self.window.open_article)
        else:
            self.corrections_dialog.set_notices(self.notices.list_all())
        self.corrections_dialog.show()
        self.corrections_dialog.raise_()
        return self.corrections_dialog

    # -- embargo ----------------------------------------------------------------------------

    def pick_embargo(self) -> None:
        """Header › Embargo › Pick…: date, time and zone in a dialog, then saved as typed."""
        from editor_app.ui.notices.embargo_editor import EmbargoPicker

        w = self.window
        if w.article is None or w.read_only:
            return
        picker = EmbargoPicker(getattr(w.article, "embargo_at", None), parent=w)
        self.last_dialog = picker
        if picker.exec() == QDialog.DialogCode.Accepted:
            w.header.commit_embargo(picker.value())

    def set_embargo(self, text: str) -> bool:
        w = self.window
        article = w.article
        if article is None or article.id is None or w.read_only:
            return False
        field = w.header.embargo
        try:
            when = self.embargoes.set_embargo(article.id, text)
        except EmbargoError as exc:
            field.setStyleSheet("QLineEdit#embargoField { border: 1px solid #c0392b; }")
            field.setToolTip(str(exc))
            w.statusBar().showMessage(f"Embargo not saved: {exc}.", 15000)
            return False
        except (StoreError, KeyError) as exc:
            w.statusBar().showMessage(f"Embargo not saved: {exc}", 15000)
            return False
        field.setStyleSheet("")
        field.setToolTip(EMBARGO_TIP)
        w.article = replace(article, embargo_at=when)
        w.statusBar().showMessage(f"Embargoed until {human(when)}." if when else "No embargo.", 8000)
        w.review.update_status_ui() if hasattr(w.review, "update_status_ui") else None
        return True

    def allow_export(self, packages: Sequence[ArticlePackage], action: str = "Export") -> bool:
        """True when nothing is under embargo, or an editor overrode it with a reason (kept in
        each article's history); False when refused (the status bar says why)."""
        held = [p for p in packages if under_embargo(getattr(p.article, "embargo_at", None))]
        if not held:
            return True
        first = held[0].article
        message = f"“{first.display_title}”: " + refusal(first.embargo_at, action.lower() + "ed")
        if len(held) > 1:
            message = f"{len(held)} of the articles are under embargo. " + message
        warnings = [
            c.message(p.article.embargo_at) for p in held for c in session_clashes(p.tickers, p.article.embargo_at)
        ]
        self.last_refusal = message
        dialog = embargo_dialog(message, warnings, action, self.window)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason_text():
            self.window.statusBar().showMessage(f"Not exported: {message}", 15000)
            return False
        for p in held:
            if p.article.id is not None:
                self.embargoes.record_override(p.article.id, action.lower() + "ed", dialog.reason_text())
        return True
