"""What a writer does with a misspelt word: the context menu (suggestions, "Add to desk
dictionary", "Add to my dictionary", "Ignore in this article") and F7 / Shift+F7 to walk from
one misspelling to the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QTextBlock, QTextCursor

from editor_app.core.spelling import Word, line_words
from editor_app.core.spelling.personal import add_personal
from editor_app.store.errors import StoreError
from editor_app.ui.common.text_positions import python_index, qt_position
from editor_app.ui.editor.highlighter import STATE_CODE, STATE_FENCE

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    from editor_app.ui.spelling.controller import SpellingController


def in_code(block: QTextBlock) -> bool:
    """A line of a code block (fenced, with its fences, or indented): the highlighter's states."""
    prev = block.previous()
    if block.userState() == STATE_CODE and block.text().strip():
        return True
    return block.userState() >= STATE_FENCE or (prev.isValid() and prev.userState() >= STATE_FENCE)


class SpellingMenu:
    def __init__(self, spelling: SpellingController) -> None:
        self.spelling = spelling
        window = spelling.window
        self.window = window
        window.editor_menu_providers.append(self.fill)
        window.actions_["spell_next"].triggered.connect(lambda: self.walk(forward=True))
        window.actions_["spell_previous"].triggered.connect(lambda: self.walk(forward=False))

    # -------------------------------------------------------------------- looking up
    def misspelt(self, block: QTextBlock) -> list[Word]:
        """The misspelt words of a line (looked up now if needed: for a click or F7)."""
        if in_code(block):
            return []
        return self.spelling.checker.unknown(line_words(block.text()))

    def word_at(self, cursor: QTextCursor) -> tuple[QTextBlock, Word] | None:
        block = cursor.block()
        text = block.text()
        col = python_index(text, cursor.position() - block.position())
        for w in self.misspelt(block):
            if w.start <= col <= w.end:
                return block, w
        return None

    def select(self, block: QTextBlock, w: Word) -> QTextCursor:
        text = block.text()
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + qt_position(text, w.start))
        cursor.setPosition(block.position() + qt_position(text, w.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # ------------------------------------------------------------------- context menu
    def fill(self, menu: QMenu, pos: QPoint) -> None:
        """Suggestions and the dictionary entries, at the top of the menu, for a misspelt word
        under the click."""
        found = self.word_at(self.window.editor.cursorForPosition(pos))
        if found is None:
            return
        block, w = found
        word = w.word
        entries: list[QAction] = []
        writable = not self.window.editor.isReadOnly()
        for suggestion in self.spelling.checker.suggestions(word):
            act = QAction(suggestion, menu, objectName="spellSuggestion")
            f = menu.font()
            f.setBold(True)
            act.setFont(f)
            act.setEnabled(writable)
            act.triggered.connect(lambda _c=False, s=suggestion, b=block, x=w: self.replace(b, x, s))
            entries.append(act)
        if not entries:
            entries.append(QAction("(no suggestions)", menu, enabled=False, objectName="spellNoSuggestion"))
        store_ok = not self.window.read_only
        desk = QAction(f"Add “{word}” to Desk Dictionary", menu, objectName="spellAddDesk", enabled=store_ok)
        desk.setStatusTip("Everyone using this store: the word is never flagged again")
        desk.triggered.connect(lambda: self.add_to_desk(word))
        mine = QAction(f"Add “{word}” to My Dictionary", menu, objectName="spellAddPersonal")
        mine.setStatusTip("Only for you, in every store")
        mine.triggered.connect(lambda: self.add_to_mine(word))
        ignore = QAction("Ignore in This Article", menu, objectName="spellIgnore")
        ignore.setEnabled(store_ok and self.spelling._article_id is not None)
        ignore.triggered.connect(lambda: self.ignore(word))
        first = menu.actions()[0] if menu.actions() else None
        for item in [*entries, None, desk, mine, ignore, None]:
            if item is None:
                item = QAction(menu)
                item.setSeparator(True)
            menu.insertAction(first, item)  # before the standard entries (appended when none)

    def replace(self, block: QTextBlock, w: Word, suggestion: str) -> None:
        if block.text()[w.start : w.end] != w.word:
            return  # the line changed while the menu was open
        cursor = self.select(block, w)
        cursor.beginEditBlock()
        cursor.insertText(suggestion)
        cursor.endEditBlock()
        self.window.editor.setTextCursor(cursor)

    def add_to_desk(self, word: str) -> None:
        try:
            stored = self.spelling.words.add_desk_word(word)
        except (StoreError, ValueError) as exc:
            self.window.statusBar().showMessage(f"Not added to the desk dictionary: {exc}", 10000)
            return
        self._accepted(stored, "desk", f"“{stored}” added to the desk dictionary (shared with the desk).")

    def add_to_mine(self, word: str) -> None:
        try:
            add_personal(word)
        except (OSError, ValueError) as exc:
            self.window.statusBar().showMessage(f"Not added to your dictionary: {exc}", 10000)
            return
        self._accepted(word, "personal", f"“{word}” added to your dictionary.")

    def ignore(self, word: str) -> None:
        article_id = self.spelling._article_id
        if article_id is None:
            return
        try:
            stored = self.spelling.words.ignore(article_id, word)
        except (StoreError, ValueError, KeyError) as exc:
            self.window.statusBar().showMessage(f"Not ignored: {exc}", 10000)
            return
        self._accepted(stored, "ignored", f"“{stored}” is ignored in this article.")

    def _accepted(self, word: str, where: str, message: str) -> None:
        self.spelling.checker.add_word(word, where)
        self.spelling.words_changed([word])
        self.window.statusBar().showMessage(message, 6000)

    # ------------------------------------------------------------------------ F7
    def walk(self, *, forward: bool) -> bool:
        """Select the next (previous) misspelt word after (before) the cursor, wrapping once
        around the article. Returns whether one was found."""
        editor = self.window.editor
        doc = editor.document()
        cursor = editor.textCursor()
        pos = cursor.selectionEnd() if forward else cursor.selectionStart()
        start = doc.findBlock(pos)
        block = start
        for step in range(doc.blockCount() + 1):
            words = self.misspelt(block)
            if step == 0 or (step == doc.blockCount() and block == start):
                text = block.text()
                at = python_index(text, pos - block.position())
                if step == 0:
                    words = [w for w in words if (w.start >= at if forward else w.end <= at)]
                else:  # back on the first line after wrapping: the part not yet seen
                    words = [w for w in words if (w.start < at if forward else w.end > at)]
            if words:
                w = words[0] if forward else words[-1]
                editor.setTextCursor(self.select(block, w))
                editor.ensureCursorVisible()
                if step and (block.blockNumber() < start.blockNumber()) == forward and block != start:
                    self.window.statusBar().showMessage("Spell check continued from the other end.", 4000)
                return True
            block = block.next() if forward else block.previous()
            if not block.isValid():
                block = doc.begin() if forward else doc.lastBlock()
        self.window.statusBar().showMessage(
            "No misspellings." if self.spelling.checker.available else self.spelling.checker.problem, 6000
        )
        return False
