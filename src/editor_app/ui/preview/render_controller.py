"""Preview rendering off the UI thread: debounced, one render in flight, later edits merged.

The render itself runs in a child process (core.render_process) with a time budget, so hostile
Markdown pauses the preview instead of freezing or crashing the window.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from editor_app.core.claim_markup import ClaimMarkup
from editor_app.core.export import finish_body
from editor_app.core.render_process import RenderOutcome, RenderProcess

MAX_WAIT_MS = 350  # a writer who never pauses still sees the preview follow


def debounce_ms(length: int) -> int:
    """Short pauses for short texts; long ones wait a little longer so typing stays smooth.
    (15 KB: 22 ms, 150 KB: 90 ms, from 570 KB: 300 ms; typing faster than that renders at
    most every MAX_WAIT_MS, so the render worker does not compete with the keyboard.)"""
    return int(min(300, 15 + length / 2_000))


class _RenderWorker(QObject):
    # RenderOutcome, body HTML as a JSON string literal, HTML after the body, request number
    finished = Signal(object, str, str, int)

    def __init__(self) -> None:
        super().__init__()
        self.process = RenderProcess()

    @Slot(str, int, object)
    def render(self, text: str, request: int, markup: ClaimMarkup) -> None:
        outcome = self.process.render(text)
        if not outcome.ok:
            self.finished.emit(outcome, "", "", request)
            return
        body, after = markup.apply(finish_body(outcome.html))
        # Encoding megabytes of HTML for the page happens here, not on the UI thread.
        self.finished.emit(outcome, json.dumps(body), after, request)


class RenderController(QObject):
    """`schedule(length)` after an edit; the text is fetched from `source()` only when the
    debounce expires (reading a 1.5 MB document on every keystroke would stall typing).
    Results arrive as `rendered(outcome, body_json, after_html, seconds_since_edit)`; claim spans
    and the claims box come from the `ClaimMarkup` set with `set_claim_markup`."""

    rendered = Signal(object, str, str, float)
    _start = Signal(str, int, object)

    def __init__(self, source: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._thread = QThread(self)
        self._thread.setObjectName("render")
        self._worker = _RenderWorker()
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.render)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._dispatch)
        self._pending = False
        self._pending_since = 0.0
        self._busy = False
        self._inflight_since = 0.0
        self._request_no = 0
        self._markup = ClaimMarkup()

    def set_claim_markup(self, markup: ClaimMarkup) -> None:
        self._markup = markup

    def schedule(self, length: int, *, immediate: bool = False) -> None:
        now = time.perf_counter()
        if not self._pending:
            self._pending_since = now
        elif self._timer.isActive() and not immediate and (now - self._pending_since) * 1000 > MAX_WAIT_MS:
            self._pending = True
            return  # keep the running timer: do not postpone a render that is overdue
        self._pending = True
        self._timer.start(0 if immediate else debounce_ms(length))

    @property
    def busy(self) -> bool:
        return self._busy or self._pending

    def _dispatch(self) -> None:
        if self._busy or not self._pending:
            return  # merged: the newest text goes out when the current render returns
        self._pending = False
        text = self._source()
        self._busy = True
        self._inflight_since = self._pending_since
        self._request_no += 1
        self._start.emit(text, self._request_no, self._markup)

    @Slot(object, str, str, int)
    def _on_finished(self, outcome: RenderOutcome, body_json: str, after: str, _request: int) -> None:
        self._busy = False
        self.rendered.emit(outcome, body_json, after, time.perf_counter() - self._inflight_since)
        if self._pending and not self._timer.isActive():
            self._dispatch()

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending = False
        self._worker.process.close()  # unblocks a render in progress
        self._thread.quit()
        self._thread.wait(5000)
