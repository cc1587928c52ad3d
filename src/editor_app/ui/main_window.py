"""The main window: assembles the panes and wires them; the work happens in the parts.

library (left) | header form + editor (centre) | preview (right); claim and ticker panes dock.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app import APP_DISPLAY_NAME, __version__
from editor_app.core.article import Article, untitled_name
from editor_app.core.changes import Changes
from editor_app.core.claim_markup import ClaimMarkup
from editor_app.core.export import ArticlePackage, ExportError, export_article, footer_html
from editor_app.core.page import article_content, header_html, page_html
from editor_app.core.render_process import RenderOutcome, RenderProcess
from editor_app.core.text import text_stats
from editor_app.core.tickers.tags import related_stocks_line
from editor_app.services.package import load_package
from editor_app.store.errors import StoreError
from editor_app.store.journal import RecoveryJournal
from editor_app.store.settings import SettingsStore
from editor_app.store.store import ArticleChange, Store
from editor_app.store.tickers import TickerTagStore
from editor_app.ui.claims.controller import ClaimsController
from editor_app.ui.common.change_bus import ChangeBus
from editor_app.ui.common.tasks import Tasks
from editor_app.ui.editor import block_format, formatting
from editor_app.ui.editor.autosave import AutosaveController, SaveState
from editor_app.ui.editor.find_replace import FindReplaceBar
from editor_app.ui.editor.header_form import HeaderForm
from editor_app.ui.editor.highlighter import MarkdownHighlighter
from editor_app.ui.editor.markdown_editor import MarkdownEditor
from editor_app.ui.editor.recovery import attach_journal
from editor_app.ui.library.pane import LibraryPane
from editor_app.ui.library.trash import TrashDialog
from editor_app.ui.preview.render_controller import RenderController
from editor_app.ui.preview.view import PreviewView
from editor_app.ui.review.controller import ReviewController
from editor_app.ui.stocks.controller import StocksController
from editor_app.ui.transfer.export_import import install_export_import
from editor_app.ui.window.actions import ActionRegistry
from editor_app.ui.window.layout import WindowLayout

PREVIEW_PAUSED = (
    "Preview paused: {reason}. Your text is safe and still being saved; "
    "the preview resumes when the article can be rendered again."
)
HIGHLIGHT_LIMIT_CHARS = 3_000_000


class MainWindow(QMainWindow):
    export_finished = Signal(str, str)  # path, error message ("" when it worked)
    article_loaded = Signal(object)  # Article | None: side panes follow the open article

    def __init__(self, store: Store, settings: QSettings | None = None) -> None:
        super().__init__()
        self.store = store
        self.changes = ChangeBus(store, self)  # what the store's writes changed, on the UI thread
        self.tasks = Tasks(self)  # computations off the UI thread (proposals, checks)
        self.settings = settings or QSettings()
        self.article: Article | None = None
        self._body_html = ""
        self._preview_notice = ""
        self._related_stocks = ""
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        self.actions_ = ActionRegistry(self)

        self.library = LibraryPane()
        self.header = HeaderForm()
        self.editor = MarkdownEditor()
        self.highlighter = MarkdownHighlighter(self.editor.document())
        self.find_bar = FindReplaceBar(self.editor)
        self.find_bar.hide()
        self.preview = PreviewView()
        self.preview.setObjectName("preview")

        centre = QWidget(objectName="editorColumn")
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.editor, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self._centre = centre

        self.stats_label = QLabel(objectName="statsLabel")
        self.save_label = QLabel(objectName="saveLabel")
        self.undo_delete_button = QToolButton(objectName="undoDeleteButton", text="Undo delete")
        self.undo_delete_button.hide()
        self.statusBar().addPermanentWidget(self.undo_delete_button)
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self._last_deleted: int | None = None

        self.autosave = AutosaveController(store, self._field_value, self)
        self.read_only = bool(getattr(store, "read_only", False))
        self.store_lock = None  # set by run_gui: the StoreLock this window writes under
        self.journal: RecoveryJournal | None = None
        if not self.read_only:  # keystrokes between autosaves survive a crash
            self.journal = RecoveryJournal(store.path)
            self._journal_hook = attach_journal(self.autosave, self.journal, self._field_value)
        self.renderer = RenderController(self.editor.markdown_text, self)
        self._export_renderer: RenderProcess | None = None
        self._export_thread: threading.Thread | None = None

        self._build_menus()
        self.layout_ = WindowLayout(self, centre)  # central area, View menu, panes, workspaces, zoom
        self.panels = self.layout_.panels
        self._connect()
        self.preview.load_shell(page_html(Article(), article_content(Article(), "")))
        self.resize(1400, 860)
        layout_restored = self.layout_.restore()
        self.reload_library()
        first = self.library.model.index(0)
        if first.isValid():
            self.open_article(int(first.data(Qt.ItemDataRole.UserRole + 1)))
        elif self.read_only:
            self._load(None)
        else:
            self.new_article()
        self.stocks = StocksController(self)
        self.claims = ClaimsController(self)
        install_export_import(self)
        self.review = ReviewController(self)
        if not layout_restored:
            self.layout_.first_start()
        if self.read_only:  # a second window on a store: look, copy, export; never write
            for name in (
                "new_article",
                "save",
                "delete_article",
                "mark_claim",
                "bold",
                "italic",
                "link",
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
                if name in self.actions_.all():
                    self.actions_[name].setEnabled(False)
            reason = getattr(store, "read_only_reason", "") or "this store is open in another window"
            self.read_only_label = QLabel("Read-only", objectName="readOnlyLabel")
            self.read_only_label.setToolTip(f"{store.path}: {reason}. Nothing can be changed or saved here.")
            self.read_only_label.setStyleSheet("QLabel { font-weight: 600; padding: 0 6px; }")
            self.statusBar().insertPermanentWidget(0, self.read_only_label)
            self.statusBar().showMessage(f"Read-only: {reason}. Reading, copying and exporting work.")
        self.editor.setFocus()

    # -- building ---------------------------------------------------------------------

    def _edit_focused(self, method: str) -> None:
        """Edit › Cut/Copy/Paste/Select All on the focused text field, else on the body."""
        target = QApplication.focusWidget()
        if target is None or not hasattr(target, method) or not self.isAncestorOf(target):
            target = self.editor
        if method in ("cut", "paste") and getattr(target, "isReadOnly", lambda: False)():
            return
        getattr(target, method)()

    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for name in (
            "new_article",
            "save",
            "export_html",
            None,
            "delete_article",
            "show_trash",
            "backups",
            None,
            "quit",
        ):
            file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
        edit_menu = bar.addMenu("&Edit")
        for name in (
            "undo",
            "redo",
            None,
            "cut",
            "copy",
            "paste",
            "select_all",
            None,
            "find",
            "replace",
            "find_next",
            "find_previous",
        ):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])
        self.format_menu = bar.addMenu("F&ormat")
        for name in ("bold", "italic", "code", "link", None):
            self.format_menu.addSeparator() if name is None else self.format_menu.addAction(a[name])
        for name in ("heading1", "heading2", "heading3", "paragraph", None, "bullet_list", "numbered_list", "quote"):
            self.format_menu.addSeparator() if name is None else self.format_menu.addAction(a[name])
        self.view_menu = bar.addMenu("&View")  # filled by WindowLayout and the panes
        help_menu = bar.addMenu("&Help")
        for name in ("writers_guide", "keyboard_shortcuts", None, "about"):
            help_menu.addSeparator() if name is None else help_menu.addAction(a[name])

        toolbar = QToolBar("Main toolbar", objectName="mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for name in (
            "new_article",
            "save",
            "export_html",
            None,
            "undo",
            "redo",
            None,
            "bold",
            "italic",
            "link",
            None,
            "find",
        ):
            toolbar.addSeparator() if name is None else toolbar.addAction(a[name])
        self.addToolBar(toolbar)
        self.library.view.addAction(a["delete_article"])

    def _connect(self) -> None:
        a = self.actions_
        a["new_article"].triggered.connect(self.new_article)
        a["save"].triggered.connect(self.save_now)
        a["export_html"].triggered.connect(self.export_current)
        a["delete_article"].triggered.connect(self.delete_current)
        a["show_trash"].triggered.connect(self.show_trash)
        a["backups"].triggered.connect(self.show_backups)
        a["quit"].triggered.connect(self.close)
        for name, method in (("cut", "cut"), ("copy", "copy"), ("paste", "paste"), ("select_all", "selectAll")):
            a[name].triggered.connect(lambda _checked=False, m=method: self._edit_focused(m))
        a["undo"].triggered.connect(self.editor.undo)
        a["redo"].triggered.connect(self.editor.redo)
        self.editor.undoAvailable.connect(a["undo"].setEnabled)
        self.editor.redoAvailable.connect(a["redo"].setEnabled)
        a["bold"].triggered.connect(lambda: formatting.toggle_bold(self.editor))
        a["italic"].triggered.connect(lambda: formatting.toggle_italic(self.editor))
        a["link"].triggered.connect(lambda: formatting.insert_link(self.editor))
        a["code"].triggered.connect(lambda: block_format.toggle_code(self.editor))
        for name, style in (
            ("heading1", "heading1"),
            ("heading2", "heading2"),
            ("heading3", "heading3"),
            ("paragraph", "paragraph"),
            ("bullet_list", "bullet"),
            ("numbered_list", "numbered"),
            ("quote", "quote"),
        ):
            a[name].triggered.connect(lambda _checked=False, st=style: block_format.apply_line_style(self.editor, st))
        a["find"].triggered.connect(self.find_bar.show_find)
        a["replace"].triggered.connect(self.find_bar.show_replace)
        a["find_next"].triggered.connect(self.find_bar.find_next)
        a["find_previous"].triggered.connect(self.find_bar.find_previous)
        a["focus_library_filter"].triggered.connect(self._focus_library_filter)
        a["about"].triggered.connect(self._about)
        a["writers_guide"].triggered.connect(lambda: self._help("guide"))
        a["keyboard_shortcuts"].triggered.connect(lambda: self._help("shortcuts"))
        self.undo_delete_button.clicked.connect(self.undo_delete)

        self.library.article_activated.connect(self.open_article)
        self.editor.textChanged.connect(self._on_body_edited)
        self.editor.about_to_paste.connect(self._before_paste)
        self.header.edited.connect(self._on_header_edited)
        self.header.slug_committed.connect(self._on_slug_committed)
        self.autosave.state_changed.connect(self._on_save_state)
        self.autosave.saved.connect(self._on_saved)
        self.autosave.failed.connect(self._on_save_failed)
        self.renderer.rendered.connect(self._on_rendered)
        self.export_finished.connect(self._on_export_finished)
        self.changes.changed.connect(self._on_store_changed)

    # -- UI state (QSettings: never editorial data) -----------------------------------

    def save_ui_state(self) -> None:
        self.layout_.save()
        self.settings.sync()

    # -- articles ---------------------------------------------------------------------

    def reload_library(self) -> None:
        self.library.reload(self.store)

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

    def open_article(self, article_id: int) -> bool:
        if self.article is not None and self.article.id == article_id:
            return True
        if not self.autosave.flush():
            QMessageBox.warning(self, "Not saved", f"{self.autosave.last_error}\n\nStaying on this article.")
            if self.article is not None and self.article.id is not None:
                self.library.select(self.article.id)
            return False
        article = self.store.get(article_id)
        if article is None:
            return False
        self._load(article)
        return True

    def _load(self, article: Article | None) -> None:
        self.article = article
        self.autosave.attach(article.id if article else None)
        self.header.load(article)
        self.highlighter.setDocument(None)
        self.editor.set_text_quietly(article.body if article else "")
        if article is not None and len(article.body) <= HIGHLIGHT_LIMIT_CHARS:
            self.highlighter.setDocument(self.editor.document())
        self.editor.setReadOnly(article is None or self.read_only)
        if self.read_only:
            self.header.setEnabled(False)
        if article is not None and article.id is not None:
            self.library.select(article.id)
        self._body_html = ""
        self._update_title()
        self.show_related_stocks()
        self.show_claim_parts()
        self.article_loaded.emit(article)

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

    # -- editing ----------------------------------------------------------------------

    def _field_value(self, name: str) -> str:
        return self.editor.markdown_text() if name == "body" else self.header.value(name)

    def _on_body_edited(self) -> None:
        self.autosave.mark_dirty("body")
        if not self.header.title.text().strip():  # an untitled article is named by its first words
            self._update_title()
        self.renderer.schedule(self.editor.document().characterCount())

    def _before_paste(self, size_after: int) -> None:
        """Highlighting a multi-megabyte paste would freeze the window for seconds."""
        if size_after > HIGHLIGHT_LIMIT_CHARS and self.highlighter.document() is not None:
            self.highlighter.setDocument(None)
            self.statusBar().showMessage("Syntax highlighting is off for articles over 3 MB.", 10000)

    def _on_header_edited(self, name: str) -> None:
        self.autosave.mark_dirty(name)
        if name == "title":
            self._update_title()
        self.show_header()

    def _on_slug_committed(self, slug: str) -> None:
        if self.article is None or self.article.id is None or not self.autosave.flush():
            return
        try:
            change = self.store.save(self.article.id, slug=slug)
        except StoreError as exc:
            self._on_save_failed(str(exc))
            return
        self._on_saved(change)

    def _on_saved(self, change: ArticleChange) -> None:
        self.article = change.article
        if "slug" in change.fields:
            self.header.show_slug(change.article.slug)
        if change.fields:
            self.library.model.upsert(change.article.summary())
        if "status" in change.fields:  # an approved article was edited: the store sent it back to review
            self.review.update_status_ui()
            self.statusBar().showMessage(
                "Edited after approval: the article is back in review and needs approving again.", 15000
            )
        if change.replaced_surrogates:
            self.statusBar().showMessage(
                f"{change.replaced_surrogates} invalid character(s) (lone surrogates) were saved as “\ufffd”.", 10000
            )
        self._update_title()

    def _on_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Not saved: {message} Your text is kept in the editor; retrying.", 15000)

    def _on_save_state(self, state: str) -> None:
        text = {
            SaveState.SAVED: "Saved",
            SaveState.MODIFIED: "Edited",
            SaveState.SAVING: "Saving…",
            SaveState.FAILED: "Not saved: retrying",
        }[SaveState(state)]
        self.save_label.setText(text)
        self._update_title()

    def _body_start(self, limit: int = 2000) -> str:
        """The first characters of the body, from the first blocks only (the title is updated on
        every save; copying a 50 MB text each time would not do)."""
        parts: list[str] = []
        size = 0
        block = self.editor.document().begin()
        while block.isValid() and size < limit:
            parts.append(block.text()[:limit])
            size += len(parts[-1]) + 1
            block = block.next()
        return "\n".join(parts)[:limit]

    def _update_title(self) -> None:
        name = untitled_name(self.header.title.text(), self._body_start() if self.article else "")
        state = self.autosave.state
        mark = {
            SaveState.SAVED: "",
            SaveState.MODIFIED: " (edited)",
            SaveState.SAVING: " (saving…)",
            SaveState.FAILED: " (NOT SAVED)",
        }[state]
        ro = " (read-only)" if self.read_only else ""
        self.setWindowTitle(f"{name}{mark}{ro} — {APP_DISPLAY_NAME}")

    # -- preview ----------------------------------------------------------------------

    def _current_meta(self) -> Article:
        base = self.article or Article()
        return replace(
            base, title=self.header.value("title"), dek=self.header.value("dek"), byline=self.header.value("byline")
        )

    def show_header(self) -> None:
        self.preview.update_parts(header=header_html(self._current_meta(), self._related_stocks, status_banner=True))

    def _on_store_changed(self, changes: Changes) -> None:
        """A write committed (here, in a worker, or a restore): the window's own parts follow;
        the feature panes listen to `self.changes` themselves."""
        if changes.library or changes.everything:
            self.reload_library()
        article_id = self.article.id if self.article is not None else None
        if changes.touches(article_id):
            if changes.claims or changes.sources:
                self.show_claim_parts()
            if changes.tags:
                self.show_related_stocks()

    def show_claim_parts(self) -> None:
        """Claims, their statuses or the sources changed: restyle spans, the claims box and the
        sources note (a re-render is cheap: unchanged sections are cached)."""
        package = load_package(self.store, self.article.id) if self.article and self.article.id else None
        claims = package.claims if package is not None else []
        self.renderer.set_claim_markup(ClaimMarkup.from_claims(claims))
        self.renderer.schedule(0, immediate=True)
        self.preview.update_parts(footer=footer_html(package) if package is not None else "")

    def show_related_stocks(self) -> None:
        """Stock tags changed: the header's "Related stocks" line follows."""
        tags = TickerTagStore(self.store).list_tags(self.article.id) if self.article and self.article.id else []
        self._related_stocks = related_stocks_line(tags)
        self.show_header()

    def _on_rendered(self, outcome: RenderOutcome, body_json: str, after_html: str, _seconds: float) -> None:
        if outcome.ok:
            self._body_html = outcome.html
            self._preview_notice = ""
            stats = outcome.stats
            self.preview.update_parts(body_json=body_json, after=after_html, notice="")
        else:
            self._preview_notice = PREVIEW_PAUSED.format(reason=outcome.message)
            self.preview.update_parts(notice=self._preview_notice)
            text = self.editor.toPlainText()
            stats = text_stats(text) if len(text) < 2_000_000 else None
        self.stats_label.setText(stats.describe() if stats else "")

    # -- export -----------------------------------------------------------------------

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

    # -- misc -------------------------------------------------------------------------

    def _focus_library_filter(self) -> None:
        self.actions_["toggle_library"].setChecked(True)
        self.library.filter.setFocus()
        self.library.filter.selectAll()

    def _help(self, page: str) -> None:
        from editor_app.ui.window.help import show_help

        show_help(self, page)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_DISPLAY_NAME}",
            f"<b>{APP_DISPLAY_NAME}</b> {__version__}<br>Editorial workstation for financial-news "
            f"desks.<br><br>Store: {self.store.path}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        while not self.autosave.flush():
            answer = QMessageBox.critical(
                self,
                "Your latest changes are not saved",
                f"{self.autosave.last_error}\n\nRetry, or close anyway and lose the changes since the last save?",
                QMessageBox.StandardButton.Retry
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Retry,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Discard:
                break
        self.save_ui_state()
        self.stop_workers()
        event.accept()

    def stop_workers(self) -> None:
        """Every thread this window started ends, and is waited for, before the window goes:
        a worker outliving its window (or its store) is how a closed window crashes the
        process later (issue 20). Idempotent."""
        self.changes.close()
        self.tasks.close()
        self.renderer.shutdown()
        self.autosave.shutdown()
        self.review.shutdown()
        pane = self.stocks.pane()
        if pane is not None:
            pane.shutdown()
        export_import = getattr(self, "export_import", None)
        if export_import is not None:
            export_import.shutdown()
        thread, self._export_thread = self._export_thread, None
        if thread is not None:
            thread.join(60)  # an export in progress finishes its file
