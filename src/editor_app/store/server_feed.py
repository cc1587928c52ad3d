"""Live desk: what someone else's app writes on the server reaches this one within a second.

Every transaction that writes also sends, in the same transaction, a PostgreSQL NOTIFY on
`editor_app_changes` with what it changed (the `Changes` the change feed derived from the
flushed rows) and which app sent it; PostgreSQL delivers it on commit only. One listening
connection per open store (a daemon thread, `LISTEN`) hands what others wrote to the store's
change feed as `Changes(remote=True)`, so the library, the open article's panes and the status
badge refresh exactly as they do for this app's own writes. When the connection drops (the
server restarts) it reconnects by itself and announces that everything may be stale.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid

from sqlalchemy import event
from sqlalchemy.orm import Session

from editor_app.core.changes import Changes
from editor_app.store.change_feed import pending
from editor_app.store.store import Store

CHANNEL = "editor_app_changes"
MAX_PAYLOAD = 7000  # PostgreSQL refuses payloads of 8000 bytes and more
_SENT = "editor_app.notified"
log = logging.getLogger(__name__)


class ServerFeed:
    """Sends this store's changes to the desk and hands the desk's changes to this store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.origin = uuid.uuid4().hex
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()  # set while listening (tests wait on it)
        event.listen(store._sessions, "after_flush", self._send)

    # -- sending --------------------------------------------------------------------------

    def _send(self, session: Session, _context: object) -> None:
        changes = pending(session)
        if not changes or session.info.get(_SENT) == changes:
            return
        session.info[_SENT] = changes
        payload = json.dumps({"origin": self.origin, "changes": changes.to_json()})
        if len(payload.encode()) > MAX_PAYLOAD:  # a bulk write: say "some articles"
            wide = Changes.from_json({**changes.to_json(), "articles": None})
            payload = json.dumps({"origin": self.origin, "changes": wide.to_json()})
        session.connection().exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    # -- listening ------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._listen, name="editor_app-desk-feed", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _conninfo(self) -> str:
        url = self.store.engine.url.set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _listen(self) -> None:
        import psycopg

        delay, first = 0.5, True
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo(), autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connected.set()
                    if not first:  # what was written while we were away is unknown: read it all
                        self.store.changes.announce(Changes.all())
                    first, delay = False, 0.5
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._receive(note.payload)
            except psycopg.Error as exc:
                self.connected.clear()
                log.info("desk feed: %s; reconnecting in %.1f s", exc, delay)
                self._stop.wait(delay)
                delay = min(delay * 2, 10.0)

    def _receive(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            return
        if data.get("origin") == self.origin:
            return  # our own write: already announced locally
        self.store.changes.announce(Changes.from_json(data.get("changes", {}), remote=True))
