"""View › Theme: Dark through the menu turns the editor, its highlighting, the panes, the status
badge and the preview dark together, without a restart; the choice is remembered by the next
window; System follows the platform's colour scheme as it changes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QMenu

from editor_app.core.contrast import AA_TEXT
from editor_app.ui.common.theme import STATUS_COLOURS, contrast
from editor_app.ui.theme.controller import SETTING, apply_theme
from editor_app.ui.theme.palettes import DARK, LIGHT, SYSTEM, parse_choice, wants_dark
from tests.gui.conftest import fresh_article

DARK_PAGE_BG = "rgb(27, 29, 33)"
LIGHT_PAGE_BG = "rgb(255, 255, 255)"


@pytest.fixture(autouse=True)
def light_again() -> Iterator[None]:
    """The palette is the application's: leave it as the other tests expect it."""
    yield
    apply_theme(SYSTEM, Qt.ColorScheme.Light)


def theme_menu(window) -> QMenu:
    for action in window.view_menu.actions():
        if action.menu() is not None and action.text().replace("&", "") == "Theme":
            return action.menu()
    raise AssertionError("View › Theme is missing")


def menu_action(menu: QMenu, label: str) -> QAction:
    return next(a for a in menu.actions() if a.text().replace("&", "") == label)


def base_of(widget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.Base)


def heading_colour(window) -> QColor:
    block = window.editor.document().firstBlock()
    ranges = block.layout().formats()
    return next(r.format.foreground().color() for r in ranges if r.start <= 3 < r.start + r.length)


def page_colours(qtbot, window) -> dict:
    result: dict = {}
    window.preview.run_in_page(
        "(function(){var s=getComputedStyle(document.body);"
        "return JSON.stringify({theme: document.documentElement.getAttribute('data-theme'), bg: s.backgroundColor});})()",
        lambda value: result.setdefault("v", value),
    )
    qtbot.waitUntil(lambda: "v" in result, timeout=30000)
    return json.loads(result["v"] or "{}")


def test_dark_from_the_view_menu_turns_everything_dark_live_and_is_remembered(qtbot, make_window, settings):
    window = make_window()
    fresh_article(qtbot, window, "# Shares fall\n\nThe group said **nothing** more.\n")
    light_heading = heading_colour(window)
    assert base_of(window.editor).lightness() > 128
    qtbot.waitUntil(lambda: page_colours(qtbot, window).get("bg") == LIGHT_PAGE_BG, timeout=30000)

    menu = theme_menu(window)
    assert [a.text().replace("&", "") for a in menu.actions()] == ["System", "Light", "Dark"]
    assert menu_action(menu, "System").isChecked()  # the default
    menu_action(menu, "Dark").trigger()

    assert menu_action(menu, "Dark").isChecked() and not menu_action(menu, "System").isChecked()
    changed = []
    window.theme.changed.connect(changed.append)
    qtbot.waitUntil(lambda: changed == [True], timeout=10000)  # every part has been told
    editor_base = base_of(window.editor)
    assert editor_base.lightness() < 64
    dark_heading = heading_colour(window)
    assert dark_heading != light_heading
    assert contrast(dark_heading, editor_base) >= AA_TEXT
    assert base_of(window.library.view).lightness() < 64  # the docks and the library too
    badge = window.review.status_button.styleSheet()
    assert STATUS_COLOURS[window.article.status][1] in badge  # the dark theme's status colour
    page = {}

    def dark_page() -> bool:
        page.update(page_colours(qtbot, window))
        return page.get("theme") == "dark" and page.get("bg") == DARK_PAGE_BG

    qtbot.waitUntil(dark_page, timeout=30000)
    assert settings.value(SETTING) == "dark"

    window.close()
    again = make_window()  # a restart: the choice comes back
    assert theme_menu(again) is not menu
    assert menu_action(theme_menu(again), "Dark").isChecked()
    assert base_of(again.editor).lightness() < 64
    assert again.highlighter.dark
    qtbot.waitUntil(lambda: page_colours(qtbot, again).get("theme") == "dark", timeout=30000)

    menu_action(theme_menu(again), "Light").trigger()
    qtbot.waitUntil(lambda: base_of(again.editor).lightness() > 192, timeout=10000)
    assert not again.highlighter.dark
    qtbot.waitUntil(lambda: page_colours(qtbot, again).get("bg") == LIGHT_PAGE_BG, timeout=30000)
    assert settings.value(SETTING) == "light"


