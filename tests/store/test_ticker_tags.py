"""Ticker tags in the store: order, roles, dismissals per article, lookups, persistence, cascade;
and front-matter values resolved through the directory (unknown ones reported, never invented)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from editor_app.core.tickers import default_directory
from editor_app.core.tickers.tags import TickerTag, related_stocks_line, resolve_tag_inputs
from editor_app.services.opening import open_store
from editor_app.store.tickers import TickerTagStore


@pytest.fixture(scope="module")
def directory():
    return default_directory()


@pytest.fixture
def store(store_target):
    s = open_store(store_target, seed_sample=False)
    yield s
    s.close()


def _keys(tags: list[TickerTag]) -> list[str]:
    return [t.symbol for t in tags]


def test_add_reorder_set_role_and_remove(store, directory):
    tags = TickerTagStore(store)
    art = store.create(title="Ford and Xiaomi")
    ford = tags.add(art.id, directory.get("F", "XNYS"), role="about")
    assert (ford.symbol, ford.mic, ford.name, ford.exchange, ford.role) == ("F", "XNYS", "Ford Motor", "NYSE", "about")
    xiaomi = tags.add(art.id, directory.get("1810", "XHKG"))
    tesla = tags.add(art.id, symbol="tsla", mic="XNAS", name="Tesla", exchange="Nasdaq")
    assert _keys(tags.list_tags(art.id)) == ["F", "1810", "TSLA"]
    assert [t.position for t in tags.list_tags(art.id)] == [0, 1, 2]
    assert related_stocks_line(tags.list_tags(art.id)) == "Related stocks: NYSE: F, HKEX: 1810, Nasdaq: TSLA"

    assert _keys(tags.move(tesla.id, 0)) == ["TSLA", "F", "1810"]
    assert _keys(tags.move(tesla.id, 99)) == ["F", "1810", "TSLA"]  # clamped to the end
    assert _keys(tags.move(xiaomi.id, 0)) == ["1810", "F", "TSLA"]

    assert tags.set_role(xiaomi.id, "about").role == "about"
    with pytest.raises(ValueError):
        tags.set_role(xiaomi.id, "subject")

    again = tags.add(art.id, directory.get("F", "XNYS"), role="mentions")  # same listing: role updated
    assert again.id == ford.id and again.role == "mentions"
    assert len(tags.list_tags(art.id)) == 3

    assert tags.remove(ford.id).symbol == "F"
    assert tags.remove(ford.id) is None
    left = tags.list_tags(art.id)
    assert _keys(left) == ["1810", "TSLA"] and [t.position for t in left] == [0, 1]
    assert [t.role for t in left] == ["about", "mentions"]


def test_unlisted_tag_is_kept_as_typed(store):
    tags = TickerTagStore(store)
    art = store.create(title="Private co")
    tag = tags.add(art.id, TickerTag.unlisted_tag("acme"))
    assert (tag.symbol, tag.mic, tag.unlisted, tag.notation) == ("ACME", "", True, "ACME")
    assert related_stocks_line(tags.list_tags(art.id)) == "Related stocks: ACME"


def test_dismissals_are_per_article_and_adding_forgets_them(store, directory):
    tags = TickerTagStore(store)
    a = store.create(title="A")
    b = store.create(title="B")
    tags.dismiss(a.id, "F", "XNYS")
    tags.dismiss(a.id, "F", "XNYS")  # idempotent
    tags.dismiss(a.id, "1810", "XHKG")
    assert tags.dismissed(a.id) == {("F", "XNYS"), ("1810", "XHKG")}
    assert tags.dismissed(b.id) == set()
    tags.add(a.id, directory.get("F", "XNYS"))
    assert tags.dismissed(a.id) == {("1810", "XHKG")}
    assert tags.undismiss(a.id, "1810", "XHKG") == 1
    assert tags.dismissed(a.id) == set()


def test_articles_with_and_tag_counts_skip_the_trash(store, directory):
    tags = TickerTagStore(store)
    a = store.create(title="Ford one")
    b = store.create(title="Ford and Xiaomi")
    c = store.create(title="Xiaomi only")
    ford, xiaomi = directory.get("F", "XNYS"), directory.get("1810", "XHKG")
    tags.add(a.id, ford)
    tags.add(b.id, ford)
    tags.add(b.id, xiaomi)
    tags.add(c.id, xiaomi)
    assert {s.id for s in tags.articles_with("F", "XNYS")} == {a.id, b.id}
    assert tags.article_ids_with("1810", "XHKG") == {b.id, c.id}
    assert tags.tag_counts() == [("1810", "XHKG", "Xiaomi", 2), ("F", "XNYS", "Ford Motor", 2)]
    store.delete(c.id)
    assert [s.id for s in tags.articles_with("1810", "XHKG")] == [b.id]
    assert tags.tag_counts() == [("F", "XNYS", "Ford Motor", 2), ("1810", "XHKG", "Xiaomi", 1)]
    assert tags.articles_with("TSLA", "XNAS") == []


def test_tags_and_dismissals_survive_reopening(tmp_path: Path, directory):
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    art = store.create(title="Persist")
    tags = TickerTagStore(store)
    tags.add(art.id, directory.get("1810", "XHKG"), role="about")
    tags.add(art.id, directory.get("F", "XNYS"))
    tags.dismiss(art.id, "TSLA", "XNAS")
    store.close()
    again = open_store(path)
    try:
        reopened = TickerTagStore(again)
        got = reopened.list_tags(art.id)
        assert [(t.symbol, t.mic, t.role) for t in got] == [("1810", "XHKG", "about"), ("F", "XNYS", "mentions")]
        assert reopened.dismissed(art.id) == {("TSLA", "XNAS")}
    finally:
        again.close()


def test_purging_an_article_removes_its_tags_and_dismissals(tmp_path: Path, directory):
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    tags = TickerTagStore(store)
    keep = store.create(title="Keep")
    gone = store.create(title="Gone")
    for art in (keep, gone):
        tags.add(art.id, directory.get("F", "XNYS"))
        tags.dismiss(art.id, "1810", "XHKG")
    store.delete(gone.id)
    store.purge([gone.id])
    assert tags.list_tags(gone.id) == [] and tags.dismissed(gone.id) == set()
    assert len(tags.list_tags(keep.id)) == 1 and tags.dismissed(keep.id) == {("1810", "XHKG")}
    store.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT article_id FROM article_tickers").fetchall() == [(keep.id,)]
        assert con.execute("SELECT article_id FROM ticker_dismissals").fetchall() == [(keep.id,)]
    finally:
        con.close()


def test_one_tag_per_listing_per_article_in_the_schema(tmp_path: Path):
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    art = store.create(title="x")
    TickerTagStore(store).add(art.id, symbol="F", mic="XNYS", name="Ford Motor", exchange="NYSE")
    store.close()
    con = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(
                "INSERT INTO article_tickers (article_id, symbol, mic, name, exchange, role, unlisted, "
                "position, created_at) VALUES (?, 'F', 'XNYS', '', '', 'about', 0, 1, '2026-01-01')",
                (art.id,),
            )
    finally:
        con.close()


def test_tagging_a_missing_article_fails(store, directory):
    with pytest.raises(KeyError):
        TickerTagStore(store).add(12345, directory.get("F", "XNYS"))


def test_front_matter_values_resolve_to_primary_or_explicit_listings(directory):
    tags, errors = resolve_tag_inputs(
        ["F", "1810.HK", "NYSE:F", "$F", "about: TSLA", "3CP.BE", "ZZZQX", "NYSE: ZZZZ", ""], directory
    )
    assert [(t.symbol, t.mic, t.role) for t in tags] == [
        ("F", "XNYS", "mentions"),  # "NYSE:F" and "$F" are the same listing: one tag
        ("1810", "XHKG", "mentions"),
        ("TSLA", "XNAS", "about"),
        ("3CP", "XBER", "mentions"),  # the writer named the Berlin line explicitly
    ]
    assert [t.position for t in tags] == [0, 1, 2, 3]
    assert len(errors) == 3
    assert "ZZZQX" in errors[0] and "ZZZZ" in errors[1] and "empty" in errors[2]
    # a bare symbol that is not a primary line lands on the issuer's primary listing
    assert [(t.symbol, t.mic) for t in resolve_tag_inputs(["FORD"], directory)[0]] == [("F", "XNYS")]


def test_front_matter_mapping_values_and_related_line(directory):
    tags, errors = resolve_tag_inputs(
        [{"symbol": "1810.HK", "role": "about"}, {"symbol": "F", "role": "lead"}], directory
    )
    assert [(t.symbol, t.role) for t in tags] == [("1810", "about")]
    assert errors and "role" in errors[0]
    assert related_stocks_line(tags) == "Related stocks: HKEX: 1810"
    assert related_stocks_line([]) == ""
