"""Two workspaces: Write (library, editor, preview) and Review (editor, claims, checklist,
sources, comments), each remembering how the desk arranged it; View › Reset Layout.

A workspace is a window arrangement, never data: it lives in QSettings next to the window
geometry. Switching keeps the open article, the cursor and everything unsaved where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal

if TYPE_CHECKING:
    from editor_app.ui.window.panels import Panels
    from editor_app.ui.window.text_room import TextRoom

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
WRITE, REVIEW = "write", "review"
LABELS = {WRITE: "Write", REVIEW: "Review"}
REVIEW_PANES = ("checklist", "sources", "comments")  # below Claims, one tab group


class Workspaces(QObject):
    changed = Signal(str)

    def __init__(self, window, panels: Panels, room: TextRoom, settings: QSettings, sync: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.panels, self.room, self.settings = window, panels, room, settings
        self._sync = sync  # the View menu's check marks follow
        current = str(settings.value("workspace/current", WRITE))
        self.current = current if current in LABELS else WRITE

    # -- defaults -------------------------------------------------------------------------

    def _dock(self, pane_id: str):
        pane = self.panels.get(pane_id)
        return pane.dock if pane is not None else None

    def _place(self, groups: list[list]) -> None:
        """The panes on the right: one tab group per entry, groups stacked top to bottom, the
        first pane of each group in front. Panes that live elsewhere (the Outline, on the left)
        go back to their side, hidden."""
        w = self.window
        for dock in self.panels.docks():
            dock.setFloating(False)
            w.removeDockWidget(dock)
        for group in groups:
            w.addDockWidget(RIGHT, group[0], Qt.Orientation.Vertical)
            for dock in group[1:]:
                w.tabifyDockWidget(group[0], dock)
        for pane in self.panels.all():
            if pane.area != RIGHT:
                w.addDockWidget(pane.area, pane.dock)
                pane.dock.hide()

    def apply_default(self, name: str) -> None:
        w = self.window
        room = self.room
        docks = {p.id: p.dock for p in self.panels.all() if p.area == RIGHT}
        if name == REVIEW:
            # the preview beside the text while there is room (an editor checks the page as read);
            # the text-room rule makes it a tab on narrower screens
            room.library_wanted, room.preview_wanted, room.preview_as_tab = False, True, False
            top = [docks[k] for k in ("claims", "stocks") if k in docks]
            below = [docks[k] for k in REVIEW_PANES if k in docks]
            self._place([g for g in (top, below) if g])
            rest = [d for d in docks.values() if d not in top and d not in below]
            for dock in (*top, *below):
                dock.show()
            if docks.get("stocks") is not None:
                docks["stocks"].hide()
            for dock in rest:
                dock.hide()
            for group in (top, below):
                if group:
                    group[0].raise_()
            shown = [d for d in (*top, *below) if d.isVisibleTo(w)]
            if shown:
                w.resizeDocks(shown[:1], [440], Qt.Orientation.Horizontal)
        else:
            room.library_wanted, room.preview_wanted, room.preview_as_tab = True, True, False
            order = [docks[k] for k in ("claims", "stocks", *REVIEW_PANES) if k in docks]
            order += [d for d in docks.values() if d not in order]
            self._place([order] if order else [])
            for dock in order:
                dock.hide()
        room.tabs.setCurrentIndex(0)
        total = max(w.splitter.width(), 900)
        w.splitter.setSizes([260, (total - 260) // 2, (total - 260) // 2])
        self._sync()
        room.fit()
        room.schedule()  # again once the docks have their new sizes

    # -- switching --------------------------------------------------------------------------

    def _key(self, name: str, part: str) -> str:
        return f"workspace/{name}/{part}"

    def remember(self) -> None:
        """The current arrangement, under the current workspace's name."""
        s, w, room = self.settings, self.window, self.room
        s.setValue(self._key(self.current, "state"), w.saveState())
        s.setValue(self._key(self.current, "splitter"), w.splitter.saveState())
        s.setValue(self._key(self.current, "library"), room.library_wanted)
        s.setValue(self._key(self.current, "preview"), room.preview_wanted)
        s.setValue(self._key(self.current, "preview_tab"), room.preview_as_tab)
        s.setValue("workspace/current", self.current)

    def _restore(self, name: str) -> bool:
        s, w, room = self.settings, self.window, self.room
        state = s.value(self._key(name, "state"))
        if not isinstance(state, QByteArray) or not w.restoreState(state):
            return False
        splitter = s.value(self._key(name, "splitter"))
        if isinstance(splitter, QByteArray):
            w.splitter.restoreState(splitter)
        room.library_wanted = s.value(self._key(name, "library"), True, type=bool)
        room.preview_wanted = s.value(self._key(name, "preview"), True, type=bool)
        room.preview_as_tab = s.value(self._key(name, "preview_tab"), False, type=bool)
        room.tabs.setCurrentIndex(0)
        self._sync()
        room.fit()
        room.schedule()  # again once the docks have their new sizes
        return True

    def switch(self, name: str) -> None:
        if name not in LABELS:
            raise ValueError(name)
        if name != self.current:
            self.remember()
            self.current = name
            if not self._restore(name):
                self.apply_default(name)
            self.settings.setValue("workspace/current", name)
        self.changed.emit(name)

    def toggle(self) -> None:
        self.switch(REVIEW if self.current == WRITE else WRITE)

    def reset(self) -> None:
        """View › Reset Layout: the current workspace as it comes out of the box."""
        for part in ("state", "splitter", "library", "preview", "preview_tab"):
            self.settings.remove(self._key(self.current, part))
        self.apply_default(self.current)
        self.changed.emit(self.current)
