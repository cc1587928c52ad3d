"""File › Backups: the store's rotating backups, "Back Up Now", and restoring one.

Restoring first backs up the current file, so a restore can itself be undone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from editor_app.store.backups import BackupInfo, backup_now, list_backups
from editor_app.store.errors import StoreError

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow


class BackupDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Backups")
        self.resize(560, 380)
        self.list = QListWidget(objectName="backupList")
        self.backup_button = QPushButton("Back Up Now")
        self.restore_button = QPushButton("Restore…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(not window.read_only)
        self.backup_button.setEnabled(not window.read_only)
        layout = QVBoxLayout(self)
        info = QLabel(
            f"Backups of {window.store.path}, newest first. Daily backups are kept for a week, "
            "weekly ones for a month, monthly ones for half a year."
        )
        info.setWordWrap(True)
        info.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(info)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for b in list_backups(self.window_.store.path):
            item = QListWidgetItem(f"{b.created_at:%Y-%m-%d %H:%M} UTC · {b.reason} · {b.size / 1e6:.1f} MB")
            item.setData(Qt.ItemDataRole.UserRole, b)
            self.list.addItem(item)
        self.restore_button.setEnabled(self.list.count() > 0 and not self.window_.read_only)

    def back_up_now(self) -> None:
        try:
            path = backup_now(self.window_.store.path, "manual")
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self, "Backup failed", str(exc))
            return
        self.window_.statusBar().showMessage(f"Backed up to {path}", 8000)
        self.reload()

    def selected(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Replace the store with the backup from {backup.created_at:%d %B %Y, %H:%M} UTC?\n\n"
            "The current store is backed up first, so this can be undone from this list.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.window_.restore_from(backup.path)
        self.reload()
