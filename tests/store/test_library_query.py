"""LibraryIndex: filters, sort orders, counts of claims (by status), stocks and open comments,
full-text search with snippets; data written through the real stores."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from editor_app.core.article import ArticleStatus
from editor_app.core.claims import Response, Stance
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.library_query import LibraryIndex, LibraryQuery
from editor_app.store.store import Store
from editor_app.store.tickers import TickerTagStore


@pytest.fixture
def store(store_target):
    s = open_store(store_target, seed_sample=False)
    yield s
    s.close()


def _set_updated(store: Store, article_id: int, when: datetime) -> None:
    with store._write() as s, s.begin():
        s.execute(
            text("UPDATE articles SET updated_at = :w WHERE id = :id"),
            {"w": when.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f"), "id": article_id},
        )


def _set_status(store: Store, article_id: int, status: ArticleStatus) -> None:
    with store._write() as s, s.begin():
        s.execute(text("UPDATE articles SET status = :s WHERE id = :id"), {"s": status.value, "id": article_id})


@pytest.fixture
def desk(store):
    """Three articles: ford (in review, 2 claims: 1 denied, 1 unconfirmed; tagged F, 1810; two
    open comments and a resolved one), xiaomi (published, tagged 1810), wrap (draft)."""
    now = datetime.now(UTC)
    ford = store.create(title="Ford denies Xiaomi talks", byline="Anna Berg", body="Ford said no talks took place.")
    xiaomi = store.create(
        title="Xiaomi shares jump", byline="Li Wei", dek="Hong Kong trading", body="The quetzal index rose."
    )
    wrap = store.create(title="Daily wrap", byline="anna berg", body="Markets were flat.")
    _set_updated(store, ford.id, now - timedelta(hours=1))
    _set_updated(store, xiaomi.id, now - timedelta(days=3))
    _set_updated(store, wrap.id, now - timedelta(days=40))
    _set_status(store, ford.id, ArticleStatus.IN_REVIEW)
    _set_status(store, xiaomi.id, ArticleStatus.PUBLISHED)

    claims = ClaimStore(store)
    c1 = claims.create(ford.id, short="Ford held talks with Xiaomi")
    c1.responses = [Response(party="Ford", stance=Stance.DENIES, quote="No talks")]
    claims.update(c1)
    claims.create(ford.id, short="A deal is near")
    tags = TickerTagStore(store)
    tags.add(ford.id, symbol="F", mic="XNYS", name="Ford Motor")
    tags.add(ford.id, symbol="1810", mic="XHKG", name="Xiaomi")
    tags.add(xiaomi.id, symbol="1810", mic="XHKG", name="Xiaomi")
    review = Review(store)
    first = review.add_comment(ford.id, "Source?", "editor")
    review.reply(first.id, "Added", "writer")  # a reply is not a thread
    review.add_comment(ford.id, "Check the date", "editor")
    done = review.add_comment(ford.id, "Typo", "editor")
    review.resolve(done.id, "writer")
    return {"ford": ford.id, "xiaomi": xiaomi.id, "wrap": wrap.id}


def test_rows_show_status_byline_stocks_claims_and_open_comments(store, desk):
    index = LibraryIndex(store)
    ids = index.ids()
    assert ids == [desk["ford"], desk["xiaomi"], desk["wrap"]]  # newest first
    ford, xiaomi, wrap = index.rows(ids)
    assert (ford.title, ford.status, ford.byline) == ("Ford denies Xiaomi talks", ArticleStatus.IN_REVIEW, "Anna Berg")
    assert ford.tickers == "F, 1810"
    assert ford.claims == 2
    assert dict(ford.claim_statuses) == {"denied": 1, "unconfirmed": 1}
    assert ford.claim_statuses[0] == ("denied", 1)  # the serious ones first
    assert ford.claims_label == "2 · 1 denied"
    assert ford.open_comments == 2
    assert Review(store).open_comment_counts()[desk["ford"]] == ford.open_comments
    assert (xiaomi.tickers, xiaomi.claims, xiaomi.claims_label, xiaomi.open_comments) == ("1810", 0, "", 0)
    assert wrap.status is ArticleStatus.DRAFT and wrap.tickers == ""
    assert ford.updated_at.tzinfo is not None and ford.updated_at > xiaomi.updated_at
    assert [r.id for r in index.rows([desk["wrap"], 999_999, desk["ford"]])] == [desk["wrap"], desk["ford"]]


def test_claim_status_follows_the_claim_store(store, desk):
    claims = ClaimStore(store)
    claim = next(c for c in claims.list_claims(desk["ford"]) if c.short == "A deal is near")
    claim.responses = [Response(party="Xiaomi", stance=Stance.CONFIRMS), Response(party="Ford", stance=Stance.DENIES)]
    claims.update(claim)
    (row,) = LibraryIndex(store).rows([desk["ford"]])
    assert dict(row.claim_statuses) == {"denied": 1, "disputed": 1}
    assert {c.effective.status.value for c in claims.list_claims(desk["ford"])} == {"denied", "disputed"}


def test_filters(store, desk):
    index = LibraryIndex(store)
    f = index.ids
    assert f(LibraryQuery(text="XIAOMI")) == [desk["ford"], desk["xiaomi"]]  # headline, any case
    assert f(LibraryQuery(text="100%")) == []  # LIKE wildcards are literal
    assert f(LibraryQuery(statuses=frozenset({ArticleStatus.PUBLISHED, ArticleStatus.DRAFT}))) == [
        desk["xiaomi"],
        desk["wrap"],
    ]
    assert f(LibraryQuery(ticker=("1810", "XHKG"))) == [desk["ford"], desk["xiaomi"]]
    assert f(LibraryQuery(ticker=("F", "XNYS"))) == [desk["ford"]]
    assert f(LibraryQuery(byline="anna")) == [desk["ford"], desk["wrap"]]
    week_ago = datetime.now(UTC) - timedelta(days=7)
    assert f(LibraryQuery(updated_from=week_ago)) == [desk["ford"], desk["xiaomi"]]
    assert f(LibraryQuery(updated_to=week_ago)) == [desk["wrap"]]
    assert f(LibraryQuery(updated_from=date.today() - timedelta(days=60), updated_to=date.today())) == [
        desk["ford"],
        desk["xiaomi"],
        desk["wrap"],
    ]
    both = LibraryQuery(byline="anna", statuses=frozenset({ArticleStatus.IN_REVIEW}))
    assert f(both) == [desk["ford"]]
    assert index.count(both) == 1 and index.count() == 3
    assert index.matches(desk["ford"], both) and not index.matches(desk["wrap"], both)
    store.delete(desk["wrap"])
    assert f(LibraryQuery(byline="anna")) == [desk["ford"]]
    assert index.count() == 2


def test_sort_orders(store, desk):
    index = LibraryIndex(store)
    ford, xiaomi, wrap = desk["ford"], desk["xiaomi"], desk["wrap"]

    def ids(sort: str, descending: bool = False) -> list[int]:
        return index.ids(LibraryQuery(sort=sort, descending=descending))

    assert ids("updated") == [wrap, xiaomi, ford]
    assert ids("updated", True) == [ford, xiaomi, wrap]
    assert ids("headline") == [wrap, ford, xiaomi]
    assert ids("headline", True) == [xiaomi, ford, wrap]
    assert ids("status") == [wrap, ford, xiaomi]  # workflow order: draft, in review, …, published
    assert ids("byline") == [wrap, ford, xiaomi]  # anna berg (older) before Anna Berg, then Li Wei
    assert ids("claims", True)[0] == ford
    assert ids("comments", True)[0] == ford
    assert ids("stocks") == [wrap, xiaomi, ford]  # none, "1810", "F"
    assert ids("rank", True) == [ford, xiaomi, wrap]  # no search: rank means newest first
    with pytest.raises(ValueError):
        LibraryQuery(sort="body")


def test_full_text_search_ranked_with_snippets_and_filters(store, desk):
    index = LibraryIndex(store)
    q = LibraryQuery(search="xiaomi", sort="rank")
    ids = index.ids(q)
    assert set(ids) == {desk["ford"], desk["xiaomi"]}
    rows = index.rows(ids, q)
    assert all("«" in r.snippet.lower() and "xiaomi" in r.snippet.lower() for r in rows)
    assert all(r.rank is not None for r in rows)
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)  # best (lowest bm25) first
    assert index.rows(ids)[0].snippet == ""  # without the query: no snippet
    assert index.ids(LibraryQuery(search="quetzal")) == [desk["xiaomi"]]  # the body is searched
    assert index.ids(LibraryQuery(search="hong kong")) == [desk["xiaomi"]]  # and the summary
    assert index.ids(q.with_(statuses=frozenset({ArticleStatus.PUBLISHED}))) == [desk["xiaomi"]]
    assert index.ids(q.with_(sort="headline", descending=False)) == [desk["ford"], desk["xiaomi"]]
    assert index.count(q) == 2
    assert index.matches(desk["xiaomi"], LibraryQuery(search="quetzal"))
    assert not index.matches(desk["ford"], LibraryQuery(search="quetzal"))
    for hostile in ['"', "AND OR", "NEAR(", "*", "title:bank", "🙂"]:
        index.ids(LibraryQuery(search=hostile))  # never raises


def test_search_follows_saves_and_the_trash(store, desk):
    index = LibraryIndex(store)
    q = LibraryQuery(search="pangolin")
    assert index.ids(q) == []
    store.save(desk["wrap"], body="Markets were flat. A pangolin crossed the trading floor.")
    assert index.ids(q) == [desk["wrap"]]
    (row,) = index.rows([desk["wrap"]], q)
    assert "«pangolin»" in row.snippet
    store.save(desk["wrap"], body="Markets were flat.")
    assert index.ids(q) == []
    store.save(desk["wrap"], body="A pangolin again.")
    store.delete(desk["wrap"])
    assert index.ids(q) == []


def test_many_articles_are_listed_and_paged(store):
    from sqlalchemy import insert

    from editor_app.store.models import ArticleRow

    now = datetime.now(UTC)
    with store.engine.begin() as con:
        con.execute(
            insert(ArticleRow),
            [
                dict(
                    title=f"Story {i}",
                    dek="",
                    byline="Desk",
                    slug=f"s-{i}",
                    slug_locked=False,
                    body="body",
                    status="draft",
                    created_at=now - timedelta(minutes=i),
                    updated_at=now - timedelta(minutes=i),
                )
                for i in range(2500)
            ],
        )
    index = LibraryIndex(store)
    ids = index.ids()
    assert len(ids) == 2500 == index.count()
    page = index.rows(ids[1200:1300])
    assert [r.title for r in page][:2] == ["Story 1200", "Story 1201"]