def test_system_follows_the_platform_colour_scheme_as_it_changes(qtbot, make_window):
    window = make_window()
    assert window.theme.choice == SYSTEM
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what the platform sends when the desktop goes dark
    qtbot.waitUntil(lambda: window.theme.dark and base_of(window.editor).lightness() < 64, timeout=10000)
    qtbot.waitUntil(lambda: page_colours(qtbot, window).get("theme") == "dark", timeout=30000)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: not window.theme.dark and base_of(window.editor).lightness() > 192, timeout=10000)
    qtbot.waitUntil(lambda: page_colours(qtbot, window).get("theme") == "light", timeout=30000)


def test_a_chosen_theme_ignores_the_platform_scheme(qtbot, make_window):
    window = make_window()
    menu_action(theme_menu(window), "Light").trigger()
    qtbot.waitUntil(lambda: base_of(window.editor).lightness() > 192, timeout=10000)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.wait(100)
    assert not window.theme.dark and base_of(window.editor).lightness() > 192


def test_the_choice_maps_to_dark_or_light():
    assert wants_dark(DARK, Qt.ColorScheme.Light) is True
    assert wants_dark(LIGHT, Qt.ColorScheme.Dark) is False
    assert wants_dark(SYSTEM, Qt.ColorScheme.Dark) is True
    assert wants_dark(SYSTEM, Qt.ColorScheme.Light) is False
    assert wants_dark(SYSTEM, Qt.ColorScheme.Unknown) is False  # a platform that says nothing: light
    assert parse_choice("Dark") == DARK
    assert parse_choice(None) == SYSTEM
    assert parse_choice("purple") == SYSTEM


def test_the_desk_chooses_the_export_theme_and_the_preview_keeps_the_window_theme(qtbot, make_window, tmp_path):
    from editor_app.store.settings import SettingsStore
    from editor_app.ui.transfer.dialogs import DeskSettingsDialog
    from tests.gui.test_export_import_gui import when_modal

    window = make_window()
    fresh_article(qtbot, window, "# Results day\n\nThe group said nothing more.\n")

    def choose_dark(dialog: DeskSettingsDialog) -> None:
        combo = dialog.export_theme
        assert combo.currentData() == "light"  # the default: the publication's style
        combo.setCurrentIndex(combo.findData("dark"))
        dialog.accept()

    keep = when_modal(DeskSettingsDialog, choose_dark)
    assert window.export_import.edit_desk_settings() is True and keep
    assert SettingsStore(window.store).load().export_theme == "dark"
    exported: list[str] = []
    window.export_finished.connect(lambda _path, error: exported.append(error))
    out = tmp_path / "out" / "results.html"
    window.export_to(out)
    qtbot.waitUntil(lambda: exported == [""], timeout=60000)
    assert '<html lang="en" data-theme="dark">' in out.read_text(encoding="utf-8")
    assert page_colours(qtbot, window).get("theme") == "light"  # the window is light: so is its preview


def test_a_theme_switch_is_no_edit(qtbot, make_window):
    """Repainting in new colours saves nothing and renders nothing again."""
    window = make_window()
    fresh_article(qtbot, window, "# Results day\n\nThe group said **nothing** more.\n")
    qtbot.waitUntil(lambda: not window.autosave.dirty, timeout=10000)
    edits: list[int] = []
    window.editor.textChanged.connect(lambda: edits.append(1))
    menu_action(theme_menu(window), "Dark").trigger()
    qtbot.waitUntil(lambda: window.theme.dark and not window.highlighter.recolouring, timeout=10000)
    qtbot.wait(100)
    assert edits == []
    assert not window.autosave.dirty
