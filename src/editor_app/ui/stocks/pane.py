"""The "Stocks" pane: confirmed ticker tags, suggestions from the text, and a directory search.

Everything that touches the symbol directory (loading it, scanning the article, searching)
runs on one background thread; the UI thread only reads the text when the debounce expires
and shows results. Results carry the article id and a generation number, so a slow scan of
an older text (or of another article) is dropped instead of shown.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.tickers.directory import Listing, SymbolDirectory, default_directory
from editor_app.core.tickers.tags import ROLE_LABELS, ROLES, TickerTag, related_stocks_line
from editor_app.store.errors import StoreError
from editor_app.store.tickers import TickerTagStore
from editor_app.ui.stocks.cards import SuggestionCard, muted, section_header, tool_button
from editor_app.ui.stocks.directory_search import DirectorySearch
from editor_app.ui.stocks.tag_table import RoleDelegate, TagTable, TagTableModel
from editor_app.ui.stocks.worker import MAX_SCAN_CHARS, SuggestionItem, TickerWorker, WorkerBridge

DEBOUNCE_MS = 800
SEARCH_DEBOUNCE_MS = 150
Index = QModelIndex | QPersistentModelIndex


STYLE = """
#suggestionCard { border-bottom: 1px solid palette(midlight); }
#roleChip { border-radius: 7px; padding: 0px 7px; border: 1px solid palette(mid); }
#roleChip[role="about"] { background: palette(highlight); color: palette(highlighted-text);
                          border-color: palette(highlight); }
QToolButton[guess="true"] { font-weight: bold; }
#relatedStocksLine { border: 1px solid palette(mid); border-radius: 4px; padding: 6px 8px;
                     background: palette(alternate-base); }
