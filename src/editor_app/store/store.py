"""The store: every read and write of editorial data goes through here (no Qt, no widgets).

Writes return what changed, so the window refreshes just the pane that shows it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

import editor_app.store.embargo_column  # noqa: F401  (embargo_at follows the front matter)
from editor_app.core.article import (
    Article,
    ArticleStatus,
    ArticleSummary,
    normalize_tags,
    normalize_word_target,
    utcnow,
)
from editor_app.core.changes import Changes
from editor_app.core.embargo import embargo_in_zone
from editor_app.core.settings import safe_http_url
from editor_app.core.slug import slugify, unique_slug
from editor_app.core.text import normalize_for_store, word_count
from editor_app.store.change_feed import ChangeFeed
from editor_app.store.database import open_engine
from editor_app.store.errors import StoreError, StoreLockedError, StoreReadOnlyError, StoreWriteError
from editor_app.store.models import ArticleRow
from editor_app.store.paths import backups_dir_for
from editor_app.store.writer import StoreWriter

EDITABLE_FIELDS = ("title", "dek", "byline", "body")
CONTENT_FIELDS = frozenset({"title", "dek", "body"})  # what an approval approved
EDITED_AFTER_APPROVAL = "Edited after approval: back to review."
# Article metadata save() also accepts (not header-form text, so not in EDITABLE_FIELDS, which the
# recovery journal reads from the window): canonical URL (http(s) or ""), tags (list or JSON text),
# the length target in words ("" or 0: none).
META_FIELDS = ("canonical_url", "tags", "word_target")


class ArticleConflictError(StoreError):
    """Someone else saved another text of the article since `base_version`: nothing was written.
    `theirs` is the article as stored now, `mine` the fields the writer tried to save."""

    def __init__(self, theirs: Article, mine: dict[str, str], base_version: int) -> None:
        self.theirs, self.mine, self.base_version = theirs, mine, base_version
        super().__init__(
            f"“{theirs.display_title}” was saved by someone else while you were writing "
            f"(you started from version {base_version}, the store has version {theirs.version}). "
            "Nothing was overwritten: your text is still in the editor."
        )


@dataclass(frozen=True)
class ArticleChange:
    """Result of a write: which article, which fields, and text the store had to alter."""

    article: Article
    fields: frozenset[str]
    replaced_surrogates: int = 0


def _to_article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        title=row.title,
        dek=row.dek,
        byline=row.byline,
        slug=row.slug,
        slug_locked=row.slug_locked,
        body=row.body,
        status=ArticleStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
        published_at=row.published_at,
        canonical_url=row.canonical_url or "",
        tags=normalize_tags(row.tags or "[]"),
        version=row.text_version or 1,
        word_target=row.word_target,
        embargo_at=embargo_in_zone(row.embargo_at, row.embargo_offset),
        killed_at=row.killed_at,
        kill_reason=row.kill_reason or "",
        killed_by=row.killed_by or "",
    )


def _meta_values(fields: dict) -> dict[str, str | int | None]:
    """canonical_url, tags and word_target as stored; ValueError for a canonical URL that is
    not http(s) or a target that is not a number of words."""
    out: dict[str, str | int | None] = {}
    if "word_target" in fields:
        out["word_target"] = normalize_word_target(fields["word_target"])
    if "canonical_url" in fields:
        raw = str(fields["canonical_url"] or "").strip()
        url = safe_http_url(raw)
        if raw and not url:
            raise ValueError(f"the canonical URL must be an http(s) address, not {raw[:80]!r}")
        out["canonical_url"] = url
    if "tags" in fields:
        out["tags"] = json.dumps(normalize_tags(fields["tags"] or []), ensure_ascii=False)
    return out


def _write_error(exc: OperationalError, path: Path, url: str | None = None) -> StoreError:
    msg = str(exc.orig) if exc.orig else str(exc)
    if url is not None:  # the team store: the server went away, or refused
        first = msg.strip().splitlines()[0] if msg.strip() else "no answer"
        return StoreWriteError(f"The desk's server at {url} did not take the save ({first}); the text stays here.")
    if "locked" in msg:
        return StoreLockedError(path)
    if "readonly" in msg:
        return StoreReadOnlyError(path, msg)
    if "full" in msg:
        return StoreWriteError(f"The disk is full; {path} could not be written.")
    return StoreWriteError(f"Writing to {path} failed: {msg}.")


class Store:
    def __init__(
        self,
        engine: Engine,
        path: Path,
        created: bool = False,
        *,
        read_only: bool = False,
        read_only_reason: str = "",
        url: str | None = None,
    ) -> None:
        self.engine = engine
        self.path = path  # the SQLite file; for a server store, this machine's folder for it
        self.url = url  # a server store's address (without password); None for a file
        self.created = created
        self.read_only = read_only
        self.read_only_reason = read_only_reason  # why, when read_only: shown in the window and the CLI
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.changes = ChangeFeed()  # what every commit wrote, for whoever shows it
        self.changes.attach(self._sessions)
        self.writer = StoreWriter()  # one write at a time, in order (store/writer.py)
        self.on_close: list[Callable[[], None]] = []  # e.g. the desk feed's listener stops

    # -- opening ----------------------------------------------------------------------

    def close(self) -> None:
        for stop in self.on_close:
            stop()
        self.on_close.clear()
        self.writer.close()
        self.engine.dispose()

    @property
    def location(self) -> str:
        """Where the store is, for titles and messages: the file, or the server's address."""
        return self.url or str(self.path)

    @property
    def is_server(self) -> bool:
        return self.url is not None

    def reopen(self) -> None:
        """Open the same file again (after a restore from backup): every object holding this
        Store keeps working, on the new file."""
        if self.is_server:
            self.engine.dispose()  # fresh connections; the server keeps the data
            self.changes.announce(Changes.all())
            return
        self.engine.dispose()
        engine, _created = open_engine(self.path, backups_dir_for(self.path))
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.changes.attach(self._sessions)
        self.changes.announce(Changes.all())  # another file: everything shown is stale

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A session for one write, under the writer's lease (`with store._write() as s, s.begin():`)."""
        with self.writer.lease(), self._sessions() as s:
            yield s

    def read(self) -> Session:
        """A session for reads (`with store.read() as s:`); writes go through `transaction()`."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction for every store module; SQLite failures (full, locked,
        read-only) become StoreErrors a writer can read."""
        try:
            with self.writer.lease(), self._sessions() as s, s.begin():
                yield s
        except OperationalError as exc:
            raise _write_error(exc, self.path, self.url) from exc

    # -- reads ------------------------------------------------------------------------

    def list_summaries(self, *, deleted: bool = False) -> list[ArticleSummary]:
        cond = ArticleRow.deleted_at.is_not(None) if deleted else ArticleRow.deleted_at.is_(None)
        stmt = (
            select(
                ArticleRow.id,
                ArticleRow.title,
                ArticleRow.byline,
                ArticleRow.slug,
                ArticleRow.status,
                ArticleRow.updated_at,
            )
            .where(cond)
            .order_by(ArticleRow.updated_at.desc(), ArticleRow.id.desc())
        )
        with self._sessions() as s:
            return [
                ArticleSummary(
                    id=r.id,
                    title=r.title,
                    byline=r.byline,
                    slug=r.slug,
                    status=ArticleStatus(r.status),
                    updated_at=r.updated_at,
                )
                for r in s.execute(stmt)
            ]

    def get(self, article_id: int) -> Article | None:
        with self._sessions() as s:
            row = s.get(ArticleRow, article_id)
            return _to_article(row) if row else None

    def count(self) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).select_from(ArticleRow).where(ArticleRow.deleted_at.is_(None))) or 0

    def slug_taken(self, slug: str, exclude_id: int | None = None) -> bool:
        with self._sessions() as s:
            return self._slug_taken(s, slug, exclude_id)

    @staticmethod
    def _slug_taken(s: Session, slug: str, exclude_id: int | None) -> bool:
        stmt = select(ArticleRow.id).where(ArticleRow.slug == slug)
        if exclude_id is not None:
            stmt = stmt.where(ArticleRow.id != exclude_id)
        return s.execute(stmt.limit(1)).first() is not None

    # -- writes -----------------------------------------------------------------------

    def create(
        self, title: str = "", dek: str = "", byline: str = "", body: str = "", slug: str | None = None
    ) -> Article:
        now = utcnow()
        try:
            with self._write() as s, s.begin():
                values = {
                    k: normalize_for_store(v).text
                    for k, v in {"title": title, "dek": dek, "byline": byline, "body": body}.items()
                }
                wanted = slug or values["title"]
                row = ArticleRow(
                    **values,
                    word_count=word_count(values["body"]),
                    slug=unique_slug(wanted, lambda c: self._slug_taken(s, c, None)),
                    slug_locked=bool(slug),
                    status=ArticleStatus.DRAFT.value,
                    created_at=now,
                    updated_at=now,
                )
                s.add(row)
                s.flush()
                return _to_article(row)
        except OperationalError as exc:
            raise _write_error(exc, self.path, self.url) from exc

    def save(self, article_id: int, *, base_version: int | None = None, **fields: str) -> ArticleChange:
        """Write the given editable fields (and `slug`, which locks it). Unchanged values are skipped.

        `base_version`: the text's version the writer started from. If someone else has saved
        another text since, nothing is written and ArticleConflictError says what the store
        holds now (the window offers a merge); saving the text the store already holds is no
        conflict. The row is locked for the check (FOR UPDATE on a server; SQLite's
        transactions already take the write lock), so two simultaneous saves cannot both pass."""
        unknown = set(fields) - {*EDITABLE_FIELDS, "slug", *META_FIELDS}
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        meta = _meta_values(fields)
        # counted before the write lock is taken (a 1.5 MB body takes ~0.1 s)
        body_words = word_count(normalize_for_store(fields["body"]).text) if "body" in fields else None
        replaced = 0
        try:
            with self._write() as s, s.begin():
                row = s.get(ArticleRow, article_id, with_for_update=base_version is not None)
                if row is None:
                    raise KeyError(article_id)
                if base_version is not None and row.text_version != base_version:
                    theirs = _to_article(row)
                    clashing = {
                        n
                        for n in EDITABLE_FIELDS
                        if n in fields and normalize_for_store(fields[n]).text != getattr(row, n)
                    }
                    if clashing:
                        raise ArticleConflictError(
                            theirs, {n: fields[n] for n in EDITABLE_FIELDS if n in fields}, base_version
                        )
                changed: set[str] = set()
                for name in EDITABLE_FIELDS:
                    if name in fields:
                        norm = normalize_for_store(fields[name])
                        replaced += norm.replaced_surrogates
                        if getattr(row, name) != norm.text:
                            setattr(row, name, norm.text)
                            changed.add(name)
                if body_words is not None and row.word_count != body_words:
                    row.word_count = body_words  # the library's words (0009_word_target)
                elif row.word_count is None:
                    row.word_count = word_count(row.body)
                for name, value in meta.items():
                    if getattr(row, name) != value:
                        setattr(row, name, value)
                        changed.add(name)
                if "slug" in fields:
                    wanted = slugify(fields["slug"]) if fields["slug"].strip() else slugify(row.title)
                    new_slug = unique_slug(wanted, lambda c: self._slug_taken(s, c, article_id))
                    locked = bool(fields["slug"].strip())
                    if new_slug != row.slug or locked != row.slug_locked:
                        row.slug, row.slug_locked = new_slug, locked
                        changed.add("slug")
                elif "title" in changed and not row.slug_locked:
                    new_slug = unique_slug(row.title, lambda c: self._slug_taken(s, c, article_id))
                    if new_slug != row.slug:
                        row.slug = new_slug
                        changed.add("slug")
                if changed:
                    row.updated_at = utcnow()
                if changed & set(EDITABLE_FIELDS):
                    row.text_version = (row.text_version or 1) + 1
                if changed & CONTENT_FIELDS and row.status == ArticleStatus.APPROVED.value:
                    self._back_to_review(s, row)
                    changed.add("status")
                return ArticleChange(_to_article(row), frozenset(changed), replaced)
        except OperationalError as exc:
            raise _write_error(exc, self.path, self.url) from exc

    def _back_to_review(self, s: Session, row: ArticleRow) -> None:
        """An approved article whose text changes goes back to review, recorded like any status
        change: what is published must be what was approved (same transaction as the edit)."""
        from editor_app.core.identity import acting_user
        from editor_app.store.review_models import StatusChangeRow
        from editor_app.store.settings_models import DeskSettingRow

        setting = s.get(DeskSettingRow, "desk_user")  # in this transaction: one connection at a time
        who = acting_user(setting.value if setting is not None else None)  # this account's name first
        row.status = ArticleStatus.IN_REVIEW.value
        s.add(
            StatusChangeRow(
                article_id=row.id,
                from_status=ArticleStatus.APPROVED.value,
                to_status=ArticleStatus.IN_REVIEW.value,
                who=who,
                at=row.updated_at,
                note=EDITED_AFTER_APPROVAL,
            )
        )

    def delete(self, article_id: int) -> Article:
        """Move to the trash (recoverable with `restore`)."""
        return self._set_deleted(article_id, deleted=True)

    def restore(self, article_id: int) -> Article:
        return self._set_deleted(article_id, deleted=False)

    def _set_deleted(self, article_id: int, *, deleted: bool) -> Article:
        try:
            with self._write() as s, s.begin():
                row = s.get(ArticleRow, article_id)
                if row is None:
                    raise KeyError(article_id)
                row.deleted_at = utcnow() if deleted else None
                return _to_article(row)
        except OperationalError as exc:
            raise _write_error(exc, self.path, self.url) from exc

    def purge(self, article_ids: Iterable[int]) -> None:
        """Delete for good (only from the trash)."""
        try:
            with self._write() as s, s.begin():
                for aid in article_ids:
                    row = s.get(ArticleRow, aid)
                    if row is not None and row.deleted_at is not None:
                        s.delete(row)
        except IntegrityError as exc:  # notices refer to it (RESTRICT, migration 0011_notices)
            raise StoreError(
                "An article that carries correction notices is kept for good: it can stay in the trash, "
                "but it cannot be deleted."
            ) from exc
        except OperationalError as exc:
            raise _write_error(exc, self.path, self.url) from exc
