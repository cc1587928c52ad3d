"""Every match of the find bar marked in the editor, for the visible part of the text only (a
1.5 MB article has too many matches to paint), refreshed as the writer scrolls and after the
document settles. A mixin of `FindReplaceBar`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtGui import (
    QColor,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QTextEdit,
)

from editor_app.ui.common.theme import is_dark as palette_is_dark

HIGHLIGHT_ALL_LIMIT = 1_000  # above this, highlight only the visible part of the document
HIGHLIGHT_MARGIN = 2_000  # UTF-16 units either side of the viewport to pre-highlight
# Marks our extra selections so other features' selections (current line...) are kept.
FIND_HIGHLIGHT_PROPERTY = QTextFormat.Property.UserProperty + 0x46


class FindHighlights:
    # --------------------------------------------------------------------- highlights
    def _highlight_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        dark = palette_is_dark(self.editor.palette())
        fmt.setBackground(QColor("#6b5416") if dark else QColor("#ffe28a"))
        fmt.setProperty(FIND_HIGHLIGHT_PROPERTY, True)
        return fmt

    def _refresh_highlights(self, active: bool | None = None) -> None:
        """Paint all matches (or, when there are very many, those near the viewport)."""
        others = [s for s in self.editor.extraSelections() if not s.format.hasProperty(FIND_HIGHLIGHT_PROPERTY)]
        spans: list[tuple[int, int]] = []
        if (self.isVisible() if active is None else active) and self._matches:
            self._windowed = len(self._matches) > HIGHLIGHT_ALL_LIMIT
            if self._windowed:
                lo, hi = self._visible_range()
                i = bisect_left(self._starts, lo - HIGHLIGHT_MARGIN)
                j = bisect_right(self._starts, hi + HIGHLIGHT_MARGIN)
                spans = self._matches[i:j][:HIGHLIGHT_ALL_LIMIT]
            else:
                spans = self._matches
        doc = self.editor.document()
        fmt = self._highlight_format()
        ours = []
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            ours.append(sel)
        # Ours first so features painted later (e.g. the current-line bar) stay on top.
        self.editor.setExtraSelections(ours + others)

    def _visible_range(self) -> tuple[int, int]:
        first = self.editor.firstVisibleBlock()
        vp = self.editor.viewport()
        end_cursor = self.editor.cursorForPosition(vp.rect().bottomRight())
        return first.position(), end_cursor.block().position() + end_cursor.block().length()

    def _on_viewport_moved(self, *_args: object) -> None:
        if self._windowed and self.isVisible():
            self._scroll_timer.start()

    def _on_contents_change(self, _pos: int, removed: int, added: int) -> None:
        if removed == 0 and added == 0:
            return
        self._doc_text = None
        self._matches_valid = False
        if self.isVisible():
            self._refresh_timer.start()

    def _on_document_settled(self) -> None:
        """After edits pause: recount and repaint without moving the caret."""
        if not self.isVisible() or self._pattern is None:
            return
        self._ensure_matches()
        self._refresh_highlights()
        note, self._replaced_note = self._replaced_note, ""
        cursor = self.editor.textCursor()
        if note:
            left = len(self._matches)
            self._set_status(note + (f"; {left:,} left" if left else ""))
        elif self._matches:
            self._update_count_status(cursor.selectionStart(), cursor.selectionEnd())
        else:
            self._set_status("No matches", error=True)
