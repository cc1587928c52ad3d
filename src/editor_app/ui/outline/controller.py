"""Wires the Outline dock into the window: the outline follows the text (computed off the UI
thread a moment after typing stops), the current section follows the cursor, a click on a
heading moves the editor there, and open comments are counted per section.

Nothing is computed while the dock is hidden; showing it reads the text once. The outline of a
1.5 MB article takes ~20 ms once its sections are counted (only sections that changed are
counted again), and the only UI-thread work per run is copying the text and filling the rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor

from editor_app.core.outline import Outline, SectionCounter, outline
from editor_app.ui.common.docks import LazyDock

if TYPE_CHECKING:
    from editor_app.core.article import Article
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.outline.pane import OutlinePane

OUTLINE_TASK = "outline"
TYPING_DELAY_MS = 300  # re-outline this long after the last keystroke
LONG_TEXT_DELAY_MS = 700  # ...for articles over LONG_TEXT_CHARS (copying the text costs more)
LONG_TEXT_CHARS = 200_000
CURSOR_DELAY_MS = 60
DOCK_WIDTH = 320
MARKERS_DELAY_MS = 100  # after the review pane painted the comments' ranges (a burst: once)


class OutlineController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.outline = Outline()
        self.runs = 0  # outlines delivered (tests wait for the next one)
        self._counter = SectionCounter()
        self._running = False
        self._again = False
        self._article_id: int | None = None
        self.dock = LazyDock("Outline", "outlineDock", self._build_pane, window)
        window.outline_dock = self.dock
        window.panels.add(
            "outline",
            self.dock,
            "&Outline",
            "Ctrl+Shift+J",
            "Show or hide the outline: headings, words per section, claims and comments",
            area=Qt.DockWidgetArea.LeftDockWidgetArea,  # its own side: marking a claim never hides it
        )
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        self._cursor_timer = QTimer(self, singleShot=True, interval=CURSOR_DELAY_MS)
        self._cursor_timer.timeout.connect(self.follow_cursor)
        self._markers_timer = QTimer(self, singleShot=True, interval=MARKERS_DELAY_MS)
        self._markers_timer.timeout.connect(self.refresh_markers)
        window.editor.textChanged.connect(self.text_changed)
        window.editor.cursorPositionChanged.connect(self._cursor_timer.start)
        window.article_loaded.connect(self.article_loaded)
        window.header.edited.connect(self._on_header_edited)
        highlights = getattr(getattr(window, "review", None), "highlights", None)
        if highlights is not None:  # the comments' ranges were painted again: count them again
            highlights.listeners.append(self._markers_timer.start)
        window.tasks.failed.connect(self._on_task_failed)
        self.dock.visibilityChanged.connect(lambda shown: shown and self.schedule(0))
        self.article_loaded(window.article)

    def _build_pane(self) -> OutlinePane:
        from editor_app.ui.outline.pane import OutlinePane

        pane = OutlinePane()
        pane.heading_activated.connect(self.jump_to_line)
        pane.show_target(self.window.header.target())
        QTimer.singleShot(0, self._make_room)
        return pane

    def _make_room(self) -> None:
        """Shown for the first time as narrow as the other panes: room for the headings."""
        if self.dock.isVisible() and not self.dock.isFloating() and self.dock.width() < DOCK_WIDTH:
            self.window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def pane(self) -> OutlinePane | None:
        return self.dock.widget() if self.dock.built else None  # type: ignore[return-value]

    @property
    def busy(self) -> bool:
        """An outline is due or being computed (tests wait for it)."""
        return self._running or self._timer.isActive()

    # -- following the text -------------------------------------------------------------------

    def _shown(self) -> bool:
        return self.dock.built and self.dock.isVisible()

    def article_loaded(self, article: Article | None) -> None:
        self._article_id = article.id if article is not None else None
        pane = self.pane()
        if pane is not None:
            pane.show_target(self.window.header.target())
        self.schedule(0)

    def text_changed(self) -> None:
        if self._shown():
            long = self.window.editor.document().characterCount() > LONG_TEXT_CHARS
            self.schedule(LONG_TEXT_DELAY_MS if long else TYPING_DELAY_MS)

    def schedule(self, delay_ms: int) -> None:
        if self._shown():
            self._timer.start(delay_ms)

    def recompute(self) -> None:
        """Outline the editor's text on a pool thread; one run at a time (the counter of the
        last run's sections is not shared), the newest text runs next."""
        if not self._shown():
            return
        if self._running:
            self._again = True
            return
        text = self.window.editor.toPlainText() if self.window.article is not None else ""
        article_id = self._article_id
        counter = self._counter
        self._running = True
        self.window.tasks.run(OUTLINE_TASK, lambda: outline(text, counter), lambda o: self._on_result(article_id, o))

    def _on_result(self, article_id: int | None, result: Outline) -> None:
        self._running = False
        if self._again:
            self._again = False
            self._timer.start(0)
        if article_id != self._article_id:
            return  # another article was opened meanwhile: its run is due
        self.outline = result
        self.runs += 1
        pane = self.pane()
        if pane is not None:
            pane.show_outline(result, self.comment_counts(result))
        self.follow_cursor()

    def _on_task_failed(self, name: str, message: str) -> None:
        if name == OUTLINE_TASK:
            self._running = False
            self.window.statusBar().showMessage(f"The outline could not be read: {message}", 8000)

    # -- markers ------------------------------------------------------------------------------

    def comment_counts(self, result: Outline) -> list[int]:
        """Open comments per section, from the ranges the review pane paints in the editor (they
        follow the typing since the last save)."""
        review = getattr(self.window, "review", None)
        highlights = getattr(review, "highlights", None)
        if highlights is None or not result.sections:
            return [0] * len(result.sections)
        doc = self.window.editor.document()
        starts = {cid: start for start, _end, cid in highlights.painted()}  # one per thread
        return result.count_lines(doc.findBlock(start).blockNumber() for start in starts.values())

    def refresh_markers(self) -> None:
        pane = self.pane()
        if pane is not None and self._shown():
            pane.show_outline(self.outline, self.comment_counts(self.outline))

    def _on_header_edited(self, name: str) -> None:
        pane = self.pane()
        if name == "word_target" and pane is not None:
            pane.show_target(self.window.header.target())

    # -- the cursor ---------------------------------------------------------------------------

    def follow_cursor(self) -> None:
        """Select the row of the section the cursor is in."""
        pane = self.pane()
        if pane is None or not self._shown():
            return
        line = self.window.editor.textCursor().blockNumber()
        pane.set_current_section(self.outline.section_at_line(line))

    def jump_to_line(self, line: int) -> None:
        """Put the cursor at the start of `line` (a heading, 0-based) with the heading at the top
        of the text; where the window syncs the preview (`reveal_line`, 1-based), both move."""
        w = self.window
        editor = w.editor
        block = editor.document().findBlockByNumber(line)
        if not block.isValid():
            return
        reveal = getattr(w, "reveal_line", None)
        if callable(reveal):
            reveal(line + 1)
        else:
            editor.setTextCursor(QTextCursor(block))
            editor.verticalScrollBar().setValue(block.firstLineNumber())  # the heading at the top
            editor.ensureCursorVisible()
        editor.setFocus()
