"""A store on read-only media (an archive disk, a colleague's share, a locked-down folder)
opens read-only and says why; nothing tries to write it (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from editor_app.store.errors import StoreReadOnlyError
from editor_app.store.lock import LockFileError, StoreLock
from editor_app.store.readonly import unwritable_reason


@pytest.fixture
def archived(tmp_path: Path, read_only_view) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    store = open_store(folder / "desk.sqlite", seed_sample=False)
    store.create(title="Ford and Xiaomi deny talks", body="Both companies denied the report.")
    store.close()
    return read_only_view(folder) / "desk.sqlite"


def test_the_folder_really_refuses_writes(archived: Path):
    with pytest.raises(OSError):
        (archived.parent / "probe").write_text("x")


def test_the_lock_cannot_be_made_and_says_so(archived: Path):
    with pytest.raises(LockFileError, match="cannot be created"):
        StoreLock(archived).acquire()


def test_opening_it_read_only_reads_every_article_and_refuses_writes(archived: Path):
    reason = unwritable_reason(archived)
    assert reason and ("read-only" in reason or "cannot be written" in reason)
    store = open_store(archived, read_only=True, reason=reason)
    try:
        assert store.read_only and store.read_only_reason == reason
        [summary] = store.list_summaries()
        article = store.get(summary.id)
        assert article.title == "Ford and Xiaomi deny talks"
        assert article.body == "Both companies denied the report."
        with pytest.raises(StoreReadOnlyError):
            store.create(title="New")
    finally:
        store.close()
    assert sorted(p.name for p in archived.parent.iterdir()) == ["desk.sqlite"]  # no -wal, -shm, lock


def test_opening_it_for_writing_fails_with_a_sentence(archived: Path):
    with pytest.raises(StoreReadOnlyError, match="cannot be written"):
        open_store(archived)
