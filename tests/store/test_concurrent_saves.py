"""Two people, one article: nobody's save overwrites another's silently (both engines)."""

from __future__ import annotations

import threading

import pytest

from editor_app.services.opening import open_store
from editor_app.store.claims import ClaimConflictError, ClaimStore
from editor_app.store.store import ArticleConflictError


@pytest.fixture
def two_desks(store_target):
    """Two writers' stores on the same library (two machines, two connections)."""
    first = open_store(store_target, seed_sample=False)
    second = open_store(store_target, seed_sample=False)
    yield first, second
    first.close()
    second.close()


def test_two_writers_saving_at_once_one_wins_the_other_gets_a_conflict(two_desks):
    jane, omar = two_desks
    art = jane.create(title="Ford and Xiaomi", body="Ford held talks with Xiaomi.")
    base = art.version
    start = threading.Barrier(2)
    results: dict[str, object] = {}

    def write(name, store, body):
        start.wait()
        try:
            results[name] = store.save(art.id, base_version=base, body=body)
        except ArticleConflictError as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=write, args=("jane", jane, "Ford held talks with Xiaomi. Jane's line.")),
        threading.Thread(target=write, args=("omar", omar, "Ford held talks with Xiaomi. Omar's line.")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    conflicts = [r for r in results.values() if isinstance(r, ArticleConflictError)]
    saved = [r for r in results.values() if not isinstance(r, ArticleConflictError)]
    assert len(conflicts) == 1 and len(saved) == 1
    (conflict,), (winner,) = conflicts, saved
    stored = jane.get(art.id)
    assert stored.body == winner.article.body and stored.version == base + 1
    assert conflict.theirs.body == stored.body  # what the loser is shown
    assert conflict.mine["body"] != stored.body and "line." in conflict.mine["body"]  # the loser's text, kept
    assert "Nothing was overwritten" in str(conflict)


def test_a_save_from_the_current_version_or_of_the_same_text_is_no_conflict(two_desks):
    jane, omar = two_desks
    art = jane.create(title="Markets", body="Stocks rose.")
    saved = jane.save(art.id, base_version=art.version, body="Stocks rose sharply.")
    assert saved.article.version == art.version + 1
    # Omar started from the old version but typed the same text: nothing to fight over
    assert omar.save(art.id, base_version=art.version, body="Stocks rose sharply.").fields == frozenset()
    with pytest.raises(ArticleConflictError):
        omar.save(art.id, base_version=art.version, body="Stocks fell.")
    assert jane.get(art.id).body == "Stocks rose sharply."
    # saving without a base version (a script, an import) writes as before
    assert omar.save(art.id, body="Stocks fell.").fields == {"body"}


def test_claims_have_a_version_and_a_stale_update_is_refused(two_desks):
    jane, omar = two_desks
    art = jane.create(title="Talks", body="Ford held talks with Xiaomi.")
    claim = ClaimStore(jane).create(art.id, key="c1", short="Ford held talks", wording="Ford held talks with Xiaomi")
    mine, theirs = ClaimStore(jane).get(claim.id), ClaimStore(omar).get(claim.id)
    mine.short = "Ford held talks with Xiaomi"
    assert ClaimStore(jane).update(mine).version == claim.version + 1
    theirs.short = "Talks were held"
    with pytest.raises(ClaimConflictError) as caught:
        ClaimStore(omar).update(theirs)
    assert caught.value.theirs.short == "Ford held talks with Xiaomi"
    assert ClaimStore(omar).get(claim.id).short == "Ford held talks with Xiaomi"
