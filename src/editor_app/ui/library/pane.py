"""The library: every article in a sortable table (headline, status, byline, updated, stocks,
claims, open comments), filtered by headline, status, stock, byline and date, or searched in
full text (FTS5: headline, summary and body, best match first, with the matching words shown).

The model holds only the ordered list of matching ids (LibraryIndex.ids: one SQL query) and
fetches the rows it is asked to show, a page of 100 at a time, so 100,000 articles scroll
smoothly. Sorting and filtering are done by the query, never by a proxy over all rows.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRegularExpression,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article import ArticleStatus, ArticleSummary
from editor_app.store.library_query import PAGE_SIZE, LibraryIndex, LibraryQuery, LibraryRow, updated_since
from editor_app.store.search import MARK_CLOSE, MARK_OPEN
from editor_app.store.store import Store
from editor_app.ui.common.theme import badge_icon, is_dark

IdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2  # the LibraryRow (fetched on demand)
SnippetRole = Qt.ItemDataRole.UserRole + 3  # search snippet with «…» markers, or ""
Index = QModelIndex | QPersistentModelIndex

# (key, header, sort column of LibraryQuery, visible by default)
COLUMNS = (
    ("headline", "Headline", "headline", True),
    ("status", "Status", "status", False),
    ("byline", "Byline", "byline", False),
    ("updated", "Updated", "updated", False),
    ("stocks", "Stocks", "stocks", False),
    ("claims", "Claims", "claims", False),
    ("comments", "Comments", "comments", True),
)
COL = {key: i for i, (key, *_rest) in enumerate(COLUMNS)}
DATE_RANGES = (("Any time", None), ("Last 24 hours", 1.0), ("Last 7 days", 7.0), ("Last 30 days", 30.0))
CACHE_ROWS = 6000  # rows kept in memory (60 pages)
SMALL_STORE = 20_000  # below this, headline filtering runs on every keystroke
SETTINGS_KEY = "library/header"
FILTER_HINT = "Filter headlines · Enter: full text"
_MARK_RE = re.compile(f"{MARK_OPEN}(.*?){MARK_CLOSE}", re.DOTALL)


def _when(dt: datetime) -> str:
    local = dt.astimezone()
    now = datetime.now().astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return local.strftime("%d %b").lstrip("0")
    return local.strftime("%d %b %Y").lstrip("0")


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """'a «b» c' -> [('a ', False), ('b', True), (' c', False)]: plain text, matches flagged."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARK_RE.finditer(snippet):
        if m.start() > pos:
            out.append((snippet[pos : m.start()], False))
        if m.group(1):
            out.append((m.group(1), True))
        pos = m.end()
    if pos < len(snippet):
        out.append((snippet[pos:], False))
    return [(" ".join(t.split("\n")), b) for t, b in out]


def snippet_html(snippet: str) -> str:
    """For tooltips: the text escaped first, then the matches wrapped in <b>."""
    return "".join(f"<b>{html.escape(t)}</b>" if bold else html.escape(t) for t, bold in snippet_segments(snippet))


def _status_icon(status: ArticleStatus) -> QIcon:
    """The status dot, in the one status palette (`ui.common.theme`), cached per theme."""
    dark = is_dark()
    cache = _status_icon.__dict__.setdefault("cache", {})
    if (status, dark) not in cache:
        cache[status, dark] = badge_icon(status, QGuiApplication.palette(), size=10)
    return cache[status, dark]


def _comment_icon() -> QIcon:
    """A small speech bubble for the Comments column header (narrow: no text)."""
    cache = _comment_icon.__dict__
    if "icon" not in cache:
        pm = QPixmap(14, 14)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor("#6b7280"))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(1, 1, 12, 9, 2.5, 2.5)
        p.drawLine(4, 10, 3, 13)
        p.drawLine(3, 13, 7, 10)
        p.end()
        cache["icon"] = QIcon(pm)
    return cache["icon"]


def _row_from_summary(s: ArticleSummary) -> LibraryRow:
    return LibraryRow(id=s.id, title=s.title, status=s.status, byline=s.byline, updated_at=s.updated_at, slug=s.slug)


