"""View › Sync Scrolling, Focus Mode (paragraph or sentence), Typewriter Scrolling and Full
Screen: the actions, their place in the View menu, the settings that remember them, and the
jumps (`reveal_line`, `reveal_cursor`) that move the editor and the preview together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QActionGroup, QTextCursor

from editor_app.ui.writing.focus_mode import PARAGRAPH, SENTENCE, FocusMode
from editor_app.ui.writing.scroll_sync import ScrollSync
from editor_app.ui.writing.typewriter import Typewriter

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

SYNC_KEY, FOCUS_KEY, UNIT_KEY, TYPEWRITER_KEY = (
    "view/sync_scrolling",
    "view/focus_mode",
    "view/focus_unit",
    "view/typewriter",
)
REVEAL_AT = 0.5  # a jump puts its line in the middle of both views


class WritingModes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        a = window.actions_
        s = window.settings
        self.sync = ScrollSync(window.editor, window.preview)
        self.focus = FocusMode(window.editor)
        self.typewriter = Typewriter(window.editor)
        self._unit_group = QActionGroup(self)
        self._unit_group.setExclusive(True)
        for name in ("focus_paragraph", "focus_sentence"):
            self._unit_group.addAction(a[name])
        self._install_menu()

        a["sync_scrolling"].setChecked(s.value(SYNC_KEY, True, type=bool))
        a["focus_mode"].setChecked(s.value(FOCUS_KEY, False, type=bool))
        unit = SENTENCE if s.value(UNIT_KEY, PARAGRAPH, type=str) == SENTENCE else PARAGRAPH
        a["focus_sentence" if unit == SENTENCE else "focus_paragraph"].setChecked(True)
        a["typewriter"].setChecked(s.value(TYPEWRITER_KEY, False, type=bool))
        self.sync.set_enabled(a["sync_scrolling"].isChecked())
        self.focus.set_unit(unit)
        self.focus.set_enabled(a["focus_mode"].isChecked())
        self.typewriter.set_enabled(a["typewriter"].isChecked())

        a["sync_scrolling"].toggled.connect(self._sync_toggled)
        a["focus_mode"].toggled.connect(self._focus_toggled)
        a["focus_paragraph"].toggled.connect(lambda on: on and self._unit_chosen(PARAGRAPH))
        a["focus_sentence"].toggled.connect(lambda on: on and self._unit_chosen(SENTENCE))
        a["typewriter"].toggled.connect(self._typewriter_toggled)
        a["full_screen"].triggered.connect(self.toggle_full_screen)
        self._state_before_full = Qt.WindowState.WindowNoState
        window.installEventFilter(self)

    def _install_menu(self) -> None:
        """Our section goes after the zoom commands, before the panes' entries."""
        a, view = self.window.actions_, self.window.view_menu
        items = view.actions()
        zoom = a["zoom_reset"]
        index = items.index(zoom) + 1 if zoom in items else len(items)
        before = items[index + 1] if index + 1 < len(items) else None  # after zoom's separator
        unit_menu = view.addMenu("Focus O&n")
        unit_menu.setObjectName("focusUnitMenu")
        unit_menu.addAction(a["focus_paragraph"])
        unit_menu.addAction(a["focus_sentence"])
        entries = [a["sync_scrolling"], a["focus_mode"], unit_menu.menuAction(), a["typewriter"], a["full_screen"]]
        for action in entries:
            view.removeAction(action)
            view.insertAction(before, action) if before is not None else view.addAction(action)
        separator = view.insertSeparator(before) if before is not None else view.addSeparator()
        self._separator = separator

    # -- toggles, remembered ------------------------------------------------------------------

    def _sync_toggled(self, on: bool) -> None:
        self.window.settings.setValue(SYNC_KEY, on)
        self.sync.set_enabled(on)
        self.window.statusBar().showMessage("Scroll sync on" if on else "Scroll sync off", 2000)

    def _focus_toggled(self, on: bool) -> None:
        self.window.settings.setValue(FOCUS_KEY, on)
        self.focus.set_enabled(on)

    def _unit_chosen(self, unit: str) -> None:
        self.window.settings.setValue(UNIT_KEY, unit)
        self.focus.set_unit(unit)

    def _typewriter_toggled(self, on: bool) -> None:
        self.window.settings.setValue(TYPEWRITER_KEY, on)
        self.typewriter.set_enabled(on)

    # -- full screen --------------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        w = self.window
        if w.isFullScreen():
            w.setWindowState(self._state_before_full & ~Qt.WindowState.WindowFullScreen)
        else:
            self._state_before_full = w.windowState()
            w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            action = self.window.actions_["full_screen"]
            was = action.blockSignals(True)
            action.setChecked(self.window.isFullScreen())
            action.blockSignals(was)
        return False

    # -- jumps ----------------------------------------------------------------------------------

    def reveal_line(self, line: int) -> None:
        """Outline and other jumps: the cursor to the start of source line `line` (1-based), that
        line at the top of the editor and of the preview."""
        editor = self.window.editor
        doc = editor.document()
        block = doc.findBlockByNumber(min(max(0, line - 1), doc.blockCount() - 1))
        editor.setTextCursor(QTextCursor(block))
        if self.typewriter.enabled:
            self.typewriter.centre()
            self.sync.reveal(block.blockNumber() + 1, REVEAL_AT)
            return
        editor.verticalScrollBar().setValue(block.firstLineNumber())
        self.sync.reveal(block.blockNumber() + 1, 0.0)

    def reveal_cursor(self) -> None:
        """Claims and other jumps to a spot in the text: its line in the middle of both views."""
        editor = self.window.editor
        editor.centerCursor()
        cursor = editor.textCursor()
        block = cursor.block()
        lines = max(1, block.lineCount())
        line_in_block = 0
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line_in_block = max(0, layout.lineForTextPosition(cursor.positionInBlock()).lineNumber())
        self.sync.reveal(block.blockNumber() + 1 + line_in_block / lines, REVEAL_AT)
