"""Revision history of articles: kept automatically, stored compactly, diffed and restored (no Qt).

    revisions = RevisionStore(store)
    revisions.record(article_id, "typing", who)        # after an autosave: coalesced
    revisions.list(article_id)                         # newest first
    revisions.diff(rev_id, "current")                  # unified diff lines
    revisions.restore(article_id, rev_id, who)         # "before restore" + write + "restore"

Coalescing: a "typing" revision is replaced in place while it is the article's latest revision
and less than `TYPING_WINDOW` (5 min) old; so typing yields at most one revision per 5 minutes
of editing. Every other reason always adds a revision; "typing" with nothing changed adds none.

Storage: the header fields are plain columns; the body is in `data`. Every `SNAPSHOT_EVERY`-th
revision of an article (and any revision whose delta would exceed `SNAPSHOT_RATIO` of the
compressed full text) is a full snapshot (zlib of the UTF-8 body). The others are deltas
against the article's latest snapshot (`base_id`), so reading any revision costs one snapshot
and one delta. A delta is zlib-compressed JSON, a list of operations on the snapshot's lines
(the text split on "\\n", so any text round-trips, with or without a final newline):

    [a, b]           copy snapshot lines a..b-1
    [i, p, s, "t"]   snapshot line i with its middle replaced: line[:p] + t + line[len-s:]
    [i, [ops]]       snapshot line i rebuilt from its character ranges [a, b] and new strings
                     (several edits in one long paragraph)
    "text"           new lines (joined with "\\n")
"""

from __future__ import annotations

import difflib
import json
import re
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import utcnow
from editor_app.core.text import normalize_for_store
from editor_app.store.comments import CommentStore
from editor_app.store.models import ArticleRow
from editor_app.store.review_models import RevisionRow
from editor_app.store.store import ArticleChange, Store

SNAPSHOT_EVERY = 20
SNAPSHOT_RATIO = 0.5
TYPING_WINDOW = timedelta(minutes=5)
REASONS = ("typing", "status change", "before restore", "restore", "import", "manual", "published")
CURRENT = "current"


@dataclass(frozen=True)
class Revision:
    """One revision as the history view lists it (no text; `RevisionStore.text_of` reads it)."""

    id: int
    article_id: int
    created_at: datetime
    updated_at: datetime  # a coalesced "typing" revision: when its text was last replaced
    reason: str
    who: str
    kind: str  # "full" | "delta"
    base_id: int | None
    size: int  # characters of the body
    stored_bytes: int  # bytes of `data`
    title: str
    dek: str
    byline: str

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "reason": self.reason,
            "who": self.who,
            "kind": self.kind,
            "size": self.size,
            "stored_bytes": self.stored_bytes,
            "title": self.title,
        }


@dataclass(frozen=True)
class RevisionState:
    """The article as a revision holds it."""

    title: str
    dek: str
    byline: str
    body: str

    def as_document(self) -> str:
        """A readable text for diffs: the header fields, a blank line, the body."""
        return f"Headline: {self.title}\nSummary: {self.dek}\nByline: {self.byline}\n\n{self.body}"


# -- delta codec ------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.split("\n")


