"""copy-store: a whole library SQLite -> PostgreSQL -> SQLite, and what `show --json` says of it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from editor_app.cli import main
from editor_app.core.article import ArticleStatus
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.comments import CommentStore
from editor_app.store.settings import SettingsStore
from editor_app.store.sources import SourceStore
from editor_app.store.tickers import TickerTagStore

ROOT = Path(__file__).resolve().parents[2]


def _library(path: Path) -> list[int]:
    """A desk's library: the sample story (claims, responses, stock tags) with sources, comments,
    revisions and status history added, and a second story in the trash."""
    store = open_store(path)  # seeded with the sample story
    try:
        (story,) = store.list_summaries()
        assert ClaimStore(store).list_claims(story.id), "the sample story has claims"
        TickerTagStore(store).add(story.id, symbol="F", mic="XNYS", name="Ford Motor Co")
        SourceStore(store).add_source(story.id, outlet="Example News", title="The report", url="https://example.com/r")
        CommentStore(store).add_comment(
            story.id, "Check the date", "Editor", anchor=(0, 5, store.get(story.id).body[:5])
        )
        body = store.get(story.id).body
        for i in range(3):
            store.save(story.id, body=body + f"\nUpdated {i}. 🚗\n")
        Review(store).change_status(story.id, ArticleStatus.IN_REVIEW, who="Ana Lima")
        second = store.create(title="Markets wrap", body="Stocks rose.")
        store.delete(second.id)  # in the trash: copied too
        settings = SettingsStore(store)
        settings.save(replace(settings.load(), publisher="Desk Daily"))
        return [story.id, second.id]
    finally:
        store.close()


def _show(db: str | Path, article_id: int, capsys) -> dict:
    assert main(["--db", str(db), "show", str(article_id), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_round_trip_sqlite_postgresql_sqlite_shows_the_same(tmp_path: Path, pg_url: str, capsys):
    first = tmp_path / "desk.sqlite"
    ids = _library(first)
    before = [_show(first, i, capsys) for i in ids[:1]]
    assert main(["copy-store", str(first), pg_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"]["articles"] == 2 and report["rows"]["revisions"] >= 1
    assert [_show(pg_url, i, capsys) for i in ids[:1]] == before
    back = tmp_path / "back.sqlite"
    assert main(["copy-store", pg_url, str(back)]) == 0
    assert "checked them" in capsys.readouterr().out
    assert [_show(back, i, capsys) for i in ids[:1]] == before
    store = open_store(back)
    try:
        assert store.get(ids[1]).deleted_at is not None  # the trash came along
        assert SettingsStore(store).load().publisher == "Desk Daily"
        made = store.create(title="Written after the copy")  # ids continue after the copied ones
        assert made.id > max(ids)
    finally:
        store.close()
    server = open_store(pg_url)
    try:
        assert server.create(title="New on the server").id > max(ids)
    finally:
        server.close()


def test_a_non_empty_target_is_refused_without_merge_then_merged(tmp_path: Path, pg_url: str, capsys):
    src = tmp_path / "a.sqlite"
    _library(src)
    target = open_store(pg_url, seed_sample=False)
    mine = target.create(title=open_store(src).get(1).title)  # the same slug as the source's story
    target.close()
    assert main(["copy-store", str(src), pg_url]) == 2
    err = capsys.readouterr().err
    assert "already holds 1 article" in err and "--merge" in err
    target = open_store(pg_url, seed_sample=False)
    assert [s.id for s in target.list_summaries()] == [mine.id]  # nothing was copied
    target.close()
    assert main(["copy-store", str(src), pg_url, "--merge", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["merged"] and report["renamed_slugs"] == [[mine.slug, mine.slug + "-2"]]
    target = open_store(pg_url, seed_sample=False)
    try:
        titles = [s.title for s in target.list_summaries()]
        assert titles == [mine.title, mine.title]  # the trashed story is not listed
        copied = next(s for s in target.list_summaries() if s.id != mine.id)
        source_claims = ClaimStore(open_store(src)).list_claims(1)
        claims = ClaimStore(target).list_claims(copied.id)
        assert [(c.key, c.effective.status, len(c.responses)) for c in claims] == [
            (c.key, c.effective.status, len(c.responses)) for c in source_claims
        ]
        assert [t.symbol for t in TickerTagStore(target).list_tags(copied.id)] == [
            t.symbol for t in TickerTagStore(open_store(src)).list_tags(1)
        ]
    finally:
        target.close()


def test_an_unreachable_server_is_one_clear_line(tmp_path: Path, capsys):
    assert main(["--db", "postgresql://nobody@127.0.0.1:1/desk", "list"]) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "Nothing was changed" in err
    assert "Traceback" not in err
