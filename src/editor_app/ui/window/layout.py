"""How the window shares its space: the View menu, the panes registry, room for the text,
workspaces and zoom, wired to the main window in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QTabBar, QVBoxLayout, QWidget

from editor_app.ui.window.panels import Panels
from editor_app.ui.window.text_room import TextRoom
from editor_app.ui.window.workspaces import LABELS, REVIEW, WRITE, Workspaces

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

ZOOM_STEPS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


class WindowLayout:
    def __init__(self, window: MainWindow, centre: QWidget) -> None:
        self.window = window
        a = window.actions_
        self.tabs = QTabBar(objectName="previewTabs")
        self.tabs.addTab("Text")
        self.tabs.addTab("Preview")
        self.tabs.setDocumentMode(True)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setToolTip("The preview is in a tab: there is not room for it beside the text (Ctrl+Shift+P flips)")
        self.tabs.hide()
        container = QWidget(objectName="centralArea")
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tabs)
        column.addWidget(window.splitter, 1)
        window.setCentralWidget(container)
        self.room = TextRoom(window, window.splitter, window.library, centre, window.preview, window.editor, self.tabs)
        self.room.preview_placement_changed.connect(lambda _tabbed: self.sync_pane_actions())
        self.panels = Panels(window, window.view_menu)
        self.workspaces = Workspaces(window, self.panels, self.room, window.settings, self.sync_pane_actions)
        self.zoom = 100

        view = window.view_menu
        for name in ("workspace_write", "workspace_review", "switch_workspace", "reset_layout", None):
            view.addSeparator() if name is None else view.addAction(a[name])
        for name in ("toggle_library", "toggle_preview", "preview_as_tab", "focus_library_filter", None):
            view.addSeparator() if name is None else view.addAction(a[name])
        for name in ("zoom_in", "zoom_out", "zoom_reset", None):
            view.addSeparator() if name is None else view.addAction(a[name])
        # the panes (Claims, Stocks, Checklist, ...) add themselves below, through `panels`

        a["toggle_library"].toggled.connect(self._library_toggled)
        a["toggle_preview"].toggled.connect(self._preview_toggled)
        a["preview_as_tab"].toggled.connect(self._preview_tab_toggled)
        a["workspace_write"].triggered.connect(lambda: self.workspaces.switch(WRITE))
        a["workspace_review"].triggered.connect(lambda: self.workspaces.switch(REVIEW))
        a["switch_workspace"].triggered.connect(self.workspaces.toggle)
        a["reset_layout"].triggered.connect(self.workspaces.reset)
        a["zoom_in"].triggered.connect(lambda: self.set_zoom(self._step(+1)))
        a["zoom_out"].triggered.connect(lambda: self.set_zoom(self._step(-1)))
        a["zoom_reset"].triggered.connect(lambda: self.set_zoom(100))
        self.workspaces.changed.connect(self._on_workspace)
        self._base_point_size = window.editor.font().pointSizeF()

    # -- the writer's wishes ----------------------------------------------------------------

    def _library_toggled(self, on: bool) -> None:
        self.room.library_wanted = on
        self.room.schedule()
        if on:  # asked for explicitly: show it now, even if the text has to give way
            self.window.library.setVisible(True)

    def _preview_toggled(self, on: bool) -> None:
        room = self.room
        if room.tabbed and room.preview_wanted and not on:
            # in a tab, the preview shortcut flips between the text and the preview
            room.tabs.setCurrentIndex(1 - room.tabs.currentIndex())
            self._set_checked("toggle_preview", True)
            return
        room.preview_wanted = on
        room.fit()

    def _preview_tab_toggled(self, on: bool) -> None:
        self.room.preview_as_tab = on
        self.room.fit()

    def _set_checked(self, name: str, on: bool) -> None:
        action = self.window.actions_[name]
        was = action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(was)

    def sync_pane_actions(self) -> None:
        room = self.room
        self._set_checked("toggle_library", room.library_wanted)
        self._set_checked("toggle_preview", room.preview_wanted)
        self._set_checked("preview_as_tab", room.preview_as_tab)
        self._set_checked("workspace_write", self.workspaces.current == WRITE)
        self._set_checked("workspace_review", self.workspaces.current == REVIEW)

    def _on_workspace(self, name: str) -> None:
        self.sync_pane_actions()
        self.window.statusBar().showMessage(f"{LABELS[name]} workspace", 3000)

    # -- zoom -------------------------------------------------------------------------------

    def _step(self, direction: int) -> int:
        if direction > 0:
            return next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1])
        return next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0])

    def set_zoom(self, percent: int) -> None:
        """Editor text and preview together, as the desk reads them (Ctrl+= / Ctrl+- / Ctrl+0)."""
        self.zoom = min(max(int(percent), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        editor = self.window.editor
        font = editor.font()
        font.setPointSizeF(self._base_point_size * self.zoom / 100)
        editor.setFont(font)
        self.window.preview.setZoomFactor(self.zoom / 100)
        self.window.settings.setValue("view/zoom", self.zoom)
        self.room.schedule()
        self.window.statusBar().showMessage(f"Zoom {self.zoom} %", 2000)

    # -- state ------------------------------------------------------------------------------

    def restore(self) -> bool:
        """Window state, splitter, panes and zoom as the desk left them; False on first start."""
        w, s = self.window, self.window.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            w.restoreGeometry(geometry)
        state = s.value("window/state")
        restored = isinstance(state, QByteArray) and w.restoreState(state)
        sizes = s.value("window/splitter")
        if isinstance(sizes, QByteArray):
            w.splitter.restoreState(sizes)
        else:
            w.splitter.setSizes([260, 620, 520])
        self.room.library_wanted = s.value("panes/library", True, type=bool)
        self.room.preview_wanted = s.value("panes/preview", True, type=bool)
        self.room.preview_as_tab = s.value("panes/preview_tab", False, type=bool)
        self.sync_pane_actions()
        zoom = s.value("view/zoom", 100, type=int)
        if zoom != 100:
            self.set_zoom(zoom)
        self.room.fit()
        return bool(restored)

    def save(self) -> None:
        s, w = self.window.settings, self.window
        s.setValue("window/geometry", w.saveGeometry())
        s.setValue("window/state", w.saveState())
        s.setValue("window/splitter", w.splitter.saveState())
        s.setValue("panes/library", self.room.library_wanted)
        s.setValue("panes/preview", self.room.preview_wanted)
        s.setValue("panes/preview_tab", self.room.preview_as_tab)
        self.workspaces.remember()

    def first_start(self) -> None:
        """No saved layout: the current workspace (Write on a new desk) out of the box."""
        self.workspaces.apply_default(self.workspaces.current)

    def focus_text(self) -> None:
        self.window.editor.setFocus(Qt.FocusReason.OtherFocusReason)
