"""A small table of a claim's rows (who reported it, who answered) with add, edit, remove and
move buttons, and the panel's headings and tool buttons."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.common.widgets import plain_tooltip
from editor_app.ui.theme.icons import set_icon


def heading(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 2)
    return label


def tool_button(icon: str, tip: str, name: str) -> QToolButton:
    button = QToolButton(objectName=name)
    set_icon(button, icon)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button


class RowTable(QWidget):
    """A read-only table of rows (appearances or responses) with Add/Edit/Remove/Up/Down."""

    def __init__(self, noun: str, headers: list[str], stretch: int, name: str) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(headers), objectName=f"{name}Table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self.stretch = stretch
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        cap = name[0].upper() + name[1:]
        self.add = tool_button("fa6s.plus", f"Add {noun}…", f"add{cap}")
        self.edit = tool_button("fa6s.pen", f"Edit the selected {noun}…", f"edit{cap}")
        self.remove = tool_button("fa6s.minus", f"Remove the selected {noun}", f"remove{cap}")
        self.up = tool_button("fa6s.arrow-up", "Move up", f"up{cap}")
        self.down = tool_button("fa6s.arrow-down", "Move down", f"down{cap}")
        self.add.setText("Add")
        self.add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(0)
        for b in (self.add, self.edit, self.remove):
            buttons.addWidget(b)
        buttons.addSpacing(8)
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.set_rows([])

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def set_rows(self, rows: list[list[str]], select: int = -1) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text, never markup
                item.setToolTip(plain_tooltip(value) if value else "")
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c in range(table.columnCount()):
            table.setColumnWidth(c, min(max(table.columnWidth(c), 48), 260 if c == self.stretch else 160))
        rh = table.verticalHeader().defaultSectionSize()
        visible = min(max(len(rows), 1), 5)
        table.setFixedHeight(
            table.horizontalHeader().height()
            + rh * visible
            + 2 * table.frameWidth()
            + (table.horizontalScrollBar().sizeHint().height() if rows else 0)
        )
        if 0 <= select < len(rows):
            table.selectRow(select)
        else:
            table.clearSelection()
        self.update_buttons()

    def update_buttons(self) -> None:
        row = self.current_row()
        n = self.table.rowCount()
        self.edit.setEnabled(row >= 0)
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < n - 1)
