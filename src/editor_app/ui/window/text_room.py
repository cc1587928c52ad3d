"""Room for the text: the editor keeps a readable measure (~60 characters) while there is room.

When the window gets narrower, the others give way in this order: the preview narrows to its
minimum, the side panes narrow to theirs, the preview moves to a tab beside the editor, the
library folds away; only then does the text get narrower. Widening the window brings them back.
Every arrangement is worked out from the width and what the writer asked for (library shown,
preview shown, preview as a tab), never from the previous arrangement, so nothing oscillates.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPlainTextEdit, QSplitter, QTabBar, QWidget

MEASURE_CHARS = 60
PREVIEW_MIN = 360
LIBRARY_MIN = 200
DOCK_MIN = 280
_SAMPLE = "Shares of the carmaker rose 3% after the report, then fell. "


@dataclass(frozen=True)
class Arrangement:
    library: bool
    preview_beside: bool
    dock_width: int | None  # None: leave the side panes as they are
    centre: int  # the editor column's width in this arrangement


def measure_px(editor: QPlainTextEdit, chars: int = MEASURE_CHARS) -> int:
    """Pixels for `chars` characters of running text in the editor's font, with its margins."""
    fm = editor.fontMetrics()
    per_char = fm.horizontalAdvance(_SAMPLE) / len(_SAMPLE)
    margins = 2 * int(editor.document().documentMargin()) + 2 * editor.frameWidth()
    scrollbar = editor.verticalScrollBar().sizeHint().width()
    return round(per_char * chars) + margins + scrollbar + 8


def plan(
    width: int,
    measure: int,
    *,
    library_wanted: bool,
    preview_wanted: bool,
    preview_as_tab: bool,
    dock_width: int,
    handle: int = 6,
) -> Arrangement:
    """The first arrangement, in the order the panes give way, that leaves the text `measure`
    pixels. `width` is the window's inner width shared by the splitter and the side panes."""
    candidates: list[tuple[bool, bool, int | None]] = []
    docks = [None, DOCK_MIN] if dock_width > DOCK_MIN else [None]
    beside = preview_wanted and not preview_as_tab
    for library in [True, False] if library_wanted else [False]:
        for preview in [True, False] if beside else [False]:
            candidates.extend((library, preview, d) for d in docks)
    best: Arrangement | None = None
    for library, preview, dock in candidates:
        used = (dock if dock is not None else dock_width) + (LIBRARY_MIN + handle if library else 0)
        used += PREVIEW_MIN + handle if preview else 0
        arrangement = Arrangement(library, preview, dock, width - used)
        if arrangement.centre >= measure:
            return arrangement
        best = arrangement
    assert best is not None
    return best


class TextRoom(QObject):
    """Applies `plan` to the window on every resize and whenever a pane is shown or hidden."""

    preview_placement_changed = Signal(bool)  # True: the preview is in a tab beside the editor

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        library: QWidget,
        centre: QWidget,
        preview: QWidget,
        editor: QPlainTextEdit,
        tabs: QTabBar,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.splitter, self.library, self.centre, self.preview = splitter, library, centre, preview
        self.editor = editor
        self.tabs = tabs
        self.library_wanted = True
        self.preview_wanted = True
        self.preview_as_tab = False  # the writer's choice (View › Preview as Tab)
        self.tabbed = False  # where the preview is now (chosen, or for want of room)
        self.library_folded = False
        self._dock_width_wanted: int | None = None
        self._dock_width_set: int | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        tabs.currentChanged.connect(lambda _i: self._show_tab())
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def schedule(self) -> None:
        self._timer.start()

    def _right_docks(self) -> list[QDockWidget]:
        w = self.window
        return [
            d
            for d in w.findChildren(QDockWidget)
            if d.parent() is w
            and not d.isFloating()
            and d.isVisible()
            and w.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea
        ]

    def fit(self) -> None:
        if self.window.isMinimized() or not self.window.isVisible():
            self._show_tab()  # sizes mean nothing before the window is shown: its first resize fits
            return
        docks = self._right_docks()
        dock_now = max((d.width() for d in docks), default=0)
        if docks and dock_now != self._dock_width_set:
            self._dock_width_wanted = dock_now  # the desk dragged it: that is the width to come back to
        dock_width = (self._dock_width_wanted or dock_now) if docks else 0
        separator = self.window.style().pixelMetric(self.window.style().PixelMetric.PM_DockWidgetSeparatorExtent)
        width = self.splitter.width() + (dock_now + separator if docks else 0)
        arrangement = plan(
            width,
            measure_px(self.editor),
            library_wanted=self.library_wanted,
            preview_wanted=self.preview_wanted,
            preview_as_tab=self.preview_as_tab,
            dock_width=dock_width,
        )
        if docks:
            target = arrangement.dock_width or dock_width
            if target != dock_now:
                self._dock_width_set = target
                self.window.resizeDocks(docks[:1], [target], Qt.Orientation.Horizontal)
            else:
                self._dock_width_set = dock_now
        self.library_folded = self.library_wanted and not arrangement.library
        self.library.setVisible(arrangement.library)
        tabbed = self.preview_wanted and not arrangement.preview_beside
        if tabbed != self.tabbed:
            self.tabbed = tabbed
            self.preview_placement_changed.emit(tabbed)
        self.tabs.setVisible(tabbed)
        self._show_tab()
        self._give_text_room(arrangement)

    def _show_tab(self) -> None:
        if self.tabbed:
            on_preview = self.tabs.currentIndex() == 1
            self.centre.setVisible(not on_preview)
            self.preview.setVisible(on_preview)
        else:
            self.centre.setVisible(True)
            self.preview.setVisible(self.preview_wanted)

    def _give_text_room(self, arrangement: Arrangement) -> None:
        """The splitter as the desk left it, unless the text got less than its measure: then
        the library and the preview give up width (down to their minimums)."""
        sizes = self.splitter.sizes()
        measure = measure_px(self.editor)
        if sum(sizes) == 0 or not self.centre.isVisible():
            return
        if arrangement.preview_beside and self.preview.isVisible() and sizes[2] < PREVIEW_MIN:
            # a preview shown again (after a tab, another workspace) comes back with no width:
            # it gets half the shared width, at least its minimum, never the text's measure
            shared = sizes[1] + sizes[2]
            sizes[2] = max(PREVIEW_MIN, min(shared // 2, shared - measure))
            sizes[1] = shared - sizes[2]
            self.splitter.setSizes(sizes)
        if sizes[1] >= measure:
            return
        deficit = measure - sizes[1]
        if arrangement.preview_beside:
            take = min(deficit, max(0, sizes[2] - PREVIEW_MIN))
            sizes[2] -= take
            deficit -= take
        if arrangement.library and deficit > 0:
            take = min(deficit, max(0, sizes[0] - LIBRARY_MIN))
            sizes[0] -= take
            deficit -= take
        sizes[1] = measure - deficit
        self.splitter.setSizes(sizes)
