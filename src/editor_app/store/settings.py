"""Desk settings in the store: a key/value table read into `core.settings.DeskSettings` (no Qt)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from editor_app.core.identity import name_or_acting
from editor_app.core.settings import DeskSettings
from editor_app.store.settings_models import DeskSettingRow
from editor_app.store.store import Store

__all__ = ["DeskSettingRow", "SettingsStore", "acting_user_in"]


def acting_user_in(store: Store, who: str = "") -> str:
    """Who acts on `store`: `who` if given, else `core.identity.acting_user` with the store's
    legacy desk-user setting as its fallback (read outside any open transaction)."""
    if who and who.strip():
        return name_or_acting(who)
    try:
        legacy = SettingsStore(store).load().desk_user
    except Exception:  # a store that cannot be read here still records someone
        legacy = ""
    return name_or_acting("", legacy)


class SettingsStore:
    """`load()` never fails on a store without the table yet (defaults); `save()` writes all keys
    in one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self) -> DeskSettings:
        try:
            with self.store._sessions() as s:
                items = {row.key: row.value for row in s.scalars(select(DeskSettingRow))}
        except OperationalError as exc:
            if "no such table" in str(exc):
                return DeskSettings()
            raise
        return DeskSettings.from_items(items)

    def save(self, settings: DeskSettings) -> DeskSettings:
        problems = settings.problems()
        if problems:
            raise ValueError(" ".join(problems))
        with self.store.transaction() as s:
            for key, value in settings.to_items().items():
                row = s.get(DeskSettingRow, key)
                if row is None:
                    s.add(DeskSettingRow(key=key, value=value))
                elif row.value != value:
                    row.value = value
        return settings
