"""The two small dialogs of a status change: an optional note, and — when approving or
publishing with checklist errors — the list of errors (each message wrapped in full) with Cancel,
"Go to Problem" (the selected one, the first error to begin with) or "Override…" (which needs a
written reason, recorded with the change).

All user text is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

import qtawesome as qta
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article import ArticleStatus
from editor_app.core.checklist import CheckItem
from editor_app.core.workflow import ACTION_LABELS
from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.common.theme import ERROR_COLOURS, status_icon, themed
from editor_app.ui.common.widgets import muted, plain_tooltip
from editor_app.ui.review.checklist import check_list, check_row


class StatusNoteDialog(QDialog):
    """ "Send to review": from → to, and an optional note for the history."""

    def __init__(
        self,
        from_status: ArticleStatus,
        to_status: ArticleStatus,
        title: str,
        parent: QWidget | None = None,
        *,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusNoteDialog")
        action = ACTION_LABELS[to_status].replace("&", "")
        self.setWindowTitle(action)
        self.setMinimumWidth(440)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(status_icon(to_status, self.palette()).pixmap(28, 28))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        change = plain_label(f"{from_status.label} → {to_status.label}")
        font = change.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        change.setFont(font)
        text.addWidget(change)
        text.addWidget(muted(plain_label(title or "Untitled", wrap=True)))
        head.addLayout(text, 1)
        self.note = QPlainTextEdit(objectName="statusNote")
        self.note.setPlaceholderText("Note for the history (optional): what changed, what to look at…")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        if note:  # the note of an attempt the checklist blocked, kept for the next one
            self.note.setPlainText(note)
            self.note.moveCursor(QTextCursor.MoveOperation.End)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        self.ok_button.setObjectName("statusOkButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(plain_label("Note"))
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()


class BlockedChoice(Enum):
    CANCEL = "cancel"
    GO_TO_FIRST = "go"
    OVERRIDE = "override"


class ChecklistBlockedDialog(QDialog):
    """The errors that block approval or publication. `choice` and `reason` after exec()."""

    def __init__(self, items: Sequence[CheckItem], to_status: ArticleStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistBlockedDialog")
        self.items = list(items)
        self.choice = BlockedChoice.CANCEL
        verb = "publish" if to_status == ArticleStatus.PUBLISHED else "approve"
        self.setWindowTitle(f"Checklist: cannot {verb} yet")
        self.setMinimumSize(520, 320)
        errors = [i for i in self.items if i.level == "error"]
        n = len(errors)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(qta.icon("fa6s.circle-xmark", color=themed(ERROR_COLOURS, self.palette())).pixmap(28, 28))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = plain_label(
            f"{n} checklist error{'s' if n != 1 else ''} block{'s' if n == 1 else ''} "
            f"this {'publication' if verb == 'publish' else 'approval'}.",
            wrap=True,
        )
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        head.addWidget(title, 1)
        # one row per problem, the message wrapped in full (the rows are as tall as their text)
        self.list = check_list(name="blockedList")
        self.list.setAlternatingRowColors(True)
        for item in self.items:
            self.list.addItem(check_row(item))
        first = next((r for r, i in enumerate(self.items) if i.level == "error"), 0)
        if self.items:
            self.list.setCurrentRow(first)
        self.list.currentRowChanged.connect(self._update_go)
        self.list.itemActivated.connect(lambda _row: self._go())  # double-click or Enter: go there
        hint = muted(
            plain_label("Double-click a problem, or select it and choose Go to Problem, to see it.", wrap=True)
        )

        self.reason_label = plain_label(
            f"Why {verb} despite these errors? The reason is recorded in the history with your name.", wrap=True
        )
        self.reason = QPlainTextEdit(objectName="overrideReason")
        self.reason.setPlaceholderText("Reason for the override (required)")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason_label.hide()
        self.reason.hide()

        self.cancel_button = QPushButton("Cancel", objectName="blockedCancel")
        self.go_button = QPushButton(qta.icon("fa6s.location-arrow"), "Go to Problem", objectName="blockedGo")
        self.override_button = QPushButton("Override…", objectName="blockedOverride")
        self.confirm_button = QPushButton(f"Override and {verb.capitalize()}", objectName="blockedConfirm")
        self.confirm_button.hide()
        self.confirm_button.setEnabled(False)
        self.go_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.go_button)
        self.cancel_button.clicked.connect(self.reject)
        self.go_button.clicked.connect(self._go)
        self.override_button.clicked.connect(self._ask_reason)
        self.confirm_button.clicked.connect(self._confirm)
        self.reason.textChanged.connect(lambda: self.confirm_button.setEnabled(bool(self.reason.toPlainText().strip())))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self._update_go()
        self.resize(self._fitting_size())

    def _fitting_size(self) -> QSize:
        """Wide enough to read a problem in two or three lines, tall enough to show up to about
        six of them without scrolling (and never taller than most of the screen)."""
        width = max(self.minimumWidth(), 640)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = min(width, max(self.minimumWidth(), screen.width() - 80))
        delegate = self.list.itemDelegate()
        option = QStyleOptionViewItem()
        option.initFrom(self.list)
        option.font = self.list.font()
        row_width = width - 2 * (self.layout().contentsMargins().left() + self.list.frameWidth()) - 20
        option.rect = QRect(0, 0, row_width, 0)
        rows = sum(
            delegate.sizeHint(option, self.list.model().index(r, 0)).height() for r in range(min(6, self.list.count()))
        )
        height = self.sizeHint().height() - self.list.sizeHint().height() + rows + 2 * self.list.frameWidth() + 4
        if screen is not None:
            height = min(height, screen.height() * 3 // 4)
        return QSize(width, max(self.minimumHeight(), height))

    @property
    def target(self) -> CheckItem | None:
        """The problem to go to: the selected one, else the first error."""
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            return self.items[row]
        return next((i for i in self.items if i.level == "error"), None)

    def _update_go(self, *_args: object) -> None:
        item = self.target
        self.go_button.setEnabled(item is not None)
        self.go_button.setToolTip(plain_tooltip(f"Show {item.where.describe()}") if item else "")

    @property
    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _go(self) -> None:
        self.choice = BlockedChoice.GO_TO_FIRST
        self.accept()

    def _ask_reason(self) -> None:
        self.override_button.hide()
        self.reason_label.show()
        self.reason.show()
        self.confirm_button.show()
        self.go_button.setDefault(False)
        self.confirm_button.setDefault(True)
        self.reason.setFocus()

    def _confirm(self) -> None:
        if not self.reason_text:
            return
        self.choice = BlockedChoice.OVERRIDE
        self.accept()
