"""The desk settings table (on the same declarative `Base` as the articles). Changes here need
an Alembic revision in store/migrations/versions (0005_export created it)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.store.models import Base


class DeskSettingRow(Base):
    """One editorial setting of the desk: key -> text value."""

    __tablename__ = "desk_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")
