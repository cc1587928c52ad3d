"""Wiring the recovery journal to autosave (no change to autosave itself), and offering it back.

`attach_journal(autosave, journal, read_field)` records the open article's fields every 300 ms
while autosave has unsaved text, and after each save drops what the store now holds.
`offer_recovery(parent, store, journal)` runs once at start, before the window shows articles.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.store.errors import StoreError
from editor_app.store.journal import RecoveryJournal, restore_pending
from editor_app.store.store import EDITABLE_FIELDS, Store
from editor_app.ui.editor.autosave import AutosaveController, SaveState

RECORD_MS = 300


class _JournalHook(QObject):
    def __init__(
        self, autosave: AutosaveController, journal: RecoveryJournal, read_field: Callable[[str], str]
    ) -> None:
        super().__init__(autosave)
        self.autosave = autosave
        self.journal = journal
        self.read_field = read_field
        self.base: dict[int, datetime | None] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(RECORD_MS)
        self.timer.timeout.connect(self.tick)
        autosave.state_changed.connect(self.on_state)
        autosave.saved.connect(self.on_saved)
        autosave.failed.connect(lambda _msg: self.tick())

    def on_state(self, state: str) -> None:
        if state in (SaveState.MODIFIED, SaveState.SAVING, SaveState.FAILED):
            if not self.timer.isActive():
                self.timer.start()
        elif not self.autosave.dirty:
            self.timer.stop()

    def tick(self) -> None:
        aid = self.autosave.article_id
        if aid is None or not (self.autosave.dirty or self.autosave.state == SaveState.FAILED):
            return
        try:
            fields = {name: self.read_field(name) for name in EDITABLE_FIELDS}
        except Exception:
            return
        self.journal.record(aid, fields, self.base.get(aid))

    def on_saved(self, change: object) -> None:
        article = change.article  # type: ignore[attr-defined]
        self.base[article.id] = article.updated_at
        self.journal.clear(article.id, saved=article)
        if self.autosave.dirty:
            self.tick()


def attach_journal(autosave: AutosaveController, journal: RecoveryJournal, read_field: Callable[[str], str]) -> QObject:
    """Connect the journal to autosave's signals; returns the hook (parented to `autosave`)."""
    return _JournalHook(autosave, journal, read_field)


def offer_recovery(parent: QWidget | None, store: Store, journal: RecoveryJournal) -> int:
    """At start: list unsaved edits from a crash; Restore writes them to the store. Returns how many."""
    try:
        edits = journal.pending(store)
    except StoreError:
        return 0
    if not edits:
        return 0
    lines = [
        f"• {e.display_title} — {e.written_at.astimezone():%Y-%m-%d %H:%M:%S}"
        + (" (article was deleted; it will be recreated)" if e.missing else "")
        + (" (saved elsewhere since)" if e.conflict else "")
        for e in edits[:20]
    ]
    if len(edits) > 20:
        lines.append(f"… and {len(edits) - 20} more")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Recover unsaved text",
        "editor_app did not close normally. Text typed after the last save was kept for:\n\n" + "\n".join(lines),
        parent=parent,
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide Later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is discard:
        for e in edits:
            journal.discard(e.article_id)
        return 0
    if clicked is not restore:
        return 0
    restored = 0
    for e in edits:
        try:
            restore_pending(store, journal, e)
            restored += 1
        except (StoreError, KeyError) as exc:
            QMessageBox.warning(
                parent,
                "Recover unsaved text",
                f"“{e.display_title}” could not be restored: {exc}\n"
                "It stays in the recovery journal and will be offered again.",
            )
    return restored
