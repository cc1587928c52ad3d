"""The writer's own dictionary: one word a line in the user config directory, next to
identity.json (`$XDG_CONFIG_HOME/editor_app/dictionary.txt`), so it follows the person, not
the store."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from editor_app.core.identity import config_dir
from editor_app.core.spelling.checker import normalise

FILE_NAME = "dictionary.txt"
MAX_WORD = 100


class DictionaryError(OSError):
    """The personal dictionary could not be written (the message says where and why)."""


def personal_path() -> Path:
    return config_dir() / FILE_NAME


def clean_word(word: str) -> str:
    """One word as a list keeps it: no whitespace or control characters, at most MAX_WORD."""
    text = normalise("".join(ch for ch in (word or "") if ch.isprintable()).strip())
    return "" if not text or any(c.isspace() for c in text) else text[:MAX_WORD]


def load_personal() -> list[str]:
    """The saved words (sorted; [] when there is no file or it cannot be read)."""
    try:
        lines = personal_path().read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return sorted({w for w in (clean_word(line) for line in lines if not line.startswith("#")) if w})


def save_personal(words: Iterable[str]) -> Path:
    """Write the whole list atomically (a crash leaves the old file or the new one)."""
    path = personal_path()
    values = sorted({w for w in (clean_word(x) for x in words) if w})
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".dictionary-", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(f"{w}\n" for w in values))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise DictionaryError(f"Your dictionary could not be saved to {path}: {exc.strerror or exc}.") from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return path


def add_personal(word: str) -> list[str]:
    """Add one word; returns the new list. ValueError for something that is not a word."""
    value = clean_word(word)
    if not value:
        raise ValueError(f"Not a word: {word!r}")
    words = load_personal()
    if value not in words:
        words = sorted([*words, value])
        save_personal(words)
    return words


__all__ = ["DictionaryError", "add_personal", "clean_word", "load_personal", "personal_path", "save_personal"]
