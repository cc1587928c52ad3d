"""One theme: light or dark from the palette, and one colour and icon per article status.

The library's dots, the toolbar badge, the Status menu and the history all draw a status from
here, so "published" is the same colour wherever an editor sees it. Colours come in
(light theme, dark theme) pairs, each readable as text on the window background.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from editor_app.core.article import ArticleStatus
from editor_app.core.contrast import AA_TEXT, contrast_ratio

S = ArticleStatus

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


def is_dark(palette: QPalette | None = None) -> bool:
    """Dark when the editing background is dark, whatever the style calls itself."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def themed(colours: tuple[str, str], palette: QPalette) -> QColor:
    return QColor(colours[1 if is_dark(palette) else 0])


def status_colour(status: ArticleStatus, palette: QPalette) -> QColor:
    return themed(STATUS_COLOURS[status], palette)


def status_icon(status: ArticleStatus, palette: QPalette) -> QIcon:
    return qta.icon(STATUS_ICONS[status], color=status_colour(status, palette))


def badge_icon(status: ArticleStatus, palette: QPalette, size: int = 12) -> QIcon:
    """A filled dot in the status colour (the toolbar badge, the library's status column)."""
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


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (core.contrast), 1 to 21."""
    return contrast_ratio((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()))


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`t` of `b` mixed into `a`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def readable_blend(
    text: QColor, background: QColor, t: float, *, on: QColor | None = None, minimum: float = AA_TEXT
) -> QColor:
    """Text muted by mixing `t` of the background in, but never below `minimum` contrast
    against the background it is painted `on` (WCAG AA for text by default): dimmed Markdown
    marks stay quieter than the words and still readable, in either theme."""
    ground = background if on is None else on
    while t > 0:
        colour = blend(text, background, t)
        if contrast(colour, ground) >= minimum:
            return colour
        t = round(t - 0.02, 4)
    return QColor(text)
