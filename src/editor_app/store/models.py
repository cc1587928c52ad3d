"""SQLAlchemy tables. Changes here need an Alembic revision in store/migrations/versions."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """SQLite keeps no time zone: store naive UTC, hand back aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String, default="", nullable=False)
    dek: Mapped[str] = mapped_column(String, default="", nullable=False)
    byline: Mapped[str] = mapped_column(String, default="", nullable=False)
    slug: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    slug_locked: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="draft", nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    canonical_url: Mapped[str] = mapped_column(String, default="", server_default="", nullable=False)
    tags: Mapped[str] = mapped_column(Text, default="[]", server_default="[]", nullable=False)  # JSON list
    # +1 on every save that changes headline, dek, byline or body: a save made from an older
    # version is a conflict (store.save's base_version), never a silent overwrite
    text_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1", nullable=False)
    # length target in words (NULL: none) and the body's words, kept on save (0009_word_target)
    word_target: Mapped[int | None] = mapped_column(Integer, nullable=True)
    word_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # embargo (front matter `embargo:`, kept in step on every write) and kill (migration 0011_notices)
    embargo_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    embargo_offset: Mapped[int] = mapped_column(Integer, default=0, server_default="0", nullable=False)  # minutes
    killed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    kill_reason: Mapped[str] = mapped_column(Text, default="", server_default="", nullable=False)
    killed_by: Mapped[str] = mapped_column(String, default="", server_default="", nullable=False)

    __table_args__ = (
        Index("ix_articles_updated_at", "updated_at"),
        # the library's covering index (migration 0006_library, store/library_query.py)
        Index("ix_articles_library", "deleted_at", "updated_at", "id", "status", "byline", "title"),
        Index("ix_articles_embargo_at", "embargo_at"),
    )


# -- claims (revision 0002_claims) ------------------------------------------------------------


class PartyRow(Base):
    """An organisation, person or outlet, shared by all articles; one row per name (any kind)."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, nullable=False)
    name_key: Mapped[str] = mapped_column(String, nullable=False, unique=True)  # casefolded, spaces collapsed
    kind: Mapped[str] = mapped_column(String(20), default="organisation", nullable=False)
    ticker: Mapped[str] = mapped_column(String, default="", nullable=False)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    key: Mapped[str] = mapped_column(String(32), nullable=False)
    short: Mapped[str] = mapped_column(String, default="", nullable=False)
    wording: Mapped[str] = mapped_column(Text, default="", nullable=False)
    first_reported: Mapped[date | None] = mapped_column(Date, nullable=True)
    override_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    override_reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    override_by: Mapped[str] = mapped_column(String, default="", nullable=False)
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1", nullable=False)  # +1 per update

    appearances: Mapped[list[AppearanceRow]] = relationship(
        order_by="AppearanceRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    responses: Mapped[list[ResponseRow]] = relationship(
        order_by="ResponseRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    events: Mapped[list[StatusEventRow]] = relationship(
        order_by="(StatusEventRow.at, StatusEventRow.id)", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        UniqueConstraint("article_id", "key", name="uq_claims_article_key"),
        Index("ix_claims_article_position", "article_id", "position"),
    )


class AppearanceRow(Base):
    __tablename__ = "claim_appearances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), nullable=False)
    outlet_party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), nullable=True)
    title: Mapped[str] = mapped_column(String, default="", nullable=False)
    url: Mapped[str] = mapped_column(String, default="", nullable=False)
    date: Mapped[date | None] = mapped_column(Date, nullable=True)
    is_first: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    attribution: Mapped[str] = mapped_column(String, default="", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    outlet: Mapped[PartyRow | None] = relationship(lazy="joined")

    __table_args__ = (
        Index("ix_claim_appearances_claim_id", "claim_id"),
        Index("ix_claim_appearances_outlet_party_id", "outlet_party_id"),
    )


class ResponseRow(Base):
    __tablename__ = "claim_responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), nullable=False)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), nullable=True)
    stance: Mapped[str] = mapped_column(String(32), nullable=False)
    quote: Mapped[str] = mapped_column(Text, default="", nullable=False)
    spokesperson: Mapped[str] = mapped_column(String, default="", nullable=False)
    date: Mapped[date | None] = mapped_column(Date, nullable=True)
    channel: Mapped[str] = mapped_column(String(32), default="statement", nullable=False)
    reported_by_party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), nullable=True)
    source_url: Mapped[str] = mapped_column(String, default="", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    party: Mapped[PartyRow | None] = relationship(foreign_keys=[party_id], lazy="joined")
    reported_by: Mapped[PartyRow | None] = relationship(foreign_keys=[reported_by_party_id], lazy="joined")

    __table_args__ = (
        Index("ix_claim_responses_claim_id", "claim_id"),
        Index("ix_claim_responses_party_id", "party_id"),
        Index("ix_claim_responses_reported_by_party_id", "reported_by_party_id"),
    )


class StatusEventRow(Base):
    """Every change of a claim's effective status, with who and when (append-only)."""

    __tablename__ = "claim_status_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # derived | override | override_cleared
    who: Mapped[str] = mapped_column(String, default="", nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (Index("ix_claim_status_events_claim_id", "claim_id"),)


class ProposalDismissalRow(Base):
    """A claim the reporting assistant proposed and the writer dismissed: never proposed again
    for this article. Keyed by the claim's words (case and spacing ignored), not by offsets, so
    that typing elsewhere does not bring it back."""

    __tablename__ = "claim_proposal_dismissals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    key: Mapped[str] = mapped_column(String(40), nullable=False)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    who: Mapped[str] = mapped_column(String, default="", nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (UniqueConstraint("article_id", "key", name="uq_claim_proposal_dismissals_article_key"),)
