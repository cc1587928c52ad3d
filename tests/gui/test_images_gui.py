"""Pictures in the real window: pasted from the clipboard, dropped as files, refused when
hostile; shown by the preview; embedded by export."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from editor_app.store.images import ImageStore
from tests.gui.conftest import fresh_article
from tests.image_samples import jpeg_with_gps, png_by_hand, png_bytes

REF = re.compile(r"!\[\]\(image:([0-9a-f]{16})\)")
STORY = "Ford said on Tuesday that its new plant would open in March.\n\n"


def _story(qtbot, window) -> int:
    article_id = fresh_article(qtbot, window, STORY)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    return article_id


def _added(qtbot, window) -> None:
    """Pictures are checked off the UI thread: wait until they are in (or refused)."""
    qtbot.waitUntil(lambda: not window.images.busy, timeout=30000)


def _preview_pictures(qtbot, window, until) -> list[dict]:
    """The preview's article pictures (natural size, src, alt, loading finished), polled until
    `until(pictures)` holds."""
    seen: dict = {}
    code = (
        "JSON.stringify(Array.prototype.map.call(document.querySelectorAll('#article img'), function(i){"
        "return {width: i.naturalWidth, height: i.naturalHeight, src: i.getAttribute('src'), alt: i.alt,"
        " complete: i.complete};}))"
    )

    def ask() -> None:
        window.preview.run_in_page(code, lambda v: seen.__setitem__("v", json.loads(v or "[]")))

    def done() -> bool:
        value = seen.pop("v", None)
        if value is not None and until(value):
            seen["done"] = value
            return True
        ask()
        return False

    ask()
    qtbot.waitUntil(done, timeout=60000)
    return seen["done"]


def _picture_in_preview(qtbot, window, index: int = 0) -> dict:
    """A picture of the preview's article, once loaded."""
    return _preview_pictures(qtbot, window, lambda p: len(p) > index and p[index]["width"] > 0)[index]


def test_paste_a_picture_then_type_its_alt_text(qtbot, make_window):
    window = make_window()
    _story(qtbot, window)
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(20, 110, 190))
    QApplication.clipboard().setImage(image)
    editor = window.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _added(qtbot, window)

    text = editor.toPlainText()
    m = REF.search(text)
    assert m is not None and text.startswith(STORY)
    assert editor.textCursor().position() == text.index("![]") + 2  # between the brackets
    stored = ImageStore(window.store).find(m.group(1))
    assert stored is not None and (stored.width, stored.height) == (120, 80) and stored.mime == "image/png"
    assert "Added 1 picture" in window.statusBar().currentMessage()

    qtbot.keyClicks(editor, "Blue chart")
    assert f"![Blue chart](image:{m.group(1)})" in editor.toPlainText()
    shown = _picture_in_preview(qtbot, window)
    assert (shown["width"], shown["height"]) == (120, 80)
    assert shown["src"] == f"image:{m.group(1)}"
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert f"(image:{m.group(1)})" in window.store.get(window.article.id).body


def test_paste_keeps_text_when_the_clipboard_has_text_and_a_picture(qtbot, make_window):
    window = make_window()
    _story(qtbot, window)
    mime = QMimeData()
    mime.setText("Shares rose 2%.")
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    image.fill(QColor(1, 2, 3))
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(window.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not window.images.busy
    assert window.editor.toPlainText() == STORY + "Shares rose 2%."
    assert ImageStore(window.store).count() == 0


def test_drop_photo_files_strips_location_and_dedups(qtbot, make_window, tmp_path: Path):
    window = make_window()
    _story(qtbot, window)
    photo = tmp_path / "plant.jpg"
    photo.write_bytes(jpeg_with_gps(90, 60))
    chart = tmp_path / "chart.png"
    chart.write_bytes(png_bytes(50, 30))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(chart))])
    editor = window.editor
    assert editor.canInsertFromMimeData(mime)
    # a real drop at the end of the text
    end = editor.cursorRect(editor.textCursor()).center()
    drop = QDropEvent(
        QPointF(end), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    editor.dropEvent(drop)
    _added(qtbot, window)
    keys = REF.findall(editor.toPlainText())
    assert len(keys) == 2
    images = ImageStore(window.store)
    assert images.count() == 2
    stored = images.image(keys[0])
    assert stored.mime == "image/jpeg" and b"Exif" not in stored.data and b"Desk Camera" not in stored.data
    # the same file again: one more reference, no second copy in the store
    mime2 = QMimeData()
    mime2.setUrls([QUrl.fromLocalFile(str(chart))])
    editor.insertFromMimeData(mime2)
    _added(qtbot, window)
    assert len(REF.findall(editor.toPlainText())) == 3 and images.count() == 2


def test_hostile_files_are_refused_with_a_message_and_nothing_changes(qtbot, make_window, tmp_path: Path):
    window = make_window()
    _story(qtbot, window)
    editor = window.editor
    before = editor.toPlainText()
    fake = tmp_path / "photo.png"
    fake.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_by_hand(8000, 8000))
    for path, reason in ((fake, "is not a PNG, JPEG, GIF or WebP"), (bomb, "too large to show")):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        editor.insertFromMimeData(mime)
        _added(qtbot, window)
        message = window.statusBar().currentMessage()
        assert f"“{path.name}”" in message and reason in message and "Nothing was added" in message
        assert editor.toPlainText() == before
    assert ImageStore(window.store).count() == 0
    assert not editor.document().isUndoAvailable() or editor.toPlainText() == before


