"""Opening a store as the app and the command line do: create and migrate the file as needed,
seed a new store with the sample article (the first start shows a real story), or open it
read-only when it cannot or must not be written."""

from __future__ import annotations

from pathlib import Path

from editor_app.store.database import open_engine
from editor_app.store.importing import import_parsed
from editor_app.store.paths import backups_dir_for, default_store_path
from editor_app.store.readonly import open_read_only
from editor_app.store.store import Store


def open_store(
    path: Path | None = None, *, seed_sample: bool = True, read_only: bool = False, reason: str = ""
) -> Store:
    """Open (creating and migrating as needed) the store at `path`; `read_only` opens it so
    that no write can reach the file, `reason` saying why (e.g. "it is on a read-only disk")."""
    path = Path(path) if path else default_store_path()
    if read_only:
        return open_read_only(path, reason=reason)
    engine, created = open_engine(path, backups_dir_for(path))
    store = Store(engine, path, created)
    if created and seed_sample:
        from editor_app.core.sample import sample_article  # only on a first start

        import_parsed(store, sample_article())
    return store
