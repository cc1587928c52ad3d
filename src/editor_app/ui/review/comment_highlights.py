"""Open review comments painted in the editor as extra selections (a soft background with a
dotted underline; the selected thread a little stronger).

The find bar paints its matches as extra selections too and tags them with
FIND_HIGHLIGHT_PROPERTY; ours carry COMMENT_HIGHLIGHT_PROPERTY. Each side replaces only its own
and keeps the other's.

Anchors are stored as `str` indices into the saved body; the editor may already hold newer text
(typing since the last save), so ranges are mapped through the edit (`EditMap`) before painting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.core.edit_map import EditMap
from editor_app.core.workflow import Comment
from editor_app.ui.common.text_positions import qt_position
from editor_app.ui.common.theme import is_dark as palette_is_dark

COMMENT_HIGHLIGHT_PROPERTY = QTextFormat.Property.UserProperty + 0x43
COMMENT_ID_PROPERTY = QTextFormat.Property.UserProperty + 0x44


def current_ranges(threads: Iterable[Comment], saved_body: str, text: str) -> list[tuple[int, int, int]]:
    """(start, end, comment id) as `str` indices into `text` for the open, anchored threads whose
    anchors refer to `saved_body`."""
    emap = EditMap.between(saved_body, text) if saved_body != text else None
    out = []
    for t in threads:
        if t.resolved or not t.anchored or t.anchor_start is None or t.anchor_end is None:
            continue
        start, end = t.anchor_start, t.anchor_end
        if emap is not None:
            mapped = emap.map_range(start, end)
            if mapped is None:
                continue
            start, end = mapped
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if start < end:
            out.append((start, end, t.id or 0))
    return out


class CommentHighlights:
    def __init__(self, editor: QPlainTextEdit) -> None:
        self.editor = editor
        self.ranges: list[tuple[int, int, int]] = []  # str indices into the editor text, comment id
        self.active_id: int | None = None
        self.listeners: list[Callable[[], None]] = []  # told after each paint (the Outline counts them)

    def _format(self, active: bool) -> QTextCharFormat:
        dark = palette_is_dark(self.editor.palette())
        fmt = QTextCharFormat()
        if dark:
            fmt.setBackground(QColor("#2f4a6b" if active else "#243a55"))
            fmt.setUnderlineColor(QColor("#7fb2ff"))
        else:
            fmt.setBackground(QColor("#cfe2ff" if active else "#e6f0ff"))
            fmt.setUnderlineColor(QColor("#1f5fbf"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setProperty(COMMENT_HIGHLIGHT_PROPERTY, True)
        return fmt

    def set_ranges(self, ranges: list[tuple[int, int, int]], active_id: int | None = None) -> None:
        self.ranges = list(ranges)
        self.active_id = active_id
        self.paint()

    def set_active(self, comment_id: int | None) -> None:
        """Restyle the painted ranges (their cursors have followed any typing since)."""
        self.active_id = comment_id
        others, ours = [], []
        for s in self.editor.extraSelections():
            if not s.format.hasProperty(COMMENT_HIGHLIGHT_PROPERTY):
                others.append(s)
                continue
            cid = int(s.format.property(COMMENT_ID_PROPERTY))
            fmt = self._format(cid == comment_id)
            fmt.setProperty(COMMENT_ID_PROPERTY, cid)
            s.format = fmt
            ours.append(s)
        self.editor.setExtraSelections(ours + others)

    def paint(self) -> None:
        others = [s for s in self.editor.extraSelections() if not s.format.hasProperty(COMMENT_HIGHLIGHT_PROPERTY)]
        text = self.editor.toPlainText()
        doc = self.editor.document()
        ours = []
        for start, end, cid in self.ranges:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(qt_position(text, min(start, len(text))))
            cursor.setPosition(qt_position(text, min(end, len(text))), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = self._format(cid == self.active_id)
            fmt.setProperty(COMMENT_ID_PROPERTY, cid)
            sel.format = fmt
            ours.append(sel)
        self.editor.setExtraSelections(ours + others)
        for listener in self.listeners:
            listener()

    def painted(self) -> list[tuple[int, int, int]]:
        """What the editor shows now: (UTF-16 start, end, comment id) of our selections."""
        out = []
        for s in self.editor.extraSelections():
            if s.format.hasProperty(COMMENT_HIGHLIGHT_PROPERTY):
                out.append(
                    (s.cursor.selectionStart(), s.cursor.selectionEnd(), int(s.format.property(COMMENT_ID_PROPERTY)))
                )
        return out

    def clear(self) -> None:
        self.set_ranges([])