class LibraryTableModel(QAbstractTableModel):
    """An ordered id list with rows fetched page by page from a LibraryIndex.

    Without an index (`reset(summaries)`), it shows the given summaries as they are."""

    fetched = Signal(int)  # page number, after a page of rows was read from the store
    requery_wanted = Signal()  # a save may have changed the order or what matches

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index_: LibraryIndex | None = None
        self.query = LibraryQuery()
        self.allowed_ids: frozenset[int] | None = None  # an extra filter (set_allowed_ids)
        self._ids: list[int] = []
        self._rows: OrderedDict[int, LibraryRow] = OrderedDict()
        self.pages_fetched = 0
        self.fetched_pages: list[int] = []  # page numbers in fetch order (tests, benchmarks)

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:
        return super().index(row, column, parent)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if key == "comments" else COLUMNS[section][1]
        if role == Qt.ItemDataRole.DecorationRole and key == "comments":
            return _comment_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "comments": "Open comment threads",
                "claims": "Claims, and how many are settled by status",
                "stocks": "Tagged stocks",
            }.get(key, COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
            SummaryRole,
            SnippetRole,
        ):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "comments":
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == SummaryRole:
            return row
        if role == SnippetRole:
            return row.snippet
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.DecorationRole:
            return _status_icon(row.status) if key == "status" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "claims" and any(s in ("denied", "disputed", "retracted") for s, _n in row.claim_statuses):
                return QColor("#c0392b")
            return None
        return self._tooltip(row, key)

    @staticmethod
    def _display(row: LibraryRow, key: str) -> str:
        if key == "headline":
            return row.display_title
        if key == "status":
            return row.status.label
        if key == "byline":
            return row.byline
        if key == "updated":
            return _when(row.updated_at)
        if key == "stocks":
            return row.tickers
        if key == "claims":
            return row.claims_label
        if key == "comments":
            return str(row.open_comments) if row.open_comments else ""
        return ""

    @staticmethod
    def _tooltip(row: LibraryRow, key: str) -> str:
        if key == "headline":
            meta = " · ".join(p for p in (row.status.label, row.byline or "no byline", f"/{row.slug}") if p)
            tip = f"<b>{html.escape(row.display_title)}</b><br>{html.escape(meta)}"
            if row.snippet:
                tip += f"<br><br>{snippet_html(row.snippet)}"
            return f"<qt>{tip}</qt>"
        if key == "updated":
            return row.updated_at.astimezone().strftime("%d %b %Y, %H:%M")
        if key == "claims" and row.claims:
            return "<qt>" + "<br>".join(html.escape(f"{n} {s}") for s, n in row.claim_statuses) + "</qt>"
        if key == "comments" and row.open_comments:
            return f"{row.open_comments} open comment thread{'s' if row.open_comments != 1 else ''}"
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        q = self.query.with_(sort=COLUMNS[column][2], descending=order == Qt.SortOrder.DescendingOrder)
        if q != self.query:
            self.set_query(q)

    # -- rows on demand -------------------------------------------------------------------

    def row_at(self, row: int) -> LibraryRow | None:
        aid = self._ids[row]
        found = self._rows.get(aid)
        if found is None and self.index_ is not None:
            self._fetch_page(row // PAGE_SIZE)
            found = self._rows.get(aid)
        return found

    def _fetch_page(self, page: int) -> None:
        assert self.index_ is not None
        wanted = [i for i in self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE] if i not in self._rows]
        if not wanted:
            return
        for r in self.index_.rows(wanted, self.query):
            self._rows[r.id] = r
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        self.pages_fetched += 1
        self.fetched_pages.append(page)
        self.fetched.emit(page)

    def cached(self, article_id: int) -> bool:
        return article_id in self._rows

    # -- queries --------------------------------------------------------------------------

    def set_index(self, index: LibraryIndex | None) -> None:
        self.index_ = index

    def _query_ids(self) -> list[int]:
        if self.index_ is None:
            return list(self._ids)
        ids = self.index_.ids(self.query)
        if self.allowed_ids is not None:
            allowed = self.allowed_ids
            ids = [i for i in ids if i in allowed]
        return ids

    def set_query(self, query: LibraryQuery) -> None:
        search_changed = query.search != self.query.search
        self.query = query
        self.refresh(drop_rows=search_changed)

    def refresh(self, drop_rows: bool = False) -> None:
        """Run the query again (rows are fetched again as they are shown)."""
        ids = self._query_ids()
        self.beginResetModel()
        self._ids = ids
        if drop_rows or self.query.is_search:
            self._rows.clear()
        self.endResetModel()

    def reset(self, rows: list[ArticleSummary] | None = None) -> None:
        """Re-run the query; or, given summaries (no store), show exactly these."""
        if rows is None:
            self.refresh(drop_rows=True)
            return
        self.beginResetModel()
        self._ids = [r.id for r in rows]
        self._rows = OrderedDict((r.id, _row_from_summary(r)) for r in rows)
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, article_id: int) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def invalidate(self, article_id: int) -> None:
        """Fetch this article's row again the next time it is shown."""
        self._rows.pop(article_id, None)
        row = self.row_of(article_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _newest_first(self) -> bool:
        return self.query.effective_sort == "updated" and self.query.descending

    def upsert(self, summary: ArticleSummary) -> None:
        """An article was saved or created: update its row now (cheap, no query over all
        articles). When the order or the set of matching articles may have changed, emits
        `requery_wanted` (the pane re-runs the query a moment later, once for a burst of saves)."""
        if self._upsert(summary):
            self.requery_wanted.emit()

    def _upsert(self, summary: ArticleSummary) -> bool:
        aid = summary.id
        row = self.row_of(aid)
        old = self._rows.get(aid)
        if self.index_ is None:
            self._rows[aid] = _row_from_summary(summary)
        else:
            self._rows.pop(aid, None)  # fetched again (with its counts) when next shown
        if row == -1:
            if self.index_ is not None and self.query.filtered and not self.index_.matches(aid, self.query):
                return False
            if self.allowed_ids is not None and aid not in self.allowed_ids:
                return False
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._ids.insert(0, aid)
            self.endInsertRows()
            return not self._newest_first()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        q = self.query
        if q.effective_sort == "updated" and not q.is_search:  # a save makes it the newest
            target = 0 if q.descending else len(self._ids) - 1
            if row != target:
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if target > row else 0))
                self._ids.insert(target, self._ids.pop(row))
                self.endMoveRows()
        if self.index_ is None:
            return False
        if q.is_search:
            return True  # the body may match or not any more
        # only a change of what the order or a filter looks at needs the query again
        changed = (
            {"title", "byline", "status"}
            if old is None
            else {
                name
                for name, before, after in (
                    ("title", old.title, summary.title),
                    ("byline", old.byline, summary.byline),
                    ("status", old.status, summary.status),
                )
                if before != after
            }
        )
        looks_at = {"headline": "title", "byline": "byline", "status": "status"}
        needs = {looks_at[q.effective_sort]} if q.effective_sort in looks_at else set()
        if q.text.strip():
            needs.add("title")
        if q.byline.strip():
            needs.add("byline")
        if q.statuses:
            needs.add("status")
        return bool(changed & needs)

    def remove(self, article_id: int) -> None:
        row = self.row_of(article_id)
        self._rows.pop(article_id, None)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()


