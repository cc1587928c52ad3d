"""What the window does as the writer types: mark fields for autosave, name an untitled
article by its first words, switch highlighting off for huge pastes, report saves in the title.

A mixin of `MainWindow`.
"""

from __future__ import annotations

from editor_app import APP_DISPLAY_NAME
from editor_app.core.article import untitled_name
from editor_app.store.errors import StoreError
from editor_app.store.store import ArticleChange
from editor_app.ui.editor.autosave import SaveState

HIGHLIGHT_LIMIT_CHARS = 3_000_000


class EditingHandlers:
    def _field_value(self, name: str) -> str:
        return self.editor.markdown_text() if name == "body" else self.header.value(name)

    def _on_body_edited(self) -> None:
        self.autosave.mark_dirty("body")
        if not self.header.title.text().strip():  # an untitled article is named by its first words
            self._update_title()
        self.renderer.schedule(self.editor.document().characterCount())

    def _before_paste(self, size_after: int) -> None:
        """Highlighting a multi-megabyte paste would freeze the window for seconds."""
        if size_after > HIGHLIGHT_LIMIT_CHARS and self.highlighter.document() is not None:
            self.highlighter.setDocument(None)
            self.statusBar().showMessage("Syntax highlighting is off for articles over 3 MB.", 10000)

    def _on_header_edited(self, name: str) -> None:
        self.autosave.mark_dirty(name)
        if name == "title":
            self._update_title()
        if name == "word_target":
            self.show_stats()  # the status bar's "612 / 800 words"
            return  # not on the page
        self.show_header()

    def _on_slug_committed(self, slug: str) -> None:
        if self.article is None or self.article.id is None or not self.autosave.flush():
            return
        try:
            change = self.store.save(self.article.id, slug=slug)
        except StoreError as exc:
            self._on_save_failed(str(exc))
            return
        self._on_saved(change)

    def _on_saved(self, change: ArticleChange) -> None:
        self.article = change.article
        if "slug" in change.fields:
            self.header.show_slug(change.article.slug)
        if change.fields:
            self.library.model.upsert(change.article.summary())
        if "status" in change.fields:  # an approved article was edited: the store sent it back to review
            self.review.update_status_ui()
            self.statusBar().showMessage(
                "Edited after approval: the article is back in review and needs approving again.", 15000
            )
        if change.replaced_surrogates:
            self.statusBar().showMessage(
                f"{change.replaced_surrogates} invalid character(s) (lone surrogates) were saved as “\ufffd”.", 10000
            )
        self._update_title()

    def _on_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Not saved: {message} Your text is kept in the editor; retrying.", 15000)

    def _on_save_state(self, state: str) -> None:
        text = {
            SaveState.SAVED: "Saved",
            SaveState.MODIFIED: "Edited",
            SaveState.SAVING: "Saving…",
            SaveState.FAILED: "Not saved: retrying",
        }[SaveState(state)]
        self.save_label.setText(text)
        self._update_title()

    def _body_start(self, limit: int = 2000) -> str:
        """The first characters of the body, from the first blocks only (the title is updated on
        every save; copying a 50 MB text each time would not do)."""
        parts: list[str] = []
        size = 0
        block = self.editor.document().begin()
        while block.isValid() and size < limit:
            parts.append(block.text()[:limit])
            size += len(parts[-1]) + 1
            block = block.next()
        return "\n".join(parts)[:limit]

    def _update_title(self) -> None:
        name = untitled_name(self.header.title.text(), self._body_start() if self.article else "")
        state = self.autosave.state
        mark = {
            SaveState.SAVED: "",
            SaveState.MODIFIED: " (edited)",
            SaveState.SAVING: " (saving…)",
            SaveState.FAILED: " (NOT SAVED)",
        }[state]
        ro = " (read-only)" if self.read_only else ""
        desk = f" — {self.store.url}" if getattr(self.store, "url", None) else ""  # the desk's server
        self.setWindowTitle(f"{name}{mark}{ro}{desk} — {APP_DISPLAY_NAME}")
