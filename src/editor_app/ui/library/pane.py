"""The library: every article in a sortable table (headline, status, byline, updated, stocks,
claims, open comments), filtered by headline, status, stock, byline and date, or searched in
full text (FTS5: headline, summary and body, best match first, with the matching words shown).

The model holds only the ordered list of matching ids (LibraryIndex.ids: one SQL query) and
fetches the rows it is asked to show, a page of 100 at a time, so 100,000 articles scroll
smoothly. Sorting and filtering are done by the query, never by a proxy over all rows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article import ArticleStatus
from editor_app.store.library_query import LibraryIndex, LibraryQuery, updated_since
from editor_app.store.store import Store
from editor_app.ui.library.columns import LibraryColumns
from editor_app.ui.library.table_model import (
    COL,
    COLUMNS,
    IdRole,
    LibraryTableModel,
    _status_icon,
)
from editor_app.ui.library.table_view import HeadlineDelegate, LibraryTableView

DATE_RANGES = (("Any time", None), ("Last 24 hours", 1.0), ("Last 7 days", 7.0), ("Last 30 days", 30.0))
SMALL_STORE = 20_000  # below this, headline filtering runs on every keystroke

FILTER_HINT = "Filter headlines · Enter: full text"


ArticleListModel = LibraryTableModel  # the former name (benchmarks wrap its methods)


class LibraryPane(LibraryColumns, QWidget):
    """Emits `article_activated(id)` when the writer picks an article."""

    article_activated = Signal(int)
    ticker_filter_changed = Signal(object)  # (symbol, mic) or None for all articles
    search_hit_activated = Signal(int, str)  # article id, the search text (for highlighting)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.store: Store | None = None
        self.model = LibraryTableModel(self)
        self.proxy = self.model  # the former filter proxy: filtering and sorting are in the query now
        self._total = 0
        self._silent = False
        self._state_restored = False
        self._kept_id: int | None = None

        # search / headline filter
        self.filter = QLineEdit(objectName="libraryFilter")
        self.filter.setPlaceholderText(FILTER_HINT)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_text_changed)
        self.filter.returnPressed.connect(self._on_return)
        self.filter.installEventFilter(self)
        self.search_toggle = QToolButton(objectName="librarySearchToggle", text="Text")
        self.search_toggle.setCheckable(True)
        self.search_toggle.setToolTip(
            "Search headline, summary and body (full text, best match first) instead of filtering headlines"
        )
        self.search_toggle.toggled.connect(self._on_search_toggled)
        self.search_toggle.setStyleSheet(
            "QToolButton { padding: 2px 7px; border: 1px solid palette(mid); border-radius: 3px; }"
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border-color: palette(highlight); }"
        )

        # status, date, byline, stock
        self.status_button = QToolButton(objectName="libraryStatusFilter", text="Status")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        self.status_actions: dict[ArticleStatus, QAction] = {}
        for status in ArticleStatus:
            act = self.status_menu.addAction(_status_icon(status), status.label)
            act.setCheckable(True)
            act.toggled.connect(self._on_status_filter)
            self.status_actions[status] = act
        self.status_menu.addSeparator()
        self.status_menu.addAction("Any status", self.clear_status_filter)
        self.status_button.setMenu(self.status_menu)
        self.status_button.setToolTip("Show only articles with these statuses")
        # the menu arrow beside the label, not drawn over its last letter (Fusion's default)
        self.status_button.setStyleSheet(
            "QToolButton#libraryStatusFilter { padding: 2px 16px 2px 6px; }"
            "QToolButton#libraryStatusFilter::menu-indicator"
            " { subcontrol-origin: padding; subcontrol-position: center right; right: 4px; }"
        )
        self.date_filter = QComboBox(objectName="libraryDateFilter")
        for label, days in DATE_RANGES:
            self.date_filter.addItem(label, days)
        self.date_filter.setToolTip("Show only articles updated in this period")
        self.date_filter.currentIndexChanged.connect(self._apply_filters)
        self.byline_filter = QLineEdit(objectName="libraryBylineFilter", placeholderText="Byline")
        self.byline_filter.setClearButtonEnabled(True)
        self.byline_filter.setToolTip("Show only articles whose byline contains this")
        self.byline_filter.textChanged.connect(lambda _t: self._text_timer.start())
        self.ticker_filter = QComboBox(objectName="libraryTickerFilter")
        self.ticker_filter.setToolTip("Show only the articles tagged with a stock")
        self.ticker_filter.addItem("All stocks", None)
        self.ticker_filter.currentIndexChanged.connect(self._on_ticker_filter)
        self.ticker_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ticker_filter.setMinimumContentsLength(8)
        self.date_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.date_filter.setMinimumContentsLength(6)

        # the table
        self.view = LibraryTableView(objectName="libraryList")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COL["headline"], HeadlineDelegate(self))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        vh = self.view.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() * 2 + 14)
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionsMovable(True)
        hh.setStretchLastSection(False)
        hh.setMinimumSectionSize(36)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(COL["headline"], QHeaderView.ResizeMode.Stretch)
        fm = hh.fontMetrics()
        for key, sample in (
            ("status", "● Needs work"),
            ("byline", "Maria Costa-Lopez"),
            ("updated", "28 Nov"),
            ("stocks", "NVDA, 1810"),
            ("claims", "2 · 1 denied"),
            ("comments", "99"),
            ("words", "1,234 / 1,500"),
        ):
            hh.resizeSection(COL[key], fm.horizontalAdvance(sample) + 22)
        for i, (_key, _label, _sort, visible) in enumerate(COLUMNS):
            self.view.setColumnHidden(i, not visible)
        hh.setSortIndicator(COL["updated"], Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)
        hh.sectionResized.connect(lambda *_a: self._save_timer.start())
        hh.sectionMoved.connect(lambda *_a: self._save_timer.start())
        hh.sortIndicatorChanged.connect(self._on_sort_clicked)

        self.count_label = QLabel(objectName="libraryCount")
        self.count_label.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(QLabel("<b>Library</b>"))
        row1 = QHBoxLayout()
        row1.setSpacing(4)
        row1.addWidget(self.filter, 1)
        row1.addWidget(self.search_toggle)
        layout.addLayout(row1)
        row2 = QHBoxLayout()
        row2.setSpacing(4)
        row2.addWidget(self.status_button)
        row2.addWidget(self.date_filter)
        row2.addWidget(self.byline_filter, 1)
        layout.addLayout(row2)
        layout.addWidget(self.ticker_filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self.view.selectionModel().currentChanged.connect(self._on_current)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._on_rows_added_or_removed)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.model.requery_wanted.connect(self.schedule_requery)

        self._text_timer = QTimer(self, singleShot=True, interval=150)  # typing in the filters
        self._text_timer.timeout.connect(self._apply_filters)
        self._requery_timer = QTimer(self, singleShot=True, interval=400)  # after saves
        self._requery_timer.timeout.connect(self._requery_keeping_place)
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(self.save_state)

    # -- store and queries ---------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.model.set_index(LibraryIndex(store) if store is not None else None)

    def reload(self, store: Store | None = None) -> None:
        """Run the query again (after imports, a restore, the trash): keeps the current article."""
        if store is not None and store is not self.store:
            self.set_store(store)
        self._restore_state()
        self._requery_timer.stop()
        current = self.current_id()
        self._refresh_total()
        self.model.refresh(drop_rows=True)
        if current is not None:
            self.select(current)

    def _refresh_total(self) -> None:
        index = self.model.index_
        self._total = index.count() if index is not None else self.model.rowCount()

    def schedule_requery(self) -> None:
        self._requery_timer.start(1000 if self.model.query.is_search else 400)

    def _requery_keeping_place(self) -> None:
        if self.model.index_ is None:
            return
        bar = self.view.verticalScrollBar()
        value = bar.value()
        current = self.current_id()
        self._refresh_total()
        self.model.refresh()
        if current is not None:
            self._select_quietly(current, scroll=False)
        bar.setValue(value)

    def _set_query(self, query: LibraryQuery, *, force: bool = False) -> None:
        if query == self.model.query and not force:
            return
        self._requery_timer.stop()
        current = self.current_id()
        self._refresh_total()
        self.model.set_query(query)
        self._update_count()
        if current is not None and self.model.row_of(current) >= 0:
            self._select_quietly(current, scroll=True)
        else:
            self.view.scrollToTop()

    def query(self) -> LibraryQuery:
        return self.model.query

    # -- filter bar ----------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        if self._total < SMALL_STORE and not self.search_toggle.isChecked():
            self._apply_filters()
        else:
            self._text_timer.start()

    def _on_return(self) -> None:
        if not self.search_toggle.isChecked() and self.filter.text().strip():
            self.search_toggle.setChecked(True)  # runs the search
        else:
            self._apply_filters(force=True)
        if self.model.rowCount():
            self.view.setFocus()
            if not self.view.currentIndex().isValid() or self.model.row_of(self.current_id() or -1) != 0:
                self.view.setCurrentIndex(self.model.index(0, 0))

    def _on_search_toggled(self, on: bool, *, force: bool = False) -> None:
        self.filter.setPlaceholderText("Search headline, summary and body" if on else FILTER_HINT)
        self._apply_filters(force=force)

    def set_search(self, text: str) -> None:
        """Full-text search (programmatic Enter): '' ends the search."""
        self.filter.blockSignals(True)
        self.filter.setText(text)
        self.filter.blockSignals(False)
        self.search_toggle.blockSignals(True)
        self.search_toggle.setChecked(bool(text.strip()))
        self.search_toggle.blockSignals(False)
        self._on_search_toggled(self.search_toggle.isChecked(), force=True)

    def _on_status_filter(self, _checked: bool) -> None:
        chosen = [s for s, a in self.status_actions.items() if a.isChecked()]
        self.status_button.setText(
            "Status" if not chosen else chosen[0].label if len(chosen) == 1 else f"Status ({len(chosen)})"
        )
        self._apply_filters()

    def clear_status_filter(self) -> None:
        for act in self.status_actions.values():
            act.blockSignals(True)
            act.setChecked(False)
            act.blockSignals(False)
        self._on_status_filter(False)

    def set_status_filter(self, statuses: set[ArticleStatus] | None) -> None:
        for status, act in self.status_actions.items():
            act.blockSignals(True)
            act.setChecked(bool(statuses) and status in statuses)
            act.blockSignals(False)
        self._on_status_filter(False)

    def _apply_filters(self, *_args: object, force: bool = False) -> None:
        """Build the query from the filter bar and run it (`force`: even when unchanged, e.g.
        Enter in the search box runs the search again over what was saved since)."""
        self._text_timer.stop()
        text = self.filter.text().strip()
        searching = self.search_toggle.isChecked() and bool(text)
        q = self.model.query
        days = self.date_filter.currentData()
        sort, descending = q.sort, q.descending
        if searching and not q.is_search:
            sort, descending = "rank", True  # a new search: best match first
        elif not searching and q.is_search and sort == "rank":
            sort, descending = "updated", True
        new = replace(
            q,
            text="" if searching else text,
            search=text if searching else "",
            statuses=frozenset(s for s, a in self.status_actions.items() if a.isChecked()),
            byline=self.byline_filter.text().strip(),
            updated_from=updated_since(days) if days else None,
            updated_to=None,
            ticker=self.ticker_filter_key(),
            sort=sort,
            descending=descending,
        )
        self._set_query(new, force=force)
        self._sync_sort_indicator()

    def _sync_sort_indicator(self) -> None:
        hh = self.view.horizontalHeader()
        q = self.model.query
        hh.blockSignals(True)
        if q.effective_sort == "rank":
            hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # best match first: no column
        else:
            col = next(i for i, c in enumerate(COLUMNS) if c[2] == q.effective_sort)
            hh.setSortIndicator(col, Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder)
        hh.blockSignals(False)
        hh.viewport().update()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.view.setFocus()
                if not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.model.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and (self.filter.text() or self.search_toggle.isChecked()):
                self.filter.clear()
                self.search_toggle.setChecked(False)
                return True
        return super().eventFilter(obj, event)

    # -- counts --------------------------------------------------------------------------

    def _update_count(self, *_args: object) -> None:
        n = self.model.rowCount()
        q = self.model.query
        total = max(self._total, n)
        if q.is_search:
            text = f"{n:,} match{'es' if n != 1 else ''} of {total:,} article{'s' if total != 1 else ''}"
        elif q.filtered or self.model.allowed_ids is not None:
            text = f"{n:,} of {total:,} article{'s' if total != 1 else ''}"
            if q.ticker is not None:
                text += f" tagged {self.ticker_filter.currentText().split(' (')[0].split(' · ')[0]}"
        else:
            text = f"{n:,} article{'s' if n != 1 else ''}"
        self.count_label.setText(text)

    # -- window updates ------------------------------------------------------------------

    def _before_reset(self) -> None:
        self._kept_id = self.current_id()

    def _after_reset(self) -> None:
        """The query ran again: the same article stays current (quietly), wherever it is now."""
        kept, self._kept_id = self._kept_id, None
        if kept is not None and self.model.row_of(kept) >= 0:
            self._select_quietly(kept, scroll=False)
        self._update_count()

    def _on_sort_clicked(self, *_args: object) -> None:
        self._save_timer.start()
        current = self.current_id()
        if current is not None:
            QTimer.singleShot(0, self, lambda: self._select_quietly(current, scroll=True))

    def _on_rows_added_or_removed(self, *_args: object) -> None:
        self._refresh_total()  # an article was created, deleted or restored
        self._update_count()

    # -- ticker filter -------------------------------------------------------------------

    def set_ticker_choices(self, counts: list[tuple[str, str, str, int]]) -> None:
        """Fill the stock filter from (symbol, mic, name, articles); keeps the current choice."""
        current = self.ticker_filter.currentData()
        self.ticker_filter.blockSignals(True)
        try:
            self.ticker_filter.clear()
            self.ticker_filter.addItem("All stocks", None)
            for symbol, mic, name, count in counts:
                label = f"{symbol} · {name} ({count})" if name else f"{symbol} ({count})"
                self.ticker_filter.addItem(label, (symbol, mic))
                tip = f"{name or symbol} — {mic or 'unlisted'}"
                self.ticker_filter.setItemData(self.ticker_filter.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            i = self.ticker_filter.findData(current) if current is not None else 0
            self.ticker_filter.setCurrentIndex(max(0, i))
        finally:
            self.ticker_filter.blockSignals(False)
        if current is not None and self.ticker_filter.currentData() is None:
            self._on_ticker_filter()  # the stock is no longer tagged anywhere: show all again

    def set_ticker_filter(self, symbol: str | None, mic: str = "", label: str = "") -> None:
        """Select a stock in the filter (None: all stocks); emits `ticker_filter_changed`."""
        key = (symbol, mic) if symbol is not None else None
        i = self.ticker_filter.findData(key) if key is not None else 0
        if i < 0:
            self.ticker_filter.addItem(label or symbol or "", key)
            i = self.ticker_filter.count() - 1
        if i == self.ticker_filter.currentIndex():
            self._on_ticker_filter()
        else:
            self.ticker_filter.setCurrentIndex(i)

    def ticker_filter_key(self) -> tuple[str, str] | None:
        data = self.ticker_filter.currentData()
        return tuple(data) if data is not None else None  # type: ignore[return-value]

    def set_allowed_ids(self, ids: set[int] | None) -> None:
        """Show only these articles (None: all); the other filters still apply. The stock filter
        itself is part of the query; the window passes the ids it tagged here as well."""
        allowed = frozenset(ids) if ids is not None else None
        if allowed is None and self.model.allowed_ids is None and self.model.query.ticker == self.ticker_filter_key():
            self._update_count()
            return
        self.model.allowed_ids = allowed
        current = self.current_id()
        self.model.refresh()
        self._update_count()
        if current is not None:
            self.select(current)

    def _on_ticker_filter(self, *_args: object) -> None:
        if self.ticker_filter_key() is None:
            self.model.allowed_ids = None
        self._apply_filters()
        self._update_count()
        self.ticker_filter_changed.emit(self.ticker_filter_key())

    # -- selection -----------------------------------------------------------------------

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._silent or not current.isValid():
            return
        if previous.isValid() and previous.row() == current.row():
            return  # only the column changed
        aid = int(current.data(IdRole))
        self.article_activated.emit(aid)
        q = self.model.query
        if q.is_search:
            self.search_hit_activated.emit(aid, q.search)
            self._highlight_in_editor(aid, q.search)

    def _highlight_in_editor(self, article_id: int, search: str) -> None:
        """Select the first match of the search in the window's editor (when it shows the
        article): a quoted phrase, else the first word found (a trailing * matches a prefix)."""
        window = self.window()
        editor = getattr(window, "editor", None)
        article = getattr(window, "article", None)
        if editor is None or getattr(article, "id", None) != article_id:
            return
        patterns = [
            r"\s+".join(re.escape(w) for w in phrase.split())
            for phrase in re.findall(r'"([^"]+)"', search)
            if phrase.split()
        ]
        for m in re.finditer(r"(\w[\w'’-]*)(\*?)", search.replace('"', " ")):
            if m.group(1) not in ("OR", "NOT", "AND"):
                patterns.append(re.escape(m.group(1)) + ("" if m.group(2) else r"\b"))
        options = (
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.UseUnicodePropertiesOption
        )
        doc = editor.document()
        for pattern in patterns:
            cursor = doc.find(QRegularExpression(r"\b" + pattern, options))
            if not cursor.isNull():
                editor.setTextCursor(cursor)
                editor.ensureCursorVisible()
                return

    def _select_quietly(self, article_id: int, *, scroll: bool) -> None:
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self._silent = True
        try:
            self.view.setCurrentIndex(index)
            if scroll:
                self.view.scrollTo(index)
        finally:
            self._silent = False

    def select(self, article_id: int) -> None:
        """Highlight an article without emitting `article_activated`."""
        self._select_quietly(article_id, scroll=True)

    def current_id(self) -> int | None:
        idx = self.view.currentIndex()
        return int(idx.data(IdRole)) if idx.isValid() else None

    # -- columns -------------------------------------------------------------------------
