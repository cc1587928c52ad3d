"""Writing the finished article to disk: same render and stylesheet as the preview, atomically."""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.core.article import Article
from editor_app.core.claim_markup import ClaimMarkup, safe_url
from editor_app.core.claims import Claim
from editor_app.core.images.refs import EmbeddedImage, embed_images, image_key
from editor_app.core.metadata import correction_json_ld, json_ld_script_body, news_article_json_ld, social_meta_tags
from editor_app.core.notices import Notice, notices_html
from editor_app.core.page import article_content, page_html, render_template
from editor_app.core.render_process import RenderProcess
from editor_app.core.reply import ReplyRequest
from editor_app.core.settings import DeskSettings
from editor_app.core.tickers.tags import TickerTag, related_stocks_line


class ExportError(Exception):
    """Export could not finish; nothing was written over an existing file."""


@dataclass(frozen=True)
class SourceLink:
    """An outlet or document the article is based on, for the "Based on reporting by" note."""

    name: str
    url: str = ""


@dataclass
class ArticlePackage:
    """An article with everything published alongside it (claims, stock tags, verified sources)."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    tickers: list[TickerTag] = field(default_factory=list)
    sources: list[SourceLink] = field(default_factory=list)  # beyond the claims' appearances
    replies: list[ReplyRequest] = field(default_factory=list)  # right of reply (core.reply)
    images: dict[str, EmbeddedImage] = field(default_factory=dict)  # the body's stored pictures, by key
    notices: list[Notice] = field(default_factory=list)  # published corrections, clarifications, updates

    @property
    def related_stocks(self) -> str:
        return related_stocks_line(self.tickers) if self.tickers else ""


def _current_umask() -> int:
    """The process umask: from /proc on Linux (reading it with os.umask means setting it, for a
    moment, for every thread), else set and straight back."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, then rename: readers see the old file or the new one.
    The file gets the mode a plain `open()` would give (0666 less the umask), not mkstemp's 0600:
    a web server or a colleague must be able to read an exported page."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o666 & ~_current_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_IMG = re.compile(r"<img\b([^>]*)>", re.I)
_ATTR = re.compile(r'([a-zA-Z][\w:-]*)="([^"]*)"')


def external_images_to_links(body_html: str) -> str:
    """Exported pages load nothing from outside: an image by http(s) URL becomes a link to it
    (the writer's choice stays one click away); embedded data: images and pictures of the store
    (`image:` keys, which the preview loads from the store and an export embeds) are kept. Runs
    on sanitized HTML, whose attributes the sanitizer always writes double-quoted and escaped."""
    if "<img" not in body_html:
        return body_html

    def repl(m: re.Match[str]) -> str:
        attrs = dict(_ATTR.findall(m.group(1)))
        src = attrs.get("src", "")
        if src.lower().startswith("data:image/") or image_key(src):
            return m.group(0)
        url = safe_url(html.unescape(src))
        alt = attrs.get("alt", "")  # still escaped as the sanitizer wrote it
        label = f"Image: {alt}" if alt.strip() else "Image"
        if not url:
            return f'<span class="external-image">[{label}]</span>'
        return (
            f'<a class="external-image" href="{html.escape(url, quote=True)}" rel="noopener noreferrer">[{label}]</a>'
        )

    return _IMG.sub(repl, body_html)


_HEADING_TAG = re.compile(r"<(/?)h([2-6])\b", re.I)


def normalize_heading_levels(body_html: str) -> str:
    """A page outline without gaps, as the HTML checker and axe's heading-order rule require:
    the levels the writer used are closed up from h2 (h1 is the headline), and no heading is
    more than one level below the one before it. Runs on sanitized HTML (headings never nest)."""
    levels = sorted({int(m.group(2)) for m in _HEADING_TAG.finditer(body_html) if not m.group(1)})
    if not levels:
        return body_html
    compact = {level: 2 + i for i, level in enumerate(levels)}
    state = {"prev": 1, "open": 2}

    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            return f"</h{state['open']}"
        level = min(compact[int(m.group(2))], state["prev"] + 1)
        state["prev"] = state["open"] = level
        return f"<h{level}"

    return _HEADING_TAG.sub(repl, body_html)


