"""The Markdown editor: a QPlainTextEdit with a readable font, soft wrap and sane paste."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QWidget

LARGE_PASTE_CHARS = 10_500_000   # up to ~10 MB pastes silently; beyond, ask first
MAX_PASTE_CHARS = 60_000_000     # 50 MB works (after the question); beyond this, refuse


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
        self.setObjectName("markdownEditor")
        self.setFont(editor_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
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
        blocked = self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(blocked)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt API)
        """Paste plain text only; ask before a huge paste, refuse an absurd one."""
        if not source.hasText():
            return
        text = source.text()
        if len(text) > MAX_PASTE_CHARS:
            QMessageBox.warning(self, "Paste too large",
                                f"The clipboard holds {len(text):,} characters; the limit for one article "
                                f"is {MAX_PASTE_CHARS:,}. Nothing was pasted.")
            return
        if len(text) > LARGE_PASTE_CHARS:
            answer = QMessageBox.question(
                self, "Large paste",
                f"Paste {len(text):,} characters? Very long articles make the preview slower.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.about_to_paste.emit(self.document().characterCount() + len(text))
        self.textCursor().insertText(text)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        return source.hasText()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
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
    if digits and len(digits) <= 9 and stripped[len(digits):len(digits) + 2] in (". ", ") "):
        return indent + stripped[: len(digits) + 2]
    return None


def _next_marker(marker: str) -> str:
    stripped = marker.lstrip(" ")
    indent = marker[: len(marker) - len(stripped)]
    if stripped[0].isdigit():
        number = int(stripped[:-2])
        return f"{indent}{number + 1}{stripped[-2:]}"
    return marker
