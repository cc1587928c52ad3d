"""An article with everything that is published alongside it, read in one place for export."""

from __future__ import annotations

from editor_app.core.export import ArticlePackage
from editor_app.store.claims import ClaimStore
from editor_app.store.store import Store
from editor_app.store.tickers import TickerTagStore


def load_package(store: Store, article_id: int) -> ArticlePackage | None:
    article = store.get(article_id)
    if article is None:
        return None
    return ArticlePackage(
        article=article,
        claims=ClaimStore(store).list_claims(article_id),
        tickers=TickerTagStore(store).list_tags(article_id),
    )
