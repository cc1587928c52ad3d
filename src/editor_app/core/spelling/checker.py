"""Looking words up: pyenchant over the system's Hunspell dictionaries, several at once.

A Hong Kong desk writes English with Cantonese names; a London desk quotes American filings.
A word is right when any of the article's languages accepts it, or when it is in the desk's
dictionary (shared through the store), the writer's own, the article's ignore list, or is a
word of a company name in the symbol directory (when the directory is already loaded: it is
never loaded just for this).

Without Enchant, or without any dictionary for the languages asked, the checker still works:
it accepts every word and `problem` says why, once, for the status bar.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Collection, Iterable
from typing import Any

from editor_app.core.spelling.words import Word, line_words, text_words

# American and British English: desks quote both, and a spelling of the other side is not a typo
# (a desk that wants one house spelling sets one language in Desk Settings).
DEFAULT_LANGUAGES = ("en_US", "en_GB")
MAX_SUGGESTIONS = 7
_CACHE_LIMIT = 200_000  # words; a 1.5 MB article has ~30,000 different ones


def _enchant() -> Any:
    """The pyenchant module, or None (not installed, or the C library is missing)."""
    try:
        import enchant
    except Exception:  # ImportError, or OSError-like errors when libenchant is absent
        return None
    return enchant


def normalise(word: str) -> str:
    """Typographic apostrophes as the dictionaries spell them."""
    return word.replace("’", "'")


class SpellChecker:
    """`is_known(word)`, `suggestions(word)`, `check_line(line)`, `check_text(text)`.

    Results are cached per word; changing a word list clears the cache. Safe to call from a
    worker thread and the UI thread (Enchant calls are serialised)."""

    def __init__(
        self,
        languages: Iterable[str] = DEFAULT_LANGUAGES,
        *,
        desk_words: Iterable[str] = (),
        personal_words: Iterable[str] = (),
        ignored: Iterable[str] = (),
        names: Callable[[], Collection[str]] | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._dicts: list[Any] = []
        self.languages: list[str] = []
        self.missing: list[str] = []
        self.problem = ""
        self._cache: dict[str, bool] = {}
        self._names = names
        self._names_seen = 0
        self._desk: set[str] = set()
        self._personal: set[str] = set()
        self._ignored: set[str] = set()
        self._lower: set[str] = set()
        self._load(list(languages) or list(DEFAULT_LANGUAGES))
        self.set_words(desk=desk_words, personal=personal_words, ignored=ignored)

    # ------------------------------------------------------------------ dictionaries
    def _load(self, languages: list[str]) -> None:
        enchant = _enchant()
        if enchant is None:
            self.missing = list(languages)
            self.problem = (
                "Spell check is off: the Enchant library is not installed "
                "(Debian: apt-get install libenchant-2-2 hunspell-en-us; then pip install pyenchant)."
            )
            return
        for tag in dict.fromkeys(languages):
            try:
                if not enchant.dict_exists(tag):
                    self.missing.append(tag)
                    continue
                self._dicts.append(enchant.Dict(tag))
                self.languages.append(tag)
            except Exception:  # a broken dictionary file must not stop the editor
                self.missing.append(tag)
        if not self._dicts:
            self.problem = (
                f"Spell check is off: no dictionary for {', '.join(self.missing)} "
                f"(Debian: apt-get install hunspell-{_package_hint(self.missing[0])})."
            )
        elif self.missing:
            self.problem = (
                f"No spelling dictionary for {', '.join(self.missing)}; checking {', '.join(self.languages)}."
            )

    @property
    def available(self) -> bool:
        return bool(self._dicts)

    def set_words(
        self,
        *,
        desk: Iterable[str] | None = None,
        personal: Iterable[str] | None = None,
        ignored: Iterable[str] | None = None,
    ) -> None:
        """Replace the desk, personal or article-ignore list (None keeps that list)."""
        if desk is not None:
            self._desk = {normalise(w) for w in desk if w}
        if personal is not None:
            self._personal = {normalise(w) for w in personal if w}
        if ignored is not None:
            self._ignored = {normalise(w) for w in ignored if w}
        every = self._desk | self._personal | self._ignored
        self._lower = {w for w in every if w.islower()}  # "ebitda" also accepts "Ebitda"
        self._cache = {}

    def add_word(self, word: str, where: str = "desk") -> None:
        """One more accepted word ("desk", "personal" or "ignored"), without forgetting the
        answers already cached for the others."""
        word = normalise(word)
        {"desk": self._desk, "personal": self._personal, "ignored": self._ignored}[where].add(word)
        self._cache[word] = True
        if word.islower():
            self._lower.add(word)
            for variant in (word.capitalize(), word.upper(), word.title()):
                self._cache.pop(variant, None)

    def words(self, where: str) -> frozenset[str]:
        return frozenset({"desk": self._desk, "personal": self._personal, "ignored": self._ignored}[where])

    # ---------------------------------------------------------------------- looking up
    def cached(self, word: str) -> bool | None:
        """The answer if it is known without asking Enchant (for the UI thread), else None."""
        if not self._dicts:
            return True
        return self._cache.get(normalise(word))

    def is_known(self, word: str) -> bool:
        word = normalise(word)
        hit = self._cache.get(word)
        if hit is None:
            self._refresh_names()
            hit = self._lookup(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache = {}
            self._cache[word] = hit
        return hit

    def _lookup(self, word: str) -> bool:
        if not self._dicts:
            return True
        if word in self._desk or word in self._personal or word in self._ignored or word.lower() in self._lower:
            return True
        with self._lock:
            if any(d.check(word) for d in self._dicts):
                return True
            if word.endswith(("'s", "s'")) and any(
                d.check(word[:-2] if word.endswith("'s") else word[:-1]) for d in self._dicts
            ):
                return True
        names = self._names() if self._names is not None else ()
        return word in names or (word.endswith("'s") and word[:-2] in names)

    def _refresh_names(self) -> None:
        """Company names arrive when the symbol directory is loaded: forget "unknown" answers."""
        if self._names is None:
            return
        size = len(self._names())
        if size != self._names_seen:
            self._names_seen = size
            self._cache = {}

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Corrections from every language, best of each first, without repeats."""
        word = normalise(word)
        if not self._dicts:
            return []
        with self._lock:
            lists = [d.suggest(word) for d in self._dicts]
        out: list[str] = []
        for rank in range(max((len(x) for x in lists), default=0)):
            for lst in lists:
                if rank < len(lst) and lst[rank] not in out:
                    out.append(lst[rank])
        return out[:limit]

    def unknown(self, words: Iterable[Word]) -> list[Word]:
        return [w for w in words if not self.is_known(w.word)]

    def check_line(self, line: str) -> list[Word]:
        """The misspelt words of one line outside code (offsets into the line)."""
        return self.unknown(line_words(line)) if self._dicts else []

    def check_text(self, text: str) -> list[Word]:
        """The misspelt words of a whole Markdown text (offsets into it)."""
        return self.unknown(text_words(text)) if self._dicts else []


def _package_hint(tag: str) -> str:
    lang, _, region = tag.partition("_")
    return f"{lang}-{region.lower()}" if region else lang


_NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:['’][^\W\d_]+)?")


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The capitalised words of company and people names ("Xiaomi Corporation" -> Xiaomi,
    Corporation): a name in the text is then a known word."""
    out: set[str] = set()
    for name in names:
        for m in _NAME_WORD.finditer(name or ""):
            w = m.group()
            if w[0].isupper():
                out.add(normalise(w))
                if w.isupper() and len(w) > 3:
                    out.add(w.capitalize())  # "TENCENT HOLDINGS" in filings, "Tencent" in prose
    return frozenset(out)


__all__ = ["DEFAULT_LANGUAGES", "MAX_SUGGESTIONS", "SpellChecker", "name_words", "normalise"]
