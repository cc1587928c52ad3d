"""The article's confirmed stock tags as a table: symbol, market, name, role (about or
mentions, edited in place), in the order the page publishes them; rows move by drag and drop."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from editor_app.core.tickers.tags import ROLE_LABELS, ROLES, TickerTag

TAG_MIME = "application/x-editor-app-ticker-tag"


# ----------------------------------------------------------------------------- confirmed tags
class TagTableModel(QAbstractTableModel):
    """The article's tags; reorder by drag (the store does the move) and role by combo."""

    COLUMNS = ("Symbol", "Exchange", "Company", "Role")
    SYMBOL, EXCHANGE, COMPANY, ROLE = range(4)
    move_requested = Signal(int, int)  # tag id, new position
    role_requested = Signal(int, str)  # tag id, role

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tags: list[TickerTag] = []

    def set_tags(self, tags: list[TickerTag]) -> None:
        self.beginResetModel()
        self.tags = list(tags)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.tags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.tags):
            return None
        tag = self.tags[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                tag.symbol,
                tag.exchange or "—",
                tag.name or ("unlisted" if tag.unlisted else ""),
                ROLE_LABELS[tag.role],
            )[col]
        if role == Qt.ItemDataRole.EditRole:
            return tag.role if col == self.ROLE else None
        if role == Qt.ItemDataRole.UserRole:
            return tag
        if role == Qt.ItemDataRole.FontRole and col == self.SYMBOL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == self.SYMBOL and tag.unlisted:
            return qta.icon("fa6s.triangle-exclamation")
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = "\nUnlisted: not in the symbol directory; published as typed." if tag.unlisted else ""
            return (
                f"{tag.name or tag.symbol} — {tag.notation} ({ROLE_LABELS[tag.role].lower()}){extra}\n"
                "Drag to reorder; right-click for more."
            )
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.ROLE and value in ROLES:
            tag = self.tags[index.row()]
            if tag.role != value and tag.id is not None:
                self.role_requested.emit(tag.id, str(value))
            return True
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == self.ROLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows and self.tags[rows[0]].id is not None:
            data.setData(TAG_MIME, str(self.tags[rows[0]].id).encode())
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Ask for the move and report 'not dropped', so the view removes nothing itself: the
        pane reloads the order from the store."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(TAG_MIME):
            return False
        tag_id = int(bytes(data.data(TAG_MIME)).decode() or 0)
        source = next((i for i, t in enumerate(self.tags) if t.id == tag_id), -1)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.tags))
        if target > source:
            target -= 1
        if target != source:
            self.move_requested.emit(tag_id, target)
        return False


Index = QModelIndex | QPersistentModelIndex


class RoleDelegate(QStyledItemDelegate):
    """The role column as an always-open combo: About / Mentions."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("tickerRoleCombo")
        for role in ROLES:
            combo.addItem(ROLE_LABELS[role], role)
        combo.setToolTip("About: the story is about this company. Mentions: named in passing.")
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        if i >= 0 and editor.currentIndex() != i:
            editor.blockSignals(True)
            editor.setCurrentIndex(i)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TagTable(QTableView):
    """Tag list; Delete removes, Alt+Up/Down move."""

    remove_pressed = Signal()
    move_pressed = Signal(int)  # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.remove_pressed.emit()
            return
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_pressed.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)
