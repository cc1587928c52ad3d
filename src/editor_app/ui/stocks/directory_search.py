"""The Stocks pane's directory search: type a name or a code, see the listings as you type
(searched on the pane's worker), add one as a tag, or add a code the directory lacks as an
explicit unlisted tag. A mixin of `TickerPane`."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QMessageBox,
    QTreeWidgetItem,
)

from editor_app.core.tickers.directory import Listing
from editor_app.core.tickers.notation import parse, render
from editor_app.core.tickers.tags import TickerTag


class DirectorySearch:
    def _on_search_text(self, text: str) -> None:
        query = text.strip()
        self.search_box.setVisible(bool(query))
        self._search_generation += 1
        if not query:
            self._search_timer.stop()
            self.results.clear()
            self._search_results = []
            return
        self._set_search_status("Searching…" if self._worker.loaded else "Loading the symbol directory…")
        self._search_timer.start()
        self._update_search_buttons()

    def _set_search_status(self, text: str) -> None:
        self.search_status.setText(text)
        self.search_status.setVisible(bool(text))

    def _dispatch_search(self) -> None:
        query = self.search.text().strip()
        if query:
            self._worker.submit("search", self._search_generation, query)

    def _on_searched(self, generation: int, query: str, results: object) -> None:
        if generation != self._search_generation or query != self.search.text().strip():
            return
        if isinstance(results, str):
            self._search_results = []
            self._set_search_status(f"Search failed: {results}")
        else:
            self._search_results = list(results)  # type: ignore[arg-type]
            self._set_search_status(
                ""
                if self._search_results
                else f"No listing matches “{query}”. Check the spelling, or add it as unlisted if you are sure."
            )
        self.results.clear()
        for li in self._search_results:
            item = QTreeWidgetItem([li.symbol, li.exchange_name, li.company])
            item.setData(0, Qt.ItemDataRole.UserRole, li)
            bold = item.font(0)
            bold.setBold(True)
            item.setFont(0, bold)
            tip = f"{li.company} — {render(li, 'exchange')}\n{li.exchange.name}, {li.country} · {li.currency}"
            if li.primary:
                tip += "\nPrimary listing"
            for col in range(3):
                item.setToolTip(col, tip)
            self.results.addTopLevelItem(item)
        self.results.setVisible(bool(self._search_results))
        self._refresh_search_marks()
        if self._search_results:
            self.results.setCurrentItem(self.results.topLevelItem(0))
        self._update_search_buttons()

    def _refresh_search_marks(self) -> None:
        tagged = {t.key for t in self._tags}
        for i in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(i)
            li: Listing = item.data(0, Qt.ItemDataRole.UserRole)
            is_tagged = (li.symbol, li.mic) in tagged
            item.setIcon(
                0,
                qta.icon("fa6s.check")
                if is_tagged
                else qta.icon("fa6s.chart-line")
                if li.primary
                else qta.icon("fa6s.circle", scale_factor=0.3),
            )
            item.setDisabled(is_tagged)
        self._update_search_buttons()

    def _current_result(self) -> Listing | None:
        item = self.results.currentItem()
        if item is None and self.results.topLevelItemCount():
            item = self.results.topLevelItem(0)
        if item is None or item.isDisabled():
            return None
        return item.data(0, Qt.ItemDataRole.UserRole)

    def _update_search_buttons(self) -> None:
        has_query = bool(self.search.text().strip())
        self.add_button.setEnabled(self.article_id is not None and self._current_result() is not None)
        self.unlisted_button.setEnabled(self.article_id is not None and has_query)

    def add_search_result(self) -> None:
        listing = self._current_result()
        if listing is None or self.article_id is None:
            return
        self.add_listing(listing)
        self.search.clear()

    def add_unlisted(self) -> None:
        """Tag a symbol the directory does not list: only after an explicit warning."""
        if self.article_id is None:
            return
        query = self.search.text().strip()
        parsed = parse(query)
        if parsed is None:
            QMessageBox.warning(
                self,
                "Not a ticker symbol",
                f"“{query}” does not look like a ticker symbol. Type the symbol, for example ACME or LSE: ACME.",
            )
            return
        tag = TickerTag.unlisted_tag(parsed.symbol, parsed.mic or "")
        known = [li for li in self._search_results if li.symbol == tag.symbol and (not tag.mic or li.mic == tag.mic)]
        if known:
            li = known[0]
            detail = (
                f"The directory lists {tag.symbol} as {li.company} on {li.exchange_name}. Adding the "
                f"listing from the results is usually what you want."
            )
        else:
            detail = f"{tag.notation} is not in the symbol directory."
        answer = QMessageBox.warning(
            self,
            "Add an unlisted stock?",
            f"{detail}\n\nAn unlisted tag is published exactly as typed (“{tag.notation}”), is not "
            "checked against any exchange and links to no stock page. Add it anyway?",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        aid = self.article_id
        if self._write(lambda: self.store.add(aid, tag)):
            self.search.clear()
