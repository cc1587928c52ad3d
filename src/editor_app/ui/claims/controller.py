"""Wires the Claims dock into the window: "Mark as Claim", the panel, and the anchors in the
editor (click a claim to select its words; put the cursor in an anchor to select the claim)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from editor_app.core.article import Article
from editor_app.core.changes import Changes
from editor_app.store.claims import ClaimStore
from editor_app.store.errors import StoreError
from editor_app.ui.common.docks import LazyDock
from editor_app.ui.common.text_positions import python_index, qt_position
from editor_app.ui.window.menus import add_to_toolbar_after

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    from editor_app.ui.claims.assistant import ClaimAssistant
    from editor_app.ui.claims.panel import ClaimsPanel
    from editor_app.ui.main_window import MainWindow

    # a feature's function that adds its entries for the clicked spot (viewport coordinates)
    EditorMenuProvider = Callable[[QMenu, QPoint], None]


class ClaimsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = ClaimStore(window.store)
        window.claim_store = self.store
        mark = window.actions_["mark_claim"]
        mark.triggered.connect(self.mark_claim)
        self.dock = LazyDock("Claims", "claimsDock", self._build_panel, window)
        window.claims_dock = self.dock
        window.panels.add(
            "claims", self.dock, "C&laims", "Ctrl+Shift+C", "Show or hide the claims of the article", tab_with="stocks"
        )
        window.menus["format"].addSeparator()
        window.menus["format"].addAction(mark)
        add_to_toolbar_after(window, mark, "link")  # right after Link, before the separator
        editor = window.editor
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self.show_editor_context_menu)
        self._cursor_timer = QTimer(self, singleShot=True, interval=150)
        self._cursor_timer.timeout.connect(self.sync_from_cursor)
        editor.cursorPositionChanged.connect(self._cursor_timer.start)
        editor.textChanged.connect(self.body_changed)
        window.article_loaded.connect(self.article_loaded)
        window.changes.changed.connect(self._on_store_changed)
        self.assistant: ClaimAssistant | None = None  # built with the panel

    def _build_panel(self) -> ClaimsPanel:
        from editor_app.ui.claims.panel import ClaimsPanel

        w = self.window
        panel = ClaimsPanel(self.store)
        panel.set_body_text_provider(w.editor.toPlainText)
        panel.set_mark_action(w.actions_["mark_claim"])
        panel.claim_activated.connect(self.on_claim_activated)
        panel.claim_deleted.connect(self.remove_markers)
        panel.set_article(w.article.id if w.article is not None else None)
        from editor_app.ui.claims.assistant import ClaimAssistant
        from editor_app.ui.claims.proposals import ProposalList

        proposals = ProposalList()
        panel.splitter.insertWidget(0, proposals)
        panel.splitter.setStretchFactor(0, 2)
        panel.splitter.setSizes([200, 200, 420])
        self.assistant = ClaimAssistant(self, proposals)
        self.dock.visibilityChanged.connect(lambda shown: shown and self.assistant.read())
        QTimer.singleShot(0, self.assistant.read)
        return panel

    def panel(self) -> ClaimsPanel | None:
        return self.dock.widget() if self.dock.built else None  # type: ignore[return-value]

    def retheme(self) -> None:
        """After a theme switch (ui/theme): the panel's status colours and the proposals' evidence."""
        panel = self.panel()
        if panel is not None:  # the list paints from the palette; the detail's labels are set
            panel.view.viewport().update()
            panel._show_status(panel._claim)
            panel._show_anchor_flag()
        if self.assistant is not None:
            self.assistant.retheme()

    def article_loaded(self, article: Article | None) -> None:
        panel = self.panel()
        if panel is not None:
            panel.set_article(article.id if article is not None else None)
            self.assistant.article_loaded()

    def body_changed(self) -> None:
        panel = self.panel()
        if panel is not None:
            panel.body_changed()
            self.assistant.body_changed()

    def _on_store_changed(self, changes: Changes) -> None:
        """A claim or a dismissal of this article changed (here, in review, by an import):
        the proposals shown follow (a deleted claim can be proposed again)."""
        article = self.window.article
        panel = self.panel()
        if (
            panel is not None
            and article is not None
            and (changes.claims or changes.everything)
            and changes.touches(article.id)
        ):
            panel.refresh_replies()  # a reply request written here, by a command, or closed
        if self.assistant is None or article is None or article.id is None:
            return
        if (changes.claims or changes.everything) and changes.touches(article.id):
            self.assistant.refilter()

    def editor_context_menu(self, pos):
        """The editor's standard menu plus "Mark as Claim" (pos in viewport coordinates); each of
        `window.editor_menu_providers` then adds what it has for the clicked spot."""
        menu = self.window.editor.createStandardContextMenu(pos)
        for provide in self.window.editor_menu_providers:
            provide(menu, pos)
        menu.addSeparator()
        menu.addAction(self.window.actions_["mark_claim"])
        for action in self.window.extra_editor_actions:
            menu.addAction(action)
        return menu

    def show_editor_context_menu(self, pos) -> None:
        menu = self.editor_context_menu(pos)
        menu.exec(self.window.editor.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def refused(self, reason: str) -> None:
        self.window.statusBar().showMessage(f"Not marked as a claim: {reason}", 10000)

    def mark_claim(self) -> None:
        """Anchor a new claim on the editor's selection (one undo step removes the markers)."""

        from editor_app.core.anchors import anchored_keys, check_span, next_key
        from editor_app.core.claims import short_statement

        article = self.window.article
        if article is None or article.id is None or self.window.editor.isReadOnly():
            self.refused("open an article first.")
            return
        cursor = self.window.editor.textCursor()
        if not cursor.hasSelection():
            self.refused("select the words of the claim first.")
            return
        text = self.window.editor.toPlainText()
        try:
            start, end = check_span(
                text, python_index(text, cursor.selectionStart()), python_index(text, cursor.selectionEnd())
            )
        except ValueError as exc:
            self.refused(str(exc))
            return
        words = text[start:end]
        try:
            key = next_key(self.store.keys(article.id) | anchored_keys(text))
            self.store.create(article.id, key=key, short=short_statement(words), wording=" ".join(words.split()))
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self.window, "Claim not created", str(exc))
            return
        self.anchor_words(start, end, key)
        self.dock.show()
        self.dock.raise_()
        panel = self.dock.content()
        panel.refresh()
        panel.select_key(key)
        self.window.changes.deliver()  # the preview marks the new claim now
        self.window.statusBar().showMessage(
            f"Claim {key} marked: add who reported it and the responses in the Claims panel.", 8000
        )

    def anchor_words(self, start: int, end: int, key: str) -> None:
        """Put claim `key`'s markers around text[start:end] (str indices of the editor's text)
        in one undo step, select the words and save."""
        from PySide6.QtGui import QTextCursor

        from editor_app.core.anchors import CLOSE_MARKER, open_marker

        text = self.window.editor.toPlainText()
        opener = open_marker(key)
        u_start, u_end = qt_position(text, start), qt_position(text, end)
        edit = QTextCursor(self.window.editor.document())
        edit.beginEditBlock()
        edit.setPosition(u_end)
        edit.insertText(CLOSE_MARKER)
        edit.setPosition(u_start)
        edit.insertText(opener)
        edit.endEditBlock()
        shown = QTextCursor(self.window.editor.document())
        shown.setPosition(u_start + len(opener))
        shown.setPosition(u_end + len(opener), QTextCursor.MoveMode.KeepAnchor)
        self.window.editor.setTextCursor(shown)
        self.window.autosave.flush()

    def on_claim_activated(self, key: str) -> None:
        """Select the claim's words in the editor (the next anchor of it on each click) and show it in the preview."""
        from PySide6.QtGui import QTextCursor

        from editor_app.core.anchors import find_anchors

        text = self.window.editor.toPlainText()
        anchors = [a for a in find_anchors(text) if a.key == key]
        if not anchors:
            self.window.statusBar().showMessage(
                f"Claim {key} is not anchored in the text: its markers were deleted.", 8000
            )
            return
        current = self.window.editor.textCursor()
        spans = [(qt_position(text, a.text_start), qt_position(text, a.text_end)) for a in anchors]
        now = (current.selectionStart(), current.selectionEnd())
        start, end = spans[(spans.index(now) + 1) % len(spans)] if now in spans else spans[0]
        cursor = QTextCursor(self.window.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.window.editor.setTextCursor(cursor)
        if self.window.writing.sync.enabled:
            self.window.reveal_cursor()  # the claim's line in the middle of the text and the preview
            return
        self.window.editor.ensureCursorVisible()
        self.scroll_preview_to_claim(key)

    def scroll_preview_to_claim(self, key: str, callback=None) -> None:
        """Scroll the preview to the claim's span; `callback(found: bool)` when the page answered."""
        import re

        if not re.fullmatch(r"[a-z][a-z0-9-]{0,31}", key):  # the key goes into JavaScript
            return
        code = (
            f"(function(){{var e=document.querySelector('[data-claim=\"{key}\"]');"
            "if(e){e.scrollIntoView({block:'center'});return true}return false})()"
        )
        self.window.preview.run_in_page(code, callback or (lambda _found: None))

    def sync_from_cursor(self) -> None:
        """The cursor is inside an anchor: select that claim in the panel (without jumping back)."""
        panel = self.panel()
        if panel is None or not self.dock.isVisible():
            return
        key = self.key_at_cursor()
        if key and key != panel.current_key():
            panel.select_key(key)

    def key_at_cursor(self) -> str:
        """The key of the anchor around the editor cursor, scanning only the cursor's paragraph."""
        from editor_app.core.anchors import anchor_at
        from editor_app.ui.editor.highlighter import STATE_FENCE

        cursor = self.window.editor.textCursor()
        block = cursor.block()
        if block.userState() >= STATE_FENCE:
            return ""  # inside a code block markers are text
        first = last = block
        for _ in range(50):  # anchors never cross a blank line
            prev = first.previous()
            if not prev.isValid() or not prev.text().strip(" \t>"):
                break
            first = prev
        for _ in range(50):
            nxt = last.next()
            if not nxt.isValid() or not nxt.text().strip(" \t>"):
                break
            last = nxt
        lines = [first.text()]
        b = first
        while b != last:
            b = b.next()
            lines.append(b.text())
        paragraph = "\n".join(lines)
        if "<!--" not in paragraph:
            return ""
        anchor = anchor_at(paragraph, python_index(paragraph, cursor.position() - first.position()))
        return anchor.key if anchor is not None else ""

    def remove_markers(self, key: str) -> None:
        """A deleted claim's markers leave the text (one undo step); the words stay."""
        from PySide6.QtGui import QTextCursor

        from editor_app.core.anchors import find_anchors

        text = self.window.editor.toPlainText()
        spans: list[tuple[int, int]] = []
        for a in find_anchors(text):
            if a.key == key:
                spans += [(a.start, a.text_start), (a.text_end, a.end)]
        if not spans:
            return
        cursor = QTextCursor(self.window.editor.document())
        cursor.beginEditBlock()
        for s, e in sorted(spans, reverse=True):
            cursor.setPosition(qt_position(text, s))
            cursor.setPosition(qt_position(text, e), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        cursor.endEditBlock()
        self.window.autosave.flush()
