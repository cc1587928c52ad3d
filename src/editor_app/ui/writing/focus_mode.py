"""Focus mode: everything but the paragraph (or sentence) being written is dimmed.

Two extra selections do it, one before the focus and one after, with a faded text colour; the
syntax highlighter is never asked to re-run. The selections' cursors follow the writer's typing
by themselves, so a keystroke costs a look at the cursor's paragraph and nothing more; the
selections are replaced only when the focus moves to another paragraph or sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor_app.ui.common.text_positions import TextPositions

PARAGRAPH, SENTENCE = "paragraph", "sentence"
# Marks our selections so the find bar's, the comments' and the claims' ones are kept.
FOCUS_DIM_PROPERTY = QTextFormat.Property.UserProperty + 0x5F
DIM_STRENGTH = 0.62  # how far the dimmed text moves from the text colour towards the background
MAX_SCAN_BLOCKS = 400  # a "paragraph" of more lines than this is cut there (a huge table, say)
MAX_SENTENCE_LINE = 20_000  # a longer line is focused as a whole: splitting it per keystroke costs


def paragraph_span(cursor: QTextCursor) -> tuple[int, int]:
    """[start, end) of the run of non-blank lines around the cursor (a blank line is its own)."""
    block = cursor.block()
    if not block.text().strip():
        return block.position(), block.position() + block.length() - 1
    first = last = block
    for _ in range(MAX_SCAN_BLOCKS):
        prev = first.previous()
        if not prev.isValid() or not prev.text().strip():
            break
        first = prev
    for _ in range(MAX_SCAN_BLOCKS):
        nxt = last.next()
        if not nxt.isValid() or not nxt.text().strip():
            break
        last = nxt
    return first.position(), last.position() + last.length() - 1


def sentence_span(cursor: QTextCursor) -> tuple[int, int]:
    """[start, end) of the sentence the cursor is in (its line, when the line is very long)."""
    from editor_app.core.reporting.sentences import split_sentences

    block = cursor.block()
    text = block.text()
    base = block.position()
    if not text.strip() or len(text) > MAX_SENTENCE_LINE:
        return base, base + len(text)
    positions = TextPositions(text)
    at = positions.to_python(cursor.positionInBlock())
    start, end = at, at
    for sentence in split_sentences(text):
        if sentence.start <= at <= sentence.end:
            start, end = sentence.start, sentence.end
            break
        if sentence.start > at:
            break
    return base + positions.to_qt(start), base + positions.to_qt(end)


def dim_colour(palette: QPalette) -> QColor:
    """The text colour faded towards the background (works for light and dark palettes)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = DIM_STRENGTH
    return QColor.fromRgbF(
        text.redF() * (1 - mix) + base.redF() * mix,
        text.greenF() * (1 - mix) + base.greenF() * mix,
        text.blueF() * (1 - mix) + base.blueF() * mix,
    )


class FocusMode(QObject):
    """`set_enabled(True)` dims the editor around the cursor; `set_unit(SENTENCE)` narrows it."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.enabled = False
        self.unit = PARAGRAPH
        self._span: tuple[int, int] | None = None
        self._before: QTextCursor | None = None
        self._after: QTextCursor | None = None
        editor.cursorPositionChanged.connect(self._follow)
        editor.document().contentsChange.connect(lambda *_: self._follow())  # Delete, undo, a new text
        editor.installEventFilter(self)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self._span = None
        self._follow()

    def set_unit(self, unit: str) -> None:
        self.unit = SENTENCE if unit == SENTENCE else PARAGRAPH
        self._span = None
        self._follow()

    def focus_span(self) -> tuple[int, int] | None:
        """[start, end) of the text shown at full strength now (None when focus mode is off)."""
        if not self.enabled or self._before is None or self._after is None:
            return None
        return self._before.position(), self._after.anchor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and self.enabled:  # a theme switch
            self._span = None
            self._follow()
        return False

    def _follow(self) -> None:
        """Cheap when the focus stays where it is: the current selections already fit."""
        if not self.enabled:
            if self._before is not None:
                self._apply(None)
            return
        cursor = self.editor.textCursor()
        span = sentence_span(cursor) if self.unit == SENTENCE else paragraph_span(cursor)
        if span == self.focus_span() and self._span is not None:
            return
        self._apply(span)

    def _apply(self, span: tuple[int, int] | None) -> None:
        others = [s for s in self.editor.extraSelections() if not s.format.hasProperty(FOCUS_DIM_PROPERTY)]
        self._span = span
        if span is None:
            self._before = self._after = None
            self.editor.setExtraSelections(others)
            return
        doc = self.editor.document()
        fmt = QTextCharFormat()
        fmt.setForeground(dim_colour(self.editor.palette()))
        fmt.setProperty(FOCUS_DIM_PROPERTY, True)
        before = QTextCursor(doc)
        before.setPosition(span[0], QTextCursor.MoveMode.KeepAnchor)
        before.setKeepPositionOnInsert(True)  # typing at the start of the focus is not dimmed
        after = QTextCursor(doc)
        after.setPosition(span[1])  # the anchor: text typed at the end of the focus pushes it along
        after.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        self._before, self._after = before, after
        ours = []
        for cursor in (before, after):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            ours.append(sel)
        self.editor.setExtraSelections(others + ours)
