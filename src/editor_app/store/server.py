"""The team store: the same schema and stores on a PostgreSQL server, through psycopg 3.

A desk that outgrows one machine points every copy of the app at one server
(`--db postgresql://jane@desk-db:5432/desk`). SQLite stays the embedded default; everything
above `Store` works unchanged. The server's own full-text search replaces FTS5 (migration
0004 adds a weighted tsvector with a GIN index), and the server arbitrates between writers,
so there is no lock file; the recovery journal and other local state live in a folder named
after the server and database (`local_folder`).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from editor_app.store.database import HEAD_REVISION, current_revision, upgrade_to_head
from editor_app.store.errors import StoreError
from editor_app.store.locations import is_server_url

__all__ = ["ServerUnreachableError", "display_url", "is_server_url", "local_folder", "open_server_engine"]

CONNECT_TIMEOUT_S = 5


class ServerUnreachableError(StoreError):
    """The server did not answer, or refused the login: nothing was changed anywhere."""


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for what a writer types (`postgresql://` or `postgres://`): psycopg 3."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.lower().startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def display_url(url: str) -> str:
    """The address without its password, for titles, messages and logs."""
    try:
        return (
            make_url(engine_url(url)).render_as_string(hide_password=True).replace("postgresql+psycopg", "postgresql")
        )
    except ArgumentError:
        return re.sub(r":[^:@/]*@", ":***@", url)


def local_folder(url: str, base: Path) -> Path:
    """Where this machine keeps its own state for a server store (journal, window state)."""
    u = make_url(engine_url(url))
    name = f"{u.username or 'user'}@{u.host or 'local'}-{u.port or 5432}-{u.database or 'postgres'}"
    return base / "servers" / re.sub(r"[^\w@.-]+", "_", name)


def _reason(exc: DBAPIError) -> str:
    msg = str(exc.orig) if exc.orig is not None else str(exc)
    first = msg.strip().splitlines()[0] if msg.strip() else "no answer"
    return first.removeprefix("connection failed: ")


def create_server_engine(url: str) -> Engine:
    return create_engine(
        engine_url(url),
        pool_pre_ping=True,  # a connection the server dropped (restart) is replaced, not used
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "editor_app"},
    )


def open_server_engine(url: str) -> tuple[Engine, bool]:
    """Connect and bring the schema to head. Returns (engine, created: the database was empty)."""
    try:
        engine = create_server_engine(url)
    except ArgumentError as exc:
        raise ServerUnreachableError(f"{display_url(url)} is not a PostgreSQL address ({exc}).") from exc
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            upgrade_to_head(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise ServerUnreachableError(
            f"The desk's server at {display_url(url)} cannot be reached: {_reason(exc)}. "
            "Nothing was changed; check the address and that the server is running."
        ) from exc
    return engine, revision is None
