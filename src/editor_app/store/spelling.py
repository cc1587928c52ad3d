"""The desk dictionary and per-article ignores in the store (no Qt).

Words the desk adds are shared by everyone who uses the store (company and people names,
house spellings); "Ignore in this article" is kept with the article, so a name that is right
in one story is still flagged in the others. The writer's own list is not here: it lives in
the user's config directory (`core.spelling.personal`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from editor_app.core.article import utcnow
from editor_app.core.spelling.personal import clean_word
from editor_app.store.models import ArticleRow
from editor_app.store.settings import acting_user_in
from editor_app.store.settings_models import SpellingWordRow
from editor_app.store.store import Store


class SpellingWords:
    """`desk_words()`, `add_desk_word()`, `set_desk_words()`, `ignored(article_id)`, `ignore()`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _words(self, article_id: int | None) -> list[str]:
        where = SpellingWordRow.article_id.is_(None) if article_id is None else SpellingWordRow.article_id == article_id
        try:
            with self.store.read() as s:
                return sorted(set(s.scalars(select(SpellingWordRow.word).where(where))))
        except OperationalError as exc:
            if "no such table" in str(exc):  # a read-only store from before 0008
                return []
            raise

    def desk_words(self) -> list[str]:
        return self._words(None)

    def ignored(self, article_id: int | None) -> list[str]:
        """Words ignored in this article ([] for an article not saved yet)."""
        return [] if article_id is None else self._words(article_id)

    def _add(self, article_id: int | None, word: str, who: str) -> str:
        value = clean_word(word)
        if not value:
            raise ValueError(f"Not a word: {word!r}")
        who = acting_user_in(self.store, who)
        with self.store.transaction() as s:
            if article_id is not None and s.get(ArticleRow, article_id) is None:
                raise KeyError(article_id)
            where = (
                SpellingWordRow.article_id.is_(None) if article_id is None else SpellingWordRow.article_id == article_id
            )
            exists = s.scalar(select(SpellingWordRow.id).where(where, SpellingWordRow.word == value))
            if exists is None:
                s.add(SpellingWordRow(article_id=article_id, word=value, who=who, at=utcnow()))
        return value

    def add_desk_word(self, word: str, who: str = "") -> str:
        """Add a word to the desk dictionary; returns it as stored."""
        return self._add(None, word, who)

    def ignore(self, article_id: int, word: str, who: str = "") -> str:
        """Never flag `word` in this article again."""
        return self._add(article_id, word, who)

    def remove_desk_word(self, word: str) -> bool:
        with self.store.transaction() as s:
            rows = list(
                s.scalars(
                    select(SpellingWordRow).where(SpellingWordRow.article_id.is_(None), SpellingWordRow.word == word)
                )
            )
            for row in rows:
                s.delete(row)
            return bool(rows)

    def set_desk_words(self, words: Iterable[str], who: str = "") -> list[str]:
        """The desk dictionary becomes exactly `words` (Desk Settings' list), in one transaction."""
        wanted = {w for w in (clean_word(x) for x in words) if w}
        who = acting_user_in(self.store, who)
        with self.store.transaction() as s:
            rows = list(s.scalars(select(SpellingWordRow).where(SpellingWordRow.article_id.is_(None))))
            have = {r.word for r in rows}
            for row in rows:
                if row.word not in wanted:
                    s.delete(row)
            now = utcnow()
            for word in sorted(wanted - have):
                s.add(SpellingWordRow(article_id=None, word=word, who=who, at=now))
        return sorted(wanted)

    def clear_ignored(self, article_id: int) -> int:
        with self.store.transaction() as s:
            rows = list(s.scalars(select(SpellingWordRow).where(SpellingWordRow.article_id == article_id)))
            for row in rows:  # row by row: the change feed announces what it sees flushed
                s.delete(row)
            return len(rows)


__all__ = ["SpellingWordRow", "SpellingWords"]
