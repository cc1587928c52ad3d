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
from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
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


class _ClickThroughPopup(QObject):
    """A click outside a completer's open popup closes it *and* reaches what was clicked.

    QCompleter hides its popup on such a press and swallows it (on X11, Wayland and offscreen
    Qt does not replay it), so focus stayed in the party field and the quote the writer went
    on to type landed in Party. Installed on the popup after QCompleter's own filter, this
    filter runs first: it hides the popup, moves focus the way a click would and sends the
    press to the widget under the pointer (the release that follows goes there by itself)."""

    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self.completer = completer
        completer.popup().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.completer.popup()
        if watched is not popup or event.type() != QEvent.Type.MouseButtonPress or not popup.isVisible():
            return False
        assert isinstance(event, QMouseEvent)
        spot = event.globalPosition().toPoint()
        if popup.rect().contains(popup.mapFromGlobal(spot)):
            return False  # a click on a suggestion: the completer takes it
        popup.hide()
        field = self.completer.widget()
        target = None
        if field is not None:  # the field's own (modal) window is on top where it covers the spot
            window = field.window()
            inside = window.mapFromGlobal(spot)
            if window.rect().contains(inside):
                target = window.childAt(inside) or window
        if target is None:
            target = QApplication.widgetAt(spot)
        if field is None or target is None or target.window() is not field.window() or not target.isEnabled():
            return True  # elsewhere (another window): closing the popup is all a click does
        if not target.isActiveWindow():  # as Qt's own replay does (some platforms activate popups)
            target.window().activateWindow()
        focus = target
        while focus is not None and not focus.isWindow():
            if focus.focusPolicy() & Qt.FocusPolicy.ClickFocus and focus.isEnabled():
                focus.setFocus(Qt.FocusReason.MouseFocusReason)
                break
            focus = focus.parentWidget()
        local = target.mapFromGlobal(event.globalPosition())
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            local,
            event.globalPosition(),
            event.button(),
            event.buttons(),
            event.modifiers(),
        )
        QApplication.sendEvent(target, press)
        return True


def party_completer(names: Sequence[str], parent: QObject) -> QCompleter:
    """Suggestions from the known parties; a click away from the popup is not lost."""
    completer = QCompleter(QStringListModel(list(names), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    _ClickThroughPopup(completer)  # after QCompleter's own filter on the popup, so it runs first
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
    """A date that may be unset: a field that takes "2026-12-02" as typed (empty = not set), a
    calendar button that opens on the date or on today, and a clear button.

    A QDateEdit with a "Not set" special value mixed typed digits into that text ("Not
    set0261202"); a plain field with a parser does not. `value()` / `set_value()` speak
    `datetime.date | None`; `changed` fires when a user edit gives a new valid value.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Not set (YYYY-MM-DD)")
        self.edit.setClearButtonEnabled(False)
        self.edit.setMaxLength(10)
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.editingFinished.connect(self._on_editing_finished)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setIcon(qta.icon("fa6s.calendar-days"))
        self.calendar_button.setToolTip("Pick the date on a calendar")
        self.calendar_button.setAutoRaise(True)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(False)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        menu.aboutToShow.connect(self._before_calendar)
        self.calendar.clicked.connect(
            lambda d: (self.set_value(date(d.year(), d.month(), d.day()), user=True), menu.hide())
        )
        self.calendar_button.setMenu(menu)
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(qta.icon("fa6s.xmark"))
        self.clear_button.setToolTip("Clear the date")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.set_value(None, user=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.clear_button)
        self._value: date | None = None
        self.clear_button.setEnabled(False)

    def set_implied(self, value: date | None, why: str) -> None:
        """What an empty field means (e.g. the date of the report marked first), shown greyed."""
        self.edit.setPlaceholderText(f"{value.isoformat()} ({why})" if value else "Not set (YYYY-MM-DD)")

    @staticmethod
    def parse(text: str) -> date | None:
        """ "2026-12-02" (also "2026-12-2" or "20261202") -> a date; anything else -> None."""
        text = text.strip()
        if len(text) == 8 and text.isdigit():
            text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        try:
            y, m, d = (int(part) for part in text.split("-"))
            return date(y, m, d)
        except ValueError:
            return None

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None, *, user: bool = False) -> None:
        old, self._value = self._value, value
        self.edit.setText(value.isoformat() if value else "")
        self._mark(valid=True)
        self.clear_button.setEnabled(value is not None)
        if user and value != old:
            self.changed.emit()

    def _on_text_edited(self, text: str) -> None:
        if not text.strip():
            self._set_typed(None)
            return
        parsed = self.parse(text)
        self._mark(valid=parsed is not None or len(text.strip()) < 8)
        if parsed is not None:
            self._set_typed(parsed)

    def _set_typed(self, value: date | None) -> None:
        if value != self._value:
            self._value = value
            self.clear_button.setEnabled(value is not None)
            self.changed.emit()
        self._mark(valid=True)

    def _on_editing_finished(self) -> None:
        """Leaving the field: show the value in its one spelling, or the problem."""
        text = self.edit.text().strip()
        if not text:
            return
        parsed = self.parse(text)
        if parsed is None:
            self._mark(valid=False)
        else:
            self.edit.setText(parsed.isoformat())

    def _mark(self, *, valid: bool) -> None:
        self.edit.setToolTip("" if valid else "Not a date: write it as YYYY-MM-DD, e.g. 2026-12-02")
        self.edit.setStyleSheet("" if valid else "QLineEdit { border: 1px solid #e5484d; }")

    def _before_calendar(self) -> None:
        # The calendar opens on the date, or on today (not on January 1900, not on the 1st).
        shown = self._value or date.today()
        qd = QDate(shown.year, shown.month, shown.day)
        self.calendar.setSelectedDate(qd)
        self.calendar.setCurrentPage(qd.year(), qd.month())


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
