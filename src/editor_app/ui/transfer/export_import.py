"""File › Export Articles…, File › Import…, drag and drop onto the library, and Desk Settings.

`install_export_import(window)` adds the actions to the File menu and the drop target to the
library; everything here goes through the store and core (export_batch, importer), so the
command line and the window behave the same. Export runs in a QThread behind a progress dialog
with Cancel; the window stays responsive.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
)

from editor_app.core.export import ArticlePackage, ExportError
from editor_app.core.export_batch import INDEX_NAME, ExportReport, embargoed, export_many, file_names
from editor_app.core.importer import ImportFailed, NotUTF8Error, read_article_file
from editor_app.core.settings import DeskSettings
from editor_app.services.package import load_package
from editor_app.store.errors import StoreError
from editor_app.store.importing import import_parsed
from editor_app.store.settings import SettingsStore

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow
from editor_app.ui.transfer.dialogs import (
    EXPORT_DIR_KEY,
    OPEN_AFTER_KEY,
    DeskSettingsDialog,
    EncodingDialog,
    ExportArticlesDialog,
)

IMPORT_SUFFIXES = (".md", ".markdown", ".txt")
IMPORT_DIR_KEY = "import/dir"


# -- install -------------------------------------------------------------------------------


def install_export_import(window: MainWindow) -> ExportImport:
    """Actions in the File menu (after "Export as HTML…"), drop target on the library."""
    controller = ExportImport(window)
    window.export_import = controller
    return controller


class ExportImport(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings: QSettings = window.settings
        self.job: ExportJob | None = None
        self.last_report: ExportReport | None = None
        self.last_imported: list[int] = []
        self.message_box: QMessageBox | None = None  # the last non-blocking result box
        a = window.actions_
        a["export_many"].triggered.connect(self.export_articles)
        a["import_files"].triggered.connect(self.import_dialog)
        a["desk_settings"].triggered.connect(self.edit_desk_settings)
        self._add_to_file_menu([a["export_many"], a["import_files"], None, a["desk_settings"]])
        view = window.library.view
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self) -> None:
        """Quitting during an export: stop between two files and wait (no half-written file)."""
        job = self.job
        if job is not None and job.isRunning():
            job.cancel()
            job.wait(30000)

    def _add_to_file_menu(self, actions: list) -> None:
        menu = self.window.menus["file"]
        items = menu.actions()
        export_current = self.window.actions_["export_html"]
        before = None
        if export_current in items and items.index(export_current) + 1 < len(items):
            before = items[items.index(export_current) + 1]
        for action in actions:
            if action is None:
                sep = menu.insertSeparator(before) if before is not None else menu.addSeparator()
                del sep
            elif before is not None:
                menu.insertAction(before, action)
            else:
                menu.addAction(action)

    # -- drag and drop onto the library ----------------------------------------------

    @staticmethod
    def importable_paths(urls: list[QUrl]) -> list[Path]:
        return [
            Path(u.toLocalFile())
            for u in urls
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMPORT_SUFFIXES
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            if event.mimeData().hasUrls() and self.importable_paths(event.mimeData().urls()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if not event.mimeData().hasUrls():
                return False
            urls = event.mimeData().urls()
            paths = self.importable_paths(urls)
            skipped = [
                Path(u.toLocalFile()).name or u.toString()
                for u in urls
                if not (u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMPORT_SUFFIXES)
            ]
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.import_files(paths, skipped=skipped)
            return True
        return super().eventFilter(watched, event)

    # -- import -----------------------------------------------------------------------

    def import_dialog(self) -> None:
        start = str(self.settings.value(IMPORT_DIR_KEY, str(Path.home())))
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", start, "Markdown or text (*.md *.markdown *.txt);;All files (*)"
        )
        if names:
            self.settings.setValue(IMPORT_DIR_KEY, str(Path(names[0]).parent))
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path], *, skipped: list[str] | None = None) -> list[int]:
        """Import each file whole or not at all; report failures and warnings in one box."""
        window = self.window
        who = SettingsStore(window.store).load().user
        imported: list[int] = []
        problems: list[str] = [
            f"{name}: not a Markdown or text file (.md, .markdown, .txt)" for name in (skipped or [])
        ]
        warnings: list[str] = []
        for path in paths:
            try:
                parsed = read_article_file(path)
            except NotUTF8Error as exc:
                encoding = self.choose_encoding(path, exc)
                if encoding is None:
                    problems.append(f"{path.name}: not imported (not UTF-8 and no encoding chosen)")
                    continue
                try:
                    parsed = read_article_file(path, encoding=encoding)
                except ImportFailed as again:
                    problems.append(f"{path.name}: {again}")
                    continue
            except ImportFailed as exc:
                problems.append(str(exc) if path.name in str(exc) else f"{path.name}: {exc}")
                continue
            try:
                result = import_parsed(window.store, parsed, who=who)
            except (ImportFailed, StoreError, ValueError) as exc:
                problems.append(f"{path.name}: {exc}")
                continue
            imported.append(result.article.id or 0)
            warnings += [f"{path.name}: {w}" for w in result.warnings]
        self.last_imported = imported
        if imported:
            window.changes.deliver()  # the imported rows are in the library before one is opened
            window.open_article(imported[0])
            window.statusBar().showMessage(f"Imported {len(imported)} article(s)", 8000)
        if problems or warnings:
            lines = []
            if imported:
                lines.append(f"Imported {len(imported)} article(s).")
            if problems:
                lines.append(f"{len(problems)} file(s) could not be imported:")
                lines += [f"• {p}" for p in problems]
            if warnings:
                lines.append("Changed or not taken over on import:")
                lines += [f"• {w}" for w in warnings]
            self._show(
                QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information, "Import", "\n".join(lines)
            )
        return imported

    def choose_encoding(self, path: Path, error: NotUTF8Error) -> str | None:
        dialog = EncodingDialog(path, error, self.window)
        return dialog.encoding if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- export -----------------------------------------------------------------------

    def export_articles(self) -> None:
        window = self.window
        if self.job is not None:
            QMessageBox.information(window, "Export running", "An export is already running.")
            return
        window.autosave.flush()
        dialog = ExportArticlesDialog(window.store, self.settings, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids, folder, open_after = dialog.chosen_ids(), dialog.folder(), dialog.open_after.isChecked()
        self.settings.setValue(OPEN_AFTER_KEY, open_after)
        self.settings.setValue(EXPORT_DIR_KEY, str(folder))
        self.settings.setValue("export/format", dialog.chosen_format())
        self.start_export(ids, folder, open_after=open_after, fmt=dialog.chosen_format())

    def start_export(
        self, ids: list[int], folder: Path, *, open_after: bool = False, fmt: str = "html"
    ) -> ExportJob | None:
        window = self.window
        packages = [p for aid in ids if (p := load_package(window.store, aid)) is not None]
        if not packages:
            self._show(QMessageBox.Icon.Information, "Export", "No articles to export.")
            return None
        gate = getattr(window, "notices", None)  # the embargo: refused, or overridden with a reason
        override = fmt == "html" and bool(embargoed(packages))  # ninjs goes out withheld instead
        if override and (gate is None or not gate.allow_export(packages)):
            return None
        index = len(packages) > 1 and fmt == "html"
        ext = ".json" if fmt == "ninjs" else ".html"
        targets = [folder / n for n in file_names(packages, ext=ext)] + ([folder / INDEX_NAME] if index else [])
        existing = [t for t in targets if t.exists()]
        if existing and not self.confirm_replace(existing):
            window.statusBar().showMessage("Export cancelled: existing files were kept.", 8000)
            return None
        agreed = {p.resolve() for p in existing}

        def overwrite(found: list[Path]) -> bool:  # asked above; files that appeared since are kept
            return all(p.resolve() in agreed for p in found)

        progress = QProgressDialog("Exporting…", "Cancel", 0, len(packages), window)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle("Export Articles")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        job = ExportJob(packages, folder, SettingsStore(window.store).load(), overwrite, index)
        job.fmt, job.override_embargo = fmt, override
        job.open_after = open_after
        job.progress_dialog = progress
        progress.canceled.connect(job.cancel)
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        self.job = job
        job.start()
        return job

    def confirm_replace(self, existing: list[Path]) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace existing files?",
            f"{len(existing)} file(s) already exist in {existing[0].parent} and would be "
            "replaced:\n\n" + "\n".join(p.name for p in existing[:12]) + ("\n…" if len(existing) > 12 else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("replaceFilesBox")
        box.button(QMessageBox.StandardButton.Yes).setText("Replace")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setDetailedText("\n".join(str(p) for p in existing))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _on_progress(self, done: int, total: int, title: str) -> None:
        job = self.job
        if job is None or job.progress_dialog is None:
            return
        job.progress_dialog.setMaximum(total)
        job.progress_dialog.setValue(done)
        if title:
            job.progress_dialog.setLabelText(f"Exporting {done + 1} of {total}: {title}")

    def _on_finished(self) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        job.wait()
        if job.progress_dialog is not None:
            job.progress_dialog.reset()
            job.progress_dialog.deleteLater()
        report, error = job.report, job.error
        self.last_report = report
        window = self.window
        if error or report is None:
            self._show(QMessageBox.Icon.Warning, "Export failed", error or "The export did not finish.")
            return
        window.statusBar().showMessage(report.summary(), 10000)
        if job.fmt == "ninjs":
            self._record_withheld(job.packages, report)
        if report.failed or report.refused or report.cancelled:
            lines = [report.summary()] + [f"• {t}: {m}" for t, m in report.failed]
            if report.cancelled and report.files:
                lines.append("The files written before you cancelled are complete and were kept.")
            self._show(QMessageBox.Icon.Warning, "Export", "\n".join(lines))
        target = report.index or (report.files[0].path if len(report.files) == 1 else None)
        if job.open_after and target is not None and not report.cancelled:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _record_withheld(self, packages: list[ArticlePackage], report: ExportReport) -> None:
        """The history notes each embargoed story that left as a withheld ninjs item."""
        from editor_app.store.embargo import EmbargoStore

        sent = {f.article_id for f in report.files}
        embargoes = EmbargoStore(self.window.store)
        for package in embargoed([p for p in packages if p.article.id in sent]):
            try:
                embargoes.record_withheld(package.article.id)
            except StoreError as exc:
                self.window.statusBar().showMessage(f"Exported, but the history could not note it: {exc}", 15000)

    # -- desk settings ---------------------------------------------------------------

    def edit_desk_settings(self) -> bool:
        dialog = DeskSettingsDialog(SettingsStore(self.window.store), self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        spelling = getattr(self.window, "spelling", None)
        if accepted and spelling is not None:
            spelling.reload_personal()  # the personal list is a file: no store change announces it
        return accepted

    # -- helpers ---------------------------------------------------------------------

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A result box that does not block (the import or export is over)."""
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("exportImportResult")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "message_box", None) if self.message_box is box else None)
        self.message_box = box
        box.open()
        return box


# -- the export job (worker thread) ----------------------------------------------------------


class ExportJob(QThread):
    progressed = Signal(int, int, str)

    def __init__(
        self, packages: list[ArticlePackage], folder: Path, settings: DeskSettings, overwrite, index: bool
    ) -> None:
        super().__init__()
        self.packages, self.folder, self.desk, self.overwrite, self.index = packages, folder, settings, overwrite, index
        self._cancel = threading.Event()
        self.report: ExportReport | None = None
        self.error = ""
        self.open_after = False
        self.fmt = "html"  # or "ninjs"
        self.override_embargo = False  # an editor overrode the embargo (recorded before the start)
        self.progress_dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self.report = export_many(
                self.packages,
                self.folder,
                on_progress=self.progressed.emit,
                should_cancel=self._cancel.is_set,
                overwrite=self.overwrite,
                settings=self.desk,
                index=self.index,
                fmt=self.fmt,
                override_embargo=self.override_embargo,
            )
        except ExportError as exc:
            self.error = str(exc)
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"


# -- dialogs ----------------------------------------------------------------------------------
