"""Desk settings in the store, article canonical URL and tags, and migration 0005_export."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.settings import DeskSettings
from editor_app.services.opening import open_store
from editor_app.store.database import MIGRATIONS_DIR, create_store_engine
from editor_app.store.settings import SettingsStore


def test_settings_default_then_round_trip(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    try:
        settings = SettingsStore(store)
        first = settings.load()
        assert first == DeskSettings() and first.language == "en" and first.user  # OS user by default
        saved = DeskSettings(
            publisher="Example News",
            site_base_url="https://news.example.com/a",
            desk_user="Desk One",
            language="de-CH",
            twitter_site="examplenews",
        )
        settings.save(saved)
        again = SettingsStore(store).load()
        assert again == saved
        assert again.user == "Desk One" and again.lang == "de-CH" and again.twitter_handle == "@examplenews"
        assert again.canonical_url("story") == "https://news.example.com/a/story.html"
        assert again.canonical_url("story", "https://other.example/x") == "https://other.example/x"
        with pytest.raises(ValueError, match="http"):
            settings.save(DeskSettings(site_base_url="javascript:alert(1)"))
        assert SettingsStore(store).load() == saved  # a refused save changed nothing
    finally:
        store.close()


def test_article_tags_and_canonical_url(tmp_path: Path):
    store = open_store(tmp_path / "t.sqlite", seed_sample=False)
    try:
        a = store.create(title="Tagged")
        assert a.tags == [] and a.canonical_url == ""
        change = store.save(a.id, tags=["#EV", "ev", " electric  vehicles "], canonical_url="https://x.example/t")
        assert change.fields == {"tags", "canonical_url"}
        assert store.get(a.id).tags == ["EV", "electric vehicles"]
        assert store.save(a.id, tags='["EV", "electric vehicles"]').fields == frozenset()  # JSON text accepted
        assert store.save(a.id, tags="Autos, EV").article.tags == ["Autos", "EV"]
        with pytest.raises(ValueError, match="canonical"):
            store.save(a.id, canonical_url="vbscript:x")
        assert store.save(a.id, title="Tagged 2").article.tags == ["Autos", "EV"]  # other saves keep them
    finally:
        store.close()


def test_migration_from_0004_keeps_articles_and_search(tmp_path: Path):
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "old.sqlite"
    engine = create_store_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004_review")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO articles (title, dek, byline, slug, slug_locked, body, status, created_at, "
            "updated_at) VALUES ('Old story', '', '', 'old-story', 0, 'Ford held talks.', 'draft', "
            "'2026-01-01', '2026-01-01')"
        )
    engine.dispose()
    store = open_store(path)
    try:
        (summary,) = store.list_summaries()
        old = store.get(summary.id)
        assert old.title == "Old story" and old.tags == [] and old.canonical_url == ""
        store.save(old.id, body="Xiaomi denied the talks.", tags=["EV"])
        with store.engine.connect() as conn:
            hits = conn.exec_driver_sql("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'xiaomi'").fetchall()
            assert hits == [(old.id,)]  # the FTS triggers survived the new columns
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            assert "desk_settings" in tables
    finally:
        store.close()
    # and back down: the columns and the table go, the article stays
    engine = create_store_engine(path)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004_review")
    with engine.connect() as conn:
        cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(articles)")}
        assert "tags" not in cols and "canonical_url" not in cols
        assert conn.exec_driver_sql("SELECT title FROM articles").fetchall() == [("Old story",)]
    engine.dispose()
