"""The library's table model: articles as rows, fetched a page at a time from the store's
library index (100,000 articles scroll without loading them all), with the roles the
delegate and the filters read."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)

from editor_app.core.article import ArticleStatus, ArticleSummary
from editor_app.store.library_query import PAGE_SIZE, LibraryIndex, LibraryQuery, LibraryRow
from editor_app.store.search import MARK_CLOSE, MARK_OPEN
from editor_app.ui.common.theme import ERROR_COLOURS, badge_icon, is_dark, themed

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
    ("words", "Words", "words", False),  # hidden: the headline's second line shows them then
    ("embargo", "Embargo", "embargo", False),
)


COL = {key: i for i, (key, *_rest) in enumerate(COLUMNS)}


CACHE_ROWS = 6000  # rows kept in memory (60 pages)


_MARK_RE = re.compile(f"{MARK_OPEN}(.*?){MARK_CLOSE}", re.DOTALL)


def _when(dt: datetime) -> str:
    local = dt.astimezone()
    now = datetime.now().astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return local.strftime("%d %b").lstrip("0")
    return local.strftime("%d %b %Y").lstrip("0")


def row_marks(row: LibraryRow) -> list[str]:
    """The row's notice marks as the library shows them: "Killed", "Corrected", "Embargo 24 Dec"."""
    marks = []
    if row.killed:
        marks.append("Killed")
    elif row.corrected:
        marks.append("Corrected")
    if row.embargo_at is not None and row.embargo_at > datetime.now(row.embargo_at.tzinfo):
        marks.append(f"Embargo {_when(row.embargo_at)}")
    return marks


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
    key = f"icon-{is_dark()}"  # drawn in the theme's muted text colour
    if key not in cache:
        pm = QPixmap(14, 14)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(1, 1, 12, 9, 2.5, 2.5)
        p.drawLine(4, 10, 3, 13)
        p.drawLine(3, 13, 7, 10)
        p.end()
        cache[key] = QIcon(pm)
    return cache[key]


def words_text(row: LibraryRow) -> str:
    """'612 / 800 words', or '612 words' without a target."""
    return f"{row.words_label} words" if row.word_target else f"{row.words:,} word{'s' if row.words != 1 else ''}"


def words_tip(row: LibraryRow) -> str:
    if not row.word_target:
        return f"{words_text(row)}; no target length"
    return f"{row.words:,} of a {row.word_target:,}-word target ({round(100 * row.words / row.word_target)} %)"


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
                "words": "Words, and the article's target length",
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
            if key == "words":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
                return themed(ERROR_COLOURS, QGuiApplication.palette())
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
        if key == "words":
            return row.words_label
        if key == "embargo":
            return _when(row.embargo_at) if row.embargo_at else ""
        return ""

    @staticmethod
    def _tooltip(row: LibraryRow, key: str) -> str:
        if key == "headline":
            meta = " · ".join(p for p in (row.status.label, row.byline or "no byline", f"/{row.slug}") if p)
            tip = f"<b>{html.escape(row.display_title)}</b><br>{html.escape(meta)}"
            marks = row_marks(row)
            if marks:
                tip += f"<br>{html.escape(' · '.join(marks))}"
            if row.snippet:
                tip += f"<br><br>{snippet_html(row.snippet)}"
            return f"<qt>{tip}</qt>"
        if key == "updated":
            return row.updated_at.astimezone().strftime("%d %b %Y, %H:%M")
        if key == "claims" and row.claims:
            return "<qt>" + "<br>".join(html.escape(f"{n} {s}") for s, n in row.claim_statuses) + "</qt>"
        if key == "embargo" and row.embargo_at:
            return "Embargoed until " + row.embargo_at.astimezone().strftime("%d %b %Y, %H:%M (your time)")
        if key == "comments" and row.open_comments:
            return f"{row.open_comments} open comment thread{'s' if row.open_comments != 1 else ''}"
        if key == "words":
            return words_tip(row)
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
