"""Recovery journal: text typed between autosaves survives a crash and is offered back once."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from editor_app.store import journal as journal_mod
from editor_app.store.journal import RecoveryJournal, journal_dir_for, restore_pending
from editor_app.store.store import Store


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "s.sqlite", seed_sample=False)
    yield s
    s.close()


def _journal(store: Store, tmp_path: Path) -> RecoveryJournal:
    return RecoveryJournal(store.path, root=tmp_path / "data")


def test_record_writes_atomically_and_only_when_changed(store: Store, tmp_path: Path):
    art = store.create(title="Title", body="saved")
    j = _journal(store, tmp_path)
    assert j.dir == journal_dir_for(store.path, tmp_path / "data")
    assert j.dir.parent == tmp_path / "data" / "recovery" and j.dir.name.startswith("s-")
    assert j.record(art.id, {"body": "saved and more"}, art.updated_at) is True
    assert j.record(art.id, {"body": "saved and more"}) is False  # unchanged: no write
    f = j.dir / f"{art.id}.json"
    data = json.loads(f.read_text("utf-8"))
    assert data["fields"] == {"body": "saved and more"} and data["article_id"] == art.id
    assert data["base_updated_at"]
    assert j.record(art.id, {"title": "New title"}) is True  # merged with the body
    assert json.loads(f.read_text("utf-8"))["fields"] == {"body": "saved and more", "title": "New title"}
    assert [p.name for p in j.dir.iterdir()] == [f.name]  # no temp files left
    j.clear(art.id)
    assert not f.exists()


def test_lone_surrogates_and_odd_text_round_trip_exactly(store: Store, tmp_path: Path):
    art = store.create(title="T")
    j = _journal(store, tmp_path)
    text = "lone \ud800 high, \udfff low, NUL \x00, RTL \u202e, emoji 👩‍💻, CRLF\r\n, é"
    assert j.record(art.id, {"body": text})
    (entry,) = RecoveryJournal(store.path, root=tmp_path / "data").entries()
    assert entry.fields["body"] == text
    (pending,) = j.pending(store)
    restore_pending(store, j, pending)
    assert store.get(art.id).body == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert j.entries() == []


def test_pending_offers_only_what_differs_from_the_store(store: Store, tmp_path: Path):
    same = store.create(title="Same", body="already saved")
    differs = store.create(title="Differs", body="old")
    j = _journal(store, tmp_path)
    j.record(same.id, {"body": "already saved", "title": "Same"})
    j.record(differs.id, {"body": "new text typed before the crash", "title": "Differs"})
    fresh = RecoveryJournal(store.path, root=tmp_path / "data")  # as after a restart
    (edit,) = fresh.pending(store)
    assert edit.article_id == differs.id
    assert edit.fields == {"body": "new text typed before the crash"}  # the title is not a change
    assert edit.display_title == "Differs" and not edit.missing
    assert not (fresh.dir / f"{same.id}.json").exists()  # nothing to offer: forgotten
    assert restore_pending(store, fresh, edit) == differs.id
    assert store.get(differs.id).body == "new text typed before the crash"
    assert fresh.pending(store) == []


def test_pending_without_a_store_opens_it_read_only(store: Store, tmp_path: Path):
    art = store.create(title="T", body="a")
    j = _journal(store, tmp_path)
    j.record(art.id, {"body": "ab"})
    (edit,) = RecoveryJournal(store.path, root=tmp_path / "data").pending()
    assert edit.fields == {"body": "ab"}


def test_clear_after_save_keeps_text_typed_during_the_save(store: Store, tmp_path: Path):
    art = store.create(title="T", body="")
    j = _journal(store, tmp_path)
    j.record(art.id, {"body": "abc", "title": "T2"})
    change = store.save(art.id, body="abc", title="T2")
    j.clear(art.id, saved=change.article)
    assert j.entries() == []
    j.record(art.id, {"body": "abcdef"})  # typed while the next save was in flight
    change = store.save(art.id, body="abcd")  # the save had an older snapshot
    j.clear(art.id, saved=change.article)
    (entry,) = j.entries()
    assert entry.fields == {"body": "abcdef"}
    j.record(art.id, {"body": "abcdefg"})
    (entry,) = j.entries()
    assert entry.base_updated_at == change.article.updated_at.replace(tzinfo=entry.base_updated_at.tzinfo)


def test_big_bodies_are_written_at_most_once_a_second(store: Store, tmp_path: Path, monkeypatch):
    art = store.create(title="T")
    j = _journal(store, tmp_path)
    big = "x" * (journal_mod.BIG_SNAPSHOT_CHARS + 10)
    assert j.record(art.id, {"body": big})
    assert j.record(art.id, {"body": big + "y"}) is False  # held back
    assert j.entries()[0].fields["body"] == big
    assert j.flush() == 1
    assert j.entries()[0].fields["body"] == big + "y"
    monkeypatch.setattr(journal_mod, "BIG_SNAPSHOT_INTERVAL_S", 0.0)
    assert j.record(art.id, {"body": big + "yz"})
    for i in range(20):  # small bodies are never held back
        assert j.record(art.id, {"body": f"small {i}"})
        assert j.entries()[0].fields["body"] == f"small {i}"


def test_missing_article_is_offered_and_recreated(store: Store, tmp_path: Path):
    art = store.create(title="Gone", body="b")
    j = _journal(store, tmp_path)
    j.record(art.id, {"title": "Gone", "body": "unsaved words"})
    store.delete(art.id)
    store.purge([art.id])
    (edit,) = j.pending(store)
    assert edit.missing
    new_id = restore_pending(store, j, edit)
    assert store.get(new_id).body == "unsaved words"  # (SQLite may reuse the purged id)
    assert j.entries() == []


def test_discard_keeps_a_copy_aside_and_bad_files_are_ignored(store: Store, tmp_path: Path):
    art = store.create(title="T")
    j = _journal(store, tmp_path)
    j.record(art.id, {"body": "text"})
    (j.dir / "999.json").write_text("{not json")
    (j.dir / "notes.json").write_text("{}")
    (edit,) = j.pending(store)
    j.discard(edit.article_id)
    assert j.pending(store) == []
    (kept,) = (j.dir / "discarded").glob(f"{art.id}-*.json")
    assert json.loads(kept.read_text("utf-8"))["fields"] == {"body": "text"}


def test_an_unwritable_journal_never_breaks_typing(store: Store, tmp_path: Path):
    art = store.create(title="T")
    root = tmp_path / "data"
    root.mkdir()
    (root / "recovery").write_text("a file where the folder should be")
    j = RecoveryJournal(store.path, root=root)
    assert j.record(art.id, {"body": "x"}) is False
    assert "could not be written" in j.last_error
    assert j.entries() == []


# -- the Qt hook (ui/editor/recovery.py) ------------------------------------------------------


def test_hook_records_while_dirty_and_clears_after_save(store: Store, tmp_path: Path, qtbot):
    from editor_app.ui.editor.autosave import AutosaveController
    from editor_app.ui.editor.recovery import attach_journal

    art = store.create(title="T", body="")
    fields = {"title": "T", "dek": "", "byline": "", "body": ""}
    autosave = AutosaveController(store, fields.__getitem__)
    j = _journal(store, tmp_path)
    attach_journal(autosave, j, fields.__getitem__)
    autosave.attach(art.id)
    fields["body"] = "typed"
    autosave.mark_dirty("body")
    qtbot.waitUntil(lambda: bool(j.entries()), timeout=30000)
    assert j.entries()[0].fields["body"] == "typed"
    with qtbot.waitSignal(autosave.saved, timeout=30000):
        pass
    qtbot.waitUntil(lambda: not j.entries(), timeout=30000)
    assert store.get(art.id).body == "typed"
    autosave.shutdown()


def test_an_id_reused_by_a_newer_article_is_not_overwritten(store: Store, tmp_path: Path):
    art = store.create(title="Old", body="b")
    j = _journal(store, tmp_path)
    j.record(art.id, {"body": "unsaved words for the old article"})
    store.delete(art.id)
    store.purge([art.id])
    time.sleep(1.05)  # the store keeps whole seconds
    newer = store.create(title="Newer", body="someone else's text")
    (edit,) = j.pending(store)
    assert edit.missing  # offered as a new article, never written into the newer one
    new_id = restore_pending(store, j, edit)
    assert store.get(newer.id).body == "someone else's text"
    assert store.get(new_id).body == "unsaved words for the old article"


@pytest.mark.parametrize(("button", "restored"), [("Restore", 1), ("Discard", 0), ("Decide Later", 0)])
def test_offer_recovery_buttons(store: Store, tmp_path: Path, qtbot, monkeypatch, button: str, restored: int):
    from PySide6.QtWidgets import QMessageBox

    from editor_app.ui.editor.recovery import offer_recovery

    art = store.create(title="Headline", body="saved")
    j = _journal(store, tmp_path)
    j.record(art.id, {"body": "saved and unsaved"})
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(
        QMessageBox, "clickedButton", lambda self: next(b for b in self.buttons() if b.text() == button)
    )
    assert offer_recovery(None, store, j) == restored
    assert "Headline" in shown[0]
    assert store.get(art.id).body == ("saved and unsaved" if button == "Restore" else "saved")
    assert bool(j.entries()) == (button == "Decide Later")


def test_an_untitled_article_is_named_by_its_first_words_in_the_recovery_dialog(
    store: Store, tmp_path: Path, qtbot, monkeypatch
):
    """Issue 21: the dialog listed an untitled article as "Article 2"."""
    from PySide6.QtWidgets import QMessageBox

    from editor_app.ui.editor.recovery import offer_recovery

    typed = store.create(title="", body="")
    stored = store.create(title="", body="**Xiaomi** declined to comment on the report on Tuesday.")
    j = _journal(store, tmp_path)
    j.record(typed.id, {"body": "Ford shares fell 2 percent in New York after the report."})
    j.record(stored.id, {"dek": "A dek typed before the crash"})
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(
        QMessageBox, "clickedButton", lambda self: next(b for b in self.buttons() if b.text() == "Decide Later")
    )
    offer_recovery(None, store, j)
    assert "Untitled: “Ford shares fell 2 percent in…”" in shown[0]
    assert "Untitled: “Xiaomi declined to comment on the…”" in shown[0]
    assert f"Article {typed.id}" not in shown[0] and f"Article {stored.id}" not in shown[0]
