"""Source notes in the store: what the desk checked a story against (outlet, title, URL,
dates, what it supports), verified or not, ordered, and linked to the claims they back. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import utcnow
from editor_app.core.changes import Changes
from editor_app.core.workflow import (
    Source,
    SourceLink,
)
from editor_app.store.change_feed import note as note_changes
from editor_app.store.models import AppearanceRow, ClaimRow, ResponseRow
from editor_app.store.review_models import (
    ClaimSourceLinkRow,
    SourceRow,
)
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore, clean_text

SOURCE_FIELDS = ("outlet", "title", "url", "published_on", "accessed_on", "supports", "note")


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


class SourceStore(SubStore):
    """Sources of the articles in `store`."""

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
                outlet=clean_text(outlet),
                title=clean_text(title),
                url=clean_text(url),
                published_on=published_on,
                accessed_on=accessed_on,
                supports=clean_text(supports),
                note=clean_text(note),
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
                    value = clean_text(value)
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
