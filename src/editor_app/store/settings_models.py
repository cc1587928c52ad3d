"""The desk settings and spelling word tables (on the same declarative `Base` as the articles).
Changes here need an Alembic revision in store/migrations/versions (0005_export created the
settings, 0008_spelling_words the words)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.store.models import Base, UTCDateTime


class DeskSettingRow(Base):
    """One editorial setting of the desk: key -> text value."""

    __tablename__ = "desk_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class SpellingWordRow(Base):
    """A word the spell checker accepts: in the desk dictionary (`article_id` NULL, shared by
    everyone on this store) or ignored in one article only."""

    __tablename__ = "spelling_words"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=True)
    word: Mapped[str] = mapped_column(String(100), nullable=False)
    who: Mapped[str] = mapped_column(String, default="", nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (Index("ix_spelling_words_article_word", "article_id", "word"),)
