"""GUI fixtures: the real window on a temporary store, driven with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor_app.services.opening import open_store

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
    from editor_app.ui.app import create_application
    from editor_app.ui.main_window import MainWindow

    create_application()
    opened: list = []

    def make(path: Path | None = None):
        store = open_store(path or db_path)
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.raise_()

        def active() -> bool:
            """Asked again on every poll: a window closing at the same time can take the
            first request's activation (offscreen shortcuts need an active window)."""
            if QApplication.activeWindow() is window:
                return True
            window.activateWindow()
            window.windowHandle().requestActivate()
            return False

        qtbot.waitUntil(active, timeout=30000)
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
    qtbot.waitUntil(lambda: "v" in result, timeout=30000)
    return result["v"] or ""


def dom_html(qtbot, window, selector: str = "#article") -> str:
    result: dict[str, str] = {}
    window.preview.run_in_page(
        f"(function(){{var e=document.querySelector({selector!r}); return e ? e.innerHTML : null;}})()",
        lambda value: result.setdefault("v", value),
    )
    qtbot.waitUntil(lambda: "v" in result, timeout=30000)
    return result["v"] or ""


# A news story with no front matter, no claim markers and no stock tags: the text the first-start
# sample had before it came with a claim and two tags. Tests that need an article without claims
# or tags paste it into a new article with `fresh_article`.
NEWS_BODY = """\
**Ford Motor** and **Xiaomi** on Tuesday rejected a newspaper report that they had held talks about producing electric vehicles together in the United States.

The report, citing people familiar with the matter, said executives of the two companies had met twice this autumn to discuss a joint plant. Neither company was named as a source.

## What the companies said

> "The report is not accurate. We are not in discussions with Xiaomi about a partnership in the United States," a Ford spokesperson said in a statement.

Xiaomi said in a filing to the Hong Kong stock exchange that it was "not negotiating any such arrangement" and that it did not comment on market rumours.

## Why it matters

- Ford (NYSE: F) has been looking for ways to cut the cost of its next generation of EVs.
- Xiaomi (HKEX: 1810) began delivering its first car in 2024 and has said it wants to sell abroad.
- A US plant would face scrutiny over **Chinese ownership** and battery sourcing rules.

## How the shares moved

| Company | Exchange | Change on the day |
|---|---|--:|
| Ford | NYSE | -0.8% |
| Xiaomi | HKEX | +1.2% |

Read the [company statement](https://example.com/ford-statement) and the [exchange filing](https://example.com/hkex-filing).
"""


def fresh_article(qtbot, window, text: str = NEWS_BODY) -> int:
    """File › New Article, then paste `text` into the empty body with Ctrl+V (the real paste path).

    The new article has no claims and no stock tags, unlike the first-start sample. Returns its id.
    """
    window.new_article()
    editor = window.editor
    assert editor.toPlainText() == ""
    QApplication.clipboard().setText(text)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == text
    assert window.claim_store.list_claims(window.article.id) == []
    assert window.ticker_tags.list_tags(window.article.id) == []
    return window.article.id


def answer_message_boxes(monkeypatch, label: str | None) -> list[tuple[str, list[str]]]:
    """Every QMessageBox shown from now on is recorded (text, button labels) and answered by
    clicking the button labelled `label` (None: closed without a choice)."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[tuple[str, list[str]]] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        for b in box.buttons():
            if b.text() == label:
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked
