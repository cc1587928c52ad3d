"""Small widget helpers every pane uses: plain-text labels and tooltips, muted hints, docks."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt guesses rich text in tooltips otherwise)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def count_text(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


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


def card_column(name: str, margins: tuple[int, int, int, int] = (6, 0, 6, 6)) -> tuple[QScrollArea, QVBoxLayout]:
    """A scrolling column of cards that stack from the top (comments, claim proposals): the
    scroll area, and the layout to insert cards into (before its last item, the stretch)."""
    column = QWidget(objectName=f"{name}Column")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(*margins)
    layout.setSpacing(6)
    layout.addStretch(1)
    scroll = QScrollArea(objectName=f"{name}Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(column)
    return scroll, layout