ArticleListModel = LibraryTableModel  # the former name (benchmarks wrap its methods)


class HeadlineDelegate(QStyledItemDelegate):
    """Two lines: the headline in bold, then status · byline (· time when the Updated column is
    hidden), or, for a search, the matching passage with the matches in bold. Plain text only:
    the snippet is split at its «…» markers and painted segment by segment."""

    def __init__(self, pane: LibraryPane) -> None:
        super().__init__(pane.view)
        self.pane = pane

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: LibraryRow | None = index.data(SummaryRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if row is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(8, 5, -6, -5)
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        fm_bold = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(fg)
        line = fm_bold.height()
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_bold.elidedText(row.display_title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.92))
        bottom = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        if row.snippet:
            self._paint_segments(painter, bottom, snippet_segments(row.snippet), small, fg, muted)
        else:
            hidden = self.pane.view.isColumnHidden
            parts = [
                row.status.label if hidden(COL["status"]) else "",
                row.byline if hidden(COL["byline"]) else "",
                _when(row.updated_at) if hidden(COL["updated"]) else "",
                row.tickers if hidden(COL["stocks"]) else "",
            ]
            if not any(parts):
                parts = [f"/{row.slug}"]
            painter.setFont(small)
            painter.setPen(muted)
            fm = QFontMetrics(small)
            painter.drawText(
                bottom,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(" · ".join(p for p in parts if p), Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()

    @staticmethod
    def _paint_segments(
        painter: QPainter, rect: QRect, segments: list[tuple[str, bool]], font: QFont, strong: QColor, muted: QColor
    ) -> None:
        if len(segments) > 1 and not segments[0][1]:  # keep a few words of context before the match
            words = segments[0][0].split(" ")
            if len(words) > 4:
                segments = [("…" + " ".join(words[-4:]), False), *segments[1:]]
        bold = QFont(font)
        bold.setBold(True)
        x, right = rect.left(), rect.right()
        for text, is_match in segments:
            f = bold if is_match else font
            fm = QFontMetrics(f)
            room = right - x
            if room <= 0:
                break
            width = fm.horizontalAdvance(text)
            if width > room:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
                width = fm.horizontalAdvance(text)
            painter.setFont(f)
            painter.setPen(strong if is_match else muted)
            painter.drawText(
                QRect(x, rect.top(), width + 1, rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += width


class LibraryTableView(QTableView):
    """Moves like a list: Home and End go to the first and last article, not the first and last
    column."""

    def moveCursor(
        self,
        action: QAbstractItemView.CursorAction,
        modifiers: Qt.KeyboardModifier,
    ) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


class LibraryPane(QWidget):
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

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        for i, (key, label, _sort, _visible) in enumerate(COLUMNS):
            act = menu.addAction(label)
            act.setObjectName(f"libraryColumn_{key}")
            act.setCheckable(True)
            act.setChecked(not self.view.isColumnHidden(i))
            act.setEnabled(key != "headline")
            act.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        menu.addSeparator()
        menu.addAction("Reset columns", self.reset_columns)
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.view.setColumnHidden(column, not visible)
        if visible and self.view.columnWidth(column) < 30:
            self.view.setColumnWidth(column, 90)
        self.view.viewport().update()
        self._save_timer.start()

    def reset_columns(self) -> None:
        hh = self.view.horizontalHeader()
        for i, (_key, _label, _sort, visible) in enumerate(COLUMNS):
            hh.moveSection(hh.visualIndex(i), i)
            self.view.setColumnHidden(i, not visible)
        self._save_timer.start()

    def _settings(self) -> QSettings:
        settings = getattr(self.window(), "settings", None)
        return settings if isinstance(settings, QSettings) else QSettings()

    def save_state(self) -> None:
        s = self._settings()
        s.setValue(SETTINGS_KEY, self.view.horizontalHeader().saveState())
        s.setValue("library/hidden", [COLUMNS[i][0] for i in range(len(COLUMNS)) if self.view.isColumnHidden(i)])

    def _restore_state(self) -> None:
        if self._state_restored:
            return
        self._state_restored = True
        s = self._settings()
        hidden = s.value("library/hidden")
        state = s.value(SETTINGS_KEY)
        hh = self.view.horizontalHeader()
        if state is not None:
            hh.blockSignals(True)
            hh.restoreState(state)
            hh.setSectionResizeMode(COL["headline"], QHeaderView.ResizeMode.Stretch)
            hh.blockSignals(False)
        if hidden is not None:
            hidden = [hidden] if isinstance(hidden, str) else list(hidden)
            for i, (key, *_rest) in enumerate(COLUMNS):
                self.view.setColumnHidden(i, key in hidden and key != "headline")
        col, order = hh.sortIndicatorSection(), hh.sortIndicatorOrder()
        if 0 <= col < len(COLUMNS):
            self.model.query = self.model.query.with_(
                sort=COLUMNS[col][2], descending=order == Qt.SortOrder.DescendingOrder
            )
