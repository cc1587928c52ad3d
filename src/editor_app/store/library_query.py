"""The library's queries (no Qt): which articles match a filter, in which order, and one page
of rows with everything the library columns show.

    index = LibraryIndex(store)
    q = LibraryQuery(statuses=frozenset({ArticleStatus.IN_REVIEW}), sort="updated")
    ids = index.ids(q)             # every matching id, ordered: one SQL query returning ids only
    rows = index.rows(ids[:100], q)  # one page: headline, status, stocks, claims, open comments…

A view over 100,000 articles keeps the ordered id list (cheap) and fetches rows page by page.
With `search` set, the ids come from the full-text index (best match first unless another sort
is asked for) and each row carries the snippet («…» around matches) and its rank (FTS5 in
SQLite, PostgreSQL's own text search on a server: `fulltext.py`).

Claim statuses come from each claim's latest status event (ClaimStore appends one whenever a
claim's effective status changes, and on creation); a claim without events falls back to
ClaimStore, which derives the status from its responses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from editor_app.core.article import ArticleStatus
from editor_app.store.fulltext import (
    ELLIPSIS,
    MARK_CLOSE,
    MARK_OPEN,
    PG_CONFIG,
    PG_DOC_TEXT,
    PG_HEADLINE_OPTIONS,
    PG_QUERY,
    PG_WEIGHTS,
    SNIPPET_TOKENS,
    candidates,
    is_syntax_error,
    pg_snippet,
)
from editor_app.store.store import Store

SORT_COLUMNS = ("updated", "headline", "status", "byline", "stocks", "claims", "comments", "rank", "words", "embargo")
PAGE_SIZE = 100
CLAIM_STATUS_ORDER = ("retracted", "denied", "disputed", "confirmed", "unconfirmed")
_STATUS_ORDER = {s.value: i for i, s in enumerate(ArticleStatus)}
_WORD_RE = re.compile(r"\w", re.UNICODE)
_BM25 = "bm25(articles_fts, 10.0, 4.0, 1.0)"  # headline over summary over body, as configured


@dataclass(frozen=True)
class LibraryQuery:
    """What the library shows: every filter is optional; the default is every article, newest first."""

    text: str = ""  # headline contains (case-insensitive)
    statuses: frozenset[ArticleStatus] = frozenset()  # empty: any status
    ticker: tuple[str, str] | None = None  # (symbol, mic)
    byline: str = ""  # byline contains (case-insensitive)
    updated_from: date | datetime | None = None  # inclusive (a date: from its midnight UTC)
    updated_to: date | datetime | None = None  # inclusive (a date: to the end of that day, UTC)
    search: str = ""  # full-text search (FTS5 over headline, dek, body)
    sort: str = "updated"  # one of SORT_COLUMNS ("rank" needs `search`)
    descending: bool = True

    def __post_init__(self) -> None:
        if self.sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {self.sort!r}; use one of {', '.join(SORT_COLUMNS)}")
        object.__setattr__(self, "statuses", frozenset(ArticleStatus(s) for s in self.statuses))

    @property
    def is_search(self) -> bool:
        return bool(self.search.strip())

    @property
    def effective_sort(self) -> str:
        """'rank' only means something for a search; elsewhere it falls back to 'updated'."""
        if self.sort == "rank" and not self.is_search:
            return "updated"
        return self.sort

    @property
    def filtered(self) -> bool:
        """True when some articles may be left out."""
        return bool(
            self.text.strip()
            or self.statuses
            or self.ticker
            or self.byline.strip()
            or self.updated_from
            or self.updated_to
            or self.is_search
        )

    def with_(self, **changes: Any) -> LibraryQuery:
        return replace(self, **changes)


@dataclass(frozen=True)
class LibraryRow:
    id: int
    title: str
    status: ArticleStatus
    byline: str
    updated_at: datetime
    slug: str = ""
    tickers: str = ""  # "F, 1810" in tag order
    claims: int = 0
    claim_statuses: tuple[tuple[str, int], ...] = ()  # (status, count), most serious first
    open_comments: int = 0
    snippet: str = ""  # full-text search only: matches in «…»
    rank: float | None = None  # full-text search only: bm25, lower is better
    words: int = 0  # the body's words, as the status bar counts them
    word_target: int | None = None  # the article's length target (None: none)
    embargo_at: datetime | None = None  # UTC (migration 0011_notices)
    corrected: bool = False  # has a published correction, clarification or update notice
    killed: bool = False  # withdrawn after publication

    @property
    def display_title(self) -> str:
        return self.title.strip() or "Untitled"

    @property
    def claims_label(self) -> str:
        """'2 · 1 denied' (claims, then the settled ones by status), '2 unconfirmed', or ''."""
        if not self.claims:
            return ""
        parts = ", ".join(f"{n} {status}" for status, n in self.claim_statuses if status != "unconfirmed")
        return f"{self.claims} · {parts}" if parts else f"{self.claims} unconfirmed"

    @property
    def words_label(self) -> str:
        """'612 / 800' against a target, else '612'."""
        return f"{self.words:,} / {self.word_target:,}" if self.word_target else f"{self.words:,}"


# -- SQL pieces --------------------------------------------------------------------------------


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _stamp(value: date | datetime, *, end: bool) -> str:
    """A bound for `updated_at` as SQLAlchemy stores it (naive UTC text, microseconds)."""
    if isinstance(value, datetime):
        dt = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    else:
        dt = datetime.combine(value, time.max if end else time.min)
    return dt.strftime("%Y-%m-%d %H:%M:%S.%f")


def _parse_stamp(value: Any) -> datetime:
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


_SORT_SQL = {
    "updated": "a.updated_at",
    "headline": "a.title COLLATE NOCASE",
    "status": "CASE a.status " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in _STATUS_ORDER.items()) + " ELSE 99 END",
    "byline": "a.byline COLLATE NOCASE",
    "stocks": "(SELECT t.symbol FROM article_tickers AS t WHERE t.article_id = a.id ORDER BY t.position LIMIT 1)",
    "claims": "(SELECT count(*) FROM claims AS c WHERE c.article_id = a.id)",
    "comments": "(SELECT count(*) FROM comments AS m WHERE m.article_id = a.id AND m.resolved = FALSE "
    "AND m.parent_id IS NULL)",
    "words": "coalesce(a.word_count, 0)",
    "embargo": "coalesce(a.embargo_at, '9999')",  # ix_articles_embargo_at; no embargo sorts last
}


def _where(query: LibraryQuery, sql: _Sql | None = None) -> tuple[list[str], list[Any]]:
    sql = sql or _SQLITE
    conds = ["a.deleted_at IS NULL"]
    params: list[Any] = []
    text = query.text.strip()
    if text:
        conds.append(f"a.title {sql.like} ? ESCAPE '\\'")
        params.append(_like(text))
    if query.statuses:
        values = sorted(s.value for s in query.statuses)
        conds.append(f"a.status IN ({','.join('?' * len(values))})")
        params.extend(values)
    if query.ticker is not None:
        conds.append("a.id IN (SELECT t.article_id FROM article_tickers AS t WHERE t.symbol = ? AND t.mic = ?)")
        params.extend(query.ticker)
    byline = query.byline.strip()
    if byline:
        conds.append(f"a.byline {sql.like} ? ESCAPE '\\'")
        params.append(_like(byline))
    if query.updated_from is not None:
        conds.append("a.updated_at >= ?")
        params.append(_stamp(query.updated_from, end=False))
    if query.updated_to is not None:
        conds.append("a.updated_at <= ?")
        params.append(_stamp(query.updated_to, end=True))
    return conds, params


@dataclass(frozen=True)
class _Sql:
    """What differs between the engines in the library's SQL; everything else is shared."""

    name: str
    nocase: str  # how a text column sorts without case: "{}" is the column
    like: str  # case-insensitive LIKE
    ids: str  # full-text: the ids matching the first parameter
    ranked: str  # full-text: (id, rank) matching it, "{order}" the rank's direction
    one: str  # full-text: does article (second parameter) match it
    snippet: str  # full-text: the snippet for one article
    tickers: str  # "symbol, symbol" per article, in the tags' order, "{marks}" the ids

    def sort_sql(self, sort: str) -> str:
        if sort == "embargo" and self.name == "postgresql":
            return "coalesce(a.embargo_at, 'infinity'::timestamp)"  # no embargo sorts last
        if sort in ("headline", "byline"):
            return self.nocase.format("a.title" if sort == "headline" else "a.byline")
        return _SORT_SQL[sort]


