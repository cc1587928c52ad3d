"""A suggestion as a card: the listing, how often and where the story names it, why it is
suggested (the words, the rule, how sure) and the buttons to accept it as about or mentions,
or dismiss it."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.tickers.explain import RULES
from editor_app.core.tickers.tags import ROLE_LABELS
from editor_app.ui.stocks.worker import SuggestionItem
from editor_app.ui.theme.icons import set_icon


# ----------------------------------------------------------------------------- suggestions
def muted(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class SuggestionCard(QFrame):
    """One suggestion: company, notation, role guess, count; accept as about / mentions, dismiss."""

    accepted = Signal(object, str)  # SuggestionItem, role
    dismissed = Signal(object)

    def __init__(self, item: SuggestionItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("suggestionCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        li = item.listing
        name = QLabel(f"<b>{html.escape(li.company or li.name)}</b>", objectName="suggestionName")
        name.setTextFormat(Qt.TextFormat.RichText)
        notation = QLabel(html.escape(item.notation), objectName="suggestionNotation")
        notation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        chip = QLabel(ROLE_LABELS[item.role], objectName="roleChip")
        chip.setProperty("role", item.role)
        chip.setToolTip(
            "Guessed from where the company appears: title, dek and first paragraph or frequency mean 'about'."
        )
        times = "once" if item.count == 1 else f"{item.count}×"
        count = muted(QLabel(f"named {times}", objectName="suggestionCount"))
        # why: the words matched, the rule and how sure, so the desk can judge a tag at a glance
        self.why = muted(QLabel(objectName="suggestionWhy"))
        self.why.setText(why_text(item))
        self.why.setWordWrap(True)
        self.why.setToolTip(RULES.get(item.rule, (0, ""))[1])

        self.about_button = self._button(
            "About", "fa6s.check", "acceptAboutButton", "Accept as about: the story is about this company"
        )
        self.mentions_button = self._button(
            "Mentions", "fa6s.plus", "acceptMentionsButton", "Accept as mentions: the company is named in the story"
        )
        self.dismiss_button = QToolButton(objectName="dismissButton")
        set_icon(self.dismiss_button, "fa6s.xmark")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip("Dismiss: do not suggest this stock again for this article")
        self.dismiss_button.setAccessibleName(f"Dismiss {li.symbol}")
        (self.about_button if item.role == "about" else self.mentions_button).setProperty("guess", True)
        self.about_button.clicked.connect(lambda: self.accepted.emit(self.item, "about"))
        self.mentions_button.clicked.connect(lambda: self.accepted.emit(self.item, "mentions"))
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self.item))

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(name)
        top.addWidget(notation)
        top.addStretch(1)
        top.addWidget(self.dismiss_button)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(chip)
        bottom.addWidget(count)
        bottom.addStretch(1)
        bottom.addWidget(self.about_button)
        bottom.addWidget(self.mentions_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 6, 8)
        box.setSpacing(2)
        box.addLayout(top)
        box.addWidget(self.why)
        box.addLayout(bottom)
        self.setToolTip(self._tooltip())

    def _button(self, text: str, icon: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(objectName=name, text=text)
        set_icon(button, icon)
        button.setIconSize(QSize(12, 12))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setAccessibleName(f"{tip.split(':')[0]} {self.item.listing.symbol}")
        return button

    def _tooltip(self) -> str:
        li = self.item.listing
        lines = [
            f"<b>{html.escape(li.company)}</b> — {html.escape(self.item.notation)}"
            f" <span>({html.escape(li.exchange.name)}, {html.escape(li.country or '')})</span>"
        ]
        if self.item.why:
            lines.append(f"Why: {html.escape(self.item.why)}")
            what = RULES.get(self.item.rule, (0, ""))[1]
            if what:
                lines.append(f"<i>{html.escape(what)}</i>")
        if not self.item.in_directory:
            lines.append("Not in the symbol directory: the code as the story prints it (delisted or renamed since)")
        if self.item.written_as:
            lines.append("Written as: " + html.escape(", ".join(self.item.written_as)))
        for section, snippet in self.item.snippets:
            lines.append(f"<i>{html.escape(section)}</i>: {html.escape(snippet)}")
        if self.item.count > len(self.item.snippets):
            lines.append(f"… and {self.item.count - len(self.item.snippets)} more")
        return "<br>".join(lines)


def why_text(item: SuggestionItem) -> str:
    """The short line under a suggestion: 'Why: 'Ford Motor Co' (name + legal suffix), high'."""
    if not item.why:
        return ""
    _, _, reason = item.why.partition(" — ")
    text = reason or item.why
    return "Why: " + (text if len(text) <= 90 else text[:87] + "…")


# ----------------------------------------------------------------------------- the pane
def section_header(title: str, count_label: QLabel, *buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(2)
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    row.addWidget(label)
    row.addSpacing(4)
    row.addWidget(count_label)
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def tool_button(icon: str, name: str, tip: str) -> QToolButton:
    button = QToolButton(objectName=name)
    set_icon(button, icon)
    button.setAutoRaise(True)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button
