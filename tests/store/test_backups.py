"""Backups: consistent copies with SQLite's backup API, rotation by age, restore that keeps the old file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from editor_app.store.backups import (
    BackupError,
    backup_now,
    list_backups,
    maybe_daily_backup,
    newest_good_backup,
    parse_backup_name,
    restore_backup,
    rotate,
)
from editor_app.store.damaged import check_integrity
from editor_app.store.lock import StoreLock
from editor_app.store.paths import backups_dir_for

NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)


def make_store(path: Path, body: str = "first version") -> int:
    store = open_store(path, seed_sample=False)
    try:
        return store.create(title="Backup me", body=body).id
    finally:
        store.close()


def body_of(path: Path, article_id: int) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT body FROM articles WHERE id=?", (article_id,)).fetchone()[0]
    finally:
        conn.close()


def test_backup_now_is_a_complete_self_contained_copy(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    aid = make_store(path)
    store = open_store(path)
    try:
        store.save(aid, body="committed, still only in the WAL")
        assert Path(str(path) + "-wal").exists()
        made = backup_now(path, "Manual / test", now=NOW)
    finally:
        store.close()
    assert made.parent == backups_dir_for(path)
    assert made.name == "s-20250615T120000000Z-manual-test.sqlite"
    assert not Path(str(made) + "-wal").exists()
    assert body_of(made, aid) == "committed, still only in the WAL"
    assert check_integrity(made, full=True) == (True, "ok")
    assert not [p for p in made.parent.iterdir() if "partial" in p.name]
    again = backup_now(path, "manual", now=NOW)  # same millisecond: a new name, never a replacement
    assert again != made and again.exists() and made.exists()


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a database" * 50])
def test_backup_refuses_empty_or_foreign_files(tmp_path: Path, content: bytes):
    path = tmp_path / "s.sqlite"
    path.write_bytes(content)
    with pytest.raises(BackupError):
        backup_now(path)
    assert path.read_bytes() == content


def test_backup_refuses_a_corrupt_store(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    _corrupt_store(path)
    with pytest.raises(BackupError, match=r"integrity|damaged"):
        backup_now(path)
    assert not list(backups_dir_for(path).glob("*.sqlite"))


def _corrupt_store(path: Path) -> None:
    store = open_store(path, seed_sample=False)
    for i in range(60):
        store.create(title=f"Article {i}", body=f"Body {i} " * 300)
    store.close()
    size = path.stat().st_size
    page = 4096
    with path.open("r+b") as fh:
        fh.seek((size // page // 2) * page)
        fh.write(os.urandom(page))


def test_list_backups_newest_first_with_lazy_integrity(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    aid = make_store(path)
    old = backup_now(path, "daily", now=NOW - timedelta(days=2))
    new = backup_now(path, "manual", now=NOW)
    migration = backups_dir_for(path) / "s-before-migration-0002_claims-20250614-080000.sqlite"
    shutil.copyfile(old, migration)
    (backups_dir_for(path) / "notes.txt").write_text("not a backup")
    (backups_dir_for(path) / "other-20250615T120000000Z-daily.sqlite").write_bytes(b"")  # another store
    infos = list_backups(path)
    assert [i.path for i in infos] == [new, migration, old]
    assert [i.reason for i in infos] == ["manual", "before-migration-0002_claims", "daily"]
    assert infos[1].is_migration
    assert "check" not in vars(infos[0])  # nothing checked yet
    assert infos[0].ok and "check" in vars(infos[0])
    assert infos[0].created_at == NOW and infos[0].size == new.stat().st_size
    assert body_of(infos[0].path, aid) == "first version"


def test_newest_good_backup_skips_damaged_ones(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    good = backup_now(path, "daily", now=NOW - timedelta(days=1))
    bad = backup_now(path, "manual", now=NOW)
    data = bytearray(bad.read_bytes())
    data[4096 * 2 : 4096 * 3] = os.urandom(4096)
    bad.write_bytes(bytes(data))
    info = newest_good_backup(path)
    assert info is not None and info.path == good
    assert not list_backups(path)[0].ok


def _fake_backups(folder: Path, stem: str, times: list[datetime], reason: str = "daily") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for t in times:
        p = folder / f"{stem}-{t:%Y%m%dT%H%M%S}000Z-{reason}.sqlite"
        p.write_bytes(b"x")
        assert parse_backup_name(p) is not None
        out.append(p)
    return out


def test_rotate_keeps_7_daily_4_weekly_6_monthly(tmp_path: Path):
    folder = tmp_path / "backups"
    times = [NOW - timedelta(days=d, hours=h) for d in range(400) for h in (1, 13)]
    _fake_backups(folder, "s", times)
    deleted = rotate(folder, now=NOW)
    kept = sorted(parse_backup_name(p).created_at for p in folder.glob("*.sqlite"))
    assert len(kept) + len(deleted) == len(times)
    assert len(kept) <= 1 + 7 + 4 + 6
    days = {k.date() for k in kept}
    for d in range(7):  # one backup for each of the last 7 days (the newest of the day)
        assert (NOW - timedelta(days=d)).date() in days
    assert NOW - timedelta(hours=1) in kept  # the newest
    assert min(kept) > NOW - timedelta(days=31 * 6)
    months = {(k.year, k.month) for k in kept}
    assert len(months) == 6
    weeks = {(k.date() - timedelta(days=k.weekday())) for k in kept}
    assert len(weeks) >= 4
    # Rotation is stable: running it again deletes nothing.
    assert rotate(folder, now=NOW) == []


def test_rotate_never_deletes_newest_recent_migration_or_unknown_files(tmp_path: Path):
    folder = tmp_path / "backups"
    (newest,) = _fake_backups(folder, "s", [NOW - timedelta(days=800)])
    assert rotate(folder, now=NOW) == []  # a lone, very old backup is still the newest
    migration_recent = folder / f"s-before-migration-0003_tickers-{NOW - timedelta(days=20):%Y%m%d-%H%M%S}.sqlite"
    migration_old = folder / f"s-before-migration-0002_claims-{NOW - timedelta(days=700):%Y%m%d-%H%M%S}.sqlite"
    for p in (migration_recent, migration_old):
        p.write_bytes(b"x")
    _fake_backups(folder, "s", [NOW - timedelta(days=20, hours=1), NOW - timedelta(hours=2)])
    stray = folder / "keep-me.sqlite"
    stray.write_bytes(b"x")
    deleted = rotate(folder, now=NOW)
    assert migration_recent.exists() and stray.exists()
    assert migration_old in deleted and newest in deleted


def test_rotate_keeps_everything_from_the_last_day_and_each_store_separately(tmp_path: Path):
    folder = tmp_path / "backups"
    recent = _fake_backups(folder, "a", [NOW - timedelta(minutes=m) for m in (1, 5, 60, 600)])
    other = _fake_backups(folder, "b", [NOW - timedelta(days=300)])
    assert rotate(folder, now=NOW) == []
    assert all(p.exists() for p in recent + other)


def test_maybe_daily_backup_at_most_once_a_day(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    assert maybe_daily_backup(path, now=NOW) is None  # no store yet
    make_store(path)
    first = maybe_daily_backup(path, now=NOW)
    assert first is not None and "daily" in first.name
    assert maybe_daily_backup(path, now=NOW + timedelta(hours=5)) is None
    second = maybe_daily_backup(path, now=NOW + timedelta(days=1))
    assert second is not None and second != first
    assert len(list_backups(path)) == 2


def test_restore_backs_up_current_and_drops_stale_wal(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    aid = make_store(path, "version A")
    backup = backup_now(path, "manual", now=NOW)
    # Leave the store as a crash would: version B committed, but only in the -wal file.
    crashed = tmp_path / "c.sqlite"
    store = open_store(path)
    store.save(aid, body="version B")
    shutil.copyfile(path, crashed)
    shutil.copyfile(str(path) + "-wal", str(crashed) + "-wal")
    store.close()
    previous = restore_backup(crashed, backup)
    assert previous is not None and "before-restore" in previous.name
    assert body_of(previous, aid) == "version B"
    assert not Path(str(crashed) + "-wal").exists()
    assert check_integrity(crashed, full=True)[0]
    reopened = open_store(crashed)
    try:
        assert reopened.get(aid).body == "version A"
        reopened.save(aid, body="version C")  # and it is a working store again
    finally:
        reopened.close()
    assert not [p for p in tmp_path.iterdir() if ".restore-" in p.name]


def test_restore_moves_a_damaged_store_aside(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    aid = make_store(path, "good text")
    backup = backup_now(path, now=NOW)
    garbage = os.urandom(8192)
    path.write_bytes(garbage)
    previous = restore_backup(path, backup)
    assert previous is not None and previous.name.startswith("s.sqlite.damaged-")
    assert previous.read_bytes() == garbage
    assert body_of(path, aid) == "good text"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = path.read_bytes()
    with pytest.raises(BackupError, match="not usable"):
        restore_backup(path, bad)
    assert path.read_bytes() == before
    assert list_backups(path) == []


def test_restore_refuses_while_another_process_holds_the_store(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    backup = backup_now(path, now=NOW)
    code = textwrap.dedent("""
        import sys, time
        from editor_app.store.lock import StoreLock
        lock = StoreLock(sys.argv[1]); assert lock.acquire(); print("HELD", flush=True); time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "HELD"
        with pytest.raises(BackupError, match="open in another editor_app"):
            restore_backup(path, backup)
    finally:
        child.kill()
        child.wait()
    # Our own lock, passed in, is used rather than fought with.
    lock = StoreLock(path)
    assert lock.acquire()
    try:
        assert restore_backup(path, backup, lock=lock) is not None
    finally:
        lock.release()


def test_check_integrity(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    assert check_integrity(path) == (True, "ok")
    assert check_integrity(tmp_path / "missing.sqlite")[0] is False
    (tmp_path / "text.sqlite").write_text("hello")
    assert check_integrity(tmp_path / "text.sqlite") == (False, "not an SQLite database")
    bad = tmp_path / "bad.sqlite"
    _corrupt_store(bad)
    ok, detail = check_integrity(bad)
    assert not ok and detail
