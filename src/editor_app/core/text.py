"""Text hygiene and counts: what reaches the store must be encodable, and writers want numbers."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

READING_WORDS_PER_MINUTE = 230
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)
_MARKUP = re.compile(r"[#>*_`~\[\]()!|]+")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<https?://[^>\s]*>|https?://\S+")


@dataclass(frozen=True)
class Normalized:
    text: str
    replaced_surrogates: int

    @property
    def changed(self) -> bool:
        return self.replaced_surrogates > 0


def normalize_for_store(text: str) -> Normalized:
    """Replace lone surrogates (unencodable in UTF-8/SQLite) with U+FFFD and say how many."""
    if text.isascii():
        return Normalized(text, 0)
    count = 0

    def repl(_m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\ufffd"

    cleaned = _SURROGATE.sub(repl, text)
    return Normalized(cleaned, count)


@dataclass(frozen=True)
class TextStats:
    words: int
    characters: int
    reading_minutes: int

    def describe(self, target: int | None = None) -> str:
        """'612 words · …', or with a length target '612 / 800 words · …'."""
        minutes = "<1 min" if self.words and self.reading_minutes == 0 else f"{self.reading_minutes} min"
        words = f"{self.words:,} / {target:,} words" if target else f"{self.words:,} words"
        return f"{words} · {self.characters:,} characters · {minutes} read"


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # claim markers and other comments: never read


def _as_read(markdown: str) -> str:
    """The text without claim markers and link targets (Markdown marks still in)."""
    if "<!--" in markdown:
        markdown = _COMMENT.sub("", markdown)
    return _LINK_TARGET.sub("]", markdown)


def first_words(text: str, count: int = 6) -> str:
    """The first words a reader reads, for naming an article that has no headline yet ("Ford
    shares fell 2 percent in…"); "" for an empty body."""
    words = _MARKUP.sub(" ", _as_read(text[:2000])).split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _words_in(read: str) -> int:
    return len(_WORD.findall(_MARKUP.sub(" ", read)))


def word_count(markdown: str) -> int:
    """The words of `text_stats` alone (the outline's sections, the library's column)."""
    return _words_in(_as_read(markdown))


def text_stats(markdown: str) -> TextStats:
    """Counts as a reader sees them: claim markers, link targets and Markdown punctuation are
    neither words nor characters; characters count spaces, with runs of whitespace as one."""
    read = _as_read(markdown)
    words = _words_in(read)
    chars = len(" ".join(_MARKUP.sub("", read).split()))
    minutes = math.ceil(words / READING_WORDS_PER_MINUTE) if words >= READING_WORDS_PER_MINUTE / 2 else 0
    return TextStats(words=words, characters=chars, reading_minutes=minutes)
