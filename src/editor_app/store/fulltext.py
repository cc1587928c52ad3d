"""Full-text search on either engine, from one reading of what the writer typed.

SQLite uses its FTS5 index `articles_fts` (bm25, `snippet()`); PostgreSQL its own text search:
the weighted `articles.search_doc` tsvector under a GIN index (migration 0004), `ts_rank` with
the same headline > summary > body weighting, and `ts_headline` for the snippet. Both read the
input the same way (`terms`): every word a literal, `word*` a prefix, "…" a phrase, OR and NOT
between words operators, AND implied; user input never reaches either engine as syntax.
Ranks are "lower is better" on both (bm25 is negative; PostgreSQL's rank is negated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_OPEN, MARK_CLOSE, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 12
_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')
_WORD_RE = re.compile(r"\w", re.UNICODE)
_EDGE_RE = re.compile(r"^[^\w]+|[^\w]+$", re.UNICODE)  # "(ford" -> "ford", "xiaomi)" -> "xiaomi"
_LEXEME_RE = re.compile(r"[^\W_]+", re.UNICODE)
# PostgreSQL: ts_rank's weights for D, C (body), B (summary), A (headline): bm25(10, 4, 1) in FTS5
PG_WEIGHTS = "'{0.1, 0.1, 0.4, 1.0}'"
# PostgreSQL: 'simple' (no stemming, as FTS5's unicode61) with accents folded (remove_diacritics)
PG_CONFIG = "editor_app_search"
PG_BODY_CHARS = 300_000  # a tsvector holds at most 1 MB: the index reads this much of the body


@dataclass(frozen=True)
class Term:
    text: str  # a word or a phrase, without quotes
    prefix: bool = False
    phrase: bool = False


def terms(query: str) -> list[Term | str]:
    """What the user typed as terms and the operators between them ("OR", "NOT")."""
    out: list[Term | str] = []
    pending_op: str | None = None
    for m in _TOKEN_RE.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            if not _WORD_RE.search(phrase):
                continue
            term = Term(phrase, phrase=True)
        else:
            if word in ("OR", "NOT", "AND"):
                if out:
                    pending_op = word if word != "AND" else None
                continue
            core = _EDGE_RE.sub("", word.rstrip("*").replace('"', ""))
            if not _WORD_RE.search(core):
                continue
            term = Term(core, prefix=word.endswith("*"))
        if out and pending_op:
            out.append(pending_op)
        out.append(term)
        pending_op = None
    return out


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """A safe FTS5 MATCH expression for what a user typed ('' when nothing is searchable)."""
    parts = []
    for t in terms(query):
        parts.append(t if isinstance(t, str) else _quote(t.text) + ("*" if t.prefix else ""))
    return " ".join(parts)


def _lexemes(text: str) -> list[str]:
    return [w.lower() for w in _LEXEME_RE.findall(text)]


def ts_query(query: str) -> str:
    """The same reading as a PostgreSQL tsquery text for `to_tsquery(PG_CONFIG, …)` ('' if none)."""
    parts: list[str] = []
    for t in terms(query):
        if isinstance(t, str):
            parts.append("|" if t == "OR" else "& !")
            continue
        words = _lexemes(t.text)
        if not words:
            if parts and parts[-1] in ("|", "& !"):
                parts.pop()
            continue
        if parts and parts[-1] not in ("|", "& !"):
            parts.append("&")
        quoted = ["'" + w.replace("'", "''").replace("\\", "\\\\") + "'" for w in words]
        if t.prefix:
            quoted[-1] += ":*"
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")")
    while parts and parts[-1] in ("|", "&", "& !"):
        parts.pop()
    return " ".join(parts)


def candidates(query: str, engine_name: str) -> list[str]:
    """Expressions to try in turn: the reading above, then the whole input as one phrase."""
    words = " ".join(query.replace('"', " ").split())
    if engine_name == "postgresql":
        out = [ts_query(query)]
        if _WORD_RE.search(words):
            out.append(ts_query(_quote(words)))
    else:
        out = [fts_query(query)]
        if _WORD_RE.search(words):
            out.append(_quote(words))
    return [q for q in dict.fromkeys(out) if q]


def is_syntax_error(exc: BaseException) -> bool:
    """An engine refusing the expression (then the next candidate is tried), not a real failure."""
    msg = str(getattr(exc, "orig", None) or exc)
    return any(s in msg for s in ("fts5", "syntax", "MATCH", "no such column", "tsquery"))


# -- PostgreSQL pieces -----------------------------------------------------------------------

PG_DOC_TEXT = (
    f"concat_ws(' ', nullif(a.title, ''), nullif(a.dek, ''), left(a.body, {PG_BODY_CHARS}))"  # what a snippet reads
)
PG_QUERY = f"to_tsquery('{PG_CONFIG}', ?)"  # "?": the DB-API's placeholder, swapped per driver
PG_HEADLINE_OPTIONS = (
    f"'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords={SNIPPET_TOKENS}, MinWords=4, "
    'MaxFragments=1, FragmentDelimiter=" … "\''
)


def pg_snippet(fragment: str, text_start: str, text_end: str) -> str:
    """ts_headline's fragment with FTS5's ellipses where the text goes on before or after it
    (`text_start`, `text_end`: the first and last 200 characters of what it read)."""
    fragment = " ".join(fragment.split())
    plain = fragment.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    if not plain:
        return ""
    lead = "" if " ".join(text_start.split()).startswith(plain[:40]) else ELLIPSIS
    tail = "" if " ".join(text_end.split()).endswith(plain[-40:]) else ELLIPSIS
    return f"{lead}{fragment}{tail}"