def compress_full(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def decompress_full(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


def common_prefix(a: str, b: str) -> int:
    """Length of the common prefix (binary search on slices: C speed on long strings)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix, at most `limit`."""
    lo, hi = 0, max(0, limit)
    la, lb = len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


_WORDS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _word_ops(old: str, new: str) -> list:
    """Copy ranges of `old` ([a, b]) and new strings that build `new`, at word level."""
    ta, tb = _WORDS.findall(old), _WORDS.findall(new)
    offsets = [0]
    for tok in ta:
        offsets.append(offsets[-1] + len(tok))
    ops: list = []
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            a, b = offsets[i1], offsets[i2]
            if ops and isinstance(ops[-1], list) and ops[-1][1] == a:
                ops[-1][1] = b
            else:
                ops.append([a, b])
        elif j2 > j1:
            piece = "".join(tb[j1:j2])
            if ops and isinstance(ops[-1], str):
                ops[-1] += piece
            else:
                ops.append(piece)
    return ops


def _line_patch(old: str, new: str) -> list | str:
    """A patch of one line, when it is shorter than the new line itself, else the new line:
    [p, s, middle] (one changed stretch) or [word ops] (several changes in a long line)."""
    p = common_prefix(old, new)
    s = common_suffix(old, new, min(len(old), len(new)) - p)
    middle = new[p : len(new) - s]
    if len(middle) <= 64:
        return [p, s, middle] if len(middle) + 12 < len(new) else new
    ops = _word_ops(old, new)
    cost = sum(len(op) + 2 if isinstance(op, str) else 12 for op in ops)
    if cost + 12 < min(len(middle), len(new)):
        return [ops]
    return [p, s, middle] if len(middle) + 12 < len(new) else new


# Consecutive revisions against one snapshot repeat most line patches: remember them.
# (Results are never mutated: delta_ops copies them into new lists.)
_line_patch_cached = lru_cache(maxsize=2048)(_line_patch)


def delta_ops(base: str, new: str) -> list:
    """Operations that turn `base` into `new` (see the module docstring)."""
    a, b = _lines(base), _lines(new)
    # common head and tail first: most edits touch one paragraph, and it keeps difflib small
    lo = 0
    n = min(len(a), len(b))
    while lo < n and a[lo] == b[lo]:
        lo += 1
    hi = 0
    while hi < n - lo and a[len(a) - 1 - hi] == b[len(b) - 1 - hi]:
        hi += 1
    ops: list = []

    def copy(i1: int, i2: int) -> None:
        if i2 <= i1:
            return
        if ops and isinstance(ops[-1], list) and len(ops[-1]) == 2 and isinstance(ops[-1][1], int) and ops[-1][1] == i1:
            ops[-1][1] = i2
        else:
            ops.append([i1, i2])

    def insert(lines: list[str]) -> None:
        if lines:
            ops.append("\n".join(lines))

    copy(0, lo)
    am, bm = a[lo : len(a) - hi], b[lo : len(b) - hi]
    if am or bm:
        sm = difflib.SequenceMatcher(None, am, bm, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                copy(lo + i1, lo + i2)
            elif tag == "insert":
                insert(bm[j1:j2])
            elif tag == "replace":
                pairs = min(i2 - i1, j2 - j1)
                pending: list[str] = []
                for k in range(pairs):
                    patch = _line_patch_cached(am[i1 + k], bm[j1 + k])
                    if isinstance(patch, list):
                        insert(pending)
                        pending = []
                        ops.append([lo + i1 + k, *patch])
                    else:
                        pending.append(patch)
                pending.extend(bm[j1 + pairs : j2])
                insert(pending)
            # "delete": nothing to emit
    copy(len(a) - hi, len(a))
    return ops


def apply_ops(base: str, ops: list) -> str:
    a = _lines(base)
    out: list[str] = []
    for op in ops:
        if isinstance(op, str):
            out.extend(op.split("\n"))
        elif len(op) == 2 and isinstance(op[1], int):
            out.extend(a[op[0] : op[1]])
        elif len(op) == 4:
            i, p, s, middle = op
            line = a[i]
            out.append(line[:p] + middle + line[len(line) - s :])
        else:  # [i, word ops]
            line = a[op[0]]
            out.append("".join(w if isinstance(w, str) else line[w[0] : w[1]] for w in op[1]))
    return "\n".join(out)


def make_delta(base: str, new: str) -> bytes:
    payload = json.dumps(delta_ops(base, new), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(payload.encode("utf-8"), 9)


def apply_delta(base: str, data: bytes) -> str:
    return apply_ops(base, json.loads(zlib.decompress(data).decode("utf-8")))


# -- the store --------------------------------------------------------------------------------


def _to_revision(row: RevisionRow) -> Revision:
    return Revision(
        id=row.id,
        article_id=row.article_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        reason=row.reason,
        who=row.who,
        kind=row.kind,
        base_id=row.base_id,
        size=row.size,
        stored_bytes=len(row.data),
        title=row.title,
        dek=row.dek,
        byline=row.byline,
    )


class RevisionStore:
    """Revisions of the articles in `store` (same engine, sessions and error handling)."""

    CACHE_SIZE = 16

    def __init__(self, store: Store) -> None:
        self.store = store
        self._snapshots: OrderedDict[int, str] = OrderedDict()  # snapshot id -> body

    # -- plumbing -----------------------------------------------------------------------

    def _cache(self, rev_id: int, text: str) -> None:
        self._snapshots[rev_id] = text
        self._snapshots.move_to_end(rev_id)
        while len(self._snapshots) > self.CACHE_SIZE:
            self._snapshots.popitem(last=False)

    def _snapshot_text(self, s: Session, rev_id: int) -> str:
        text = self._snapshots.get(rev_id)
        if text is None:
            data = s.scalar(select(RevisionRow.data).where(RevisionRow.id == rev_id))
            if data is None:
                raise KeyError(rev_id)
            text = decompress_full(data)
            self._cache(rev_id, text)
        return text

    def _body_of(self, s: Session, row: RevisionRow) -> str:
        if row.kind == "full":
            text = decompress_full(row.data)
            self._cache(row.id, text)
            return text
        return apply_delta(self._snapshot_text(s, row.base_id or 0), row.data)

    def _encode(
        self, s: Session, article_id: int, body: str, exclude_id: int | None = None
    ) -> tuple[str, int | None, bytes]:
        """(kind, base_id, data) for a revision of `body` placed after the article's others."""
        stmt = (
            select(RevisionRow.id, RevisionRow.kind, RevisionRow.size, func.length(RevisionRow.data))
            .where(RevisionRow.article_id == article_id)
            .order_by(RevisionRow.id.desc())
            .limit(SNAPSHOT_EVERY)
        )
        if exclude_id is not None:
            stmt = stmt.where(RevisionRow.id != exclude_id)
        recent = s.execute(stmt).all()
        since = next((i for i, r in enumerate(recent) if r.kind == "full"), None)
        if since is None or since + 1 >= SNAPSHOT_EVERY:
            return "full", None, compress_full(body)
        base = recent[since]
        delta = make_delta(self._snapshot_text(s, base.id), body)
        # the snapshot's compressed size, scaled to this text, stands in for compressing it again
        full_estimate = base[3] * max(len(body), 1) / max(base.size, 1)
        if len(delta) > SNAPSHOT_RATIO * full_estimate:
            full = compress_full(body)
            if len(delta) > SNAPSHOT_RATIO * len(full):
                return "full", None, full
        return "delta", base.id, delta

    def _record(
        self, s: Session, row: ArticleRow, reason: str, who: str, body: str | None = None, at: datetime | None = None
    ) -> RevisionRow:
        """Record a revision inside an open transaction (used by ReviewStore for status changes)."""
        if reason not in REASONS:
            raise ValueError(f"unknown revision reason {reason!r}; use one of: {', '.join(REASONS)}")
        at = at or utcnow()
        body = row.body if body is None else normalize_for_store(body).text
        header = (row.title, row.dek, row.byline)
        latest = None
        if reason == "typing":
            latest = s.scalars(
                select(RevisionRow).where(RevisionRow.article_id == row.id).order_by(RevisionRow.id.desc()).limit(1)
            ).first()
        if latest is not None:
            same = (
                (latest.title, latest.dek, latest.byline) == header
                and latest.size == len(body)
                and self._body_of(s, latest) == body
            )
            if same:
                return latest
            if latest.reason == "typing" and at - latest.created_at < TYPING_WINDOW:
                kind, base_id, data = self._encode(s, row.id, body, exclude_id=latest.id)
                if latest.kind == "full" and kind == "delta" and latest.id == base_id:
                    kind, base_id = "full", None  # never a delta against itself
                latest.kind, latest.base_id, latest.data = kind, base_id, data
                latest.size = len(body)
                latest.title, latest.dek, latest.byline = header
                latest.updated_at = at
                latest.who = who or latest.who
                self._snapshots.pop(latest.id, None)
                s.flush()
                return latest
        kind, base_id, data = self._encode(s, row.id, body)
        rev = RevisionRow(
            article_id=row.id,
            created_at=at,
            updated_at=at,
            reason=reason,
            who=who,
            base_id=base_id,
            kind=kind,
            data=data,
            size=len(body),
            title=row.title,
            dek=row.dek,
            byline=row.byline,
        )
        s.add(rev)
        s.flush()
        if kind == "full":
            self._cache(rev.id, body)
        return rev

    # -- writes -------------------------------------------------------------------------

    def record(
        self, article_id: int, reason: str, who: str = "", text: str | None = None, *, at: datetime | None = None
    ) -> Revision:
        """Keep the article's current state (or its header with `text` as the body).

        "typing" is coalesced (see the module docstring); other reasons always add one."""
        with self.store.transaction() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                raise KeyError(article_id)
            return _to_revision(self._record(s, row, reason, who, text, at))

    def restore(self, article_id: int, revision_id: int, who: str = "") -> ArticleChange:
        """Bring back a revision: records the current state ("before restore"), writes the
        revision's headline, summary, byline and body, then records "restore". Comments are
        re-anchored to the restored body (detached where their text is gone)."""
        state = self.state_of(revision_id)
        rev = self.get(revision_id)
        if rev is None or rev.article_id != article_id:
            raise KeyError(f"revision {revision_id} is not a revision of article {article_id}")
        before = self.store.get(article_id)
        if before is None:
            raise KeyError(article_id)
        self.record(article_id, "before restore", who)
        change = self.store.save(article_id, title=state.title, dek=state.dek, byline=state.byline, body=state.body)
        self.record(article_id, "restore", who)
        if before.body != change.article.body:
            CommentStore(self.store).reanchor_comments(article_id, before.body, change.article.body)
        return change

    # -- reads --------------------------------------------------------------------------

    def list(self, article_id: int) -> list[Revision]:
        """The article's revisions, newest first."""
        stmt = select(RevisionRow).where(RevisionRow.article_id == article_id).order_by(RevisionRow.id.desc())
        with self.store._sessions() as s:
            return [_to_revision(r) for r in s.scalars(stmt)]

    def iter_ids(self, article_id: int) -> Iterator[int]:
        with self.store._sessions() as s:
            yield from s.scalars(
                select(RevisionRow.id).where(RevisionRow.article_id == article_id).order_by(RevisionRow.id)
            )

    def get(self, revision_id: int) -> Revision | None:
        with self.store._sessions() as s:
            row = s.get(RevisionRow, revision_id)
            return _to_revision(row) if row else None

    def text_of(self, revision_id: int) -> str:
        """The body as the revision holds it."""
        return self.state_of(revision_id).body

    def state_of(self, revision_id: int | str) -> RevisionState:
        with self.store._sessions() as s:
            row = s.get(RevisionRow, revision_id)
            if row is None:
                raise KeyError(revision_id)
            return RevisionState(row.title, row.dek, row.byline, self._body_of(s, row))

    def _state(self, ref: int | str, article_id: int | None) -> tuple[RevisionState, str]:
        if ref == CURRENT:
            if article_id is None:
                raise ValueError("diff against 'current' needs a revision of an article")
            a = self.store.get(article_id)
            if a is None:
                raise KeyError(article_id)
            return RevisionState(a.title, a.dek, a.byline, a.body), "current text"
        rev = self.get(int(ref))
        if rev is None:
            raise KeyError(ref)
        label = f"revision {rev.id} ({rev.updated_at:%Y-%m-%d %H:%M} UTC, {rev.reason}, {rev.who or 'unknown'})"
        return self.state_of(rev.id), label

    def diff(self, rev_a: int | str, rev_b: int | str = CURRENT, *, context: int = 3) -> list[str]:
        """Unified diff lines (no line ends) from `rev_a` to `rev_b`; either may be "current"
        (the article's text now). Headline, summary and byline appear as the first lines."""
        article_id = None
        for ref in (rev_a, rev_b):
            if ref != CURRENT:
                rev = self.get(int(ref))
                if rev is None:
                    raise KeyError(ref)
                article_id = rev.article_id
        a, a_label = self._state(rev_a, article_id)
        b, b_label = self._state(rev_b, article_id)
        return list(
            difflib.unified_diff(
                a.as_document().split("\n"),
                b.as_document().split("\n"),
                fromfile=a_label,
                tofile=b_label,
                n=context,
                lineterm="",
            )
        )

    def storage_bytes(self, article_id: int | None = None) -> int:
        """Bytes of revision data (all articles, or one)."""
        stmt = select(func.coalesce(func.sum(func.length(RevisionRow.data)), 0))
        if article_id is not None:
            stmt = stmt.where(RevisionRow.article_id == article_id)
        with self.store._sessions() as s:
            return int(s.scalar(stmt) or 0)