def finish_body(body_html: str) -> str:
    """The last steps on a rendered body, shared by export and the preview so they never differ:
    remote images become links (nothing is fetched) and heading levels have no gaps."""
    return normalize_heading_levels(external_images_to_links(body_html))


def sources_for(package: ArticlePackage) -> list[SourceLink]:
    """Outlets that reported the claims (first URL each), then the package's other sources;
    one entry per name, case-insensitively, in order of appearance."""
    found: dict[str, SourceLink] = {}
    candidates = [
        SourceLink(" ".join(a.outlet.split()), safe_url(a.url))
        for c in package.claims
        for a in c.appearances
        if a.outlet.strip()
    ]
    candidates += [SourceLink(" ".join(s.name.split()), safe_url(s.url)) for s in package.sources if s.name.strip()]
    for src in candidates:
        key = src.name.casefold()
        if key not in found or (not found[key].url and src.url):
            found[key] = src
    return list(found.values())


def hashtag(tag: str) -> str:
    """ "electric vehicles" -> "electricVehicles" (shown after "#"; words joined, later ones capitalised)."""
    words = tag.lstrip("#").split()
    return "".join(words[:1] + [w[:1].upper() + w[1:] for w in words[1:]])


def footer_html(package: ArticlePackage) -> str:
    """The sources note and the hashtags after the claims box ("" when there are neither)."""
    tags = [h for t in getattr(package.article, "tags", []) if (h := hashtag(t))]
    return render_template("article_footer.html.j2", sources=sources_for(package), tags=tags).strip()


def export_page(
    package: ArticlePackage, body_html: str, *, publisher: str = "", settings: DeskSettings | None = None
) -> str:
    """The full page for an article whose body is already rendered and sanitized."""
    settings = settings or DeskSettings(publisher=publisher)
    publisher = publisher or settings.publisher
    article = package.article
    canonical = settings.canonical_url(article.slug, getattr(article, "canonical_url", ""))
    tags = list(getattr(article, "tags", []))
    body_html = embed_images(body_html, package.images)  # the page carries its pictures
    body, after = ClaimMarkup.from_claims(package.claims, package.replies).apply(finish_body(body_html))
    notes = notices_html(package.notices, article, settings.notices_at)
    if notes:
        body, after = (notes + body, after) if settings.notices_at == "top" else (body, after + notes)
    content = article_content(  # no status banner: an exported page is meant for publication
        article,
        body,
        after,
        related_stocks=package.related_stocks,
        footer_html=footer_html(package),
        status_banner=False,
    )
    data = news_article_json_ld(
        article,
        claims=package.claims,
        tickers=package.tickers,
        publisher=publisher,
        canonical_url=canonical,
        lang=settings.lang,
        keywords=tags,
        replies=package.replies,
    )
    correction_json_ld(data, package.notices)
    meta = social_meta_tags(
        article,
        site_name=publisher,
        canonical_url=canonical,
        tags=tags,
        twitter_site=settings.twitter_handle,
        lang=settings.lang,
    )
    return page_html(
        article,
        content,
        lang=settings.lang,
        json_ld=json_ld_script_body(data),
        canonical_url=canonical,
        meta_tags=meta,
        theme=settings.page_theme,
    )


def export_article(
    package: ArticlePackage,
    path: Path,
    renderer: RenderProcess,
    *,
    publisher: str = "",
    settings: DeskSettings | None = None,
) -> Path:
    outcome = renderer.render(package.article.body)
    if not outcome.ok:
        raise ExportError(f"'{package.article.display_title}' could not be exported: {outcome.message}")
    try:
        atomic_write_text(path, export_page(package, outcome.html, publisher=publisher, settings=settings))
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    return Path(path)
