"""Review bookkeeping off the UI thread: after each save, comments follow the edit and a
revision is recorded, on the store's one writer thread (store/writer.py) in the order the saves
happened (checklists run on the window's pool, `window.tasks`).

    worker = ReviewWorker(store)
    worker.after_save(article_id, old_body, new_body, who)   # from autosave.saved
    worker.done.connect(...)         # (article id, body the anchors now refer to, changed comments)
    worker.drain()                   # wait for queued work (before a restore)

The store is thread-safe per call; this worker has its own RevisionStore (its snapshot cache is
not shared with the UI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from editor_app.services.review import Review
from editor_app.store.revisions import RevisionStore
from editor_app.store.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReviewWorker(QObject):
    done = Signal(int, str, object)  # article id, new body, list[Comment] whose anchor moved
    failed = Signal(str)  # a message for the status bar
    _result = Signal(object)  # Future, from the worker thread
    job_finished = Signal(str)  # kind of job ("save", "checklist", ...) for tests

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._review = Review(store)
        self._revisions = RevisionStore(store)
        self._writer = store.writer  # the store's one writer, in the order of the saves
        self._callbacks: dict[Future, Callable[[object], None]] = {}
        self._result.connect(self._on_result)
        self.pending = 0
        self.closed = False

    def after_save(self, article_id: int, old_body: str, new_body: str, who: str, *, record: bool = True) -> None:
        """Re-anchor the article's comments from `old_body` to `new_body`, then record a
        (coalesced) "typing" revision."""

        def work() -> tuple[int, str, list]:
            changed = []
            if old_body != new_body:
                changed = self._review.reanchor_comments(article_id, old_body, new_body)
            if record:
                self._revisions.record(article_id, "typing", who)
            return article_id, new_body, changed

        self.submit(work, lambda result: self.done.emit(*result), kind="save")

    def submit(self, work: Callable[[], object], on_result: Callable[[object], None], *, kind: str = "job") -> Future:
        """Run `work` on the store's writer thread; `on_result(value)` on the UI thread. After
        `shutdown()` nothing runs (the window is gone) and a cancelled future is returned."""
        if self.closed:
            future: Future = Future()
            future.cancel()
            return future
        self.pending += 1
        future = self._writer.submit(work)
        self._callbacks[future] = lambda value: (on_result(value), self.job_finished.emit(kind))
        future.add_done_callback(self._deliver)
        return future

    def _deliver(self, future: Future) -> None:
        """On the worker thread: hand the result to the UI thread (queued)."""
        try:
            self._result.emit(future)
        except RuntimeError:  # the window (and this object) is gone: nobody to tell
            pass

    @Slot(object)
    def _on_result(self, future: Future) -> None:
        callback = self._callbacks.pop(future, None)
        self.pending = max(0, self.pending - 1)
        exc = future.exception()
        if exc is not None:
            log.warning("review work failed: %s", exc)
            self.failed.emit(str(exc))
            return
        if callback is not None:
            callback(future.result())

    def drain(self, timeout: float = 30.0) -> None:
        """Wait until everything queued so far has run (results are delivered later)."""
        if self.closed:
            return
        if not self._writer.drain(timeout):
            log.warning("store writer did not drain in %s s", timeout)

    def shutdown(self) -> None:
        """Nothing more is queued; what is queued is written (idempotent)."""
        self.closed = True
        self._writer.drain(60)
