"""View › Theme (System / Light / Dark): applies the palette and tells the window's parts.

The choice is the writer's (QSettings `view/theme`, not a desk setting). System follows the
platform's colour scheme live (`styleHints().colorSchemeChanged`). Light and Dark also ask the
platform for that scheme (Qt 6.8+ `setColorScheme`: title bars and native dialogs follow where
the platform supports it) and set an explicit Fusion palette, which works everywhere.

After a switch, what caches colours is refreshed here in one place: the highlighter, the find
and comment highlights, the status badge, the library's dots, the panes' icons and style
sheets, and the preview's `data-theme` attribute.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from editor_app.ui.common.theme import is_dark
from editor_app.ui.theme.icons import refresh_icons
from editor_app.ui.theme.palettes import (
    CHOICES,
    DARK,
    LIGHT,
    SYSTEM,
    dark_palette,
    light_palette,
    parse_choice,
    wants_dark,
)

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

SETTING = "view/theme"
LABELS = {SYSTEM: "System", LIGHT: "Light", DARK: "Dark"}
_native_style: list[str] = []  # the platform's style, kept to go back to from Fusion


def system_scheme() -> Qt.ColorScheme:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() if hints is not None and hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown


def apply_theme(choice: str, scheme: Qt.ColorScheme | None = None) -> bool:
    """Set the application's palette for `choice`; returns True when the result is dark."""
    app = QApplication.instance()
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: native parts follow where the platform can
        with contextlib.suppress(RuntimeError):
            if choice == SYSTEM:
                hints.unsetColorScheme()
            else:
                hints.setColorScheme(Qt.ColorScheme.Dark if choice == DARK else Qt.ColorScheme.Light)
    dark = wants_dark(choice, system_scheme() if scheme is None else scheme)
    if not _native_style:
        _native_style.append(app.style().name())
    if choice == SYSTEM:
        app.setPalette(QPalette())  # the platform's own palette, if it matches its scheme
        if is_dark(app.palette()) == dark:
            _set_style(_native_style[0])
            return dark
    _set_style("fusion")  # draws every widget from the palette
    app.setPalette(dark_palette() if dark else light_palette())
    return dark


def apply_saved_theme(settings: QSettings) -> bool:
    """At window start: the remembered choice, before the widgets read the palette."""
    return apply_theme(parse_choice(settings.value(SETTING, SYSTEM)))


def _set_style(name: str) -> None:
    app = QApplication.instance()
    if app.style().name().lower() != name.lower():
        app.setStyle(name)


class ThemeController(QObject):
    """Owns the View › Theme actions; `changed(dark)` after every switch that changed the look."""

    changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.choice = parse_choice(window.settings.value(SETTING, SYSTEM))
        self.dark = is_dark()
        window.highlighter.follow_scheme = False  # refreshed here, once, after the palette
        window.highlighter.quiet_target = window.editor  # a recolour is no edit: no save, no render
        self.menu = QMenu("&Theme", window, objectName="themeMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        for choice in CHOICES:
            action = window.actions_[f"theme_{choice}"]
            action.setCheckable(True)
            self.group.addAction(action)
            self.menu.addAction(action)
            action.triggered.connect(lambda _checked=False, c=choice: self.set_choice(c))
        window.view_menu.addSeparator()
        window.view_menu.addMenu(self.menu)
        hints = QGuiApplication.styleHints()
        if hints is not None and hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_scheme)
        self._sync_actions()
        self.apply(force_refresh=False)

    def action(self, choice: str) -> QAction:
        return self.window.actions_[f"theme_{choice}"]

    def set_choice(self, choice: str) -> None:
        """The writer picked System, Light or Dark: apply it and remember it."""
        self.choice = parse_choice(choice)
        self.window.settings.setValue(SETTING, self.choice)
        self._sync_actions()
        self.apply()
        self.window.statusBar().showMessage(f"Theme: {LABELS[self.choice]}", 2000)

    def apply(self, *, force_refresh: bool = True, scheme: Qt.ColorScheme | None = None) -> None:
        was = self.dark
        self.dark = apply_theme(self.choice, scheme)
        if force_refresh or self.dark != was:
            self.refresh_parts()
        else:
            self.window.preview.set_theme(self.dark)

    def _on_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            # the platform updates its palette right after the signal: apply once it has
            QTimer.singleShot(0, lambda: self.apply(scheme=scheme))

    def _sync_actions(self) -> None:
        for choice in CHOICES:
            self.action(choice).setChecked(choice == self.choice)

    # -- what caches colours ------------------------------------------------------------------

    def refresh_parts(self) -> None:
        w = self.window
        # follow the palette just set: the blocks on screen first (a long article in slices)
        w.highlighter.set_dark(None, first_block=w.editor.firstVisibleBlock().blockNumber())
        w.preview.set_theme(self.dark)
        # Widgets take the new application palette from posted events: the parts that read
        # their own palette() go once those are delivered.
        QTimer.singleShot(0, self._refresh_widgets)

    def _refresh_widgets(self) -> None:
        w = self.window
        dark = self.dark
        refresh_icons(w)
        for widget in w.findChildren(QWidget):
            sheet = widget.styleSheet()
            if sheet:  # a style sheet reads the palette (and palette(...)) when it is set
                widget.setStyleSheet(sheet)
        retheme = getattr(w.find_bar, "retheme", None)
        if retheme is not None:
            retheme()
        view = w.library.view  # the status dots and the header's icon are drawn per theme
        view.viewport().update()
        header = getattr(view, "horizontalHeader", None)
        if header is not None:
            header().viewport().update()
        for part in ("review", "claims", "stocks", "spelling"):
            hook = getattr(getattr(w, part, None), "retheme", None)
            if hook is not None:
                hook()
        self.changed.emit(dark)
