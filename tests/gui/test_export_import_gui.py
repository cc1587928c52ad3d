"""File › Export Articles…, File › Import… and drag and drop onto the library, driven on the real
window and store; only the platform file dialogs (and the browser launch) are replaced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from editor_app.store.settings import SettingsStore
from editor_app.ui.transfer.dialogs import EncodingDialog, ExportArticlesDialog
from tests.e2e.export_support import set_status


def when_modal(kind: type, act: Callable[[QDialog], None], timeout_ms: int = 10000) -> list:
    """Run `act` on the next modal dialog of type `kind` (modal dialogs block the test)."""
    done: list = []
    timer = QTimer()
    timer.setInterval(30)
    waited = {"ms": 0}

    def poll() -> None:
        waited["ms"] += 30
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            timer.stop()
            done.append(widget)
            act(widget)
        elif waited["ms"] > timeout_ms:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    done.append(timer)  # keep the timer alive
    return done


def _articles(window, db_path: Path, *titles: str) -> list[int]:
    ids = [window.store.create(title=t, dek=f"About {t}", body=f"Body of {t}.").id for t in titles]
    return ids


def test_export_articles_dialog_writes_checked_articles_and_index(
    qtbot, make_window, db_path, tmp_path, monkeypatch, settings
):
    window = make_window()
    ids = _articles(window, db_path, "Ford approved", "Xiaomi approved", "Draft story")
    for aid in ids[:2]:
        set_status(db_path, aid, "approved")
    window.reload_library()
    out = tmp_path / "exported"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    seen: dict = {}

    def fill(dialog: ExportArticlesDialog) -> None:
        seen["checked"] = sorted(dialog.chosen_ids())
        qtbot.mouseClick(
            dialog.findChild(type(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)), "browseFolder"),
            Qt.MouseButton.LeftButton,
        )
        dialog.open_after.setChecked(True)
        dialog.accept()

    keep = when_modal(ExportArticlesDialog, fill)
    window.actions_["export_many"].trigger()
    controller = window.export_import
    qtbot.waitUntil(lambda: controller.job is None and controller.last_report is not None, timeout=30000)
    assert keep and seen["checked"] == sorted(ids[:2])  # approved ones pre-checked
    report = controller.last_report
    assert report.ok, report.failed
    assert sorted(p.name for p in out.iterdir()) == ["ford-approved.html", "index.html", "xiaomi-approved.html"]
    assert opened == [str(out / "index.html")]
    assert settings.value("export/open_after", type=bool) is True  # remembered

    # again into the same folder: asked once with the list; Cancel keeps the files
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    asked: dict = {}

    def cancel(box: QMessageBox) -> None:
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    keep = when_modal(QMessageBox, cancel)
    assert controller.start_export(ids[:2], out) is None
    assert "3 file(s) already exist" in asked["text"] and "index.html" in asked["text"]
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before

    keep = when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    job = controller.start_export(ids[:2], out)
    assert job is not None and keep
    qtbot.waitUntil(lambda: controller.job is None, timeout=30000)
    assert controller.last_report.ok and len(controller.last_report.files) == 2


def test_export_can_be_cancelled_and_leaves_only_whole_files(qtbot, make_window, db_path, tmp_path):
    window = make_window()
    ids = _articles(window, db_path, *[f"Story {i}" for i in range(30)])
    out = tmp_path / "cancel"
    controller = window.export_import
    job = controller.start_export(ids, out)
    assert job is not None
    job.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: controller.job is None, timeout=30000)
    report = controller.last_report
    assert report.cancelled and report.index is None
    names = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert len(names) == len(report.files) < 30
    assert not [n for n in names if n.endswith(".tmp")]
    for p in out.glob("*.html"):
        assert p.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_import_dialog_with_encoding_choice_and_refusals(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    rows_before = window.library.model.rowCount()
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: Front matter headline\ntags: [Banks]\n---\nBody text.\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("# Crédit Agricole résultats\n\nLe bénéfice.\n".encode("latin-1"))
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(latin), str(binary)], ""))
    seen: dict = {}

    def choose(dialog: EncodingDialog) -> None:
        seen["utf8_ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.select_encoding("latin-1")
        seen["preview"] = dialog.preview.toPlainText()
        dialog.accept()

    keep = when_modal(EncodingDialog, choose)
    window.actions_["import_files"].trigger()
    assert keep
    assert "Crédit Agricole" in seen["preview"]
    assert window.library.model.rowCount() == rows_before + 2
    assert window.header.title.text() == "Front matter headline"  # the first imported is open
    box = window.export_import.message_box
    assert box is not None and "image.md looks like a PNG image" in box.text()
    assert "decoded as latin-1" in box.text()
    box.close()
    imported = window.export_import.last_imported
    assert window.store.get(imported[0]).tags == ["Banks"]
    assert window.store.get(imported[1]).title == "Crédit Agricole résultats"


def test_refusing_the_encoding_imports_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    before = window.store.count()
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Société\n\nTexte.\n".encode("cp1252"))
    keep = when_modal(EncodingDialog, lambda d: d.reject())
    window.export_import.import_files([latin])
    assert keep
    assert window.store.count() == before
    assert "no encoding chosen" in window.export_import.message_box.text()


def _drag_enter(mime: QMimeData) -> QDragEnterEvent:
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(10, 10), *args)  # PySide6 >= 6.12
    except TypeError:
        from PySide6.QtCore import QPoint

        return QDragEnterEvent(QPoint(10, 10), *args)  # older PySide6 (Python 3.11 installs)


def test_drop_files_on_the_library_imports_them(qtbot, make_window, tmp_path):
    window = make_window()
    before = window.library.model.rowCount()
    one = tmp_path / "dropped.md"
    one.write_text("# Dropped story\n\nText.\n", encoding="utf-8")
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(one)), QUrl.fromLocalFile(str(other))])
    viewport = window.library.view.viewport()
    # as a real drag does: enter (Qt then makes the view the drop target), then drop
    refused = QMimeData()
    refused.setUrls([QUrl.fromLocalFile(str(other))])
    enter_pdf = _drag_enter(refused)
    QApplication.sendEvent(viewport, enter_pdf)
    assert not enter_pdf.isAccepted()  # nothing importable: the cursor says no
    enter = _drag_enter(mime)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, event)
    assert event.isAccepted()
    assert window.library.model.rowCount() == before + 1
    assert window.header.title.text() == "Dropped story"
    assert "notes.pdf: not a Markdown or text file" in window.export_import.message_box.text()


def test_desk_settings_dialog_saves_to_the_store(qtbot, make_window):
    from editor_app.ui.transfer.dialogs import DeskSettingsDialog

    window = make_window()

    def fill(dialog: DeskSettingsDialog) -> None:
        dialog.publisher.setText("Example Financial News")
        dialog.base_url.setText("ftp://wrong")
        dialog.accept()  # refused: stays open with the reason
        assert "http" in dialog.error.text() and dialog.isVisible()
        dialog.base_url.setText("https://news.example.com/")
        dialog.twitter.setText("@examplenews")
        dialog.accept()

    keep = when_modal(DeskSettingsDialog, fill)
    assert window.export_import.edit_desk_settings() is True and keep
    saved = SettingsStore(window.store).load()
    assert saved.publisher == "Example Financial News"
    assert saved.canonical_url("a-story") == "https://news.example.com/a-story.html"
    assert saved.twitter_handle == "@examplenews"


def test_file_menu_has_the_new_actions_and_ctrl_e_is_still_export_current(make_window):
    window = make_window()
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    names = [a.objectName() for a in file_menu.actions() if a.objectName()]
    i = names.index("action_export_html")
    assert names[i + 1 : i + 3] == ["action_export_many", "action_import_files"]
    assert "action_desk_settings" in names
    assert window.actions_["export_html"].shortcut().toString() == "Ctrl+E"
