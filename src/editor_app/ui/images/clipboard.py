"""What in a paste or a drop is a picture: image files, or the clipboard's picture itself.

Text always wins when the data holds both text and a picture (a word processor puts a picture
of the copied paragraph next to its text): the editor pastes the text, as it always did. A drop
of files whose names look like pictures is treated as pictures (each one is then checked, so a
script named `photo.png` is refused, not pasted).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMimeData
from PySide6.QtGui import QImage, QPixmap

from editor_app.core.images.intake import looks_like_image_file

ENCODED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")  # taken as they are


@dataclass(frozen=True)
class Incoming:
    """One picture to add: a file, or bytes from the clipboard."""

    name: str  # for messages: “chart.png” or "The picture on the clipboard"
    path: Path | None = None
    data: bytes = b""
    image: QImage | None = None  # Qt's decoded picture (encoded to PNG off the UI thread)

    def read(self) -> bytes:
        """The bytes to check (any thread: QImage is reentrant; this one is a private copy)."""
        if self.image is not None:
            return png_of(self.image)
        return self.data


def image_files(source: QMimeData) -> list[Path]:
    """The dropped or copied local files, when they are all files and one looks like a picture."""
    if not source.hasUrls():
        return []
    urls = source.urls()
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if not paths or len(paths) != len(urls) or not any(looks_like_image_file(p) for p in paths):
        return []
    return paths


def has_pictures(source: QMimeData) -> bool:
    if image_files(source):
        return True
    return not source.hasText() and (source.hasImage() or any(source.hasFormat(t) for t in ENCODED_TYPES))


def png_of(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def clipboard_picture(source: QMimeData) -> Incoming:
    """The picture: an encoded format the source offers, as is; else Qt's image (a copy)."""
    name = "The picture on the clipboard"
    for mime in ENCODED_TYPES:
        if source.hasFormat(mime):
            data = bytes(source.data(mime).data())
            if data:
                return Incoming(name, data=data)
    image = source.imageData()
    if isinstance(image, QPixmap):
        image = image.toImage()
    if not isinstance(image, QImage) or image.isNull():
        return Incoming(name)
    return Incoming(name, image=image.copy())


def incoming(source: QMimeData) -> list[Incoming]:
    """What to add, read from `source` now (the clipboard may change before the work is done)."""
    files = image_files(source)
    if files:
        return [Incoming(f"“{p.name}”", path=p) for p in files]
    return [clipboard_picture(source)]
