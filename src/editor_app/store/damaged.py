"""Damaged, locked or unwritable stores: say what is wrong, and move a bad file aside untouched.

`diagnose(path)` never writes the store: it reads the header, then runs `PRAGMA quick_check`
on a read-only connection, and only when the file is healthy probes whether it can be written
(`BEGIN IMMEDIATE` then `ROLLBACK`, which changes nothing). `move_aside(path)` renames the
file and its -wal/-shm companions to `<name>.damaged-<UTC timestamp>` (the -wal stays paired
with its database, so the copy can still be inspected) and never replaces an existing file.
No Qt here.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from editor_app.store.paths import backup_stem, backups_dir_for

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

Kind = Literal["ok", "not_sqlite", "truncated", "corrupt", "locked", "readonly", "missing_folder"]

_KNOWN_HEADERS = (
    (b"PK\x03\x04", "a ZIP archive (perhaps a .docx, .xlsx or .zip file renamed)"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


@dataclass(frozen=True)
class Diagnosis:
    kind: Kind
    detail: str

    @property
    def ok(self) -> bool:
        return self.kind == "ok"

    @property
    def damaged(self) -> bool:
        """Needs restoring or a new store (as opposed to waiting or opening read-only)."""
        return self.kind in ("not_sqlite", "truncated", "corrupt")


def utc_stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def side_files(path: Path) -> list[Path]:
    """The -wal/-shm/-journal files SQLite keeps next to a database (those that exist)."""
    return [p for p in (path.with_name(path.name + s) for s in SIDE_SUFFIXES) if p.exists()]


def sqlite_uri(path: Path, **params: str) -> str:
    """`file:` URI for sqlite3.connect(..., uri=True); percent-encodes odd characters in the path."""
    uri = Path(os.path.abspath(path)).as_uri()
    if params:
        uri += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return uri


def connect_read_only(path: Path, *, timeout: float = 2.0) -> sqlite3.Connection:
    """A connection that cannot write the file (SQLite `mode=ro`), however the process is privileged."""
    conn = sqlite3.connect(
        sqlite_uri(path, mode="ro"), uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
    )
    return conn


def check_integrity(path: Path, *, full: bool = False, timeout: float = 2.0) -> tuple[bool, str]:
    """(ok, detail) from `PRAGMA quick_check` (or `integrity_check` when full) on a read-only connection."""
    path = Path(path)
    if not path.is_file():
        return False, f"{path} does not exist" if not path.exists() else f"{path} is not a file"
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return False, f"cannot be read ({exc.strerror})"
    if head != SQLITE_MAGIC:
        return False, "not an SQLite database" if head else "the file is empty"
    try:
        conn = connect_read_only(path, timeout=timeout)
    except sqlite3.Error as exc:
        return False, str(exc)
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
    except sqlite3.Error as exc:
        return False, str(exc)
    finally:
        conn.close()
    if rows == ["ok"]:
        return True, "ok"
    return False, "; ".join(str(r) for r in rows[:5]) + (" …" if len(rows) > 5 else "")


def _header_problem(path: Path, size: int) -> tuple[Kind, str] | None:
    with path.open("rb") as fh:
        head = fh.read(100)
    if head[:16] != SQLITE_MAGIC:
        for magic, what in _KNOWN_HEADERS:
            if head.startswith(magic):
                return "not_sqlite", f"the file is {what}, not an editor_app store"
        try:
            sample = head[:64].decode("utf-8")
        except UnicodeDecodeError:
            sample = ""
        if sample.strip() and all(c.isprintable() or c.isspace() for c in sample):
            return "not_sqlite", "the file looks like text, not an editor_app store"
        return "not_sqlite", "the file does not start with the SQLite header"
    if len(head) < 100:
        return "truncated", f"the file is cut short ({size} bytes; the SQLite header alone is 100)"
    raw_page = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if raw_page == 1 else raw_page
    if page_size < 512 or page_size & (page_size - 1):
        return "corrupt", f"the header gives an impossible page size ({raw_page})"
    change_counter, header_pages = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    if header_pages and change_counter == valid_for and size < header_pages * page_size:
        return "truncated", (f"the file is cut short: {size:,} bytes, but its header says {header_pages * page_size:,}")
    if size % page_size and not side_files(path):
        return "truncated", f"the file size ({size:,} bytes) is not a whole number of {page_size}-byte pages"
    return None


def _open_rw(path: Path, timeout: float) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=timeout, isolation_level=None)


def _classify_error(msg: str) -> Kind:
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return "locked"
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return "readonly"
    return "corrupt"


EMPTY_WITH_BACKUPS = "the file is empty (0 bytes), but backups of it exist, so it held a store before"


def has_backups(path: Path) -> bool:
    """An empty file with backups beside it is a store that lost its contents, not a new one."""
    try:
        return any(backup_stem(p.name) == path.stem for p in backups_dir_for(path).glob("*.sqlite"))
    except OSError:
        return False


def diagnose(path: Path, *, busy_timeout: float = 0.5) -> Diagnosis:
    """What state is the store file in? Never changes the file."""
    path = Path(path).expanduser()
    if not path.parent.exists():
        return Diagnosis("missing_folder", f"the folder {path.parent} does not exist")
    if not path.exists():
        return Diagnosis("ok", "the file does not exist yet; a new store will be created")
    if path.is_dir():
        return Diagnosis("not_sqlite", "it is a folder, not a file")
    try:
        size = path.stat().st_size
        if size == 0:
            if has_backups(path):
                return Diagnosis("truncated", EMPTY_WITH_BACKUPS)
            return Diagnosis("ok", "the file is empty; it will become a new store")
        problem = _header_problem(path, size)
    except PermissionError as exc:
        return Diagnosis("readonly", f"the file cannot be read ({exc.strerror})")
    if problem:
        return Diagnosis(*problem)
    try:
        conn = connect_read_only(path, timeout=busy_timeout)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(10)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        kind = _classify_error(str(exc))
        if kind == "corrupt":
            return Diagnosis(kind, f"the database is damaged ({exc})")
        return Diagnosis(kind, str(exc))
    if rows != ["ok"]:
        return Diagnosis("corrupt", "integrity check failed: " + "; ".join(map(str, rows[:3])))
    # Healthy for reading; can it be written?
    if not os.access(path, os.W_OK):
        return Diagnosis("readonly", "the file is read-only")
    if not os.access(path.parent, os.W_OK):
        return Diagnosis("readonly", f"the folder {path.parent} is read-only")
    try:
        conn = _open_rw(path, busy_timeout)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:  # a write that is rolled back: proves writing works, changes nothing
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute(f"PRAGMA user_version={int(version)}")
            finally:
                conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        kind = _classify_error(str(exc))
        return Diagnosis("corrupt" if kind == "corrupt" else kind, str(exc))
    return Diagnosis("ok", "the store is healthy")


def _free_name(path: Path, stamp: str) -> Path:
    n = 1
    while True:
        suffix = f".damaged-{stamp}" + (f"-{n}" if n > 1 else "")
        target = path.with_name(path.name + suffix)
        candidates = [target, *(target.with_name(target.name + s) for s in SIDE_SUFFIXES)]
        if not any(c.exists() for c in candidates):
            return target
        n += 1


def _rename_no_replace(src: Path, dst: Path) -> None:
    if dst.exists():
        raise FileExistsError(dst)
    try:
        os.link(src, dst)  # fails if dst appeared meanwhile: nothing is ever replaced
    except (OSError, NotImplementedError):
        if dst.exists():
            raise
        os.rename(src, dst)  # Windows refuses to replace an existing file too
        return
    os.unlink(src)


def move_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename `<name>` (and -wal/-shm/-journal) to `<name>.damaged-<UTC stamp>`; returns the new path."""
    path = Path(path)
    target = _free_name(path, utc_stamp(now))
    # Side files first: if we stop half way, the database still has its own WAL beside it.
    for side in side_files(path):
        _rename_no_replace(side, target.with_name(target.name + side.name[len(path.name) :]))
    if path.exists():
        _rename_no_replace(path, target)
    fsync_dir(path.parent)
    return target


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
