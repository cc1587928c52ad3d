"""A window on a store it must not write (a second window, a read-only share): every command
that would change the store is disabled and the status bar says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow


def lock_for_reading(window: MainWindow) -> None:
    for name in (
        "new_article",
        "save",
        "delete_article",
        "mark_claim",
        "bold",
        "italic",
        "link",
        "insert_image",
        "code",
        "heading1",
        "heading2",
        "heading3",
        "paragraph",
        "bullet_list",
        "numbered_list",
        "quote",
        "replace",
        "import_files",
    ):
        if name in window.actions_.all():
            window.actions_[name].setEnabled(False)
    reason = getattr(window.store, "read_only_reason", "") or "this store is open in another window"
    window.read_only_label = QLabel("Read-only", objectName="readOnlyLabel")
    window.read_only_label.setToolTip(f"{window.store.path}: {reason}. Nothing can be changed or saved here.")
    window.read_only_label.setStyleSheet("QLabel { font-weight: 600; padding: 0 6px; }")
    window.statusBar().insertPermanentWidget(0, window.read_only_label)
    window.statusBar().showMessage(f"Read-only: {reason}. Reading, copying and exporting work.")
