"""Small pieces the review panes share: who is acting and how a stored time reads.

Everything here is presentation; the rules live in `core.workflow` and `core.checklist`; colours
and icons of a status are in `ui.common.theme`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from editor_app.store.settings import acting_user_in
from editor_app.store.store import Store


def who_acts(store: Store) -> str:
    """Who is acting (read each time: it may change): this account's saved name, else
    EDITOR_APP_USER, else the store's legacy desk user, else the OS login (`core.identity`)."""
    return acting_user_in(store)


def local_time(at: datetime | None, *, seconds: bool = False) -> str:
    """A stored UTC time as the desk reads it: local, 'YYYY-MM-DD HH:MM'."""
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
