"""The embargo picker: a date, a time and the zone they are in, instead of typing ISO text.

A desk thinks "9 a.m. in Hong Kong on Christmas Eve", not "+08:00". The picker takes a local
time and an IANA zone, shows what that is in UTC and in the writer's own zone, and hands the
header the value it stores (ISO with the offset the zone has on that day, as front matter
writes it). The zone list is read when the picker opens, never at start-up.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.embargo import EmbargoError, human, parse_embargo

# zones a markets desk picks most, listed first (the rest follow alphabetically)
DESK_ZONES = (
    "Asia/Hong_Kong",
    "America/New_York",
    "Europe/London",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Europe/Paris",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Australia/Sydney",
    "UTC",
)


def system_zone() -> str:
    """The computer's IANA zone ("UTC" when the system does not say)."""
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return zone if "/" in zone or zone == "UTC" else "UTC"


def zone_names() -> list[str]:
    from zoneinfo import available_timezones

    rest = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))
    return list(dict.fromkeys([*DESK_ZONES, system_zone(), *rest]))


class EmbargoPicker(QDialog):
    """Date, time and zone of the embargo; `value()` is what the header stores ("" clears)."""

    def __init__(self, current: datetime | None, zone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="embargoPicker")
        self.setWindowTitle("Embargo")
        self.cleared = False
        self.when = QDateTimeEdit(objectName="embargoWhen", calendarPopup=True)
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.zone = QComboBox(objectName="embargoZone", editable=True)
        self.zone.addItems(zone_names())
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.zone.model(), self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setMinimumContentsLength(22)
        if current is not None:
            self.when.setDateTime(
                QDateTime(QDate(current.year, current.month, current.day), QTime(current.hour, current.minute))
            )
            self.zone.setCurrentText(zone or zone_of(current))
        else:
            tomorrow = datetime.now() + timedelta(days=1)
            self.when.setDateTime(QDateTime(QDate(tomorrow.year, tomorrow.month, tomorrow.day), QTime(9, 0)))
            self.zone.setCurrentText(zone or system_zone())
        self.summary = QLabel(objectName="embargoSummary", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Set Embargo")
        self.clear = QPushButton("No Embargo", objectName="embargoClear")
        buttons.addButton(self.clear, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.clear.setEnabled(current is not None)
        self.clear.clicked.connect(self._clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Lifts at", self.when)
        form.addRow("Time zone", self.zone)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.when.dateTimeChanged.connect(self._update)
        self.zone.currentTextChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        """'2026-12-24 09:00 Asia/Hong_Kong' (what `parse_embargo` reads)."""
        local = self.when.dateTime().toString("yyyy-MM-dd HH:mm")
        return f"{local} {self.zone.currentText().strip()}"

    def value(self) -> str:
        """The ISO time with its offset, or "" when the embargo is cleared."""
        if self.cleared:
            return ""
        return parse_embargo(self.text()).isoformat()

    def _update(self) -> None:
        try:
            when = parse_embargo(self.text())
        except EmbargoError as exc:
            self.summary.setText(f"⚠ {exc}.")
            self.ok.setEnabled(False)
            return
        here = when.astimezone().strftime("%H:%M on %d %B %Y").lstrip("0")
        self.summary.setText(f"Lifts {human(when)}.\nOn this computer's clock: {here}.")
        self.ok.setEnabled(True)

    def _clear(self) -> None:
        self.cleared = True
        self.accept()


def zone_of(when: datetime) -> str:
    """The zone a stored time (which keeps only its offset) most likely meant: this computer's
    or a desk zone with that offset on that day, else the fixed zone ("Etc/GMT-8" is +08:00)."""
    from zoneinfo import ZoneInfo

    offset = when.utcoffset() or timedelta(0)
    for name in (system_zone(), *DESK_ZONES):
        if name != "UTC" and when.astimezone(ZoneInfo(name)).utcoffset() == offset:
            return name
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if not offset:
        return "UTC"
    if rest:
        return system_zone()
    return f"Etc/GMT{-hours:+d}"  # POSIX sign
