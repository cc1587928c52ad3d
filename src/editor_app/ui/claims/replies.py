"""Right of reply in the Claims panel: each party of the selected claim with a "Request reply…"
button, its requests with their deadlines (overdue ones marked), and the small dialog that
records how the party was asked and until when.

A mixin of `ClaimsPanel` (which owns the claim); requests are written through `ReplyStore`,
whose writes announce claims changes, so the preview's claims box and the checklist follow.
When the next deadline passes, the section and the preview update by themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.article import utcnow
from editor_app.core.changes import Changes
from editor_app.core.claims import Claim
from editor_app.core.reply import (
    DESK_ZONES,
    ReplyMethod,
    ReplyRequest,
    ReplyState,
    claim_parties,
    deadline_text,
    time_left,
    zone_info,
)
from editor_app.store.errors import StoreError
from editor_app.store.replies import ReplyStore
from editor_app.ui.claims.claim_list import warning_colour
from editor_app.ui.claims.dialogs import _RowDialog, party_completer, plain_label
from editor_app.ui.claims.row_table import heading, tool_button

DEFAULT_HOUR = 17  # a deadline is "by 5 p.m." unless the reporter says otherwise
MAX_TIMER_MS = 6 * 3600 * 1000  # look again at least this often (a laptop that slept)


def default_deadline(zone: str, now: datetime) -> datetime:
    """The next 5 p.m. in `zone` at least two hours away (local, aware)."""
    local_now = now.astimezone(zone_info(zone))
    day = local_now.date()
    for _ in range(3):
        candidate = datetime.combine(day, time(DEFAULT_HOUR), tzinfo=zone_info(zone))
        if candidate - local_now >= timedelta(hours=2):
            return candidate
        day += timedelta(days=1)
    return local_now + timedelta(days=1)


class ReplyRequestDialog(_RowDialog):
    """Who was asked (fixed, or typed for another party), how, and the deadline in a zone."""

    def __init__(
        self,
        party: str,
        party_names: Sequence[str],
        zone: str,
        now: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Request reply from {party}" if party else "Request reply", parent)
        self.setObjectName("replyRequestDialog")
        self._now = now or utcnow()
        self.party = plain_label(party) if party else None
        self.party_edit = QLineEdit(objectName="replyParty", placeholderText="Xiaomi")
        self.party_edit.setCompleter(party_completer(party_names, self))
        self.party_edit.setText(party)
        self.how = QComboBox(objectName="replyHow")
        for m in (ReplyMethod.EMAIL, ReplyMethod.PHONE, ReplyMethod.STATEMENT_REQUEST):
            self.how.addItem(m.label, m.value)
        self.zone = QComboBox(objectName="replyZone")
        for z in DESK_ZONES:
            self.zone.addItem(z.replace("_", " "), z)
        self.zone.setCurrentIndex(max(0, self.zone.findData(zone)))
        self.deadline = QDateTimeEdit(objectName="replyDeadline")
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.deadline.setCalendarPopup(True)
        local = default_deadline(self.zone_name(), self._now)
        self.set_local_deadline(local.replace(tzinfo=None))
        self.summary = plain_label("", wrap=True)
        self.summary.setObjectName("replySummary")
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        if party:
            self.party_edit.hide()
            self.form.addRow("Party:", self.party)
        else:
            self.form.addRow("&Party:", self.party_edit)
        self.form.addRow("&How:", self.how)
        self.form.addRow("&Deadline:", self.deadline)
        self.form.addRow("Time &zone:", self.zone)
        self.form.addRow("", self.summary)
        self.deadline.dateTimeChanged.connect(self._update_summary)
        self.zone.currentIndexChanged.connect(self._update_summary)
        self._update_summary()

    def zone_name(self) -> str:
        return self.zone.currentData() or "UTC"

    def set_local_deadline(self, local: datetime) -> None:
        """The deadline's wall-clock time in the chosen zone (naive)."""
        self.deadline.setDateTime(QDateTime(local.date(), local.time().replace(second=0, microsecond=0)))

    def set_method(self, method: ReplyMethod | str) -> None:
        self.how.setCurrentIndex(self.how.findData(ReplyMethod.parse(method).value))

    def set_zone(self, zone: str) -> None:
        self.zone.setCurrentIndex(self.zone.findData(zone))

    def deadline_utc(self) -> datetime:
        qdt = self.deadline.dateTime()
        d, t = qdt.date(), qdt.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone_info(self.zone_name()))
        return local.astimezone(zone_info("UTC"))

    def party_name(self) -> str:
        return " ".join(self.party_edit.text().split())

    def _update_summary(self, *_args: object) -> None:
        when = self.deadline_utc()
        left = "already passed" if when <= self._now else f"in {time_left(when, self._now)}"
        self.summary.setText(f"By {deadline_text(when, self.zone_name(), self._now)} ({left})")

    def problem(self) -> str:
        if not self.party_name():
            return "Name the party asked for comment."
        if self.deadline_utc() <= self._now:
            return "The deadline has already passed: give a time still to come."
        return ""

    def value(self) -> tuple[str, ReplyMethod, datetime, str]:
        return self.party_name(), ReplyMethod(self.how.currentData()), self.deadline_utc(), self.zone_name()


