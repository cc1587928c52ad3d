"""A file that is not a store gets a clear dialog and is never written to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from editor_app.ui.app import create_application, open_store_interactively


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
    (text, buttons), = shown
    assert str(path) in text and "not an editor_app database" in text and "has not been changed" in text
    assert any("Another File" in b for b in buttons) and any("New Store" in b for b in buttons)
    assert path.read_bytes() == before


def test_choosing_another_file_opens_it(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    create_application()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 100)
    good = tmp_path / "fresh" / "good.sqlite"

    def fake_exec(box: QMessageBox) -> int:
        for b in box.buttons():
            if "New Store" in b.text():
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(good), ""))
    store = open_store_interactively(bad)
    assert store is not None and store.path == good and store.count() == 1
    store.close()
