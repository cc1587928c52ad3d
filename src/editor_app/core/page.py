"""The article page: one template for the preview and the exported file, so they never differ.

Jinja2 with autoescape: every field a writer typed is text; only the sanitized body is markup.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from editor_app import __version__
from editor_app.core.article import Article, ArticleStatus
from editor_app.resources import read_text, resource_path

# No script at all, no network: only inline styles and embedded (data:) images.
CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: object) -> str:
    return _env().get_template(name).render(**context)


@cache
def stylesheet() -> str:
    return read_text("styles", "article.css")


def header_html(article: Article, related_stocks: str = "") -> str:
    """Inside <header>: status (unless published), headline, dek, byline, date, related stocks."""
    status_label = "" if article.status == ArticleStatus.PUBLISHED else article.status.label
    return _env().get_template("article_header.html.j2").render(
        article=article,
        related_stocks=related_stocks,
        status_label=status_label,
        updated_iso=article.updated_at.isoformat(),
        updated_human=article.updated_at.strftime("%d %B %Y, %H:%M UTC").lstrip("0"),
    )


def article_content(article: Article, body_html: str, after_html: str = "", related_stocks: str = "") -> str:
    """What goes inside <article>: header, body, and what follows the body (claims box, …).

    `body_html` must already be sanitized; `after_html` must come from our own templates.
    The `data-part` containers let the preview replace one part without touching the others.
    """
    return _env().get_template("article_content.html.j2").render(
        header_html=Markup(header_html(article, related_stocks)),
        body_html=Markup(body_html),
        after_html=Markup(after_html),
    )


def page_html(article: Article, content_html: str, *, lang: str = "en", json_ld: str = "") -> str:
    """The complete self-contained HTML5 document. `json_ld` must be script-safe JSON
    (metadata.json_ld_script_body)."""
    return _env().get_template("page.html.j2").render(
        lang=lang,
        json_ld=Markup(json_ld),
        csp=CONTENT_SECURITY_POLICY,
        version=__version__,
        title=article.display_title,
        description=article.dek,
        css=Markup(stylesheet()),
        content=Markup(content_html),
    )
