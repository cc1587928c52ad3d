"""Pictures into articles: paste (Ctrl+V), drop, or Format › Insert Image….

Each picture is checked and cleaned (`core.images.intake`: size limit, decompression bombs,
corrupt files, EXIF location data), stored once by its SHA-256 (`store.images`) and named in
the text as `![](image:<key>)` with the cursor between the brackets, so the writer types the
alt text straight away. A refused picture changes nothing: the reason is in the status bar and
the text is as it was. The preview shows stored pictures through the `image:` scheme handler.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Qt, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog

from editor_app.core.images.intake import ImageRefused, PreparedImage, prepare_image, read_image_file
from editor_app.core.images.refs import SCHEME, markdown_reference
from editor_app.store.images import ImageStore
from editor_app.ui.images.clipboard import Incoming, has_pictures, incoming
from editor_app.ui.images.scheme import StoreImageHandler

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

MESSAGE_MS = 15000
_IMAGE_ON_LINE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
FILE_FILTER = "Pictures (*.png *.jpg *.jpeg *.gif *.webp *.bmp)"


def _end_of_image_at(line: str, column: int) -> int | None:
    """The column just after the `![…](…)` the cursor is in, if it is in one."""
    if "![" not in line:
        return None
    for m in _IMAGE_ON_LINE.finditer(line):
        if m.start() < column < m.end():
            return m.end()
    return None


class ImagesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.images = ImageStore(window.store)
        self.handler = StoreImageHandler(self.images.image)
        window.preview.serve_scheme(SCHEME, self.handler)
        editor = window.editor
        editor.wants_images = self.wants_images
        editor.insert_images = self.insert_from_mime
        action = window.actions_["insert_image"]
        action.triggered.connect(self.choose_files)
        window.format_menu.addSeparator()
        window.format_menu.addAction(action)
        self.last_message = ""

    # -- what the editor asks ---------------------------------------------------------------

    def wants_images(self, source: QMimeData) -> bool:
        return has_pictures(source)

    def insert_from_mime(self, source: QMimeData) -> None:
        self.add(incoming(source))

    def choose_files(self) -> None:
        w = self.window
        if w.article is None or w.editor.isReadOnly():
            return
        paths, _ = QFileDialog.getOpenFileNames(w, "Insert Image", "", FILE_FILTER)
        if paths:
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
            self.insert_from_mime(mime)

    # -- adding ------------------------------------------------------------------------------

    def _prepare(self, item: Incoming) -> PreparedImage:
        if item.path is not None:
            return read_image_file(item.path)
        return prepare_image(item.data, item.name)

    def add(self, items: list[Incoming]) -> int:
        """Check, store and reference each picture; returns how many were added. Pictures that
        pass are added even when another of the same drop is refused (which is then named)."""
        w = self.window
        editor = w.editor
        if w.article is None or editor.isReadOnly() or getattr(w, "read_only", False):
            return 0
        refused: list[str] = []
        added: list[str] = []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # decoding a large photo takes a moment
        try:
            for item in items:
                try:
                    prepared = self._prepare(item)
                    stored, _new = self.images.add(prepared)
                except ImageRefused as exc:
                    refused.append(str(exc))
                    continue
                except Exception as exc:  # the store could not be written: say so, change nothing
                    refused.append(f"{item.name} could not be stored: {exc}")
                    continue
                added.append(stored.sha256)
        finally:
            QApplication.restoreOverrideCursor()
        if added:
            self._insert_references(added)
        self._tell(added, refused)
        return len(added)

    def _insert_references(self, keys: list[str]) -> None:
        editor = self.window.editor
        cursor = editor.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        text = "\n\n".join(markdown_reference(k) for k in keys)
        after = _end_of_image_at(cursor.block().text(), cursor.positionInBlock())
        if after is not None:  # the cursor is in a picture's reference (its alt text): add after it
            cursor.setPosition(cursor.block().position() + after)
            text = "\n\n" + text
        start = cursor.position() + (2 if after is not None else 0)
        cursor.insertText(text)
        cursor.endEditBlock()
        cursor.setPosition(start + 2)  # between the brackets: the alt text comes first
        editor.setTextCursor(cursor)
        editor.setFocus()

    def _tell(self, added: list[str], refused: list[str]) -> None:
        parts = []
        if added:
            n = len(added)
            parts.append(
                f"Added {n} picture{'s' if n != 1 else ''}: type what {'it shows' if n == 1 else 'each shows'} "
                "between the brackets (alt text)."
            )
        parts += refused
        self.last_message = " ".join(parts)
        if refused:
            QApplication.beep()
        self.window.statusBar().showMessage(self.last_message, MESSAGE_MS)
