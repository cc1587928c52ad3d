"""The store's change feed: every committed transaction announces what it wrote.

Changes are read from the rows a session flushed (new, changed, deleted), so a new write
method cannot forget to announce itself; bulk statements that bypass the ORM say what they
touched with `note(session, Changes(...))`. Listeners run on the writing thread after the
commit (the autosave writer, the review worker, the UI thread): the window's change bus moves
them to the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from editor_app.core.changes import Changes
from editor_app.store.models import (
    AppearanceRow,
    ArticleRow,
    ClaimRow,
    PartyRow,
    ProposalDismissalRow,
    ResponseRow,
    StatusEventRow,
)
from editor_app.store.notices_models import NoticeRow
from editor_app.store.reply_models import ReplyRequestRow
from editor_app.store.review_models import ClaimSourceLinkRow, CommentRow, RevisionRow, SourceRow, StatusChangeRow
from editor_app.store.settings_models import DeskSettingRow, SpellingWordRow
from editor_app.store.ticker_models import ArticleTickerRow, TickerDismissalRow

Listener = Callable[[Changes], None]
_KEY = "editor_app.changes"

# row type -> the flag it sets
_KIND: dict[type, str] = {
    ClaimRow: "claims",
    AppearanceRow: "claims",
    ResponseRow: "claims",
    StatusEventRow: "claims",
    ProposalDismissalRow: "claims",
    PartyRow: "claims",
    ReplyRequestRow: "claims",
    ArticleTickerRow: "tags",
    TickerDismissalRow: "tags",
    SourceRow: "sources",
    ClaimSourceLinkRow: "sources",
    CommentRow: "comments",
    StatusChangeRow: "status",
    NoticeRow: "status",  # a correction notice belongs with the workflow's history
    RevisionRow: "revisions",
    DeskSettingRow: "settings",
    SpellingWordRow: "settings",
}
_LIBRARY_FIELDS = frozenset({"deleted_at"})  # a row leaving or coming back to the library


def pending(session: Session) -> Changes:
    """What this session's transaction has written so far (announced when it commits)."""
    return session.info.get(_KEY, Changes())


def note(session: Session, changes: Changes) -> None:
    """Add what a bulk statement changed to the session's pending announcement."""
    session.info[_KEY] = session.info.get(_KEY, Changes()) | changes


def _article_of(row: Any) -> int | None:
    article_id = getattr(row, "article_id", None)
    if article_id is None and isinstance(row, (AppearanceRow, ResponseRow, StatusEventRow)):
        claim = row.__dict__.get("claim")  # only if loaded: never a query inside a flush
        article_id = getattr(claim, "article_id", None)
    return article_id


def _row_changes(row: Any, state: str) -> Changes:
    if isinstance(row, ArticleRow):
        if state == "new":
            return Changes(articles=frozenset({row.id}), library=True)  # flushed: the id is set
        if state == "deleted":
            return Changes(articles=frozenset({row.id}), library=True)
        attrs = inspect(row).attrs
        written = frozenset(a.key for a in attrs if a.history.has_changes())
        return Changes(
            articles=frozenset({row.id}),
            fields=written - _LIBRARY_FIELDS,
            library=bool(written & _LIBRARY_FIELDS),
            status="status" in written,
        )
    kind = next((k for cls, k in _KIND.items() if isinstance(row, cls)), None)
    if kind is None:
        return Changes()
    if kind == "settings" or isinstance(row, PartyRow):
        articles: frozenset[int] | None = frozenset()  # desk-wide, no article
    else:
        article_id = _article_of(row)
        articles = None if article_id is None else frozenset({article_id})
    return Changes(articles=articles, **{kind: True})


class ChangeFeed:
    """Collects what each transaction of `sessions` wrote and tells the listeners on commit."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def attach(self, sessions: sessionmaker[Session]) -> None:
        event.listen(sessions, "after_flush", self._after_flush)
        event.listen(sessions, "after_commit", self._after_commit)
        event.listen(sessions, "after_rollback", self._after_rollback)

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes)` after every commit; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def stop() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return stop

    def announce(self, changes: Changes) -> None:
        """Tell every listener (also for changes made outside a session: a restored backup)."""
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changes)

    def _after_flush(self, session: Session, _context: object) -> None:
        found = session.info.get(_KEY, Changes())
        for state, rows in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted)):
            for row in rows:
                if state == "dirty" and not session.is_modified(row):
                    continue
                found |= _row_changes(row, state)
        session.info[_KEY] = found

    def _after_commit(self, session: Session) -> None:
        changes = session.info.pop(_KEY, None)
        if changes:
            self.announce(changes)

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(_KEY, None)
