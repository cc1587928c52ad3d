"""Opening a store read-only (a second instance, or a file that cannot be written).

The engine connects with SQLite's `mode=ro` URI plus `PRAGMA query_only`, so no write can reach
the file whatever the process's privileges; any write through the returned `Store` raises
`StoreReadOnlyError` (Store's own error translation sees "attempt to write a readonly
database"). Nothing is migrated or seeded: a store at another schema revision is refused
with a message. Reading a store another process is writing (WAL mode) works and sees its
commits. No Qt here.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from editor_app.store.damaged import sqlite_uri
from editor_app.store.database import HEAD_REVISION, check_sqlite_file, current_revision
from editor_app.store.errors import NotADatabaseError, StoreError, StoreLockedError, StoreReadOnlyError
from editor_app.store.store import Store


class SchemaMismatchError(StoreError):
    def __init__(self, path: Path, revision: str | None) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            f"{path} uses database schema {revision or '(none)'}, but this version of editor_app needs "
            f"{HEAD_REVISION}. It cannot be upgraded while opened read-only: open it normally once "
            "(it is backed up before the upgrade), or use a matching version of editor_app."
        )


def create_read_only_engine(path: Path, *, immutable: bool = False) -> Engine:
    """An engine whose connections cannot write `path` (`immutable` skips locking entirely:
    only for files nobody else can be writing, e.g. on read-only media)."""
    params = {"immutable": "1"} if immutable else {"mode": "ro"}
    uri = sqlite_uri(Path(path), **params)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None, timeout=5)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, future=True)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA query_only=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: object) -> None:
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


def _on_read_only_media(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def unwritable_reason(path: Path) -> str | None:
    """Why the store at `path` cannot be written here (a sentence a writer can act on), or None.
    Only asks the file system; never writes."""
    path = Path(path).expanduser()
    folder = path.parent
    if not folder.exists():
        return None
    if _on_read_only_media(folder):
        return "it is on a read-only disk or share"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK):
        return "its folder cannot be written"
    return None


def open_read_only(path: Path, *, immutable: bool = False, reason: str = "") -> Store:
    """A `Store` that reads `path` and refuses every write (`store.read_only` is True;
    `store.read_only_reason` says why, for the window and the command line). On a folder
    nobody can write, SQLite cannot make its shared-memory file, so the file is read as
    immutable (nobody can be changing it there)."""
    path = Path(path).expanduser()
    if not immutable and _on_read_only_media(path.parent):
        immutable = True
    if not path.is_file():
        raise StoreReadOnlyError(path, "the file does not exist, and a read-only store cannot create it")
    if path.stat().st_size == 0:
        raise NotADatabaseError(path, "the file is empty")
    check_sqlite_file(path)
    engine = create_read_only_engine(path, immutable=immutable)
    try:
        revision = current_revision(engine)
    except DatabaseError as exc:
        engine.dispose()
        msg = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if "locked" in msg:
            raise StoreLockedError(path) from exc
        if "unable to open" in msg and not immutable:
            if not os.access(path.parent, os.W_OK):  # no -shm can be made beside it
                return open_read_only(path, immutable=True, reason=reason)
            raise StoreReadOnlyError(path, f"it cannot be opened for reading ({msg})") from exc
        raise NotADatabaseError(path, msg) from exc
    if revision != HEAD_REVISION:
        engine.dispose()
        raise SchemaMismatchError(path, revision)
    return Store(engine, path, created=False, read_only=True, read_only_reason=reason)
