"""Font icons that follow the theme.

qtawesome bakes the palette's text colour into an icon when it is made, so a dark theme would
keep dark glyphs on a dark toolbar. Icons set through `set_icon` remember their name and are
made again, in the new text colour, by `refresh_icons` after a theme switch.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

ICON_PROPERTY = "themeIcon"


def set_icon(target: QAction | QAbstractButton, name: str) -> None:
    """`target.setIcon(qta.icon(name))`, remade on the next theme switch."""
    target.setProperty(ICON_PROPERTY, name)
    target.setIcon(qta.icon(name))


def refresh_icons(root: QObject) -> int:
    """Make every remembered icon under `root` again in the current palette; returns how many."""
    qta.reset_cache()
    count = 0
    for kind in (QAction, QAbstractButton):
        for target in root.findChildren(kind):
            name = target.property(ICON_PROPERTY)
            if name:
                target.setIcon(qta.icon(str(name)))
                count += 1
    return count
