"""File › Export as HTML for the open article: the page is written in the background and
`export_finished` reports.

A mixin of `MainWindow`.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from editor_app.core.export import ArticlePackage, ExportError, export_article
from editor_app.core.render_process import RenderProcess
from editor_app.services.package import images_for, load_package
from editor_app.store.settings import SettingsStore


class ExportCommands:
    def export_current(self) -> None:
        if self.article is None:
            return
        self.autosave.flush()
        start_dir = Path(str(self.settings.value("export/dir", str(Path.home()))))
        path, _ = QFileDialog.getSaveFileName(
            self, "Export as HTML", str(start_dir / f"{self.article.slug}.html"), "HTML files (*.html)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Export the current (saved) article to `path` in the background; `export_finished` reports."""
        article = replace(self._current_meta(), body=self.editor.markdown_text())
        stored = load_package(self.store, article.id) if article.id else None
        package = replace(stored, article=article) if stored is not None else ArticlePackage(article)
        package = replace(package, images=images_for(self.store, article.body))  # the text as shown
        settings = SettingsStore(self.store).load()
        self.settings.setValue("export/dir", str(path.parent))
        self.statusBar().showMessage(f"Exporting to {path}…")

        def work() -> None:
            with RenderProcess() as renderer:
                try:
                    export_article(package, path, renderer, settings=settings)
                    self.export_finished.emit(str(path), "")
                except ExportError as exc:
                    self.export_finished.emit(str(path), str(exc))

        self._export_thread = threading.Thread(target=work, name="export", daemon=True)
        self._export_thread.start()

    def _on_export_finished(self, path: str, error: str) -> None:
        if error:
            self.statusBar().clearMessage()
            QMessageBox.warning(self, "Export failed", error)
        else:
            self.statusBar().showMessage(f"Exported {path}", 8000)
