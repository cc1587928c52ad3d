"""Review with its checklist: the checklist reads the article's package, comments, sources,
ticker suggestions and dismissals, so it lives above the store; moves to approved and
published run it before the status is written. The UI and the command line use `Review`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from editor_app.core.article import ArticleStatus
from editor_app.core.checklist import CheckItem, run_checklist, suggestion_text, ticker_suggestions
from editor_app.core.images.refs import image_keys
from editor_app.core.workflow import StatusChange, parse_status, runs_checklist
from editor_app.services.package import load_package
from editor_app.store.images import ImageStore
from editor_app.store.review import ReviewStore
from editor_app.store.tickers import TickerTagStore


class Review(ReviewStore):
    """`ReviewStore` plus the checklist, and status moves that run it."""

    def checklist(
        self,
        article_id: int,
        *,
        suggestions: Iterable[Any] | None = None,
        directory: Any = None,
        now: datetime | None = None,
    ) -> list[CheckItem]:
        """The checklist for the stored article, with its claims, tags, comments, sources and
        dismissals. Without `suggestions` the ticker suggestions are computed from its text
        (loads the symbol directory unless `directory` is given)."""
        package = load_package(self.store, article_id, images=False)
        if package is None:
            raise KeyError(article_id)
        a = package.article
        if suggestions is None:
            suggestions = ticker_suggestions(suggestion_text(a.title, a.dek, a.body), directory)
        tickers = TickerTagStore(self.store)
        from editor_app.services.spelling import article_checker

        checker = article_checker(self.store, a.body, article_id, directory=directory)
        return run_checklist(
            package,
            comments=self.list_comments(article_id, threaded=False),
            sources=self.list_sources(article_id),
            suggestions=suggestions,
            dismissed=tickers.dismissed(article_id),
            aliases=_aliases(package, directory),
            misspelt=checker.check_text(a.body),
            stored_images=ImageStore(self.store).existing(image_keys(a.body)),
            now=now,
        )

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
        """As `StatusStore.change_status`, running the checklist when the move needs it and
        no items are given."""
        if checklist_items is None and runs_checklist(parse_status(to)):
            checklist_items = self.checklist(article_id)
        return super().change_status(
            article_id, to, who=who, note=note, checklist_items=checklist_items, override_reason=override_reason
        )


def _aliases(package: Any, directory: Any) -> dict[tuple[str, str], list[str]]:
    """Curated names of each tagged listing (for the "never named" warning)."""
    if not package.tickers:
        return {}
    try:
        from editor_app.core.tickers.directory import default_directory

        directory = directory or default_directory()
        out: dict[tuple[str, str], list[str]] = {}
        wanted = {t.key for t in package.tickers}
        for alias in directory.aliases:
            li = directory.listing(alias.listing_id)
            for x in directory.listings_of(li.issuer_id):
                if (x.symbol, x.mic) in wanted:
                    out.setdefault((x.symbol, x.mic), []).append(alias.text)
        return out
    except Exception:
        return {}
