"""Where a store is: an SQLite file, or a desk's PostgreSQL server (read before anything heavy loads)."""

from __future__ import annotations

from pathlib import Path

SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def store_location(value: str) -> Path | str:
    """What a writer typed for --db or copy-store: a file path, or a server address kept as text."""
    return value.strip() if is_server_url(value) else Path(value)
