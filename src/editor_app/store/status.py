"""An article's status in the store: moves the workflow allows, each recorded with who, when,
the note and any checklist override, plus a "status change" revision. No Qt.

The checklist itself spans claims, tags, sources and comments, so it is run above the store
(`services.review.Review.change_status`) and handed in here.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import ArticleStatus, utcnow
from editor_app.core.checklist import CheckItem
from editor_app.core.workflow import (
    ChecklistBlocked,
    ReinstatementNeedsNotice,
    StatusChange,
    check_transition,
    parse_status,
    runs_checklist,
)
from editor_app.store.review_models import (
    StatusChangeRow,
)
from editor_app.store.revisions import RevisionStore
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore, clean_text


def _to_change(row: StatusChangeRow) -> StatusChange:
    return StatusChange(
        from_status=ArticleStatus(row.from_status),
        to_status=ArticleStatus(row.to_status),
        who=row.who,
        at=row.at,
        note=row.note,
        override_reason=row.override_reason,
        id=row.id,
        article_id=row.article_id,
    )


class StatusStore(SubStore):
    """Status changes of the articles in `store`."""

    def change_status(
        self,
        article_id: int,
        to: ArticleStatus | str,
        *,
        who: str = "",
        note: str = "",
        checklist_items: Sequence[CheckItem] | None = None,
        override_reason: str = "",
    ) -> StatusChange:
        """Move the article to `to` and record who, when, the note and any override.

        Raises InvalidTransition for a move the workflow does not allow. Moving to approved or
        published checks `checklist_items` (`services.review.Review` runs the checklist): errors raise ChecklistBlocked
        unless `override_reason` is given, which is then recorded. Publishing sets
        `published_at` (kept through later corrections). A "status change" revision is recorded
        in the same transaction."""
        to_status = parse_status(to)
        who = acting_user_in(self.store, who)
        note, override_reason = clean_text(note), clean_text(override_reason)
        with self._read() as s:
            current = ArticleStatus(self._article(s, article_id).status)
        check_transition(current, to_status)
        errors: list[CheckItem] = []
        if runs_checklist(to_status):
            if checklist_items is None:
                raise ValueError(f"moving to {to_status.value} needs the checklist (services.review.Review runs it)")
            items = list(checklist_items)
            errors = [i for i in items if i.level == "error"]
            if errors and not override_reason:
                raise ChecklistBlocked(errors, to_status)
        if not errors:
            override_reason = ""  # nothing was overridden

        def work(s: Session) -> StatusChange:
            row = self._article(s, article_id)
            before = ArticleStatus(row.status)
            check_transition(before, to_status)  # again, inside the transaction
            now = utcnow()
            row.status = to_status.value
            row.updated_at = now
            if to_status == ArticleStatus.PUBLISHED and row.published_at is None:
                row.published_at = now
            if to_status == ArticleStatus.PUBLISHED:
                from editor_app.store.notices import publish_pending

                sent = publish_pending(s, row, now)  # a correction's notices go out with it
                if row.killed_at is not None and not sent:
                    raise ReinstatementNeedsNotice()  # rolls the whole change back
            change = StatusChangeRow(
                article_id=article_id,
                from_status=before.value,
                to_status=to_status.value,
                who=who,
                at=now,
                note=note,
                override_reason=override_reason,
            )
            s.add(change)
            s.flush()
            revision = RevisionStore(self.store)._record(s, row, "status change", who, at=now)
            if to_status == ArticleStatus.PUBLISHED:
                revision.published = True  # the published text is kept as a version
            return _to_change(change)

        return self._run(work)

    def status_history(self, article_id: int) -> list[StatusChange]:
        """Every status change of the article, oldest first."""
        stmt = (
            select(StatusChangeRow)
            .where(StatusChangeRow.article_id == article_id)
            .order_by(StatusChangeRow.at, StatusChangeRow.id)
        )
        with self._read() as s:
            return [_to_change(r) for r in s.scalars(stmt)]
