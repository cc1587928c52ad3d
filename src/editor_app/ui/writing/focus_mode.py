"""Focus mode: everything but the paragraph (or sentence) being written is dimmed.

A see-through shade over the editor's viewport, in the page's own colour, covers what lies
outside the focus; the text, its highlighting and the extra selections are never touched. A
keystroke costs a look at the cursor's paragraph and, when the focus's outline moved, a repaint
of the strips that changed. (Extra selections with a faded colour were tried first: Qt re-shapes
every selected line on each paint, which tripled the cost of the repaint after a keystroke on a
1.5 MB article; see benchmarks/bench_writing_modes.py.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QRegion, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.ui.common.text_positions import TextPositions

PARAGRAPH, SENTENCE = "paragraph", "sentence"
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


def shade_colour(palette: QPalette) -> QColor:
    """The page colour, partly see-through: text under it fades towards the background."""
    colour = QColor(palette.color(QPalette.ColorRole.Base))
    colour.setAlphaF(DIM_STRENGTH)
    return colour


def shaded_rects(editor: QPlainTextEdit, span: tuple[int, int], whole_lines: bool) -> list[QRect]:
    """The viewport's parts outside [start, end): above and below the focus and, for a sentence
    (`whole_lines` False), left of its start and right of its end on their lines."""
    width, height = editor.viewport().width(), editor.viewport().height()
    doc = editor.document()
    start_cursor, end_cursor = QTextCursor(doc), QTextCursor(doc)
    start_cursor.setPosition(span[0])
    end_cursor.setPosition(span[1])
    first, last = editor.cursorRect(start_cursor), editor.cursorRect(end_cursor)
    top, bottom = first.top(), last.bottom() + 1
    rects = [QRect(0, 0, width, max(0, top)), QRect(0, bottom, width, max(0, height - bottom))]
    if not whole_lines:
        rects.append(QRect(0, top, max(0, first.left()), first.height()))
        rects.append(QRect(last.left(), last.top(), max(0, width - last.left()), last.height()))
    return [r.intersected(QRect(0, 0, width, height)) for r in rects if r.width() > 0 and r.height() > 0]


class _Shade(QWidget):
    """Lies over the viewport (a sibling, so scrolling the text does not carry it along)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.setObjectName("focusShade")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rects: list[QRect] = []

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        colour = shade_colour(self.parentWidget().palette())  # the editor's page, whatever the theme
        for rect in self.rects:
            painter.fillRect(rect, colour)


class FocusMode(QObject):
    """`set_enabled(True)` dims the editor around the cursor; `set_unit(SENTENCE)` narrows it."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.enabled = False
        self.unit = PARAGRAPH
        self._span: tuple[int, int] | None = None
        self.shade = _Shade(editor)
        self.shade.hide()
        editor.cursorPositionChanged.connect(self._follow)
        editor.document().contentsChange.connect(lambda *_: self._follow())  # Delete, undo, a new text
        editor.updateRequest.connect(lambda _rect, _dy: self._reshade())  # scrolled, re-laid out
        editor.viewport().installEventFilter(self)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self._span = None
        self.shade.rects = []
        self.shade.setVisible(on)
        self._place_shade()
        self._follow()

    def set_unit(self, unit: str) -> None:
        self.unit = SENTENCE if unit == SENTENCE else PARAGRAPH
        self._span = None
        if self.unit == SENTENCE:
            import editor_app.core.reporting.sentences  # noqa: F401  (now, not on the first keystroke)
        self._follow()

    def focus_span(self) -> tuple[int, int] | None:
        """[start, end) of the text shown at full strength now (None when focus mode is off)."""
        return self._span if self.enabled else None

    def shaded(self) -> list[QRect]:
        """The parts of the viewport dimmed now (viewport coordinates)."""
        return list(self.shade.rects) if self.enabled else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_shade()
        return False

    def _place_shade(self) -> None:
        if self.enabled:
            self.shade.setGeometry(self.editor.viewport().geometry())
            self.shade.raise_()
            self._reshade()

    def _follow(self) -> None:
        if not self.enabled:
            self._span = None
            return
        cursor = self.editor.textCursor()
        span = sentence_span(cursor) if self.unit == SENTENCE else paragraph_span(cursor)
        if span == self._span and self.shade.rects:
            return  # same focus: a change of its shape comes as the editor's updateRequest
        self._span = span
        self._reshade()

    def _reshade(self) -> None:
        """Repaint only the strips whose outline changed."""
        if not self.enabled or self._span is None:
            return
        rects = shaded_rects(self.editor, self._span, whole_lines=self.unit == PARAGRAPH)
        if rects == self.shade.rects:
            return
        old, new = QRegion(), QRegion()
        for r in self.shade.rects:
            old = old.united(r)
        for r in rects:
            new = new.united(r)
        self.shade.rects = rects
        self.shade.update(old.xored(new))
