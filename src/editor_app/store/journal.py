"""Recovery journal: what was typed since the last autosave, kept on disk so a crash loses nothing.

One small JSON file per article, `<data dir>/recovery/<store stem>-<hash of its path>/<id>.json`,
holds the latest snapshot of the fields edited since the last save. Each write goes to a
temporary file that is fsynced and renamed over the old one, so the file on disk is always a
whole snapshot. `record()` is cheap enough to call every ~300 ms while typing: it writes only
when the text changed, and a big article (over 256 KB) at most once a second (`flush()`
writes a deferred snapshot at once). Lone surrogates are stored as they are (UTF-8 with
`surrogatepass`), so the journal holds exactly what was in the editor.

After a save, `clear(id, saved=article)` drops the fields the store now holds (anything typed
after the save snapshot stays); at start, `pending(store)` offers only the entries that differ
from the store, and forgets the rest. `discard()` keeps a copy under `discarded/` for a
fortnight, because nothing should be lost by a wrong click. No Qt here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor_app.core.text import normalize_for_store
from editor_app.store.damaged import fsync_dir
from editor_app.store.paths import data_dir

if TYPE_CHECKING:
    from editor_app.core.article import Article
    from editor_app.store.store import Store

BIG_SNAPSHOT_CHARS = 256 * 1024
BIG_SNAPSHOT_INTERVAL_S = 1.0
KEEP_DISCARDED = timedelta(days=14)
FORMAT_VERSION = 1


@dataclass(frozen=True)
class PendingEdit:
    article_id: int
    fields: dict[str, str]
    written_at: datetime
    base_updated_at: datetime | None
    title: str = ""  # headline to show: the pending one, else the store's
    missing: bool = False  # the article is no longer in the store (restore recreates it)
    conflict: bool = False  # the store was saved after this edit's base (someone else saved)

    body_start: str = ""  # the start of the pending (else the stored) body, to name an untitled article

    @property
    def display_title(self) -> str:
        from editor_app.core.article import untitled_name

        return untitled_name(self.title, self.fields.get("body", "") or self.body_start)


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _parse_dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def journal_dir_for(store_path: Path, root: Path | None = None) -> Path:
    resolved = Path(os.path.abspath(Path(store_path).expanduser()))
    digest = hashlib.sha1(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return (root or data_dir()) / "recovery" / f"{resolved.stem}-{digest}"


class RecoveryJournal:
    def __init__(self, store_path: Path, *, root: Path | None = None, fsync: bool = True) -> None:
        self.store_path = Path(store_path)
        self.dir = journal_dir_for(self.store_path, root)
        self.fsync = fsync
        self._last: dict[int, dict[str, str]] = {}  # what is on disk, per article
        self._base: dict[int, datetime | None] = {}
        self._deferred: dict[int, dict[str, str]] = {}  # big snapshot waiting for its second
        self._last_write: dict[int, float] = {}
        self.last_error = ""

    def _file(self, article_id: int) -> Path:
        return self.dir / f"{int(article_id)}.json"

    # -- writing -------------------------------------------------------------------------

    def record(self, article_id: int, fields: Mapping[str, str], base_updated_at: datetime | None = None) -> bool:
        """Remember `fields` (merged with earlier unsaved ones). Returns True if it was written now.

        An OSError (disk full, read-only folder) is kept in `last_error` and returns False: the
        journal must never break typing.
        """
        article_id = int(article_id)
        current = self._deferred.get(article_id) or self._last.get(article_id) or {}
        merged = {**current, **{k: str(v) for k, v in fields.items()}}
        if base_updated_at is not None or article_id not in self._base:
            self._base[article_id] = base_updated_at or self._base.get(article_id)
        if merged == self._last.get(article_id):
            self._deferred.pop(article_id, None)
            return False
        size = sum(len(v) for v in merged.values())
        if size > BIG_SNAPSHOT_CHARS:
            since = time.monotonic() - self._last_write.get(article_id, 0.0)
            if since < BIG_SNAPSHOT_INTERVAL_S:
                self._deferred[article_id] = merged
                return False
        return self._write(article_id, merged)

    def flush(self) -> int:
        """Write snapshots held back by the once-a-second limit; returns how many were written."""
        written = 0
        for article_id, fields in list(self._deferred.items()):
            written += self._write(article_id, fields)
        return written

    def _write(self, article_id: int, fields: dict[str, str]) -> bool:
        payload = {
            "version": FORMAT_VERSION,
            "store": str(self.store_path),
            "article_id": article_id,
            "written_at": datetime.now(UTC).isoformat(),
            "base_updated_at": _iso(self._base.get(article_id)),
            "fields": fields,
        }
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
        target = self._file(article_id)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            new_dir = not self.dir.is_dir()
            self.dir.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                if self.fsync:
                    os.fsync(fh.fileno())
            os.replace(tmp, target)
            if new_dir or article_id not in self._last_write:
                fsync_dir(self.dir)
        except OSError as exc:
            self.last_error = f"The recovery journal could not be written: {exc}"
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            return False
        self.last_error = ""
        self._last[article_id] = dict(fields)
        self._deferred.pop(article_id, None)
        self._last_write[article_id] = time.monotonic()
        return True

    def clear(self, article_id: int, saved: Article | Mapping[str, str] | None = None) -> None:
        """After a successful save. With `saved` (the saved Article or its fields), only the
        fields the store now holds are dropped, so text typed during the save is kept."""
        article_id = int(article_id)
        if saved is None:
            self._forget(article_id)
            return
        values = (
            saved if isinstance(saved, Mapping) else {k: getattr(saved, k) for k in ("title", "dek", "byline", "body")}
        )
        if not isinstance(saved, Mapping):
            self._base[article_id] = saved.updated_at
        pending = dict(self._deferred.get(article_id) or self._last.get(article_id) or self._read_fields(article_id))
        left = {k: v for k, v in pending.items() if k not in values or normalize_for_store(v).text != values[k]}
        if not left:
            self._forget(article_id)
        elif left != pending:
            self._deferred.pop(article_id, None)
            self._write(article_id, left)

    def _forget(self, article_id: int) -> None:
        self._last.pop(article_id, None)
        self._deferred.pop(article_id, None)
        self._base.pop(article_id, None)
        with contextlib.suppress(OSError):
            self._file(article_id).unlink(missing_ok=True)

    def discard(self, article_id: int) -> None:
        """The writer chose not to restore: keep a copy in `discarded/` for a while, then forget."""
        article_id = int(article_id)
        src = self._file(article_id)
        if src.exists():
            bin_dir = self.dir / "discarded"
            try:
                bin_dir.mkdir(exist_ok=True)
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
                os.replace(src, bin_dir / f"{article_id}-{stamp}.json")
            except OSError:
                pass
        self._forget(article_id)

    # -- reading -------------------------------------------------------------------------

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(path.read_bytes().decode("utf-8", "surrogatepass"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            return None
        return data

    def _read_fields(self, article_id: int) -> dict[str, str]:
        data = self._read(self._file(article_id))
        return {str(k): str(v) for k, v in data["fields"].items()} if data else {}

    def entries(self) -> list[PendingEdit]:
        """Everything in the journal, oldest first, without comparing to the store."""
        out: list[PendingEdit] = []
        if not self.dir.is_dir():
            return out
        for path in self.dir.glob("*.json"):
            if not path.stem.isdigit():
                continue
            data = self._read(path)
            if data is None:
                continue
            fields = {str(k): str(v) for k, v in data["fields"].items()}
            if not fields:
                continue
            written = _parse_dt(data.get("written_at")) or datetime.fromtimestamp(path.stat().st_mtime, UTC)
            out.append(
                PendingEdit(
                    article_id=int(path.stem),
                    fields=fields,
                    written_at=written,
                    base_updated_at=_parse_dt(data.get("base_updated_at")),
                    title=fields.get("title", ""),
                )
            )
        out.sort(key=lambda e: e.written_at)
        return out

    def pending(self, store: Store | None = None) -> list[PendingEdit]:
        """Entries that differ from what the store now holds (the others are forgotten).

        Without `store`, the store file is opened read-only just for the comparison.
        """
        self._prune_discarded()
        entries = self.entries()
        if not entries:
            return []
        own = None
        if store is None:
            from editor_app.store.readonly import open_read_only

            store = own = open_read_only(self.store_path)
        try:
            out: list[PendingEdit] = []
            for entry in entries:
                article = store.get(entry.article_id)
                created = _aware(article.created_at) if article is not None else None
                if article is None or (created and created > entry.written_at):
                    # gone, or its id now belongs to an article created after this edit
                    out.append(PendingEdit(**{**entry.__dict__, "missing": True}))
                    continue
                differs = {
                    k: v
                    for k, v in entry.fields.items()
                    if getattr(article, k, None) is not None and normalize_for_store(v).text != getattr(article, k)
                }
                if not differs:
                    self._forget(entry.article_id)
                    continue
                updated = _aware(article.updated_at)
                conflict = bool(entry.base_updated_at and updated and updated > entry.base_updated_at)
                out.append(
                    PendingEdit(
                        article_id=entry.article_id,
                        fields=differs,
                        written_at=entry.written_at,
                        base_updated_at=entry.base_updated_at,
                        title=differs.get("title") or article.title,
                        body_start=article.body[:2000],
                        conflict=conflict,
                    )
                )
            return out
        finally:
            if own is not None:
                own.close()

    def _prune_discarded(self) -> None:
        bin_dir = self.dir / "discarded"
        if not bin_dir.is_dir():
            return
        cutoff = time.time() - KEEP_DISCARDED.total_seconds()
        for path in bin_dir.glob("*.json"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass


def restore_pending(store: Store, journal: RecoveryJournal, edit: PendingEdit) -> int:
    """Write a pending edit into the store (recreating a missing article); returns the article id."""
    from editor_app.store.store import EDITABLE_FIELDS

    fields = {k: v for k, v in edit.fields.items() if k in EDITABLE_FIELDS}
    if edit.missing:
        article = store.create(**fields)
        journal.clear(edit.article_id)
        return article.id
    change = store.save(edit.article_id, **fields)
    journal.clear(edit.article_id, saved=change.article)
    return edit.article_id
