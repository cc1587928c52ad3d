"""The window's pool for computations that write nothing (claim proposals, the checklist).

    window.tasks.run("claim proposals", lambda: propose(text), show_proposals)

Work runs on a pool thread (the garbage collector runs on the UI thread only,
`common/gc_on_ui_thread`); the result comes back on the UI thread. A task under the same name replaces one that has not reported yet: only
the newest result is delivered, so a slow run on old text never overwrites a fresh one.
Store writes do not belong here (they go through the store's own writers).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class Tasks(QObject):
    failed = Signal(str, str)  # task name, message
    finished = Signal(str)  # task name: its result was delivered (for tests and status lines)
    _result = Signal(object, object)  # (name, generation), Future: from the pool thread

    def __init__(self, parent: QObject | None = None, *, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tasks")
        self._newest: dict[str, int] = {}
        self._callbacks: dict[Future, Callable[[Any], None]] = {}
        self._result.connect(self._on_result)
        self.closed = False

    def run(self, name: str, work: Callable[[], Any], on_result: Callable[[Any], None]) -> Future:
        """Run `work()` off the UI thread; `on_result(value)` on the UI thread, unless a newer
        task of the same `name` was started meanwhile or the window closed."""
        if self.closed:
            future: Future = Future()
            future.cancel()
            return future
        generation = self._newest.get(name, 0) + 1
        self._newest[name] = generation
        future = self._pool.submit(work)
        self._callbacks[future] = on_result
        future.add_done_callback(lambda f: self._deliver((name, generation), f))
        return future

    def pending(self, name: str) -> bool:
        """A task of this name was started and its result has not been delivered."""
        return name in self._newest

    def _deliver(self, tag: tuple[str, int], future: Future) -> None:
        try:
            self._result.emit(tag, future)
        except RuntimeError:  # the window (and this object) is gone
            pass

    @Slot(object, object)
    def _on_result(self, tag: tuple[str, int], future: Future) -> None:
        name, generation = tag
        callback = self._callbacks.pop(future, None)
        if self.closed or self._newest.get(name) != generation:
            return  # superseded: a newer run of this task reports instead
        del self._newest[name]
        if future.cancelled():
            return
        exc = future.exception()
        if exc is not None:
            log.warning("%s failed: %s", name, exc)
            self.failed.emit(name, str(exc))
            return
        if callback is not None:
            callback(future.result())
        self.finished.emit(name)

    def close(self, timeout: float = 10.0) -> None:
        """No result is delivered after this; running work is waited for (it holds no Qt)."""
        self.closed = True
        self._callbacks.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
