"""The reply requests table (on the same declarative `Base` as the claims). Changes here need an
Alembic revision in store/migrations/versions (0012_reply_requests created it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from editor_app.store.models import Base, PartyRow, UTCDateTime

METHODS = ("phone", "email", "statement_request")


class ReplyRequestRow(Base):
    """A request for comment to one party about one claim: how, by whom, when, until when.
    `closed_at` is set when a response of that party is recorded later; whether an open one is
    overdue is derived at read time (`core.reply`), never stored."""

    __tablename__ = "reply_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), nullable=False)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), nullable=False)
    method: Mapped[str] = mapped_column(String(20), nullable=False)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    asked_by: Mapped[str] = mapped_column(String, default="", nullable=False)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)  # UTC
    zone: Mapped[str] = mapped_column(String(64), default="UTC", nullable=False)  # as given: "Asia/Hong_Kong"
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # the response row that closed it; ClaimStore.update rewrites response rows, so SET NULL
    # and `closed_by` keeps which response it was in words
    closed_by_response_id: Mapped[int | None] = mapped_column(
        ForeignKey("claim_responses.id", ondelete="SET NULL"), nullable=True
    )
    closed_by: Mapped[str] = mapped_column(Text, default="", nullable=False)

    party: Mapped[PartyRow] = relationship(lazy="joined")

    __table_args__ = (
        CheckConstraint("method IN ('phone', 'email', 'statement_request')", name="ck_reply_requests_method"),
        Index("ix_reply_requests_article_id", "article_id"),
        Index("ix_reply_requests_claim_party", "claim_id", "party_id"),
        Index("ix_reply_requests_closed_by_response_id", "closed_by_response_id"),
    )
