"""URL slugs for articles: readable, ASCII, unique within the library."""

from __future__ import annotations

from collections.abc import Callable

from slugify import slugify as _slugify

MAX_SLUG_LENGTH = 80


def slugify(title: str) -> str:
    """'Ford, Xiaomi deny EV talks' -> 'ford-xiaomi-deny-ev-talks'. Falls back to 'untitled'."""
    slug = _slugify(title or "", max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    return slug or "untitled"


def unique_slug(wanted: str, taken: Callable[[str], bool]) -> str:
    """First of wanted, wanted-2, wanted-3 ... that `taken` says is free."""
    base = slugify(wanted) if wanted else "untitled"
    if not taken(base):
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: MAX_SLUG_LENGTH - len(suffix)] + suffix
        if not taken(candidate):
            return candidate
        n += 1
