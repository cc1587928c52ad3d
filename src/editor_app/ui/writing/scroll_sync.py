"""Scroll sync both ways: the source line at the top of the editor is the block at the top of
the preview, and the other way round.

The editor's side is a fractional source line (the first visible block, plus how much of it is
scrolled past); the page's side lives in sync_script.py. A scroll that sync itself caused is
never reported back: the editor side holds a flag while it scrolls, the page remembers the
position it was sent to. After a re-render the page is put back on the same line.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineScript

from editor_app.ui.preview.view import APP_WORLD
from editor_app.ui.writing.sync_script import SYNC_JS, qwebchannel_js

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

    from editor_app.ui.preview.view import PreviewView

EDITOR, PREVIEW, REVEAL = "editor", "preview", "reveal"


class _Bridge(QObject):
    """The one object the page's isolated world may call: it reports where the page is."""

    def __init__(self, sync: ScrollSync) -> None:
        super().__init__(sync)
        self._sync = sync

    @Slot(float, int)
    def preview_scrolled(self, line: float, edge: int) -> None:
        self._sync.on_preview_scrolled(float(line), int(edge))


class ScrollSync(QObject):
    def __init__(self, editor: QPlainTextEdit, preview: PreviewView) -> None:
        super().__init__(editor)
        self.editor, self.preview = editor, preview
        self.enabled = True
        self.driver = EDITOR  # who moved last: a re-render puts the page back on their line
        self._preview_line: tuple[float, int] = (1.0, -1)
        self._reveal: tuple[float, float] = (1.0, 0.0)
        self._applying = False  # the editor is being scrolled by sync: do not report it
        self._bridge = _Bridge(self)
        self._channel = QWebChannel(preview.page())
        self._channel.registerObject("scrollSync", self._bridge)
        preview.page().setWebChannel(self._channel, APP_WORLD)
        script = QWebEngineScript()
        script.setName("editor-app-scroll-sync")
        script.setWorldId(APP_WORLD)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
        script.setRunsOnSubFrames(False)
        source = qwebchannel_js() + "\n" + SYNC_JS
        script.setSourceCode(source)
        preview.page().scripts().insert(script)
        # A shell whose load began before the script was added gets it when it has loaded (the
        # script does nothing the second time).
        preview.page().loadFinished.connect(lambda ok: ok and preview.run_in_page(source, _ignore))
        self._to_preview = QTimer(self, singleShot=True, interval=0)  # one page scroll per event loop turn
        self._to_preview.timeout.connect(self._send_editor_line)
        self._to_editor = QTimer(self, singleShot=True, interval=0)
        self._to_editor.timeout.connect(self._apply_preview_line)
        editor.verticalScrollBar().valueChanged.connect(self._on_editor_scrolled)
        preview.content_updated.connect(self._on_rerendered)
        preview.installEventFilter(self)
        editor.installEventFilter(self)

    # -- switching ------------------------------------------------------------------------------

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.preview.run_in_page(f"window.__editorSync && (window.__editorSync.enabled = {json.dumps(on)})", _ignore)
        if on:
            self.driver = EDITOR
            self._to_preview.start()

    # -- editor → preview -----------------------------------------------------------------------

    def editor_top_line(self) -> tuple[float, int]:
        """The fractional 1-based source line at the editor's top, and -1/1 at the top/bottom."""
        editor = self.editor
        bar = editor.verticalScrollBar()
        block = editor.firstVisibleBlock()
        if not block.isValid():
            return 1.0, -1
        lines = max(1, block.lineCount())
        into = min(max(0, bar.value() - block.firstLineNumber()), lines)
        edge = -1 if bar.value() <= bar.minimum() else 0
        if edge == 0 and bar.value() >= bar.maximum() and not editor.centerOnScroll():
            edge = 1
        return block.blockNumber() + 1 + into / lines, edge

    def _on_editor_scrolled(self, _value: int) -> None:
        if self._applying or not self.enabled:
            return
        self.driver = EDITOR
        self._to_preview.start()

    def _send_editor_line(self) -> None:
        if self.enabled and self.preview.isVisible():  # shown again, it is sent the line then
            line, edge = self.editor_top_line()
            self.scroll_preview_to(line, edge)

    def scroll_preview_to(self, line: float, edge: int = 0, at: float = 0.0) -> None:
        """Put source line `line` (fractional, 1-based) at the top of the preview (or `at` that
        fraction of its height)."""
        end = self.editor.document().blockCount() + 1
        self.preview.run_in_page(
            f"window.__editorSync ? window.__editorSync.scrollToLine({line:.4f}, {edge}, {end}, {at:.3f}) : null",
            _ignore,
        )

    def reveal(self, line: float, at: float) -> None:
        """A jump (Claims, Outline): the preview shows `line` at `at` of its height, as the
        editor does, whether or not sync is on; the editor's own scroll is not sent after it."""
        self._to_preview.stop()
        self.driver = REVEAL
        self._reveal = (line, at)
        self.scroll_preview_to(line, 0, at)

    # -- preview → editor -----------------------------------------------------------------------

    def on_preview_scrolled(self, line: float, edge: int) -> None:
        if not self.enabled or not self.preview.isVisible():
            return  # a hidden preview (behind the Text tab) is laid out anew when shown
        self.driver = PREVIEW
        self._preview_line = (line, edge)
        self._to_editor.start()

    def _apply_preview_line(self) -> None:
        line, edge = self._preview_line
        self.scroll_editor_to(line, edge)

    def scroll_editor_to(self, line: float, edge: int = 0) -> None:
        """Put source line `line` at the top of the editor without telling the preview."""
        editor = self.editor
        bar = editor.verticalScrollBar()
        if edge < 0:
            value = bar.minimum()
        elif edge > 0 and not editor.centerOnScroll():
            value = bar.maximum()
        else:
            doc = editor.document()
            number = min(max(0, int(line) - 1), doc.blockCount() - 1)
            block = doc.findBlockByNumber(number)
            lines = max(1, block.lineCount())
            value = block.firstLineNumber() + round((line - int(line)) * lines)
        self._applying = True
        try:
            bar.setValue(value)
        finally:
            self._applying = False

    # -- keeping the place ----------------------------------------------------------------------

    def _on_rerendered(self, _changed: int) -> None:
        """The page changed under the reader: the same source line goes back to the top."""
        self.preview.run_in_page("window.__editorSync && window.__editorSync.invalidate()", _ignore)
        if not self.enabled:
            return
        if self.driver == PREVIEW:
            self.scroll_preview_to(*self._preview_line)
        elif self.driver == REVEAL:
            self.scroll_preview_to(self._reveal[0], 0, self._reveal[1])
        else:
            self._to_preview.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.enabled and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._on_rerendered(0)  # new widths wrap both sides differently
        return False


def _ignore(_result: object) -> None:
    return None
