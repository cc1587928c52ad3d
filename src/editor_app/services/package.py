"""An article with everything that is published alongside it, read in one place for export."""

from __future__ import annotations

from editor_app.core.export import ArticlePackage, SourceLink
from editor_app.core.images.refs import EmbeddedImage, image_keys
from editor_app.store.claims import ClaimStore
from editor_app.store.images import ImageStore
from editor_app.store.notices import NoticeStore
from editor_app.store.replies import ReplyStore
from editor_app.store.sources import SourceStore
from editor_app.store.store import Store
from editor_app.store.tickers import TickerTagStore


def load_package(store: Store, article_id: int, *, images: bool = True) -> ArticlePackage | None:
    """`images=False` leaves the pictures out (the preview loads them itself; the checklist only
    asks which exist)."""
    article = store.get(article_id)
    if article is None:
        return None
    return ArticlePackage(
        article=article,
        claims=ClaimStore(store).list_claims(article_id),
        tickers=TickerTagStore(store).list_tags(article_id),
        sources=_verified_sources(store, article_id),
        replies=ReplyStore(store).list_for_article(article_id),
        images=images_for(store, article.body) if images else {},
        notices=NoticeStore(store).list(article_id, published_only=True),
    )


def images_for(store: Store, body: str) -> dict[str, EmbeddedImage]:
    """The stored pictures a Markdown body names (what an export embeds)."""
    keys = image_keys(body)
    return ImageStore(store).embedded(keys) if keys else {}


def _verified_sources(store: Store, article_id: int) -> list[SourceLink]:
    """Sources the desk verified (review pane), for the page's "Based on reporting by" note."""
    return [
        SourceLink(src.outlet or src.title, src.url)
        for src in SourceStore(store).list_sources(article_id)
        if src.verified and (src.outlet or src.title).strip()
    ]
