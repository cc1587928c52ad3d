"""Writing the finished article to disk: same render and stylesheet as the preview, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from editor_app.core.article import Article
from editor_app.core.page import article_content, page_html
from editor_app.core.render_process import RenderProcess


class ExportError(Exception):
    """Export could not finish; nothing was written over an existing file."""


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


def export_page(article: Article, body_html: str) -> str:
    return page_html(article, article_content(article, body_html))


def export_article(article: Article, path: Path, renderer: RenderProcess) -> Path:
    outcome = renderer.render(article.body)
    if not outcome.ok:
        raise ExportError(f"'{article.display_title}' could not be exported: {outcome.message}")
    try:
        atomic_write_text(path, export_page(article, outcome.html))
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    return Path(path)
