"""The article's status in the window: the Status menu and toolbar button show the moves the
workflow allows, a move to approved or published runs the checklist first (and asks for an
override reason when it finds errors). A mixin of `ReviewController`."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from editor_app.core.article import ArticleStatus, utcnow
from editor_app.core.checklist import CheckItem
from editor_app.core.workflow import ACTION_LABELS, ChecklistBlocked, WorkflowError, allowed_targets, runs_checklist
from editor_app.store.errors import StoreError
from editor_app.ui.common.theme import badge_icon, status_colour, status_icon
from editor_app.ui.common.widgets import show_dock
from editor_app.ui.review.status_dialogs import BlockedChoice, ChecklistBlockedDialog, StatusNoteDialog

if TYPE_CHECKING:
    pass

MENU_ORDER = [
    ArticleStatus.IN_REVIEW,
    ArticleStatus.APPROVED,
    ArticleStatus.PUBLISHED,
    ArticleStatus.NEEDS_WORK,
    ArticleStatus.DRAFT,
    ArticleStatus.SPIKED,
]


class StatusControl:
    def current_status(self) -> ArticleStatus | None:
        a = self.window.article
        return a.status if a is not None else None

    def update_status_ui(self) -> None:
        status = self.current_status()
        # not QMenu.clear(): this runs inside a status action's `triggered`, and deleting the
        # sender while it emits crashes; the old actions go when control is back in the loop
        for action in self.status_menu.actions():
            self.status_menu.removeAction(action)
            if action.parent() is self.status_menu:
                action.deleteLater()
        self.status_actions: dict[ArticleStatus, QAction] = {}
        pal = self.window.palette()
        if status is None:
            self.status_button.setText("No article")
            self.status_button.setIcon(qta.icon("fa6s.circle"))
            self.status_button.setEnabled(False)
            self.status_menu.setEnabled(False)
            return
        self.status_button.setEnabled(True)
        self.status_menu.setEnabled(True)
        self.status_button.setText(status.label)
        self.status_button.setIcon(badge_icon(status, pal))
        colour = status_colour(status, pal).name()
        self.status_button.setStyleSheet(
            f"QToolButton#statusButton {{ color: {colour}; font-weight: 600; border: 1px solid {colour}; "
            f"border-radius: 11px; padding: 2px 8px 2px 6px; margin-right: 6px; }}"
            "QToolButton#statusButton::menu-indicator { subcontrol-position: right center; right: 4px; }"
        )
        self.status_button.setToolTip(f"Status: {status.label}. Click to change it.")
        heading = self.status_menu.addAction(f"Now: {status.label}")
        heading.setIcon(badge_icon(status, pal))
        heading.setEnabled(False)
        self.status_menu.addSeparator()
        targets = sorted(allowed_targets(status), key=MENU_ORDER.index)
        for target in targets:
            if target == ArticleStatus.SPIKED and len(targets) > 1:
                self.status_menu.addSeparator()  # the destructive one apart
            action = self.status_menu.addAction(status_icon(target, pal), ACTION_LABELS[target] + "…")
            action.setObjectName(f"status_{target.value}")
            action.setEnabled(not self.read_only)
            if runs_checklist(target):
                action.setToolTip("Runs the pre-publish checklist first")
            action.triggered.connect(lambda _checked=False, t=target: self.change_status(t))
            self.status_actions[target] = action
        self.status_menu.addSeparator()
        self.status_menu.addAction(self.actions["status_history"])

    def status_action(self, target: ArticleStatus | str) -> QAction | None:
        """The Status menu's action for `target` (None when not allowed now)."""
        return self.status_actions.get(ArticleStatus(target))

    def change_status(self, target: ArticleStatus) -> bool:
        w = self.window
        article = w.article
        if article is None or article.id is None or self.read_only:
            return False
        if not w.autosave.flush():
            QMessageBox.warning(w, "Not saved", f"{w.autosave.last_error}\n\nThe status was not changed.")
            return False
        self.sync()
        draft_key = (article.id, target)
        dialog = StatusNoteDialog(
            article.status, target, w.header.value("title"), w, note=self._note_drafts.get(draft_key, "")
        )
        if dialog.exec() != StatusNoteDialog.DialogCode.Accepted:
            return False
        note = dialog.note_text()
        self._note_drafts[draft_key] = note  # kept until the change goes through
        items: list[CheckItem] | None = None
        reason = ""
        if runs_checklist(target):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                items = self.review.checklist(article.id)
            except (StoreError, KeyError) as exc:
                QMessageBox.warning(w, "Checklist failed", str(exc))
                return False
            finally:
                QApplication.restoreOverrideCursor()
            self._show_checklist_result(items)
            errors = [i for i in items if i.level == "error"]
            if errors:
                blocked = ChecklistBlockedDialog(items, target, w)
                self.last_blocked_dialog = blocked
                blocked.exec()
                if blocked.choice == BlockedChoice.GO_TO_FIRST:
                    show_dock(self.checklist_dock)
                    self.go_to(blocked.target or errors[0])  # the problem selected in the dialog
                    return False
                if blocked.choice != BlockedChoice.OVERRIDE:
                    return False
                reason = blocked.reason_text
        try:
            change = self.review.change_status(
                article.id, target, who=self.who(), note=note, checklist_items=items, override_reason=reason
            )
        except ChecklistBlocked as exc:
            QMessageBox.warning(w, "Not changed", str(exc))
            return False
        except (WorkflowError, StoreError, KeyError) as exc:
            QMessageBox.warning(w, "Status not changed", str(exc))
            return False
        self._note_drafts.pop(draft_key, None)
        fresh = self.store.get(article.id)
        w.article = replace(
            w.article or article,
            status=change.to_status,
            updated_at=fresh.updated_at if fresh else utcnow(),
            published_at=fresh.published_at if fresh else article.published_at,
        )
        w.show_header()
        self.update_status_ui()
        self._refresh_library()
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.refresh()
        text = f"{change.from_status.label} → {change.to_status.label} by {change.who}"
        if change.override_reason:
            text += " (checklist overridden)"
        w.statusBar().showMessage(text, 8000)
        return True

    def _show_checklist_result(self, items: list[CheckItem]) -> None:
        self.last_checklist = list(items)
        self._checked_at = datetime.now().astimezone()
        if self.checklist_dock.built:
            self.checklist_pane().set_items(items, self._checked_at)
