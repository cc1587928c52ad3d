"""The Claims panel's detail form for the selected claim: short statement and wording, who
reported it, the responses, the derived status with its reason, an editor's override and the
status history. A mixin of `ClaimsPanel`, which owns the claim and writes it."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.claims import SHORT_LIMIT, Claim, ClaimStatus
from editor_app.store.errors import StoreError
from editor_app.ui.claims.claim_list import (
    UNANCHORED_TEXT,
    status_colour,
    status_icon,
    warning_colour,
)
from editor_app.ui.claims.dialogs import AppearanceDialog, OptionalDateEdit, ResponseDialog, plain_label
from editor_app.ui.claims.row_table import RowTable, heading
from editor_app.ui.common.theme import is_dark

OVERRIDE_CHOICES = [("No override", None)] + [(s.label, s) for s in ClaimStatus]


class ClaimDetail:
    def _build_detail(self) -> QWidget:
        box = QWidget(objectName="claimDetail")
        v = QVBoxLayout(box)
        v.setContentsMargins(10, 6, 10, 10)
        v.setSpacing(4)

        # status with its reason
        self.status_icon = QLabel(objectName="claimStatusIcon")
        self.status_label = plain_label("")
        self.status_label.setObjectName("claimStatus")
        font = self.status_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.status_label.setFont(font)
        self.key_label = plain_label("")
        self.key_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        status_row = QHBoxLayout()
        status_row.setSpacing(6)
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_label)
        status_row.addStretch(1)
        status_row.addWidget(self.key_label)
        v.addLayout(status_row)
        self.reason_label = plain_label("", wrap=True)
        self.reason_label.setObjectName("claimReason")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.reason_label)
        self.unanchored_label = plain_label("", wrap=True)
        self.unanchored_label.setObjectName("claimUnanchored")
        v.addWidget(self.unanchored_label)

        # the claim itself
        v.addWidget(heading("Claim"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        self.short_edit = QLineEdit(objectName="claimShort")
        self.short_edit.setMaxLength(SHORT_LIMIT)
        self.short_edit.setPlaceholderText("For lists and metadata")
        self.short_counter = plain_label(f"0/{SHORT_LIMIT}")
        self.short_counter.setObjectName("claimShortCounter")
        self.short_counter.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        short_row = QHBoxLayout()
        short_row.setSpacing(6)
        short_row.addWidget(self.short_edit, 1)
        short_row.addWidget(self.short_counter)
        short_label = QLabel("&Short:")
        short_label.setBuddy(self.short_edit)
        form.addRow(short_label, short_row)
        self.wording_edit = QPlainTextEdit(objectName="claimWording")
        self.wording_edit.setPlaceholderText("The claim in full, as reported")
        self.wording_edit.setTabChangesFocus(True)
        self.wording_edit.setFixedHeight(self.wording_edit.fontMetrics().lineSpacing() * 4 + 14)
        form.addRow("&Wording:", self.wording_edit)
        self.first_reported = OptionalDateEdit()
        self.first_reported.setObjectName("claimFirstReported")
        self.first_reported.setToolTip("When the claim was first reported (empty: the date of the first report)")
        form.addRow("First &reported:", self.first_reported)
        v.addLayout(form)
        self.short_edit.textEdited.connect(self._on_text_edited)
        self.short_edit.textChanged.connect(self._update_counter)
        self.wording_edit.textChanged.connect(self._on_text_edited)
        self.first_reported.changed.connect(self._on_text_edited)

        # where it was reported
        v.addWidget(heading("Reported by"))
        self.appearances = RowTable(
            "report", ["Outlet", "Title", "URL", "Date", "First", "Attribution"], 1, "appearance"
        )
        v.addWidget(self.appearances)
        self.appearances_table = self.appearances.table
        self.appearances.add.clicked.connect(lambda: self._open_appearance_dialog(-1))
        self.appearances.edit.clicked.connect(lambda: self._open_appearance_dialog(self.appearances.current_row()))
        self.appearances.table.doubleClicked.connect(lambda i: self._open_appearance_dialog(i.row()))
        self.appearances.remove.clicked.connect(lambda: self.remove_appearance(self.appearances.current_row()))
        self.appearances.up.clicked.connect(lambda: self.move_appearance(self.appearances.current_row(), -1))
        self.appearances.down.clicked.connect(lambda: self.move_appearance(self.appearances.current_row(), 1))

        # responses
        v.addWidget(heading("Responses"))
        self.responses = RowTable(
            "response",
            ["Party", "Stance", "Quote", "Spokesperson", "Date", "Channel", "Reported by", "Source URL"],
            2,
            "response",
        )
        v.addWidget(self.responses)
        self.responses_table = self.responses.table
        self.responses.add.clicked.connect(lambda: self._open_response_dialog(-1))
        self.responses.edit.clicked.connect(lambda: self._open_response_dialog(self.responses.current_row()))
        self.responses.table.doubleClicked.connect(lambda i: self._open_response_dialog(i.row()))
        self.responses.remove.clicked.connect(lambda: self.remove_response(self.responses.current_row()))
        self.responses.up.clicked.connect(lambda: self.move_response(self.responses.current_row(), -1))
        self.responses.down.clicked.connect(lambda: self.move_response(self.responses.current_row(), 1))

        # right of reply (ui/claims/replies.py)
        self.reply_section = self._build_replies()
        v.addWidget(self.reply_section)

        # the desk's verdict
        v.addWidget(heading("Editor's verdict"))
        self.override_combo = QComboBox(objectName="overrideStatus")
        for text, status in OVERRIDE_CHOICES:
            self.override_combo.addItem(text, status.value if status else "")
        self.override_reason = QLineEdit(objectName="overrideReason")
        self.override_reason.setPlaceholderText("Reason (required)")
        self.override_apply = QPushButton("Apply", objectName="overrideApply")
        self.override_apply.clicked.connect(self._on_apply_override)
        self.override_reason.returnPressed.connect(self._on_apply_override)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.override_combo)
        row.addWidget(self.override_reason, 1)
        row.addWidget(self.override_apply)
        v.addLayout(row)
        self.override_message = plain_label("", wrap=True)
        self.override_message.setObjectName("overrideMessage")
        self.override_message.hide()
        v.addWidget(self.override_message)

        # history, collapsed by default
        self.history_toggle = QToolButton(objectName="historyToggle")
        self.history_toggle.setCheckable(True)
        self.history_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.history_toggle.setAutoRaise(True)
        self.history_toggle.setStyleSheet("QToolButton { font-weight: bold; padding-left: 0; }")
        self.history_toggle.toggled.connect(self._on_history_toggled)
        self.history_list = QListWidget(objectName="historyList")
        self.history_list.setWordWrap(True)
        self.history_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.history_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_list.setFixedHeight(120)
        self.history_list.hide()
        v.addSpacing(6)
        v.addWidget(self.history_toggle)
        v.addWidget(self.history_list)
        v.addStretch(1)
        return box

    def _update_counter(self, text: str) -> None:
        self.short_counter.setText(f"{len(text)}/{SHORT_LIMIT}")

    def _load_claim(self, claim: Claim | None, *, keep_fields: bool = False) -> None:
        """Show `claim` in the form; `keep_fields` leaves the text fields alone (the writer types)."""
        self._claim = claim
        self.detail.setEnabled(claim is not None)
        self.delete_button.setEnabled(claim is not None)
        first = claim.first_appearance if claim is not None else None
        self.first_reported.set_implied(first.date if first is not None else None, "from the first report")
        self._loading = True
        try:
            if claim is None or not keep_fields:
                self.short_edit.setText(claim.short if claim else "")
                self.short_edit.setCursorPosition(0)
                self.wording_edit.setPlainText(claim.wording if claim else "")
                self.first_reported.set_value(claim.first_reported if claim else None)
                self.override_reason.setText(claim.override_reason if claim else "")
                status = claim.override_status if claim else None
                self.override_combo.setCurrentIndex(
                    max(0, self.override_combo.findData(status.value if status else ""))
                )
                self.override_message.hide()
            self._show_status(claim)
            self._show_rows(claim)
            self._show_replies(claim)
            self._show_history(claim)
            self._show_anchor_flag()
        finally:
            self._loading = False

    def _show_status(self, claim: Claim | None) -> None:
        if claim is None:
            self.status_icon.clear()
            self.status_label.setText("No claim selected")
            self.status_label.setStyleSheet("")
            self.reason_label.setText("")
            self.key_label.setText("")
            return
        verdict = claim.effective
        colour = status_colour(verdict.status, self.palette())
        size = self.status_label.fontMetrics().height()
        self.status_icon.setPixmap(status_icon(verdict.status, self.palette()).pixmap(size, size))
        self.status_label.setText(verdict.status.label)
        self.status_label.setStyleSheet(f"color: {colour.name()};")
        self.key_label.setText(f"claim {claim.key}")
        if verdict.overridden:
            derived = claim.derived
            by = f" by {claim.override_by}" if claim.override_by else ""
            when = f" on {claim.override_at:%Y-%m-%d}" if claim.override_at else ""
            reason = (
                f"Editor's verdict{by}{when}: {verdict.reason}\n"
                f"The responses alone say: {derived.status.label} — {derived.reason}"
            )
        else:
            reason = verdict.reason
        self.reason_label.setText(reason)

    def _show_anchor_flag(self) -> None:
        claim = self._claim
        anchored = claim is None or self.model.is_anchored(claim)
        if anchored:
            self.unanchored_label.hide()
            return
        colour = warning_colour(self.palette())
        self.unanchored_label.setStyleSheet(f"color: {colour.name()};")
        self.unanchored_label.setText(
            f"⚠ {UNANCHORED_TEXT}: its markers were deleted. Undo the deletion "
            "(Ctrl+Z), mark the words again, or delete the claim."
        )
        self.unanchored_label.show()

    def _show_rows(self, claim: Claim | None) -> None:
        self.appearances.set_rows(
            [
                [a.outlet, a.title, a.url, _iso(a.date), "Yes" if a.is_first else "", a.attribution]
                for a in (claim.appearances if claim else [])
            ],
            select=self.appearances.current_row(),
        )
        self.responses.set_rows(
            [
                [
                    r.party or "(unnamed source)",
                    r.stance.label,
                    r.quote,
                    r.spokesperson,
                    _iso(r.date),
                    r.channel.label,
                    r.reported_by,
                    r.source_url,
                ]
                for r in (claim.responses if claim else [])
            ],
            select=self.responses.current_row(),
        )

    def _show_history(self, claim: Claim | None) -> None:
        self.history_list.clear()
        events = list(reversed(claim.history)) if claim else []
        for e in events:
            kind = {"override": "editor's verdict", "override_cleared": "override cleared"}.get(
                e.kind, "from responses"
            )
            when = e.at.strftime("%Y-%m-%d %H:%M") if e.at else ""
            self.history_list.addItem(f"{when} · {e.who or 'unknown'} · {e.status.label} ({kind})\n{e.reason}")
        self.history_toggle.setText(f"Status history ({len(events)})")

    def _on_history_toggled(self, shown: bool) -> None:
        self.history_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.history_list.setVisible(shown)

    def _override_note(self, text: str, *, error: bool) -> None:
        colour = QColor("#b42318") if error else self.palette().color(QPalette.ColorRole.PlaceholderText)
        if error and is_dark(self.palette()):
            colour = QColor("#ff8f85")
        self.override_message.setStyleSheet(f"color: {colour.name()};")
        self.override_message.setText(text)
        self.override_message.show()

    def _on_apply_override(self) -> None:
        value = self.override_combo.currentData()
        self.apply_override(ClaimStatus(value) if value else None, self.override_reason.text())

    def _party_names(self) -> list[str]:
        try:
            return self.claims.party_names(limit=2000)
        except StoreError:
            return []

    def _open_appearance_dialog(self, row: int) -> None:
        if self._claim is None:
            return
        rows = self._claim.appearances
        editing = 0 <= row < len(rows)
        dialog = AppearanceDialog(self._party_names(), rows[row] if editing else None, self)
        if dialog.exec() == AppearanceDialog.DialogCode.Accepted:
            if editing:
                self.edit_appearance(row, dialog.value())
            else:
                self.add_appearance(dialog.value())
        dialog.deleteLater()

    def _open_response_dialog(self, row: int) -> None:
        if self._claim is None:
            return
        rows = self._claim.responses
        editing = 0 <= row < len(rows)
        dialog = ResponseDialog(self._party_names(), rows[row] if editing else None, self)
        if dialog.exec() == ResponseDialog.DialogCode.Accepted:
            if editing:
                self.edit_response(row, dialog.value())
            else:
                self.add_response(dialog.value())
        dialog.deleteLater()


def _iso(d) -> str:
    return d.isoformat() if d is not None else ""
