"""What can go wrong opening or writing a store, in words a writer can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class; `str()` is a message fit for a dialog."""


class NotADatabaseError(StoreError):
    def __init__(self, path: Path, detail: str = "") -> None:
        self.path = path
        super().__init__(
            f"{path} is not an editor_app database (or it is damaged){': ' + detail if detail else ''}. "
            "It has not been changed."
        )


class StoreLockedError(StoreError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} is locked by another program. Close it and try again.")


class StoreReadOnlyError(StoreError):
    def __init__(self, path: Path, detail: str = "") -> None:
        self.path = path
        super().__init__(f"{path} cannot be written{': ' + detail if detail else ''}.")


class StoreWriteError(StoreError):
    """A save failed (disk full, I/O error); the text stays in the editor."""
