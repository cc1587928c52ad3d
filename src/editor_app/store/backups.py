"""Rotating backups of a store, made with SQLite's online backup API (safe while it is open).

Backups live in `backups_dir_for(store)` as `<stem>-<UTC yyyymmddThhmmssmmmZ>-<reason>.sqlite`
(the migration backups written by `database.migrate`, `<stem>-before-migration-<rev>-<stamp>.sqlite`,
are listed too). Each backup is a self-contained file (rollback-journal mode, no -wal), written
to a temporary name, checked with `PRAGMA quick_check`, fsynced and then renamed, so a backup
that exists is complete. A store that fails its check is not backed up (that would push good
backups out of the rotation); restore it instead.

Typical calls: `maybe_daily_backup(path)` at start, `backup_now(path, "manual")` on demand,
`restore_backup(path, newest_good_backup(path).path)` to go back. No Qt here.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

from editor_app.store.damaged import (
    SQLITE_MAGIC,
    check_integrity,
    connect_read_only,
    fsync_dir,
    move_aside,
    side_files,
)
from editor_app.store.errors import StoreError
from editor_app.store.paths import BACKUP_NAME, MIGRATION_BACKUP_NAME, backups_dir_for

_STAMP_FMT = "%Y%m%dT%H%M%S"
_OURS = BACKUP_NAME
_MIGRATION = MIGRATION_BACKUP_NAME
MIGRATION_REASON = "before-migration"
KEEP_MIGRATION_DAYS = 30


class BackupError(StoreError):
    """A backup could not be made or restored; the store itself has not been changed."""


@dataclass
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int
    stem: str = field(default="", repr=False)

    @cached_property
    def check(self) -> tuple[bool, str]:
        return check_integrity(self.path, full=True)

    @property
    def ok(self) -> bool:
        """Full `PRAGMA integrity_check` of the copy, run on first access only."""
        return self.check[0]

    @property
    def is_migration(self) -> bool:
        return self.reason.startswith(MIGRATION_REASON)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def parse_backup_name(path: Path) -> BackupInfo | None:
    m = _OURS.match(path.name)
    try:
        if m and not _MIGRATION.match(path.name):
            created = datetime.strptime(m["ts"], _STAMP_FMT).replace(tzinfo=UTC, microsecond=int(m["ms"] or 0) * 1000)
            stem, reason = m["stem"], m["reason"]
        elif m := _MIGRATION.match(path.name):
            created = datetime.strptime(m["ts"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
            stem, reason = m["stem"], f"{MIGRATION_REASON}-{m['rev']}"
        else:
            return None
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path=path, created_at=created, reason=reason, size=size, stem=stem)


def _scan(backups_dir: Path, stem: str | None = None) -> list[BackupInfo]:
    if not backups_dir.is_dir():
        return []
    found = [info for p in backups_dir.glob("*.sqlite") if (info := parse_backup_name(p))]
    if stem is not None:
        found = [b for b in found if b.stem == stem]
    found.sort(key=lambda b: (b.created_at, b.path.name), reverse=True)
    return found


def list_backups(store_path: Path) -> list[BackupInfo]:
    """Backups of this store, newest first (`ok` is checked lazily, on access)."""
    store_path = Path(store_path)
    return _scan(backups_dir_for(store_path), store_path.stem)


def newest_good_backup(store_path: Path) -> BackupInfo | None:
    """The newest backup that passes `PRAGMA integrity_check` (older ones are tried in turn)."""
    for info in list_backups(store_path):
        if info.size and info.ok:
            return info
    return None


def _clean_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return cleaned or "manual"


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows needs write access
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_now(store_path: Path, reason: str = "manual", *, now: datetime | None = None) -> Path:
    """Copy the store (consistently, even while it is being written) into its backups folder."""
    store_path = Path(store_path)
    if not store_path.is_file():
        raise BackupError(f"{store_path} does not exist; there is nothing to back up.")
    if store_path.stat().st_size == 0:
        raise BackupError(f"{store_path} is empty; there is nothing to back up.")
    with store_path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{store_path} is not an SQLite database; it was not backed up.")
    folder = backups_dir_for(store_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"The backups folder {folder} cannot be created ({exc.strerror}).") from exc
    when = _now(now)
    stamp = when.strftime(_STAMP_FMT) + f"{when.microsecond // 1000:03d}Z"
    base = f"{store_path.stem}-{stamp}-{_clean_reason(reason)}"
    dest = folder / f"{base}.sqlite"
    n = 2
    while dest.exists():
        dest = folder / f"{base}-{n}.sqlite"
        n += 1
    tmp = folder / f".{dest.name}.partial-{os.getpid()}"
    try:
        src = connect_read_only(store_path, timeout=10)
        try:
            target = sqlite3.connect(tmp, isolation_level=None)
            try:
                src.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                rows = [r[0] for r in target.execute("PRAGMA quick_check(5)")]
            finally:
                target.close()
        finally:
            src.close()
        if rows != ["ok"]:
            raise BackupError(
                f"{store_path} failed its integrity check ({'; '.join(rows)}); "
                "it was not backed up. Restore it from an earlier backup."
            )
        _fsync_file(tmp)
        os.replace(tmp, dest)
        fsync_dir(folder)
    except sqlite3.Error as exc:
        raise BackupError(
            f"{store_path} could not be backed up ({exc}); it may be damaged: check it with `editor-app check-store`."
        ) from exc
    except OSError as exc:
        raise BackupError(f"The backup of {store_path} could not be written: {exc}.") from exc
    finally:
        for leftover in (tmp, *side_files(tmp)):
            leftover.unlink(missing_ok=True)
    return dest


def rotate(
    backups_dir: Path,
    keep_daily: int = 7,
    keep_weekly: int = 4,
    keep_monthly: int = 6,
    *,
    keep_all_within: timedelta = timedelta(hours=24),
    now: datetime | None = None,
    dry_run: bool = False,
) -> list[Path]:
    """Thin out old backups (grandfather-father-son, by age); returns the deleted paths.

    For each store in the folder, keeps the newest backup of each of the last `keep_daily`
    days, of each of the last `keep_weekly` weeks and of each of the last `keep_monthly`
    months (UTC calendar periods), and every backup younger than `keep_all_within` (so a
    manual backup is never thinned out the moment it is made). Never deletes the newest
    backup, a migration backup younger than 30 days, or a file it does not recognise.
    """
    today = _now(now)
    deleted: list[Path] = []
    by_stem: dict[str, list[BackupInfo]] = {}
    for info in _scan(Path(backups_dir)):
        by_stem.setdefault(info.stem, []).append(info)
    this_month = today.year * 12 + today.month
    this_week = today.date() - timedelta(days=today.weekday())
    for infos in by_stem.values():  # newest first
        keep: set[Path] = {infos[0].path}
        seen_day: set[object] = set()
        seen_week: set[object] = set()
        seen_month: set[object] = set()
        for info in infos:
            c = info.created_at
            day = c.date()
            week = day - timedelta(days=day.weekday())
            month = c.year * 12 + c.month
            if (today.date() - day).days < keep_daily and day not in seen_day:
                seen_day.add(day)
                keep.add(info.path)
            if (this_week - week).days // 7 < keep_weekly and week not in seen_week:
                seen_week.add(week)
                keep.add(info.path)
            if this_month - month < keep_monthly and month not in seen_month:
                seen_month.add(month)
                keep.add(info.path)
            if today - c < keep_all_within:
                keep.add(info.path)
            if info.is_migration and today - c < timedelta(days=KEEP_MIGRATION_DAYS):
                keep.add(info.path)
        for info in infos:
            if info.path not in keep:
                if not dry_run:
                    try:
                        info.path.unlink()
                    except OSError:
                        continue
                deleted.append(info.path)
    return deleted


def maybe_daily_backup(store_path: Path, *, now: datetime | None = None) -> Path | None:
    """At start: back up unless this store already has a backup from today (UTC); then rotate.

    Returns the new backup, or None when none was needed or the store is new or empty. Raises
    BackupError when the store cannot be backed up (for example because it is damaged).
    """
    store_path = Path(store_path)
    if not store_path.is_file() or store_path.stat().st_size == 0:
        return None
    when = _now(now)
    newest = next(iter(list_backups(store_path)), None)
    if newest is not None and newest.created_at.date() == when.date():
        return None
    made = backup_now(store_path, "daily", now=when)
    rotate(backups_dir_for(store_path), now=when)
    return made


def restore_backup(store_path: Path, backup_path: Path, *, lock: object | None = None) -> Path | None:
    """Put `backup_path` in place of the store; returns where the previous file went.

    The current file is backed up first (reason `before-restore`) when it is readable, or
    moved aside as `<name>.damaged-<stamp>` when it is not; None is returned when there was no
    current file. The store must not be open for writing anywhere: pass the `StoreLock` you
    hold, or the lock is taken here (BackupError if another process holds it). Close your own
    `Store` first. The copy is written next to the store and renamed over it atomically.
    """
    from editor_app.store.lock import StoreLock

    store_path = Path(store_path)
    backup_path = Path(backup_path)
    ok, detail = check_integrity(backup_path, full=True)
    if not ok:
        raise BackupError(f"The backup {backup_path} is not usable ({detail}); nothing was changed.")
    own_lock = None
    if lock is None or not getattr(lock, "held", False):
        own_lock = StoreLock(store_path)
        if not own_lock.acquire():
            holder = own_lock.holder()
            raise BackupError(
                f"{store_path} is open in another editor_app ({holder.describe() if holder else 'unknown'}); "
                "close it before restoring."
            )
    try:
        store_path.parent.mkdir(parents=True, exist_ok=True)
        previous: Path | None = None
        if store_path.exists() and (store_path.stat().st_size or side_files(store_path)):
            try:
                previous = backup_now(store_path, "before-restore")
                _checkpoint_and_drop_wal(store_path)
            except (BackupError, sqlite3.Error, OSError):
                previous = move_aside(store_path)
        elif store_path.exists():
            previous = move_aside(store_path)  # an empty file: keep it anyway, never delete
        tmp = store_path.with_name(f".{store_path.name}.restore-{os.getpid()}")
        try:
            shutil.copyfile(backup_path, tmp)
            _fsync_file(tmp)
            for side in side_files(store_path):  # stale WAL would be replayed onto the new file
                side.unlink()
            os.replace(tmp, store_path)
            fsync_dir(store_path.parent)
        finally:
            tmp.unlink(missing_ok=True)
        return previous
    finally:
        if own_lock is not None:
            own_lock.release()


def _checkpoint_and_drop_wal(store_path: Path) -> None:
    """Fold the WAL into the file and close, so no -wal/-shm is left to pair with the new file."""
    conn = sqlite3.connect(store_path, timeout=5, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
