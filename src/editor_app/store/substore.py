"""What every part of the store built on `Store` shares: reads in a session of the same engine,
writes in one `Store.transaction()` (SQLite failures become StoreErrors), and the article lookup."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from editor_app.core.text import normalize_for_store
from editor_app.store.models import ArticleRow
from editor_app.store.store import Store

T = TypeVar("T")


def clean_text(text: str | None) -> str:
    """A field as stored: normalised (`core.text.normalize_for_store`) and stripped."""
    return normalize_for_store(text or "").text.strip()


class SubStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _read(self) -> Session:
        return self.store.read()

    def _run(self, work: Callable[[Session], T]) -> T:
        with self.store.transaction() as s:
            return work(s)

    @staticmethod
    def _article(s: Session, article_id: int) -> ArticleRow:
        row = s.get(ArticleRow, article_id)
        if row is None:
            raise KeyError(article_id)
        return row
