"""The preview's parts the window keeps current: the header (headline, dek, byline, related
stocks), the claim marks and the claims box, the body as rendered, and the word count.

A mixin of `MainWindow`.
"""

from __future__ import annotations

from dataclasses import replace

from editor_app.core.article import Article
from editor_app.core.claim_markup import ClaimMarkup
from editor_app.core.export import footer_html
from editor_app.core.notices import notices_html
from editor_app.core.page import header_html
from editor_app.core.render_process import RenderOutcome
from editor_app.core.text import text_stats
from editor_app.core.tickers.tags import related_stocks_line
from editor_app.services.package import load_package

PREVIEW_PAUSED = (
    "Preview paused: {reason}. Your text is safe and still being saved; "
    "the preview resumes when the article can be rendered again."
)


class PreviewParts:
    def _current_meta(self) -> Article:
        base = self.article or Article()
        return replace(
            base, title=self.header.value("title"), dek=self.header.value("dek"), byline=self.header.value("byline")
        )

    def show_header(self) -> None:
        self.preview.update_parts(header=header_html(self._current_meta(), self._related_stocks, status_banner=True))

    def show_article_parts(self, *, claims: bool = True, tags: bool = True) -> None:
        """What the page shows around the body, from one read of the article's package: the
        claim marks, the claims box and the sources note (claims), the header's "Related
        stocks" line (tags). A re-render is cheap: unchanged sections are cached."""
        if not (claims or tags):
            return
        package = load_package(self.store, self.article.id, images=False) if self.article and self.article.id else None
        if tags:
            self._related_stocks = related_stocks_line(package.tickers if package is not None else [])
            self.show_header()
        if claims:
            self.renderer.set_claim_markup(
                ClaimMarkup.from_claims(package.claims, package.replies) if package is not None else ClaimMarkup()
            )
            self.renderer.schedule(0, immediate=True)
            notes = notices_html(package.notices, package.article) if package is not None else ""  # issue 15
            self.preview.update_parts(footer=notes + (footer_html(package) if package is not None else ""))

    def show_claim_parts(self) -> None:
        """Claims, their statuses or the sources changed."""
        self.show_article_parts(tags=False)

    def show_related_stocks(self) -> None:
        """Stock tags changed."""
        self.show_article_parts(claims=False)

    def _on_rendered(self, outcome: RenderOutcome, body_json: str, after_html: str, _seconds: float) -> None:
        if outcome.ok:
            self._body_html = outcome.html
            self._preview_notice = ""
            stats = outcome.stats
            self.preview.update_parts(body_json=body_json, after=after_html, notice="")
        else:
            self._preview_notice = PREVIEW_PAUSED.format(reason=outcome.message)
            self.preview.update_parts(notice=self._preview_notice)
            text = self.editor.toPlainText()
            stats = text_stats(text) if len(text) < 2_000_000 else None
        self._stats = stats
        self.show_stats()

    def show_stats(self) -> None:
        """The word count in the status bar, against the article's length target if it has one."""
        stats = getattr(self, "_stats", None)
        self.stats_label.setText(stats.describe(target=self.header.target()) if stats else "")