_SQLITE = _Sql(
    name="sqlite",
    nocase="{} COLLATE NOCASE",
    like="LIKE",
    ids="SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
    ranked=f"SELECT rowid, {_BM25} FROM articles_fts WHERE articles_fts MATCH ? ORDER BY 2 {{order}}, rowid DESC",
    one="SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
    snippet=(
        f"SELECT snippet(articles_fts, -1, '{MARK_OPEN}', '{MARK_CLOSE}', '{ELLIPSIS}', "
        f"{SNIPPET_TOKENS}) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?"
    ),
    tickers=(
        "SELECT article_id, group_concat(symbol, ', ') FROM ("
        " SELECT article_id, symbol FROM article_tickers WHERE article_id IN ({marks})"
        " ORDER BY article_id, position, id) GROUP BY article_id"
    ),
)
_PG_MATCH = f"FROM articles AS a, {PG_QUERY} AS q WHERE a.search_doc @@ q"
_POSTGRES = _Sql(
    name="postgresql",
    nocase="lower({})",
    like="ILIKE",
    ids=f"SELECT a.id {_PG_MATCH}",
    ranked=f"SELECT a.id, -ts_rank({PG_WEIGHTS}, a.search_doc, q) {_PG_MATCH} ORDER BY 2 {{order}}, a.id DESC",
    one=f"SELECT a.id {_PG_MATCH} AND a.id = ?",
    snippet=(
        f"SELECT ts_headline('{PG_CONFIG}', {PG_DOC_TEXT}, q, {PG_HEADLINE_OPTIONS}), "
        f"left({PG_DOC_TEXT}, 200), right({PG_DOC_TEXT}, 200) {_PG_MATCH} AND a.id = ?"
    ),
    tickers=(
        "SELECT article_id, string_agg(symbol, ', ' ORDER BY position, id) FROM article_tickers "
        "WHERE article_id IN ({marks}) GROUP BY article_id"
    ),
)


