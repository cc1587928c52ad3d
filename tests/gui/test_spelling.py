"""Spell check in the real window: squiggles as you type, the context menu, F7 / Shift+F7.
Real Hunspell dictionaries through Enchant (./dev installs them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from editor_app.store.spelling import SpellingWords
from editor_app.ui.editor.highlighter import block_formats
from tests.gui.conftest import fresh_article

enchant = pytest.importorskip("enchant", reason="pyenchant (and libenchant-2-2) are needed: ./dev setup")
pytestmark = pytest.mark.skipif(not enchant.dict_exists("en_US"), reason="hunspell-en-us is needed: ./dev setup")

SQUIGGLE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def squiggled(block) -> list[str]:
    """The words of a block painted with the spell-check underline."""
    text = block.text()
    spans = sorted((s, s + n) for s, n, f in block_formats(block) if f.underlineStyle() == SQUIGGLE)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [text[s:e] for s, e in merged]


def type_text(qtbot, editor, text: str) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def point_at(editor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


def test_typed_misspelling_is_squiggled_and_desk_dictionary_clears_it(qtbot, make_window):
    window = make_window()
    article_id = fresh_article(qtbot, window, "Intro line.\n\n")
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor, "The Kwuntong compnay said `recieve` stays.")
    block = editor.document().lastBlock()
    qtbot.waitUntil(lambda: squiggled(block) == ["Kwuntong", "compnay"], timeout=10000)
    assert squiggled(editor.document().firstBlock()) == []

    start = block.position() + block.text().index("Kwuntong") + 3
    menu = window.claims.editor_context_menu(point_at(editor, start))
    names = [a.objectName() for a in menu.actions()]
    assert "spellAddDesk" in names and "spellAddPersonal" in names and "spellIgnore" in names
    assert menu.actions().index(next(a for a in menu.actions() if a.objectName() == "spellAddDesk")) < [
        a.text().replace("&", "") for a in menu.actions()
    ].index(next(a.text().replace("&", "") for a in menu.actions() if a.text().replace("&", "").startswith("Copy")))
    next(a for a in menu.actions() if a.objectName() == "spellAddDesk").trigger()
    menu.deleteLater()

    assert "Kwuntong" in SpellingWords(window.store).desk_words()
    assert squiggled(block) == ["compnay"]

    # a suggestion replaces the word
    start = block.position() + block.text().index("compnay") + 2
    menu = window.claims.editor_context_menu(point_at(editor, start))
    suggestions = [a for a in menu.actions() if a.objectName() == "spellSuggestion"]
    assert "company" in [a.text() for a in suggestions]
    next(a for a in suggestions if a.text() == "company").trigger()
    menu.deleteLater()
    assert editor.document().lastBlock().text() == "The Kwuntong company said `recieve` stays."
    assert squiggled(editor.document().lastBlock()) == []
    assert article_id == window.article.id

    # the word being typed is not squiggled until the cursor leaves it
    qtbot.keyClicks(editor, " Anothr")
    assert "Anothr" not in squiggled(editor.document().lastBlock())
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Anothr" in squiggled(editor.document().lastBlock()), timeout=10000)


def test_indented_code_is_not_squiggled_but_a_list_items_paragraph_is(qtbot, make_window):
    window = make_window()
    fresh_article(qtbot, window, "Intro line.\n\n")
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor, "Teh table:")
    for line in ("", "    x = recieve(compnay)", "", "- An item.", "", "    Its own paragrph here.", "", "The end."):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        editor.moveCursor(QTextCursor.MoveOperation.StartOfLine)
        qtbot.keyClicks(editor, line)
    doc = editor.document()
    blocks = {doc.findBlockByNumber(n).text().strip(): doc.findBlockByNumber(n) for n in range(doc.blockCount())}
    qtbot.waitUntil(lambda: squiggled(blocks["Teh table:"]) == ["Teh"], timeout=10000)
    qtbot.waitUntil(lambda: squiggled(blocks["Its own paragrph here."]) == ["paragrph"], timeout=10000)
    assert squiggled(blocks["x = recieve(compnay)"]) == []  # code: never checked


def test_f7_walks_misspellings_and_ignore_is_per_article(qtbot, make_window):
    window = make_window()
    fresh_article(
        qtbot, window, "First wrnog word.\n\n```\nnot chekced in code\n```\n\nThen Qiangwei and Qiangwei again.\n"
    )
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_F7)
    assert editor.textCursor().selectedText() == "wrnog"
    qtbot.keyClick(editor, Qt.Key.Key_F7)
    assert editor.textCursor().selectedText() == "Qiangwei"
    first_q = editor.textCursor().selectionStart()
    qtbot.keyClick(editor, Qt.Key.Key_F7)
    assert editor.textCursor().selectedText() == "Qiangwei" and editor.textCursor().selectionStart() > first_q
    qtbot.keyClick(editor, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectionStart() == first_q
    qtbot.keyClick(editor, Qt.Key.Key_F7)
    qtbot.keyClick(editor, Qt.Key.Key_F7)  # wraps round to the start
    assert editor.textCursor().selectedText() == "wrnog"

    menu = window.claims.editor_context_menu(point_at(editor, first_q + 2))
    next(a for a in menu.actions() if a.objectName() == "spellIgnore").trigger()
    menu.deleteLater()
    last = editor.document().findBlock(first_q)
    assert squiggled(last) == []
    assert SpellingWords(window.store).ignored(window.article.id) == ["Qiangwei"]

    fresh_article(qtbot, window, "Another story about Qiangwei.\n")  # not ignored here
    block = editor.document().firstBlock()
    qtbot.waitUntil(lambda: squiggled(block) == ["Qiangwei"], timeout=10000)


def test_checklist_spelling_item_counts_and_click_selects_the_word(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    from tests.gui.review_steps import settle

    window = make_window()
    fresh_article(qtbot, window, "A clean first line.\n\nThe board met and the compnay said its strnog plan works.\n")
    settle(qtbot, window)
    review = window.review
    review.show_checklist()
    pane = review.checklist_pane()
    qtbot.waitUntil(lambda: any(i.code == "spelling" for i in pane.items), timeout=30000)
    item = next(i for i in pane.items if i.code == "spelling")
    assert item.message == "2 misspelt words: compnay, strnog." and item.where.line == 3
    row = pane.row_of("spelling")
    list_item = pane.list.item(row)
    pane.list.scrollToItem(list_item)
    qtbot.mouseClick(pane.list.viewport(), Qt.MouseButton.LeftButton, pos=pane.list.visualItemRect(list_item).center())
    QApplication.processEvents()
    assert window.editor.textCursor().selectedText() == "compnay"


def test_desk_settings_edit_both_dictionaries_and_the_squiggles_follow(qtbot, make_window, tmp_path, monkeypatch):
    from editor_app.core.settings import DeskSettings
    from editor_app.core.spelling.personal import load_personal
    from editor_app.store.settings import SettingsStore
    from editor_app.ui.transfer.dialogs import DeskSettingsDialog
    from tests.gui.review_steps import when_modal

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # a personal dictionary of its own
    window = make_window()
    fresh_article(qtbot, window, "Kwuntong and Tsuenwan both opened.\n")
    block = window.editor.document().firstBlock()
    qtbot.waitUntil(lambda: squiggled(block) == ["Kwuntong", "Tsuenwan"], timeout=10000)

    def edit(dialog: DeskSettingsDialog) -> None:
        assert dialog.spelling_languages.text() == DeskSettings().spelling_languages
        dialog.desk_words.setPlainText("Kwuntong\n")
        dialog.my_words.setPlainText("Tsuenwan\n")
        dialog.accept()

    when_modal(qtbot, DeskSettingsDialog, edit)
    assert window.export_import.edit_desk_settings() is True
    assert SpellingWords(window.store).desk_words() == ["Kwuntong"]
    assert load_personal() == ["Tsuenwan"]
    assert SettingsStore(window.store).load().spelling_languages == DeskSettings().spelling_languages
    qtbot.waitUntil(lambda: squiggled(block) == [], timeout=10000)


def test_without_a_dictionary_the_window_says_so_once_and_keeps_working(qtbot, make_window, db_path):
    from editor_app.core.settings import DeskSettings
    from editor_app.services.opening import open_store
    from editor_app.store.settings import SettingsStore

    store = open_store(db_path)
    SettingsStore(store).save(DeskSettings(spelling_languages="xx_YY"))  # no such dictionary
    store.close()
    window = make_window()
    assert not window.spelling.checker.available
    assert any("no dictionary for xx_YY" in m for m in window.spelling._told)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    fresh_article(qtbot, window, "Compleetly wroong words.\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_F7)
    assert squiggled(window.editor.document().firstBlock()) == []
    assert window.editor.toPlainText().startswith("Compleetly")
    assert sum("no dictionary" in m for m in shown) <= 1  # opening another article does not say it again
    assert "no dictionary for xx_YY" in window.statusBar().currentMessage()  # F7 answers with the reason