"""


class TickerPane(DirectorySearch, QWidget):
    """Tags of the current article. The owner calls `set_article(id | None)` when another
    article is shown and `text_changed()` after edits; `text_source()` returns the text to scan.

    Emits `tags_changed(article_id)` after every tag write and `show_articles_requested(symbol,
    mic, label)` from a tag's context menu."""

    tags_changed = Signal(int)
    show_articles_requested = Signal(str, str, str)

    def __init__(
        self,
        tags: TickerTagStore,
        text_source: Callable[[], str],
        parent: QWidget | None = None,
        *,
        directory_loader: Callable[[], SymbolDirectory] = default_directory,
        debounce_ms: int = DEBOUNCE_MS,
        date_source: Callable[[], dt.date | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tickerPane")
        self.store = tags
        self._source = text_source
        self._date = date_source  # the story's date: listings are judged as they were then
        self.article_id: int | None = None
        self.generation = 0
        self._search_generation = 0
        self._dirty = False
        self._scanning = False
        self._scanned_chars = 0
        self._tags: list[TickerTag] = []
        self._dismissed: set[tuple[str, str]] = set()
        self._suggestions: list[SuggestionItem] = []
        self._search_results: list[Listing] = []
        self.cards: dict[tuple[str, str], SuggestionCard] = {}

        self._bridge = WorkerBridge()
        self._bridge.suggested.connect(self._on_suggested)
        self._bridge.searched.connect(self._on_searched)
        self._bridge.ready.connect(self._on_directory_ready)
        self._worker = TickerWorker(directory_loader, self._bridge)
        stop = self._worker.stop
        self.destroyed.connect(lambda *_: stop())

        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._dispatch)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._dispatch_search)

        self._build()
        self.setStyleSheet(STYLE)
        self._set_enabled(False)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        # search
        self.search = QLineEdit(objectName="tickerSearch", placeholderText="Add a stock: symbol or company…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(qta.icon("fa6s.magnifying-glass"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setToolTip(
            "Type a symbol (F, 1810.HK, NYSE: F) or a company name; Enter adds the highlighted listing"
        )
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(self.add_search_result)
        self.search.installEventFilter(self)
        self.results = QTreeWidget(objectName="tickerSearchResults")
        self.results.setColumnCount(3)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAlternatingRowColors(True)
        self.results.setMaximumHeight(170)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.results.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.results.header().setStretchLastSection(True)
        self.results.itemActivated.connect(lambda *_: self.add_search_result())
        self.results.currentItemChanged.connect(lambda *_: self._update_search_buttons())
        self.search_status = muted(QLabel(objectName="tickerSearchStatus"))
        self.search_status.setWordWrap(True)
        self.add_button = QPushButton(qta.icon("fa6s.plus"), "Add", objectName="tickerAddButton")
        self.add_button.setToolTip("Tag the article with the highlighted listing (Enter)")
        self.add_button.clicked.connect(self.add_search_result)
        self.unlisted_button = QPushButton(
            qta.icon("fa6s.triangle-exclamation"), "Add as unlisted…", objectName="tickerAddUnlistedButton"
        )
        self.unlisted_button.setToolTip("Tag a symbol the directory does not know (asks first)")
        self.unlisted_button.clicked.connect(self.add_unlisted)
        self.search_box = QWidget(objectName="tickerSearchBox")
        sb = QVBoxLayout(self.search_box)
        sb.setContentsMargins(0, 0, 0, 0)
        sb.setSpacing(4)
        sb.addWidget(self.results)
        sb.addWidget(self.search_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlisted_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        sb.addLayout(buttons)
        self.search_box.hide()

        # confirmed tags
        self.tag_count = muted(QLabel(objectName="tagCount"))
        self.up_button = tool_button("fa6s.arrow-up", "tagUpButton", "Move up (Alt+Up)")
        self.down_button = tool_button("fa6s.arrow-down", "tagDownButton", "Move down (Alt+Down)")
        self.remove_button = tool_button("fa6s.trash-can", "tagRemoveButton", "Remove the tag (Delete)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.tag_model = TagTableModel(self)
        self.tag_model.move_requested.connect(
            lambda tag_id, pos: QTimer.singleShot(0, lambda: self.move_tag(tag_id, pos))
        )
        self.tag_model.role_requested.connect(self.set_role)
        self.table = TagTable(objectName="tickerTagTable")
        self.table.setModel(self.tag_model)
        self.table.setItemDelegateForColumn(TagTableModel.ROLE, RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        head = self.table.horizontalHeader()
        head.setHighlightSections(False)
        head.setSectionResizeMode(TagTableModel.SYMBOL, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(TagTableModel.EXCHANGE, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(TagTableModel.COMPANY, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(TagTableModel.ROLE, QHeaderView.ResizeMode.Fixed)
        head.resizeSection(TagTableModel.ROLE, 108)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._tag_menu)
        self.table.remove_pressed.connect(self.remove_selected)
        self.table.move_pressed.connect(self.move_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_tag_buttons())
        self.related = QLabel(objectName="relatedStocksLine")
        self.related.setWordWrap(True)
        self.related.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.related.setToolTip("The line as it will be published with the article")

        # suggestions
        self.suggestion_count = muted(QLabel(objectName="suggestionCount"))
        self.scan_status = muted(QLabel(objectName="scanStatus"))
        self.suggestion_list = QListWidget(objectName="tickerSuggestions")
        self.suggestion_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.suggestion_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestion_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.suggestion_list.setFrameShape(QFrame.Shape.StyledPanel)
        self.no_suggestions = muted(QLabel(objectName="noSuggestions"))
        self.no_suggestions.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_suggestions.setWordWrap(True)
        self.restore_dismissed = QToolButton(objectName="restoreDismissedButton", text="Show dismissed")
        self.restore_dismissed.setAutoRaise(True)
        self.restore_dismissed.setToolTip("Forget the dismissed suggestions of this article")
        self.restore_dismissed.clicked.connect(self.forget_dismissals)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.search_box)
        layout.addSpacing(4)
        layout.addLayout(section_header("Tagged", self.tag_count, self.up_button, self.down_button, self.remove_button))
        layout.addWidget(self.table)
        layout.addWidget(self.related)
        layout.addSpacing(6)
        layout.addLayout(section_header("Suggested", self.suggestion_count, self.scan_status, self.restore_dismissed))
        layout.addWidget(self.suggestion_list, 3)
        layout.addWidget(self.no_suggestions, 3)
        self.setMinimumWidth(300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._refresh_tags_view()
        self._show_suggestions()

    def sizeHint(self) -> QSize:
        return QSize(380, 600)

    # -- the owner's calls --------------------------------------------------------------

    def shutdown(self) -> None:
        """The window closes: end the directory thread and wait for it (at most 10 s; a
        directory load in progress finishes first)."""
        self._timer.stop()
        self._search_timer.stop()
        self._worker.stop(wait=10.0)

    def set_article(self, article_id: int | None) -> None:
        """Show another article's tags; its suggestions follow from a fresh scan."""
        if article_id == self.article_id and article_id is not None:
            return
        self.article_id = article_id
        self.generation += 1
        self._suggestions = []
        self._set_enabled(article_id is not None)
        self._reload_tags()
        self._show_suggestions()
        if article_id is not None:
            self._dirty = True
            self._timer.start(0)
        else:
            self._timer.stop()
            self._dirty = False

    def text_changed(self) -> None:
        """The text changed: scan again once typing pauses."""
        if self.article_id is None:
            return
        self._dirty = True
        self._timer.start()

    def refresh(self) -> None:
        """Re-read tags and dismissals (after another part of the app changed them)."""
        self._reload_tags()
        self._show_suggestions()

    @property
    def tags(self) -> list[TickerTag]:
        return list(self._tags)

    @property
    def suggestions(self) -> list[SuggestionItem]:
        """The suggestions on show (tagged and dismissed listings left out)."""
        covered = self._covered()
        return [s for s in self._suggestions if not (s.keys & covered)]

    @property
    def busy(self) -> bool:
        return self._scanning or self._timer.isActive()

    # -- scanning -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty and self.article_id is not None and not self._timer.isActive():
            self._timer.start(0)

    def _dispatch(self) -> None:
        if self.article_id is None:
            return
        if not self.isVisible():
            return  # stays dirty; scanned when the pane is shown
        self._dirty = False
        self.generation += 1
        self._scanning = True
        self._update_scan_status()
        text = self._source()
        self._scanned_chars = len(text)
        self._worker.submit("suggest", self.article_id, self.generation, text, self._date())

    def _on_suggested(self, article_id: int, generation: int, items: object) -> None:
        if article_id != self.article_id or generation != self.generation:
            return  # an older text or another article
        self._scanning = False
        self._update_scan_status()
        if isinstance(items, str):
            self._suggestions = []
            self.scan_status.setText("Suggestions unavailable")
            self.scan_status.setToolTip(items)
        else:
            self._suggestions = list(items)  # type: ignore[arg-type]
        self._show_suggestions()

    def _on_directory_ready(self) -> None:
        if self.search.text().strip():
            self._dispatch_search()

    def _update_scan_status(self) -> None:
        self.scan_status.setToolTip("")
        if self._scanning:
            self.scan_status.setText("Scanning…" if self._worker.loaded else "Loading directory…")
        elif self._scanned_chars > MAX_SCAN_CHARS:
            self.scan_status.setText(f"first {MAX_SCAN_CHARS:,} characters")
            self.scan_status.setToolTip("Long text: suggestions come from its beginning only")
        else:
            self.scan_status.setText("")

    def _covered(self) -> set[tuple[str, str]]:
        return {t.key for t in self._tags} | self._dismissed

    def _show_suggestions(self) -> None:
        shown = self.suggestions
        self.suggestion_list.clear()
        self.cards = {}
        for item in shown:
            card = SuggestionCard(item)
            card.accepted.connect(self.accept)
            card.dismissed.connect(self.dismiss)
            row = QListWidgetItem(self.suggestion_list)
            row.setSizeHint(card.sizeHint())
            row.setData(Qt.ItemDataRole.UserRole, item.key)
            self.suggestion_list.setItemWidget(row, card)
            self.cards[item.key] = card
        n = len(shown)
        self.suggestion_count.setText(str(n) if n else "")
        self.suggestion_list.setVisible(bool(n))
        self.no_suggestions.setVisible(not n)
        if self.article_id is None:
            self.no_suggestions.setText("No article open.")
        elif self._scanning or self._dirty:
            self.no_suggestions.setText("Looking for companies in the text…")
        elif self._suggestions:  # found, and every one is tagged or dismissed
            found = len({s.listing.issuer_id for s in self._suggestions})
            self.no_suggestions.setText(
                "The company found in the text is tagged or dismissed."
                if found == 1
                else f"All {found} companies found in the text are tagged or dismissed."
            )
        else:
            self.no_suggestions.setText(
                "No listed companies found in the text.\nNames, $cashtags and notations such as NYSE: F are recognised."
            )
        self.restore_dismissed.setVisible(bool(self._dismissed))
        self.restore_dismissed.setText(f"{len(self._dismissed)} dismissed")

    def card(self, symbol: str, mic: str) -> SuggestionCard | None:
        return self.cards.get((symbol, mic))

    # -- tag writes ---------------------------------------------------------------------

    def _write(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except StoreError as exc:
            QMessageBox.warning(self, "Tags not saved", str(exc))
            return False
        except KeyError:
            return False  # the article or tag went away meanwhile
        self._reload_tags()
        self._show_suggestions()
        if self.article_id is not None:
            self.tags_changed.emit(self.article_id)
        return True

    def accept(self, item: SuggestionItem, role: str) -> None:
        if self.article_id is not None:
            aid = self.article_id
            if item.in_directory:
                self._write(lambda: self.store.add(aid, item.listing, role=role))
            else:  # a code the story prints that the directory does not hold: an unlisted tag
                li = item.listing
                self._write(
                    lambda: self.store.add(
                        aid,
                        symbol=li.symbol,
                        mic=li.mic,
                        name=li.company,
                        exchange=li.exchange_name,
                        role=role,
                        unlisted=True,
                    )
                )

    def dismiss(self, item: SuggestionItem) -> None:
        if self.article_id is not None:
            aid = self.article_id
            self._write(lambda: self.store.dismiss(aid, *item.key))

    def forget_dismissals(self) -> None:
        if self.article_id is not None:
            aid = self.article_id
            self._write(lambda: self.store.undismiss(aid))

    def add_listing(self, listing: Listing, role: str = "mentions") -> None:
        if self.article_id is not None:
            aid = self.article_id
            self._write(lambda: self.store.add(aid, listing, role=role))

    def set_role(self, tag_id: int, role: str) -> None:
        self._write(lambda: self.store.set_role(tag_id, role))

    def move_tag(self, tag_id: int, position: int) -> None:
        if self._write(lambda: self.store.move(tag_id, position)):
            self._select_tag(tag_id)

    def remove_tag(self, tag_id: int) -> None:
        row = self._row_of(tag_id)
        if self._write(lambda: self.store.remove(tag_id)) and self._tags:
            self.table.selectRow(min(row, len(self._tags) - 1))

    def selected_tag(self) -> TickerTag | None:
        rows = self.table.selectionModel().selectedRows()
        return self._tags[rows[0].row()] if rows and rows[0].row() < len(self._tags) else None

    def move_selected(self, step: int) -> None:
        tag = self.selected_tag()
        if tag is not None and tag.id is not None:
            target = tag.position + step
            if 0 <= target < len(self._tags):
                self.move_tag(tag.id, target)

    def remove_selected(self) -> None:
        tag = self.selected_tag()
        if tag is not None and tag.id is not None:
            self.remove_tag(tag.id)

    def _row_of(self, tag_id: int) -> int:
        return next((i for i, t in enumerate(self._tags) if t.id == tag_id), -1)

    def _select_tag(self, tag_id: int) -> None:
        row = self._row_of(tag_id)
        if row >= 0:
            self.table.selectRow(row)

    def _reload_tags(self) -> None:
        if self.article_id is None:
            self._tags, self._dismissed = [], set()
        else:
            self._tags = self.store.list_tags(self.article_id)
            self._dismissed = self.store.dismissed(self.article_id)
        selected = self.selected_tag()
        self.tag_model.set_tags(self._tags)
        for row in range(len(self._tags)):
            self.table.openPersistentEditor(self.tag_model.index(row, TagTableModel.ROLE))
        if selected is not None and selected.id is not None:
            self._select_tag(selected.id)
        self._refresh_tags_view()
        self._refresh_search_marks()

    def _fit_table(self) -> None:
        """As tall as its rows (three at least, ten at most): the rest goes to the suggestions."""
        rows = max(3, min(10, len(self._tags)))
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
            + 2
        )
        self.table.setFixedHeight(height)

    def _refresh_tags_view(self) -> None:
        n = len(self._tags)
        self._fit_table()
        self.tag_count.setText(str(n) if n else "")
        line = related_stocks_line(self._tags)
        if line:
            self.related.setText(html.escape(line))
            self.related.setForegroundRole(QPalette.ColorRole.WindowText)
        else:
            self.related.setText("No stocks tagged yet. Accept a suggestion below or search above.")
            self.related.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._update_tag_buttons()

    def _update_tag_buttons(self) -> None:
        tag = self.selected_tag()
        self.remove_button.setEnabled(tag is not None)
        self.up_button.setEnabled(tag is not None and tag.position > 0)
        self.down_button.setEnabled(tag is not None and tag.position < len(self._tags) - 1)

    def _tag_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = self.tag_menu(self._tags[index.row()])
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def tag_menu(self, tag: TickerTag) -> QMenu:
        """The context menu of a confirmed tag (built fresh each time)."""
        menu = QMenu(self)
        show = menu.addAction(qta.icon("fa6s.list"), f"Show Articles with {tag.notation}")
        show.setObjectName("showArticlesWithStock")
        show.triggered.connect(
            lambda: self.show_articles_requested.emit(
                tag.symbol, tag.mic, f"{tag.symbol} · {tag.name}" if tag.name else tag.symbol
            )
        )
        menu.addSeparator()
        for role in ROLES:
            action = QAction(f"Role: {ROLE_LABELS[role]}", menu, checkable=True, checked=tag.role == role)
            action.triggered.connect(lambda _c=False, r=role: self.set_role(tag.id or 0, r))
            menu.addAction(action)
        menu.addSeparator()
        up = menu.addAction(qta.icon("fa6s.arrow-up"), "Move Up", lambda: self.move_tag(tag.id or 0, tag.position - 1))
        up.setEnabled(tag.position > 0)
        down = menu.addAction(
            qta.icon("fa6s.arrow-down"), "Move Down", lambda: self.move_tag(tag.id or 0, tag.position + 1)
        )
        down.setEnabled(tag.position < len(self._tags) - 1)
        menu.addAction(qta.icon("fa6s.trash-can"), "Remove Tag", lambda: self.remove_tag(tag.id or 0))
        return menu

    # -- search -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.topLevelItemCount():
                row = self.results.indexOfTopLevelItem(self.results.currentItem()) if self.results.currentItem() else -1
                row = max(0, min(self.results.topLevelItemCount() - 1, row + (1 if key == Qt.Key.Key_Down else -1)))
                self.results.setCurrentItem(self.results.topLevelItem(row))
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    # -- misc ---------------------------------------------------------------------------

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.table):
            widget.setEnabled(enabled)
        if not enabled:
            self.search.clear()
        self._update_search_buttons()
