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
from editor_app.core.ninjs import write_ninjs
from editor_app.core.render_process import RenderProcess
from editor_app.services.package import images_for, load_package
from editor_app.store.settings import SettingsStore

NINJS_FILTER = "IPTC ninjs 3.1 (*.json)"


class ExportCommands:
    def export_current(self) -> None:
        if self.article is None:
            return
        self.autosave.flush()
        start_dir = Path(str(self.settings.value("export/dir", str(Path.home()))))
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export as HTML",
            str(start_dir / f"{self.article.slug}.html"),
            f"HTML files (*.html);;{NINJS_FILTER}",
        )
        if path:
            self.export_to(Path(path), fmt="ninjs" if chosen == NINJS_FILTER else "html")

    def export_to(self, path: Path, fmt: str = "html") -> bool:
        """Export the current (saved) article to `path` in the background; `export_finished` reports.
        `fmt` "ninjs" writes IPTC ninjs JSON. Under embargo it asks first (refused: False)."""
        article = replace(self._current_meta(), body=self.editor.markdown_text())
        stored = load_package(self.store, article.id) if article.id else None
        package = replace(stored, article=article) if stored is not None else ArticlePackage(article)
        package = replace(package, images=images_for(self.store, article.body))  # the text as shown
        if stored is not None:  # the embargo and the kill as stored (the header form holds neither)
            package = replace(
                package,
                article=replace(
                    article,
                    embargo_at=stored.article.embargo_at,
                    killed_at=stored.article.killed_at,
                    kill_reason=stored.article.kill_reason,
                    status=stored.article.status,
                ),
            )
        gate = getattr(self, "notices", None)
        if gate is not None and not gate.allow_export([package]):
            return False
        settings = SettingsStore(self.store).load()
        self.settings.setValue("export/dir", str(path.parent))
        self.statusBar().showMessage(f"Exporting to {path}…")

        def work() -> None:
            with RenderProcess() as renderer:
                try:
                    if fmt == "ninjs":
                        write_ninjs(package, path, renderer, settings=settings)
                    else:
                        export_article(package, path, renderer, settings=settings)
                    self.export_finished.emit(str(path), "")
                except ExportError as exc:
                    self.export_finished.emit(str(path), str(exc))

        self._export_thread = threading.Thread(target=work, name="export", daemon=True)
        self._export_thread.start()
        return True

    def _on_export_finished(self, path: str, error: str) -> None:
        if error:
            self.statusBar().clearMessage()
            QMessageBox.warning(self, "Export failed", error)
        else:
            self.statusBar().showMessage(f"Exported {path}", 8000)
