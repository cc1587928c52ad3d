"""Typewriter scrolling: the line being written stays in the middle of the editor.

QPlainTextEdit can scroll past the end (centerOnScroll), so the last lines can be centred; for
the first lines it cannot scroll above the top, so a top viewport margin of the missing height
is added while the cursor is in the first half-screen of the text (painted in the editor's own
background colour, so it reads as paper).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPlainTextEdit


class Typewriter(QObject):
    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.enabled = False
        self._top_margin = 0
        self._was_centering = editor.centerOnScroll()
        self._recentre = QTimer(self, singleShot=True, interval=0)  # after a resize settles
        self._recentre.timeout.connect(self.centre)
        editor.cursorPositionChanged.connect(self._on_cursor_moved)
        editor.installEventFilter(self)

    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        self.enabled = on
        editor = self.editor
        if on:
            self._was_centering = editor.centerOnScroll()
            editor.setCenterOnScroll(True)
            editor.setBackgroundRole(QPalette.ColorRole.Base)  # the top margin looks like the page
            editor.setAutoFillBackground(True)
            self.centre()
        else:
            editor.setCenterOnScroll(self._was_centering)
            self._set_top_margin(0)
            editor.ensureCursorVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.enabled and event.type() == QEvent.Type.Resize:
            self._recentre.start()
        return False

    def _on_cursor_moved(self) -> None:
        # a mouse drag selecting text would otherwise scroll away under the pointer
        if self.enabled and not QApplication.mouseButtons():
            self.centre()

    def centre(self) -> None:
        """Put the cursor's line in the middle of the editor (margin first, then scroll)."""
        if not self.enabled:
            return
        editor = self.editor
        line_height = editor.fontMetrics().lineSpacing()
        half = (editor.height() - 2 * editor.frameWidth()) / 2
        # where the cursor's line would be with the text scrolled to the very top
        cursor = editor.textCursor()
        block = cursor.block()
        layout = block.layout()
        line_in_block = 0
        if layout is not None and layout.lineCount():
            line_in_block = layout.lineForTextPosition(cursor.positionInBlock()).lineNumber()
        visual_line = block.firstLineNumber() + max(0, line_in_block)
        y_from_top = editor.document().documentMargin() + (visual_line + 0.5) * line_height
        self._set_top_margin(max(0, round(half - y_from_top)))
        editor.centerCursor()

    def _set_top_margin(self, margin: int) -> None:
        if margin != self._top_margin:
            self._top_margin = margin
            self.editor.setViewportMargins(0, margin, 0, 0)
