"""The real window, driven like a writer would: type, use shortcuts, close, reopen."""

from __future__ import annotations

import http.server
import re
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication, QMessageBox

from editor_app.services.opening import open_store
from tests.gui.conftest import dom_html, dom_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _replace_body(qtbot, window, text: str) -> None:
    editor = window.editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)


def _stored_body(db_path: Path, article_id: int) -> str:
    store = open_store(db_path)
    try:
        return store.get(article_id).body
    finally:
        store.close()


def test_first_start_shows_the_sample_article_rendered(qtbot, make_window):
    window = make_window()
    assert window.library.model.rowCount() == 1
    assert "Xiaomi" in window.header.title.text()
    qtbot.waitUntil(lambda: "What the companies said" in dom_text(qtbot, window), timeout=30000)
    html = dom_html(qtbot, window)
    assert "<blockquote" in html and "<table" in html and "<strong>" in html
    assert "<h1" in html  # the headline, from the same template as export
    assert "words" in window.stats_label.text()


def test_typing_reaches_preview_and_store(qtbot, make_window, db_path):
    window = make_window()
    _replace_body(qtbot, window, "Ford denies the *Xiaomi* report")
    qtbot.waitUntil(lambda: "Ford denies the Xiaomi report" in dom_text(qtbot, window), timeout=30000)
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert _stored_body(db_path, window.article.id) == "Ford denies the *Xiaomi* report"
    assert "(edited)" not in window.windowTitle()


def test_an_untitled_article_is_named_by_its_first_words_in_the_window_title(qtbot, make_window):
    window = make_window()
    window.new_article()
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Ford shares fell 2 percent in New York")
    assert window.windowTitle().startswith("Untitled: “Ford shares fell 2 percent in…”")
    window.header.title.setFocus()
    qtbot.keyClicks(window.header.title, "Ford falls")
    assert window.windowTitle().startswith("Ford falls")


def test_text_survives_closing_and_reopening(qtbot, make_window):
    window = make_window()
    _replace_body(qtbot, window, "Typed just before closing")
    article_id = window.article.id
    window.close()  # no Ctrl+S: closing must save
    again = make_window()
    assert again.article.id == article_id
    assert again.editor.toPlainText() == "Typed just before closing"


def test_ctrl_n_creates_a_second_article_listed_in_the_library(qtbot, make_window, db_path):
    window = make_window()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=30000)
    assert window.header.title.hasFocus()
    qtbot.keyClicks(window.header.title, "Xiaomi shares rise")
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Second story body")
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert window.header.slug.text() == "xiaomi-shares-rise"
    titles = [window.library.model.index(i).data() for i in range(2)]
    assert titles[0] == "Xiaomi shares rise"
    store = open_store(db_path)
    try:
        assert {s.title for s in store.list_summaries()} >= {"Xiaomi shares rise"}
        assert store.count() == 2
    finally:
        store.close()


def test_switching_articles_saves_immediately(qtbot, make_window, db_path):
    window = make_window()
    first = window.article.id
    window.new_article()
    _replace_body(qtbot, window, "unsaved until the switch")
    second = window.article.id
    window.library.view.setCurrentIndex(window.library.proxy.index(1, 0))  # the sample, now second
    assert window.article.id == first
    assert _stored_body(db_path, second) == "unsaved until the switch"


def test_ctrl_s_saves_at_once(qtbot, make_window, db_path):
    window = make_window()
    _replace_body(qtbot, window, "saved by shortcut")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    assert _stored_body(db_path, window.article.id) == "saved by shortcut"


def test_delete_asks_and_can_be_undone(qtbot, make_window, monkeypatch):
    window = make_window()
    window.new_article()
    qtbot.keyClicks(window.header.title, "To be deleted")
    victim = window.article.id
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    window.actions_["delete_article"].trigger()  # cancelled
    assert window.library.model.row_of(victim) >= 0
    window.actions_["delete_article"].trigger()  # confirmed
    assert window.library.model.row_of(victim) == -1
    assert window.article.id != victim
    assert window.undo_delete_button.isVisible()
    qtbot.mouseClick(window.undo_delete_button, Qt.MouseButton.LeftButton)
    assert window.library.model.row_of(victim) >= 0
    assert window.header.title.text() == "To be deleted"