@pytest.fixture
def held_pictures(monkeypatch) -> threading.Event:
    """Pictures are checked only once the returned event is set (a slow 40-megapixel photo)."""
    from editor_app.ui.images import controller

    go = threading.Event()
    prepare = controller._prepared_or_reason
    monkeypatch.setattr(controller, "_prepared_or_reason", lambda item: (go.wait(30), prepare(item))[1])
    return go


def test_typing_on_while_a_picture_is_prepared(qtbot, make_window, tmp_path: Path, held_pictures):
    """The picture lands where the cursor was; the writer's cursor stays where they typed."""
    window = make_window()
    _story(qtbot, window)
    chart = tmp_path / "chart.png"
    chart.write_bytes(png_bytes(30, 30))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(chart))])
    editor = window.editor
    editor.insertFromMimeData(mime)
    qtbot.keyClicks(editor, "More text.")
    held_pictures.set()
    _added(qtbot, window)
    text = editor.toPlainText()
    m = REF.search(text)
    assert m is not None and text.startswith(STORY + m.group(0))
    assert text.endswith("More text.") and editor.textCursor().position() == len(text)


def test_a_picture_is_not_put_into_another_article(qtbot, make_window, tmp_path: Path, held_pictures):
    go = held_pictures
    window = make_window()
    first = _story(qtbot, window)
    chart = tmp_path / "chart.png"
    chart.write_bytes(png_bytes(30, 30))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(chart))])
    window.editor.insertFromMimeData(mime)
    window.new_article()
    go.set()  # the picture is ready only now, with the other article open
    _added(qtbot, window)
    assert window.editor.toPlainText() == ""
    assert "another article was opened" in window.statusBar().currentMessage()
    assert "image:" not in window.store.get(first).body


def test_export_embeds_the_picture(qtbot, make_window, tmp_path: Path):
    window = make_window()
    _story(qtbot, window)
    chart = tmp_path / "chart.png"
    chart.write_bytes(png_bytes(40, 20))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(chart))])
    window.editor.insertFromMimeData(mime)
    _added(qtbot, window)
    qtbot.keyClicks(window.editor, "Share price chart")
    out = tmp_path / "out" / "story.html"
    errors: list[str] = []
    window.export_finished.connect(lambda _p, e: errors.append(e))
    window.export_to(out)
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert errors == [""]
    html = out.read_text(encoding="utf-8")
    assert re.search(r'<img alt="Share price chart" src="data:image/png;base64,[A-Za-z0-9+/=]+"', html)
    srcs = re.findall(r'\bsrc="([^"]*)"', html)
    assert srcs and all(s.startswith("data:image/") for s in srcs)
    assert "image:" not in html.split("<article", 1)[1]


def test_checklist_asks_for_alt_text_and_jumps_into_the_brackets(qtbot, make_window, tmp_path: Path):
    from tests.gui.review_steps import settle

    window = make_window()
    _story(qtbot, window)
    chart = tmp_path / "chart.png"
    chart.write_bytes(png_bytes(30, 30))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(chart))])
    editor = window.editor
    editor.insertFromMimeData(mime)
    _added(qtbot, window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "![](image:ffffffffffffffff)")  # copied from another store
    settle(qtbot, window)
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(lambda: bool(pane.items) and pane.refresh_button.isEnabled(), timeout=30000)
    items = {i.code: i for i in pane.items}
    assert items["image_no_alt"].message.startswith("2 images have no alt text (first on line 3)")
    assert items["image_missing"].message.startswith("1 image is not in this store (first on line 5")
    row = pane.row_of("image_no_alt")
    rect = pane.list.visualItemRect(pane.list.item(row))
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    text = editor.toPlainText()
    assert editor.textCursor().position() == text.index("![](image:") + 2
    pictures = _preview_pictures(qtbot, window, lambda p: len(p) == 2 and p[1]["complete"])
    assert pictures[0]["width"] == 30 and pictures[1]["width"] == 0  # not loaded: the preview boxes it
    assert "ffffffffffffffff" in window.images.handler.missing


def test_a_reference_shows_its_picture_once_the_picture_is_added(qtbot, make_window, tmp_path: Path):
    """A reference copied from another store: missing in the preview until the picture is added."""
    from editor_app.core.images.intake import prepare_image

    window = make_window()
    _story(qtbot, window)
    data = png_bytes(33, 21)
    key = prepare_image(data).sha256[:16]
    editor = window.editor
    qtbot.keyClicks(editor, f"![Chart](image:{key})")
    _preview_pictures(qtbot, window, lambda p: len(p) == 1 and p[0]["complete"] and p[0]["width"] == 0)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # its own paragraph: the first one is not re-made
    chart = tmp_path / "chart.png"
    chart.write_bytes(data)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(chart))])
    editor.insertFromMimeData(mime)
    _added(qtbot, window)
    assert window.images.handler.missing == set()
    pictures = _preview_pictures(qtbot, window, lambda p: len(p) == 2 and all(x["width"] == 33 for x in p))
    assert [p["alt"] for p in pictures] == ["Chart", ""]


def test_insert_image_command_asks_for_files(qtbot, make_window, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    _story(qtbot, window)
    chart = tmp_path / "chart.webp"
    from PIL import Image

    Image.new("RGB", (48, 32), (10, 160, 90)).save(chart, "WEBP")
    asked: list[str] = []

    def choose(parent, caption, folder, filters):
        asked.append(filters)
        return [str(chart)], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    action = window.actions_["insert_image"]
    assert action in window.format_menu.actions() and action.shortcut().toString() == "Ctrl+Alt+I"
    action.trigger()
    _added(qtbot, window)
    assert asked and "*.webp" in asked[0]
    key = REF.search(window.editor.toPlainText()).group(1)
    stored = ImageStore(window.store).find(key)
    assert stored.mime == "image/webp" and (stored.width, stored.height) == (48, 32)