def _request_line(r: ReplyRequest, now: datetime) -> str:
    state = r.state(now)
    how = r.method.label.lower()
    if state is ReplyState.OVERDUE:
        return f"⚠ Did not respond by {r.deadline_text(now)} (asked by {how})"
    if state is ReplyState.CLOSED:
        return f"✓ Answered ({r.closed_by})" if r.closed_by else "✓ Answered"
    by = f" by {r.asked_by}" if r.asked_by else ""
    return f"Asked by {how}{by}; deadline {r.deadline_text(now)}, {time_left(r.deadline, now)} left"


class ReplyRequests:
    """The "Right of reply" section of the claim detail."""

    _claim: Claim | None
    claims: object

    def _build_replies(self) -> QWidget:
        box = QWidget(objectName="replySection")
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(4)
        v.addWidget(heading("Right of reply"))
        self.reply_rows = QWidget(objectName="replyRows")  # rebuilt for each claim shown
        self._reply_box = v
        v.addWidget(self.reply_rows)
        self.reply_other = QPushButton("Request reply from another party…", objectName="replyOther")
        self.reply_other.clicked.connect(lambda: self.open_reply_dialog(""))
        v.addWidget(self.reply_other, 0, Qt.AlignmentFlag.AlignLeft)
        self.reply_buttons: dict[str, QPushButton] = {}
        self.reply_withdraw: dict[str, QToolButton] = {}
        self.reply_labels: dict[str, QLabel] = {}
        self.replies_shown: list[ReplyRequest] = []
        self._reply_zone = DESK_ZONES[0]
        self._reply_timer = QTimer(box, singleShot=True)
        self._reply_timer.timeout.connect(self._on_deadline_passed)
        return box

    @property
    def replies(self) -> ReplyStore:
        return ReplyStore(self.claims.store)  # type: ignore[attr-defined]

    def refresh_replies(self) -> None:
        """Read the selected claim's requests again (a write here, elsewhere, or a deadline)."""
        self._show_replies(self._claim)

    def _show_replies(self, claim: Claim | None, now: datetime | None = None) -> None:
        now = now or utcnow()
        old = self.reply_rows
        self.reply_rows = QWidget(objectName="replyRows")
        rows = QVBoxLayout(self.reply_rows)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        self._reply_box.replaceWidget(old, self.reply_rows)
        old.hide()
        old.deleteLater()
        self.reply_buttons, self.reply_labels, self.reply_withdraw = {}, {}, {}
        requests: list[ReplyRequest] = []
        if claim is not None and claim.id is not None:
            try:
                requests = self.replies.list_for_claim(claim.id)
            except StoreError:
                requests = []
        self.replies_shown = requests
        if claim is None:
            self.reply_rows.show()
            return
        try:
            known = self.claims.party_names(limit=2000)  # type: ignore[attr-defined]
        except StoreError:
            known = []
        outlets = {a.outlet.casefold() for a in claim.appearances}
        parties = claim_parties(
            claim.wording,
            [r.party for r in claim.responses if r.party],
            [r.party for r in requests],
            [n for n in known if n.casefold() not in outlets],
        )
        palette = self.palette()  # type: ignore[attr-defined]
        for row, party in enumerate(parties):
            name = plain_label(party)
            font = name.font()
            font.setBold(True)
            name.setFont(font)
            mine = [r for r in requests if r.party.casefold() == party.casefold()]
            answered = [r.stance.label.lower() for r in claim.responses if r.party.casefold() == party.casefold()]
            not_asked = f"Not asked; responded: {', '.join(answered)}" if answered else "Not asked"
            lines = [_request_line(r, now) for r in mine] or [not_asked]
            label = plain_label("\n".join(lines), wrap=True)
            label.setObjectName(f"replyState_{row}")
            label.setContentsMargins(12, 0, 0, 0)
            if mine and mine[-1].is_overdue(now):
                label.setStyleSheet(f"color: {warning_colour(palette).name()};")
            elif not mine or mine[-1].state(now) is ReplyState.CLOSED:
                label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            button = QPushButton("Request reply…", objectName=f"requestReply_{row}")
            button.setToolTip(f"Record that {party} was asked for comment, and until when")
            button.clicked.connect(lambda _c=False, p=party: self.open_reply_dialog(p))
            top = QHBoxLayout()
            top.setContentsMargins(0, 0, 0, 0)
            top.addWidget(name)
            top.addStretch(1)
            latest = mine[-1] if mine else None
            if latest is not None and latest.state(now) is not ReplyState.CLOSED:
                withdraw = tool_button("fa6s.xmark", f"Withdraw the request to {party} (entered by mistake)…", "")
                withdraw.setObjectName(f"withdrawReply_{row}")
                withdraw.clicked.connect(lambda _c=False, r=latest: self.withdraw_reply(r))
                top.addWidget(withdraw)
                self.reply_withdraw[party] = withdraw
            top.addWidget(button)
            rows.addLayout(top)
            rows.addWidget(label)
            self.reply_buttons[party] = button
            self.reply_labels[party] = label
        for child in self.reply_rows.findChildren(QWidget):
            child.show()  # added to a shown form, they stay hidden until told
        self.reply_rows.show()
        self._arm_timer(requests, now)

    def _arm_timer(self, requests: Sequence[ReplyRequest], now: datetime) -> None:
        upcoming = [r.deadline for r in requests if r.is_open(now)]
        if not upcoming:
            self._reply_timer.stop()
            return
        ms = int((min(upcoming) - now).total_seconds() * 1000) + 500
        self._reply_timer.start(max(1000, min(ms, MAX_TIMER_MS)))

    def _on_deadline_passed(self) -> None:
        """Nothing was written, but what the article says changed ("did not respond by"): tell
        every pane as a write would (the preview's claims box, this section, the checklist)."""
        claim = self._claim
        if claim is None or claim.article_id is None:
            return
        self.claims.store.changes.announce(Changes(articles=frozenset({claim.article_id}), claims=True))  # type: ignore[attr-defined]

    def open_reply_dialog(self, party: str) -> ReplyRequestDialog | None:
        """The dialog for `party` ("" lets the writer name another party); records on OK."""
        claim = self._claim
        if claim is None or claim.id is None:
            return None
        try:
            names = self.claims.party_names(limit=2000)  # type: ignore[attr-defined]
        except StoreError:
            names = []
        dialog = ReplyRequestDialog(party, names, self._reply_zone, parent=self)  # type: ignore[arg-type]
        if dialog.exec() == ReplyRequestDialog.DialogCode.Accepted:
            self.request_reply(*dialog.value())
        dialog.deleteLater()
        return dialog

    def request_reply(self, party: str, method: ReplyMethod, deadline: datetime, zone: str) -> ReplyRequest | None:
        claim = self._claim
        if claim is None or claim.id is None:
            return None
        try:
            req = self.replies.request(claim.id, party, method, deadline, zone=zone, who=self._who)  # type: ignore[attr-defined]
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, "Reply request not saved", str(exc))  # type: ignore[arg-type]
            return None
        self._reply_zone = zone
        self.refresh_replies()
        self.claims_changed.emit()  # type: ignore[attr-defined]
        return req

    def withdraw_reply(self, request: ReplyRequest, *, confirm: bool = True) -> bool:
        """Delete a request entered by mistake (after asking): it no longer blocks publishing."""
        if confirm:
            answer = QMessageBox.question(
                self,  # type: ignore[arg-type]
                "Withdraw reply request?",
                f"Withdraw the request to {request.party} (deadline {request.deadline_text(utcnow())})?\n\n"
                "Do this only if the party was never asked: the request is deleted.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.replies.withdraw(request.id)  # type: ignore[arg-type]
        except (StoreError, KeyError) as exc:
            QMessageBox.warning(self, "Reply request not withdrawn", str(exc))  # type: ignore[arg-type]
            return False
        self.refresh_replies()
        return True

    def select_replies(self) -> None:
        """Show the section (a checklist item about a reply request)."""
        self.detail_scroll.ensureWidgetVisible(self.reply_section)  # type: ignore[attr-defined]


__all__ = ["ReplyRequestDialog", "ReplyRequests", "default_deadline"]
