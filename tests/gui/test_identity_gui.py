"""Who is acting, in the real window: the first-start question saves the person's name for this
OS account, the comments they post carry it, and Desk Settings changes it (issue 19: everyone
was "root")."""

from __future__ import annotations

import getpass
import json

from PySide6.QtCore import Qt

from editor_app.core.identity import identity_path, saved_name
from editor_app.ui.window.first_start import NameDialog, ask_name_if_needed, should_ask_name
from tests.gui.review_steps import CTRL_ALT, activate, click, select_text, when_modal

PHRASE = "met twice this autumn"


def _post_comment(qtbot, window, text: str):
    activate(qtbot, window)
    select_text(window, PHRASE)
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL_ALT)
    pane = window.review.comments_pane()
    qtbot.waitUntil(lambda: pane.composing == "anchor")
    qtbot.keyClicks(pane.editor, text)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(c.body == text for c in window.review_store.list_comments(window.article.id)))
    return next(c for c in window.review_store.list_comments(window.article.id) if c.body == text)


def test_first_start_asks_once_saves_the_name_and_comments_carry_it(qtbot, make_window, monkeypatch):
    monkeypatch.delenv("EDITOR_APP_NO_FIRST_RUN")
    monkeypatch.setenv("EDITOR_APP_FIRST_RUN", "1")
    window = make_window()
    assert should_ask_name()

    def answer(dialog: NameDialog) -> None:
        assert dialog.name.text() == "desk-login"  # the suggestion is selected: typing replaces it
        qtbot.keyClicks(dialog.name, "Dana Reporter")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    seen = when_modal(qtbot, NameDialog, answer)
    assert ask_name_if_needed(window, "desk-login") == "Dana Reporter"
    assert seen["count"] == 1
    assert json.loads(identity_path().read_text(encoding="utf-8")) == {"name": "Dana Reporter"}
    assert not should_ask_name()  # asked once per account

    comment = _post_comment(qtbot, window, "Which meetings?")
    assert comment.author == "Dana Reporter"


def test_not_now_saves_nothing_and_asks_again(qtbot, make_window, monkeypatch):
    monkeypatch.delenv("EDITOR_APP_NO_FIRST_RUN")
    monkeypatch.setenv("EDITOR_APP_FIRST_RUN", "1")
    window = make_window()
    when_modal(qtbot, NameDialog, lambda d: click(qtbot, d.buttons.button(d.buttons.StandardButton.Cancel)))
    assert ask_name_if_needed(window, "desk-login") == ""
    assert not identity_path().exists() and should_ask_name()


def test_desk_settings_changes_who_the_next_comment_is_from(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "desk-login")
    from editor_app.ui.transfer.dialogs import DeskSettingsDialog

    window = make_window()
    first = _post_comment(qtbot, window, "First note")
    assert first.author == "desk-login"  # no name saved: the OS login name

    def rename(dialog: DeskSettingsDialog) -> None:
        dialog.your_name.setFocus()
        qtbot.keyClicks(dialog.your_name, "Sam Editor")
        dialog.accept()

    when_modal(qtbot, DeskSettingsDialog, rename)
    assert window.export_import.edit_desk_settings() is True
    assert saved_name() == "Sam Editor"
    second = _post_comment(qtbot, window, "Second note")
    assert second.author == "Sam Editor"
    assert window.review_store.list_comments(window.article.id)[0].author == "desk-login"  # history unchanged
