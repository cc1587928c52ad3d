"""Review tables (status history, sources, comments, revisions) on the shared declarative `Base`.
Changes here need an Alembic revision in store/migrations/versions (0004_review created them).

The full-text index `articles_fts` (FTS5, external content = `articles`) is not a mapped table:
0004_review creates it with the triggers that keep it in sync; see store/search.py.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.store.models import Base, UTCDateTime


class StatusChangeRow(Base):
    """Every change of an article's workflow status (append-only)."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    from_status: Mapped[str] = mapped_column(String(20), nullable=False)
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    who: Mapped[str] = mapped_column(String, nullable=False, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    override_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (Index("ix_status_changes_article_id", "article_id", "at"),)


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    outlet: Mapped[str] = mapped_column(String, nullable=False, default="")
    title: Mapped[str] = mapped_column(String, nullable=False, default="")
    url: Mapped[str] = mapped_column(String, nullable=False, default="")
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    accessed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    supports: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    verified_by: Mapped[str] = mapped_column(String, nullable=False, default="")
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (Index("ix_sources_article_position", "article_id", "position"),)


class ClaimSourceLinkRow(Base):
    """A source backing a claim (and, optionally, one appearance or response of it).

    Deleting the source or the claim deletes the link. Deleting the appearance or response
    (ClaimStore.update rewrites those rows) keeps the link on the claim (SET NULL), so a claim
    edit never silently drops the editor's source links."""

    __tablename__ = "claim_source_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), nullable=False)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), nullable=False)
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("claim_responses.id", ondelete="SET NULL"), nullable=True
    )
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("claim_appearances.id", ondelete="SET NULL"), nullable=True
    )

    __table_args__ = (
        Index("ix_claim_source_links_source_id", "source_id"),
        Index("ix_claim_source_links_claim_id", "claim_id"),
        Index("ix_claim_source_links_response_id", "response_id"),
        Index("ix_claim_source_links_appearance_id", "appearance_id"),
    )


class CommentRow(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"), nullable=True)
    author: Mapped[str] = mapped_column(String, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    anchor_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anchor_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anchor_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    detached: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    resolved: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    resolved_by: Mapped[str] = mapped_column(String, nullable=False, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        Index("ix_comments_article_id", "article_id", "resolved"),
        Index("ix_comments_parent_id", "parent_id"),
    )


class RevisionRow(Base):
    """A saved state of an article: header fields in plain columns, the body in `data`.

    kind "full": `data` is the zlib-compressed UTF-8 body. kind "delta": `data` is a compressed
    line delta against the full snapshot `base_id` (see store/revisions.py)."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)  # last coalesced save
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    who: Mapped[str] = mapped_column(String, nullable=False, default="")
    base_id: Mapped[int | None] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"), nullable=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)  # characters of the body
    title: Mapped[str] = mapped_column(String, nullable=False, default="")
    dek: Mapped[str] = mapped_column(String, nullable=False, default="")
    byline: Mapped[str] = mapped_column(String, nullable=False, default="")
    # the text that went out: each publication and each notice on the live article (0011_notices)
    published: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")

    __table_args__ = (Index("ix_revisions_article_id", "article_id", "id"),)
