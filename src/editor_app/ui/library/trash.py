"""Deleted articles: nothing is deleted for good without a second, explicit step."""

from __future__ import annotations

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
    QWidget,
)

from editor_app.store.store import Store


class TrashDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Deleted Articles")
        self.resize(480, 360)
        self.store = store
        self.restored: list[int] = []
        self.list = QListWidget(objectName="trashList")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("Restore")
        self.purge_button = QPushButton("Delete Forever…")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Articles you deleted stay here until you delete them forever."))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for summary in self.store.list_summaries(deleted=True):
            item = QListWidgetItem(summary.display_title)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)
        has = self.list.count() > 0
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def _selected_ids(self) -> list[int]:
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]

    def restore_selected(self) -> None:
        for aid in self._selected_ids():
            self.store.restore(aid)
            self.restored.append(aid)
        self.reload()

    def purge_selected(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        answer = QMessageBox.warning(
            self,
            "Delete forever?",
            f"Delete {len(ids)} article(s) forever? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.store.purge(ids)
            self.reload()
