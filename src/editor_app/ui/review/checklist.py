"""The "Checklist" pane: the pre-publish checklist of the open article, errors first, each item
with where it is; clicking an item asks the window to go there (`item_activated`).

The checks run in the background (the controller decides when); this widget only shows them.
Rows are painted with drawText, so a message quoting user text stays plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.checklist import CheckItem, summary_line
from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.common.theme import ERROR_COLOURS, OK_COLOURS, WARNING_COLOURS, themed
from editor_app.ui.common.widgets import muted, plain_tooltip
from editor_app.ui.review.common import local_time
from editor_app.ui.theme.icons import set_icon

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ICONS = {"error": "fa6s.circle-xmark", "warning": "fa6s.triangle-exclamation"}


def item_icon(level: str, palette: QPalette):
    return qta.icon(ICONS[level], color=themed(ERROR_COLOURS if level == "error" else WARNING_COLOURS, palette))


class CheckItemDelegate(QStyledItemDelegate):
    """Icon, the message (wrapped, never elided), and where it is in a muted line below; a thin
    separator under each row.

    The height of a row follows its text at the width the view gives it: `sizeHint` measures at
    the view's viewport width (a list view asks with an empty rect), with the very rectangles
    `paint` draws in (`layout`), so the text never runs into the separator. The view must relayout
    on resize (`QListView.ResizeMode.Adjust`).
    """

    PAD = 8
    ICON = 16
    GAP = 2

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        return QFont(option.font), small

    @staticmethod
    def where_text(item: CheckItem) -> str:
        return f"{item.level.capitalize()} · {item.where.describe()}"

    def row_width(self, option: QStyleOptionViewItem) -> int:
        """The width a row gets: the rect when the view gives one, else its viewport's width."""
        if option.rect.width() > 0:
            return option.rect.width()
        view = option.widget if isinstance(option.widget, QAbstractItemView) else self.parent()
        if isinstance(view, QAbstractItemView) and view.viewport().width() > 0:
            return view.viewport().width()
        return 320

    def layout(self, option: QStyleOptionViewItem, item: CheckItem, rect: QRect) -> tuple[QRect, QRect, QRect]:
        """(icon, message, where) rectangles of `item` in a row at `rect` (only its left, top and
        width count); the row's height is `where.bottom() + PAD - rect.top() + 1`."""
        main, small = self._fonts(option)
        x = rect.left() + 2 * self.PAD + self.ICON
        w = max(80, rect.width() - 3 * self.PAD - self.ICON)
        flags = int(Qt.TextFlag.TextWordWrap)
        top = rect.top() + self.PAD
        h1 = QFontMetrics(main).boundingRect(QRect(0, 0, w, 100_000), flags, item.message).height()
        h2 = QFontMetrics(small).boundingRect(QRect(0, 0, w, 100_000), flags, self.where_text(item)).height()
        icon = QRect(rect.left() + self.PAD, top + 1, self.ICON, self.ICON)
        message = QRect(x, top, w, max(h1, QFontMetrics(main).height()))
        where = QRect(x, message.bottom() + 1 + self.GAP, w, h2)
        return icon, message, where

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        item: CheckItem = index.data(ITEM_ROLE)
        width = self.row_width(option)
        if item is None:
            return QSize(width, QFontMetrics(option.font).height() + 2 * self.PAD)
        _icon, _message, where = self.layout(option, item, QRect(0, 0, width, 0))
        return QSize(width, where.bottom() + 1 + self.PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        item: CheckItem = index.data(ITEM_ROLE)
        if item is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = qta.icon("fa6s.circle")  # painted below instead
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = opt.widget.style() if opt.widget else None
        painter.save()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        main, small = self._fonts(option)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        r = option.rect
        icon, message, where = self.layout(option, item, r)
        item_icon(item.level, pal).paint(painter, icon)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.setFont(main)
        painter.setPen(pal.color(text_role))
        painter.drawText(message, flags, item.message)
        painter.setFont(small)
        painter.setPen(pal.color(text_role) if selected else pal.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(where, flags, self.where_text(item))
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawLine(r.left() + self.PAD, r.bottom(), r.right() - self.PAD, r.bottom())
        painter.restore()


def check_list(parent: QWidget | None = None, name: str = "checklistList") -> QListWidget:
    """A list of check items painted by `CheckItemDelegate` (rows as tall as their text)."""
    view = QListWidget(parent, objectName=name)
    view.setItemDelegate(CheckItemDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap instead
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    return view


def check_row(item: CheckItem) -> QListWidgetItem:
    row = QListWidgetItem()
    row.setData(ITEM_ROLE, item)
    row.setData(Qt.ItemDataRole.DisplayRole, item.message)  # accessible text, tests
    row.setToolTip(plain_tooltip(f"{item.message}\n\n{item.level.capitalize()}: {item.where.describe()}"))
    return row


class ChecklistPane(QWidget):
    item_activated = Signal(object)  # CheckItem: go there
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistPane")
        self.items: list[CheckItem] = []
        self.summary_icon = QLabel(objectName="checklistSummaryIcon")
        self.summary = plain_label("", wrap=True)
        self.summary.setObjectName("checklistSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.checked_label = muted(plain_label(""))
        self.checked_label.setObjectName("checklistChecked")
        self.refresh_button = QToolButton(objectName="checklistRefresh")
        set_icon(self.refresh_button, "fa6s.arrows-rotate")
        self.refresh_button.setText("Refresh")
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.setToolTip("Run the checklist again")
        self.refresh_button.clicked.connect(self.refresh_requested)

        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 4, 2)
        top.setSpacing(6)
        top.addWidget(self.summary_icon)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        sub = QHBoxLayout()
        sub.setContentsMargins(8, 0, 8, 4)
        sub.addWidget(self.checked_label)

        self.list = check_list()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.empty = muted(plain_label("", wrap=True))
        self.empty.setObjectName("checklistEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(16, 16, 16, 16)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addLayout(sub)
        layout.addWidget(self.stack, 1)
        self.setMinimumWidth(260)
        self.show_message("Open an article to check it.")

    # -- showing ----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.items = []
        self.list.clear()
        self.summary.setText("Checklist")
        self.summary_icon.clear()
        self.checked_label.setText("")
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.checked_label.setText("Checking…")

    def set_items(self, items: Sequence[CheckItem], checked_at: datetime | None = None) -> None:
        self.items = list(items)
        self.list.clear()
        for item in self.items:
            self.list.addItem(check_row(item))
        errors = sum(1 for i in self.items if i.level == "error")
        pal = self.palette()
        if not self.items:
            glyph, colours = "fa6s.circle-check", OK_COLOURS
        elif errors:
            glyph, colours = "fa6s.circle-xmark", ERROR_COLOURS
        else:
            glyph, colours = "fa6s.triangle-exclamation", WARNING_COLOURS
        self.summary_icon.setPixmap(qta.icon(glyph, color=themed(colours, pal)).pixmap(18, 18))
        self.summary.setText(summary_line(self.items) if self.items else "Checklist passed")
        self.checked_label.setText(f"Checked {local_time(checked_at, seconds=True)}" if checked_at else "")
        if self.items:
            self.stack.setCurrentWidget(self.list)
        else:
            self.empty.setText("No errors and no warnings: the article is ready for approval.")
            self.stack.setCurrentWidget(self.empty)

    def row_of(self, code: str) -> int:
        return next((i for i, item in enumerate(self.items) if item.code == code), -1)

    def activate_row(self, row: int) -> None:
        """Click row `row` (as the editor would)."""
        item = self.list.item(row)
        if item is not None:
            self.list.setCurrentItem(item)
            self._on_clicked(item)

    def _on_clicked(self, row: QListWidgetItem) -> None:
        item = row.data(ITEM_ROLE)
        if item is not None:
            self.item_activated.emit(item)
