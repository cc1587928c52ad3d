"""The embargo in the store (no Qt): the `embargo_at` column, kept in step with the body's
front matter on every write, set from the header form, and the overrides an editor gives to
export or publish before it (kept in the status history, with who and when).

The library sorts by the column (`ix_articles_embargo_at`), so it never parses bodies.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

import editor_app.store.embargo_column
import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import ArticleStatus, utcnow
from editor_app.core.embargo import EmbargoError, embargo_in_zone, human, offset_minutes, parse_embargo
from editor_app.store.review_models import StatusChangeRow
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore, clean_text

OVERRIDE_NOTE = "Embargo overridden ({action} before {when})"
WITHHELD_NOTE = "Sent as a withheld ninjs item, embargoed until {when}"


class EmbargoStore(SubStore):
    """Embargo times and their overrides."""

    def set_embargo(self, article_id: int, value: str | datetime | None) -> datetime | None:
        """Set (ISO text with its zone, or an aware datetime) or clear ("" / None) the embargo.
        EmbargoError for a time without its zone."""
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise EmbargoError("an embargo needs its time zone")
            when: datetime | None = value
        else:
            when = parse_embargo(value) if value and str(value).strip() else None

        def work(s: Session) -> datetime | None:
            row = self._article(s, article_id)
            offset = offset_minutes(when) if when is not None else 0
            if row.embargo_at != when or row.embargo_offset != offset:
                row.embargo_at, row.embargo_offset = when, offset
            return when

        return self._run(work)

    def embargo(self, article_id: int) -> datetime | None:
        with self._read() as s:
            row = self._article(s, article_id)
            return embargo_in_zone(row.embargo_at, row.embargo_offset)

    def record_override(self, article_id: int, action: str, reason: str, *, who: str = "") -> None:
        """Keep an editor's override of the embargo in the status history (the status stays)."""
        reason = clean_text(reason)
        if not reason:
            raise EmbargoError("an embargo override needs its reason")
        self._note(article_id, OVERRIDE_NOTE.format(action=action, when="{when}"), reason, who)

    def record_withheld(self, article_id: int, *, who: str = "") -> None:
        """Keep in the history that the story left ahead of its embargo as a withheld wire item
        (no override needed: the receiver holds it until the time it carries)."""
        self._note(article_id, WITHHELD_NOTE, "", who)

    def _note(self, article_id: int, template: str, reason: str, who: str) -> None:
        """A history row that leaves the status as it is; `template` names the embargo `{when}`."""
        who = acting_user_in(self.store, who)

        def work(s: Session) -> None:
            row = self._article(s, article_id)
            status = ArticleStatus(row.status).value
            at = embargo_in_zone(row.embargo_at, row.embargo_offset)
            when = human(at) if at else "the embargo"
            s.add(
                StatusChangeRow(
                    article_id=article_id,
                    from_status=status,
                    to_status=status,
                    who=who,
                    at=utcnow(),
                    note=template.format(when=when),
                    override_reason=reason,
                )
            )

        self._run(work)
