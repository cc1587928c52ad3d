"""Side panes as dock widgets whose content is built the first time they are shown.

Claim and ticker panes plug in here; building lazily (as Frescobaldi does) keeps start-up fast.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


class LazyDock(QDockWidget):
    def __init__(self, title: str, object_name: str, factory: Callable[[], QWidget], parent: QMainWindow) -> None:
        super().__init__(title, parent)
        self.setObjectName(object_name)  # saveState/restoreState key
        self._factory = factory
        self.in_front = False  # shown and the current tab of its group (isVisible() says True behind a tab)
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea
            | Qt.DockWidgetArea.RightDockWidgetArea
            | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.visibilityChanged.connect(self._build_if_shown)

    @property
    def built(self) -> bool:
        return self.widget() is not None

    def _build_if_shown(self, visible: bool) -> None:
        self.in_front = visible
        if visible and not self.built:
            self.setWidget(self._factory())

    def content(self) -> QWidget:
        if not self.built:
            self.setWidget(self._factory())
        return self.widget()
