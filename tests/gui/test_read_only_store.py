"""A store nobody can write opens read-only in the real window, with the reason on screen
(issue 21: it used to crash at start on the lock file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from editor_app.services.opening import open_store
from editor_app.ui.app import create_application, run_gui
from editor_app.ui.transfer.store_opening import open_store_interactively
from tests.gui.conftest import answer_message_boxes

BODY = "Both companies denied the report on Tuesday."


@pytest.fixture
def archived(tmp_path: Path, read_only_view) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    store = open_store(folder / "desk.sqlite", seed_sample=False)
    store.create(title="Ford and Xiaomi deny talks", byline="Jane Doe", dek="Denied.", body=BODY)
    store.close()
    return read_only_view(folder) / "desk.sqlite"


@pytest.fixture
def dialogs(monkeypatch) -> list[tuple[str, list[str]]]:
    """Every message box that would have been shown (closed without a choice)."""
    return answer_message_boxes(monkeypatch, None)


def test_the_app_starts_read_only_on_a_read_only_disk(qtbot, archived: Path, dialogs, tmp_path: Path):
    """The whole start (run_gui) as `editor-app --db <store on a read-only mount>` does it."""
    create_application()
    seen: dict = {}

    def look() -> None:
        from editor_app.ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, look)
            return
        window = windows[0]
        qtbot.waitUntil(lambda: window.editor.toPlainText() == BODY, timeout=30000)
        label = window.findChild(QLabel, "readOnlyLabel")
        seen["label"] = label.text() if label else None
        seen["tooltip"] = label.toolTip() if label else ""
        seen["status"] = window.statusBar().currentMessage()
        seen["save_label"] = window.save_label.text()
        seen["title"] = window.windowTitle()
        seen["editor_read_only"] = window.editor.isReadOnly()
        window.editor.setFocus()
        qtbot.keyClicks(window.editor, "typed on an archive ")
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        seen["text_after_typing"] = window.editor.toPlainText()
        window.resize(1100, 700)
        window.grab().save(str(tmp_path / "read-only-window.png"))
        window.close()

    QTimer.singleShot(0, look)
    assert run_gui(archived) == 0
    assert dialogs == []  # no question to answer: read-only is the only way to open it
    assert seen["label"] == "Read-only"
    assert "read-only disk" in seen["status"] and "read-only disk" in seen["tooltip"]
    assert "read-only" in seen["title"]
    assert seen["editor_read_only"] and seen["text_after_typing"] == BODY
    assert seen["save_label"] != "Edited" and "(edited)" not in seen["title"]
    store = open_store(archived, read_only=True)
    try:
        [summary] = store.list_summaries()
        assert store.get(summary.id).body == BODY
    finally:
        store.close()


def test_a_lock_file_that_cannot_be_made_offers_read_only(qtbot, tmp_path: Path, monkeypatch):
    create_application()
    path = tmp_path / "desk.sqlite"
    open_store(path).close()
    (tmp_path / "desk.sqlite.lock").mkdir()  # the lock file cannot be opened: a folder is in its way
    asked = answer_message_boxes(monkeypatch, "Open Read-Only")
    opened = open_store_interactively(path)
    try:
        [(text, buttons)] = asked
        assert "lock file" in text and "cannot be created" in text
        assert "Open Read-Only" in buttons and "Open Another File…" in buttons
        assert opened is not None and opened.lock is None and opened.store.read_only
        assert opened.store.read_only_reason == "its lock file cannot be created"
    finally:
        if opened is not None:
            opened.close()
