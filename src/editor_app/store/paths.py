"""Where the embedded default store and its backups live (per-user data directory, via platformdirs)."""

from __future__ import annotations

import re
from pathlib import Path

from platformdirs import user_data_path

from editor_app import APP_NAME

STORE_FILENAME = "editor_app.sqlite"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_store_path() -> Path:
    return data_dir() / STORE_FILENAME


def backups_dir_for(store_path: Path) -> Path:
    return store_path.parent / "backups"


# backup file names: "<stem>-<UTC stamp>Z-<reason>.sqlite" and Alembic's pre-migration copies
BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}T\d{6})(?P<ms>\d{3})?Z-(?P<reason>[a-z0-9][a-z0-9-]*)\.sqlite$")
MIGRATION_BACKUP_NAME = re.compile(r"^(?P<stem>.+)-before-migration-(?P<rev>.+)-(?P<ts>\d{8}-\d{6})\.sqlite$")


def backup_stem(name: str) -> str | None:
    """The store a backup file belongs to (its file stem), or None for another file."""
    m = MIGRATION_BACKUP_NAME.match(name) or BACKUP_NAME.match(name)
    return m["stem"] if m else None