class LibraryIndex:
    """Counts, ordered ids and pages of rows for the library (same engine as `store`).

    Plain filters and sorts run on the covering index ix_articles_library (migration
    0006_library). A search takes the FTS5 rowids alone (ranked when sorting by rank) and
    intersects them in Python with the other filters: joining 50,000 hits to their article
    rows costs far more than both id lists together."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sql = _POSTGRES if store.engine.dialect.name == "postgresql" else _SQLITE
        self._ranks: tuple[str, dict[int, float]] = ("", {})  # of the last ranked search

    # -- plumbing ---------------------------------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        conn = self.store.engine.raw_connection()  # the DB-API cursor: no Row objects for 100k ids
        try:
            cur = conn.cursor()
            try:
                if self.sql is _POSTGRES:
                    sql = sql.replace("?", "%s")  # the DB-API's own placeholders (psycopg: %s)
                cur.execute(sql, tuple(params))
                return cur.fetchall()
            finally:
                cur.close()
        finally:
            conn.close()

    def _fts(self, search: str, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run `sql` with the MATCH expression as its first parameter; on an FTS5 syntax error
        try the whole input as one phrase; nothing searchable: no rows."""
        for match in candidates(search, self.sql.name):
            try:
                return self._fetch(sql, (match, *params))
            except Exception as exc:  # sqlite3's or psycopg's own error: the raw DB-API cursor
                if not is_syntax_error(exc):
                    raise
        return []

    def _select(self, what: str, query: LibraryQuery) -> tuple[str, list[Any]]:
        conds, params = _where(query, self.sql)
        return f"SELECT {what} FROM articles AS a WHERE {' AND '.join(conds)}", params

    def _order(self, query: LibraryQuery) -> str:
        sort = query.effective_sort
        if sort == "rank":
            sort = "updated"
        direction = "DESC" if query.descending else "ASC"
        order = f"{self.sql.sort_sql(sort)} {direction}"
        if self.sql is _POSTGRES:  # SQLite's order: no value (an article without stocks) first
            order += " NULLS FIRST" if direction == "ASC" else " NULLS LAST"
        if sort != "updated":
            order += f", a.updated_at {direction}"
        return order + f", a.id {direction}"

    # -- queries ----------------------------------------------------------------------------

    def count(self, query: LibraryQuery | None = None) -> int:
        query = query or LibraryQuery()
        if query.is_search:
            return len(self.ids(query))
        sql, params = self._select("count(*)", query)
        return int(self._fetch(sql, params)[0][0])

    def ids(self, query: LibraryQuery | None = None) -> list[int]:
        """Every matching article id (not in the trash), in the query's order."""
        query = query or LibraryQuery()
        if not query.is_search:
            sql, params = self._select("a.id", query)
            return [r[0] for r in self._fetch(f"{sql} ORDER BY {self._order(query)}", params)]
        plain = query.with_(search="")
        if query.effective_sort == "rank":  # bm25: lower is better, "descending" = best first
            ranked = self._fts(query.search, self.sql.ranked.replace("{order}", "ASC" if query.descending else "DESC"))
            self._ranks = (query.search, dict(ranked))
            hits = [r[0] for r in ranked]
            if plain.filtered:
                allowed = set(self.ids(plain))
                return [i for i in hits if i in allowed]
            deleted = {r[0] for r in self._fetch("SELECT id FROM articles WHERE deleted_at IS NOT NULL")}
            return [i for i in hits if i not in deleted] if deleted else hits
        found = {r[0] for r in self._fts(query.search, self.sql.ids)}
        return [i for i in self.ids(plain) if i in found] if found else []

    def matches(self, article_id: int, query: LibraryQuery) -> bool:
        """Does this one article pass the query (cheap: indexed lookups)?"""
        sql, params = self._select("a.id", query.with_(search=""))
        if not self._fetch(f"{sql} AND a.id = ?", [*params, int(article_id)]):
            return False
        if query.is_search:
            return bool(self._fts(query.search, self.sql.one, [int(article_id)]))
        return True

    def rows(self, ids: Sequence[int], query: LibraryQuery | None = None) -> list[LibraryRow]:
        """The rows for these ids, in the same order (ids not found, e.g. purged, are left out).
        With a search `query`, each row has its snippet and rank."""
        ids = [int(i) for i in ids]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        base = self._fetch(
            "SELECT a.id, a.title, a.status, a.byline, a.updated_at, a.slug, "
            "(SELECT count(*) FROM comments AS m WHERE m.article_id = a.id AND m.resolved = FALSE "
            " AND m.parent_id IS NULL), a.word_count, a.word_target, "
            "a.embargo_at, a.killed_at IS NOT NULL AND a.status != 'published', "
            "EXISTS (SELECT 1 FROM notices AS n WHERE n.article_id = a.id AND n.published_at IS NOT NULL) "
            f"FROM articles AS a WHERE a.id IN ({marks})",
            ids,
        )
        uncounted = [r[0] for r in base if r[7] is None]
        counted = self._count_words(uncounted) if uncounted else {}
        tickers = dict(self._fetch(self.sql.tickers.replace("{marks}", marks), ids))
        claims = self._claim_counts(ids, marks)
        snippets = self._snippets(ids, query.search) if query is not None and query.is_search else {}
        out: dict[int, LibraryRow] = {}
        for aid, title, status, byline, updated, slug, comments, words, target, embargo_at, killed, corrected in base:
            statuses = claims.get(aid, {})
            ordered = tuple(sorted(statuses.items(), key=lambda kv: _claim_order(kv[0])))
            snippet, rank = snippets.get(aid, ("", None))
            try:
                st = ArticleStatus(status)
            except ValueError:
                st = ArticleStatus.DRAFT
            out[aid] = LibraryRow(
                id=aid,
                title=title or "",
                status=st,
                byline=byline or "",
                updated_at=_parse_stamp(updated),
                slug=slug or "",
                tickers=tickers.get(aid) or "",
                claims=sum(statuses.values()),
                claim_statuses=ordered,
                open_comments=int(comments or 0),
                snippet=snippet,
                rank=rank,
                words=int(words if words is not None else counted.get(aid, 0)),
                word_target=int(target) if target else None,
                embargo_at=_parse_stamp(embargo_at) if embargo_at else None,
                corrected=bool(corrected),
                killed=bool(killed),
            )
        return [out[i] for i in ids if i in out]

    def _count_words(self, ids: list[int]) -> dict[int, int]:
        """Words of articles the store has not counted (written by a tool that bypassed
        Store.save): counted here, for this page only; the next save stores the count."""
        from editor_app.core.text import word_count

        marks = ",".join("?" * len(ids))
        return {
            aid: word_count(body or "")
            for aid, body in self._fetch(f"SELECT id, body FROM articles WHERE id IN ({marks})", ids)
        }

    def _claim_counts(self, ids: list[int], marks: str) -> dict[int, dict[str, int]]:
        rows = self._fetch(
            "SELECT c.article_id, c.id, (SELECT e.status FROM claim_status_events AS e "
            " WHERE e.claim_id = c.id ORDER BY e.at DESC, e.id DESC LIMIT 1) "
            f"FROM claims AS c WHERE c.article_id IN ({marks})",
            ids,
        )
        out: dict[int, dict[str, int]] = {}
        missing: set[int] = set()
        for aid, claim_id, status in rows:
            if status is None:
                missing.add(claim_id)
                continue
            counts = out.setdefault(aid, {})
            counts[status] = counts.get(status, 0) + 1
        if missing:  # claims written without history (older tools): derive from the responses
            from editor_app.store.claims import ClaimStore

            claim_store = ClaimStore(self.store)
            for claim_id in missing:
                claim = claim_store.get(claim_id)
                if claim is not None:
                    status = claim.effective.status.value
                    counts = out.setdefault(claim.article_id, {})
                    counts[status] = counts.get(status, 0) + 1
        return out

    def _snippets(self, ids: list[int], search: str) -> dict[int, tuple[str, float | None]]:
        """{id: (snippet, rank)}: one FTS lookup per row (rowid = ?), so a page costs about the
        same for a word with 50,000 hits as for a rare one. The rank comes from the last ranked
        `ids` (bm25 per row would count the hits over the whole index for every row)."""
        pg = self.sql is _POSTGRES
        sql = self.sql.snippet.replace("?", "%s") if pg else self.sql.snippet
        ranks = self._ranks[1] if self._ranks[0] == search else {}
        for match in candidates(search, self.sql.name):
            conn = self.store.engine.raw_connection()
            try:
                cur = conn.cursor()
                out: dict[int, tuple[str, float | None]] = {}
                for aid in ids:
                    cur.execute(sql, (match, aid))
                    r = cur.fetchone()
                    if r is not None:
                        out[aid] = (
                            pg_snippet(r[0] or "", r[1] or "", r[2] or "") if pg else r[0] or "",
                            ranks.get(aid),
                        )
                cur.close()
                return out
            except Exception as exc:  # sqlite3's or psycopg's own error: the raw DB-API cursor
                if not is_syntax_error(exc):
                    raise
            finally:
                conn.close()
        return {}


def _claim_order(status: str) -> int:
    try:
        return CLAIM_STATUS_ORDER.index(status)
    except ValueError:
        return len(CLAIM_STATUS_ORDER)


def updated_since(days: float, now: datetime | None = None) -> datetime:
    """A bound for LibraryQuery.updated_from: `days` ago (aware UTC)."""
    return (now or datetime.now(UTC)) - timedelta(days=days)
