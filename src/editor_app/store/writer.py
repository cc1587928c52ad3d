"""One writer per store: every write transaction runs alone and in the order it was asked for.

Background writes (autosave, review bookkeeping after a save) are queued on the writer's one
thread with `submit`. A write from any other thread (the UI thread, a command) takes a
`lease`: it waits until the queued writes have run, then writes while the writer waits. So
SQLite never sees two of our connections writing at once (no "database is locked", no retry
loop), and a comment written on the UI thread always follows the re-anchoring of the save
before it. Reads need no lease.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


class StoreWriter:
    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None  # started on the first queued write
        self._exclusive = threading.RLock()  # held by whoever is writing
        self._idle = threading.Condition()
        self._pending = 0
        self._thread_id: int | None = None
        self._local = threading.local()  # this thread's lease depth

    def submit(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Queue a write for the writer thread (started on demand)."""
        with self._idle:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
            self._pending += 1
        return self._pool.submit(self._run, work, args, kwargs)

    def _run(self, work: Callable[..., T], args: tuple, kwargs: dict) -> T:
        self._thread_id = threading.get_ident()
        try:
            with self._exclusive:
                return work(*args, **kwargs)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def on_writer_thread(self) -> bool:
        return self._thread_id == threading.get_ident()

    @contextmanager
    def lease(self) -> Iterator[None]:
        """Write from this thread: after every write queued so far, and alone."""
        depth = getattr(self._local, "depth", 0)
        if depth or self.on_writer_thread():
            self._local.depth = depth + 1  # already writing (a nested transaction)
            try:
                yield
            finally:
                self._local.depth = depth
            return
        with self._idle:
            self._idle.wait_for(lambda: self._pending == 0)  # queued writes go first
        with self._exclusive:
            self._local.depth = 1
            try:
                yield
            finally:
                self._local.depth = 0

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued write has run; False if that took longer than `timeout`."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self) -> None:
        """Run what is queued, then end the thread and wait for it (a window closing, the store
        closing). Idempotent; a later `submit` starts a new thread."""
        with self._idle:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
