"""Full-text search over headline, summary and body (SQLite FTS5, ranked by bm25, with snippets).

    hits = search(store, 'xiaomi "electric vehicles" batt*')
    hits[0].snippet   # '… Ford held talks with «Xiaomi» about …'

The index `articles_fts` is kept in sync by triggers (migration 0004_review), so a save is
searchable as soon as it is committed. User input is never passed to FTS5 as syntax: every word
becomes a quoted string, `word*` a prefix search, "…" a phrase; OR and NOT between words are
operators, AND is implied. Any FTS5 error falls back to one quoted phrase, then to no hits.
Articles in the trash are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from editor_app.store.store import Store

MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 12
_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')
_WORD_RE = re.compile(r"\w", re.UNICODE)
_EDGE_RE = re.compile(r"^[^\w]+|[^\w]+$", re.UNICODE)  # "(ford" -> "ford", "xiaomi)" -> "xiaomi"


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    snippet: str  # the best-matching part of headline, summary or body, matches in «…»
    rank: float  # bm25: lower is better

    def to_dict(self) -> dict:
        return {"id": self.article_id, "title": self.title, "snippet": self.snippet, "rank": self.rank}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """A safe FTS5 MATCH expression for what a user typed ('' when nothing is searchable)."""
    parts: list[str] = []
    pending_op: str | None = None
    for m in _TOKEN_RE.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            term = _quote(phrase) if _WORD_RE.search(phrase) else ""
        else:
            if word in ("OR", "NOT", "AND"):
                if parts:
                    pending_op = word if word != "AND" else None
                continue
            prefix = word.endswith("*")
            core = _EDGE_RE.sub("", word.rstrip("*").replace('"', ""))
            if not _WORD_RE.search(core):
                continue
            term = _quote(core) + ("*" if prefix else "")
        if not term:
            continue
        if parts and pending_op:
            parts.append(pending_op)
        parts.append(term)
        pending_op = None
    return " ".join(parts)


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


def _run(store: Store, stmt, query: str, **params):
    """Rows for the sanitised query; on an FTS5 error, for the whole input as one phrase."""
    candidates = [fts_query(query)]
    words = " ".join(query.replace('"', " ").split())
    if _WORD_RE.search(words):
        candidates.append(_quote(words))
    for q in candidates:
        if not q:
            continue
        try:
            with store._sessions() as s:
                return list(s.execute(stmt, {"q": q, **params}))
        except OperationalError as exc:
            msg = str(exc.orig) if exc.orig else str(exc)
            if "fts5" not in msg and "syntax" not in msg and "MATCH" not in msg and "no such column" not in msg:
                raise
    return []


def search(store: Store, query: str, limit: int = 50) -> list[SearchHit]:
    """Best matches first (headline weighted over summary over body), at most `limit`."""
    if limit < 1:
        return []
    rows = _run(store, _SQL, query, limit=int(limit))
    return [SearchHit(r.id, r.title, r.snippet or "", float(r.rank)) for r in rows]


def search_ids(store: Store, query: str) -> list[int]:
    """Ids of every matching article (not in the trash), best first: for filtering a library."""
    return [r[0] for r in _run(store, _IDS_SQL, query)]


def rebuild_index(store: Store) -> None:
    """Rebuild the index from the articles (repair; the triggers normally keep it in sync)."""
    with store._write() as s, s.begin():
        s.execute(text("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"))


def check_index(store: Store) -> bool:
    """FTS5 integrity check against the articles table."""
    try:
        with store._sessions() as s:
            s.execute(text("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"))
        return True
    except OperationalError:
        return False
