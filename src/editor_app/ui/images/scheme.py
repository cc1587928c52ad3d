"""The preview's `image:` URLs, answered from the store.

The page asks for `image:3f2a9c0d41b7e655`; the handler looks the key up (`ImageStore`) and
replies with the stored bytes and their type. An unknown key gets "not found", which the page
shows as a broken picture (and the checklist names). Requests come on the UI thread; one read of
a few megabytes from SQLite at most, once per picture (the page keeps it while it stays).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from editor_app.core.images.refs import EmbeddedImage, image_key


class StoreImageHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, lookup: Callable[[str], EmbeddedImage | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self.served = 0  # pictures answered (tests and the status of the preview)

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
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # lives as long as the request
        buffer.setData(QByteArray(image.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(image.mime.encode("ascii"), buffer)
        self.served += 1
