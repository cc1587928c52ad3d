"""The Markdown editor: a QPlainTextEdit with a readable font, soft wrap and sane paste."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QWidget

LARGE_PASTE_CHARS = 10_500_000  # up to ~10 MB pastes silently; beyond, ask first
MAX_PASTE_CHARS = 60_000_000  # 50 MB works (after the question); beyond this, refuse

# Qt's "word boundary, else anywhere" wrap rescans a line's remainder for a boundary on every
# visual line, so one unbroken run of n characters costs O(n^2) to lay out (100,000 brackets:
# ~0.5 s in insertText, ~0.9 s of stall). Plain "anywhere" wrapping is linear. Prose keeps
# word wrapping; a document holding a run this long wraps anywhere until the run is gone.
LONG_RUN_CHARS = 4_000
_LONG_RUN = re.compile(rf"[^\s\u2029\u2028]{{{LONG_RUN_CHARS}}}")
PROSE_WRAP = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
RUN_WRAP = QTextOption.WrapMode.WrapAnywhere


def has_long_run(text: str) -> bool:
    """True when `text` holds a run of LONG_RUN_CHARS characters with no space to break at."""
    return len(text) >= LONG_RUN_CHARS and _LONG_RUN.search(text) is not None


def editor_font() -> QFont:
    """A monospace face at a comfortable size: Markdown markup lines up, prose stays legible."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    for family in ("JetBrains Mono", "Cascadia Mono", "Source Code Pro", "DejaVu Sans Mono", "Menlo", "Consolas"):
        if family in QFontDatabase.families():
            font = QFont(family)
            break
    font.setPointSizeF(11.5)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class MarkdownEditor(QPlainTextEdit):
    # Emitted with the document's size after a paste, before the paste: the window turns the
    # syntax highlighter off for very long articles so a huge paste does not freeze it.
    about_to_paste = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Pictures pasted or dropped (ui.images sets these): `wants_images(mime)` says whether
        # the data is a picture rather than text, `insert_images(mime)` stores and references it.
        self.wants_images: Callable[[QMimeData], bool] | None = None
        self.insert_images: Callable[[QMimeData], None] | None = None
        self.setObjectName("markdownEditor")
        self.setFont(editor_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(PROSE_WRAP)
        # Back to word wrapping once no long run is left (checked after edits settle).
        self._rewrap_check = QTimer(self, singleShot=True, interval=1500)
        self._rewrap_check.timeout.connect(self._wrap_prose_if_no_long_run)
        self.document().contentsChange.connect(self._watch_long_runs)
        self.setTabChangesFocus(False)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.setPlaceholderText("Write your story in Markdown…")
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(14)

    def markdown_text(self) -> str:
        """The text exactly as typed. toPlainText() turns no-break spaces into plain ones
        ("100\u00a0%"), which would change the writer's text on save; the raw text keeps them."""
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def set_text_quietly(self, text: str) -> None:
        """Load an article: no undo history from the previous one, no 'modified' signal storm."""
        self.setWordWrapMode(RUN_WRAP if has_long_run(text) else PROSE_WRAP)  # before layout
        blocked = self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(blocked)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pictures go to `insert_images`; otherwise plain text only: ask before a huge paste,
        refuse an absurd one."""
        if self.wants_images is not None and self.insert_images is not None and self.wants_images(source):
            self.insert_images(source)
            return
        if not source.hasText():
            return
        text = source.text()
        if len(text) > MAX_PASTE_CHARS:
            QMessageBox.warning(
                self,
                "Paste too large",
                f"The clipboard holds {len(text):,} characters; the limit for one article "
                f"is {MAX_PASTE_CHARS:,}. Nothing was pasted.",
            )
            return
        if len(text) > LARGE_PASTE_CHARS:
            answer = QMessageBox.question(
                self, "Large paste", f"Paste {len(text):,} characters? Very long articles make the preview slower."
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.about_to_paste.emit(self.document().characterCount() + len(text))
        self._wrap_for(text)
        self.textCursor().insertText(text)

    # -- wrapping that stays linear on long unbroken lines -------------------------------------

    def _wrap_for(self, incoming: str) -> None:
        """Before text arrives: wrap anywhere if it holds a long unbroken run."""
        if self.wordWrapMode() != RUN_WRAP and has_long_run(incoming):
            self.setWordWrapMode(RUN_WRAP)

    def _watch_long_runs(self, position: int, removed: int, added: int) -> None:
        """Typing, undo or a programmatic insert can make a long run too: look around the change
        (only when its block is long, so ordinary keystrokes cost nothing)."""
        if self.wordWrapMode() == RUN_WRAP:
            self._rewrap_check.start()  # undo reports odd counts: look again after any change
            return
        doc = self.document()
        if doc.findBlock(position).length() < LONG_RUN_CHARS and added < LONG_RUN_CHARS:
            return
        cursor = self.textCursor()
        cursor.setPosition(max(0, position - LONG_RUN_CHARS))
        cursor.setPosition(min(doc.characterCount() - 1, position + added + LONG_RUN_CHARS), cursor.MoveMode.KeepAnchor)
        if has_long_run(cursor.selectedText()):
            self.setWordWrapMode(RUN_WRAP)

    def _wrap_prose_if_no_long_run(self) -> None:
        if self.wordWrapMode() == RUN_WRAP and not has_long_run(self.document().toRawText()):
            self.setWordWrapMode(PROSE_WRAP)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or (self.wants_images is not None and self.wants_images(source))

    def keyPressEvent(self, event) -> None:
        # Keep list continuation simple and predictable: Enter inside a list item starts a new one.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            cursor = self.textCursor()
            line = cursor.block().text()
            marker = _list_marker(line)
            if marker is not None and cursor.positionInBlock() == len(line):
                if line.strip() == marker.strip():
                    # Enter on an empty item ends the list.
                    cursor.beginEditBlock()
                    cursor.movePosition(cursor.MoveOperation.StartOfBlock, cursor.MoveMode.KeepAnchor)
                    cursor.removeSelectedText()
                    cursor.endEditBlock()
                    return
                cursor.insertText("\n" + _next_marker(marker))
                self.ensureCursorVisible()
                return
        super().keyPressEvent(event)


def _list_marker(line: str) -> str | None:
    stripped = line.lstrip(" ")
    indent = line[: len(line) - len(stripped)]
    for bullet in ("- ", "* ", "+ "):
        if stripped.startswith(bullet):
            return indent + bullet
    digits = ""
    for ch in stripped:
        if ch.isdigit():
            digits += ch
        else:
            break
    if digits and len(digits) <= 9 and stripped[len(digits) : len(digits) + 2] in (". ", ") "):
        return indent + stripped[: len(digits) + 2]
    return None


def _next_marker(marker: str) -> str:
    stripped = marker.lstrip(" ")
    indent = marker[: len(marker) - len(stripped)]
    if stripped[0].isdigit():
        number = int(stripped[:-2])
        return f"{indent}{number + 1}{stripped[-2:]}"
    return marker
