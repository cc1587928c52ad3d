"""Spell checking of Markdown articles (no Qt): what is prose (`words`), looking words up in
several languages with the desk's and the writer's word lists (`checker`), company names of the
symbol directory (`names`), the writer's own list (`personal`)."""

from editor_app.core.spelling.checker import DEFAULT_LANGUAGES, SpellChecker, normalise
from editor_app.core.spelling.words import Word, front_matter_languages, line_words, parse_languages, text_words

__all__ = [
    "DEFAULT_LANGUAGES",
    "SpellChecker",
    "Word",
    "front_matter_languages",
    "line_words",
    "normalise",
    "parse_languages",
    "text_words",
]
