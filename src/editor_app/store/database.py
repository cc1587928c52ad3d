"""Opening a store: the SQLite file, its connection settings, migrations and the first-run seed.

pysqlite's legacy transaction handling breaks SAVEPOINT and transactional DDL, so the driver
is put in autocommit mode and SQLAlchemy emits BEGIN itself (SQLAlchemy's documented recipe).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from editor_app.store.errors import NotADatabaseError, StoreLockedError, StoreReadOnlyError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEAD_REVISION = "0013_team"  # tests check this equals the Alembic head
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: object) -> None:
        # IMMEDIATE: take the write lock at the start, so two threads or processes never both
        # read and then try to upgrade (SQLite answers that with "database is locked" at once,
        # without waiting for busy_timeout). Transactions here are short.
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]


def check_sqlite_file(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite sees it (and never write it)."""
    if not path.exists():
        return
    if path.is_dir():
        raise NotADatabaseError(path, "it is a folder")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    size = path.stat().st_size
    if size and head != SQLITE_MAGIC:
        raise NotADatabaseError(path, "the file does not start with the SQLite header")
    if not size:
        from editor_app.store.damaged import EMPTY_WITH_BACKUPS, has_backups

        if has_backups(path):  # never seed a new store over one that lost its contents
            raise NotADatabaseError(path, EMPTY_WITH_BACKUPS)


def create_store_engine(path: Path) -> Engine:
    # URL.create, not an f-string: '?', '#' and '%' are legal in file names.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    _configure(engine)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def has_user_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return any(not name.startswith("sqlite_") for name in inspect(conn).get_table_names())


def upgrade_to_head(engine: Engine) -> None:
    """Run the Alembic scripts up to head on this engine (SQLite or PostgreSQL: the same scripts)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def backup_file(engine: Engine, dest: Path) -> Path:
    """Consistent copy through SQLite's backup API (safe while the store is open)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(dest)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
        finally:
            target.close()
    finally:
        raw.close()
    return dest


def migrate(engine: Engine, path: Path, backups_dir: Path) -> bool:
    """Bring the schema to head; back the file up first if it already holds data.

    Returns True when the store was brand new (so the caller can seed it).
    """
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return False
    fresh = revision is None and not has_user_tables(engine)
    if not fresh:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        backup_file(engine, backups_dir / f"{path.stem}-before-migration-{revision or 'none'}-{stamp}.sqlite")
    upgrade_to_head(engine)
    return fresh


def open_engine(path: Path, backups_dir: Path) -> tuple[Engine, bool]:
    """Open (creating folders and the file as needed) and migrate. Returns (engine, created)."""
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreReadOnlyError(path.parent, f"the folder cannot be created ({exc.strerror})") from exc
    check_sqlite_file(path)
    engine = create_store_engine(path)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
        created = migrate(engine, path, backups_dir)
    except DatabaseError as exc:
        engine.dispose()
        msg = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if isinstance(exc, OperationalError) and "locked" in msg:
            raise StoreLockedError(path) from exc
        if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
            raise StoreReadOnlyError(path, msg) from exc
        raise NotADatabaseError(path, msg) from exc
    return engine, created
