"""The spell checker for a stored article, as the checklist and `editor-app spell` use it:
the article's languages (front matter `lang:`, else the desk's), the desk dictionary, the
words ignored in the article, this account's own dictionary and the company names of the
symbol directory."""

from __future__ import annotations

from typing import Any

from editor_app.core.spelling import DEFAULT_LANGUAGES, SpellChecker, front_matter_languages
from editor_app.core.spelling.names import directory_words
from editor_app.core.spelling.personal import load_personal
from editor_app.store.settings import SettingsStore
from editor_app.store.spelling import SpellingWords
from editor_app.store.store import Store


def article_checker(
    store: Store | None,
    text: str,
    article_id: int | None = None,
    *,
    languages: list[str] | None = None,
    directory: Any = None,
    names: bool = True,
) -> SpellChecker:
    """A checker for `text`. Without a store only the personal dictionary applies; `names`
    loads the symbol directory when nothing has (about a second, once per process)."""
    desk: list[str] = []
    ignored: list[str] = []
    desk_languages = list(DEFAULT_LANGUAGES)
    if store is not None:
        words = SpellingWords(store)
        desk = words.desk_words()
        ignored = words.ignored(article_id)
        desk_languages = SettingsStore(store).load().spelling
    known = directory_words(directory, load=True) if names else frozenset()
    return SpellChecker(
        languages or front_matter_languages(text) or desk_languages,
        desk_words=desk,
        personal_words=load_personal(),
        ignored=ignored,
        names=lambda: known,
    )


__all__ = ["article_checker"]
