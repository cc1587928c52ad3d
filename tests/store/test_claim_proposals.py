"""Dismissed claim proposals are remembered per article, by their words, across reopening."""

from __future__ import annotations

from editor_app.services.opening import open_store
from editor_app.store.claims import ClaimStore, proposal_key


def test_dismissal_survives_reopen_and_ignores_spacing_and_markers(tmp_path):
    path = tmp_path / "desk.db"
    store = open_store(path, seed_sample=False)
    first = store.create(title="Talks", body="A report said Ford held talks with Xiaomi.")
    other = store.create(title="Other", body="Nothing here.")
    claims = ClaimStore(store)
    claims.dismiss_proposal(first.id, "Ford held talks with Xiaomi")
    claims.dismiss_proposal(first.id, "Ford  held talks\nwith Xiaomi")  # the same words: one record
    store.close()

    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    dismissed = claims.dismissed_proposals(first.id)
    assert dismissed == {proposal_key("ford held <!--claim c1-->talks with xiaomi<!--/claim-->")}
    assert claims.dismissed_proposals(other.id) == set()
    assert claims.restore_proposals(first.id) == 1
    assert claims.dismissed_proposals(first.id) == set()


def test_dismissal_announces_a_claims_change(tmp_path):
    store = open_store(tmp_path / "desk.db", seed_sample=False)
    article = store.create(title="Talks", body="Body.")
    seen = []
    store.changes.listen(seen.append)
    ClaimStore(store).dismiss_proposal(article.id, "Some claim")
    assert seen and seen[-1].claims and seen[-1].articles == frozenset({article.id})