def test_pathological_markdown_pauses_preview_but_typing_and_saving_go_on(qtbot, make_window, db_path):
    window = make_window()
    hostile = "[" * 50_000 + "]" * 50_000
    window.editor.setPlainText(hostile)  # as a paste would
    qtbot.waitUntil(lambda: "Preview paused" in dom_text(qtbot, window, "#preview-notice"), timeout=20000)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " tail")
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert _stored_body(db_path, window.article.id) == hostile + " tail"
    _replace_body(qtbot, window, "Back to *normal*")
    qtbot.waitUntil(lambda: "Back to normal" in dom_text(qtbot, window), timeout=20000)
    assert dom_text(qtbot, window, "#preview-notice") == ""


def test_pasting_five_megabytes_is_saved(qtbot, make_window, db_path):
    window = make_window()
    big = ("Ford and Xiaomi deny the report about EV talks. " * 20 + "\n\n") * 5_200
    assert len(big) > 5_000_000
    QApplication.clipboard().setText(big)
    window.editor.selectAll()
    window.editor.paste()
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert _stored_body(db_path, window.article.id) == big


def test_export_writes_the_preview_page_without_scripts(qtbot, make_window, tmp_path):
    window = make_window()
    _replace_body(qtbot, window, "Exported **body** <script>alert(1)</script>")
    out = tmp_path / "out" / "story.html"
    window.export_to(out)
    qtbot.waitUntil(out.exists, timeout=30000)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Exported <strong>body</strong>" in html
    assert ".headline" in html  # the embedded stylesheet
    scripts = re.findall(r"<script\b[^>]*>", html, flags=re.I)
    assert scripts == ['<script type="application/ld+json">']  # metadata only, never code
    assert "alert(1)" not in html
    assert window.header.title.text() in html


def test_layout_and_panes_survive_restart(qtbot, make_window, settings: QSettings):
    window = make_window()
    window.splitter.setSizes([200, 700, 400])
    sizes = window.splitter.sizes()
    window.actions_["toggle_preview"].setChecked(False)
    assert not window.preview.isVisible()
    window.close()
    again = make_window()
    assert not again.actions_["toggle_preview"].isChecked()
    assert not again.preview.isVisible()
    assert again.actions_["toggle_library"].isChecked()
    again.resize(1400, 860)  # restoreGeometry fits the window to the (small) offscreen screen
    qtbot.waitUntil(lambda: again.library.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: again.splitter.sizes()[0] == sizes[0], timeout=30000)


def test_links_open_outside_and_odd_schemes_ask(qtbot, make_window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    window = make_window()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    page = window.preview.page()
    link = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    assert page.acceptNavigationRequest(QUrl("https://example.com/a"), link, True) is False
    assert page.acceptNavigationRequest(QUrl("file:///etc/passwd"), link, True) is False
    assert opened == ["https://example.com/a"]
    assert len(asked) == 1 and "file" in asked[0]


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        _CountingHandler.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    _CountingHandler.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_preview_never_fetches_from_the_network(qtbot, make_window, local_server):
    window = make_window()
    _replace_body(qtbot, window, f"![chart]({local_server}/chart.png)\n\nmarker-text")
    qtbot.waitUntil(lambda: "marker-text" in dom_text(qtbot, window), timeout=30000)
    qtbot.wait(500)
    assert _CountingHandler.hits == []


def test_edit_menu_cut_copy_paste_select_all_act_on_the_focused_field(qtbot, make_window):
    """Issue 19: the Edit menu had no Cut/Copy/Paste/Select All."""
    window = make_window()
    edit_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Edit")
    labels = [a.text() for a in edit_menu.actions() if not a.isSeparator()]
    assert labels[:6] == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Select &All"]
    window.header.title.setFocus()
    qtbot.waitUntil(window.header.title.hasFocus, timeout=30000)
    window.actions_["select_all"].trigger()
    window.actions_["copy"].trigger()
    headline = window.header.title.text()
    assert QApplication.clipboard().text() == headline
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus, timeout=30000)
    window.actions_["select_all"].trigger()
    window.actions_["paste"].trigger()  # the headline replaces the body
    assert window.editor.toPlainText() == headline
    window.actions_["select_all"].trigger()
    window.actions_["cut"].trigger()
    assert window.editor.toPlainText() == "" and QApplication.clipboard().text() == headline
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert _stored_body(window.store.path, window.article.id) == ""
