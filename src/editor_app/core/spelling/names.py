"""Company names of the symbol directory as known words, without paying for them at start-up.

Loading the directory (~0.6 s) and splitting its 44,000 issuer names (~0.5 s) is too much to do
for a spell checker when a window opens. The words are built once per process, from a
directory that something else (the ticker pane, the checklist, `editor-app spell`) loaded; until
then `directory_words()` is empty and the checker simply knows no company names.
"""

from __future__ import annotations

import threading
from typing import Any

from editor_app.core.spelling.checker import name_words

_lock = threading.Lock()
_built: tuple[int, frozenset[str]] | None = None


def directory_words(directory: Any = None, *, load: bool = False) -> frozenset[str]:
    """Words of the issuer names and aliases of `directory` (default: the bundled one if it is
    loaded, or loaded now when `load`); empty when there is none yet. Slow the first time."""
    global _built
    from editor_app.core.tickers.directory import default_directory, loaded_directory

    if directory is None:
        directory = default_directory() if load else loaded_directory()
    if directory is None:
        return frozenset()
    with _lock:
        if _built is None or _built[0] != id(directory):
            names = directory.issuer_names() + [a.text for a in directory.aliases]
            _built = (id(directory), name_words(names))
        return _built[1]


def cached_directory_words() -> frozenset[str]:
    """What `directory_words` built already, never building (cheap: for the UI thread)."""
    built = _built
    return built[1] if built is not None else frozenset()


__all__ = ["cached_directory_words", "directory_words"]
