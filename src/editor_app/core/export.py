"""Writing the finished article to disk: same render and stylesheet as the preview, atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.core.article import Article
from editor_app.core.claim_markup import ClaimMarkup
from editor_app.core.claims import Claim
from editor_app.core.metadata import json_ld_script_body, news_article_json_ld
from editor_app.core.page import article_content, page_html
from editor_app.core.render_process import RenderProcess
from editor_app.core.tickers.tags import TickerTag, related_stocks_line


class ExportError(Exception):
    """Export could not finish; nothing was written over an existing file."""


@dataclass
class ArticlePackage:
    """An article with everything published alongside it (claims, stock tags)."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    tickers: list[TickerTag] = field(default_factory=list)

    @property
    def related_stocks(self) -> str:
        return related_stocks_line(self.tickers) if self.tickers else ""


def atomic_write_text(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, then rename: readers see the old file or the new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def export_page(package: ArticlePackage, body_html: str, *, publisher: str = "") -> str:
    """The full page for an article whose body is already rendered and sanitized."""
    body, after = ClaimMarkup.from_claims(package.claims).apply(body_html)
    content = article_content(package.article, body, after, related_stocks=package.related_stocks)
    data = news_article_json_ld(package.article, claims=package.claims, tickers=package.tickers,
                                publisher=publisher)
    return page_html(package.article, content, json_ld=json_ld_script_body(data))


def export_article(package: ArticlePackage, path: Path, renderer: RenderProcess, *, publisher: str = "") -> Path:
    outcome = renderer.render(package.article.body)
    if not outcome.ok:
        raise ExportError(f"'{package.article.display_title}' could not be exported: {outcome.message}")
    try:
        atomic_write_text(path, export_page(package, outcome.html, publisher=publisher))
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    return Path(path)
