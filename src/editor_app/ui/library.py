"""The library: the list of articles on the left, newest first, filterable by headline."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article import ArticleSummary

IdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def _when(dt: datetime) -> str:
    local = dt.astimezone()
    now = datetime.now().astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return local.strftime("%d %b").lstrip("0")
    return local.strftime("%d %b %Y").lstrip("0")


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display_title
        if role == IdRole:
            return row.id
        if role == SummaryRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.display_title}\n{row.status.label} · {row.byline or 'no byline'} · /{row.slug}"
        return None

    def reset(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, article_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == article_id:
                return i
        return -1

    def upsert(self, summary: ArticleSummary) -> None:
        """Insert or update one article and keep newest-first order."""
        i = self.row_of(summary.id)
        if i == -1:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, summary)
            self.endInsertRows()
            return
        self._rows[i] = summary
        idx = self.index(i)
        self.dataChanged.emit(idx, idx)
        if i > 0 and summary.updated_at > self._rows[0].updated_at:
            self.beginMoveRows(QModelIndex(), i, i, QModelIndex(), 0)
            self._rows.insert(0, self._rows.pop(i))
            self.endMoveRows()

    def remove(self, article_id: int) -> None:
        i = self.row_of(article_id)
        if i >= 0:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: headline, then status · byline · time."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary: ArticleSummary | None = index.data(SummaryRole)
        if summary is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(10, 6, -10, -6)
        fm = opt.fontMetrics
        painter.save()
        bold = opt.font
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(fg)
        top = QRect(rect.left(), rect.top(), rect.width(), fm.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(summary.display_title, Qt.TextElideMode.ElideRight, rect.width()))
        small = opt.font
        small.setBold(False)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(muted)
        meta = " · ".join(p for p in (summary.status.label, summary.byline, _when(summary.updated_at)) if p)
        bottom = QRect(rect.left(), rect.top() + fm.height() + 2, rect.width(), fm.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(meta, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class ArticleFilterProxy(QSortFilterProxyModel):
    """The headline filter combined with an optional set of allowed article ids (ticker filter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._allowed: frozenset[int] | None = None

    @property
    def allowed_ids(self) -> frozenset[int] | None:
        return self._allowed

    def set_allowed_ids(self, ids: set[int] | frozenset[int] | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 (invalidateFilter is deprecated there)
            self.beginFilterChange()
            self._allowed = frozenset(ids) if ids is not None else None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._allowed = frozenset(ids) if ids is not None else None
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if self._allowed is not None:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(IdRole) not in self._allowed:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class LibraryPane(QWidget):
    """Emits `article_activated(id)` when the writer picks an article."""

    article_activated = Signal(int)
    ticker_filter_changed = Signal(object)  # (symbol, mic) or None for all articles

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(objectName="libraryFilter", placeholderText="Filter by headline…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.ticker_filter = QComboBox(objectName="libraryTickerFilter")
        self.ticker_filter.setToolTip("Show only the articles tagged with a stock")
        self.ticker_filter.addItem("All stocks", None)
        self.ticker_filter.currentIndexChanged.connect(self._on_ticker_filter)
        self.view = QListView(objectName="libraryList")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.count_label = QLabel(objectName="libraryCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        title = QLabel("<b>Library</b>")
        layout.addWidget(title)
        layout.addWidget(self.filter)
        layout.addWidget(self.ticker_filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)
        self._silent = False

    def _update_count(self, *_args: object) -> None:
        n = self.model.rowCount()
        text = f"{n:,} article{'s' if n != 1 else ''}"
        if self.proxy.allowed_ids is not None:
            text = f"{self.proxy.rowCount():,} of {text} tagged {self.ticker_filter.currentText().split(' (')[0]}"
        self.count_label.setText(text)

    # -- ticker filter ------------------------------------------------------------------

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
        """Show only these articles (None: all); the headline filter still applies."""
        self.proxy.set_allowed_ids(ids)
        self._update_count()
        current = self.current_id()
        if current is not None:
            self.select(current)

    def _on_ticker_filter(self, *_args: object) -> None:
        self.ticker_filter_changed.emit(self.ticker_filter_key())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._silent or not current.isValid():
            return
        self.article_activated.emit(int(current.data(IdRole)))

    def select(self, article_id: int) -> None:
        """Highlight an article without emitting `article_activated`."""
        row = self.model.row_of(article_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row))
        self._silent = True
        try:
            self.view.setCurrentIndex(proxy_index)
            self.view.scrollTo(proxy_index)
        finally:
            self._silent = False

    def current_id(self) -> int | None:
        idx = self.view.currentIndex()
        return int(idx.data(IdRole)) if idx.isValid() else None
