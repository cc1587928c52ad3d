"""Revisions: delta/snapshot codec, coalescing, text at any revision, diff, restore."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from editor_app.core.article import utcnow
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.revisions import (
    SNAPSHOT_EVERY,
    RevisionStore,
    apply_delta,
    delta_ops,
    make_delta,
)

ALPHABET = "abc de\nfg\n\nÄé漢字🙂 \t-*#"


@pytest.fixture
def store(store_target):
    s = open_store(store_target, seed_sample=False)
    yield s
    s.close()


def _random_edit(rng: random.Random, text: str) -> str:
    kind = rng.random()
    pos = rng.randint(0, len(text))
    if kind < 0.4:
        piece = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))
        return text[:pos] + piece + text[pos:]
    if kind < 0.7:
        return text[:pos] + text[pos + rng.randint(1, 20) :]
    if kind < 0.85:
        lines = text.split("\n")
        i = rng.randrange(len(lines))
        lines.insert(rng.randrange(len(lines) + 1), lines.pop(i))
        return "\n".join(lines)
    piece = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    return text[:pos] + piece + text[pos + rng.randint(0, 30) :]


@pytest.mark.parametrize("seed", range(40))
def test_delta_round_trip_for_random_edit_sequences(seed):
    rng = random.Random(seed)
    base = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 400)))
    text = base
    for _ in range(30):
        text = _random_edit(rng, text)
        assert apply_delta(base, make_delta(base, text)) == text


@pytest.mark.parametrize(
    ("base", "new"),
    [
        ("", ""),
        ("", "x"),
        ("x", ""),
        ("a\n", "a"),
        ("a", "a\n"),
        ("\n\n", "\n"),
        ("a\nb\nc", "c\nb\na"),
        ("line one\nline two\n", "line one\nline 2\n"),
        ("🙂\n", "🙂🙂\n"),
    ],
)
def test_delta_edge_cases(base, new):
    assert apply_delta(base, make_delta(base, new)) == new


def test_small_edit_in_a_long_paragraph_is_a_small_delta():
    para = "word " * 400
    base = f"{para}\n\n{para}\n\n{para}"
    new = base.replace("word word", "word WORD", 1)
    ops = delta_ops(base, new)
    assert any(isinstance(op, list) and len(op) == 4 for op in ops)
    assert len(make_delta(base, new)) < 60


def test_typing_is_coalesced_within_five_minutes(store):
    revs = RevisionStore(store)
    a = store.create(title="T", body="one")
    t0 = utcnow()
    r1 = revs.record(a.id, "typing", "ana", at=t0)
    store.save(a.id, body="one two")
    r2 = revs.record(a.id, "typing", "ana", at=t0 + timedelta(minutes=2))
    assert r2.id == r1.id and revs.text_of(r1.id) == "one two"
    assert r2.created_at == r1.created_at and r2.updated_at > r1.updated_at
    store.save(a.id, body="one two three")
    r3 = revs.record(a.id, "typing", "ana", at=t0 + timedelta(minutes=6))
    assert r3.id != r1.id
    # nothing changed: no new revision
    assert revs.record(a.id, "typing", "ana", at=t0 + timedelta(minutes=20)).id == r3.id
    # another reason in between ends the coalescing
    revs.record(a.id, "manual", "ana", at=t0 + timedelta(minutes=7))
    store.save(a.id, body="one two three four")
    r5 = revs.record(a.id, "typing", "ana", at=t0 + timedelta(minutes=8))
    assert r5.id not in (r1.id, r3.id)
    assert [r.reason for r in revs.list(a.id)] == ["typing", "manual", "typing", "typing"]
    assert [revs.text_of(r.id) for r in revs.list(a.id)] == [
        "one two three four",
        "one two three",
        "one two three",
        "one two",
    ]


def test_status_changes_always_add_a_revision(store):
    revs, review = RevisionStore(store), Review(store)
    a = store.create(title="T", byline="B", dek="D", body="text")
    revs.record(a.id, "typing", "ana")
    review.change_status(a.id, "in_review", who="ana")
    review.change_status(a.id, "needs_work", who="ed")
    assert [r.reason for r in revs.list(a.id)] == ["status change", "status change", "typing"]


def test_snapshots_every_twentieth_and_text_of_each_revision(store):
    revs = RevisionStore(store)
    rng = random.Random(7)
    words = [f"w{rng.randrange(10**6)}" for _ in range(400)]
    text = "\n\n".join(" ".join(rng.choice(words) for _ in range(60)) for _ in range(20))
    a = store.create(title="T", body=text)
    expected: dict[int, str] = {}
    for _ in range(3 * SNAPSHOT_EVERY + 5):
        pos = rng.randint(0, len(text))
        text = text[:pos] + rng.choice(["", "new ", "🙂", "x\n"]) + text[pos + rng.randint(0, 6) :]
        store.save(a.id, body=text)
        r = revs.record(a.id, "manual", "ana")
        expected[r.id] = store.get(a.id).body
    listed = list(reversed(revs.list(a.id)))
    kinds = [r.kind for r in listed]
    assert kinds[0] == "full" and kinds.count("full") >= 3
    assert all(k == "delta" for k in kinds[1:SNAPSHOT_EVERY])
    assert kinds[SNAPSHOT_EVERY] == "full"
    for r in listed:
        assert revs.text_of(r.id) == expected[r.id]
        if r.kind == "delta":
            assert r.base_id is not None and r.stored_bytes < 2000
    fresh = RevisionStore(store)  # no cache
    assert all(fresh.text_of(r.id) == expected[r.id] for r in listed)


def test_a_big_rewrite_is_stored_as_a_snapshot(store):
    revs = RevisionStore(store)
    a = store.create(title="T", body="alpha beta gamma\n" * 200)
    revs.record(a.id, "manual", "ana")
    store.save(a.id, body="completely new text\n" * 150)
    assert revs.record(a.id, "manual", "ana").kind == "full"


def test_restore_records_revisions_and_brings_back_the_text(store):
    revs, review = RevisionStore(store), Review(store)
    a = store.create(title="Old headline", dek="Old dek", byline="Ana", body="The old body.\nSecond line.\n")
    old = revs.record(a.id, "manual", "ana")
    store.save(a.id, title="New headline", body="The new body.\nSecond line.\nThird line.\n")
    c = review.add_comment(a.id, "on second", "ed", anchor=(len("The new body.\n"), len("The new body.\nSecond"), ""))
    change = revs.restore(a.id, old.id, "ed")
    assert change.article.title == "Old headline" and change.article.body == "The old body.\nSecond line.\n"
    reasons = [r.reason for r in revs.list(a.id)]
    assert reasons[:2] == ["restore", "before restore"]
    before = revs.list(a.id)[1]
    assert revs.text_of(before.id) == "The new body.\nSecond line.\nThird line.\n"
    assert revs.state_of(before.id).title == "New headline"
    got = review.get_comment(c.id)
    assert change.article.body[got.anchor_start : got.anchor_end] == "Second"
    with pytest.raises(KeyError):
        revs.restore(a.id + 1000, old.id, "ed")


def test_diff_is_a_readable_unified_diff(store):
    revs = RevisionStore(store)
    a = store.create(title="Headline", dek="Dek", byline="Ana", body="one\ntwo\nthree\n")
    r1 = revs.record(a.id, "manual", "ana")
    store.save(a.id, title="Headline 2", body="one\n2\nthree\n")
    r2 = revs.record(a.id, "manual", "ana")
    lines = revs.diff(r1.id, r2.id)
    assert lines[0].startswith("--- revision") and lines[1].startswith("+++ revision")
    assert "-Headline: Headline" in lines and "+Headline: Headline 2" in lines
    assert "-two" in lines and "+2" in lines and " one" in lines
    assert revs.diff(r2.id, "current") == []
    store.save(a.id, body="one\n2\nthree\nfour\n")
    current = revs.diff(r2.id)
    assert current[1] == "+++ current text" and "+four" in current
    assert revs.storage_bytes(a.id) > 0
