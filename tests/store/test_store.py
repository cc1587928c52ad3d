"""The store keeps what a writer typed: round trips through a new engine, migrations, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from editor_app.store.database import HEAD_REVISION, MIGRATIONS_DIR
from editor_app.store.errors import NotADatabaseError, StoreReadOnlyError


def test_new_store_in_missing_folder_gets_sample_article(tmp_path: Path):
    path = tmp_path / "a" / "b" / "store.sqlite"
    store = open_store(path)
    try:
        assert path.exists()
        (sample,) = store.list_summaries()
        body = store.get(sample.id).body
        for needle in ("## ", "- ", "> ", "**", "](https://"):
            assert needle in body
    finally:
        store.close()


def test_round_trip_through_a_new_engine(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    art = store.create(title="Ford denies report")
    change = store.save(art.id, body="Ford said the report was *false*. 🚗 عربى", dek="Dek", byline="Desk")
    assert change.fields == {"body", "dek", "byline"}
    store.close()
    again = open_store(path)
    try:
        got = again.get(art.id)
        assert got.title == "Ford denies report"
        assert got.body == "Ford said the report was *false*. 🚗 عربى"
        assert (got.dek, got.byline, got.slug) == ("Dek", "Desk", "ford-denies-report")
        assert [s.id for s in again.list_summaries()] == [art.id]  # reopened: no second sample
    finally:
        again.close()


def test_slug_follows_title_until_edited_and_stays_unique(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    a = store.create(title="Xiaomi denies talks")
    b = store.create(title="Xiaomi denies talks")
    assert (a.slug, b.slug) == ("xiaomi-denies-talks", "xiaomi-denies-talks-2")
    assert store.save(a.id, title="Ford and Xiaomi deny talks").article.slug == "ford-and-xiaomi-deny-talks"
    assert store.save(a.id, slug="My Own Slug").article.slug == "my-own-slug"
    assert store.save(a.id, title="Another headline").article.slug == "my-own-slug"  # locked now
    assert store.save(b.id, slug="my-own-slug").article.slug == "my-own-slug-2"
    store.close()


def test_lone_surrogate_is_replaced_and_reported(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    a = store.create()
    change = store.save(a.id, body="bad \ud800 char")
    assert change.replaced_surrogates == 1
    assert store.get(a.id).body == "bad \ufffd char"
    store.close()


def test_delete_is_recoverable(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    a = store.create(title="Keep me")
    store.delete(a.id)
    assert store.list_summaries() == []
    assert [s.title for s in store.list_summaries(deleted=True)] == ["Keep me"]
    store.restore(a.id)
    assert [s.title for s in store.list_summaries()] == ["Keep me"]
    store.purge([a.id])  # not in the trash: purge does nothing
    assert store.get(a.id) is not None
    store.close()


def test_not_a_database_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError) as info:
        open_store(path)
    assert "not an editor_app database" in str(info.value)
    assert path.read_bytes() == before


def test_truncated_database_is_refused(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:200])
    with pytest.raises(NotADatabaseError):
        open_store(path)


def test_folder_that_cannot_be_created(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreReadOnlyError):
        open_store(blocker / "sub" / "s.sqlite")


def test_connection_settings(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_savepoints_work(tmp_path: Path):
    """The legacy pysqlite transaction mode would break this; our BEGIN handling must not."""
    from sqlalchemy import text

    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (title, slug, body, created_at, updated_at) "
                "VALUES ('kept', 'kept', '', '2026-01-01', '2026-01-01')"
            )
        )
        nested = conn.begin_nested()
        conn.execute(
            text(
                "INSERT INTO articles (title, slug, body, created_at, updated_at) "
                "VALUES ('rolled', 'rolled', '', '2026-01-01', '2026-01-01')"
            )
        )
        nested.rollback()
    assert [s.title for s in store.list_summaries()] == ["kept"]
    store.close()


def test_head_revision_constant_matches_alembic(tmp_path: Path):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD_REVISION


def test_migration_from_empty_file_and_backup_of_old_schema(tmp_path: Path):
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()  # 0-byte file, as some tools create
    store = open_store(empty)
    assert store.created and store.count() == 1
    store.close()

    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE notes (x TEXT)")  # a store from before migrations existed
    con.commit()
    con.close()
    open_store(old).close()
    backups = list((tmp_path / "backups").glob("old-before-migration-*.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() == [("notes",)]
    con.close()
