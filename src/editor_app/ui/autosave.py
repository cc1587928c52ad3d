"""Autosave: the article being edited is written to the store shortly after every pause.

Fields are marked dirty as the writer types; a short timer (restarted on each edit) commits
them, and a ceiling makes sure a writer who never pauses is still saved every few seconds.
Switching articles, closing and quitting call `flush()`. A failed write keeps the text dirty,
says why, and retries.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from editor_app.store.errors import StoreError
from editor_app.store.store import ArticleChange, Store

PAUSE_MS = 600        # commit this long after the last keystroke (requirement: within 1 s)
CEILING_MS = 4000     # ...and at least this often while typing without a pause
RETRY_MS = 5000


class SaveState(StrEnum):
    SAVED = "saved"
    MODIFIED = "modified"
    SAVING = "saving"
    FAILED = "failed"


class AutosaveController(QObject):
    state_changed = Signal(str)
    saved = Signal(object)           # ArticleChange
    failed = Signal(str)             # a message for the writer

    def __init__(self, store: Store, read_field: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._read_field = read_field
        self.article_id: int | None = None
        self._dirty: set[str] = set()
        self._state = SaveState.SAVED
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self._since_first_edit = QElapsedTimer()
        self.last_error = ""

    @property
    def state(self) -> SaveState:
        return self._state

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    def _set_state(self, state: SaveState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def attach(self, article_id: int | None) -> None:
        """Start tracking another article (call flush() first)."""
        self._timer.stop()
        self._dirty.clear()
        self.article_id = article_id
        self._set_state(SaveState.SAVED)

    def mark_dirty(self, field: str) -> None:
        if self.article_id is None:
            return
        if not self._dirty:
            self._since_first_edit.start()
        self._dirty.add(field)
        if self._state != SaveState.FAILED:
            self._set_state(SaveState.MODIFIED)
        if self._since_first_edit.elapsed() >= CEILING_MS:
            self._timer.start(0)
        elif self._state != SaveState.FAILED:
            self._timer.start(PAUSE_MS)

    def flush(self) -> bool:
        """Write what is dirty now. Returns False if the store refused (text stays dirty)."""
        self._timer.stop()
        if self.article_id is None or not self._dirty:
            return True
        fields = {name: self._read_field(name) for name in sorted(self._dirty)}
        self._set_state(SaveState.SAVING)
        try:
            change: ArticleChange = self._store.save(self.article_id, **fields)
        except StoreError as exc:
            self.last_error = str(exc)
            self._set_state(SaveState.FAILED)
            self.failed.emit(self.last_error)
            self._timer.start(RETRY_MS)
            return False
        self._dirty.clear()
        self.last_error = ""
        self._set_state(SaveState.SAVED)
        self.saved.emit(change)
        return True
