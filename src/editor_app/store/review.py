"""Editorial review in the store, in one object: status changes with history
(`store.status`), source notes (`store.sources`) and review comments (`store.comments`). No Qt.

    review = ReviewStore(store)
    review.change_status(article_id, ArticleStatus.IN_REVIEW, who="ana", note="ready")
    src = review.add_source(article_id, outlet="FT", url="https://ft.com/x")
    review.verify(src.id, who="ed")
    c = review.add_comment(article_id, "Source?", "ed", anchor=(120, 160, "the quoted words"))
    review.reanchor_comments(article_id, old_body, new_body)   # after every body save

Moves that run the checklist (approved, published) go through `services.review.Review`.
"""

from __future__ import annotations

from editor_app.store.comments import CommentStore
from editor_app.store.sources import SOURCE_FIELDS, SourceStore
from editor_app.store.status import StatusStore

__all__ = ["SOURCE_FIELDS", "ReviewStore"]


class ReviewStore(StatusStore, SourceStore, CommentStore):
    """Status history, sources and comments of the articles in `store`."""
