"""The main window: assembles the panes and wires them; the work happens in the parts.

library (left) | header form + editor (centre) | preview (right); claim and ticker panes dock.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app import APP_DISPLAY_NAME, __version__
from editor_app.core.article import Article
from editor_app.core.changes import Changes
from editor_app.core.page import article_content, page_html
from editor_app.core.render_process import RenderProcess
from editor_app.store.journal import RecoveryJournal
from editor_app.store.store import Store
from editor_app.ui.claims.controller import ClaimsController
from editor_app.ui.common import gc_on_ui_thread
from editor_app.ui.common.change_bus import ChangeBus
from editor_app.ui.common.tasks import Tasks
from editor_app.ui.editor.autosave import AutosaveController
from editor_app.ui.editor.find_replace import FindReplaceBar
from editor_app.ui.editor.header_form import HeaderForm
from editor_app.ui.editor.highlighter import MarkdownHighlighter
from editor_app.ui.editor.markdown_editor import MarkdownEditor
from editor_app.ui.editor.recovery import attach_journal
from editor_app.ui.editor.window_editing import HIGHLIGHT_LIMIT_CHARS, EditingHandlers
from editor_app.ui.images.controller import ImagesController
from editor_app.ui.library.article_commands import ArticleCommands
from editor_app.ui.library.pane import LibraryPane
from editor_app.ui.notices.controller import NoticesController
from editor_app.ui.outline.controller import OutlineController
from editor_app.ui.preview.render_controller import RenderController
from editor_app.ui.preview.view import PreviewView
from editor_app.ui.preview.window_preview import PreviewParts
from editor_app.ui.review.controller import ReviewController
from editor_app.ui.spelling.controller import SpellingController
from editor_app.ui.stocks.controller import StocksController
from editor_app.ui.theme.controller import ThemeController, apply_saved_theme
from editor_app.ui.transfer.export_current import ExportCommands
from editor_app.ui.transfer.export_import import install_export_import
from editor_app.ui.window.actions import ActionRegistry
from editor_app.ui.window.layout import WindowLayout
from editor_app.ui.window.menus import build_menus, connect_commands
from editor_app.ui.window.read_only import lock_for_reading
from editor_app.ui.writing.controller import WritingModes

LIBRARY_DELAY_MS = 400  # coalesce library refreshes after claims, tags, comments, statuses

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QToolBar

    from editor_app.services.review import Review
    from editor_app.store.claims import ClaimStore
    from editor_app.store.tickers import TickerTagStore
    from editor_app.ui.claims.controller import EditorMenuProvider
    from editor_app.ui.common.docks import LazyDock
    from editor_app.ui.transfer.export_import import ExportImport


class MainWindow(ArticleCommands, EditingHandlers, PreviewParts, ExportCommands, QMainWindow):
    export_finished = Signal(str, str)  # path, error message ("" when it worked)
    article_loaded = Signal(object)  # Article | None: side panes follow the open article

    # What the features install when they are built (their controllers set these, nothing else
    # is added to the window from outside).
    claim_store: ClaimStore
    claims_dock: LazyDock
    ticker_tags: TickerTagStore
    ticker_dock: LazyDock
    outline_dock: LazyDock
    review_store: Review
    export_import: ExportImport
    extra_editor_actions: list[QAction]
    editor_menu_providers: list[EditorMenuProvider]
    toolbar: QToolBar
    menus: dict[str, QMenu]
    read_only_label: QLabel

    def __init__(self, store: Store, settings: QSettings | None = None) -> None:
        super().__init__()
        gc_on_ui_thread.install(QApplication.instance())  # workers never run the collector (idempotent)
        self.store = store
        self.changes = ChangeBus(store, self)  # what the store's writes changed, on the UI thread
        self._library_timer = QTimer(self, singleShot=True, interval=LIBRARY_DELAY_MS)
        self._library_timer.timeout.connect(self.refresh_library_rows)
        self.tasks = Tasks(self)  # computations off the UI thread (proposals, checks)
        self.settings = settings or QSettings()
        apply_saved_theme(self.settings)  # the palette before any widget is made (ui/theme)
        self.article: Article | None = None
        self._body_html = ""
        self._preview_notice = ""
        self._related_stocks = ""
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        self.actions_ = ActionRegistry(self)
        self.extra_editor_actions = []  # features add theirs to the editor's context menu
        self.editor_menu_providers = []  # or a function that fills the menu for the clicked spot

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

        self.menus = build_menus(self)  # by id: "file", "edit", "format", "view", "help"
        self.format_menu, self.view_menu = self.menus["format"], self.menus["view"]
        self.layout_ = WindowLayout(self, centre)  # central area, View menu, panes, workspaces, zoom
        self.panels = self.layout_.panels
        self._connect()
        self.preview.load_shell(page_html(Article(), article_content(Article(), ""), preview=True))
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
        self.spelling = SpellingController(self)
        self.outline = OutlineController(self)
        self.theme = ThemeController(self)  # View › Theme; applies the palette before the first paint
        self.writing = WritingModes(self)  # scroll sync, focus, typewriter, full screen
        self.images = ImagesController(self)
        self.notices = NoticesController(self)  # corrections, kill, embargo (issue 15)
        if getattr(store, "is_server", False):  # the desk's server: others write the same articles
            from editor_app.ui.editor.conflicts import ConflictResolver

            self.conflicts = ConflictResolver(self)
        if not layout_restored:
            self.layout_.first_start()
        if self.read_only:  # a second window on a store: look, copy, export; never write
            lock_for_reading(self)
        self.editor.setFocus()

    # -- building ---------------------------------------------------------------------

    def _connect(self) -> None:
        connect_commands(self)
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

    def refresh_library_rows(self) -> None:
        """Re-read the library's rows (counts of claims, stocks, open comments; statuses),
        keeping the open article selected."""
        self._library_timer.stop()
        self.reload_library()
        if self.article is not None and self.article.id is not None:
            self.library.select(self.article.id)

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
        self.autosave.attach(article.id if article else None, article)
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
        self.show_article_parts()  # claims and tags in one read
        self.article_loaded.emit(article)

    # -- editing ----------------------------------------------------------------------

    # -- preview ----------------------------------------------------------------------

    def _on_store_changed(self, changes: Changes) -> None:
        """A write committed (here, in a worker, or a restore): the window's own parts follow;
        the feature panes listen to `self.changes` themselves."""
        if changes.library or changes.everything:
            self.reload_library()
        elif changes.comments or changes.claims or changes.tags or changes.status:
            self._library_timer.start()  # the counts and badges of the library's rows
        article_id = self.article.id if self.article is not None else None
        if changes.touches(article_id):
            everything = changes.everything
            self.show_article_parts(
                claims=everything or changes.claims or changes.sources, tags=everything or changes.tags
            )

    def reveal_line(self, line: int) -> None:
        """Jump to source line `line` (1-based): the cursor there, both editor and preview show it."""
        self.writing.reveal_line(line)

    def reveal_cursor(self) -> None:
        """After moving the cursor to a spot (a claim...): its line in the middle of both views."""
        self.writing.reveal_cursor()

    # -- export -----------------------------------------------------------------------

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
            f"desks.<br><br>Store: {getattr(self.store, 'location', self.store.path)}",
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
        self.spelling.shutdown()
        self.store.writer.close()  # the queued writes are written; its thread ends with the window
        pane = self.stocks.pane()
        if pane is not None:
            pane.shutdown()
        export_import = getattr(self, "export_import", None)
        if export_import is not None:
            export_import.shutdown()
        thread, self._export_thread = self._export_thread, None
        if thread is not None:
            thread.join(60)  # an export in progress finishes its file
