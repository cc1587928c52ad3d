"""Steps the review GUI tests share: act as a desk user, answer the next modal dialog, wait for
autosave and the review worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.store.settings import SettingsStore
from editor_app.ui.editor.autosave import SaveState

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def act_as(window, name: str) -> None:
    """Set the desk user (Desk Settings) — the name every review step records."""
    settings = SettingsStore(window.store)
    settings.save(replace(settings.load(), desk_user=name))


def when_modal(qtbot, cls: type, handle: Callable[[object], None], timeout_ms: int = 10000) -> dict:
    """Run `handle(dialog)` once a modal dialog of type `cls` is open (it runs its own loop)."""
    seen: dict = {"count": 0}
    waited = {"ms": 0}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls):
            seen["dialog"] = dialog
            seen["count"] += 1
            handle(dialog)
            return
        waited["ms"] += 20
        if waited["ms"] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def settle(qtbot, window, timeout: int = 10000) -> None:
    """Wait until the text is saved and the review worker has done its bookkeeping."""
    review = window.review
    qtbot.waitUntil(lambda: window.autosave.state == SaveState.SAVED and not window.autosave.dirty, timeout=timeout)
    qtbot.waitUntil(lambda: not review.busy, timeout=timeout)
    QApplication.processEvents()


def select_text(window, phrase: str) -> None:
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert editor.find(phrase), phrase
    assert editor.textCursor().selectedText() == phrase


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def activate(qtbot, window) -> None:
    """Make the main window active again after a dialog (shortcuts need an active window)."""
    window.raise_()
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)
