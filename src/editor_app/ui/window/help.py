"""Help › Writer's Guide and Help › Keyboard Shortcuts.

The shortcuts page is read from the window's actions at the moment it opens, so it lists what
the keys really do (panes and review commands included) and can never fall out of date.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from editor_app.resources import read_text


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(command, keys) for every action of the window that has a shortcut, menus' order kept."""
    seen: set[int] = set()
    rows: list[tuple[str, str]] = []
    actions: list[QAction] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            actions.extend(a for a in menu.actions() if not a.isSeparator())
    actions.extend(window.actions())
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        text = action.text().split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if not keys or id(action) in seen or not text:
            continue
        seen.add(id(action))
        rows.append((text, " or ".join(keys)))
    return rows


def shortcuts_html(window: QWidget) -> str:
    body = "".join(
        f"<tr><td>{html.escape(text)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for text, keys in shortcut_rows(window)
    )
    return f'<table cellpadding="4" width="100%">{body}</table>'


class HelpDialog(QDialog):
    PAGES = ("guide", "shortcuts")

    def __init__(self, window: QWidget, page: str = "guide") -> None:
        super().__init__(window)
        self.setObjectName("helpDialog")
        self.setWindowTitle("Help")
        self.tabs = QTabWidget(objectName="helpTabs")
        self.guide = QTextBrowser(objectName="guideText")
        self.guide.setOpenExternalLinks(False)
        self.guide.setHtml(read_text("help", "guide.html"))
        self.shortcuts = QTextBrowser(objectName="shortcutsText")
        self.shortcuts.setHtml(shortcuts_html(window))
        self.tabs.addTab(self.guide, "Writer's Guide")
        self.tabs.addTab(self.shortcuts, "Keyboard Shortcuts")
        self.tabs.setCurrentIndex(self.PAGES.index(page) if page in self.PAGES else 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(760, 640)


def show_help(window: QWidget, page: str) -> HelpDialog:
    """Non-modal: the guide can stay open beside the text."""
    dialog = getattr(window, "_help_dialog", None)
    if dialog is None:
        dialog = HelpDialog(window, page)
        window._help_dialog = dialog
    else:
        dialog.tabs.setCurrentIndex(HelpDialog.PAGES.index(page) if page in HelpDialog.PAGES else 0)
        dialog.shortcuts.setHtml(shortcuts_html(window))
    dialog.show()
    dialog.raise_()
    return dialog
