"""The Claims panel's "Proposed from the text" section: what the reporting assistant read in
the story, one card per claim, each with Accept and Dismiss. Nothing here writes: the cards
ask, `ui.claims.assistant` does.

A card says what a writer checks before accepting: the claimed words, who reported them and
how each party answered ("Ford: Denies"), so a wrong proposal is visible without opening it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.claims import Stance
from editor_app.ui.common.widgets import card_column, count_text

CARD_TEXT_CHARS = 220


def stance_label(stance: str) -> str:
    try:
        return Stance.parse(stance).label
    except ValueError:
        return stance.capitalize()


def card_lines(proposal: Any) -> tuple[str, str, str]:
    """(claim words, "Reported by …", "Ford: Denies · Xiaomi: Denies") for a proposal."""
    text = " ".join(proposal.text.split())
    if len(text) > CARD_TEXT_CHARS:
        text = text[: CARD_TEXT_CHARS - 1].rstrip() + "…"
    reporters = list(dict.fromkeys(r.who.strip() for r in proposal.reported_by if r.who.strip()))
    reported = ("Reported by " + ", ".join(reporters)) if reporters else "No reporter found"
    answers = [f"{r.party.strip() or 'Unnamed party'}: {stance_label(r.stance)}" for r in proposal.responses]
    return text, reported, " · ".join(answers) if answers else "No response found"


def status_line(proposal: Any) -> str:
    """The status the claim gets when accepted ("Would be Denied: Ford and Xiaomi deny it.")."""
    status = getattr(proposal, "status", None)
    if not callable(status):
        return ""
    try:
        verdict = status()
    except Exception:  # a proposal the status rules cannot read is still shown
        return ""
    return f"Would be {verdict.status.label}" + (f": {verdict.reason}" if verdict.reason else "")


class ProposalCard(QFrame):
    accept_clicked = Signal()
    dismiss_clicked = Signal()
    clicked = Signal()

    def __init__(self, proposal: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName("proposalCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        text, reported, answers = card_lines(proposal)
        v = QVBoxLayout(self)
        v.setContentsMargins(8, 6, 8, 6)
        v.setSpacing(2)
        self.text_label = self._label(text, "proposalText", wrap=True)
        self.reported_label = self._label(reported, "proposalReported", muted=True)
        self.answers_label = self._label(answers, "proposalResponses", muted=True, wrap=True)
        self.status_label = self._label(status_line(proposal), "proposalStatus", wrap=True)
        for label in (self.text_label, self.reported_label, self.answers_label, self.status_label):
            v.addWidget(label)
        row = QHBoxLayout()
        row.setContentsMargins(0, 2, 0, 0)
        row.addStretch(1)
        self.dismiss_button = QPushButton("Dismiss", objectName="dismissProposalButton")
        self.dismiss_button.setToolTip("Not a claim of this story: never propose it again for this article")
        self.accept_button = QPushButton("Accept", objectName="acceptProposalButton")
        self.accept_button.setToolTip("Create this claim with its reporters and responses, anchored on its words")
        self.dismiss_button.clicked.connect(self.dismiss_clicked)
        self.accept_button.clicked.connect(self.accept_clicked)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.accept_button)
        v.addLayout(row)
        self.setToolTip("Click to see the evidence in the text")

    def _label(self, text: str, name: str, *, muted: bool = False, wrap: bool = False) -> QLabel:
        label = QLabel(objectName=name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # copy is never markup
        label.setText(text)
        label.setWordWrap(wrap)
        label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum
        )  # never squeezed: the column scrolls
        if muted:
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def set_current(self, current: bool) -> None:
        self.setFrameShape(QFrame.Shape.Box if current else QFrame.Shape.StyledPanel)
        self.setLineWidth(2 if current else 1)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class ProposalList(QWidget):
    """Header ("Proposed from the text · 2", Find again, collapse) over a scrolling column of cards."""

    accept_requested = Signal(object)
    dismiss_requested = Signal(object)
    proposal_activated = Signal(object)  # the writer clicked a card: show its evidence
    refresh_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimProposals")
        self.cards: list[ProposalCard] = []
        self.current: Any = None
        self.toggle = QToolButton(objectName="proposalsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setText("Proposed from the text")
        self.toggle.setToolTip("Claims, reporters and responses the assistant read in the story")
        self.toggle.toggled.connect(self._on_toggled)
        self.find_button = QToolButton(objectName="findProposalsButton", text="Read again")
        self.find_button.setAutoRaise(True)
        self.find_button.setToolTip("Read the text again for claims, reporters and responses")
        self.find_button.clicked.connect(self.refresh_requested)
        self.restore_button = QToolButton(objectName="restoreProposalsButton", text="Show dismissed")
        self.restore_button.setAutoRaise(True)
        self.restore_button.setToolTip("Propose the claims dismissed for this article again")
        self.restore_button.clicked.connect(self.restore_requested)
        self.restore_button.hide()
        self.state_label = QLabel(objectName="proposalsState")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.state_label.setWordWrap(True)
        self.state_label.setContentsMargins(8, 0, 8, 4)
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 2, 0)
        head.addWidget(self.toggle)
        head.addStretch(1)
        head.addWidget(self.restore_button)
        head.addWidget(self.find_button)

        self.scroll, self.column_layout = card_column("proposal")
        self.column = self.scroll.widget()

        v = QVBoxLayout(self)
        v.setContentsMargins(0, 2, 0, 0)
        v.setSpacing(0)
        v.addLayout(head)
        v.addWidget(self.state_label)
        v.addWidget(self.scroll, 1)
        self.show_state("")

    # -- what is shown --------------------------------------------------------------------

    def set_proposals(self, proposals: list[Any], *, dismissed: int = 0) -> None:
        keep = self.current
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for proposal in proposals:
            card = ProposalCard(proposal, self.column)
            card.accept_clicked.connect(lambda p=proposal: self.accept_requested.emit(p))
            card.dismiss_clicked.connect(lambda p=proposal: self.dismiss_requested.emit(p))
            card.clicked.connect(lambda p=proposal: self.activate(p))
            self.column_layout.insertWidget(self.column_layout.count() - 1, card)
            self.cards.append(card)
        self.current = None
        for card in self.cards:
            if keep is not None and card.proposal.text == keep.text:
                self.current = card.proposal
            card.set_current(card.proposal is self.current)
        n = len(proposals)
        self.toggle.setText("Proposed from the text" + (f" · {n}" if n else ""))
        self.restore_button.setVisible(dismissed > 0)
        self.restore_button.setToolTip(
            f"Propose the {count_text(dismissed, 'dismissed claim', 'dismissed claims')} again"
        )
        if n:
            self.show_state("")
        else:
            self.show_state(
                "No reported claims found in the text."
                + (f" {count_text(dismissed, 'proposal was', 'proposals were')} dismissed." if dismissed else "")
            )

    def wanted_height(self) -> int:
        """The height that shows every card whole (the panel gives it when it has the room)."""
        self.column.adjustSize()
        head = self.toggle.sizeHint().height() + (
            self.state_label.sizeHint().height() if self.state_label.isVisible() else 0
        )
        width = max(200, self.scroll.viewport().width())
        cards = sum(c.heightForWidth(width) if c.hasHeightForWidth() else c.sizeHint().height() for c in self.cards)
        return head + cards + 6 * (len(self.cards) + 1) + 8

    def show_state(self, text: str) -> None:
        """A line under the header: "Reading the text…", "No reported claims found …"."""
        self.state_label.setText(text)
        self.state_label.setVisible(bool(text) and self.toggle.isChecked())
        self.scroll.setVisible(bool(self.cards) and self.toggle.isChecked())

    def activate(self, proposal: Any) -> None:
        self.current = proposal
        for card in self.cards:
            card.set_current(card.proposal is proposal)
        self.proposal_activated.emit(proposal)

    def card_for(self, text: str) -> ProposalCard | None:
        """The card whose claim words contain `text` (for tests and for keyboard users)."""
        return next((c for c in self.cards if text in c.proposal.text), None)

    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.show_state(self.state_label.text())
