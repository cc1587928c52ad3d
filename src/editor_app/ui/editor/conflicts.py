"""When two people saved the same article: both texts side by side and a merge to save.

The autosave's save was refused because someone else saved another text since the version the
writer started from (store.save's base_version). The writer sees their own text, the stored
one, and a three-way merge of the two (core/merge.py) they can still edit; they save the
merge, keep their own, or take the other one. Nothing is lost either way: the text not kept is
written to a file in the store's local folder, named in the status bar, before anything else.
Also here: another person's save of the open article, when this window has no unsaved edit,
is shown at once (the live desk's remote changes).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from editor_app.core.changes import Changes
from editor_app.core.merge import merge3
from editor_app.store.store import ArticleConflictError

TEXT_FIELDS = ("title", "dek", "byline", "body")


class ConflictDialog(QDialog):
    """Yours, theirs, and the merge; `choice` is "merged", "mine" or "theirs" after exec()."""

    def __init__(self, conflict: ArticleConflictError, base: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Someone else saved this article")
        self.conflict = conflict
        theirs = conflict.theirs
        self.mine = {n: conflict.mine.get(n, base.get(n, "")) for n in TEXT_FIELDS}
        self.theirs = {n: getattr(theirs, n) for n in TEXT_FIELDS}
        merges = {n: merge3(base.get(n, ""), self.mine[n], self.theirs[n]) for n in TEXT_FIELDS}
        self.merged_fields = {n: m.text for n, m in merges.items()}
        conflicts = [c for m in merges.values() for c in m.conflicts]
        self.choice: str | None = None

        grid = QGridLayout(self)
        intro = QLabel(
            f"“{theirs.display_title}” was saved by someone else (version {theirs.version}) while you "
            f"were writing from version {conflict.base_version}. Nothing has been overwritten."
        )
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 2)
        self.mine_view = self._pane(self.mine["body"])
        self.theirs_view = self._pane(self.theirs["body"])
        grid.addWidget(QLabel("<b>Your text</b>"), 1, 0)
        grid.addWidget(QLabel("<b>Saved by someone else</b>"), 1, 1)
        grid.addWidget(self.mine_view, 2, 0)
        grid.addWidget(self.theirs_view, 2, 1)
        if conflicts:
            words = "; ".join(f"“{c.theirs.strip() or '(deleted)'}” for “{c.replaced.strip()}”" for c in conflicts[:3])
            summary = (
                f"<b>Merged</b>: both changed the same words in {len(conflicts)} place(s); your words are "
                f"kept there, theirs were: {words}. Edit the merge before saving if needed."
            )
        else:
            summary = "<b>Merged</b>: your changes and theirs, combined (no words changed by both)."
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        grid.addWidget(self.summary, 3, 0, 1, 2)
        self.merged_view = QPlainTextEdit(self.merged_fields["body"])
        self.merged_view.setObjectName("mergedText")
        grid.addWidget(self.merged_view, 4, 0, 1, 2)
        buttons = QDialogButtonBox()
        self.save_merged = QPushButton("Save Merged")
        self.keep_mine = QPushButton("Keep Mine")
        self.take_theirs = QPushButton("Take Theirs")
        for button, choice in ((self.save_merged, "merged"), (self.keep_mine, "mine"), (self.take_theirs, "theirs")):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.save_merged.setDefault(True)
        grid.addWidget(buttons, 5, 0, 1, 2)
        self.resize(1000, 700)

    @staticmethod
    def _pane(text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        return view

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def chosen_fields(self) -> dict[str, str]:
        if self.choice == "mine":
            return dict(self.mine)
        if self.choice == "theirs":
            return dict(self.theirs)
        return {**self.merged_fields, "body": self.merged_view.toPlainText()}


def keep_copy(folder: Path, article_id: int, fields: dict[str, str], why: str) -> Path:
    """The text not chosen, as a Markdown file the writer can open: nothing typed is lost."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"article-{article_id}-{stamp}-{why}.md"
    head = "\n".join(f"{n}: {fields.get(n, '')}" for n in ("title", "dek", "byline"))
    path.write_text(f"---\n{head}\n---\n\n{fields.get('body', '')}", encoding="utf-8")
    return path


class ConflictResolver:
    """Connects the window's autosave conflicts to the dialog, and remote saves to the editor."""

    def __init__(self, window) -> None:
        self.window = window
        window.autosave.conflict.connect(self.show)
        window.changes.changed.connect(self._on_changes)
        self.last_dialog: ConflictDialog | None = None

    def _folder(self) -> Path:
        return Path(self.window.store.path).parent / "conflicts"

    def show(self, conflict: ArticleConflictError) -> None:
        w = self.window
        dialog = ConflictDialog(conflict, w.autosave.base_fields, w)
        self.last_dialog = dialog
        dialog.open()
        dialog.finished.connect(lambda _r: self._apply(dialog))

    def _apply(self, dialog: ConflictDialog) -> None:
        w = self.window
        conflict = dialog.conflict
        article_id = conflict.theirs.id
        if dialog.choice is None:  # closed without choosing: the text stays, saving waits
            w.statusBar().showMessage("Not saved: someone else saved this article. Choose how to merge.", 0)
            return
        dropped = dialog.mine if dialog.choice != "mine" else dialog.theirs
        kept = keep_copy(self._folder(), article_id, dropped, "yours" if dialog.choice != "mine" else "theirs")
        fields = dialog.chosen_fields()
        if w.autosave.resolve(fields, conflict.theirs.version):
            fresh = w.store.get(article_id)
            w.article = None
            w._load(fresh)  # the chosen text, as stored, with its new version
            w.statusBar().showMessage(f"Saved. The text you did not keep is in {kept}.", 15000)

    def _on_changes(self, changes: Changes) -> None:
        """Someone else saved the open article: show it if nothing here is unsaved."""
        w = self.window
        if not changes.remote:
            return
        if changes.fields and not changes.library:  # a headline, byline or date in the library's rows
            w._library_timer.start()
        article = w.article
        if article is None or article.id is None or not changes.touches(article.id):
            return
        if not (changes.fields & set(TEXT_FIELDS) or changes.everything):
            return
        if w.autosave.dirty or w.autosave.pending_conflict is not None:
            w.statusBar().showMessage("Someone else saved this article: your next save offers a merge.", 10000)
            return
        fresh = w.store.get(article.id)
        if fresh is None or fresh.version == getattr(article, "version", None):
            return
        cursor = w.editor.textCursor().position()
        w.article = None
        w._load(fresh)
        c = w.editor.textCursor()
        c.setPosition(min(cursor, len(fresh.body)))
        w.editor.setTextCursor(c)
        w.statusBar().showMessage("Updated: someone else saved this article.", 8000)
