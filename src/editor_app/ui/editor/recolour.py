"""Repainting a long article in new colours without freezing the window (a theme switch).

A full `rehighlight()` of a 1.5 MB article holds the UI thread for seconds. After a theme
switch the block states do not change, only the colours, so blocks can be repainted one by one
in slices of a few milliseconds on the event loop: the blocks on screen first, then the rest.
A mixin of `MarkdownHighlighter`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

RECOLOUR_SYNC_BLOCKS = 400  # up to this many blocks (about 50 KB) a theme switch repaints in one pass
RECOLOUR_SLICE_SECONDS = 0.012  # longer articles: slices of the event loop this long


class SlicedRecolour:
    _recolour_next: Iterator[int] | None
    _recolour_timer: QTimer | None
    # The editor showing the document: its signals are blocked while colours are repainted, as
    # Qt reports a repaint as a text change (the window would save, re-render and re-scan).
    quiet_target: QObject | None = None

    def _quietly(self, paint, *args) -> None:
        target = self.quiet_target
        blocked = target.blockSignals(True) if target is not None else False
        try:
            paint(*args)
        finally:
            if target is not None:
                target.blockSignals(blocked)

    def recolour(self, first_block: int = 0) -> None:
        """Repaint every block in the formats just built, from `first_block` (the first on screen)."""
        self._finish_recolour()
        doc = self.document()
        if doc is None or doc.blockCount() <= RECOLOUR_SYNC_BLOCKS:
            self._quietly(self.rehighlight)
            return
        count = doc.blockCount()
        first = min(max(first_block, 0), count - 1)
        self._recolour_next = iter([*range(first, count), *range(first)])
        if self._recolour_timer is None:
            self._recolour_timer = QTimer(self, interval=0)
            self._recolour_timer.timeout.connect(self._recolour_slice)
        self._recolour_slice()  # what is on screen, at once
        if self._recolour_next is not None:
            self._recolour_timer.start()

    @property
    def recolouring(self) -> bool:
        """Blocks still wait for the new colours."""
        return self._recolour_next is not None

    def _recolour_slice(self) -> None:
        blocks, doc = self._recolour_next, self.document()
        if blocks is None or doc is None:
            self._finish_recolour()
            return
        deadline = time.perf_counter() + RECOLOUR_SLICE_SECONDS
        target = self.quiet_target
        blocked = target.blockSignals(True) if target is not None else False
        try:
            for number in blocks:
                block = doc.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
                if time.perf_counter() >= deadline:
                    return
        finally:
            if target is not None:
                target.blockSignals(blocked)
        self._finish_recolour()

    def _finish_recolour(self) -> None:
        self._recolour_next = None
        timer = getattr(self, "_recolour_timer", None)
        if timer is not None:
            timer.stop()
