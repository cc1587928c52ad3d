"""Full-text search: in sync with saves, ranked, snippets, safe with any input, trash left out."""

from __future__ import annotations

import pytest

from editor_app.services.opening import open_store
from editor_app.store.search import check_index, fts_query, rebuild_index, search, search_ids


@pytest.fixture
def store(store_target):
    s = open_store(store_target, seed_sample=False)
    yield s
    s.close()


def test_finds_a_word_saved_a_second_ago_and_forgets_a_deleted_one(store):
    a = store.create(title="Markets", body="Stocks rose.")
    assert search(store, "quetzal") == []
    store.save(a.id, body="Stocks rose. A quetzal flew over the exchange.")
    (hit,) = search(store, "quetzal")
    assert hit.article_id == a.id and "«quetzal»" in hit.snippet
    store.save(a.id, body="Stocks rose.")
    assert search(store, "quetzal") == []
    store.save(a.id, title="Quetzal markets")
    assert [h.article_id for h in search(store, "quetzal")] == [a.id]
    assert check_index(store)


def test_headline_ranks_above_body_and_snippet_shows_the_match(store):
    body_only = store.create(title="Daily wrap", body="Shares were flat. " * 20 + "Xiaomi was mentioned once.")
    in_title = store.create(title="Xiaomi shares jump", body="Shares jumped on Monday.")
    in_dek = store.create(title="Carmakers", dek="Xiaomi enters the EV market", body="Text.")
    hits = search(store, "xiaomi")
    assert [h.article_id for h in hits] == [in_title.id, in_dek.id, body_only.id]
    assert hits[0].rank <= hits[1].rank <= hits[2].rank
    assert "«Xiaomi»" in hits[2].snippet and hits[2].snippet.startswith("…")
    assert search(store, "xiaomi", limit=1)[0].article_id == in_title.id


def test_diacritics_prefixes_phrases_or_not(store):
    a = store.create(title="Société Générale results", body="Profit at the French bank rose sharply.")
    b = store.create(title="Bank profits", body="Profits rose at the bank, not sharply.")
    assert [h.article_id for h in search(store, "societe generale")] == [a.id]
    assert {h.article_id for h in search(store, "prof*")} == {a.id, b.id}
    assert [h.article_id for h in search(store, '"rose sharply"')] == [a.id]
    assert {h.article_id for h in search(store, "societe OR profits")} == {a.id, b.id}
    assert [h.article_id for h in search(store, "bank NOT societe")] == [b.id]
    assert search(store, "bank sharply quetzal") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND OR",
        "*",
        "NEAR(",
        "NEAR(a b",
        "a OR",
        "NOT",
        "(",
        ")",
        "^x",
        "col:umn",
        '""',
        "'",
        "a AND",
        "-",
        "+",
        "\\",
        "x'y\"z",
        "   ",
        "🙂",
        "title:bank",
        "{title}: bank",
        "bank*  *",
        "** bank",
    ],
)
def test_hostile_queries_never_raise(store, query):
    store.create(title="Bank profits", body="NEAR the bank, AND or OR profits.")
    hits = search(store, query)
    assert isinstance(hits, list)
    search_ids(store, query)


def test_query_sanitising():
    assert fts_query("ford xiaomi") == '"ford" "xiaomi"'
    assert fts_query('batt* "electric car"') == '"batt"* "electric car"'
    assert fts_query("a OR b NOT c AND d") == '"a" OR "b" NOT "c" "d"'
    assert fts_query('OR a"b NOT') == '"ab"'
    assert fts_query("NEAR(x y)") == '"NEAR(x" "y"'  # a phrase "near x", never the NEAR operator
    assert fts_query("* ( ) ^") == ""


def test_deleted_articles_are_left_out_and_purge_keeps_index_consistent(store):
    a = store.create(title="Walrus report", body="Walrus.")
    b = store.create(title="Walrus update", body="More walrus.")
    store.delete(a.id)
    assert [h.article_id for h in search(store, "walrus")] == [b.id]
    store.restore(a.id)
    assert {h.article_id for h in search(store, "walrus")} == {a.id, b.id}
    store.delete(a.id)
    store.purge([a.id])
    assert search_ids(store, "walrus") == [b.id]
    assert check_index(store)
    rebuild_index(store)
    assert search_ids(store, "walrus") == [b.id]
