"""Ticker tag tables (on the same declarative `Base` as the articles). Changes here need an
Alembic revision in store/migrations/versions (0003_tickers created them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.store.models import Base, UTCDateTime


class ArticleTickerRow(Base):
    """A confirmed tag: the article is about, or mentions, this listing."""

    __tablename__ = "article_tickers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    symbol: Mapped[str] = mapped_column(String(32), nullable=False)
    mic: Mapped[str] = mapped_column(String(8), nullable=False, default="")
    name: Mapped[str] = mapped_column(String, nullable=False, default="")
    exchange: Mapped[str] = mapped_column(String, nullable=False, default="")
    role: Mapped[str] = mapped_column(String(10), nullable=False, default="mentions")
    unlisted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        UniqueConstraint("article_id", "symbol", "mic", name="uq_article_tickers_article_symbol_mic"),
        Index("ix_article_tickers_symbol_mic", "symbol", "mic"),
    )


class TickerDismissalRow(Base):
    """A suggestion the writer turned down for this article: not suggested again there."""

    __tablename__ = "ticker_dismissals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    symbol: Mapped[str] = mapped_column(String(32), nullable=False)
    mic: Mapped[str] = mapped_column(String(8), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (UniqueConstraint("article_id", "symbol", "mic", name="uq_ticker_dismissals_article_symbol_mic"),)
