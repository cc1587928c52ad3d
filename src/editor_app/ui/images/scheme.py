"""The preview's `image:` URLs, answered from the store.

The page asks for `image:3f2a9c0d41b7e655`; the handler looks the key up (`ImageStore`) and
replies with the stored bytes and their type. An unknown key (a reference copied from another
store) fails: the preview's stylesheet draws a "Picture not in this store" box in its place (the
checklist names it too; an export writes "[Image missing]"). A failure is not cached, so once
the picture is added the page loads it (`reload` asks the page to try such pictures again); a
placeholder answer would stay in the page's memory cache under that URL. Requests come on the UI thread; one read of
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
        self.missing: set[str] = set()  # keys asked for that the store did not hold

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
            self.missing.add(key)
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # lives as long as the request
        buffer.setData(QByteArray(image.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(image.mime.encode("ascii"), buffer)
        self.served += 1

    def now_stored(self, sha256: str) -> list[str]:
        """The keys asked for in vain that name this picture (forgotten: the page may ask again)."""
        found = [k for k in self.missing if sha256.startswith(k)]
        self.missing.difference_update(found)
        return found
