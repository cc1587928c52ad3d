"""The side panes in one registry: docks, their tab groups, View menu entries and shortcuts.

In the spirit of Frescobaldi's panel manager: a feature hands its dock over once and never pokes
at the window's dock layout itself. A pane shortcut shows and focuses its pane (bringing it to
the front of its tab group); pressing it again goes back to where you were: focus returns, and
a pane that was hidden or behind another tab goes back there.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


@dataclass
class Pane:
    id: str
    dock: QDockWidget
    label: str
    shortcut: str
    show_action: QAction  # the shortcut: show and focus, again to go back
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea  # where the workspaces put it


@dataclass
class _Before:
    """Where the writer was before a pane shortcut: what to go back to on the second press."""

    focus: QWidget | None
    shown: bool
    front: QDockWidget | None  # the pane that was in front of its tab group


def in_front(dock: QDockWidget) -> bool:
    """Shown, and not behind another pane's tab."""
    if not dock.isVisible():
        return False
    flag = getattr(dock, "in_front", None)
    return bool(flag) if flag is not None else not dock.visibleRegion().isEmpty()


def first_focusable(root: QWidget) -> QWidget | None:
    """The first widget inside `root` that takes focus with Tab (a search box, a list)."""
    for child in root.findChildren(QWidget):
        if (
            child.focusPolicy() & Qt.FocusPolicy.TabFocus
            and child.isVisibleTo(root)
            and child.isEnabled()
            and not isinstance(child, QMenu)
        ):
            return child
    return None


class Panels(QObject):
    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.view_menu = view_menu
        self._panes: dict[str, Pane] = {}
        self._before: dict[str, _Before] = {}

    def add(
        self,
        pane_id: str,
        dock: QDockWidget,
        label: str,
        shortcut: str,
        tip: str,
        *,
        tab_with: str | None = None,
        area: Qt.DockWidgetArea = RIGHT,
    ) -> Pane:
        """Place `dock` (where the saved layout had it, else in `area`, tabbed with `tab_with`)
        and give it a View menu entry and a shortcut."""
        w = self.window
        if not w.restoreDockWidget(dock):  # restoreState ran before the dock existed
            w.addDockWidget(area, dock)
            other = self._panes.get(tab_with) if tab_with else None
            if other is not None and w.dockWidgetArea(other.dock) == area:
                w.tabifyDockWidget(other.dock, dock)
        toggle = dock.toggleViewAction()
        toggle.setText(f"{label}\t{QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)}")
        toggle.setToolTip(tip)
        toggle.triggered.connect(lambda shown: shown and dock.raise_())  # the front of its tab group
        self.view_menu.addAction(toggle)
        show = QAction(f"Show {label.replace('&', '')}", w, objectName=f"action_show_{pane_id}")
        show.setShortcut(QKeySequence(shortcut))
        show.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        show.triggered.connect(lambda: self.press(pane_id))
        w.addAction(show)
        pane = Pane(pane_id, dock, label, shortcut, show, area)
        self._panes[pane_id] = pane
        return pane

    def get(self, pane_id: str) -> Pane | None:
        return self._panes.get(pane_id)

    def all(self) -> list[Pane]:
        return list(self._panes.values())

    def docks(self) -> list[QDockWidget]:
        return [p.dock for p in self._panes.values()]

    def has_focus(self, pane_id: str) -> bool:
        focus = QApplication.focusWidget()
        dock = self._panes[pane_id].dock
        return focus is not None and (focus is dock or dock.isAncestorOf(focus))

    def front_of_group(self, dock: QDockWidget) -> QDockWidget | None:
        """The pane in front of `dock`'s tab group (None when the group shows none)."""
        for other in [dock, *self.window.tabifiedDockWidgets(dock)]:
            if in_front(other):
                return other
        return None

    def press(self, pane_id: str) -> None:
        """The pane's shortcut: show, bring to front and focus; pressed again, go back."""
        pane = self._panes[pane_id]
        dock = pane.dock
        before = self._before.pop(pane_id, None)
        if before is not None and in_front(dock) and self.has_focus(pane_id):
            if not before.shown:
                dock.hide()
            elif before.front is not None and before.front is not dock:
                before.front.raise_()
            target = before.focus
            if target is None or not target.isVisible():
                target = getattr(self.window, "editor", None)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self._before[pane_id] = _Before(
            focus=QApplication.focusWidget(),
            shown=dock.toggleViewAction().isChecked(),
            front=self.front_of_group(dock),
        )
        self.show(pane_id, focus=True)

    def show(self, pane_id: str, *, focus: bool = False) -> None:
        dock = self._panes[pane_id].dock
        dock.show()
        dock.raise_()
        if focus:
            content = dock.content() if hasattr(dock, "content") else dock.widget()
            target = first_focusable(content) if content is not None else None
            (target or dock).setFocus(Qt.FocusReason.ShortcutFocusReason)
