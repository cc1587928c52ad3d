"""Editorial review in the store: status changes with history, source notes (verified, linked to
claims), review comments (threads, resolve/reopen, anchors that follow edits). No Qt.

    review = ReviewStore(store)
    review.change_status(article_id, ArticleStatus.IN_REVIEW, who="ana", note="ready")
    review.change_status(article_id, "approved", who="ed")      # runs the checklist
    src = review.add_source(article_id, outlet="FT", url="https://ft.com/x")
    review.verify(src.id, who="ed")
    c = review.add_comment(article_id, "Source?", "ed", anchor=(120, 160, "the quoted words"))
    review.reanchor_comments(article_id, old_body, new_body)   # after every body save

Comment anchors are `str` indices into `Article.body` (code points, not UTF-16 units).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import ArticleStatus, utcnow
from editor_app.core.changes import Changes
from editor_app.core.checklist import CheckItem
from editor_app.core.text import normalize_for_store
from editor_app.core.workflow import (
    ChecklistBlocked,
    Comment,
    Source,
    SourceLink,
    StatusChange,
    check_transition,
    parse_status,
    runs_checklist,
)
from editor_app.store.change_feed import note as note_changes
from editor_app.store.models import AppearanceRow, ArticleRow, ClaimRow, ResponseRow
from editor_app.store.review_models import (
    ClaimSourceLinkRow,
    CommentRow,
    SourceRow,
    StatusChangeRow,
)
from editor_app.store.settings import acting_user_in
from editor_app.store.store import Store

T = TypeVar("T")

SOURCE_FIELDS = ("outlet", "title", "url", "published_on", "accessed_on", "supports", "note")


def _clean(text: str | None) -> str:
    return normalize_for_store(text or "").text.strip()


# -- rows to dataclasses ------------------------------------------------------------------------


def _to_change(row: StatusChangeRow) -> StatusChange:
    return StatusChange(
        from_status=ArticleStatus(row.from_status),
        to_status=ArticleStatus(row.to_status),
        who=row.who,
        at=row.at,
        note=row.note,
        override_reason=row.override_reason,
        id=row.id,
        article_id=row.article_id,
    )


def _to_link(row: ClaimSourceLinkRow) -> SourceLink:
    return SourceLink(
        source_id=row.source_id,
        claim_id=row.claim_id,
        response_id=row.response_id,
        appearance_id=row.appearance_id,
        id=row.id,
    )


def _to_source(row: SourceRow, links: Sequence[ClaimSourceLinkRow] = ()) -> Source:
    return Source(
        id=row.id,
        article_id=row.article_id,
        outlet=row.outlet,
        title=row.title,
        url=row.url,
        published_on=row.published_on,
        accessed_on=row.accessed_on,
        supports=row.supports,
        note=row.note,
        verified_by=row.verified_by,
        verified_at=row.verified_at,
        position=row.position,
        links=[_to_link(k) for k in links],
    )


def _to_comment(row: CommentRow) -> Comment:
    return Comment(
        id=row.id,
        article_id=row.article_id,
        parent_id=row.parent_id,
        author=row.author,
        body=row.body,
        anchor_start=row.anchor_start,
        anchor_end=row.anchor_end,
        anchor_text=row.anchor_text,
        resolved=row.resolved,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
        detached=row.detached,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


# -- anchors through edits ----------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_MAX_TOKENS = 60_000


@dataclass(frozen=True)
class EditMap:
    """Maps positions of an old text to a new one through the characters both share.

    `blocks` are matching runs (old_start, new_start, length), in order, not overlapping."""

    blocks: tuple[tuple[int, int, int], ...]

    @classmethod
    def between(cls, old: str, new: str) -> EditMap:
        n = min(len(old), len(new))
        p = 0
        # common prefix and suffix (fast path: a typical autosave changes one spot)
        if old[:n] == new[:n]:
            p = n
        else:
            lo, hi = 0, n
            while lo < hi:  # binary search on slices: C speed on long texts
                mid = (lo + hi + 1) // 2
                if old[:mid] == new[:mid]:
                    lo = mid
                else:
                    hi = mid - 1
            p = lo
        m = n - p
        lo, hi = 0, m
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if old[len(old) - mid :] == new[len(new) - mid :]:
                lo = mid
            else:
                hi = mid - 1
        s = lo
        blocks: list[tuple[int, int, int]] = []
        if p:
            blocks.append((0, 0, p))
        old_mid, new_mid = old[p : len(old) - s], new[p : len(new) - s]
        if old_mid and new_mid:
            blocks.extend((p + a, p + b, k) for a, b, k in _matching(old_mid, new_mid))
        if s:
            blocks.append((len(old) - s, len(new) - s, s))
        return cls(tuple(blocks))

    def map_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The new range of the surviving characters of old [start, end); None if none survive."""
        first = last = None
        for a, b, k in self.blocks:
            lo, hi = max(a, start), min(a + k, end)
            if lo < hi:
                if first is None:
                    first = b + (lo - a)
                last = b + (hi - a)
        if first is None or last is None:
            return None
        return first, last


