"""The window's article commands: new, save, delete and undo, the trash, backups and restore.

A mixin of `MainWindow` (it uses the window's store, library, autosave and status bar).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QMessageBox,
)

from editor_app.store.errors import StoreError
from editor_app.ui.library.trash import TrashDialog


class ArticleCommands:
    def restore_from(self, backup_path: Path) -> bool:
        """Put a backup in place of the store and show what it holds (the current file is
        backed up first by restore_backup)."""
        from editor_app.store.backups import restore_backup

        if not self.autosave.flush():
            QMessageBox.warning(self, "Not restored", f"{self.autosave.last_error}\n\nNothing was changed.")
            return False
        self.store.engine.dispose()
        try:
            restore_backup(self.store.path, backup_path, lock=self.store_lock)
        except (StoreError, OSError) as exc:
            QMessageBox.critical(self, "Restore failed", str(exc))
            return False
        finally:
            self.store.reopen()  # announces that everything changed
        self.article = None
        self.changes.deliver()  # the library shows the restored file now
        self.reload_current()
        self.statusBar().showMessage(f"Restored the backup {backup_path.name}", 10000)
        return True

    def show_backups(self) -> None:
        from editor_app.ui.transfer.backups import BackupDialog

        BackupDialog(self).exec()

    def reload_current(self) -> None:
        """Show the open article as the store has it now (after a recovery or a restore)."""
        if self.article is not None and self.article.id is not None:
            fresh = self.store.get(self.article.id)
            self.article = None
            if fresh is not None and fresh.deleted_at is None:
                self._load(fresh)
                return
        first = self.library.model.index(0)
        if first.isValid():
            self.open_article(int(first.data(Qt.ItemDataRole.UserRole + 1)))
        else:
            self._load(None)

    def new_article(self) -> None:
        if not self.autosave.flush():
            QMessageBox.warning(self, "Not saved", self.autosave.last_error)
            return
        try:
            article = self.store.create()
        except StoreError as exc:
            QMessageBox.critical(self, "Could not create an article", str(exc))
            return
        self.library.model.upsert(article.summary())
        if self.library.ticker_filter_key() is not None:
            self.library.set_ticker_filter(None)  # the new article must be visible
        self._load(article)
        self.header.title.setFocus()

    def save_now(self) -> None:
        if self.autosave.flush():
            self.statusBar().showMessage("Saved", 2000)

    def delete_current(self) -> None:
        article = self.article
        if article is None or article.id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete article?",
            f"Move “{article.display_title}” to Deleted Articles?\n\nYou can restore it from File › Deleted Articles.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self.autosave.flush():
            QMessageBox.warning(self, "Not saved", self.autosave.last_error)
            return
        try:
            self.store.delete(article.id)
        except StoreError as exc:
            QMessageBox.critical(self, "Not deleted", f"{exc}\n\nThe article is unchanged.")
            return
        self.library.model.remove(article.id)
        self._last_deleted = article.id
        self.undo_delete_button.show()
        self.statusBar().showMessage(f"Moved “{article.display_title}” to Deleted Articles", 10000)
        QTimer.singleShot(15000, self.undo_delete_button.hide)
        self.article = None
        nxt = self.library.model.index(0)
        if nxt.isValid():
            self.open_article(int(nxt.data(Qt.ItemDataRole.UserRole + 1)))
        else:
            self._load(None)

    def undo_delete(self) -> None:
        if self._last_deleted is None:
            return
        try:
            restored = self.store.restore(self._last_deleted)
        except StoreError as exc:
            QMessageBox.critical(self, "Not restored", f"{exc}\n\nThe article stays in Deleted Articles.")
            return
        self._last_deleted = None
        self.undo_delete_button.hide()
        self.library.model.upsert(restored.summary())
        self.open_article(restored.id or 0)

    def show_trash(self) -> None:
        dialog = TrashDialog(self.store, self)
        dialog.exec()
        if dialog.restored:
            self.changes.deliver()  # the restored rows are in the library before one is opened
            self.open_article(dialog.restored[-1])
