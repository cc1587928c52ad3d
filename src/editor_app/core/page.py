"""The article page: one template for the preview and the exported file, so they never differ.

Jinja2 with autoescape: every field a writer typed is text; only the sanitized body is markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from editor_app import __version__
from editor_app.core.article import Article, ArticleStatus
from editor_app.resources import read_text, resource_path

# No script at all, no network: only inline styles and embedded (data:) images.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
# The live preview also shows the store's pictures (`image:` keys, served by the window).
PREVIEW_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("img-src data:;", "img-src data: image:;")
# A store picture the preview cannot load (the reference came from another store): browsers
# draw an image's ::before only when it failed to load, so this box shows just for those.
PREVIEW_MISSING_PICTURE_CSS = """
img[src^="image:"]::before { content: "Picture not in this store"; display: block; box-sizing: border-box;
  width: 22rem; max-width: 100%; padding: 1.5rem 1rem; border: 2px dashed var(--muted); border-radius: 6px;
  background: var(--code-bg); color: var(--text); font: 0.95rem/1.3 system-ui, sans-serif; text-align: center; }
"""


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


EXPORT_THEMES = ("light", "dark", "auto")  # the desk's export theme (DeskSettings.export_theme)
DARK_SELECTOR = ':root[data-theme="dark"]'


@cache
def stylesheet(theme: str = "light") -> str:
    """The page's CSS: the light style and its dark variant (applied by `data-theme="dark"`);
    for the "auto" export theme, the dark rules again for readers whose system is dark."""
    light = read_text("styles", "article.css")
    dark = read_text("styles", "article-dark.css")
    css = light + "\n" + dark
    if theme == "auto":
        follows = dark.replace(DARK_SELECTOR, ':root:not([data-theme="light"])')
        css += "\n@media (prefers-color-scheme: dark) {\n" + follows + "}\n"
    return css


def with_root_theme(page: str, theme: str) -> str:
    """`page` with data-theme="light" / "dark" on its root element (the preview sets its own
    theme this way; a page that already carries one is left as it is)."""
    head = page[:300]
    if "data-theme=" in head or "<html" not in head:
        return page
    return page.replace("<html", f'<html data-theme="{"dark" if theme == "dark" else "light"}"', 1)


def theme_attribute(theme: str) -> str:
    """The root's data-theme for an export theme: "dark" only when the desk asks for dark pages."""
    return "dark" if theme == "dark" else ""


def _human_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%d %B %Y, %H:%M UTC").lstrip("0")


def status_banner_label(article: Article) -> str:
    """The desk's "Approved · not published" line; "" once the article is published."""
    if article.status == ArticleStatus.PUBLISHED:
        return ""
    label = article.status.label
    return label + " · not published" if getattr(article, "published_at", None) is None else label


def header_html(article: Article, related_stocks: str = "", *, status_banner: bool = False) -> str:
    """Inside <header>: headline, dek, byline, dates, related stocks.

    `status_banner` adds the workflow status above the headline ("Draft · not published"): the
    live preview asks for it so the desk sees what is not out yet; an exported page, meant for
    publication, never carries it (hence off unless asked for)."""
    published_at: datetime | None = getattr(article, "published_at", None)  # set once published
    status_label = status_banner_label(article) if status_banner else ""
    return (
        _env()
        .get_template("article_header.html.j2")
        .render(
            article=article,
            related_stocks=related_stocks,
            status_label=status_label,
            published_iso=published_at.isoformat() if published_at else "",
            published_human=_human_time(published_at) if published_at else "",
            updated_iso=article.updated_at.isoformat(),
            updated_human=_human_time(article.updated_at),
        )
    )


def article_content(
    article: Article,
    body_html: str,
    after_html: str = "",
    related_stocks: str = "",
    footer_html: str = "",
    *,
    status_banner: bool = False,
) -> str:
    """What goes inside <article>: header, body, and what follows the body (claims box, …).

    `body_html` must already be sanitized; `after_html` must come from our own templates.
    The `data-part` containers let the preview replace one part without touching the others.
    `status_banner` as for `header_html`: the preview's, never an export's.
    """
    return (
        _env()
        .get_template("article_content.html.j2")
        .render(
            header_html=Markup(header_html(article, related_stocks, status_banner=status_banner)),
            body_html=Markup(body_html),
            after_html=Markup(after_html),
            footer_html=Markup(footer_html),  # sources note and tags (export), from our own template
        )
    )


def page_html(
    article: Article,
    content_html: str,
    *,
    lang: str = "en",
    json_ld: str = "",
    canonical_url: str = "",
    meta_tags: Sequence[tuple[str, str, str]] = (),
    theme: str = "light",
    preview: bool = False,
) -> str:
    """The complete self-contained HTML5 document. `json_ld` must be script-safe JSON
    (metadata.json_ld_script_body); `meta_tags` are ("property" | "name", key, content) for
    Open Graph and Twitter cards (metadata.social_meta_tags), escaped by the template.
    `theme` is the desk's export theme: light (the publication's style), dark, or auto (the
    reader's system decides); the preview sets its own theme on the root. `preview`: the live
    preview's page, which may also load `image:` pictures from the store."""
    theme = theme if theme in EXPORT_THEMES else "light"
    return (
        _env()
        .get_template("page.html.j2")
        .render(
            lang=lang,
            json_ld=Markup(json_ld),
            csp=PREVIEW_CONTENT_SECURITY_POLICY if preview else CONTENT_SECURITY_POLICY,
            version=__version__,
            title=article.display_title,
            description=article.dek,
            css=Markup(stylesheet(theme) + (PREVIEW_MISSING_PICTURE_CSS if preview else "")),
            theme=theme_attribute(theme),
            content=Markup(content_html),
            canonical_url=canonical_url,
            meta_tags=list(meta_tags),
        )
    )
