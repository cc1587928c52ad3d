"""Opening a store as the app and the command line do: create and migrate the file as needed,
seed a new store with the sample article (the first start shows a real story), or open it
read-only when it cannot or must not be written."""

from __future__ import annotations

from pathlib import Path

from editor_app.store.database import open_engine
from editor_app.store.importing import import_parsed
from editor_app.store.locations import is_server_url
from editor_app.store.paths import backups_dir_for, default_store_path
from editor_app.store.readonly import open_read_only
from editor_app.store.store import Store


def open_store(
    path: Path | str | None = None, *, seed_sample: bool = True, read_only: bool = False, reason: str = ""
) -> Store:
    """Open (creating and migrating as needed) the store at `path`, a file or a PostgreSQL
    address (`postgresql://user@host/desk`); `read_only` opens a file so that no write can
    reach it, `reason` saying why (e.g. "it is on a read-only disk")."""
    if is_server_url(path):
        return _open_server_store(str(path), seed_sample=seed_sample)
    path = Path(path) if path else default_store_path()
    if read_only:
        return open_read_only(path, reason=reason)
    engine, created = open_engine(path, backups_dir_for(path))
    store = Store(engine, path, created)
    if created and seed_sample:
        from editor_app.core.sample import sample_article  # only on a first start

        import_parsed(store, sample_article())
    return store


def _open_server_store(url: str, *, seed_sample: bool) -> Store:
    from editor_app.store.paths import data_dir
    from editor_app.store.server import display_url, local_folder, open_server_engine

    engine, created = open_server_engine(url)
    folder = local_folder(url, data_dir())
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(engine, folder / "store", created, url=display_url(url))
    from editor_app.store.server_feed import ServerFeed

    feed = ServerFeed(store)  # others' writes reach this store's change feed (LISTEN/NOTIFY)
    feed.start()
    store.on_close.append(feed.stop)
    if created and seed_sample:
        from editor_app.core.sample import sample_article

        import_parsed(store, sample_article())
    return store