def _matching(old: str, new: str) -> list[tuple[int, int, int]]:
    """Matching character runs of two texts, through a token-level SequenceMatcher."""
    ta, tb = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(ta) > _MAX_TOKENS or len(tb) > _MAX_TOKENS:
        ta, tb = old.split("\n"), new.split("\n")
        ta = [t + "\n" for t in ta[:-1]] + [ta[-1]]
        tb = [t + "\n" for t in tb[:-1]] + [tb[-1]]
    oa = [0]
    for t in ta:
        oa.append(oa[-1] + len(t))
    ob = [0]
    for t in tb:
        ob.append(ob[-1] + len(t))
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    out = []
    for i, j, k in sm.get_matching_blocks():
        if k:
            out.append((oa[i], ob[j], oa[i + k] - oa[i]))
    return out


def _trim(text: str, start: int, end: int, quoted: str) -> tuple[int, int]:
    """Drop whitespace the edit left at the range's ends (unless the quoted text had it)."""
    if not quoted[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not quoted[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _closest(text: str, needle: str, near: int) -> int | None:
    if not needle:
        return None
    best = None
    i = text.find(needle)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return best


# -- the store ----------------------------------------------------------------------------------


class ReviewStore:
    """Status history, sources and comments of the articles in `store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- plumbing -----------------------------------------------------------------------

    def _read(self) -> Session:
        return self.store._sessions()

    def _run(self, work: Callable[[Session], T]) -> T:
        with self.store.transaction() as s:
            return work(s)

    @staticmethod
    def _article(s: Session, article_id: int) -> ArticleRow:
        row = s.get(ArticleRow, article_id)
        if row is None:
            raise KeyError(article_id)
        return row

    # -- workflow -----------------------------------------------------------------------

    def checklist(
        self,
        article_id: int,
        *,
        suggestions: Iterable[Any] | None = None,
        directory: Any = None,
        now: datetime | None = None,
    ) -> list[CheckItem]:
        """The checklist for the stored article, with its claims, tags, comments, sources and
        dismissals. Without `suggestions` the ticker suggestions are computed from its text
        (loads the symbol directory unless `directory` is given)."""
        from editor_app.core.checklist import run_checklist, suggestion_text, ticker_suggestions
        from editor_app.store.package import load_package
        from editor_app.store.tickers import TickerTagStore

        package = load_package(self.store, article_id)
        if package is None:
            raise KeyError(article_id)
        a = package.article
        if suggestions is None:
            suggestions = ticker_suggestions(suggestion_text(a.title, a.dek, a.body), directory)
        tickers = TickerTagStore(self.store)
        return run_checklist(
            package,
            comments=self.list_comments(article_id, threaded=False),
            sources=self.list_sources(article_id),
            suggestions=suggestions,
            dismissed=tickers.dismissed(article_id),
            aliases=_aliases(package, directory),
            now=now,
        )

    def change_status(
        self,
        article_id: int,
        to: ArticleStatus | str,
        *,
        who: str = "",
        note: str = "",
        checklist_items: Sequence[CheckItem] | None = None,
        override_reason: str = "",
    ) -> StatusChange:
        """Move the article to `to` and record who, when, the note and any override.

        Raises InvalidTransition for a move the workflow does not allow. Moving to approved or
        published checks `checklist_items` (run here when None): errors raise ChecklistBlocked
        unless `override_reason` is given, which is then recorded. Publishing sets
        `published_at` (kept through later corrections). A "status change" revision is recorded
        in the same transaction."""
        to_status = parse_status(to)
        who = acting_user_in(self.store, who)
        note, override_reason = _clean(note), _clean(override_reason)
        with self._read() as s:
            current = ArticleStatus(self._article(s, article_id).status)
        check_transition(current, to_status)
        errors: list[CheckItem] = []
        if runs_checklist(to_status):
            items = self.checklist(article_id) if checklist_items is None else list(checklist_items)
            errors = [i for i in items if i.level == "error"]
            if errors and not override_reason:
                raise ChecklistBlocked(errors, to_status)
        if not errors:
            override_reason = ""  # nothing was overridden

        def work(s: Session) -> StatusChange:
            from editor_app.store.revisions import RevisionStore

            row = self._article(s, article_id)
            before = ArticleStatus(row.status)
            check_transition(before, to_status)  # again, inside the transaction
            now = utcnow()
            row.status = to_status.value
            row.updated_at = now
            if to_status == ArticleStatus.PUBLISHED and row.published_at is None:
                row.published_at = now
            change = StatusChangeRow(
                article_id=article_id,
                from_status=before.value,
                to_status=to_status.value,
                who=who,
                at=now,
                note=note,
                override_reason=override_reason,
            )
            s.add(change)
            s.flush()
            RevisionStore(self.store)._record(s, row, "status change", who, at=now)
            return _to_change(change)

        return self._run(work)

    def status_history(self, article_id: int) -> list[StatusChange]:
        """Every status change of the article, oldest first."""
        stmt = (
            select(StatusChangeRow)
            .where(StatusChangeRow.article_id == article_id)
            .order_by(StatusChangeRow.at, StatusChangeRow.id)
        )
        with self._read() as s:
            return [_to_change(r) for r in s.scalars(stmt)]

    # -- sources ------------------------------------------------------------------------

    def list_sources(self, article_id: int) -> list[Source]:
        """The article's sources in pane order, each with its claim links."""
        with self._read() as s:
            rows = list(
                s.scalars(
                    select(SourceRow)
                    .where(SourceRow.article_id == article_id)
                    .order_by(SourceRow.position, SourceRow.id)
                )
            )
            links = self._links(s, [r.id for r in rows])
            return [_to_source(r, links.get(r.id, ())) for r in rows]

    @staticmethod
    def _links(s: Session, source_ids: list[int]) -> dict[int, list[ClaimSourceLinkRow]]:
        out: dict[int, list[ClaimSourceLinkRow]] = {}
        if not source_ids:
            return out
        stmt = (
            select(ClaimSourceLinkRow)
            .where(ClaimSourceLinkRow.source_id.in_(source_ids))
            .order_by(ClaimSourceLinkRow.id)
        )
        for link in s.scalars(stmt):
            out.setdefault(link.source_id, []).append(link)
        return out

    def get_source(self, source_id: int) -> Source | None:
        with self._read() as s:
            row = s.get(SourceRow, source_id)
            return _to_source(row, self._links(s, [row.id]).get(row.id, ())) if row else None

    def add_source(
        self,
        article_id: int,
        *,
        outlet: str = "",
        title: str = "",
        url: str = "",
        published_on: date | None = None,
        accessed_on: date | None = None,
        supports: str = "",
        note: str = "",
    ) -> Source:
        """A new source at the end of the article's list (unverified)."""

        def work(s: Session) -> Source:
            self._article(s, article_id)
            pos = s.scalar(select(func.max(SourceRow.position)).where(SourceRow.article_id == article_id))
            row = SourceRow(
                article_id=article_id,
                outlet=_clean(outlet),
                title=_clean(title),
                url=_clean(url),
                published_on=published_on,
                accessed_on=accessed_on,
                supports=_clean(supports),
                note=_clean(note),
                position=0 if pos is None else pos + 1,
            )
            s.add(row)
            s.flush()
            return _to_source(row)

        return self._run(work)

    def update_source(self, source_id: int, **fields: Any) -> Source:
        """Change any of outlet, title, url, published_on, accessed_on, supports, note.

        Changing the URL of a verified source clears the verification (it is a new source)."""
        unknown = set(fields) - set(SOURCE_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")

        def work(s: Session) -> Source:
            row = s.get(SourceRow, source_id)
            if row is None:
                raise KeyError(source_id)
            for name, value in fields.items():
                if name in ("published_on", "accessed_on"):
                    setattr(row, name, value)
                else:
                    value = _clean(value)
                    if name == "url" and value != row.url:
                        row.verified_at, row.verified_by = None, ""
                    setattr(row, name, value)
            return _to_source(row, self._links(s, [row.id]).get(row.id, ()))

        return self._run(work)

    def delete_source(self, source_id: int) -> None:
        def work(s: Session) -> None:
            row = s.get(SourceRow, source_id)
            if row is None:
                raise KeyError(source_id)
            article_id = row.article_id
            s.delete(row)
            s.flush()
            self._renumber(s, article_id)

        self._run(work)

    @staticmethod
    def _renumber(s: Session, article_id: int, order: list[SourceRow] | None = None) -> None:
        rows = (
            order
            if order is not None
            else list(
                s.scalars(
                    select(SourceRow)
                    .where(SourceRow.article_id == article_id)
                    .order_by(SourceRow.position, SourceRow.id)
                )
            )
        )
        for i, r in enumerate(rows):
            if r.position != i:
                r.position = i

    def move(self, source_id: int, new_position: int) -> list[Source]:
        """Move a source to `new_position` (0-based, clamped); returns the article's sources."""

        def work(s: Session) -> int:
            row = s.get(SourceRow, source_id)
            if row is None:
                raise KeyError(source_id)
            rows = list(
                s.scalars(
                    select(SourceRow)
                    .where(SourceRow.article_id == row.article_id)
                    .order_by(SourceRow.position, SourceRow.id)
                )
            )
            rows.remove(row)
            rows.insert(max(0, min(new_position, len(rows))), row)
            self._renumber(s, row.article_id, rows)
            return row.article_id

        return self.list_sources(self._run(work))

    def verify(self, source_id: int, who: str = "") -> Source:
        """Mark the source verified by `who` now (again if it already was)."""
        return self._set_verified(source_id, acting_user_in(self.store, who))

    def unverify(self, source_id: int) -> Source:
        return self._set_verified(source_id, None)

    def _set_verified(self, source_id: int, who: str | None) -> Source:
        def work(s: Session) -> Source:
            row = s.get(SourceRow, source_id)
            if row is None:
                raise KeyError(source_id)
            row.verified_by = who or ""
            row.verified_at = utcnow() if who is not None else None
            return _to_source(row, self._links(s, [row.id]).get(row.id, ()))

        return self._run(work)

    # -- source links -------------------------------------------------------------------

    def link(
        self, source_id: int, claim_id: int, *, response_id: int | None = None, appearance_id: int | None = None
    ) -> SourceLink:
        """Link a source to a claim, or to one of its responses or appearances (idempotent).
        The source and the claim must belong to the same article."""
        if response_id is not None and appearance_id is not None:
            raise ValueError("link a source to a response or to an appearance, not both")

        def work(s: Session) -> SourceLink:
            src = s.get(SourceRow, source_id)
            claim = s.get(ClaimRow, claim_id)
            if src is None:
                raise KeyError(source_id)
            if claim is None:
                raise KeyError(claim_id)
            if src.article_id != claim.article_id:
                raise ValueError("the source and the claim belong to different articles")
            for child_id, model, what in (
                (response_id, ResponseRow, "response"),
                (appearance_id, AppearanceRow, "appearance"),
            ):
                if child_id is not None:
                    child = s.get(model, child_id)
                    if child is None or child.claim_id != claim_id:
                        raise ValueError(f"{what} {child_id} is not part of claim {claim.key}")
            existing = s.scalars(
                select(ClaimSourceLinkRow).where(
                    ClaimSourceLinkRow.source_id == source_id,
                    ClaimSourceLinkRow.claim_id == claim_id,
                    ClaimSourceLinkRow.response_id.is_(None)
                    if response_id is None
                    else ClaimSourceLinkRow.response_id == response_id,
                    ClaimSourceLinkRow.appearance_id.is_(None)
                    if appearance_id is None
                    else ClaimSourceLinkRow.appearance_id == appearance_id,
                )
            ).first()
            if existing is not None:
                return _to_link(existing)
            row = ClaimSourceLinkRow(
                source_id=source_id, claim_id=claim_id, response_id=response_id, appearance_id=appearance_id
            )
            s.add(row)
            s.flush()
            return _to_link(row)

        return self._run(work)

    def unlink(self, link_id: int) -> None:
        def work(s: Session) -> None:
            s.execute(delete(ClaimSourceLinkRow).where(ClaimSourceLinkRow.id == link_id))
            note_changes(s, Changes(articles=None, sources=True))

        self._run(work)

    def unlink_source(self, source_id: int, claim_id: int | None = None) -> int:
        """Remove the source's links (to one claim, or all); returns how many."""

        def work(s: Session) -> int:
            stmt = delete(ClaimSourceLinkRow).where(ClaimSourceLinkRow.source_id == source_id)
            if claim_id is not None:
                stmt = stmt.where(ClaimSourceLinkRow.claim_id == claim_id)
            note_changes(s, Changes(articles=None, sources=True))
            return s.execute(stmt).rowcount or 0

        return self._run(work)

    def sources_for_claim(self, claim_id: int) -> list[Source]:
        """Sources linked to the claim (or to its responses or appearances), in pane order;
        each carries only its links to this claim."""
        with self._read() as s:
            links = list(
                s.scalars(
                    select(ClaimSourceLinkRow)
                    .where(ClaimSourceLinkRow.claim_id == claim_id)
                    .order_by(ClaimSourceLinkRow.id)
                )
            )
            ids = sorted({k.source_id for k in links})
            if not ids:
                return []
            rows = s.scalars(select(SourceRow).where(SourceRow.id.in_(ids)).order_by(SourceRow.position, SourceRow.id))
            return [_to_source(r, [k for k in links if k.source_id == r.id]) for r in rows]

    # -- comments -----------------------------------------------------------------------

    def add_comment(
        self,
        article_id: int,
        body: str,
        author: str = "",
        *,
        anchor: tuple[int, int, str] | None = None,
        parent_id: int | None = None,
    ) -> Comment:
        """A comment on the range `anchor` = (start, end, quoted text) of the body, or on the
        whole article (`anchor` None); with `parent_id`, a reply (replies carry no anchor)."""
        body = _clean(body)
        if not body:
            raise ValueError("A comment needs some text.")
        author = acting_user_in(self.store, author)

        def work(s: Session) -> Comment:
            article = self._article(s, article_id)
            start = end = None
            quoted = ""
            if parent_id is not None:
                parent = s.get(CommentRow, parent_id)
                if parent is None or parent.article_id != article_id:
                    raise KeyError(parent_id)
                while parent.parent_id is not None:  # replies go to the thread's first comment
                    parent = s.get(CommentRow, parent.parent_id)
                root_id = parent.id
            else:
                root_id = None
                if anchor is not None:
                    start, end, quoted = anchor
                    if not 0 <= start < end <= len(article.body):
                        raise ValueError(
                            f"comment range {start}..{end} is outside the text (length {len(article.body)})"
                        )
                    quoted = quoted or article.body[start:end]
            now = utcnow()
            row = CommentRow(
                article_id=article_id,
                parent_id=root_id,
                author=author,
                body=body,
                anchor_start=start,
                anchor_end=end,
                anchor_text=quoted,
                detached=False,
                resolved=False,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            if root_id is not None:
                s.get(CommentRow, root_id).updated_at = now
            s.flush()
            return _to_comment(row)

        return self._run(work)

    def reply(self, comment_id: int, body: str, author: str = "") -> Comment:
        with self._read() as s:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            article_id = row.article_id
        return self.add_comment(article_id, body, author, parent_id=comment_id)

    def edit_comment(self, comment_id: int, body: str) -> Comment:
        body = _clean(body)
        if not body:
            raise ValueError("A comment needs some text.")

        def work(s: Session) -> Comment:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            row.body, row.updated_at = body, utcnow()
            return _to_comment(row)

        return self._run(work)

    def delete_comment(self, comment_id: int) -> None:
        """Delete a comment (a thread's first comment takes its replies with it)."""

        def work(s: Session) -> None:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            s.delete(row)

        self._run(work)

    def resolve(self, comment_id: int, who: str = "") -> Comment:
        """Resolve the comment's thread (a reply resolves the thread it belongs to)."""
        return self._set_resolved(comment_id, acting_user_in(self.store, who))

    def reopen(self, comment_id: int) -> Comment:
        return self._set_resolved(comment_id, None)

    def _set_resolved(self, comment_id: int, who: str | None) -> Comment:
        def work(s: Session) -> Comment:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            if row.parent_id is not None:
                row = s.get(CommentRow, row.parent_id)
            now = utcnow()
            row.resolved = who is not None
            row.resolved_by = who or ""
            row.resolved_at = now if who is not None else None
            row.updated_at = now
            return _to_comment(row)

        return self._run(work)

    def set_anchor(self, comment_id: int, anchor: tuple[int, int, str] | None) -> Comment:
        """Re-attach a (detached) comment to a new range, or make it a whole-article comment."""

        def work(s: Session) -> Comment:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            if anchor is None:
                row.anchor_start = row.anchor_end = None
                row.anchor_text = ""
            else:
                body = self._article(s, row.article_id).body
                start, end, quoted = anchor
                if not 0 <= start < end <= len(body):
                    raise ValueError(f"comment range {start}..{end} is outside the text")
                row.anchor_start, row.anchor_end = start, end
                row.anchor_text = quoted or body[start:end]
            row.detached = False
            row.updated_at = utcnow()
            return _to_comment(row)

        return self._run(work)

    def get_comment(self, comment_id: int) -> Comment | None:
        with self._read() as s:
            row = s.get(CommentRow, comment_id)
            return _to_comment(row) if row else None

    def list_comments(self, article_id: int, *, threaded: bool = True) -> list[Comment]:
        """Threads (first comments with `replies`, oldest first), or every comment flat."""
        with self._read() as s:
            rows = list(
                s.scalars(
                    select(CommentRow)
                    .where(CommentRow.article_id == article_id)
                    .order_by(CommentRow.created_at, CommentRow.id)
                )
            )
        comments = [_to_comment(r) for r in rows]
        if not threaded:
            return comments
        roots = {c.id: c for c in comments if c.parent_id is None}
        for c in comments:
            if c.parent_id is not None and c.parent_id in roots:
                roots[c.parent_id].replies.append(c)
        return list(roots.values())

    def open_comment_counts(self) -> dict[int, int]:
        """{article id: open threads} for articles that have any (one query, for the library)."""
        stmt = (
            select(CommentRow.article_id, func.count())
            .where(CommentRow.parent_id.is_(None), CommentRow.resolved.is_(False))
            .group_by(CommentRow.article_id)
        )
        with self._read() as s:
            return {aid: n for aid, n in s.execute(stmt)}

    def reanchor_comments(self, article_id: int, old_text: str, new_text: str) -> list[Comment]:
        """Move the article's comment ranges from `old_text` to `new_text` (its body before and
        after an edit). A range keeps its surviving characters (typing inside widens it, a
        partial delete shrinks it); when none survive, the quoted text is looked for nearby and
        the comment re-attached there, else it is flagged `detached`. Returns the comments
        whose anchor changed."""
        if old_text == new_text:
            return []
        new_text = normalize_for_store(new_text).text

        def work(s: Session) -> list[Comment]:
            rows = list(
                s.scalars(
                    select(CommentRow).where(
                        CommentRow.article_id == article_id,
                        CommentRow.anchor_start.is_not(None),
                        CommentRow.detached.is_(False),
                    )
                )
            )
            if not rows:
                return []
            emap = EditMap.between(old_text, new_text)
            changed = []
            for row in rows:
                start, end = row.anchor_start or 0, row.anchor_end or 0
                mapped = emap.map_range(start, end)
                if mapped is not None and new_text[mapped[0] : mapped[1]].strip():
                    new_range = _trim(new_text, *mapped, row.anchor_text)
                else:
                    at = _closest(new_text, row.anchor_text, start) if len(row.anchor_text) >= 4 else None
                    new_range = (at, at + len(row.anchor_text)) if at is not None else None
                if new_range is None:
                    row.detached = True
                    row.anchor_start = row.anchor_end = None
                elif new_range != (start, end):
                    row.anchor_start, row.anchor_end = new_range
                else:
                    continue
                changed.append(_to_comment(row))
            return changed

        return self._run(work)


def _aliases(package: Any, directory: Any) -> dict[tuple[str, str], list[str]]:
    """Curated names of each tagged listing (for the "never named" warning)."""
    if not package.tickers:
        return {}
    try:
        from editor_app.core.tickers.directory import default_directory

        directory = directory or default_directory()
        out: dict[tuple[str, str], list[str]] = {}
        wanted = {t.key for t in package.tickers}
        for alias in directory.aliases:
            li = directory.listing(alias.listing_id)
            for x in directory.listings_of(li.issuer_id):
                if (x.symbol, x.mic) in wanted:
                    out.setdefault((x.symbol, x.mic), []).append(alias.text)
        return out
    except Exception:
        return {}
