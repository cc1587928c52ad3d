"""Notices and kills in the store (no Qt). Append-only once published: this API refuses to
edit or delete a published notice, and so do the triggers of migration 0011_notices for any
other writer (raw SQL included).

    notices = NoticeStore(store)
    notices.add(article_id, "correction", "An earlier version misstated the deal's value.")
    notices.list(article_id)        # oldest first
    notices.kill(article_id, "The report it relied on was withdrawn.")

Each published notice keeps the article's text at that moment as a revision ("published"),
next to the "status change" revision recorded at each publication: every published version
is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import ArticleStatus, utcnow
from editor_app.core.notices import Notice, NoticeError, NoticeKind, check_notice_text, parse_kind
from editor_app.store.errors import StoreError
from editor_app.store.models import ArticleRow
from editor_app.store.notices_models import NoticeRow
from editor_app.store.review_models import RevisionRow, StatusChangeRow
from editor_app.store.revisions import Revision, RevisionStore, _to_revision
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore, clean_text

APPEND_ONLY = "Notices are append-only once published: add a further notice to correct this one."
KILL_NOTE = "Killed: "


class NoticeAppendOnly(StoreError):
    """An edit or deletion of a published notice."""

    def __init__(self) -> None:
        super().__init__(APPEND_ONLY)


def _to_notice(row: NoticeRow, title: str = "") -> Notice:
    return Notice(
        id=row.id,
        article_id=row.article_id,
        kind=NoticeKind(row.kind),
        text=row.text,
        who=row.who,
        created_at=row.created_at,
        published_at=row.published_at,
        article_title=title,
    )


def publish_pending(s: Session, row: ArticleRow, at: datetime) -> int:
    """Publish the article's waiting notices (inside the publishing transaction); their count."""
    pending = s.scalars(select(NoticeRow).where(NoticeRow.article_id == row.id, NoticeRow.published_at.is_(None))).all()
    for notice in pending:
        notice.published_at = at
    return len(pending)


class NoticeStore(SubStore):
    """Notices and kills of the articles in `store`."""

    # -- writes -----------------------------------------------------------------------------

    def add(self, article_id: int, kind: NoticeKind | str, text: str, *, who: str = "") -> Notice:
        """A notice on an article that has been published. On a published article it is
        published at once, with the text as it stands now kept as a "published" revision; on
        one reopened for the correction (needs work, in review, approved) it waits for the
        next publication."""
        kind = parse_kind(kind)
        text = check_notice_text(clean_text(text))
        who = acting_user_in(self.store, who)

        def work(s: Session) -> Notice:
            row = self._article(s, article_id)
            if row.published_at is None:
                raise NoticeError("Only a published article gets notices; before publication, edit the text instead.")
            if row.killed_at is not None and row.status == ArticleStatus.SPIKED.value:
                raise NoticeError(
                    "The article was killed. To bring it back, revive it as a draft; its notice then says why it returns."
                )
            now = utcnow()
            live = row.status == ArticleStatus.PUBLISHED.value
            notice = NoticeRow(
                article_id=article_id,
                kind=kind.value,
                text=text,
                who=who,
                created_at=now,
                published_at=now if live else None,
            )
            s.add(notice)
            if live:
                row.updated_at = now  # dateModified
                RevisionStore(self.store)._record(s, row, "published", who, at=now).published = True
            s.flush()
            return _to_notice(notice, row.title)

        return self._run(work)

    def edit(self, notice_id: int, text: str) -> Notice:
        """Reword a notice that is not published yet."""
        text = check_notice_text(clean_text(text))

        def work(s: Session) -> Notice:
            row = self._notice(s, notice_id)
            if row.published_at is not None:
                raise NoticeAppendOnly()
            row.text = text
            return _to_notice(row)

        return self._run(work)

    def delete(self, notice_id: int) -> None:
        """Drop a notice that is not published yet."""

        def work(s: Session) -> None:
            row = self._notice(s, notice_id)
            if row.published_at is not None:
                raise NoticeAppendOnly()
            s.delete(row)

        self._run(work)

    def kill(self, article_id: int, reason: str, *, who: str = "") -> ArticleStatus:
        """Withdraw a published article: it is spiked with the reason (recorded in its status
        history), marked killed, and leaves the export index. Nothing is deleted."""
        reason = clean_text(reason)
        if not reason:
            raise NoticeError("A kill needs its reason: it is kept with the article and sent with its ninjs.")
        who = acting_user_in(self.store, who)

        def work(s: Session) -> ArticleStatus:
            row = self._article(s, article_id)
            if row.status != ArticleStatus.PUBLISHED.value:
                raise NoticeError(
                    f"Only a published article can be killed; this one is {ArticleStatus(row.status).label.lower()}."
                )
            now = utcnow()
            row.status = ArticleStatus.SPIKED.value
            row.killed_at, row.killed_by, row.kill_reason = now, who, reason
            row.updated_at = now
            s.add(
                StatusChangeRow(
                    article_id=article_id,
                    from_status=ArticleStatus.PUBLISHED.value,
                    to_status=ArticleStatus.SPIKED.value,
                    who=who,
                    at=now,
                    note=KILL_NOTE + reason,
                )
            )
            RevisionStore(self.store)._record(s, row, "status change", who, at=now)
            return ArticleStatus.SPIKED

        return self._run(work)

    # -- reads ------------------------------------------------------------------------------

    def list(self, article_id: int, *, published_only: bool = False) -> list[Notice]:
        """The article's notices, oldest first."""
        stmt = select(NoticeRow).where(NoticeRow.article_id == article_id)
        if published_only:
            stmt = stmt.where(NoticeRow.published_at.is_not(None))
        with self._read() as s:
            return [_to_notice(r) for r in s.scalars(stmt.order_by(NoticeRow.id))]

    def list_all(self, *, limit: int | None = None) -> list[Notice]:
        """Every notice of every article (trash excluded), newest first, with the headline."""
        stmt = (
            select(NoticeRow, ArticleRow.title)
            .join(ArticleRow, ArticleRow.id == NoticeRow.article_id)
            .where(ArticleRow.deleted_at.is_(None))
            .order_by(NoticeRow.created_at.desc(), NoticeRow.id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as s:
            return [_to_notice(r, title) for r, title in s.execute(stmt)]

    def corrected_ids(self, article_ids: Iterable[int] | None = None) -> set[int]:
        """Articles with at least one published notice (the library's "corrected" marker)."""
        stmt = select(NoticeRow.article_id).where(NoticeRow.published_at.is_not(None)).distinct()
        if article_ids is not None:
            stmt = stmt.where(NoticeRow.article_id.in_(list(article_ids)))
        with self._read() as s:
            return set(s.scalars(stmt))

    def count(self) -> int:
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(NoticeRow)) or 0)

    def published_versions(self, article_id: int) -> list[Revision]:
        """Every version that went out, oldest first: the revision of each publication and of
        each notice published on the live article."""
        stmt = (
            select(RevisionRow)
            .where(RevisionRow.article_id == article_id, RevisionRow.published.is_(True))
            .order_by(RevisionRow.id)
        )
        with self._read() as s:
            return [_to_revision(r) for r in s.scalars(stmt)]

    @staticmethod
    def _notice(s: Session, notice_id: int) -> NoticeRow:
        row = s.get(NoticeRow, notice_id)
        if row is None:
            raise KeyError(notice_id)
        return row
