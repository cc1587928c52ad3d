"""The Claims panel's list: one row per claim with its status colour, short statement, counts of
reports and answers, and a warning when its words are no longer anchored in the text."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from editor_app.core.claims import Claim, ClaimStatus
from editor_app.ui.common.theme import is_dark
from editor_app.ui.common.widgets import count_text, plain_tooltip

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
