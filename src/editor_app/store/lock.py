"""One writer per store: an OS file lock on `<store>.lock`, held for as long as the app runs.

The lock is `fcntl.flock` on POSIX and `msvcrt.locking` on Windows, so the operating system
releases it when the holder exits or is killed: a stale lock from a crash cannot block anyone
and there is no "pid still alive?" guessing. The file records who holds it (pid, host, start
time) so a second instance can say so and offer to open read-only instead.

The lock file is never deleted (deleting a lock file lets two processes lock two different
files of the same name); release empties it. Note that a `fork()`ed child shares the lock of
its parent until it exits or execs. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from editor_app.store.errors import StoreError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _WIN_LOCK_OFFSET = 0x7FFFFFFF  # lock a byte past the content, so the content stays readable

    def _try_lock(fd: int, exclusive: bool = True) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
else:
    import fcntl

    def _try_lock(fd: int, exclusive: bool = True) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:  # e.g. EWOULDBLOCK on some systems
            if exc.errno in (11, 35):
                return False
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class LockInfo:
    pid: int | None
    host: str
    started_at: datetime | None
    argv: str = ""

    @property
    def same_host(self) -> bool:
        return self.host == socket.gethostname()

    def describe(self) -> str:
        parts = [f"process {self.pid}" if self.pid else "another process"]
        if self.host and not self.same_host:
            parts.append(f"on {self.host}")
        if self.started_at:
            parts.append(f"since {self.started_at.astimezone():%Y-%m-%d %H:%M}")
        return " ".join(parts)

    @classmethod
    def parse(cls, raw: bytes) -> LockInfo:
        try:
            data = json.loads(raw.decode("utf-8"))
            started = data.get("started_at")
            return cls(
                pid=int(data["pid"]) if data.get("pid") else None,
                host=str(data.get("host", "")),
                started_at=datetime.fromisoformat(started) if started else None,
                argv=str(data.get("argv", "")),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return cls(pid=None, host="", started_at=None)


class StoreInUseError(StoreError):
    def __init__(self, path: Path, holder: LockInfo | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else "another process"
        super().__init__(
            f"{path} is already open in editor_app ({who}). Switch to that window, or open the store read-only."
        )


class LockFileError(StoreError):
    """The lock file cannot be made (a read-only folder, share or disk): nobody can take the
    writer's lock here, so the store can only be opened read-only."""

    def __init__(self, path: Path, exc: OSError) -> None:
        self.path = path
        self.errno = exc.errno
        super().__init__(f"The lock file {path} cannot be created ({exc.strerror or exc}).")


def lock_path_for(store_path: Path) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    """`acquire()` -> bool without waiting; `holder()` says who has it; also a context manager."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = Path(store_path)
        self.path = lock_path_for(self.store_path)
        self._fd: int | None = None
        self.info: LockInfo | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)

    def acquire(self, *, attempts: int = 3) -> bool:
        """Take the lock if nobody holds it. Retries briefly (a `holder()` probe elsewhere may
        hold it for a microsecond). Raises LockFileError when the lock file cannot be made."""
        if self._fd is not None:
            return True
        try:
            fd = self._open()
        except OSError as exc:
            raise LockFileError(self.path, exc) from exc
        for i in range(max(1, attempts)):
            if _try_lock(fd, exclusive=True):
                break
            if i + 1 < attempts:
                time.sleep(0.02)
        else:
            os.close(fd)
            return False
        self._fd = fd
        info = LockInfo(
            pid=os.getpid(),
            host=socket.gethostname(),
            started_at=datetime.now(UTC).replace(microsecond=0),
            argv=" ".join(sys.argv)[:300],
        )
        payload = json.dumps(
            {"pid": info.pid, "host": info.host, "started_at": info.started_at.isoformat(), "argv": info.argv}
        ).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, payload)
        self.info = info
        return True

    def holder(self) -> LockInfo | None:
        """Who holds the lock (ourselves included), or None when it is free."""
        if self._fd is not None:
            return self.info
        if not self.path.exists():
            return None
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            if _try_lock(fd, exclusive=False):
                _unlock(fd)
                return None
            for _ in range(10):  # the holder writes its details just after locking
                os.lseek(fd, 0, os.SEEK_SET)
                raw = os.read(fd, 4096)
                if raw:
                    return LockInfo.parse(raw)
                time.sleep(0.01)
            return LockInfo(pid=None, host="", started_at=None)
        finally:
            os.close(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        try:
            _unlock(fd)
        finally:
            os.close(fd)
            self.info = None

    def __enter__(self) -> StoreLock:
        if not self.acquire():
            raise StoreInUseError(self.store_path, self.holder())
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def __del__(self) -> None:  # pragma: no cover - best effort
        with contextlib.suppress(Exception):
            self.release()
