"""Every committed write tells the store's listeners what it changed (the panes refresh on it)."""

from __future__ import annotations

import pytest

from editor_app.core.article import ArticleStatus
from editor_app.core.changes import Changes
from editor_app.core.importer import parse_markdown
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.errors import StoreError
from editor_app.store.importing import import_parsed
from editor_app.store.store import Store
from editor_app.store.tickers import TickerTagStore


@pytest.fixture
def store(store_target):
    s = open_store(store_target, seed_sample=False)
    yield s
    s.close()


@pytest.fixture
def heard(store: Store) -> list[Changes]:
    out: list[Changes] = []
    store.changes.listen(out.append)
    return out


def _one(heard: list[Changes]) -> Changes:
    assert len(heard) == 1, [c.describe() for c in heard]
    return heard.pop()


def test_article_writes_say_which_article_and_fields(store, heard):
    article = store.create(title="Ford denies Xiaomi talks")
    created = _one(heard)
    assert created.library and created.articles == {article.id}
    store.save(article.id, title="Ford and Xiaomi deny talks", body="Both deny it.")
    saved = _one(heard)
    assert {"title", "body"} <= saved.fields and not saved.library and saved.touches(article.id)
    assert not saved.touches(article.id + 1)
    store.delete(article.id)
    assert _one(heard).library
    store.restore(article.id)
    assert _one(heard).library


def test_claims_tags_sources_comments_and_status_are_named(store, heard):
    article = store.create(title="Ford", byline="Ana", body="A report says Ford held talks.")
    heard.clear()
    ClaimStore(store).create(article.id, short="Ford held talks with Xiaomi")
    claims = _one(heard)
    assert claims.claims and not claims.tags and claims.touches(article.id)
    tag = TickerTagStore(store).add(article.id, symbol="F", mic="XNYS", name="Ford Motor")
    assert _one(heard).tags
    TickerTagStore(store).remove(tag.id)
    removed = _one(heard)
    assert removed.tags and removed.articles == {article.id}
    review = Review(store)
    source = review.add_source(article.id, outlet="Reuters", url="https://example.com/ford")
    assert _one(heard).sources
    review.unlink_source(source.id)
    assert _one(heard).sources
    review.add_comment(article.id, "Which report?")
    assert _one(heard).comments
    review.change_status(article.id, ArticleStatus.IN_REVIEW)
    status = _one(heard)
    assert status.status and "status" in status.fields and status.articles == {article.id}


def test_an_import_adds_to_the_library_and_a_failed_write_announces_nothing(store, heard):
    result = import_parsed(store, parse_markdown("# Ford and Xiaomi\n\nBoth deny it.\n", source="ford.md"))
    imported = _one(heard)
    assert imported.library and imported.touches(result.article.id)
    with pytest.raises((StoreError, KeyError, ValueError)):
        ClaimStore(store).create(999_999, short="no such article")
    assert heard == []


def test_changes_merge_and_an_unknown_article_may_be_any():
    merged = Changes(articles=frozenset({1}), tags=True) | Changes(articles=frozenset({2}), claims=True)
    assert merged.tags and merged.claims and merged.articles == {1, 2}
    assert (merged | Changes(articles=None, sources=True)).touches(7)
    assert not Changes() and Changes.all().everything and Changes.all().touches(3)
