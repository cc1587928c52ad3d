"""Panes follow what the store's writes changed (one change signal), including writes that
used to leave them stale: an import with stock tags, a tag written by a worker thread."""

from __future__ import annotations

import threading

from editor_app.core.changes import Changes
from editor_app.store.tickers import TickerTagStore


def _stock_labels(window) -> list[str]:
    combo = window.library.ticker_filter
    return [combo.itemText(i) for i in range(combo.count())]


def test_an_imported_article_with_stocks_appears_in_the_stock_filter(qtbot, make_window, tmp_path):
    window = make_window()
    assert not any(label.startswith("TSLA") for label in _stock_labels(window))
    story = tmp_path / "tesla.md"
    story.write_text("---\ntitle: Tesla cuts prices\ntickers: [TSLA]\n---\nTesla cut prices again.\n", encoding="utf-8")
    window.export_import.import_files([story])
    qtbot.waitUntil(lambda: any(label.startswith("TSLA") for label in _stock_labels(window)), timeout=30000)
    assert window.header.title.text() == "Tesla cuts prices"


def test_a_tag_written_on_another_thread_reaches_the_window_once(qtbot, make_window):
    window = make_window()
    heard: list[Changes] = []
    window.changes.changed.connect(heard.append)
    article_id = window.article.id
    tags = TickerTagStore(window.store)

    def write() -> None:
        tags.add(article_id, symbol="TSLA", mic="XNAS", name="Tesla")
        tags.add(article_id, symbol="GM", mic="XNYS", name="General Motors")

    worker = threading.Thread(target=write)
    worker.start()
    worker.join(60)
    qtbot.waitUntil(lambda: bool(heard), timeout=30000)
    qtbot.wait(50)
    assert len(heard) == 1 and heard[0].tags and heard[0].touches(article_id)  # two commits, one signal
    qtbot.waitUntil(lambda: "TSLA" in window._related_stocks and "GM" in window._related_stocks, timeout=30000)
    assert any(label.startswith("GM") for label in _stock_labels(window))


def test_a_comment_written_elsewhere_shows_in_the_library_count(qtbot, make_window):
    """A comment added by another part of the desk (here: the store, not the Comments pane)
    updates the library's open-comments column without any pane asking for it."""
    from editor_app.store.review import ReviewStore
    from editor_app.ui.library.table_model import COL, IdRole

    window = make_window()
    article_id = window.article.id
    model = window.library.model

    def count_shown() -> str:
        for row in range(model.rowCount()):
            if model.index(row, 0).data(IdRole) == article_id:
                return str(model.index(row, COL["comments"]).data() or "")
        return ""

    before = count_shown()
    ReviewStore(window.store).add_comment(article_id, "Who is the second source?", "Desk editor")
    qtbot.waitUntil(lambda: count_shown() == str(int(before or 0) + 1), timeout=30000)
