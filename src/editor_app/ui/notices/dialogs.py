"""The notice dialogs: add a notice, kill an article, the desk's list of corrections, and the
embargo's refusal with its override (the reason is required and kept in the history)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.notices import Notice, NoticeKind
from editor_app.ui.review.common import local_time

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


def _text_field(name: str, placeholder: str) -> QPlainTextEdit:
    field = QPlainTextEdit(objectName=name)
    field.setPlaceholderText(placeholder)
    field.setTabChangesFocus(True)
    field.setMinimumHeight(70)
    field.setMaximumHeight(110)
    return field


class AddNoticeDialog(QDialog):
    """Kind and text of a notice on the open published article; OK only with a text."""

    def __init__(self, title: str, live: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addNoticeDialog")
        self.setWindowTitle("Add Notice")
        self.kind = QComboBox(objectName="noticeKind")
        for kind in (NoticeKind.CORRECTION, NoticeKind.CLARIFICATION, NoticeKind.UPDATE):
            self.kind.addItem(kind.label, kind.value)
        self.text = _text_field("noticeText", "What changed, as readers will see it: “An earlier version said …”")
        when = (
            "It is published at once and cannot be edited or deleted afterwards; a mistaken notice gets a further notice."
            if live
            else "The article is reopened: the notice goes out with its next publication."
        )
        intro = QLabel(f"<b>{title}</b><br>{when}", wordWrap=True)
        form = QFormLayout()
        form.addRow("Kind", self.kind)
        form.addRow("Notice", self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Publish notice" if live else "Save notice")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        self.resize(520, 260)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text.toPlainText().strip()))

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def notice_text(self) -> str:
        return self.text.toPlainText().strip()


class ReasonDialog(QDialog):
    """A yes/no with a required reason (kill, embargo override)."""

    def __init__(
        self, title: str, message: str, ok_text: str, name: str, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.message = QLabel(message, objectName=f"{name}Message", wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = _text_field(f"{name}Reason", placeholder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = QPushButton(ok_text, objectName=f"{name}Ok")
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason_text())))
        self.ok.setEnabled(False)
        self.resize(560, 240)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


def kill_dialog(title: str, parent: QWidget | None = None) -> ReasonDialog:
    return ReasonDialog(
        "Kill Article",
        f"Withdraw “{title}”? It leaves the export index and its ninjs becomes “canceled”; its text, "
        "claims and history are kept. Say why: the reason is kept and published with the withdrawal.",
        "Kill article",
        "killDialog",
        "Why it is withdrawn (required)",
        parent,
    )


def embargo_dialog(message: str, warnings: Sequence[str], action: str, parent: QWidget | None = None) -> ReasonDialog:
    """The refusal of an export or publication before the embargo, with the trading sessions
    it would fall in; "Export anyway" needs a reason."""
    text = message
    if warnings:
        text += "\n\n" + "\n".join(f"⚠ {w}" for w in warnings)
    return ReasonDialog(
        "Under embargo",
        text,
        f"{action} anyway",
        "embargoDialog",
        "Reason for overriding the embargo (required; kept in the history)",
        parent,
    )


class CorrectionsDialog(QDialog):
    """File › Corrections: every notice of every article, newest first; activating a row (or
    clicking it) opens its article."""

    open_article = Signal(int)
    HEADERS = ("When", "Kind", "Article", "Notice", "By")

    def __init__(self, notices: Sequence[Notice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionsDialog")
        self.setWindowTitle("Corrections")
        self.table = QTableWidget(0, len(self.HEADERS), objectName="correctionsTable")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setStyleSheet("QTableWidget#correctionsTable::item { padding: 5px 6px; }")
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        hh.resizeSection(2, 240)
        self.empty = QLabel("No correction, clarification or update has been published yet.", objectName="noNotices")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every notice on every article, newest first. Click one to open its article."))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(close)
        self.table.cellClicked.connect(lambda row, _col: self._open(row))
        self.table.cellActivated.connect(lambda row, _col: self._open(row))
        hh.sectionResized.connect(lambda *_: self._fit_rows())
        self.set_notices(notices)
        self.resize(900, 460)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows()  # the wrapped notices, at the columns' real widths

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
        for row in range(self.table.rowCount()):  # the cells' padding is not in their size hint
            self.table.setRowHeight(row, self.table.rowHeight(row) + 8)

    def set_notices(self, notices: Sequence[Notice]) -> None:
        self.table.setRowCount(0)
        for n in notices:
            row = self.table.rowCount()
            self.table.insertRow(row)
            when = local_time(n.when) + ("" if n.published else " (waiting)")
            cells = (when, n.kind.label, n.article_title.strip() or "Untitled", n.text, n.who or "unknown")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ARTICLE_ROLE, n.article_id)
                item.setToolTip(text if col != 0 else n.when.isoformat())
                self.table.setItem(row, col, item)
        self._fit_rows()
        self.empty.setVisible(not notices)
        self.table.setVisible(bool(notices))

    def _open(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_article.emit(int(item.data(ARTICLE_ROLE)))
