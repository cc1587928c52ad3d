"""One change signal for the window: what the store's writes changed, on the UI thread.

The store announces every commit (`store.change_feed`) on the thread that wrote it; the bus
moves it to the UI thread, merges what arrives in one turn of the event loop and emits
`changed(Changes)` once. Each pane connects to it and refreshes only for what concerns it
(the way Anki's panes read `OpChanges` in `operation_did_execute`), so no write needs a hand-kept
list of panes to refresh.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from editor_app.core.changes import Changes
from editor_app.store.store import Store


class ChangeBus(QObject):
    changed = Signal(object)  # Changes
    _arrived = Signal()  # from any thread; queued to the bus's thread

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = Changes()
        self._lock = threading.Lock()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.deliver)
        self._arrived.connect(self._timer.start)
        self._stop = store.changes.listen(self._hear)

    def _hear(self, changes: Changes) -> None:
        with self._lock:
            self._pending |= changes
        self._arrived.emit()

    @Slot()
    def deliver(self) -> None:
        """Emit what has arrived (also called directly to see a write's effect at once)."""
        with self._lock:
            changes, self._pending = self._pending, Changes()
        if changes:
            self.changed.emit(changes)

    def close(self) -> None:
        """Stop listening (the window is closing; the store may outlive it)."""
        self._stop()
