"""Full-text search over headline, summary and body, ranked, with snippets (FTS5 or PostgreSQL).

    hits = search(store, 'xiaomi "electric vehicles" batt*')
    hits[0].snippet   # '… Ford held talks with «Xiaomi» about …'

The index is kept in sync by the engine (FTS5 triggers, or PostgreSQL's generated tsvector;
migration 0004_review), so a save is searchable as soon as it is committed. How the input is
read, the same on both engines, is in `fulltext.py`. An expression the engine refuses falls
back to one quoted phrase, then to no hits. Articles in the trash are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from editor_app.store.fulltext import (
    ELLIPSIS,
    MARK_CLOSE,
    MARK_OPEN,
    PG_CONFIG,
    PG_DOC_TEXT,
    PG_HEADLINE_OPTIONS,
    PG_WEIGHTS,
    SNIPPET_TOKENS,
    candidates,
    fts_query,
    is_syntax_error,
    pg_snippet,
)
from editor_app.store.store import Store

__all__ = ["ELLIPSIS", "MARK_CLOSE", "MARK_OPEN", "SNIPPET_TOKENS", "SearchHit", "fts_query", "search", "search_ids"]


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    snippet: str  # the best-matching part of headline, summary or body, matches in «…»
    rank: float  # lower is better (bm25 in SQLite, the negated ts_rank in PostgreSQL)

    def to_dict(self) -> dict:
        return {"id": self.article_id, "title": self.title, "snippet": self.snippet, "rank": self.rank}


_SQL = text(
    f"""
    SELECT f.rowid AS id, a.title AS title,
           snippet(articles_fts, -1, '{MARK_OPEN}', '{MARK_CLOSE}', '{ELLIPSIS}', {SNIPPET_TOKENS}) AS snippet,
           f.rank AS rank
    FROM articles_fts AS f JOIN articles AS a ON a.id = f.rowid
    WHERE articles_fts MATCH :q AND a.deleted_at IS NULL
    ORDER BY f.rank
    LIMIT :limit
    """
)
_IDS_SQL = text(
    """
    SELECT f.rowid FROM articles_fts AS f JOIN articles AS a ON a.id = f.rowid
    WHERE articles_fts MATCH :q AND a.deleted_at IS NULL ORDER BY f.rank
    """
)


_PG_SQL = text(
    f"""
    SELECT a.id AS id, a.title AS title, -ts_rank({PG_WEIGHTS}, a.search_doc, q) AS rank,
           ts_headline('{PG_CONFIG}', {PG_DOC_TEXT}, q, {PG_HEADLINE_OPTIONS}) AS snippet,
           left({PG_DOC_TEXT}, 200) AS text_start, right({PG_DOC_TEXT}, 200) AS text_end
    FROM articles AS a, to_tsquery('{PG_CONFIG}', :q) AS q
    WHERE a.search_doc @@ q AND a.deleted_at IS NULL
    ORDER BY rank, a.id DESC
    LIMIT :limit
    """
)
_PG_IDS_SQL = text(
    f"""
    SELECT a.id FROM articles AS a, to_tsquery('{PG_CONFIG}', :q) AS q
    WHERE a.search_doc @@ q AND a.deleted_at IS NULL ORDER BY -ts_rank({PG_WEIGHTS}, a.search_doc, q), a.id DESC
    """
)


def _pg(store: Store) -> bool:
    return store.engine.dialect.name == "postgresql"


def _run(store: Store, stmt, query: str, **params):
    """Rows for the query as read by `fulltext.terms`; if the engine refuses that, for the
    whole input as one phrase; else none."""
    for q in candidates(query, store.engine.dialect.name):
        try:
            with store._sessions() as s:
                return list(s.execute(stmt, {"q": q, **params}))
        except DBAPIError as exc:
            if not is_syntax_error(exc):
                raise
    return []


def search(store: Store, query: str, limit: int = 50) -> list[SearchHit]:
    """Best matches first (headline weighted over summary over body), at most `limit`."""
    if limit < 1:
        return []
    if _pg(store):
        rows = _run(store, _PG_SQL, query, limit=int(limit))
        return [
            SearchHit(r.id, r.title, pg_snippet(r.snippet or "", r.text_start or "", r.text_end or ""), float(r.rank))
            for r in rows
        ]
    rows = _run(store, _SQL, query, limit=int(limit))
    return [SearchHit(r.id, r.title, r.snippet or "", float(r.rank)) for r in rows]


def search_ids(store: Store, query: str) -> list[int]:
    """Ids of every matching article (not in the trash), best first: for filtering a library."""
    return [r[0] for r in _run(store, _PG_IDS_SQL if _pg(store) else _IDS_SQL, query)]


def rebuild_index(store: Store) -> None:
    """Rebuild the index from the articles (repair; the engine normally keeps it in sync)."""
    with store._write() as s, s.begin():
        if _pg(store):
            s.execute(text("REINDEX INDEX ix_articles_search_doc"))
        else:
            s.execute(text("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"))


def check_index(store: Store) -> bool:
    """The index agrees with the articles (FTS5's integrity check; PostgreSQL: every row indexed)."""
    try:
        with store._sessions() as s:
            if _pg(store):
                return not s.execute(text("SELECT 1 FROM articles WHERE search_doc IS NULL LIMIT 1")).first()
            s.execute(text("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"))
        return True
    except DBAPIError:
        return False
