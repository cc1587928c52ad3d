"""Small pieces the review panes share: who is acting, how a status looks, how a time reads.

Everything here is presentation; the rules live in `core.workflow` and `core.checklist`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import qtawesome as qta
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from editor_app.core.article import ArticleStatus
from editor_app.store.settings import acting_user_in
from editor_app.store.store import Store
from editor_app.ui.claims_panel import is_dark

S = ArticleStatus

# (light theme, dark theme); readable as text on the window background
STATUS_COLOURS: dict[ArticleStatus, tuple[str, str]] = {
    S.DRAFT: ("#5b6472", "#aab4c3"),
    S.IN_REVIEW: ("#1f5fbf", "#7fb2ff"),
    S.NEEDS_WORK: ("#a14a00", "#ffb86b"),
    S.APPROVED: ("#17703f", "#6fdc9c"),
    S.PUBLISHED: ("#6941c6", "#c9b1ff"),
    S.SPIKED: ("#b42318", "#ff8f85"),
}
STATUS_ICONS: dict[ArticleStatus, str] = {
    S.DRAFT: "fa6s.pen-to-square",
    S.IN_REVIEW: "fa6s.magnifying-glass",
    S.NEEDS_WORK: "fa6s.rotate-left",
    S.APPROVED: "fa6s.circle-check",
    S.PUBLISHED: "fa6s.paper-plane",
    S.SPIKED: "fa6s.ban",
}
ERROR_COLOURS = ("#b42318", "#ff8f85")
WARNING_COLOURS = ("#a14a00", "#ffb86b")
OK_COLOURS = ("#17703f", "#6fdc9c")


def themed(colours: tuple[str, str], palette: QPalette) -> QColor:
    return QColor(colours[1 if is_dark(palette) else 0])


def status_colour(status: ArticleStatus, palette: QPalette) -> QColor:
    return themed(STATUS_COLOURS[status], palette)


def status_icon(status: ArticleStatus, palette: QPalette) -> QIcon:
    return qta.icon(STATUS_ICONS[status], color=status_colour(status, palette))


def badge_icon(status: ArticleStatus, palette: QPalette, size: int = 12) -> QIcon:
    """A filled dot in the status colour (the toolbar button's badge)."""
    ratio = 2
    pix = QPixmap(size * ratio, size * ratio)
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(status_colour(status, palette))
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    p.end()
    return QIcon(pix)


def who_acts(store: Store) -> str:
    """Who is acting (read each time: it may change): this account's saved name, else
    EDITOR_APP_USER, else the store's legacy desk user, else the OS login (`core.identity`)."""
    return acting_user_in(store)


def local_time(at: datetime | None, *, seconds: bool = False) -> str:
    """A stored UTC time as the desk reads it: local, 'YYYY-MM-DD HH:MM'."""
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def muted(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def set_plain(label: QLabel, text: str) -> None:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def show_dock(dock: QWidget | None) -> None:
    """Show a dock and bring its tab to the front."""
    if dock is None:
        return
    dock.show()
    dock.raise_()
