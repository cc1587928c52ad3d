"""GUI fixtures: the real window on a temporary store, driven with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "editor.sqlite"


@pytest.fixture
def make_window(qtbot, db_path: Path, settings: QSettings) -> Iterator:
    """Factory: open a MainWindow on the test store (call again to 'restart' the app)."""
    from editor_app.store.store import Store
    from editor_app.ui.app import create_application
    from editor_app.ui.main_window import MainWindow

    create_application()
    opened: list = []

    def make(path: Path | None = None):
        store = Store.open(path or db_path)
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.raise_()
        window.activateWindow()
        window.windowHandle().requestActivate()  # offscreen: shortcuts need an active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        opened.append((window, store))
        return window

    yield make
    for window, store in opened:
        if window.isVisible():
            window.close()
        window.deleteLater()  # pages before profiles, while the application still runs
        store.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def dom_text(qtbot, window, selector: str = "#article") -> str:
    """innerText of an element of the preview page, read back from the real DOM."""
    result: dict[str, str] = {}
    window.preview.run_in_page(
        f"(function(){{var e=document.querySelector({selector!r}); return e ? e.innerText : null;}})()",
        lambda value: result.setdefault("v", value),
    )
    qtbot.waitUntil(lambda: "v" in result, timeout=10000)
    return result["v"] or ""


def dom_html(qtbot, window, selector: str = "#article") -> str:
    result: dict[str, str] = {}
    window.preview.run_in_page(
        f"(function(){{var e=document.querySelector({selector!r}); return e ? e.innerHTML : null;}})()",
        lambda value: result.setdefault("v", value),
    )
    qtbot.waitUntil(lambda: "v" in result, timeout=10000)
    return result["v"] or ""
