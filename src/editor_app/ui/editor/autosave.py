"""Autosave: the article being edited is written to the store shortly after every pause.

Fields are marked dirty as the writer types; a short timer (restarted on each edit) takes a
snapshot on the UI thread and writes it on a background thread, so a large article never
stalls typing. A ceiling makes sure a writer who never pauses is still saved every few
seconds. Switching articles, closing and quitting call `flush()`, which waits for a write in
flight and saves the rest at once. A failed write keeps the text dirty, says why, and retries.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from enum import StrEnum

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal, Slot

from editor_app.store.errors import StoreError
from editor_app.store.store import ArticleChange, ArticleConflictError, Store

PAUSE_MS = 600  # commit this long after the last keystroke (requirement: within 1 s)
CEILING_MS = 4000  # ...and at least this often while typing without a pause
RETRY_MS = 5000


class SaveState(StrEnum):
    SAVED = "saved"
    MODIFIED = "modified"
    SAVING = "saving"
    FAILED = "failed"


class AutosaveController(QObject):
    state_changed = Signal(str)
    saved = Signal(object)  # ArticleChange
    failed = Signal(str)  # a message for the writer
    conflict = Signal(object)  # ArticleConflictError: someone else saved another text meanwhile
    _finished = Signal(object)  # Future, from the writer thread

    def __init__(self, store: Store, read_field: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._read_field = read_field
        self.article_id: int | None = None
        self._dirty: set[str] = set()
        self._state = SaveState.SAVED
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._save_in_background)
        self._since_first_edit = QElapsedTimer()
        self._writer = store.writer  # the store's one writer thread (store/writer.py)
        self._inflight: Future[ArticleChange] | None = None
        self._inflight_fields: frozenset[str] = frozenset()
        self._finished.connect(self._on_finished)
        self.last_error = ""
        # On the desk's server several people may write the same article: every save says which
        # version of the text it started from (`base_version`), and a newer one is a conflict.
        self.guarded = bool(getattr(store, "is_server", False))
        self.base_version: int | None = None
        self.base_fields: dict[str, str] = {}  # the text as last read or saved: the merge's base
        self.pending_conflict = None  # the ArticleConflictError waiting for the writer's choice

    @property
    def state(self) -> SaveState:
        return self._state

    @property
    def dirty(self) -> bool:
        return bool(self._dirty) or self._inflight is not None

    def _set_state(self, state: SaveState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def attach(self, article_id: int | None, article=None) -> None:
        """Start tracking another article (call flush() first); `article` as it was read."""
        self._timer.stop()
        self._dirty.clear()
        self.article_id = article_id
        self.pending_conflict = None
        self.based_on(article)
        self._set_state(SaveState.SAVED)

    def based_on(self, article) -> None:
        """The text the writer's edits start from (after a load, a save or a resolved conflict)."""
        self.base_version = getattr(article, "version", None)
        self.base_fields = {n: getattr(article, n) for n in ("title", "dek", "byline", "body")} if article else {}

    def _save_call(self, fields: dict[str, str]):
        if self.guarded and self.base_version is not None:
            return self._store.save(self.article_id, base_version=self.base_version, **fields)
        return self._store.save(self.article_id, **fields)

    def mark_dirty(self, field: str) -> None:
        if self.article_id is None or getattr(self._store, "read_only", False):
            return  # nothing to save (a highlighter pass also reports a "change")
        if not self._dirty:
            self._since_first_edit.start()
        self._dirty.add(field)
        if self._state != SaveState.FAILED:
            self._set_state(SaveState.MODIFIED)
        if self.pending_conflict is not None:
            return  # saving waits for the writer's choice in the conflict view
        if self._since_first_edit.elapsed() >= CEILING_MS:
            if not self._timer.isActive():
                self._timer.start(0)
        elif self._state != SaveState.FAILED:
            self._timer.start(PAUSE_MS)

    def _snapshot(self) -> dict[str, str]:
        fields = {name: self._read_field(name) for name in sorted(self._dirty)}
        self._dirty.clear()
        return fields

    # -- background path (timer) --------------------------------------------------------

    def _save_in_background(self) -> None:
        if self.article_id is None or not self._dirty:
            return
        if self._inflight is not None:
            self._timer.start(50)  # one write at a time; try again when it is done
            return
        fields = self._snapshot()
        self._set_state(SaveState.SAVING)
        self._inflight_fields = frozenset(fields)
        future = self._writer.submit(self._save_call, fields)
        self._inflight = future
        future.add_done_callback(self._finished.emit)  # queued to the UI thread

    @Slot(object)
    def _on_finished(self, future: Future[ArticleChange]) -> None:
        if future is not self._inflight:
            return  # flush() already handled it
        self._inflight = None
        self._settle(future)

    def _settle(self, future: Future[ArticleChange]) -> bool:
        exc = future.exception()
        if exc is not None:
            self._dirty |= self._inflight_fields  # nothing was written: write it again
            self._fail(exc)
            return False
        self.last_error = ""
        self._saved(future.result())
        self._set_state(SaveState.MODIFIED if self._dirty else SaveState.SAVED)
        return True

    def _saved(self, change: ArticleChange) -> None:
        self.based_on(change.article)
        self.saved.emit(change)

    def _fail(self, exc: BaseException) -> None:
        self.last_error = str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
        self._set_state(SaveState.FAILED)
        self.failed.emit(self.last_error)
        if isinstance(exc, ArticleConflictError):
            self.pending_conflict = exc  # no retry: the writer chooses (ui/editor/conflicts.py)
            self.conflict.emit(exc)
            return
        self._timer.start(RETRY_MS)

    def resolve(self, fields: dict[str, str], over_version: int) -> bool:
        """Save the writer's choice over the stored version `over_version`; False if refused."""
        self.pending_conflict = None
        self.base_version = over_version
        self._dirty |= set(fields)
        return self.flush(fields)

    # -- synchronous path (switch, close, Ctrl+S) -----------------------------------------

    def flush(self, values: dict[str, str] | None = None) -> bool:
        """Write everything now (`values`: these texts instead of the editor's). Returns False
        if the store refused (the text stays dirty)."""
        self._timer.stop()
        if self.pending_conflict is not None:
            return False
        if self._inflight is not None:
            future, self._inflight = self._inflight, None
            future.exception()  # waits
            if not self._settle(future):
                return False
        if self.article_id is None or not self._dirty:
            return True
        fields = self._snapshot()
        if values:
            fields.update(values)
        self._set_state(SaveState.SAVING)
        try:
            change: ArticleChange = self._save_call(fields)
        except (StoreError, OSError) as exc:
            self._dirty |= set(fields)
            self._fail(exc)
            return False
        self.last_error = ""
        self._set_state(SaveState.SAVED)
        self._saved(change)
        return True

    def shutdown(self) -> None:
        """The save in flight is written before the window goes (the writer thread itself
        ends with the window: `MainWindow.stop_workers`)."""
        future = self._inflight
        if future is not None:
            future.exception()  # waits
