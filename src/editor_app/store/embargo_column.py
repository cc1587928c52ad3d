"""`articles.embargo_at` follows the body's front matter `embargo:` on every insert and update
(the mapper events run inside the flush, so no write path can miss it)."""

from __future__ import annotations

from sqlalchemy import event

from editor_app.core.embargo import embargo_of, embargo_value, offset_minutes
from editor_app.store.models import ArticleRow


@event.listens_for(ArticleRow, "before_insert")
@event.listens_for(ArticleRow, "before_update")
def _embargo_from_front_matter(_mapper: object, _conn: object, row: ArticleRow) -> None:
    """A body whose front matter says `embargo:` sets the column (a body without the line
    leaves a value set from the header form alone)."""
    if embargo_value(row.body or "") is None:
        return
    when = embargo_of(row.body or "")
    if when is not None and (when != row.embargo_at or offset_minutes(when) != row.embargo_offset):
        row.embargo_at, row.embargo_offset = when, offset_minutes(when)
