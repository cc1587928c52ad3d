"""How the library draws a row: the headline with the search snippet's matched words in bold,
and the table view that keeps its keyboard and mouse behaviour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from editor_app.store.library_query import LibraryRow
from editor_app.ui.library.table_model import (
    COL,
    Index,
    SummaryRole,
    _when,
    row_marks,
    snippet_segments,
    words_text,
)

if TYPE_CHECKING:
    from editor_app.ui.library.pane import LibraryPane


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
                *row_marks(row),  # corrected, killed, embargo first: they must not be elided (issue 15)
                row.status.label if hidden(COL["status"]) else "",
                row.byline if hidden(COL["byline"]) else "",
                _when(row.updated_at) if hidden(COL["updated"]) else "",
                row.tickers if hidden(COL["stocks"]) else "",
                words_text(row) if hidden(COL["words"]) and (row.words or row.word_target) else "",
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
