"""Damaged, locked, read-only and full stores: a clear diagnosis, never made worse, saving resumes."""

from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import event

from editor_app.services.opening import open_store
from editor_app.store import damaged
from editor_app.store.damaged import diagnose, move_aside
from editor_app.store.errors import NotADatabaseError, StoreLockedError, StoreReadOnlyError, StoreWriteError
from editor_app.store.readonly import SchemaMismatchError, open_read_only


def make_store(path: Path, articles: int = 1) -> list[int]:
    store = open_store(path, seed_sample=False)
    try:
        return [store.create(title=f"Article {i}", body=f"Body {i} " * 300).id for i in range(articles)]
    finally:
        store.close()


# -- real damaged files ---------------------------------------------------------------------


def _random_bytes(path: Path, tmp: Path) -> None:
    path.write_bytes(os.urandom(16384))


def _truncated(path: Path, tmp: Path) -> None:
    good = tmp / "good.sqlite"
    make_store(good, 40)
    path.write_bytes(good.read_bytes()[:2048])


def _garbage_page(path: Path, tmp: Path) -> None:
    make_store(path, 60)
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek((size // 4096 // 2) * 4096)
        fh.write(os.urandom(4096))


def _zip(path: Path, tmp: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>" * 200)
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize(
    ("make", "kind", "words"),
    [
        (_random_bytes, "not_sqlite", "SQLite header"),
        (_truncated, "truncated", "cut short"),
        (_garbage_page, "corrupt", "damaged"),
        (_zip, "not_sqlite", "ZIP"),
    ],
)
def test_damaged_files_are_diagnosed_and_never_changed(tmp_path: Path, make, kind: str, words: str):
    path = tmp_path / "store.sqlite"
    make(path, tmp_path)
    before = path.read_bytes()
    diag = diagnose(path)
    assert diag.kind == kind and diag.damaged
    assert words.lower() in diag.detail.lower()
    if kind != "corrupt":  # a page of garbage may sit where opening does not look
        with pytest.raises(NotADatabaseError):
            open_store(path)
    assert path.read_bytes() == before
    # A read-only look at a WAL-mode file may leave an empty -wal/-shm beside it: nothing more.
    assert all(p.stat().st_size == 0 for p in damaged.side_files(path) if p.name.endswith("-wal"))


def test_a_corrupt_store_can_be_opened_but_fails_its_check(tmp_path: Path):
    path = tmp_path / "store.sqlite"
    _garbage_page(path, tmp_path)
    ok, detail = damaged.check_integrity(path, full=True)
    assert not ok and detail


def test_zero_byte_file_becomes_a_new_store(tmp_path: Path):
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"")
    assert diagnose(path).kind == "ok"
    store = open_store(path)
    try:
        assert store.count() == 1  # the sample article
    finally:
        store.close()


def test_missing_folder_missing_file_and_healthy_store(tmp_path: Path):
    assert diagnose(tmp_path / "nope" / "s.sqlite").kind == "missing_folder"
    assert diagnose(tmp_path / "s.sqlite").kind == "ok"
    make_store(tmp_path / "s.sqlite")
    diag = diagnose(tmp_path / "s.sqlite")
    assert diag.ok and diag.detail == "the store is healthy"
    assert diagnose(tmp_path).kind == "not_sqlite"  # a folder


def test_locked_store_is_diagnosed_as_locked(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        diag = diagnose(path, busy_timeout=0.1)
        assert diag.kind == "locked", diag
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert diagnose(path).ok


def test_read_only_store_is_diagnosed_as_readonly(tmp_path: Path, monkeypatch):
    path = tmp_path / "s.sqlite"
    make_store(path)
    # As root, permissions do not stop writes: the write probe really opens it read-only.
    monkeypatch.setattr(
        damaged,
        "_open_rw",
        lambda p, t: sqlite3.connect(damaged.sqlite_uri(p, mode="ro"), uri=True, timeout=t, isolation_level=None),
    )
    before = path.read_bytes()
    diag = diagnose(path)
    assert diag.kind == "readonly", diag
    assert path.read_bytes() == before


def test_move_aside_keeps_wal_paired_and_never_overwrites(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"main")
    Path(f"{path}-wal").write_bytes(b"wal")
    Path(f"{path}-shm").write_bytes(b"shm")
    first = move_aside(path)
    assert first.name.startswith("s.sqlite.damaged-") and first.name.endswith("Z")
    assert first.read_bytes() == b"main"
    assert Path(f"{first}-wal").read_bytes() == b"wal" and Path(f"{first}-shm").read_bytes() == b"shm"
    assert not path.exists() and not damaged.side_files(path)
    path.write_bytes(b"second")
    second = move_aside(path, now=None)
    assert second != first and second.read_bytes() == b"second" and first.read_bytes() == b"main"


# -- full, locked, read-only while saving -----------------------------------------------------


def test_disk_full_keeps_previous_content_and_saving_resumes(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    (aid,) = make_store(path)
    store = open_store(path)
    limit = {"on": True}

    @event.listens_for(store.engine, "connect")
    def cap(dbapi_conn, _rec):
        if limit["on"]:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    store.engine.dispose()
    try:
        before = store.get(aid).body
        with pytest.raises(StoreWriteError, match="full"):
            store.save(aid, body="x" * 2_000_000)
        assert store.get(aid).body == before
        limit["on"] = False
        store.engine.dispose()
        store.save(aid, body="x" * 2_000_000)  # room again: the same save succeeds
    finally:
        store.close()
    again = open_store(path)
    try:
        assert again.get(aid).body == "x" * 2_000_000
    finally:
        again.close()
    assert damaged.check_integrity(path, full=True)[0]


def test_locked_by_another_connection_raises_store_locked(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    (aid,) = make_store(path)
    store = open_store(path)

    @event.listens_for(store.engine, "connect")
    def short_timeout(dbapi_conn, _rec):
        dbapi_conn.execute("PRAGMA busy_timeout=200")

    store.engine.dispose()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreLockedError, match="locked by another program"):
            store.save(aid, body="while locked")
        other.execute("ROLLBACK")
        store.save(aid, body="after the lock")  # resumes once the other program lets go
        assert store.get(aid).body == "after the lock"
    finally:
        other.close()
        store.close()


def test_read_only_open_refuses_writes_and_sees_the_writer(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    (aid,) = make_store(path)
    writer = open_store(path)
    reader = open_read_only(path)
    try:
        assert reader.read_only
        before = path.read_bytes()
        with pytest.raises(StoreReadOnlyError, match="cannot be written"):
            reader.save(aid, body="nope")
        with pytest.raises(StoreReadOnlyError):
            reader.create(title="nope")
        with pytest.raises(StoreReadOnlyError):
            reader.delete(aid)
        assert path.read_bytes() == before
        writer.save(aid, body="the writer's new text")
        assert reader.get(aid).body == "the writer's new text"
    finally:
        reader.close()
        writer.close()


def test_read_only_open_refuses_other_schema_and_missing_or_foreign_files(tmp_path: Path):
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001_articles')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaMismatchError, match="0001_articles"):
        open_read_only(old)
    with pytest.raises(StoreReadOnlyError, match="does not exist"):
        open_read_only(tmp_path / "missing.sqlite")
    (tmp_path / "z.sqlite").write_bytes(b"PK\x03\x04" * 100)
    with pytest.raises(NotADatabaseError):
        open_read_only(tmp_path / "z.sqlite")
