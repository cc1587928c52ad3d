"""Ticker tags and dismissed suggestions, per article (no Qt).

A thin companion of `Store`: same engine, same sessions and the same error translation, so a
failed write reads like every other one ("locked", "disk full").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

import editor_app.store.ticker_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import ArticleStatus, ArticleSummary, utcnow
from editor_app.core.tickers.tags import TickerTag, check_role
from editor_app.store.models import ArticleRow
from editor_app.store.substore import SubStore
from editor_app.store.ticker_models import ArticleTickerRow, TickerDismissalRow

if TYPE_CHECKING:
    from editor_app.core.tickers.directory import Listing

T = TypeVar("T")


def _to_tag(row: ArticleTickerRow) -> TickerTag:
    return TickerTag(
        symbol=row.symbol,
        mic=row.mic,
        name=row.name,
        exchange=row.exchange,
        role=row.role,
        unlisted=row.unlisted,
        id=row.id,
        article_id=row.article_id,
        position=row.position,
    )


class TickerTagStore(SubStore):
    """Reads and writes of ticker tags; every write runs in its own transaction."""

    @staticmethod
    def _rows(s: Session, article_id: int) -> list[ArticleTickerRow]:
        stmt = (
            select(ArticleTickerRow)
            .where(ArticleTickerRow.article_id == article_id)
            .order_by(ArticleTickerRow.position, ArticleTickerRow.id)
        )
        return list(s.scalars(stmt))

    @staticmethod
    def _renumber(rows: list[ArticleTickerRow]) -> None:
        for i, row in enumerate(rows):
            if row.position != i:
                row.position = i

    # -- reads --------------------------------------------------------------------------

    def list_tags(self, article_id: int) -> list[TickerTag]:
        """The article's tags in published order."""
        with self._read() as s:
            return [_to_tag(r) for r in self._rows(s, article_id)]

    def get(self, tag_id: int) -> TickerTag | None:
        with self._read() as s:
            row = s.get(ArticleTickerRow, tag_id)
            return _to_tag(row) if row else None

    def dismissed(self, article_id: int) -> set[tuple[str, str]]:
        """(symbol, mic) of the suggestions turned down for this article."""
        with self._read() as s:
            stmt = select(TickerDismissalRow.symbol, TickerDismissalRow.mic).where(
                TickerDismissalRow.article_id == article_id
            )
            return {(r.symbol, r.mic) for r in s.execute(stmt)}

    def article_ids_with(self, symbol: str, mic: str) -> set[int]:
        """Ids of the articles (not in the trash) tagged with this listing."""
        with self._read() as s:
            stmt = (
                select(ArticleTickerRow.article_id)
                .join(ArticleRow, ArticleRow.id == ArticleTickerRow.article_id)
                .where(ArticleTickerRow.symbol == symbol, ArticleTickerRow.mic == mic, ArticleRow.deleted_at.is_(None))
            )
            return set(s.scalars(stmt))

    def articles_with(self, symbol: str, mic: str) -> list[ArticleSummary]:
        """Articles (not in the trash) tagged with this listing, newest first."""
        stmt = (
            select(
                ArticleRow.id,
                ArticleRow.title,
                ArticleRow.byline,
                ArticleRow.slug,
                ArticleRow.status,
                ArticleRow.updated_at,
            )
            .join(ArticleTickerRow, ArticleTickerRow.article_id == ArticleRow.id)
            .where(ArticleTickerRow.symbol == symbol, ArticleTickerRow.mic == mic, ArticleRow.deleted_at.is_(None))
            .order_by(ArticleRow.updated_at.desc(), ArticleRow.id.desc())
        )
        with self._read() as s:
            return [
                ArticleSummary(
                    id=r.id,
                    title=r.title,
                    byline=r.byline,
                    slug=r.slug,
                    status=ArticleStatus(r.status),
                    updated_at=r.updated_at,
                )
                for r in s.execute(stmt)
            ]

    def tag_counts(self) -> list[tuple[str, str, str, int]]:
        """(symbol, mic, name, number of articles) over articles not in the trash; most used first."""
        stmt = (
            select(
                ArticleTickerRow.symbol,
                ArticleTickerRow.mic,
                func.max(ArticleTickerRow.name),
                func.count(func.distinct(ArticleTickerRow.article_id)),
            )
            .join(ArticleRow, ArticleRow.id == ArticleTickerRow.article_id)
            .where(ArticleRow.deleted_at.is_(None))
            .group_by(ArticleTickerRow.symbol, ArticleTickerRow.mic)
        )
        with self._read() as s:
            rows = [(r[0], r[1], r[2] or "", int(r[3])) for r in s.execute(stmt)]
        rows.sort(key=lambda r: (-r[3], r[0], r[1]))
        return rows

    # -- writes -------------------------------------------------------------------------

    def add(
        self,
        article_id: int,
        listing: Listing | TickerTag | None = None,
        *,
        symbol: str = "",
        mic: str = "",
        name: str = "",
        exchange: str = "",
        role: str = "mentions",
        unlisted: bool = False,
    ) -> TickerTag:
        """Tag the article with a listing (a directory `Listing`, a `TickerTag`, or the fields).

        Tagging a listing that is already there updates its role; a dismissal of the same
        listing is forgotten (the writer has changed their mind)."""
        check_role(role)
        if isinstance(listing, TickerTag):
            symbol, mic, name, exchange, unlisted = (
                listing.symbol,
                listing.mic,
                listing.name,
                listing.exchange,
                listing.unlisted,
            )
        elif listing is not None:
            symbol, mic, name, exchange = listing.symbol, listing.mic, listing.company, listing.exchange_name
        symbol = symbol.strip().upper()
        mic = (mic or "").strip().upper()
        if not symbol:
            raise ValueError("a ticker tag needs a symbol")

        def work(s: Session) -> TickerTag:
            if s.get(ArticleRow, article_id) is None:
                raise KeyError(article_id)
            rows = self._rows(s, article_id)
            row = next((r for r in rows if r.symbol == symbol and r.mic == mic), None)
            if row is None:
                row = ArticleTickerRow(
                    article_id=article_id,
                    symbol=symbol,
                    mic=mic,
                    name=name.strip(),
                    exchange=exchange.strip(),
                    role=role,
                    unlisted=bool(unlisted),
                    position=len(rows),
                    created_at=utcnow(),
                )
                s.add(row)
            else:
                row.role = role
            s.execute(
                delete(TickerDismissalRow).where(
                    TickerDismissalRow.article_id == article_id,
                    TickerDismissalRow.symbol == symbol,
                    TickerDismissalRow.mic == mic,
                )
            )
            s.flush()
            return _to_tag(row)

        return self._run(work)

    def set_role(self, tag_id: int, role: str) -> TickerTag:
        check_role(role)

        def work(s: Session) -> TickerTag:
            row = s.get(ArticleTickerRow, tag_id)
            if row is None:
                raise KeyError(tag_id)
            row.role = role
            return _to_tag(row)

        return self._run(work)

    def move(self, tag_id: int, new_position: int) -> list[TickerTag]:
        """Put a tag at `new_position` (0-based, clamped); returns the article's tags in order."""

        def work(s: Session) -> list[TickerTag]:
            row = s.get(ArticleTickerRow, tag_id)
            if row is None:
                raise KeyError(tag_id)
            rows = self._rows(s, row.article_id)
            rows.remove(row)
            rows.insert(max(0, min(new_position, len(rows))), row)
            self._renumber(rows)
            return [_to_tag(r) for r in rows]

        return self._run(work)

    def remove(self, tag_id: int) -> TickerTag | None:
        """Untag; returns the removed tag (None if it was already gone)."""

        def work(s: Session) -> TickerTag | None:
            row = s.get(ArticleTickerRow, tag_id)
            if row is None:
                return None
            gone = _to_tag(row)
            s.delete(row)
            s.flush()
            self._renumber(self._rows(s, gone.article_id or 0))
            return gone

        return self._run(work)

    def dismiss(self, article_id: int, symbol: str, mic: str) -> None:
        """Do not suggest this listing for this article again (idempotent)."""

        def work(s: Session) -> None:
            if s.get(ArticleRow, article_id) is None:
                raise KeyError(article_id)
            exists = s.execute(
                select(TickerDismissalRow.id).where(
                    TickerDismissalRow.article_id == article_id,
                    TickerDismissalRow.symbol == symbol,
                    TickerDismissalRow.mic == mic,
                )
            ).first()
            if exists is None:
                s.add(TickerDismissalRow(article_id=article_id, symbol=symbol, mic=mic, created_at=utcnow()))

        self._run(work)

    def undismiss(self, article_id: int, symbol: str | None = None, mic: str | None = None) -> int:
        """Forget one dismissal (or all of the article's); returns how many were forgotten."""

        def work(s: Session) -> int:
            stmt = delete(TickerDismissalRow).where(TickerDismissalRow.article_id == article_id)
            if symbol is not None:
                stmt = stmt.where(TickerDismissalRow.symbol == symbol, TickerDismissalRow.mic == (mic or ""))
            return s.execute(stmt).rowcount or 0

        return self._run(work)
