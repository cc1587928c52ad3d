"""Wires the Stocks dock (ticker tags) into the window: the pane, its menu entry, the library's
stock filter, and the text the suggestions are computed from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor_app.core.article import Article
from editor_app.core.changes import Changes
from editor_app.store.tickers import TickerTagStore
from editor_app.ui.common.docks import LazyDock

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.stocks.pane import TickerPane


class StocksController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tags = TickerTagStore(window.store)
        window.ticker_tags = self.tags
        self.dock = LazyDock("Stocks", "tickerDock", self._build_pane, window)
        window.ticker_dock = self.dock
        window.panels.add("stocks", self.dock, "&Stocks", "Ctrl+Shift+T", "Show or hide the stock tags")
        window.header.edited.connect(lambda name: name in ("title", "dek") and self.text_changed())
        window.editor.textChanged.connect(self.text_changed)
        window.article_loaded.connect(self.article_loaded)
        window.library.ticker_filter_changed.connect(self.apply_library_filter)
        window.changes.changed.connect(self._on_store_changed)
        self.refresh_library()

    def _build_pane(self) -> TickerPane:
        from editor_app.ui.stocks.pane import TickerPane

        pane = TickerPane(self.tags, self.source_text, date_source=self.story_date)
        pane.show_articles_requested.connect(self.show_articles_with_stock)
        article = self.window.article
        pane.set_article(article.id if article is not None else None)
        return pane

    def story_date(self):
        """The story's date for point-in-time tags: when it was published, else when it was
        started (a draft is judged as of today's listings when it was started today)."""
        article = self.window.article
        if article is None:
            return None
        return (article.published_at or article.created_at).date()

    def pane(self) -> TickerPane | None:
        return self.dock.widget() if self.dock.built else None  # type: ignore[return-value]

    def _on_store_changed(self, changes: Changes) -> None:
        """Tags written anywhere (this pane, an import, the trash, a restore): the library's
        stock filter follows; a replaced store reloads the pane too."""
        if changes.everything:
            self.refresh()
        elif changes.tags or changes.library:
            self.refresh_library()

    def article_loaded(self, article: Article | None) -> None:
        pane = self.pane()
        if pane is not None:
            pane.set_article(article.id if article is not None else None)

    def source_text(self) -> str:
        """What the suggestions scan: headline and dek (as front matter) and the body."""
        w = self.window
        title = " ".join(w.header.value("title").split())
        dek = " ".join(w.header.value("dek").split())
        return f"---\ntitle: {title}\ndek: {dek}\n---\n{w.editor.toPlainText()}"

    def text_changed(self) -> None:
        pane = self.pane()
        if pane is not None:
            pane.text_changed()

    def refresh(self) -> None:
        """The pane and the library filter read again (the store was replaced)."""
        pane = self.pane()
        if pane is not None:
            pane.refresh()
        self.refresh_library()

    def refresh_library(self) -> None:
        self.window.library.set_ticker_choices(self.tags.tag_counts())
        self.apply_library_filter(self.window.library.ticker_filter_key())

    def apply_library_filter(self, key: tuple[str, str] | None) -> None:
        self.window.library.set_allowed_ids(self.tags.article_ids_with(*key) if key else None)

    def show_articles_with_stock(self, symbol: str, mic: str, label: str) -> None:
        self.window.actions_["toggle_library"].setChecked(True)
        self.window.library.set_ticker_filter(symbol, mic, label)
