"""A file that is not a store gets a clear dialog and is never written to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from editor_app.services.opening import open_store
from editor_app.ui.app import create_application
from editor_app.ui.transfer.store_opening import open_store_interactively
from tests.gui.conftest import answer_message_boxes


def test_not_a_database_shows_a_dialog_and_leaves_the_file(qtbot, tmp_path: Path, monkeypatch):
    create_application()
    path = tmp_path / "report.sqlite"
    path.write_text("quarterly figures, not a database\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    shown: list[tuple[str, list[str]]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), [b.text() for b in box.buttons()]))
        return 0  # closed without choosing

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert open_store_interactively(path) is None
    ((text, buttons),) = shown
    assert str(path) in text and "not an editor_app store" in text and "will not be changed" in text
    assert any("Another File" in b for b in buttons) and any("New Store" in b for b in buttons)
    assert path.read_bytes() == before


def test_choosing_another_file_opens_it_and_keeps_the_bad_one(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    create_application()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 100)
    good = tmp_path / "fresh" / "good.sqlite"

    def fake_exec(box: QMessageBox) -> int:
        for b in box.buttons():
            if "Another File" in b.text():
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    opened = open_store_interactively(bad)
    assert opened is not None and opened.store.path == good and opened.store.count() == 1
    assert bad.read_bytes() == b"\x00garbage" * 100  # the bad file is never touched
    opened.close()


def test_start_a_new_store_moves_the_damaged_file_aside(qtbot, tmp_path: Path, monkeypatch):
    create_application()
    bad = tmp_path / "desk.sqlite"
    bad.write_bytes(b"PK\x03\x04 not a store" * 50)
    original = bad.read_bytes()

    def fake_exec(box: QMessageBox) -> int:
        for b in box.buttons():
            if b.text() == "Start a New Store":
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    opened = open_store_interactively(bad)
    assert opened is not None and opened.store.count() == 1  # a fresh store with the sample
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("desk.sqlite.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == original
    opened.close()


def test_second_window_is_offered_read_only(qtbot, tmp_path: Path, monkeypatch):
    from editor_app.store.errors import StoreReadOnlyError
    from editor_app.store.lock import StoreLock

    create_application()
    path = tmp_path / "shared.sqlite"
    first = open_store_interactively(path)
    assert first is not None
    assert StoreLock(path).acquire() is False  # the first window holds it

    def fake_exec(box: QMessageBox) -> int:
        assert "already open" in box.text() or "another Editor App window" in box.text()
        for b in box.buttons():
            if b.text() == "Open Read-Only":
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    second = open_store_interactively(path)
    assert second is not None and second.lock is None and second.store.read_only
    aid = second.store.list_summaries()[0].id
    import pytest

    with pytest.raises(StoreReadOnlyError):
        second.store.save(aid, body="must not be written")
    second.close()
    first.close()


def test_second_start_can_bring_the_running_window_forward(qtbot, tmp_path: Path, monkeypatch):
    from editor_app.ui.window.instance_link import InstanceServer

    create_application()
    path = tmp_path / "desk.sqlite"
    first = open_store_interactively(path)
    assert first is not None
    server = InstanceServer(path)
    assert server.listening
    raised: list[bool] = []
    server.raise_requested.connect(lambda: raised.append(True))

    def fake_exec(box: QMessageBox) -> int:
        for b in box.buttons():
            if b.text() == "Bring That Window Forward":
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert open_store_interactively(path) is None  # this start ends; the first window is asked
    qtbot.waitUntil(lambda: raised == [True], timeout=30000)
    server.close()
    first.close()


def test_an_empty_store_file_with_backups_is_damage_and_the_backup_comes_back(qtbot, tmp_path: Path, monkeypatch):
    """Issue 21: a 0-byte file where a store with backups used to be was silently replaced."""
    from editor_app.store.backups import backup_now

    create_application()
    path = tmp_path / "desk.sqlite"
    store = open_store(path, seed_sample=False)
    aid = store.create(title="Ford and Xiaomi deny talks", body="Both companies denied it.").id
    store.close()
    backup_now(path, "daily")
    path.write_bytes(b"")  # a sync client or a full disk left an empty file
    asked = answer_message_boxes(monkeypatch, "Restore Newest Backup")
    opened = open_store_interactively(path)
    try:
        [(text, buttons)] = asked
        assert "damaged" in text.lower() or "cannot be used" in text
        assert "empty" in text and "backups" in text
        assert {"Restore Newest Backup", "Open Another File…", "Start a New Store"} <= set(buttons)
        assert opened is not None and opened.store.get(aid).title == "Ford and Xiaomi deny talks"
        assert opened.store.count() == 1  # the backup, not a new store with the sample
    finally:
        if opened is not None:
            opened.close()


def test_an_empty_file_without_backups_and_a_new_path_become_stores_without_a_question(
    qtbot, tmp_path: Path, monkeypatch
):
    create_application()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    empty = tmp_path / "touched.sqlite"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "brand" / "new.sqlite"):
        opened = open_store_interactively(path)
        assert opened is not None and opened.store.count() == 1  # the sample article
        opened.close()
    assert asked == []
