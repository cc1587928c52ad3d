"""The article a new store starts with, so the first window shows what the tool does."""

from __future__ import annotations

from editor_app.resources import read_text


def sample_article() -> dict[str, str]:
    return {
        "title": "Ford and Xiaomi deny report of talks on US electric-vehicle venture",
        "dek": "A newspaper report said the carmaker and the Chinese electronics group had discussed "
               "building EVs together in the United States. Both companies rejected it.",
        "byline": "Editor App Sample Desk",
        "body": read_text("sample", "article.md"),
    }
