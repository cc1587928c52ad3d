"""Pictures into articles: paste (Ctrl+V), drop, or Format › Insert Image….

Each picture is checked and cleaned off the UI thread (`core.images.intake`: size limit, decompression bombs,
corrupt files, EXIF location data), stored once by its SHA-256 (`store.images`) and named in
the text as `![](image:<key>)` with the cursor between the brackets, so the writer types the
alt text straight away. A refused picture changes nothing: the reason is in the status bar and
the text is as it was. The preview shows stored pictures through the `image:` scheme handler.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QUrl
from PySide6.QtGui import QTextCursor
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
        self._jobs = 0
        self._pending = 0
        self._loads = 0  # articles opened: a picture prepared for another article is not inserted
        window.article_loaded.connect(self._article_loaded)

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

    @property
    def busy(self) -> bool:
        """Pictures are being checked (off the UI thread)."""
        return self._pending > 0

    def add(self, items: list[Incoming]) -> bool:
        """Check and clean the pictures off the UI thread (a 40-megapixel photo takes seconds),
        then store and reference each one where the cursor was. Pictures that pass are added
        even when another of the same drop is refused (which is then named). False when the
        article cannot take pictures (none open, read-only)."""
        w = self.window
        editor = w.editor
        if w.article is None or editor.isReadOnly() or getattr(w, "read_only", False):
            return False
        # Where the pictures go: the selection's ends, following the edits made while the work
        # runs, but staying before what the writer types at that spot meanwhile.
        selection = editor.textCursor()
        at = QTextCursor(editor.document())
        at.setPosition(selection.selectionStart())
        at.setKeepPositionOnInsert(True)
        until = QTextCursor(editor.document())  # (no selection: the same spot, never past the typing)
        until.setPosition(selection.selectionEnd())
        until.setKeepPositionOnInsert(not selection.hasSelection())
        typed_at = editor.textCursor().position()
        loads = self._loads
        self._jobs += 1
        self._pending += 1
        w.statusBar().showMessage("Adding the picture…" if len(items) == 1 else f"Adding {len(items)} pictures…")
        w.tasks.run(
            f"images {self._jobs}",
            lambda: [_prepared_or_reason(item) for item in items],
            lambda results: self._ready(results, (at, until), typed_at, loads),
        )
        return True

    def _ready(
        self, results: list[PreparedImage | str], at: tuple[QTextCursor, QTextCursor], typed_at: int, loads: int
    ) -> None:
        self._pending -= 1
        w = self.window
        refused = [r for r in results if isinstance(r, str)]
        if loads != self._loads or w.editor.isReadOnly():
            self._tell([], ["The pictures were not added: another article was opened meanwhile. Add them again."])
            return
        added: list[str] = []
        for result in results:
            if isinstance(result, str):
                continue
            try:
                stored, _new = self.images.add(result)
            except Exception as exc:  # the store could not be written: say so, change nothing
                refused.append(f"A picture could not be stored: {exc}")
                continue
            added.append(stored.sha256)
        if added:
            self._insert_references(added, at, follow=w.editor.textCursor().position() == typed_at)
            self._reload_missing(added)
        self._tell(added, refused)

    def _reload_missing(self, added: list[str]) -> None:
        """References the preview could not show before (copied from another store) now can."""
        keys = [k for sha in added for k in self.handler.now_stored(sha)]
        if keys:
            selector = ",".join(f'img[src="{SCHEME}:{k}"]' for k in keys)
            self.window.preview.run_in_page(
                f"document.querySelectorAll({json.dumps(selector)}).forEach(function(i){{i.src=i.getAttribute('src');}});",
                lambda _result: None,
            )

    def _article_loaded(self, _article: object) -> None:
        self._loads += 1

    def _insert_references(self, keys: list[str], at: tuple[QTextCursor, QTextCursor], *, follow: bool) -> None:
        """Between the two cursors (the selection when the writer pasted, replaced); `follow`: the
        writer has not moved on, so their cursor goes between the first picture's brackets."""
        editor = self.window.editor
        start_at, end_at = at
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start_at.position())
        if end_at.position() > start_at.position():
            cursor.setPosition(end_at.position(), QTextCursor.MoveMode.KeepAnchor)
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
        if follow:
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


def _prepared_or_reason(item: Incoming) -> PreparedImage | str:
    """On a pool thread: the cleaned picture, or the sentence saying why it was refused."""
    try:
        if item.path is not None:
            return read_image_file(item.path)
        return prepare_image(item.read(), item.name)
    except ImageRefused as exc:
        return str(exc)
    except Exception as exc:  # a decoder bug must not take the window down
        return f"{item.name} could not be read ({exc}). Nothing was added."
