"""Review comments in the store: threads on an article or on a range of its words, resolve and
reopen, and ranges that follow the writer's edits (`core.edit_map`). No Qt.

Comment anchors are `str` indices into `Article.body` (code points, not UTF-16 units).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import editor_app.store.review_models  # noqa: F401  (registers the tables on Base)
from editor_app.core.article import utcnow
from editor_app.core.edit_map import EditMap, closest, trim_range
from editor_app.core.text import normalize_for_store
from editor_app.core.workflow import (
    Comment,
)
from editor_app.store.review_models import (
    CommentRow,
)
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore, clean_text


def _to_comment(row: CommentRow) -> Comment:
    return Comment(
        id=row.id,
        article_id=row.article_id,
        parent_id=row.parent_id,
        author=row.author,
        body=row.body,
        anchor_start=row.anchor_start,
        anchor_end=row.anchor_end,
        anchor_text=row.anchor_text,
        resolved=row.resolved,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
        detached=row.detached,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class CommentStore(SubStore):
    """Comments of the articles in `store`."""

    # -- comments -----------------------------------------------------------------------

    def add_comment(
        self,
        article_id: int,
        body: str,
        author: str = "",
        *,
        anchor: tuple[int, int, str] | None = None,
        parent_id: int | None = None,
    ) -> Comment:
        """A comment on the range `anchor` = (start, end, quoted text) of the body, or on the
        whole article (`anchor` None); with `parent_id`, a reply (replies carry no anchor)."""
        body = clean_text(body)
        if not body:
            raise ValueError("A comment needs some text.")
        author = acting_user_in(self.store, author)

        def work(s: Session) -> Comment:
            article = self._article(s, article_id)
            start = end = None
            quoted = ""
            if parent_id is not None:
                parent = s.get(CommentRow, parent_id)
                if parent is None or parent.article_id != article_id:
                    raise KeyError(parent_id)
                while parent.parent_id is not None:  # replies go to the thread's first comment
                    parent = s.get(CommentRow, parent.parent_id)
                root_id = parent.id
            else:
                root_id = None
                if anchor is not None:
                    start, end, quoted = anchor
                    if not 0 <= start < end <= len(article.body):
                        raise ValueError(
                            f"comment range {start}..{end} is outside the text (length {len(article.body)})"
                        )
                    quoted = quoted or article.body[start:end]
            now = utcnow()
            row = CommentRow(
                article_id=article_id,
                parent_id=root_id,
                author=author,
                body=body,
                anchor_start=start,
                anchor_end=end,
                anchor_text=quoted,
                detached=False,
                resolved=False,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            if root_id is not None:
                s.get(CommentRow, root_id).updated_at = now
            s.flush()
            return _to_comment(row)

        return self._run(work)

    def reply(self, comment_id: int, body: str, author: str = "") -> Comment:
        with self._read() as s:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            article_id = row.article_id
        return self.add_comment(article_id, body, author, parent_id=comment_id)

    def edit_comment(self, comment_id: int, body: str) -> Comment:
        body = clean_text(body)
        if not body:
            raise ValueError("A comment needs some text.")

        def work(s: Session) -> Comment:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            row.body, row.updated_at = body, utcnow()
            return _to_comment(row)

        return self._run(work)

    def delete_comment(self, comment_id: int) -> None:
        """Delete a comment (a thread's first comment takes its replies with it)."""

        def work(s: Session) -> None:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            s.delete(row)

        self._run(work)

    def resolve(self, comment_id: int, who: str = "") -> Comment:
        """Resolve the comment's thread (a reply resolves the thread it belongs to)."""
        return self._set_resolved(comment_id, acting_user_in(self.store, who))

    def reopen(self, comment_id: int) -> Comment:
        return self._set_resolved(comment_id, None)

    def _set_resolved(self, comment_id: int, who: str | None) -> Comment:
        def work(s: Session) -> Comment:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            if row.parent_id is not None:
                row = s.get(CommentRow, row.parent_id)
            now = utcnow()
            row.resolved = who is not None
            row.resolved_by = who or ""
            row.resolved_at = now if who is not None else None
            row.updated_at = now
            return _to_comment(row)

        return self._run(work)

    def set_anchor(self, comment_id: int, anchor: tuple[int, int, str] | None) -> Comment:
        """Re-attach a (detached) comment to a new range, or make it a whole-article comment."""

        def work(s: Session) -> Comment:
            row = s.get(CommentRow, comment_id)
            if row is None:
                raise KeyError(comment_id)
            if anchor is None:
                row.anchor_start = row.anchor_end = None
                row.anchor_text = ""
            else:
                body = self._article(s, row.article_id).body
                start, end, quoted = anchor
                if not 0 <= start < end <= len(body):
                    raise ValueError(f"comment range {start}..{end} is outside the text")
                row.anchor_start, row.anchor_end = start, end
                row.anchor_text = quoted or body[start:end]
            row.detached = False
            row.updated_at = utcnow()
            return _to_comment(row)

        return self._run(work)

    def get_comment(self, comment_id: int) -> Comment | None:
        with self._read() as s:
            row = s.get(CommentRow, comment_id)
            return _to_comment(row) if row else None

    def list_comments(self, article_id: int, *, threaded: bool = True) -> list[Comment]:
        """Threads (first comments with `replies`, oldest first), or every comment flat."""
        with self._read() as s:
            rows = list(
                s.scalars(
                    select(CommentRow)
                    .where(CommentRow.article_id == article_id)
                    .order_by(CommentRow.created_at, CommentRow.id)
                )
            )
        comments = [_to_comment(r) for r in rows]
        if not threaded:
            return comments
        roots = {c.id: c for c in comments if c.parent_id is None}
        for c in comments:
            if c.parent_id is not None and c.parent_id in roots:
                roots[c.parent_id].replies.append(c)
        return list(roots.values())

    def open_comment_counts(self) -> dict[int, int]:
        """{article id: open threads} for articles that have any (one query, for the library)."""
        stmt = (
            select(CommentRow.article_id, func.count())
            .where(CommentRow.parent_id.is_(None), CommentRow.resolved.is_(False))
            .group_by(CommentRow.article_id)
        )
        with self._read() as s:
            return {aid: n for aid, n in s.execute(stmt)}

    def reanchor_comments(self, article_id: int, old_text: str, new_text: str) -> list[Comment]:
        """Move the article's comment ranges from `old_text` to `new_text` (its body before and
        after an edit). A range keeps its surviving characters (typing inside widens it, a
        partial delete shrinks it); when none survive, the quoted text is looked for nearby and
        the comment re-attached there, else it is flagged `detached`. Returns the comments
        whose anchor changed."""
        if old_text == new_text:
            return []
        new_text = normalize_for_store(new_text).text

        def work(s: Session) -> list[Comment]:
            rows = list(
                s.scalars(
                    select(CommentRow).where(
                        CommentRow.article_id == article_id,
                        CommentRow.anchor_start.is_not(None),
                        CommentRow.detached.is_(False),
                    )
                )
            )
            if not rows:
                return []
            emap = EditMap.between(old_text, new_text)
            changed = []
            for row in rows:
                start, end = row.anchor_start or 0, row.anchor_end or 0
                mapped = emap.map_range(start, end)
                if mapped is not None and new_text[mapped[0] : mapped[1]].strip():
                    new_range = trim_range(new_text, *mapped, row.anchor_text)
                else:
                    at = closest(new_text, row.anchor_text, start) if len(row.anchor_text) >= 4 else None
                    new_range = (at, at + len(row.anchor_text)) if at is not None else None
                if new_range is None:
                    row.detached = True
                    row.anchor_start = row.anchor_end = None
                elif new_range != (start, end):
                    row.anchor_start, row.anchor_end = new_range
                else:
                    continue
                changed.append(_to_comment(row))
            return changed

        return self._run(work)
