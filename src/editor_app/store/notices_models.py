"""The notices table (migration 0011_notices): corrections, clarifications and updates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.store.models import Base, UTCDateTime


class NoticeRow(Base):
    """One notice. Published ones (`published_at` set) are never updated nor deleted: the
    migration's triggers refuse it, whoever writes."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="RESTRICT"), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    who: Mapped[str] = mapped_column(String, default="", server_default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        CheckConstraint("kind IN ('update', 'clarification', 'correction')", name="ck_notices_kind"),
        Index("ix_notices_article", "article_id", "id"),
        Index("ix_notices_published_at", "published_at"),
    )
