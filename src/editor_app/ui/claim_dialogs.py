"""Small dialogs that edit one appearance or one response of a claim.

Every text the writer types is shown and returned as plain text: labels use Qt.PlainText and
no widget here ever interprets markup. Party fields autocomplete from the known parties
(case-insensitive, matching anywhere in the name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

import qtawesome as qta
from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.claims import Appearance, Channel, Response, Stance

_NO_DATE = QDate(1900, 1, 1)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel that never interprets markup (user text may contain `<script>` and friends)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def party_completer(names: Sequence[str], parent: QObject) -> QCompleter:
    completer = QCompleter(QStringListModel(list(names), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


def url_problem(url: str) -> str:
    """Why `url` cannot be a source link ("" when it is fine or empty)."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "The web address is not valid."
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "Use a web address starting with https:// (or http://)."
    return ""


class OptionalDateEdit(QWidget):
    """A date that may be unset: a QDateEdit showing "Not set" plus a clear button.

    `value()` / `set_value()` speak `datetime.date | None`; `changed` fires on user edits.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText("Not set")
        self.edit.setDate(_NO_DATE)
        self.edit.calendarWidget().installEventFilter(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(qta.icon("fa6s.xmark"))
        self.clear_button.setToolTip("Clear the date")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.set_value(None, user=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.changed = self.edit.dateChanged  # re-exported signal

    def value(self) -> date | None:
        d = self.edit.date()
        return None if d == _NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None, *, user: bool = False) -> None:
        blocked = self.edit.blockSignals(not user)
        try:
            self.edit.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))
        finally:
            self.edit.blockSignals(blocked)
        self.clear_button.setEnabled(value is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An unset date opens the calendar on this month, not on January 1900.
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class _RowDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = plain_label("", self, wrap=True)
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #ffffff; background: #b42318; padding: 4px 6px; border-radius: 3px;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def problem(self) -> str:
        return ""

    def _try_accept(self) -> None:
        message = self.problem()
        if message:
            self.error.setText(message)
            self.error.show()
            return
        self.accept()


class AppearanceDialog(_RowDialog):
    """Where the claim was reported (schema.org appearance): outlet, title, URL, date, first?, attribution."""

    def __init__(
        self, party_names: Sequence[str], value: Appearance | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit report" if value is not None else "Add report", parent)
        self.setObjectName("appearanceDialog")
        self._original = value or Appearance()
        self.outlet = QLineEdit(objectName="outlet", placeholderText="Financial Times")
        self.outlet.setCompleter(party_completer(party_names, self))
        self.title = QLineEdit(objectName="title", placeholderText="Headline of the report")
        self.url = QLineEdit(objectName="url", placeholderText="https://")
        self.date = OptionalDateEdit()
        self.date.setObjectName("date")
        self.is_first = QCheckBox("This is where the claim first appeared", objectName="isFirst")
        self.attribution = QLineEdit(objectName="attribution", placeholderText="people familiar with the matter")
        self.form.addRow("&Outlet:", self.outlet)
        self.form.addRow("&Title:", self.title)
        self.form.addRow("&URL:", self.url)
        self.form.addRow("&Date:", self.date)
        self.form.addRow("", self.is_first)
        self.form.addRow("&Attribution:", self.attribution)
        v = self._original
        self.outlet.setText(v.outlet)
        self.title.setText(v.title)
        self.url.setText(v.url)
        self.date.set_value(v.date)
        self.is_first.setChecked(v.is_first)
        self.attribution.setText(v.attribution)

    def problem(self) -> str:
        if not self.outlet.text().strip():
            return "Name the outlet that reported the claim."
        return url_problem(self.url.text())

    def value(self) -> Appearance:
        return replace(
            self._original,
            outlet=" ".join(self.outlet.text().split()),
            title=self.title.text().strip(),
            url=self.url.text().strip(),
            date=self.date.value(),
            is_first=self.is_first.isChecked(),
            attribution=self.attribution.text().strip(),
        )


class ResponseDialog(_RowDialog):
    """A party's answer: party, stance, quote, spokesperson, date, channel, reported by, URL."""

    def __init__(
        self, party_names: Sequence[str], value: Response | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit response" if value is not None else "Add response", parent)
        self.setObjectName("responseDialog")
        self._original = value or Response()
        self.party = QLineEdit(objectName="party", placeholderText="Ford (empty for an unnamed source)")
        self.party.setCompleter(party_completer(party_names, self))
        self.stance = QComboBox(objectName="stance")
        for s in Stance:
            self.stance.addItem(s.label, s.value)
        self.quote = QPlainTextEdit(objectName="quote")
        self.quote.setPlaceholderText("Quote or paraphrase")
        self.quote.setTabChangesFocus(True)
        self.quote.setFixedHeight(self.quote.fontMetrics().lineSpacing() * 4 + 12)
        self.spokesperson = QLineEdit(objectName="spokesperson", placeholderText="a Ford spokesperson")
        self.date = OptionalDateEdit()
        self.date.setObjectName("date")
        self.channel = QComboBox(objectName="channel")
        for c in Channel:
            self.channel.addItem(c.label, c.value)
        self.reported_by = QLineEdit(objectName="reportedBy", placeholderText="Reuters")
        self.reported_by.setCompleter(party_completer(party_names, self))
        self.source_url = QLineEdit(objectName="sourceUrl", placeholderText="https://")
        self.form.addRow("&Party:", self.party)
        self.form.addRow("&Stance:", self.stance)
        self.form.addRow("&Quote:", self.quote)
        self.form.addRow("Spo&kesperson:", self.spokesperson)
        self.form.addRow("&Date:", self.date)
        self.form.addRow("&Channel:", self.channel)
        self.form.addRow("&Reported by:", self.reported_by)
        self.form.addRow("Source &URL:", self.source_url)
        v = self._original
        self.party.setText(v.party)
        self.stance.setCurrentIndex(max(0, self.stance.findData(Stance.parse(v.stance).value)))
        self.quote.setPlainText(v.quote)
        self.spokesperson.setText(v.spokesperson)
        self.date.set_value(v.date)
        self.channel.setCurrentIndex(max(0, self.channel.findData(Channel.parse(v.channel).value)))
        self.reported_by.setText(v.reported_by)
        self.source_url.setText(v.source_url)

    def set_stance(self, stance: Stance | str) -> None:
        self.stance.setCurrentIndex(self.stance.findData(Stance.parse(stance).value))

    def set_channel(self, channel: Channel | str) -> None:
        self.channel.setCurrentIndex(self.channel.findData(Channel.parse(channel).value))

    def problem(self) -> str:
        return url_problem(self.source_url.text())

    def value(self) -> Response:
        return replace(
            self._original,
            party=" ".join(self.party.text().split()),
            stance=Stance(self.stance.currentData()),
            quote=self.quote.toPlainText().strip(),
            spokesperson=self.spokesperson.text().strip(),
            date=self.date.value(),
            channel=Channel(self.channel.currentData()),
            reported_by=" ".join(self.reported_by.text().split()),
            source_url=self.source_url.text().strip(),
        )
