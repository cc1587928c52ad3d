"""A target length per article and the words the library shows against it; migration 0009."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.text import word_count
from editor_app.services.opening import open_store
from editor_app.store.database import MIGRATIONS_DIR, create_store_engine
from editor_app.store.library_query import LibraryIndex, LibraryQuery
from editor_app.store.search import check_index, search


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "s.sqlite", seed_sample=False)
    yield s
    s.close()


def _row(store, article_id: int):
    (row,) = LibraryIndex(store).rows([article_id])
    return row


def test_a_target_is_saved_and_read_back_after_reopening(tmp_path: Path):
    path = tmp_path / "t.sqlite"
    store = open_store(path, seed_sample=False)
    a = store.create(title="Port fees", body="The port raised its fees.")
    change = store.save(a.id, word_target="800")
    assert change.article.word_target == 800 and "word_target" in change.fields
    store.close()
    store = open_store(path, seed_sample=False)
    try:
        assert store.get(a.id).word_target == 800
    finally:
        store.close()


@pytest.mark.parametrize("blank", ["", "0", 0, None, "  "])
def test_a_blank_or_zero_target_means_no_target(store, blank):
    a = store.create(body="Text.")
    store.save(a.id, word_target="500")
    assert store.save(a.id, word_target=blank).article.word_target is None
    assert store.get(a.id).word_target is None


@pytest.mark.parametrize("bad", ["-5", "many", "1.5", "2000000"])
def test_a_target_that_is_not_a_number_of_words_is_refused(store, bad):
    a = store.create(body="Text.")
    with pytest.raises(ValueError, match="word target"):
        store.save(a.id, word_target=bad)
    assert store.get(a.id).word_target is None


def test_setting_a_target_keeps_an_approved_article_approved(store):
    from editor_app.core.article import ArticleStatus
    from editor_app.services.review import Review

    review = Review(store)
    a = store.create(title="Fees", body="The port raised its fees.")
    review.change_status(a.id, ArticleStatus.IN_REVIEW, who="ana")
    review.change_status(a.id, ArticleStatus.APPROVED, who="ed", checklist_items=[])
    store.save(a.id, word_target="300")
    assert store.get(a.id).status == ArticleStatus.APPROVED


def test_the_library_shows_words_against_the_target(store):
    a = store.create(title="Fees", body="One two three four.")
    assert _row(store, a.id).words == 4 and _row(store, a.id).words_label == "4"
    store.save(a.id, word_target="1200", body="One two three four five, with a [link](https://example.com/x).")
    row = _row(store, a.id)
    assert row.words == 8 and row.word_target == 1200  # the link target is not words
    assert row.words_label == "8 / 1,200"


def test_the_library_sorts_by_words(store):
    short = store.create(title="Short", body="Two words.")
    long = store.create(title="Long", body="Here are five words.")
    index = LibraryIndex(store)
    assert index.ids(LibraryQuery(sort="words", descending=True)) == [long.id, short.id]
    assert index.ids(LibraryQuery(sort="words", descending=False)) == [short.id, long.id]


def test_words_of_an_article_written_around_the_store_are_counted_for_the_library(store):
    a = store.create(body="Counted once.")
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE articles SET body = 'Now four words here', word_count = NULL WHERE id = ?", (a.id,)
        )
    assert _row(store, a.id).words == 4


def _upgrade(path: Path, revision: str):
    from alembic import command
    from alembic.config import Config

    engine = create_store_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return engine, cfg


def test_migration_from_0008_counts_existing_articles_and_keeps_search(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    engine, _cfg = _upgrade(path, "0008_spelling_words")
    body = "## Harbour\n\nThe harbour board met on Tuesday about the <!--claim c1-->new fees<!--/claim-->."
    with engine.begin() as conn:
        for n in range(3):
            conn.exec_driver_sql(
                "INSERT INTO articles (title, slug, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (f"Old story {n}", f"old-story-{n}", body, "2026-01-01", "2026-01-01"),
            )
    engine.dispose()
    store = open_store(path)
    try:
        ids = [a.id for a in store.list_summaries()]
        rows = LibraryIndex(store).rows(ids)
        assert [r.words for r in rows] == [word_count(body)] * 3
        assert all(r.word_target is None for r in rows)
        assert {h.title for h in search(store, "harbour")} == {"Old story 0", "Old story 1", "Old story 2"}
        assert check_index(store)
    finally:
        store.close()


def test_migration_0009_goes_down_and_up_again(tmp_path: Path):
    from alembic import command

    path = tmp_path / "round.sqlite"
    store = open_store(path, seed_sample=False)
    a = store.create(title="Fees", body="Harbour fees rose.")
    store.save(a.id, word_target="400")
    store.close()
    engine, cfg = _upgrade(path, "head")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008_spelling_words")
    with engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(articles)")}
    assert "word_target" not in columns and "word_count" not in columns
    engine.dispose()
    store = open_store(path)
    try:
        assert store.get(a.id).word_target is None  # the target went with the column
        assert _row(store, a.id).words == 3
        assert [h.title for h in search(store, "harbour")] == ["Fees"]
    finally:
        store.close()
