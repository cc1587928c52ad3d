"""The images table (on the same declarative `Base` as the articles); 0010_article_images
created it. An image is a content-addressed blob: its key is the SHA-256 of its bytes, so the
same picture pasted twice, or into two articles, is stored once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.store.models import Base, UTCDateTime


class ImageRow(Base):
    __tablename__ = "images"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # lower-case hex
    mime: Mapped[str] = mapped_column(String(40), nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)  # len(data), for listings without the blob
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    who: Mapped[str] = mapped_column(String, default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
