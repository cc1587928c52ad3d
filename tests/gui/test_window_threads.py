"""Closing a window ends every thread and process it started (issue 20).

A test run under load died with a segmentation fault while ten worker threads of earlier,
closed windows were still alive. Here a window does everything that starts work off the UI
thread (autosave, preview render, review bookkeeping, stock scan, export), is closed like a
writer closes it, and must leave nothing behind.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from editor_app.services.opening import open_store
from editor_app.ui.app import create_application
from editor_app.ui.main_window import MainWindow
from tests.gui.conftest import NEWS_BODY, dom_text, fresh_article


def _alive_threads() -> dict[int, str]:
    return {t.ident: t.name for t in threading.enumerate() if t.is_alive() and t.ident is not None}


def _children() -> set[int]:
    """Render processes this test process started (not QtWebEngine's own helpers), from /proc."""
    import os

    me = str(os.getpid())
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if stat[1] == me and stat[0] != "Z":
                cmdline = (entry / "cmdline").read_bytes()
                if b"QtWebEngineProcess" not in cmdline:
                    found.add(int(entry.name))
    return found


def test_closing_a_busy_window_leaves_no_worker_thread_or_process(qtbot, tmp_path: Path, settings):
    create_application()
    threads_before = _alive_threads()
    children_before = _children()
    store = open_store(tmp_path / "desk.sqlite")
    window = MainWindow(store, settings)
    window.show()
    qtbot.waitExposed(window)

    article_id = fresh_article(qtbot, window)  # autosave writes, the review worker records, the preview renders
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, " Shares of Tesla rose.")
    qtbot.waitUntil(lambda: "Shares of Tesla rose." in dom_text(qtbot, window), timeout=30000)
    window.ticker_dock.show()  # the stock pane loads the symbol directory on its own thread
    window.ticker_dock.raise_()  # it may share a tab group with other docks
    qtbot.waitUntil(lambda: window.ticker_dock.built, timeout=30000)
    pane = window.ticker_dock.widget()
    qtbot.waitUntil(lambda: not pane.busy, timeout=60000)
    out = tmp_path / "story.html"
    exported: list[str] = []
    window.export_finished.connect(lambda path, error: exported.append(error))
    window.export_to(out)  # an export thread with its own render process
    qtbot.waitUntil(lambda: exported == [""], timeout=60000)
    qtbot.waitUntil(lambda: not window.review.busy, timeout=30000)
    assert set(_alive_threads()) - set(threads_before), "the window should have started workers"

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # File › Quit closes the window
    if window.isVisible():
        window.close()
    assert not window.isVisible()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()

    left = {ident: name for ident, name in _alive_threads().items() if ident not in threads_before}
    assert left == {}, f"threads still running after the window closed: {sorted(left.values())}"
    assert _children() - children_before == set(), "render processes still running"
    text = store.get(article_id).body
    assert "Shares of Tesla rose." in text and NEWS_BODY.splitlines()[0] in text
    assert "Shares of Tesla rose." in out.read_text(encoding="utf-8")
    store.close()
