"""Exporting many articles into one folder, with an index page (no Qt; the UI runs it in a thread).

File names come from slugs; two articles that would get the same name (also when names differ
only in case, which some file systems do not distinguish, or a slug "index") get -2, -3, ...
Files that already exist are replaced only if `overwrite` allows it, asked once with the whole
list. Every write is atomic (temp file + rename), and cancelling stops between two files, so no
half-written file is ever left behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from markupsafe import Markup

from editor_app import __version__
from editor_app.core.article import utcnow
from editor_app.core.export import ArticlePackage, ExportError, atomic_write_text, export_page
from editor_app.core.page import CONTENT_SECURITY_POLICY, render_template, stylesheet, theme_attribute
from editor_app.core.render_process import RenderOutcome
from editor_app.core.settings import DeskSettings
from editor_app.core.slug import MAX_SLUG_LENGTH, slugify

INDEX_NAME = "index.html"
FORMATS = ("html", "ninjs")  # a page per article (with index.html), or IPTC ninjs JSON (core/ninjs.py)


class EmbargoRefused(ExportError):
    """Articles still under embargo, and no override: nothing was written."""

    def __init__(self, packages: Sequence[ArticlePackage]) -> None:
        from editor_app.core.embargo import refusal

        self.packages = list(packages)
        first = self.packages[0].article
        head = refusal(first.embargo_at)
        if len(self.packages) == 1:
            super().__init__(f"'{first.display_title}' is not exported. {head}")
        else:
            names = ", ".join(f"'{p.article.display_title}'" for p in self.packages[:3])
            more = f" and {len(self.packages) - 3} more" if len(self.packages) > 3 else ""
            super().__init__(
                f"{len(self.packages)} articles are still under embargo ({names}{more}); nothing was exported. "
                "An editor can override with a reason, which is kept in each article's history."
            )


def embargoed(packages: Sequence[ArticlePackage], now: datetime | None = None) -> list[ArticlePackage]:
    """The packages whose embargo has not lifted yet."""
    from editor_app.core.embargo import under_embargo

    return [p for p in packages if under_embargo(getattr(p.article, "embargo_at", None), now)]


ProgressCallback = Callable[[int, int, str], None]  # (done, total, title of the article in hand)


class Renderer(Protocol):
    def render(self, text: str, budget: float | None = None) -> RenderOutcome: ...


@dataclass
class ExportedFile:
    article_id: int | None
    title: str
    path: Path


@dataclass
class ExportReport:
    out_dir: Path
    files: list[ExportedFile] = field(default_factory=list)  # written, in order
    index: Path | None = None  # index.html, when written
    failed: list[tuple[str, str]] = field(default_factory=list)  # (title, message)
    existing: list[Path] = field(default_factory=list)  # files that were already there
    refused: bool = False  # existing files and `overwrite` said no: nothing was written
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def written(self) -> list[Path]:
        return [f.path for f in self.files] + ([self.index] if self.index else [])

    @property
    def ok(self) -> bool:
        return not (self.failed or self.refused or self.cancelled)

    def summary(self) -> str:
        if self.refused:
            return f"Nothing exported: {len(self.existing)} file(s) already exist in {self.out_dir}."
        parts = [f"Exported {len(self.files)} article(s) to {self.out_dir}"]
        if self.index:
            parts.append("with index.html")
        text = " ".join(parts) + "."
        if self.failed:
            text += f" {len(self.failed)} could not be exported."
        if self.cancelled:
            text += " Cancelled before the end."
        return text


def file_names(
    packages: Sequence[ArticlePackage], *, reserved: Sequence[str] = (INDEX_NAME,), ext: str = ".html"
) -> list[str]:
    """`<slug>.html` (or `ext`) per package, unique case-insensitively (and never a reserved name)."""
    taken = {r.casefold() for r in reserved}
    bases = [
        slugify(p.article.slug or p.article.title or (f"article-{p.article.id}" if p.article.id else ""))
        for p in packages
    ]
    names: list[str | None] = [None] * len(bases)
    for i, base in enumerate(bases):  # first pass: every article that can keep its own name does
        if f"{base}{ext}".casefold() not in taken:
            names[i] = f"{base}{ext}"
            taken.add(names[i].casefold())
    for i, base in enumerate(bases):  # second pass: the others get -2, -3, ...
        n = 2
        while names[i] is None:
            suffix = f"-{n}"
            candidate = f"{base[: MAX_SLUG_LENGTH - len(suffix)]}{suffix}{ext}"
            if candidate.casefold() not in taken:
                names[i] = candidate
                taken.add(candidate.casefold())
            n += 1
    return [n for n in names if n is not None]


def _human(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%d %B %Y, %H:%M UTC").lstrip("0")


def index_page(entries: Sequence[tuple[ArticlePackage, str]], settings: DeskSettings, *, title: str = "") -> str:
    """The listing page: headline (linked), dek, byline and date per article; no script."""
    rows = []
    for package, href in entries:
        a = package.article
        if getattr(a, "killed", False):
            continue  # a killed article leaves the index (its file is kept, with the notice)
        published = getattr(a, "published_at", None)
        when = published or a.updated_at
        rows.append(
            {
                "href": href,
                "title": a.display_title,
                "dek": a.dek,
                "byline": a.byline,
                "published": published is not None,
                "status": a.status.label,
                "date_iso": when.isoformat(),
                "date_human": _human(when),
            }
        )
    now = utcnow()
    heading = title or (f"{settings.publisher}: articles" if settings.publisher.strip() else "Exported articles")
    return render_template(
        "export_index.html.j2",
        lang=settings.lang,
        csp=CONTENT_SECURITY_POLICY,
        version=__version__,
        title=heading,
        css=Markup(stylesheet(settings.page_theme)),
        theme=theme_attribute(settings.page_theme),  # the index looks like the pages it lists
        entries=rows,
        exported_iso=now.isoformat(),
        exported_human=_human(now),
    )


def _document(package: ArticlePackage, html: str, settings: DeskSettings, fmt: str, now: datetime | None) -> str:
    if fmt == "ninjs":
        import json

        from editor_app.core.ninjs import ninjs_document

        return (
            json.dumps(ninjs_document(package, html, settings=settings, now=now), ensure_ascii=False, indent=1) + "\n"
        )
    return export_page(package, html, settings=settings)


def export_many(
    packages: Sequence[ArticlePackage],
    out_dir: Path,
    *,
    renderer: Renderer | None = None,
    on_progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    overwrite: Callable[[list[Path]], bool] | bool = False,
    settings: DeskSettings | None = None,
    index: bool | None = None,
    index_title: str = "",
    fmt: str = "html",
    override_embargo: bool = False,
    now: datetime | None = None,
) -> ExportReport:
    """Write each package as `<slug>.html` into `out_dir` and (for more than one article, or
    `index=True`) an `index.html` listing them. `renderer` defaults to a private RenderProcess
    (budgeted: hostile Markdown cannot hang the export).

    `fmt` "ninjs" writes `<slug>.json` (IPTC ninjs 3.1) and no index. Articles under embargo
    raise EmbargoRefused before anything is written, unless `override_embargo` (the caller
    records the editor's reason). A ninjs item is the exception: a wire feed is where an
    embargoed story travels ahead of its time, marked `withheld` with its `embargoed` time, so
    it needs no override."""
    started = time.perf_counter()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    held = embargoed(packages, now) if fmt == "html" else []
    if held and not override_embargo:
        raise EmbargoRefused(held)
    out_dir = Path(out_dir)
    settings = settings or DeskSettings()
    write_index = (len(packages) > 1 if index is None else index) and fmt == "html"
    names = file_names(packages, ext=".json" if fmt == "ninjs" else ".html")
    targets = [out_dir / n for n in names]
    report = ExportReport(out_dir=out_dir)
    report.existing = [t for t in [*targets, *([out_dir / INDEX_NAME] if write_index else [])] if t.exists()]
    if report.existing:
        allowed = overwrite(list(report.existing)) if callable(overwrite) else bool(overwrite)
        if not allowed:
            report.refused = True
            report.seconds = time.perf_counter() - started
            return report
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"could not create {out_dir}: {exc.strerror or exc}") from exc

    own_renderer = None
    if renderer is None:
        from editor_app.core.render_process import RenderProcess

        renderer = own_renderer = RenderProcess()
    entries: list[tuple[ArticlePackage, str]] = []
    total = len(packages)
    try:
        for n, (package, target) in enumerate(zip(packages, targets, strict=True)):
            if should_cancel is not None and should_cancel():
                report.cancelled = True
                break
            title = package.article.display_title
            if on_progress is not None:
                on_progress(n, total, title)
            outcome = renderer.render(package.article.body)
            if not outcome.ok:
                report.failed.append((title, outcome.message))
                continue
            try:
                atomic_write_text(target, _document(package, outcome.html, settings, fmt, now))
            except OSError as exc:
                report.failed.append((title, f"could not write {target}: {exc.strerror or exc}"))
                continue
            report.files.append(ExportedFile(package.article.id, title, target))
            entries.append((package, target.name))
        if not report.cancelled and should_cancel is not None and should_cancel():
            report.cancelled = True
        if write_index and not report.cancelled:
            index_path = out_dir / INDEX_NAME
            try:
                atomic_write_text(index_path, index_page(entries, settings, title=index_title))
                report.index = index_path
            except OSError as exc:
                report.failed.append(("index.html", f"could not write {index_path}: {exc.strerror or exc}"))
        if on_progress is not None and not report.cancelled:
            on_progress(total, total, "")
    finally:
        if own_renderer is not None:
            own_renderer.close()
    report.seconds = time.perf_counter() - started
    return report
