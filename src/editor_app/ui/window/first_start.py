"""The first-start question: "Your name, as the desk will see it".

Asked once per OS account, when the app starts interactively and no name is saved yet
(`core.identity`). OK saves the name (`identity.json` in the user config directory); Cancel
saves nothing: this session records the usual fallback (the store's old desk-wide name if it
has one, else the login name) and the question comes back at the next start.

When it is asked (`should_ask_name`):
- never when a name is saved for this account, or `EDITOR_APP_USER` names the person;
- never when `EDITOR_APP_NO_FIRST_RUN=1` (kiosks, scripted starts; the test suite sets it);
- never on a headless Qt platform (`offscreen`, `minimal`): nobody could answer;
  `EDITOR_APP_FIRST_RUN=1` asks anyway (how the GUI test opts in);
- otherwise at start, over the main window, before any recovery offer.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from editor_app.core.identity import ENV_USER, IdentityError, clean_name, identity_path, save_name, saved_name

NO_FIRST_RUN_ENV = "EDITOR_APP_NO_FIRST_RUN"
FIRST_RUN_ENV = "EDITOR_APP_FIRST_RUN"
HEADLESS_PLATFORMS = ("offscreen", "minimal", "minimalegl")
QUESTION = "Your name, as the desk will see it on claims, comments and status changes"


def _on(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def should_ask_name() -> bool:
    """Whether this start asks for the person's name (rules in the module docstring)."""
    if saved_name() or clean_name(os.environ.get(ENV_USER)):
        return False
    if _on(NO_FIRST_RUN_ENV):
        return False
    if _on(FIRST_RUN_ENV):
        return True
    return QGuiApplication.platformName() not in HEADLESS_PLATFORMS


class NameDialog(QDialog):
    """One field, prefilled with a suggestion; OK saves it for this OS account."""

    def __init__(self, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartNameDialog")
        self.setWindowTitle("Welcome to the desk")
        self.setModal(True)
        self.setMinimumWidth(480)
        question = QLabel(QUESTION + ":", self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.name = QLineEdit(clean_name(suggestion), self, objectName="identityName")
        self.name.setPlaceholderText("e.g. Dana Reporter")
        self.name.setMaxLength(80)
        question.setBuddy(self.name)
        note = QLabel(
            f"Saved for this computer account only ({identity_path()}), so colleagues sharing the "
            "store keep their own names. Change it later in File › Desk Settings.",
            self,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error = QLabel(self, objectName="identityError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #ffffff; background: #b42318; padding: 4px 6px; border-radius: 3px;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save Name")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Not Now")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.name)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.selectAll()
        self.name.setFocus()
        self._update_ok()
        self.saved = ""

    def _update_ok(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(clean_name(self.name.text())))

    def accept(self) -> None:
        try:
            save_name(self.name.text())
        except (ValueError, IdentityError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.saved = saved_name()
        super().accept()


def ask_name_if_needed(parent: QWidget | None, suggestion: str) -> str:
    """At start: ask and save the name when `should_ask_name()`; the saved name or ""."""
    if not should_ask_name():
        return ""
    dialog = NameDialog(suggestion, parent)
    try:
        dialog.exec()
        return dialog.saved
    finally:
        dialog.deleteLater()
