"""Live desk: one app's write reaches another app's change feed through the server (NOTIFY)."""

from __future__ import annotations

import threading

from editor_app.core.changes import Changes
from editor_app.services.opening import open_store
from editor_app.store.claims import ClaimStore


def _until(found, timeout=30.0) -> bool:
    """Wait until `found()` is true (notifications of earlier writes may still be arriving)."""
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if found():
            return True
        time.sleep(0.05)
    return False


def _collect(store):
    got: list[Changes] = []
    arrived = threading.Event()

    def listen(changes: Changes) -> None:
        got.append(changes)
        arrived.set()

    store.changes.listen(listen)
    return got, arrived


def test_a_save_on_one_desk_reaches_the_other_as_a_remote_change(pg_url):
    jane = open_store(pg_url, seed_sample=False)
    omar = open_store(pg_url, seed_sample=False)
    try:
        for s in (jane, omar):
            assert s.on_close, "a server store listens to the desk"
        feed = next(f.__self__ for f in omar.on_close)
        assert feed.connected.wait(30)
        art = jane.create(title="Ford and Xiaomi")
        got, _arrived = _collect(omar)
        mine, _ = _collect(jane)
        jane.save(art.id, body="Ford held talks with Xiaomi.")
        assert _until(lambda: any(c.remote and c.touches(art.id) and "body" in c.fields for c in got)), (
            "the other desk heard nothing of the save"
        )
        assert not any(c.remote for c in mine)  # our own write is not echoed back as someone else's
        ClaimStore(jane).create(art.id, key="c1", short="Talks", wording="Ford held talks with Xiaomi")
        assert _until(lambda: any(c.remote and c.claims and c.touches(art.id) for c in got))
    finally:
        jane.close()
        omar.close()


def test_a_rolled_back_write_is_not_announced(pg_url):
    jane = open_store(pg_url, seed_sample=False)
    omar = open_store(pg_url, seed_sample=False)
    try:
        feed = next(f.__self__ for f in omar.on_close)
        assert feed.connected.wait(30)
        art = jane.create(title="Markets")
        got, _arrived = _collect(omar)
        try:
            with jane.transaction() as s:
                from editor_app.store.models import ArticleRow

                s.get(ArticleRow, art.id).body = "never saved"
                s.flush()
                raise RuntimeError("changed my mind")
        except RuntimeError:
            pass
        jane.save(art.id, title="Markets wrap")  # a real write after it, as a marker
        assert _until(lambda: any("title" in c.fields for c in got))
        assert all("body" not in c.fields for c in got)
    finally:
        jane.close()
        omar.close()
