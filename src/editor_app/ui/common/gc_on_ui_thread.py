"""Python's garbage collector runs only on the UI thread.

Automatic collection runs in whichever thread happens to allocate; when that is a worker
(autosave, rendering, review jobs), it can destroy Qt objects off the UI thread and crash the
process. So automatic collection is switched off and a UI-thread timer collects with the same
thresholds (the usual recipe for Qt applications with Python threads).
"""

from __future__ import annotations

import gc
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

_installed: GarbageCollector | None = None
T = TypeVar("T")


class GarbageCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            gc.collect(0)
            if l1 > self.threshold[1]:
                gc.collect(1)
                if l2 > self.threshold[2]:
                    gc.collect(2)


def install(app: QObject) -> GarbageCollector:
    global _installed
    if _installed is None:
        _installed = GarbageCollector(app)
    return _installed
