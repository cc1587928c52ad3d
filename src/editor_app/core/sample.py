"""The article a new store starts with, so the first window shows what the tool does:
Markdown, a claim with its report and two denials, and two stock tags."""

from __future__ import annotations

from editor_app.core.importer import ParsedArticle, parse_markdown
from editor_app.resources import read_text


def sample_article() -> ParsedArticle:
    return parse_markdown(read_text("sample", "article.md"), source="sample")
