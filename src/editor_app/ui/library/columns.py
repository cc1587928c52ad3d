"""The library's columns: which are shown, their widths and order, kept in the window's
settings (never in the store) and offered in the header's context menu. A mixin of `LibraryPane`."""

from __future__ import annotations

from PySide6.QtCore import (
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
)

from editor_app.ui.library.table_model import (
    COL,
    COLUMNS,
)

SETTINGS_KEY = "library/header"


class LibraryColumns:
    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        for i, (key, label, _sort, _visible) in enumerate(COLUMNS):
            act = menu.addAction(label)
            act.setObjectName(f"libraryColumn_{key}")
            act.setCheckable(True)
            act.setChecked(not self.view.isColumnHidden(i))
            act.setEnabled(key != "headline")
            act.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        menu.addSeparator()
        menu.addAction("Reset columns", self.reset_columns)
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.view.setColumnHidden(column, not visible)
        if visible and self.view.columnWidth(column) < 30:
            self.view.setColumnWidth(column, 90)
        self.view.viewport().update()
        self._save_timer.start()

    def reset_columns(self) -> None:
        hh = self.view.horizontalHeader()
        for i, (_key, _label, _sort, visible) in enumerate(COLUMNS):
            hh.moveSection(hh.visualIndex(i), i)
            self.view.setColumnHidden(i, not visible)
        self._save_timer.start()

    def _settings(self) -> QSettings:
        settings = getattr(self.window(), "settings", None)
        return settings if isinstance(settings, QSettings) else QSettings()

    def save_state(self) -> None:
        s = self._settings()
        s.setValue(SETTINGS_KEY, self.view.horizontalHeader().saveState())
        s.setValue("library/hidden", [COLUMNS[i][0] for i in range(len(COLUMNS)) if self.view.isColumnHidden(i)])

    def _restore_state(self) -> None:
        if self._state_restored:
            return
        self._state_restored = True
        s = self._settings()
        hidden = s.value("library/hidden")
        state = s.value(SETTINGS_KEY)
        hh = self.view.horizontalHeader()
        if state is not None:
            hh.blockSignals(True)
            hh.restoreState(state)
            hh.setSectionResizeMode(COL["headline"], QHeaderView.ResizeMode.Stretch)
            hh.blockSignals(False)
        if hidden is not None:
            hidden = [hidden] if isinstance(hidden, str) else list(hidden)
            for i, (key, *_rest) in enumerate(COLUMNS):
                self.view.setColumnHidden(i, key in hidden and key != "headline")
        col, order = hh.sortIndicatorSection(), hh.sortIndicatorOrder()
        if 0 <= col < len(COLUMNS):
            self.model.query = self.model.query.with_(
                sort=COLUMNS[col][2], descending=order == Qt.SortOrder.DescendingOrder
            )
