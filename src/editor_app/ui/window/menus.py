"""The window's menus, toolbar and its own commands, built from the action ids of
`window.actions` (one registry); features add to `window.menus[...]` and `window.toolbar`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from editor_app.ui.editor import block_format, formatting

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> dict[str, QMenu]:
    """The menu bar and the main toolbar, from action ids; returns the menus by id (the
    features add their entries to these, never to a menu found by its label)."""
    a = window.actions_
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for name in (
        "new_article",
        "save",
        "export_html",
        None,
        "delete_article",
        "show_trash",
        "backups",
        None,
        "quit",
    ):
        file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
    edit_menu = bar.addMenu("&Edit")
    for name in (
        "undo",
        "redo",
        None,
        "cut",
        "copy",
        "paste",
        "select_all",
        None,
        "find",
        "replace",
        "find_next",
        "find_previous",
        None,
        "spell_next",
        "spell_previous",
    ):
        edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])
    format_menu = bar.addMenu("F&ormat")
    for name in ("bold", "italic", "code", "link", None):
        format_menu.addSeparator() if name is None else format_menu.addAction(a[name])
    for name in ("heading1", "heading2", "heading3", "paragraph", None, "bullet_list", "numbered_list", "quote"):
        format_menu.addSeparator() if name is None else format_menu.addAction(a[name])
    view_menu = bar.addMenu("&View")  # filled by WindowLayout and the panes
    help_menu = bar.addMenu("&Help")
    for name in ("writers_guide", "keyboard_shortcuts", None, "about"):
        help_menu.addSeparator() if name is None else help_menu.addAction(a[name])

    toolbar = QToolBar("Main toolbar", objectName="mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for name in (
        "new_article",
        "save",
        "export_html",
        None,
        "undo",
        "redo",
        None,
        "bold",
        "italic",
        "link",
        None,
        "find",
    ):
        toolbar.addSeparator() if name is None else toolbar.addAction(a[name])
    window.addToolBar(toolbar)
    window.toolbar = toolbar
    window.library.view.addAction(a["delete_article"])
    return {"file": file_menu, "edit": edit_menu, "format": format_menu, "view": view_menu, "help": help_menu}


def connect_commands(window: MainWindow) -> None:
    """What each of the window's own commands does (the features connect theirs)."""
    a = window.actions_
    a["new_article"].triggered.connect(window.new_article)
    a["save"].triggered.connect(window.save_now)
    a["export_html"].triggered.connect(window.export_current)
    a["delete_article"].triggered.connect(window.delete_current)
    a["show_trash"].triggered.connect(window.show_trash)
    a["backups"].triggered.connect(window.show_backups)
    a["quit"].triggered.connect(window.close)
    for name, method in (("cut", "cut"), ("copy", "copy"), ("paste", "paste"), ("select_all", "selectAll")):
        a[name].triggered.connect(lambda _checked=False, m=method: edit_focused(window, m))
    a["undo"].triggered.connect(window.editor.undo)
    a["redo"].triggered.connect(window.editor.redo)
    window.editor.undoAvailable.connect(a["undo"].setEnabled)
    window.editor.redoAvailable.connect(a["redo"].setEnabled)
    a["bold"].triggered.connect(lambda: formatting.toggle_bold(window.editor))
    a["italic"].triggered.connect(lambda: formatting.toggle_italic(window.editor))
    a["link"].triggered.connect(lambda: formatting.insert_link(window.editor))
    a["code"].triggered.connect(lambda: block_format.toggle_code(window.editor))
    for name, style in (
        ("heading1", "heading1"),
        ("heading2", "heading2"),
        ("heading3", "heading3"),
        ("paragraph", "paragraph"),
        ("bullet_list", "bullet"),
        ("numbered_list", "numbered"),
        ("quote", "quote"),
    ):
        a[name].triggered.connect(lambda _checked=False, st=style: block_format.apply_line_style(window.editor, st))
    a["find"].triggered.connect(window.find_bar.show_find)
    a["replace"].triggered.connect(window.find_bar.show_replace)
    a["find_next"].triggered.connect(window.find_bar.find_next)
    a["find_previous"].triggered.connect(window.find_bar.find_previous)
    a["focus_library_filter"].triggered.connect(window._focus_library_filter)
    a["about"].triggered.connect(window._about)
    a["writers_guide"].triggered.connect(lambda: window._help("guide"))
    a["keyboard_shortcuts"].triggered.connect(lambda: window._help("shortcuts"))


def edit_focused(window: MainWindow, method: str) -> None:
    """Edit › Cut/Copy/Paste/Select All on the focused text field, else on the body."""
    target = QApplication.focusWidget()
    if target is None or not hasattr(target, method) or not window.isAncestorOf(target):
        target = window.editor
    if method in ("cut", "paste") and getattr(target, "isReadOnly", lambda: False)():
        return
    getattr(target, method)()


def add_to_toolbar_after(window: MainWindow, action, after_id: str) -> None:
    """Put a feature's action on the main toolbar right after the action `after_id`."""
    toolbar = window.toolbar
    items = toolbar.actions()
    after = window.actions_[after_id]
    index = items.index(after) + 1 if after in items else len(items)
    if index < len(items):
        toolbar.insertAction(items[index], action)
    else:
        toolbar.addAction(action)
