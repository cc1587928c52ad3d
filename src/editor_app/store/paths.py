"""Where the embedded default store lives (per-user data directory, via platformdirs)."""

from __future__ import annotations

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
