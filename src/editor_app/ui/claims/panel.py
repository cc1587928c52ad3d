"""The "Claims" pane: the article's claims, their status with its reason, and a detail form.

The list shows each claim's status as a badge (icon + word, so it reads without colour), the
short statement, how many responses and reports it has, and a warning when its anchor is no
longer in the text. The form below edits the selected claim: text fields save themselves
shortly after the writer pauses; appearances and responses are edited one row at a time in
small dialogs; the status can be overridden with a reason, and every change is in the
history.

Everything the writer typed is shown as plain text (labels are Qt.PlainText, list rows are
painted with drawText, tooltips are escaped): a quote such as `<script>` stays a quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.anchors import anchored_keys
from editor_app.core.claims import SHORT_LIMIT, Appearance, Claim, ClaimStatus, Response
from editor_app.store.claims import ClaimStore
from editor_app.store.errors import StoreError
from editor_app.store.settings import acting_user_in
from editor_app.ui.claims.dialogs import AppearanceDialog, OptionalDateEdit, ResponseDialog, plain_label
from editor_app.ui.common.theme import is_dark
from editor_app.ui.common.widgets import count_text, plain_tooltip

SAVE_DELAY_MS = 600  # like the article autosave: write shortly after the writer pauses
BODY_CHECK_DELAY_MS = 300  # re-check which claims are anchored after the body changed

# -- status look ------------------------------------------------------------------------------

STATUS_ICONS = {
    ClaimStatus.UNCONFIRMED: "fa6s.circle-question",
    ClaimStatus.DENIED: "fa6s.circle-xmark",
    ClaimStatus.CONFIRMED: "fa6s.circle-check",
    ClaimStatus.DISPUTED: "fa6s.scale-balanced",
    ClaimStatus.RETRACTED: "fa6s.ban",
}
# (light theme, dark theme): strong enough on white / on #1e1e1e (WCAG AA for bold text)
STATUS_COLOURS = {
    ClaimStatus.UNCONFIRMED: ("#555f6d", "#aab4c3"),
    ClaimStatus.DENIED: ("#b42318", "#ff8f85"),
    ClaimStatus.CONFIRMED: ("#17703f", "#6fdc9c"),
    ClaimStatus.DISPUTED: ("#a14a00", "#ffb86b"),
    ClaimStatus.RETRACTED: ("#6941c6", "#c9b1ff"),
}
WARNING_COLOURS = ("#a14a00", "#ffb86b")
UNANCHORED_TEXT = "Not anchored in the text"
OVERRIDE_CHOICES = [("No override", None)] + [(s.label, s) for s in ClaimStatus]


def status_colour(status: ClaimStatus, palette: QPalette) -> QColor:
    return QColor(STATUS_COLOURS[status][1 if is_dark(palette) else 0])


def warning_colour(palette: QPalette) -> QColor:
    return QColor(WARNING_COLOURS[1 if is_dark(palette) else 0])


def status_icon(status: ClaimStatus, palette: QPalette) -> QIcon:
    return qta.icon(STATUS_ICONS[status], color=status_colour(status, palette))


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


# -- the list ---------------------------------------------------------------------------------


class ClaimListModel(QAbstractListModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1
    ClaimRole = Qt.ItemDataRole.UserRole + 2
    AnchoredRole = Qt.ItemDataRole.UserRole + 3
    StatusRole = Qt.ItemDataRole.UserRole + 4
    CountsRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[Claim] = []
        self.anchored: set[str] | None = None  # None: not known yet (no body text provider)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.claims)

    def reset(self, claims: list[Claim], anchored: set[str] | None) -> None:
        self.beginResetModel()
        self.claims = list(claims)
        self.anchored = anchored
        self.endResetModel()

    def set_anchored(self, anchored: set[str] | None) -> None:
        if anchored == self.anchored:
            return
        self.anchored = anchored
        if self.claims:
            self.dataChanged.emit(self.index(0), self.index(len(self.claims) - 1))

    def replace_claim(self, claim: Claim) -> None:
        for row, old in enumerate(self.claims):
            if old.id == claim.id:
                self.claims[row] = claim
                self.dataChanged.emit(self.index(row), self.index(row))
                return

    def row_of(self, key: str) -> int:
        for row, claim in enumerate(self.claims):
            if claim.key == key:
                return row
        return -1

    def is_anchored(self, claim: Claim) -> bool:
        return self.anchored is None or claim.key in self.anchored

    @staticmethod
    def counts(claim: Claim) -> str:
        parts = [count_text(len(claim.responses), "response", "responses")]
        if claim.appearances:
            parts.append(count_text(len(claim.appearances), "report", "reports"))
        return " · ".join(parts)

    def describe(self, claim: Claim) -> str:
        """One line a screen reader (and a test) can read: status, statement, counts, flags."""
        verdict = claim.effective
        parts = [
            verdict.status.label + (" (editor's verdict)" if verdict.overridden else ""),
            claim.display_short,
            self.counts(claim),
        ]
        if not self.is_anchored(claim):
            parts.append(UNANCHORED_TEXT)
        return " · ".join(parts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.claims):
            return None
        claim = self.claims[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return claim.display_short
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(claim)
        if role == Qt.ItemDataRole.ToolTipRole:
            verdict = claim.effective
            lines = [
                claim.wording or claim.display_short,
                "",
                f"{verdict.status.label}: {verdict.reason}" if verdict.reason else verdict.status.label,
            ]
            if not self.is_anchored(claim):
                lines.append(f"{UNANCHORED_TEXT}: undo the deletion, or delete the claim.")
            return plain_tooltip("\n".join(lines))
        if role == self.KeyRole:
            return claim.key
        if role == self.ClaimRole:
            return claim
        if role == self.AnchoredRole:
            return self.is_anchored(claim)
        if role == self.StatusRole:
            return claim.effective.status
        if role == self.CountsRole:
            return self.counts(claim)
        return None


class ClaimDelegate(QStyledItemDelegate):
    """Three lines per claim: status badge (and key), the short statement, counts and flags."""

    PAD = 8

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        badge = QFont(base)
        badge.setBold(True)
        badge.setPointSizeF(max(7.0, base.pointSizeF() * 0.86))
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
        return base, badge, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base, badge, small = self._fonts(option)
        h = (
            (QFontMetrics(badge).height() + 6)
            + QFontMetrics(base).lineSpacing()
            + QFontMetrics(small).lineSpacing()
            + 2 * self.PAD
            + 6
        )
        return QSize(200, h)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        claim: Claim = index.data(ClaimListModel.ClaimRole)
        if claim is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        pal = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        base_colour = pal.color(QPalette.ColorRole.Base)
        muted = _blend(
            text_colour, pal.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base), 0.35
        )
        base, badge_font, small = self._fonts(opt)
        r = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD - 2, -self.PAD)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # line 1: the status pill (icon + word) and, on the right, the key
        verdict = claim.effective
        colour = status_colour(verdict.status, pal)
        label = verdict.status.label + (" · editor" if verdict.overridden else "")
        bfm = QFontMetrics(badge_font)
        icon_size = bfm.height() - 2
        pill_h = bfm.height() + 6
        pill_w = icon_size + 6 + bfm.horizontalAdvance(label) + 16
        pill = QRect(r.left(), r.top(), pill_w, pill_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base_colour if selected else _blend(base_colour, colour, 0.14))
        painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
        status_icon(verdict.status, pal).paint(
            painter, QRect(pill.left() + 8, pill.top() + 3 + 1, icon_size, icon_size)
        )
        painter.setFont(badge_font)
        painter.setPen(colour)
        painter.drawText(
            QRect(pill.left() + 8 + icon_size + 6, pill.top(), pill_w, pill_h),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            label,
        )
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRect(r.left(), r.top(), r.width(), pill_h),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            claim.key,
        )

        # line 2: the short statement
        y = r.top() + pill_h + 4
        fm = QFontMetrics(base)
        painter.setFont(base)
        painter.setPen(text_colour)
        painter.drawText(
            QRect(r.left(), y, r.width(), fm.lineSpacing()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(claim.display_short, Qt.TextElideMode.ElideRight, r.width()),
        )

        # line 3: counts, and the unanchored warning
        y += fm.lineSpacing() + 2
        sfm = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(muted)
        counts = ClaimListModel.counts(claim)
        painter.drawText(
            QRect(r.left(), y, r.width(), sfm.lineSpacing()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            counts,
        )
        if not index.data(ClaimListModel.AnchoredRole):
            warn = text_colour if selected else warning_colour(pal)
            x = r.left() + sfm.horizontalAdvance(counts) + 14
            size = sfm.height() - 3
            qta.icon("fa6s.link-slash", color=warn).paint(
                painter, QRect(x, y + (sfm.lineSpacing() - size) // 2, size, size)
            )
            painter.setPen(warn)
            painter.drawText(
                QRect(x + size + 5, y, max(0, r.right() - x - size - 5), sfm.lineSpacing()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                sfm.elidedText(UNANCHORED_TEXT, Qt.TextElideMode.ElideRight, max(0, r.right() - x - size - 5)),
            )
        # a hairline between rows
        painter.setPen(_blend(base_colour, pal.color(QPalette.ColorRole.Text), 0.1))
        painter.drawLine(opt.rect.left() + self.PAD, opt.rect.bottom(), opt.rect.right() - self.PAD, opt.rect.bottom())
        painter.restore()


# -- the panel --------------------------------------------------------------------------------


def _heading(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 2)
    return label


def _tool(icon: str, tip: str, name: str) -> QToolButton:
    button = QToolButton(objectName=name)
    button.setIcon(qta.icon(icon))
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button


class _RowTable(QWidget):
    """A read-only table of rows (appearances or responses) with Add/Edit/Remove/Up/Down."""

    def __init__(self, noun: str, headers: list[str], stretch: int, name: str) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(headers), objectName=f"{name}Table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self.stretch = stretch
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        cap = name[0].upper() + name[1:]
        self.add = _tool("fa6s.plus", f"Add {noun}…", f"add{cap}")
        self.edit = _tool("fa6s.pen", f"Edit the selected {noun}…", f"edit{cap}")
        self.remove = _tool("fa6s.minus", f"Remove the selected {noun}", f"remove{cap}")
        self.up = _tool("fa6s.arrow-up", "Move up", f"up{cap}")
        self.down = _tool("fa6s.arrow-down", "Move down", f"down{cap}")
        self.add.setText("Add")
        self.add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(0)
        for b in (self.add, self.edit, self.remove):
            buttons.addWidget(b)
        buttons.addSpacing(8)
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.set_rows([])

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def set_rows(self, rows: list[list[str]], select: int = -1) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, never markup
                item.setToolTip(plain_tooltip(value) if value else "")
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c in range(table.columnCount()):
            table.setColumnWidth(c, min(max(table.columnWidth(c), 48), 260 if c == self.stretch else 160))
        rh = table.verticalHeader().defaultSectionSize()
        visible = min(max(len(rows), 1), 5)
        table.setFixedHeight(
            table.horizontalHeader().height()
            + rh * visible
            + 2 * table.frameWidth()
            + (table.horizontalScrollBar().sizeHint().height() if rows else 0)
        )
        if 0 <= select < len(rows):
            table.selectRow(select)
        else:
            table.clearSelection()
        self.update_buttons()

    def update_buttons(self) -> None:
        row = self.current_row()
        n = self.table.rowCount()
        self.edit.setEnabled(row >= 0)
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < n - 1)


class ClaimsPanel(QWidget):
    claim_activated = Signal(str)  # the writer clicked a claim: show it in the text
    claims_changed = Signal()  # a claim was written: statuses in the preview may change
    claim_deleted = Signal(str)  # a claim was deleted: remove its markers from the text

    def __init__(self, claims: ClaimStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.claims = claims
        self.article_id: int | None = None
        self._claim: Claim | None = None
        self._body_text: Callable[[], str] | None = None
        self._loading = False

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._body_timer = QTimer(self, singleShot=True, interval=BODY_CHECK_DELAY_MS)
        self._body_timer.timeout.connect(self._recheck_anchors)

        self._build()
        self.set_article(None)

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = ClaimListModel(self)
        self.view = QListView(objectName="claimList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ClaimDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)

        self.empty_label = plain_label("", wrap=True)
        self.empty_label.setObjectName("claimsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(16, 16, 16, 16)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.empty_label)
        self.list_stack.addWidget(self.view)

        self.mark_button = QToolButton(objectName="markClaimButton")
        self.mark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.mark_button.setAutoRaise(True)
        self.mark_button.hide()
        self.delete_button = _tool("fa6s.trash-can", "Delete the selected claim…", "deleteClaimButton")
        self.delete_button.clicked.connect(self.delete_current)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_current)
        self.count_label = plain_label("")
        self.count_label.setObjectName("claimsCount")
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 4, 4)
        top.addWidget(self.mark_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.delete_button)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.list_stack, 1)

        self.detail = self._build_detail()
        self.detail_scroll = QScrollArea(objectName="claimDetailScroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_scroll.setWidget(self.detail)

        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="claimsSplitter")
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([220, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setMinimumWidth(300)

    def _build_detail(self) -> QWidget:
        box = QWidget(objectName="claimDetail")
        v = QVBoxLayout(box)
        v.setContentsMargins(10, 6, 10, 10)
        v.setSpacing(4)

        # status with its reason
        self.status_icon = QLabel(objectName="claimStatusIcon")
        self.status_label = plain_label("")
        self.status_label.setObjectName("claimStatus")
        font = self.status_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.status_label.setFont(font)
        self.key_label = plain_label("")
        self.key_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        status_row = QHBoxLayout()
        status_row.setSpacing(6)
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_label)
        status_row.addStretch(1)
        status_row.addWidget(self.key_label)
        v.addLayout(status_row)
        self.reason_label = plain_label("", wrap=True)
        self.reason_label.setObjectName("claimReason")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.reason_label)
        self.unanchored_label = plain_label("", wrap=True)
        self.unanchored_label.setObjectName("claimUnanchored")
        v.addWidget(self.unanchored_label)

        # the claim itself
        v.addWidget(_heading("Claim"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        self.short_edit = QLineEdit(objectName="claimShort")
        self.short_edit.setMaxLength(SHORT_LIMIT)
        self.short_edit.setPlaceholderText("For lists and metadata")
        self.short_counter = plain_label(f"0/{SHORT_LIMIT}")
        self.short_counter.setObjectName("claimShortCounter")
        self.short_counter.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        short_row = QHBoxLayout()
        short_row.setSpacing(6)
        short_row.addWidget(self.short_edit, 1)
        short_row.addWidget(self.short_counter)
        short_label = QLabel("&Short:")
        short_label.setBuddy(self.short_edit)
        form.addRow(short_label, short_row)
        self.wording_edit = QPlainTextEdit(objectName="claimWording")
        self.wording_edit.setPlaceholderText("The claim in full, as reported")
        self.wording_edit.setTabChangesFocus(True)
        self.wording_edit.setFixedHeight(self.wording_edit.fontMetrics().lineSpacing() * 4 + 14)
        form.addRow("&Wording:", self.wording_edit)
        self.first_reported = OptionalDateEdit()
        self.first_reported.setObjectName("claimFirstReported")
        self.first_reported.setToolTip("When the claim was first reported (empty: the date of the first report)")
        form.addRow("First &reported:", self.first_reported)
        v.addLayout(form)
        self.short_edit.textEdited.connect(self._on_text_edited)
        self.short_edit.textChanged.connect(self._update_counter)
        self.wording_edit.textChanged.connect(self._on_text_edited)
        self.first_reported.changed.connect(self._on_text_edited)

        # where it was reported
        v.addWidget(_heading("Reported by"))
        self.appearances = _RowTable(
            "report", ["Outlet", "Title", "URL", "Date", "First", "Attribution"], 1, "appearance"
        )
        v.addWidget(self.appearances)
        self.appearances_table = self.appearances.table
        self.appearances.add.clicked.connect(lambda: self._open_appearance_dialog(-1))
        self.appearances.edit.clicked.connect(lambda: self._open_appearance_dialog(self.appearances.current_row()))
        self.appearances.table.doubleClicked.connect(lambda i: self._open_appearance_dialog(i.row()))
        self.appearances.remove.clicked.connect(lambda: self.remove_appearance(self.appearances.current_row()))
        self.appearances.up.clicked.connect(lambda: self.move_appearance(self.appearances.current_row(), -1))
        self.appearances.down.clicked.connect(lambda: self.move_appearance(self.appearances.current_row(), 1))

        # responses
        v.addWidget(_heading("Responses"))
        self.responses = _RowTable(
            "response",
            ["Party", "Stance", "Quote", "Spokesperson", "Date", "Channel", "Reported by", "Source URL"],
            2,
            "response",
        )
        v.addWidget(self.responses)
        self.responses_table = self.responses.table
        self.responses.add.clicked.connect(lambda: self._open_response_dialog(-1))
        self.responses.edit.clicked.connect(lambda: self._open_response_dialog(self.responses.current_row()))
        self.responses.table.doubleClicked.connect(lambda i: self._open_response_dialog(i.row()))
        self.responses.remove.clicked.connect(lambda: self.remove_response(self.responses.current_row()))
        self.responses.up.clicked.connect(lambda: self.move_response(self.responses.current_row(), -1))
        self.responses.down.clicked.connect(lambda: self.move_response(self.responses.current_row(), 1))

        # the desk's verdict
        v.addWidget(_heading("Editor's verdict"))
        self.override_combo = QComboBox(objectName="overrideStatus")
        for text, status in OVERRIDE_CHOICES:
            self.override_combo.addItem(text, status.value if status else "")
        self.override_reason = QLineEdit(objectName="overrideReason")
        self.override_reason.setPlaceholderText("Reason (required)")
        self.override_apply = QPushButton("Apply", objectName="overrideApply")
        self.override_apply.clicked.connect(self._on_apply_override)
        self.override_reason.returnPressed.connect(self._on_apply_override)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.override_combo)
        row.addWidget(self.override_reason, 1)
        row.addWidget(self.override_apply)
        v.addLayout(row)
        self.override_message = plain_label("", wrap=True)
        self.override_message.setObjectName("overrideMessage")
        self.override_message.hide()
        v.addWidget(self.override_message)

        # history, collapsed by default
        self.history_toggle = QToolButton(objectName="historyToggle")
        self.history_toggle.setCheckable(True)
        self.history_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.history_toggle.setAutoRaise(True)
        self.history_toggle.setStyleSheet("QToolButton { font-weight: bold; padding-left: 0; }")
        self.history_toggle.toggled.connect(self._on_history_toggled)
        self.history_list = QListWidget(objectName="historyList")
        self.history_list.setWordWrap(True)
        self.history_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.history_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_list.setFixedHeight(120)
        self.history_list.hide()
        v.addSpacing(6)
        v.addWidget(self.history_toggle)
        v.addWidget(self.history_list)
        v.addStretch(1)
        return box

    # -- public API -----------------------------------------------------------------------

    def set_body_text_provider(self, provider: Callable[[], str] | None) -> None:
        self._body_text = provider
        self._recheck_anchors()

    def set_mark_action(self, action) -> None:
        """Show the window's "Mark as Claim" action at the top of the panel."""
        self.mark_button.setDefaultAction(action)
        self.mark_button.setText("Mark as claim")
        self.mark_button.show()

    def set_article(self, article_id: int | None) -> None:
        self.flush()
        self.article_id = article_id
        self._claim = None
        self.refresh()

    def refresh(self) -> None:
        """Reload the article's claims from the store, keeping the selected one."""
        key = self._claim.key if self._claim is not None else ""
        claims = self.claims.list_claims(self.article_id) if self.article_id is not None else []
        self.model.reset(claims, self._anchored())
        self.list_stack.setCurrentWidget(self.view if claims else self.empty_label)
        self.empty_label.setText(
            "No article is open."
            if self.article_id is None
            else "No claims in this article yet.\n\nSelect the claimed words in the text and choose "
            "Mark as Claim (Ctrl+Shift+M)."
        )
        self.count_label.setText(count_text(len(claims), "claim", "claims") if claims else "")
        self.setEnabled(self.article_id is not None)
        row = self.model.row_of(key) if key else -1
        if row < 0 and claims:
            row = 0
        self._select_row(row)

    def select_key(self, key: str) -> bool:
        """Select a claim by key without emitting `claim_activated`; False if it is not listed."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def select_response(self, response_id: int | None, index: int | None = None) -> bool:
        """Select a response of the current claim by id, else by its 0-based position (a
        checklist item's `where.index`), and show it; False (nothing selected) if neither is there."""
        responses = self._claim.responses if self._claim is not None else []
        row = next((i for i, r in enumerate(responses) if response_id is not None and r.id == response_id), -1)
        if row < 0 and index is not None and 0 <= index < len(responses):
            row = index
        table = self.responses.table
        if row < 0:
            table.clearSelection()
            return False
        table.selectRow(row)
        table.scrollToItem(table.item(row, 0))
        self.detail_scroll.ensureWidgetVisible(self.responses)
        return True

    def current_claim(self) -> Claim | None:
        return self._claim

    def current_key(self) -> str:
        return self._claim.key if self._claim is not None else ""

    def body_changed(self) -> None:
        """The article text changed: re-check which claims are anchored (debounced)."""
        self._body_timer.start()

    def flush(self) -> None:
        """Write pending edits of the text fields now."""
        self._save_timer.stop()
        claim = self._claim
        if claim is None or self._loading:
            return
        short = self.short_edit.text()
        wording = self.wording_edit.toPlainText()
        first = self.first_reported.value()
        if (short, wording, first) == (claim.short, claim.wording, claim.first_reported):
            return
        self._write(replace(claim, short=short, wording=wording, first_reported=first), reload_fields=False)

    # -- rows: used by the dialogs and by scripts/tests ----------------------------------------

    def add_appearance(self, appearance: Appearance) -> None:
        self._edit_rows("appearances", lambda rows: rows.append(appearance), len(self._rows("appearances")))

    def edit_appearance(self, row: int, appearance: Appearance) -> None:
        self._edit_rows("appearances", lambda rows: rows.__setitem__(row, appearance), row)

    def remove_appearance(self, row: int) -> None:
        self._edit_rows("appearances", lambda rows: rows.pop(row), row - 1 if row > 0 else 0)

    def move_appearance(self, row: int, step: int) -> None:
        self._move("appearances", row, step)

    def add_response(self, response: Response) -> None:
        self._edit_rows("responses", lambda rows: rows.append(response), len(self._rows("responses")))

    def edit_response(self, row: int, response: Response) -> None:
        self._edit_rows("responses", lambda rows: rows.__setitem__(row, response), row)

    def remove_response(self, row: int) -> None:
        self._edit_rows("responses", lambda rows: rows.pop(row), row - 1 if row > 0 else 0)

    def move_response(self, row: int, step: int) -> None:
        self._move("responses", row, step)

    def apply_override(self, status: ClaimStatus | None, reason: str) -> bool:
        """Set (or clear, with None) the editor's verdict. Refused without a reason."""
        claim = self._claim
        if claim is None:
            return False
        reason = reason.strip()
        if status is not None and not reason:
            self._override_note("Give a reason for overriding the status: the desk and readers see it.", error=True)
            self.override_reason.setFocus()
            return False
        if status is None and claim.override_status is None:
            self._override_note("There is no override to clear; choose a status first.", error=True)
            return False
        self.flush()
        try:
            updated = self.claims.set_override(claim.id, status, reason, who=self._who)  # type: ignore[arg-type]
        except (StoreError, ValueError, KeyError) as exc:
            self._override_note(str(exc), error=True)
            return False
        self._after_write(updated, reload_fields=True)
        self._override_note(
            f"Status set to {status.label}." if status else "Override cleared: the status follows the responses again.",
            error=False,
        )
        return True

    def delete_current(self) -> None:
        """Delete the selected claim after confirmation; its markers leave the text, the words stay."""
        claim = self._claim
        if claim is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete claim?",
            f"Delete claim {claim.key} “{claim.display_short}”?\n\n"
            "Its reports, responses and status history are deleted. The claim markers are removed "
            "from the article; the words themselves stay.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._save_timer.stop()
        try:
            self.claims.delete(claim.id)  # type: ignore[arg-type]
        except (StoreError, KeyError) as exc:
            QMessageBox.warning(self, "Claim not deleted", str(exc))
            return
        self._claim = None
        self.refresh()
        self.claim_deleted.emit(claim.key)
        self.claims_changed.emit()

    # -- internals ------------------------------------------------------------------------

    def _anchored(self) -> set[str] | None:
        if self._body_text is None:
            return None
        return anchored_keys(self._body_text())

    def _recheck_anchors(self) -> None:
        self.model.set_anchored(self._anchored())
        self._show_anchor_flag()
        self.view.viewport().update()

    def _select_row(self, row: int) -> None:
        sm = self.view.selectionModel()
        if row < 0:
            sm.clearSelection()
            sm.setCurrentIndex(QModelIndex(), sm.SelectionFlag.Clear)
            self._load_claim(None)
            return
        index = self.model.index(row)
        if (
            sm.currentIndex() == index
            and self._claim is not None
            and self._claim.key == index.data(ClaimListModel.KeyRole)
        ):
            self._load_claim(self.model.claims[row], keep_fields=True)
        else:
            sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        claim = current.data(ClaimListModel.ClaimRole) if current.isValid() else None
        if claim is not None:
            claim = self.model.claims[current.row()]  # the flush may have refreshed it
        self._load_claim(claim)

    def _on_clicked(self, index: QModelIndex) -> None:
        key = index.data(ClaimListModel.KeyRole)
        if key:
            self.claim_activated.emit(key)

    def _rows(self, which: str) -> list:
        return list(getattr(self._claim, which)) if self._claim is not None else []

    def _edit_rows(self, which: str, change: Callable[[list], object], select: int) -> None:
        if self._claim is None:
            return
        self.flush()
        rows = self._rows(which)
        change(rows)
        claim = self._claim
        if claim is None:
            return
        if self._write(replace(claim, **{which: rows}), reload_fields=False):
            (self.appearances if which == "appearances" else self.responses).table.selectRow(select)

    def _move(self, which: str, row: int, step: int) -> None:
        rows = self._rows(which)
        target = row + step
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return

        def swap(items: list) -> None:
            items[row], items[target] = items[target], items[row]

        self._edit_rows(which, swap, target)

    def _write(self, claim: Claim, *, reload_fields: bool) -> bool:
        self._save_timer.stop()
        try:
            updated = self.claims.update(claim, who=self._who)
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, "Claim not saved", str(exc))
            return False
        self._after_write(updated, reload_fields=reload_fields)
        return True

    def _after_write(self, claim: Claim, *, reload_fields: bool) -> None:
        self.model.replace_claim(claim)
        self._load_claim(claim, keep_fields=not reload_fields)
        self.claims_changed.emit()

    def _on_text_edited(self, *_args: object) -> None:
        if not self._loading and self._claim is not None:
            self._save_timer.start()

    def _update_counter(self, text: str) -> None:
        self.short_counter.setText(f"{len(text)}/{SHORT_LIMIT}")

    def _load_claim(self, claim: Claim | None, *, keep_fields: bool = False) -> None:
        """Show `claim` in the form; `keep_fields` leaves the text fields alone (the writer types)."""
        self._claim = claim
        self.detail.setEnabled(claim is not None)
        self.delete_button.setEnabled(claim is not None)
        first = claim.first_appearance if claim is not None else None
        self.first_reported.set_implied(first.date if first is not None else None, "from the first report")
        self._loading = True
        try:
            if claim is None or not keep_fields:
                self.short_edit.setText(claim.short if claim else "")
                self.short_edit.setCursorPosition(0)
                self.wording_edit.setPlainText(claim.wording if claim else "")
                self.first_reported.set_value(claim.first_reported if claim else None)
                self.override_reason.setText(claim.override_reason if claim else "")
                status = claim.override_status if claim else None
                self.override_combo.setCurrentIndex(
                    max(0, self.override_combo.findData(status.value if status else ""))
                )
                self.override_message.hide()
            self._show_status(claim)
            self._show_rows(claim)
            self._show_history(claim)
            self._show_anchor_flag()
        finally:
            self._loading = False

    def _show_status(self, claim: Claim | None) -> None:
        if claim is None:
            self.status_icon.clear()
            self.status_label.setText("No claim selected")
            self.status_label.setStyleSheet("")
            self.reason_label.setText("")
            self.key_label.setText("")
            return
        verdict = claim.effective
        colour = status_colour(verdict.status, self.palette())
        size = self.status_label.fontMetrics().height()
        self.status_icon.setPixmap(status_icon(verdict.status, self.palette()).pixmap(size, size))
        self.status_label.setText(verdict.status.label)
        self.status_label.setStyleSheet(f"color: {colour.name()};")
        self.key_label.setText(f"claim {claim.key}")
        if verdict.overridden:
            derived = claim.derived
            by = f" by {claim.override_by}" if claim.override_by else ""
            when = f" on {claim.override_at:%Y-%m-%d}" if claim.override_at else ""
            reason = (
                f"Editor's verdict{by}{when}: {verdict.reason}\n"
                f"The responses alone say: {derived.status.label} — {derived.reason}"
            )
        else:
            reason = verdict.reason
        self.reason_label.setText(reason)

    def _show_anchor_flag(self) -> None:
        claim = self._claim
        anchored = claim is None or self.model.is_anchored(claim)
        if anchored:
            self.unanchored_label.hide()
            return
        colour = warning_colour(self.palette())
        self.unanchored_label.setStyleSheet(f"color: {colour.name()};")
        self.unanchored_label.setText(
            f"⚠ {UNANCHORED_TEXT}: its markers were deleted. Undo the deletion "
            "(Ctrl+Z), mark the words again, or delete the claim."
        )
        self.unanchored_label.show()

    def _show_rows(self, claim: Claim | None) -> None:
        self.appearances.set_rows(
            [
                [a.outlet, a.title, a.url, _iso(a.date), "Yes" if a.is_first else "", a.attribution]
                for a in (claim.appearances if claim else [])
            ],
            select=self.appearances.current_row(),
        )
        self.responses.set_rows(
            [
                [
                    r.party or "(unnamed source)",
                    r.stance.label,
                    r.quote,
                    r.spokesperson,
                    _iso(r.date),
                    r.channel.label,
                    r.reported_by,
                    r.source_url,
                ]
                for r in (claim.responses if claim else [])
            ],
            select=self.responses.current_row(),
        )

    def _show_history(self, claim: Claim | None) -> None:
        self.history_list.clear()
        events = list(reversed(claim.history)) if claim else []
        for e in events:
            kind = {"override": "editor's verdict", "override_cleared": "override cleared"}.get(
                e.kind, "from responses"
            )
            when = e.at.strftime("%Y-%m-%d %H:%M") if e.at else ""
            self.history_list.addItem(f"{when} · {e.who or 'unknown'} · {e.status.label} ({kind})\n{e.reason}")
        self.history_toggle.setText(f"Status history ({len(events)})")

    def _on_history_toggled(self, shown: bool) -> None:
        self.history_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.history_list.setVisible(shown)

    def _override_note(self, text: str, *, error: bool) -> None:
        colour = QColor("#b42318") if error else self.palette().color(QPalette.ColorRole.PlaceholderText)
        if error and is_dark(self.palette()):
            colour = QColor("#ff8f85")
        self.override_message.setStyleSheet(f"color: {colour.name()};")
        self.override_message.setText(text)
        self.override_message.show()

    def _on_apply_override(self) -> None:
        value = self.override_combo.currentData()
        self.apply_override(ClaimStatus(value) if value else None, self.override_reason.text())

    def _party_names(self) -> list[str]:
        try:
            return self.claims.party_names(limit=2000)
        except StoreError:
            return []

    def _open_appearance_dialog(self, row: int) -> None:
        if self._claim is None:
            return
        rows = self._claim.appearances
        editing = 0 <= row < len(rows)
        dialog = AppearanceDialog(self._party_names(), rows[row] if editing else None, self)
        if dialog.exec() == AppearanceDialog.DialogCode.Accepted:
            if editing:
                self.edit_appearance(row, dialog.value())
            else:
                self.add_appearance(dialog.value())
        dialog.deleteLater()

    def _open_response_dialog(self, row: int) -> None:
        if self._claim is None:
            return
        rows = self._claim.responses
        editing = 0 <= row < len(rows)
        dialog = ResponseDialog(self._party_names(), rows[row] if editing else None, self)
        if dialog.exec() == ResponseDialog.DialogCode.Accepted:
            if editing:
                self.edit_response(row, dialog.value())
            else:
                self.add_response(dialog.value())
        dialog.deleteLater()

    def hideEvent(self, event) -> None:
        self.flush()  # closing the window or the dock must not lose a pending edit
        super().hideEvent(event)

    @property
    def _who(self) -> str:
        """Who is acting, read at each write (the name may change in Desk Settings)."""
        return acting_user_in(self.claims.store)


def _iso(d) -> str:
    return d.isoformat() if d is not None else ""
