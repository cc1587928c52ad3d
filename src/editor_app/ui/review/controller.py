"""Wires editorial review into the window: the Status menu and toolbar badge (workflow with the
checklist gate), the Checklist, Sources and Comments docks, comment highlights in the editor,
revisions after every autosave, and the History dialog.

Bookkeeping after a save (comments follow the edit, a coalesced revision is kept) runs on the
ReviewWorker thread in save order; the UI only paints the results.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox, QSizePolicy, QToolButton, QWidget

from editor_app.core.article import Article, ArticleStatus
from editor_app.core.checklist import CheckItem
from editor_app.core.edit_map import EditMap
from editor_app.services.review import Review
from editor_app.store.errors import StoreError
from editor_app.store.revisions import RevisionStore
from editor_app.ui.common.docks import LazyDock
from editor_app.ui.common.text_positions import python_index, qt_position
from editor_app.ui.common.widgets import show_dock
from editor_app.ui.review.comment_highlights import CommentHighlights, current_ranges
from editor_app.ui.review.common import who_acts
from editor_app.ui.review.worker import ReviewWorker

if TYPE_CHECKING:
    from editor_app.store.store import ArticleChange
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.review.checklist import ChecklistPane
    from editor_app.ui.review.comments import CommentsPane
    from editor_app.ui.review.history import HistoryDialog
    from editor_app.ui.review.sources import SourcesPane
from editor_app.ui.review.status_control import StatusControl
from editor_app.ui.theme.icons import set_icon

CHECKLIST_DELAY_MS = 800  # re-run the checklist this long after a save
BOOKKEEPING_DELAY_MS = 1000  # comments follow and a revision is kept this long after the last save
BOOKKEEPING_CEILING_MS = 8000  # ...and at least this often while saves keep coming

CHECKLIST_TASK = "checklist"


class ReviewController(StatusControl, QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.review = Review(window.store)
        window.review_store = self.review
        self.worker = ReviewWorker(window.store, self)
        self.worker.done.connect(self._on_worker_done)
        self.worker.failed.connect(
            lambda msg: window.statusBar().showMessage(f"Review bookkeeping failed: {msg}", 10000)
        )
        window.tasks.failed.connect(self._on_task_failed)
        self.highlights = CommentHighlights(window.editor)
        self.history_dialog: HistoryDialog | None = None
        self.last_checklist: list[CheckItem] | None = None
        self.checklist_runs = 0
        art = window.article
        self._saved_body = art.body if art else ""  # the body of the latest save
        self._anchor_body = self._saved_body  # the body the stored anchors refer to
        self._compose_base = ""  # editor text when a range comment was started
        self._loaded_id: int | None = None
        # status-change notes of attempts the checklist blocked, per (article id, target status)
        self._note_drafts: dict[tuple[int, ArticleStatus], str] = {}
        self._checklist_timer = QTimer(self, singleShot=True, interval=CHECKLIST_DELAY_MS)
        self._checklist_timer.timeout.connect(self.run_checklist)
        self._pending_save: tuple[int, str, str] | None = None  # article id, body before, body after
        self._pending_since = QElapsedTimer()
        self._save_timer = QTimer(self, singleShot=True, interval=BOOKKEEPING_DELAY_MS)
        self._save_timer.timeout.connect(self._dispatch_save)

        self._build_actions()
        self._build_docks()
        self._build_menus()
        window.extra_editor_actions.append(self.actions["comment_selection"])

        window.article_loaded.connect(self.article_loaded)
        window.changes.changed.connect(self._on_store_changed)
        window.autosave.saved.connect(self._on_saved)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)
        self.article_loaded(window.article)

    # -- building ---------------------------------------------------------------------

    def _action(self, key: str, text: str, icon: str | None, shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{key}")
        if icon:
            set_icon(action, icon)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        self.window.addAction(action)
        self.actions[key] = action
        return action

    def _build_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        self._action(
            "comment_selection",
            "Co&mment on Selection…",
            "fa6s.comment",
            "Ctrl+Alt+M",
            "Add a review comment on the selected words",
        ).triggered.connect(self.comment_on_selection)
        self._action(
            "comment_article", "Comment on &Article…", "fa6s.message", None, "Add a review comment on the whole article"
        ).triggered.connect(self.comment_on_article)
        self._action(
            "run_checklist", "Run &Checklist", "fa6s.list-check", "Ctrl+Alt+K", "Run the pre-publish checklist"
        ).triggered.connect(self.show_checklist)
        self._action(
            "history",
            "&History…",
            "fa6s.clock-rotate-left",
            "Ctrl+Alt+H",
            "Revisions and status history of the article",
        ).triggered.connect(self.show_history)
        self._action(
            "status_history", "Status &History…", "fa6s.list-ol", None, "Who changed the status, when, and why"
        ).triggered.connect(lambda: self.show_history(tab=1))

    def _build_docks(self) -> None:
        w = self.window
        self.checklist_dock = LazyDock("Checklist", "checklistDock", self._build_checklist, w)
        self.sources_dock = LazyDock("Sources", "sourcesDock", self._build_sources, w)
        self.comments_dock = LazyDock("Comments", "commentsDock", self._build_comments, w)
        w.checklist_dock, w.sources_dock, w.comments_dock = self.checklist_dock, self.sources_dock, self.comments_dock
        for pane_id, dock, label, shortcut, tip in (
            ("checklist", self.checklist_dock, "Chec&klist", "Ctrl+Shift+K", "Show or hide the pre-publish checklist"),
            ("sources", self.sources_dock, "So&urces", "Ctrl+Shift+U", "Show or hide the article's sources"),
            ("comments", self.comments_dock, "Co&mments", "Ctrl+Shift+O", "Show or hide the review comments"),
        ):
            w.panels.add(pane_id, dock, label, shortcut, tip, tab_with="claims")

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        help_entry = w.menus["help"].menuAction()
        self.status_menu = QMenu("&Status", w)
        self.status_menu.setObjectName("statusMenu")
        self.review_menu = QMenu("Re&view", w)
        self.review_menu.setObjectName("reviewMenu")
        for key in ("comment_selection", "comment_article", None, "run_checklist", None, "history"):
            self.review_menu.addSeparator() if key is None else self.review_menu.addAction(self.actions[key])
        bar.insertMenu(help_entry, self.status_menu)
        bar.insertMenu(help_entry, self.review_menu)
        w.menus["status"], w.menus["review"] = self.status_menu, self.review_menu

        self.status_button = QToolButton(objectName="statusButton")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_button.setMenu(self.status_menu)
        self.status_button.setAutoRaise(True)
        toolbar = w.toolbar
        toolbar.addSeparator()
        toolbar.addAction(self.actions["comment_selection"])
        spacer = QWidget(objectName="statusSpacer")
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.status_button)

    def _build_checklist(self) -> ChecklistPane:
        from editor_app.ui.review.checklist import ChecklistPane

        pane = ChecklistPane()
        pane.refresh_requested.connect(self.run_checklist)
        pane.item_activated.connect(self.go_to)
        if self.last_checklist is not None:
            pane.set_items(self.last_checklist, self._checked_at)
        elif self.article_id is not None:
            QTimer.singleShot(0, self.run_checklist)
        return pane

    def _build_sources(self) -> SourcesPane:
        from editor_app.ui.review.sources import SourcesPane

        pane = SourcesPane(self.review, self.window.claim_store, lambda: who_acts(self.store))
        pane.set_read_only(self.read_only)
        pane.sources_changed.connect(self._on_review_data_changed)
        pane.set_article(self.article_id)
        return pane

    def _build_comments(self) -> CommentsPane:
        from editor_app.ui.review.comments import CommentsPane

        pane = CommentsPane(self.review, lambda: who_acts(self.store))
        pane.set_selection_action(self.actions["comment_selection"])
        pane.set_read_only(self.read_only)
        pane.anchor_resolver = self._resolve_anchor
        pane.comment_activated.connect(self.show_comment)
        pane.comments_changed.connect(self._on_comments_changed)
        pane.set_article(self.article_id)
        return pane

    def checklist_pane(self) -> ChecklistPane:
        return self.checklist_dock.content()  # type: ignore[return-value]

    def sources_pane(self) -> SourcesPane:
        return self.sources_dock.content()  # type: ignore[return-value]

    def comments_pane(self) -> CommentsPane:
        return self.comments_dock.content()  # type: ignore[return-value]

    # -- state ------------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        a = self.window.article
        return a.id if a is not None else None

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.window, "read_only", False))

    def who(self) -> str:
        return who_acts(self.store)

    def article_loaded(self, article: Article | None) -> None:
        same = article is not None and article.id is not None and article.id == self._loaded_id
        self._loaded_id = article.id if article is not None else None
        self._saved_body = self._anchor_body = article.body if article is not None else ""
        aid = article.id if article is not None else None
        self.last_checklist = None
        for dock in (self.sources_dock, self.comments_dock):
            if dock.built:
                dock.widget().set_article(aid)  # type: ignore[union-attr]
        if self.checklist_dock.built:
            if aid is None:
                self.checklist_pane().show_message("Open an article to check it.")
            else:
                self.checklist_pane().set_busy(True)
                self._checklist_timer.start(0)
        self.refresh_highlights()
        self.update_status_ui()
        has = aid is not None
        for key in ("comment_selection", "comment_article"):
            self.actions[key].setEnabled(has and not self.read_only)
        for key in ("run_checklist", "history", "status_history"):
            self.actions[key].setEnabled(has)
        if self.history_dialog is not None and not same:  # another article: its history is not this one
            self.history_dialog.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window:
            self._on_close()
        return False

    def _on_close(self) -> None:
        """The window is closing: save, do the bookkeeping now and wait for the worker, so no
        job of ours still holds a connection when the store is closed after the window."""
        self._checklist_timer.stop()
        if not self.read_only:
            self.window.autosave.flush()  # closeEvent flushes too; first here, so its bookkeeping runs
        self._dispatch_save()
        self.worker.drain(10.0)

    def shutdown(self) -> None:
        """The window has closed: queue the bookkeeping of its last save, run it and end the
        worker thread (results are not delivered: the window is going)."""
        self._checklist_timer.stop()
        self._dispatch_save()
        self.worker.shutdown()

    def _on_quit(self) -> None:
        """The application quits (after the window's close flushed the text): do the bookkeeping
        of the last saves now, and wait for it."""
        self._dispatch_save()
        self.worker.drain(10.0)
        self.worker.shutdown()

    # -- after saves --------------------------------------------------------------------

    def _on_saved(self, change: ArticleChange) -> None:
        """Queue the bookkeeping of a save. It waits for a pause (saves in a row are coalesced
        into one job) so it never races the write that often follows a flush on the UI thread
        (delete, switch, a claim edit): SQLite refuses a write whose read snapshot went stale."""
        aid = change.article.id
        if aid is None or aid != self.article_id or not change.fields:
            return
        old, new = self._saved_body, change.article.body
        self._saved_body = new
        pending = self._pending_save
        if pending is not None and pending[0] != aid:
            self._dispatch_save()
            pending = None
        if pending is None:
            self._pending_save = (aid, old, new)
            self._pending_since.start()
        else:
            self._pending_save = (aid, pending[1], new)
        if self._pending_since.elapsed() < BOOKKEEPING_CEILING_MS or not self._save_timer.isActive():
            self._save_timer.start()
        if self.checklist_dock.built and self.checklist_dock.isVisible():
            self._checklist_timer.start()
        else:
            self.last_checklist = None  # stale: run again when shown

    def _dispatch_save(self) -> None:
        self._save_timer.stop()
        pending, self._pending_save = self._pending_save, None
        if pending is not None:
            aid, old, new = pending
            self.worker.after_save(aid, old, new, self.who())

    @property
    def busy(self) -> bool:
        """Bookkeeping is queued or running (tests wait for it)."""
        return self._pending_save is not None or self.worker.pending > 0 or self.window.tasks.pending(CHECKLIST_TASK)

    def _on_worker_done(self, article_id: int, new_body: str, changed: list) -> None:
        if article_id != self.article_id:
            return
        self._anchor_body = new_body
        if changed and self.comments_dock.built:
            self.comments_pane().refresh()
        self.refresh_highlights()
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.refresh()

    def sync(self, timeout: float = 30.0) -> None:
        """Save now and wait for the bookkeeping of every save (tests, restore, comments)."""
        self.window.autosave.flush()
        self._dispatch_save()
        self.worker.drain(timeout)
        self._anchor_body = self._saved_body

    # -- theme ----------------------------------------------------------------------------

    def retheme(self) -> None:
        """After a theme switch (ui/theme): the status badge, comment highlights and the panes'
        coloured icons in the new colours."""
        self.update_status_ui()
        self.refresh_highlights()
        if self.checklist_dock.built:
            pane = self.checklist_pane()
            checked = pane.checked_label.text()
            pane.set_items(pane.items)
            pane.checked_label.setText(checked)
        if self.sources_dock.built:
            self.sources_pane().refresh()
        if self.comments_dock.built:
            self.comments_pane().refresh()

    # -- comment highlights ---------------------------------------------------------------

    def refresh_highlights(self) -> None:
        aid = self.article_id
        if aid is None:
            self.highlights.clear()
            return
        threads = self.review.list_comments(aid)
        ranges = current_ranges(threads, self._anchor_body, self.window.editor.toPlainText())
        active = self.comments_pane().selected_id if self.comments_dock.built else None
        self.highlights.set_ranges(ranges, active)

    def show_comment(self, comment_id: int) -> None:
        """Select the thread's words in the editor (or say they are gone)."""
        pane = self.comments_pane()
        thread = pane.thread(comment_id)
        self.highlights.set_active(thread.id if thread else None)
        if thread is None:
            return
        if thread.detached:
            self.window.statusBar().showMessage(
                f"The words of this comment were deleted: “{thread.anchor_text}”", 10000
            )
            return
        if thread.anchor_start is None:
            return
        text = self.window.editor.toPlainText()
        ranges = current_ranges([thread], self._anchor_body, text)
        if not ranges:
            return
        start, end, _ = ranges[0]
        self._select_in_editor(qt_position(text, start), qt_position(text, end), focus=False)

    def _select_in_editor(self, u_start: int, u_end: int, *, focus: bool = True) -> None:
        editor = self.window.editor
        cursor = QTextCursor(editor.document())
        cursor.setPosition(u_start)
        cursor.setPosition(u_end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        if focus:
            editor.setFocus()

    # -- comments -----------------------------------------------------------------------

    def comment_on_selection(self) -> None:
        w = self.window
        if self.article_id is None or self.read_only:
            return
        cursor = w.editor.textCursor()
        if not cursor.hasSelection():
            w.statusBar().showMessage(
                "Select the words to comment on first (or use Review › Comment on Article).", 8000
            )
            return
        text = w.editor.toPlainText()
        start = python_index(text, cursor.selectionStart())
        end = python_index(text, cursor.selectionEnd())
        if not text[start:end].strip():
            w.statusBar().showMessage("Select some words, not only spaces.", 6000)
            return
        self._compose_base = text
        show_dock(self.comments_dock)
        self.comments_pane().start_anchor_comment(start, end, text[start:end])

    def comment_on_article(self) -> None:
        if self.article_id is None or self.read_only:
            return
        show_dock(self.comments_dock)
        self.comments_pane().start_article_comment()

    def _resolve_anchor(self, anchor: tuple[int, int, str]) -> tuple[int, int, str] | None:
        """The composer's range on the editor text it was taken from -> a range on the saved body."""
        self.sync()
        start, end, _quoted = anchor
        body = self._saved_body
        if self._compose_base != body:
            mapped = EditMap.between(self._compose_base, body).map_range(start, end)
            if mapped is None or not body[mapped[0] : mapped[1]].strip():
                return None
            start, end = mapped
        if not 0 <= start < end <= len(body):
            return None
        return start, end, body[start:end]

    def _on_comments_changed(self) -> None:
        self.refresh_highlights()
        self._on_review_data_changed()

    def _on_store_changed(self, changes) -> None:
        """Claims changed (a reply request asked, answered or overdue): the checklist follows."""
        if (changes.claims or changes.everything) and changes.touches(self.article_id):
            self._on_review_data_changed()

    def _on_review_data_changed(self) -> None:
        if self.checklist_dock.built:
            self._checklist_timer.start(150)
        else:
            self.last_checklist = None

    def _refresh_library(self) -> None:
        self.window.refresh_library_rows()

    # -- checklist ----------------------------------------------------------------------

    def show_checklist(self) -> None:
        show_dock(self.checklist_dock)
        self.run_checklist()

    def _on_task_failed(self, name: str, message: str) -> None:
        if name != CHECKLIST_TASK:
            return
        if self.checklist_dock.built:
            self.checklist_pane().set_busy(False)
        self.window.statusBar().showMessage(f"The checklist could not be run: {message}", 10000)

    def run_checklist(self) -> None:
        aid = self.article_id
        if aid is None:
            return
        pane = self.checklist_pane() if self.checklist_dock.built else None
        if pane is not None:
            pane.set_busy(True)
        review = self.review

        def done(items: object) -> None:
            if aid != self.article_id:
                return
            self.last_checklist = list(items)  # type: ignore[call-overload]
            self._checked_at = datetime.now().astimezone()
            self.checklist_runs += 1
            if self.checklist_dock.built:
                self.checklist_pane().set_busy(False)
                self.checklist_pane().set_items(self.last_checklist, self._checked_at)

        self.window.tasks.run(CHECKLIST_TASK, lambda: review.checklist(aid), done)  # the window's pool for checks

    _checked_at: datetime | None = None

    def go_to(self, item: CheckItem) -> None:
        """Show where a checklist item is: a header field, the body, a claim, a comment..."""
        w = self.window
        where = item.where
        if where.part == "header":
            field = {
                "title": w.header.title,
                "dek": w.header.dek,
                "byline": w.header.byline,
                "embargo": w.header.embargo,
            }.get(where.field)
            if field is not None:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                field.selectAll()
                if where.offset is not None and where.length and hasattr(field, "textCursor"):  # the words meant
                    text = field.text()
                    cursor = field.textCursor()
                    cursor.setPosition(qt_position(text, min(where.offset, len(text))))
                    end = min(where.offset + where.length, len(text))
                    cursor.setPosition(qt_position(text, end), QTextCursor.MoveMode.KeepAnchor)
                    field.setTextCursor(cursor)
        elif where.part == "body" and where.offset is not None:
            text = w.editor.toPlainText()
            start = min(where.offset, len(text))
            end = start
            if where.field == "spelling":  # just the word
                while end < len(text) and (text[end].isalnum() or text[end] in "'’"):
                    end += 1
            while where.field not in ("spelling", "image") and end < len(text) and text[end] not in " \t\n)>\"'":
                end += 1
            self._select_in_editor(qt_position(text, start), qt_position(text, max(end, start)))
        elif where.part == "claim":
            show_dock(w.claims_dock)
            panel = w.claims.dock.content()
            if panel.select_key(where.key) and where.field == "responses":
                panel.select_response(where.id, where.index)  # exactly the response meant
            elif where.field == "replies":
                panel.select_replies()
        elif where.part == "comment":
            show_dock(self.comments_dock)
            if where.id is not None:
                self.comments_pane().select_thread(where.id)
        elif where.part == "source":
            show_dock(self.sources_dock)
            if where.id is not None:
                self.sources_pane().select_source(where.id)
        elif where.part == "ticker":
            show_dock(w.ticker_dock)

    # -- workflow -----------------------------------------------------------------------

    # -- history ------------------------------------------------------------------------

    def show_history(self, tab: int = 0) -> HistoryDialog | None:
        from editor_app.ui.review.history import HistoryDialog

        w = self.window
        if self.article_id is None:
            return None
        self.sync()
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(
                self.store,
                self.article_id,
                w.header.value("title"),
                restore=None if self.read_only else self.restore_revision,
                parent=w,
            )
            self.history_dialog.finished.connect(self._history_closed)
        else:
            self.history_dialog.refresh()
        self.history_dialog.tabs.setCurrentIndex(tab)
        self.history_dialog.show()
        self.history_dialog.raise_()
        self.history_dialog.activateWindow()
        return self.history_dialog

    def _history_closed(self, _result: int) -> None:
        self.history_dialog = None  # the window owns it; closed dialogs are few and small

    def restore_revision(self, rev_id: int) -> bool:
        """Bring back a revision (after asking); the current text is kept as a revision first."""
        w = self.window
        aid = self.article_id
        if aid is None or self.read_only:
            return False
        answer = QMessageBox.question(
            self.history_dialog or w,
            "Restore this revision?",
            "Replace the headline, summary, byline and text with this revision?\n\n"
            "The current version is kept in the history, so you can go back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if not w.autosave.flush():
            QMessageBox.warning(w, "Not saved", f"{w.autosave.last_error}\n\nNothing was restored.")
            return False
        self.sync()
        try:
            RevisionStore(self.store).restore(aid, rev_id, self.who())
        except (StoreError, KeyError, ValueError) as exc:
            QMessageBox.warning(w, "Not restored", str(exc))
            return False
        w.reload_current()
        self._refresh_library()
        if self.comments_dock.built:
            self.comments_pane().refresh()
        w.statusBar().showMessage("Revision restored; the text before it is kept in the history.", 8000)
        return True
