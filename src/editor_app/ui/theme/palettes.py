"""The two palettes and the rule that picks one.

Light and Dark are explicit Fusion palettes (Fusion draws every widget from the palette, so a
dark palette really is dark everywhere: docks, tables, menus, scroll bars); System follows the
platform's colour scheme (Qt 6.5+ `styleHints().colorScheme()`), light when it says nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES = (SYSTEM, LIGHT, DARK)

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

# Window chrome, editing surface, text: the editor's text and the highlighter's accents are
# checked against BASE for WCAG AA (tests/gui/test_theme_contrast.py).
DARK_COLOURS = {
    Role.Window: "#2b2d31",
    Role.WindowText: "#e6e7ea",
    Role.Base: "#1e1f22",
    Role.AlternateBase: "#26282c",
    Role.ToolTipBase: "#3a3d42",
    Role.ToolTipText: "#f0f1f3",
    Role.PlaceholderText: "#9aa0aa",
    Role.Text: "#e6e7ea",
    Role.Button: "#34373c",
    Role.ButtonText: "#e6e7ea",
    Role.BrightText: "#ff8f85",
    Role.Light: "#4a4d53",
    Role.Midlight: "#3d4046",
    Role.Mid: "#5c6068",
    Role.Dark: "#18191c",
    Role.Shadow: "#0d0e10",
    Role.Highlight: "#3d6fb4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb6ff",
    Role.LinkVisited: "#c9b1ff",
    Role.Accent: "#3d6fb4",
}
DARK_DISABLED = {
    Role.WindowText: "#7d828b",
    Role.Text: "#7d828b",
    Role.ButtonText: "#7d828b",
    Role.Highlight: "#3a3d42",
    Role.HighlightedText: "#9aa0aa",
}
LIGHT_COLOURS = {
    Role.Window: "#efefef",
    Role.WindowText: "#1d1f23",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f6f7",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1d1f23",
    Role.PlaceholderText: "#5f6670",
    Role.Text: "#1d1f23",
    Role.Button: "#efefef",
    Role.ButtonText: "#1d1f23",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: "#2f65ca",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b5cad",
    Role.LinkVisited: "#6941c6",
    Role.Accent: "#2f65ca",
}
LIGHT_DISABLED = {
    Role.WindowText: "#8a8f96",
    Role.Text: "#8a8f96",
    Role.ButtonText: "#8a8f96",
    Role.Highlight: "#d5d5d5",
    Role.HighlightedText: "#5f6670",
}


def _palette(colours: dict, disabled: dict) -> QPalette:
    pal = QPalette()
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        pal.setColor(Group.Disabled, role, QColor(colour))
    return pal


def dark_palette() -> QPalette:
    return _palette(DARK_COLOURS, DARK_DISABLED)


def light_palette() -> QPalette:
    return _palette(LIGHT_COLOURS, LIGHT_DISABLED)


def parse_choice(value: object) -> str:
    """A stored choice, whatever QSettings hands back; anything unknown is System."""
    text = str(value or "").strip().lower()
    return text if text in CHOICES else SYSTEM


def wants_dark(choice: str, system_scheme: Qt.ColorScheme | None) -> bool:
    """Dark or light for the writer's choice and what the system says now."""
    if choice == DARK:
        return True
    if choice == LIGHT:
        return False
    return system_scheme == Qt.ColorScheme.Dark
