"""The preview's `image:` URLs, answered from the store.

The page asks for `image:3f2a9c0d41b7e655`; the handler looks the key up (`ImageStore`) and
replies with the stored bytes and their type. An unknown key (a reference copied from another
store) gets a grey "picture not in this store" box, so the writer sees it where it is (the
checklist names it too; an export writes "[Image missing]"). Requests come on the UI thread; one read of
a few megabytes from SQLite at most, once per picture (the page keeps it while it stays).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from editor_app.core.images.refs import EmbeddedImage, image_key

_MISSING_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="72" viewBox="0 0 360 72">'
    '<rect x="1" y="1" width="358" height="70" rx="6" fill="#f1f1f1" stroke="#8a8a8a" stroke-dasharray="6 4"/>'
    '<text x="180" y="42" font-family="sans-serif" font-size="15" fill="#444" text-anchor="middle">'
    "Picture not in this store</text></svg>"
)
MISSING = EmbeddedImage("image/svg+xml", _MISSING_SVG.encode("utf-8"), 360, 72)


class StoreImageHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, lookup: Callable[[str], EmbeddedImage | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self.served = 0  # pictures answered (tests and the status of the preview)
        self.missing = 0  # keys the store does not hold

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        key = image_key(job.requestUrl().toString())
        if key is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        try:
            image = self._lookup(key)
        except Exception:  # a store that cannot be read now: a broken picture, not a crash
            image = None
        if image is None:
            image = MISSING
            self.missing += 1
        buffer = QBuffer(job)  # lives as long as the request
        buffer.setData(QByteArray(image.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(image.mime.encode("ascii"), buffer)
        self.served += 1
