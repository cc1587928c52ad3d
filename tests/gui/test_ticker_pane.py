"""The Stocks pane in the real window: the first-start sample's tags, suggestions from a story's
text, accept / reorder / remove / dismiss with the real buttons, persistence across a restart,
typing, search, unlisted symbols, and the library's stock filter.

The sample is already tagged with Ford and Xiaomi, so the tests of suggestions paste the same
story into a new article without tags (`fresh_article`)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from editor_app.services.opening import open_store
from editor_app.store.tickers import TickerTagStore
from editor_app.ui.stocks.pane import TickerPane
from editor_app.ui.stocks.tag_table import TagTableModel
from editor_app.ui.stocks.worker import SuggestionItem
from tests.gui.conftest import dom_text, fresh_article

LEFT = Qt.MouseButton.LeftButton


def _pane(qtbot, window) -> TickerPane:
    window.ticker_dock.show()
    window.ticker_dock.raise_()  # it may share a tab group with other docks
    qtbot.waitUntil(lambda: window.ticker_dock.built and window.ticker_dock.isVisible(), timeout=30000)
    pane = window.ticker_dock.widget()
    assert isinstance(pane, TickerPane) and pane.isVisible()
    return pane


def _wait_scanned(qtbot, pane: TickerPane) -> None:
    qtbot.waitUntil(lambda: not pane.busy, timeout=30000)


def _symbols(pane: TickerPane) -> list[str]:
    return [t.symbol for t in pane.tags]


def _replace_body(qtbot, window, text: str) -> None:
    editor = window.editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)


def test_first_start_sample_is_tagged_with_ford_and_xiaomi(qtbot, make_window):
    window = make_window()
    related = "Related stocks: NYSE: F, HKEX: 1810"
    # the preview header (read back from the page) lists the sample's two stocks in their order
    qtbot.waitUntil(lambda: dom_text(qtbot, window, "#article header .related-stocks") == related, timeout=30000)

    pane = _pane(qtbot, window)
    assert pane.article_id == window.article.id
    assert [(t.symbol, t.mic, t.role) for t in pane.tags] == [("F", "XNYS", "about"), ("1810", "XHKG", "about")]
    assert pane.tag_model.rowCount() == 2
    assert pane.tag_model.index(0, TagTableModel.COMPANY).data() == "Ford Motor"
    assert pane.tag_model.index(1, TagTableModel.COMPANY).data() == "Xiaomi"
    assert pane.related.text() == related
    _wait_scanned(qtbot, pane)
    assert pane.card("F", "XNYS") is None and pane.card("1810", "XHKG") is None  # tags, not suggestions
    combo = window.library.ticker_filter
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["All stocks", "1810 · Xiaomi (1)", "F · Ford Motor (1)"]


def test_suggest_accept_reorder_remove_dismiss_and_restart(qtbot, make_window):
    window = make_window()
    pane = _pane(qtbot, window)
    fresh_article(qtbot, window)
    assert pane.article_id == window.article.id and pane.tags == []
    qtbot.waitUntil(lambda: pane.card("F", "XNYS") is not None and pane.card("1810", "XHKG") is not None, timeout=30000)
    ford = pane.card("F", "XNYS")
    assert ford.item.count >= 2 and "Ford" in ford.toolTip()
    assert {s.key for s in pane.suggestions} >= {("F", "XNYS"), ("1810", "XHKG")}

    qtbot.mouseClick(ford.about_button, LEFT)
    assert [(t.symbol, t.mic, t.role) for t in pane.tags] == [("F", "XNYS", "about")]
    assert pane.card("F", "XNYS") is None  # tagged: no longer suggested
    qtbot.mouseClick(pane.card("1810", "XHKG").mentions_button, LEFT)
    assert _symbols(pane) == ["F", "1810"]
    assert pane.related.text() == "Related stocks: NYSE: F, HKEX: 1810"
    assert pane.tag_model.index(1, TagTableModel.COMPANY).data() == "Xiaomi"

    # reorder with the up button, then change the role with the row's combo
    pane.table.selectRow(1)
    qtbot.mouseClick(pane.up_button, LEFT)
    assert _symbols(pane) == ["1810", "F"]
    assert pane.related.text() == "Related stocks: HKEX: 1810, NYSE: F"
    combo = pane.table.indexWidget(pane.tag_model.index(0, TagTableModel.ROLE))
    combo.setCurrentIndex(combo.findData("about"))
    assert [t.role for t in pane.tags] == ["about", "about"]

    # remove Ford: it is suggested again; dismiss it this time
    pane.table.selectRow(1)
    qtbot.mouseClick(pane.remove_button, LEFT)
    assert _symbols(pane) == ["1810"]
    assert pane.card("F", "XNYS") is not None
    qtbot.mouseClick(pane.card("F", "XNYS").dismiss_button, LEFT)
    assert pane.card("F", "XNYS") is None
    article_id = window.article.id
    assert window.ticker_tags.dismissed(article_id) == {("F", "XNYS")}
    window.close()

    again = make_window()
    pane = _pane(qtbot, again)
    assert again.article.id == article_id
    assert [(t.symbol, t.mic, t.role) for t in pane.tags] == [("1810", "XHKG", "about")]
    assert pane.related.text() == "Related stocks: HKEX: 1810"
    _wait_scanned(qtbot, pane)
    assert pane.card("F", "XNYS") is None and pane.card("1810", "XHKG") is None  # dismissed / tagged
    assert pane.restore_dismissed.isVisible()
    qtbot.mouseClick(pane.restore_dismissed, LEFT)
    assert pane.card("F", "XNYS") is not None


def test_typing_a_cashtag_brings_a_suggestion(qtbot, make_window):
    window = make_window()
    pane = _pane(qtbot, window)
    _wait_scanned(qtbot, pane)
    _replace_body(qtbot, window, "Shares of $TSLA fell after the delivery numbers.")
    assert pane.busy  # debounced: nothing is scanned while typing
    qtbot.waitUntil(lambda: pane.card("TSLA", "XNAS") is not None, timeout=30000)
    assert pane.card("TSLA", "XNAS").item.listing.company == "Tesla"


def test_stale_results_are_dropped(qtbot, make_window):
    window = make_window()
    pane = _pane(qtbot, window)
    fresh_article(qtbot, window)
    _wait_scanned(qtbot, pane)
    shown = pane.suggestions
    assert shown
    old_generation = pane.generation
    pane.text_changed()  # a newer scan is due: an answer for the old text is ignored
    pane._timer.stop()
    pane._dispatch()
    fake = [SuggestionItem(shown[0].listing, "about", 1, (), (), frozenset())]
    pane._on_suggested(pane.article_id, old_generation, [])
    pane._on_suggested(pane.article_id + 1, pane.generation, fake)  # another article
    assert pane.suggestions == [] or pane.suggestions == shown  # untouched by both
    _wait_scanned(qtbot, pane)
    assert {s.key for s in pane.suggestions} == {s.key for s in shown}


def test_search_adds_a_listing_and_unlisted_needs_a_warning(qtbot, make_window, monkeypatch):
    window = make_window()
    pane = _pane(qtbot, window)
    qtbot.keyClicks(pane.search, "Tesla")
    qtbot.waitUntil(lambda: pane.results.topLevelItemCount() > 0, timeout=30000)
    assert pane.results.topLevelItem(0).text(0) == "TSLA"
    qtbot.mouseClick(pane.add_button, LEFT)
    assert ("TSLA", "XNAS") in {t.key for t in pane.tags}
    assert pane.search.text() == ""

    qtbot.keyClicks(pane.search, "ZQXJV")
    qtbot.waitUntil(lambda: "No listing matches" in pane.search_status.text(), timeout=30000)
    assert not pane.add_button.isEnabled()
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Ok])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or next(answers))
    qtbot.mouseClick(pane.unlisted_button, LEFT)
    assert "ZQXJV" not in _symbols(pane) and len(asked) == 1
    assert "not in the symbol directory" in asked[0]
    qtbot.mouseClick(pane.unlisted_button, LEFT)
    tag = next(t for t in pane.tags if t.symbol == "ZQXJV")
    assert tag.unlisted and tag.mic == ""
    assert pane.related.text().endswith("ZQXJV")


def test_drag_and_drop_reorders_through_the_store(qtbot, make_window):
    window = make_window()
    pane = _pane(qtbot, window)
    directory_tags = TickerTagStore(window.store)
    for symbol, mic in (("F", "XNYS"), ("1810", "XHKG"), ("TSLA", "XNAS")):
        directory_tags.add(window.article.id, symbol=symbol, mic=mic, name=symbol, exchange=mic)
    pane.refresh()
    model = pane.tag_model
    data = model.mimeData([model.index(2, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False  # the view removes nothing
    qtbot.waitUntil(lambda: _symbols(pane) == ["TSLA", "F", "1810"], timeout=30000)
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())  # dropped below the last row
    qtbot.waitUntil(lambda: _symbols(pane) == ["F", "1810", "TSLA"], timeout=30000)


def test_library_filters_by_stock_and_a_tag_lists_its_articles(qtbot, make_window):
    window = make_window()
    pane = _pane(qtbot, window)
    sample_id = window.article.id  # tagged F and 1810 on first start
    story_id = fresh_article(qtbot, window)
    qtbot.waitUntil(lambda: pane.card("F", "XNYS") is not None, timeout=30000)
    qtbot.mouseClick(pane.card("F", "XNYS").about_button, LEFT)
    assert [t.key for t in pane.tags] == [("F", "XNYS")]
    window.new_article()
    assert pane.article_id == window.article.id and pane.tags == []
    library = window.library
    assert library.proxy.rowCount() == 3
    combo = library.ticker_filter
    expected = ["All stocks", "F · Ford Motor (2)", "1810 · Xiaomi (1)"]  # most used first
    qtbot.waitUntil(lambda: [combo.itemText(i) for i in range(combo.count())] == expected, timeout=30000)
    combo.setCurrentIndex(1)
    assert library.proxy.rowCount() == 2

    def shown_ids() -> set[int]:
        proxy = library.proxy
        return {proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())}

    assert shown_ids() == {sample_id, story_id}
    assert "2 of 3 articles" in library.count_label.text()
    combo.setCurrentIndex(2)
    assert shown_ids() == {sample_id}
    assert "1 of 3 articles" in library.count_label.text()
    combo.setCurrentIndex(0)
    assert library.proxy.rowCount() == 3

    # from the tag's context menu: show all articles with this stock
    window.open_article(story_id)
    (tag,) = pane.tags
    menu = pane.tag_menu(tag)
    action = next(a for a in menu.actions() if a.objectName() == "showArticlesWithStock")
    action.trigger()
    assert library.ticker_filter_key() == ("F", "XNYS")
    assert shown_ids() == {sample_id, story_id}


def test_directory_is_loaded_off_the_ui_thread(qtbot, tmp_path):
    from editor_app.core.tickers import default_directory

    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    article = store.create(title="Ford", body="Ford (NYSE: F) said on Tuesday it would cut costs.")
    threads: list[str] = []

    def loader():
        threads.append(threading.current_thread().name)
        return default_directory()

    pane = TickerPane(TickerTagStore(store), lambda: store.get(article.id).body, directory_loader=loader)
    qtbot.addWidget(pane)
    assert threads == []  # nothing loaded while building the pane
    pane.show()
    pane.set_article(article.id)
    qtbot.waitUntil(lambda: pane.card("F", "XNYS") is not None, timeout=30000)
    assert threads == ["tickers"]
    pane.set_article(None)
    assert pane.suggestions == [] and not pane.search.isEnabled()
    pane.close()
    store.close()


def test_stocks_shortcut_shows_and_focuses_the_pane_and_a_second_press_goes_back(qtbot, make_window):
    """Issue 19: the first Ctrl+Shift+T hid the pane when it was a tab behind Claims."""
    window = make_window()
    toggle = window.ticker_dock.toggleViewAction()
    assert toggle in window.view_menu.actions()
    assert "Ctrl+Shift+T" in toggle.text()  # the menu shows the key
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    # behind Claims in one tab group: the key brings Stocks to the front and focuses it
    window.claims_dock.show()
    window.ticker_dock.show()
    window.claims_dock.raise_()
    qtbot.waitUntil(lambda: window.claims_dock.in_front and not window.ticker_dock.in_front, timeout=30000)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_T, ctrl_shift)
    qtbot.waitUntil(lambda: window.ticker_dock.in_front and window.ticker_dock.built, timeout=30000)
    assert window.ticker_dock.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, ctrl_shift)  # again: back where I was
    qtbot.waitUntil(lambda: window.claims_dock.in_front and not window.ticker_dock.in_front, timeout=30000)
    assert QApplication.focusWidget() is window.editor
    assert toggle.isChecked()  # still one tab away, not closed
    # hidden: the key shows it; again, it is hidden as it was
    window.ticker_dock.hide()
    qtbot.keyClick(window.editor, Qt.Key.Key_T, ctrl_shift)
    qtbot.waitUntil(window.ticker_dock.isVisible, timeout=30000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, ctrl_shift)
    qtbot.waitUntil(window.ticker_dock.isHidden, timeout=30000)
    window.close()
    again = make_window()
    assert again.ticker_dock.isHidden() and not again.ticker_dock.built
    again.ticker_dock.toggleViewAction().trigger()  # shown in front, even when tabbed with other docks
    qtbot.waitUntil(lambda: again.ticker_dock.built and again.ticker_dock.isVisible(), timeout=30000)
    assert again.ticker_dock.widget().article_id == again.article.id


def test_after_accepting_every_suggestion_the_pane_says_they_are_all_tagged(qtbot, make_window):
    """Issue 19: it said "No listed companies found in the text" after the last accept."""
    window = make_window()
    pane = _pane(qtbot, window)
    fresh_article(qtbot, window, "Ford said on Tuesday it would cut prices.")
    qtbot.waitUntil(lambda: pane.card("F", "XNYS") is not None, timeout=30000)
    _wait_scanned(qtbot, pane)
    while pane.suggestions:
        qtbot.mouseClick(pane.card(*pane.suggestions[0].key).about_button, LEFT)
    assert pane.no_suggestions.isVisible()
    assert pane.no_suggestions.text() == "The company found in the text is tagged or dismissed."
