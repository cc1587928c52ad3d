"""Copying a whole library between stores, SQLite and PostgreSQL in either direction.

A desk moving to its server (or taking a copy home) gets everything: articles, revisions,
claims, stock tags, review data and desk settings, table by table in foreign-key order, in
one transaction on the target. Into an empty target the rows keep their ids, so every
article's `show --json` is the same before and after. `merge` adds a library to a target that
already holds one: new ids (and every reference to them) are given, a slug already taken gets
a suffix, a party already known is shared, and the target's own desk settings win.
After copying, each table's row count and content fingerprint are compared with the source's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Table, func, insert, select, text

from editor_app.store.errors import StoreError
from editor_app.store.store import Store

BATCH = 500


class TargetNotEmptyError(StoreError):
    """The target already holds articles: copying would mix two libraries unless asked to."""


class CopyCheckError(StoreError):
    """What arrived differs from what was sent (then the copy is rolled back)."""


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    merged: bool = False
    renamed_slugs: list[tuple[str, str]] = field(default_factory=list)  # (source slug, slug in target)

    def to_dict(self) -> dict:
        return {"rows": self.rows, "merged": self.merged, "renamed_slugs": self.renamed_slugs}


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    import editor_app.store.review_models
    import editor_app.store.settings_models
    import editor_app.store.ticker_models  # noqa: F401
    from editor_app.store.models import Base

    return list(Base.metadata.sorted_tables)


def _rows(store: Store, table: Table, conn=None) -> Iterable[dict]:
    """Every row in key order, read in batches (`conn`: read inside that transaction)."""
    stmt = select(table).order_by(*table.primary_key.columns)
    if conn is not None:
        yield from (dict(r) for r in conn.execute(stmt).mappings())
        return
    with store.engine.connect() as own:
        for row in own.execution_options(yield_per=BATCH).execute(stmt).mappings():
            yield dict(row)


def count_rows(store: Store, conn=None) -> dict[str, int]:
    if conn is None:
        with store.engine.connect() as own:
            return count_rows(store, own)
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables()}


def is_empty(store: Store) -> bool:
    """No articles (the trash counts) and nothing hanging off them."""
    counts = count_rows(store)
    return not any(n for name, n in counts.items() if name != "desk_settings")


def _norm(value: object) -> object:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    if isinstance(value, bool):
        return int(value)
    return value


def fingerprint(store: Store, table: Table, conn=None) -> tuple[int, str]:
    """(rows, SHA-256 of their content in key order): the same on both engines for the same data."""
    digest = hashlib.sha256()
    n = 0
    for row in _rows(store, table, conn):
        n += 1
        values = [_norm(row[c.name]) for c in table.columns]
        digest.update(json.dumps(values, ensure_ascii=False, default=str).encode())
    return n, digest.hexdigest()


def _reset_sequences(conn, store: Store) -> None:
    """PostgreSQL hands out ids from sequences: after inserting ids, continue after the largest."""
    if store.engine.dialect.name != "postgresql":
        return
    for t in tables():
        if "id" in t.c and t.c.id.primary_key:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {t.name}), 0) + 1, false)"
                )
            )


def copy_store(source: Store, target: Store, *, merge: bool = False) -> CopyReport:
    """Copy everything from `source` into `target`, then check it arrived intact."""
    if not merge and not is_empty(target):
        n = count_rows(target)["articles"]
        raise TargetNotEmptyError(
            f"{target.location} already holds {n} article(s); nothing was copied. "
            "Use --merge to add this library to it, or copy into an empty store."
        )
    if source.location == target.location:
        raise StoreError(f"{source.location} is both the source and the target; nothing was copied.")
    report = CopyReport(merged=merge)
    with target.transaction() as session:
        conn = session.connection()
        before = count_rows(target, conn)
        if merge:
            _merge_into(conn, source, report)
        else:
            for table in tables():
                report.rows[table.name] = _insert_all(conn, table, _rows(source, table))
            _reset_sequences(conn, target)
        _check(source, target, conn, report, before)  # inside: a mismatch rolls the copy back
    return report


def _insert_all(conn, table: Table, rows: Iterable[dict]) -> int:
    n = 0
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(insert(table), batch)
            n += len(batch)
            batch = []
    if batch:
        conn.execute(insert(table), batch)
        n += len(batch)
    return n


def _merge_into(conn, source: Store, report: CopyReport) -> None:
    """New ids for every row with an integer id; references follow them."""
    new_ids: dict[str, dict[int, int]] = {}
    taken_slugs = {r[0] for r in conn.execute(text("SELECT slug FROM articles"))}
    parties = {r[0]: r[1] for r in conn.execute(text("SELECT name_key, id FROM parties"))}
    settings = {r[0] for r in conn.execute(text("SELECT key FROM desk_settings"))}
    for table in tables():
        mapping = new_ids.setdefault(table.name, {})
        n = 0
        for row in _rows(source, table):
            if table.name == "desk_settings" and row["key"] in settings:
                continue  # the target desk's own settings win
            for fk in table.foreign_keys:
                value = row.get(fk.parent.name)
                if value is not None:
                    row[fk.parent.name] = new_ids[fk.column.table.name][value]
            if table.name == "parties" and row["name_key"] in parties:
                mapping[row["id"]] = parties[row["name_key"]]  # a party already known is shared
                continue
            if table.name == "articles" and row["slug"] in taken_slugs:
                slug, k = row["slug"], 2
                while f"{slug}-{k}" in taken_slugs:
                    k += 1
                report.renamed_slugs.append((slug, f"{slug}-{k}"))
                row["slug"] = f"{slug}-{k}"
            if table.name == "articles":
                taken_slugs.add(row["slug"])
            old = row.pop("id", None) if "id" in table.c and table.c.id.primary_key else None
            result = conn.execute(insert(table).values(**row).returning(table.c.id)) if old is not None else None
            if result is not None:
                mapping[old] = result.scalar_one()
            else:
                conn.execute(insert(table).values(**row))
            n += 1
        report.rows[table.name] = n


def _check(source: Store, target: Store, conn, report: CopyReport, before: dict[str, int]) -> None:
    """Counts always; content too when the ids were kept (an exact copy)."""
    after = count_rows(target, conn)
    for name, n in report.rows.items():
        if after[name] - before[name] != n:
            raise CopyCheckError(f"{name}: {n} row(s) sent, {after[name] - before[name]} arrived in {target.location}.")
    if report.merged:
        return
    for table in tables():
        if fingerprint(source, table) != fingerprint(target, table, conn):
            raise CopyCheckError(
                f"{table.name}: the rows in {target.location} differ from the source's; nothing was copied."
            )
