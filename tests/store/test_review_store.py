"""Review: status changes and history, checklist blocking, sources, comments and anchors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from editor_app.core.article import ArticleStatus as S
from editor_app.core.checklist import CheckItem, Location
from editor_app.core.claims import Appearance, Response, Stance
from editor_app.core.edit_map import EditMap
from editor_app.core.workflow import ChecklistBlocked, InvalidTransition
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.database import MIGRATIONS_DIR, create_store_engine
from editor_app.store.revisions import RevisionStore
from editor_app.store.store import Store

ERROR = CheckItem("error", "missing_byline", "The byline is missing.", Location("header", "byline"))
WARNING = CheckItem("warning", "long_headline", "Long.", Location("header", "title"))


@pytest.fixture
def store(store_target):
    s = open_store(store_target, seed_sample=False)
    yield s
    s.close()


@pytest.fixture
def review(store: Store) -> Review:
    return Review(store)


def _article(store: Store, body: str = "The quick brown fox jumps over the lazy dog.\n"):
    return store.create(title="Fox jumps", dek="A fox jumped.", byline="Ana", body=body)


# -- status ---------------------------------------------------------------------------------------


def test_status_changes_are_recorded_with_who_when_note(store, review):
    a = _article(store)
    c1 = review.change_status(a.id, S.IN_REVIEW, who="ana", note="ready for the desk")
    c2 = review.change_status(a.id, "needs work", who="ed", note="source the quote")
    c3 = review.change_status(a.id, S.IN_REVIEW, who="ana")
    c4 = review.change_status(a.id, S.APPROVED, who="ed", checklist_items=[WARNING])
    c5 = review.change_status(a.id, S.PUBLISHED, who="ed", checklist_items=[])
    history = review.status_history(a.id)
    assert [(h.from_status, h.to_status, h.who, h.note) for h in history] == [
        (S.DRAFT, S.IN_REVIEW, "ana", "ready for the desk"),
        (S.IN_REVIEW, S.NEEDS_WORK, "ed", "source the quote"),
        (S.NEEDS_WORK, S.IN_REVIEW, "ana", ""),
        (S.IN_REVIEW, S.APPROVED, "ed", ""),
        (S.APPROVED, S.PUBLISHED, "ed", ""),
    ]
    assert [h.id for h in history] == [c.id for c in (c1, c2, c3, c4, c5)]
    assert all(h.at.tzinfo is not None for h in history)
    assert history[0].at <= history[-1].at
    after = store.get(a.id)
    assert after.status == S.PUBLISHED and after.published_at is not None
    # every status change recorded a revision
    assert [r.reason for r in RevisionStore(store).list(a.id)] == ["status change"] * 5


def test_correction_keeps_first_publication_time(store, review):
    a = _article(store)
    for to in (S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(a.id, to, who="ed", checklist_items=[])
    first = store.get(a.id).published_at
    for to in (S.NEEDS_WORK, S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(a.id, to, who="ed", checklist_items=[])
    assert store.get(a.id).published_at == first


def test_invalid_transition_changes_nothing(store, review):
    a = _article(store)
    with pytest.raises(InvalidTransition, match="cannot go to published"):
        review.change_status(a.id, S.PUBLISHED, who="ed", checklist_items=[])
    assert store.get(a.id).status == S.DRAFT
    assert review.status_history(a.id) == []
    with pytest.raises(KeyError):
        review.change_status(999, S.IN_REVIEW, who="ed")


def test_checklist_errors_block_and_override_is_recorded(store, review):
    a = _article(store)
    review.change_status(a.id, S.IN_REVIEW, who="ana")
    with pytest.raises(ChecklistBlocked) as blocked:
        review.change_status(a.id, S.APPROVED, who="ed", checklist_items=[ERROR, WARNING])
    assert [i.code for i in blocked.value.items] == ["missing_byline"]
    assert store.get(a.id).status == S.IN_REVIEW
    change = review.change_status(
        a.id, S.APPROVED, who="ed", checklist_items=[ERROR], override_reason="byline added by the wire desk"
    )
    assert change.override_reason == "byline added by the wire desk"
    assert review.status_history(a.id)[-1].override_reason == "byline added by the wire desk"
    # an override reason without errors is not recorded as an override
    change = review.change_status(a.id, S.PUBLISHED, who="ed", checklist_items=[WARNING], override_reason="not needed")
    assert change.override_reason == ""


def test_checklist_runs_when_not_given(store, review):
    a = store.create(title="No byline", dek="", byline="", body="Text.")
    review.change_status(a.id, S.IN_REVIEW, who="ana")
    with pytest.raises(ChecklistBlocked) as blocked:
        review.change_status(a.id, S.APPROVED, who="ed")
    assert {i.code for i in blocked.value.items} == {"missing_byline", "missing_summary"}


def test_checklist_of_a_stored_article_sees_comments_sources_and_tags(store, review):
    a = store.create(
        title="Ford shares rise",
        dek="Ford said profit rose.",
        byline="Ana",
        body="Ford Motor (NYSE: F) said profit rose.\n",
    )
    assert {i.code for i in review.checklist(a.id)} == {"ticker_suggestion"}
    from editor_app.store.tickers import TickerTagStore

    TickerTagStore(store).add(a.id, symbol="F", mic="XNYS", name="Ford Motor", exchange="NYSE", role="about")
    assert review.checklist(a.id) == []
    src = review.add_source(a.id, outlet="Ford", url="https://example.com/ford")
    c = review.add_comment(a.id, "Which quarter?", "ed")
    codes = [(i.code, i.where.id) for i in review.checklist(a.id)]
    assert codes == [("open_comment", c.id), ("source_unverified", src.id)]


# -- sources ---------------------------------------------------------------------------------------


def test_sources_crud_verify_and_order(store, review):
    a = _article(store)
    s1 = review.add_source(
        a.id,
        outlet="FT",
        title="Ford in talks",
        url="https://ft.example/1",
        published_on=date(2026, 11, 20),
        accessed_on=date(2026, 11, 21),
        supports="the talks",
        note="paywalled",
    )
    s2 = review.add_source(a.id, outlet="Reuters", url="https://reuters.example/2")
    s3 = review.add_source(a.id, outlet="Ford", url="https://ford.example/3")
    assert [s.position for s in review.list_sources(a.id)] == [0, 1, 2]
    v = review.verify(s1.id, who="ed")
    assert v.verified and v.verified_by == "ed" and v.verified_at is not None
    assert review.unverify(s1.id).verified is False
    review.verify(s1.id, who="ed")
    # editing the note keeps the verification; a new URL is a new source
    assert review.update_source(s1.id, note="free to read").verified
    changed = review.update_source(s1.id, url="https://ft.example/other")
    assert not changed.verified and changed.verified_by == ""
    got = review.get_source(s1.id)
    assert (got.outlet, got.published_on, got.accessed_on, got.supports) == (
        "FT",
        date(2026, 11, 20),
        date(2026, 11, 21),
        "the talks",
    )
    assert [s.id for s in review.move(s3.id, 0)] == [s3.id, s1.id, s2.id]
    review.delete_source(s1.id)
    assert [(s.id, s.position) for s in review.list_sources(a.id)] == [(s3.id, 0), (s2.id, 1)]
    with pytest.raises(ValueError, match="not editable"):
        review.update_source(s2.id, verified_by="me")


def test_sources_link_to_claims_appearances_and_responses(store, review):
    a = _article(store)
    claims = ClaimStore(store)
    c = claims.create(a.id, key="c1", wording="The fox jumped")
    c.appearances = [Appearance(outlet="FT", url="https://ft.example/1")]
    c.responses = [Response(party="Fox", stance=Stance.DENIES, quote="No.")]
    c = claims.update(c, who="ana")
    src = review.add_source(a.id, outlet="FT", url="https://ft.example/1")
    other = review.add_source(a.id, outlet="Fox", url="https://fox.example/")
    review.link(src.id, c.id, appearance_id=c.appearances[0].id)
    review.link(other.id, c.id, response_id=c.responses[0].id)
    again = review.link(other.id, c.id, response_id=c.responses[0].id)  # idempotent
    assert len(review.get_source(other.id).links) == 1 and again.id == review.get_source(other.id).links[0].id
    found = review.sources_for_claim(c.id)
    assert [(s.id, s.links[0].appearance_id, s.links[0].response_id) for s in found] == [
        (src.id, c.appearances[0].id, None),
        (other.id, None, c.responses[0].id),
    ]
    with pytest.raises(ValueError, match="not part of claim"):
        review.link(src.id, c.id, response_id=c.responses[0].id + 100)
    # editing the claim rewrites its responses: the link stays, on the claim
    claims.update(claims.get(c.id), who="ana")
    assert [(s.id, s.links[0].response_id) for s in review.sources_for_claim(c.id)][1] == (other.id, None)
    assert review.unlink_source(other.id) == 1
    assert [s.id for s in review.sources_for_claim(c.id)] == [src.id]
    claims.delete(c.id)
    assert review.get_source(src.id).links == []


# -- comments --------------------------------------------------------------------------------------


def test_comments_reply_resolve_reopen_and_counts(store, review):
    a = _article(store)
    b = _article(store)
    body = store.get(a.id).body
    c = review.add_comment(a.id, "Is it brown?", "ed", anchor=(10, 15, ""))
    assert (c.anchor_start, c.anchor_end, c.anchor_text) == (10, 15, body[10:15])
    r = review.reply(c.id, "Yes, checked.", "ana")
    r2 = review.reply(r.id, "Thanks", "ed")  # a reply to a reply joins the thread
    assert r.parent_id == c.id and r2.parent_id == c.id
    whole = review.add_comment(a.id, "Needs a second source overall", "ed")
    review.add_comment(b.id, "Fine", "ed")
    assert review.open_comment_counts() == {a.id: 2, b.id: 1}
    resolved = review.resolve(r.id, who="ana")  # resolving from a reply resolves the thread
    assert resolved.id == c.id and resolved.resolved and resolved.resolved_by == "ana"
    assert review.open_comment_counts() == {a.id: 1, b.id: 1}
    threads = review.list_comments(a.id)
    assert [t.id for t in threads] == [c.id, whole.id]
    assert [x.body for x in threads[0].replies] == ["Yes, checked.", "Thanks"]
    assert review.reopen(c.id).resolved is False
    assert review.open_comment_counts()[a.id] == 2
    review.delete_comment(c.id)
    assert [x.id for x in review.list_comments(a.id, threaded=False)] == [whole.id]
    with pytest.raises(ValueError):
        review.add_comment(a.id, "   ", "ed")
    with pytest.raises(ValueError, match="outside the text"):
        review.add_comment(a.id, "x", "ed", anchor=(5, 500, "x"))


def _anchored(store, review, start_word: str = "brown"):
    a = _article(store)
    body = store.get(a.id).body
    start = body.index(start_word)
    c = review.add_comment(a.id, "note", "ed", anchor=(start, start + len(start_word), start_word))
    return a, body, c


def _edit(store, review, a, old: str, new: str):
    store.save(a.id, body=new)
    review.reanchor_comments(a.id, old, new)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("quick brown fox", "very quick brown fox", "brown"),  # typing before
        ("brown fox jumps", "brown fox happily jumps", "brown"),  # typing after
        ("brown", "bro-wn", "bro-wn"),  # typing inside widens
        ("The quick brown", "A quick brown", "brown"),  # replace before
        ("quick brown fox", "quick brownish fox", "brown"),  # typing right after the end
        ("quick brown fox", "quick dark brown fox", "brown"),  # typing right before the start
    ],
)
def test_comment_follows_edits(store, review, old, new, expected):
    a, body, c = _anchored(store, review)
    new_body = body.replace(old, new)
    _edit(store, review, a, body, new_body)
    got = review.get_comment(c.id)
    assert not got.detached
    assert new_body[got.anchor_start : got.anchor_end] == expected


def test_comment_shrinks_with_partial_delete_and_detaches_when_gone(store, review):
    a = _article(store)
    body = store.get(a.id).body
    start = body.index("brown fox")
    c = review.add_comment(a.id, "note", "ed", anchor=(start, start + 9, "brown fox"))
    new = body.replace("brown fox", "brown")
    _edit(store, review, a, body, new)
    got = review.get_comment(c.id)
    assert new[got.anchor_start : got.anchor_end] == "brown"
    newer = new.replace("quick brown ", "")
    _edit(store, review, a, new, newer)
    got = review.get_comment(c.id)
    assert got.detached and got.anchor_start is None and got.anchor_text == "brown fox"
    assert not got.anchored
    # a detached comment stays in the list and can be attached again by hand
    again = review.set_anchor(c.id, (0, 3, ""))
    assert again.anchored and again.anchor_text == newer[:3]


def test_comment_reattaches_to_moved_text(store, review):
    body = "First paragraph about the merger.\n\nSecond paragraph about profits.\n"
    a = _article(store, body)
    start = body.index("about profits")
    c = review.add_comment(a.id, "check", "ed", anchor=(start, start + 13, "about profits"))
    new = "Second paragraph about profits.\n\nFirst paragraph about the merger.\n"
    _edit(store, review, a, body, new)
    got = review.get_comment(c.id)
    assert new[got.anchor_start : got.anchor_end] == "about profits"


def test_edit_map_on_long_text_is_exact():
    old = "".join(f"Paragraph {i} says something about stocks.\n\n" for i in range(2000))
    new = old.replace("Paragraph 1500 says", "Paragraph 1500 now says")
    emap = EditMap.between(old, new)
    s = old.index("Paragraph 1999")
    mapped = emap.map_range(s, s + 14)
    assert new[mapped[0] : mapped[1]] == "Paragraph 1999"


def test_migration_from_0003_indexes_existing_articles(tmp_path: Path):
    from alembic import command
    from alembic.config import Config

    from editor_app.store.search import check_index, search

    path = tmp_path / "old.sqlite"
    engine = create_store_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003_tickers")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO articles (title, slug, body, created_at, updated_at) VALUES "
            "('Old story', 'old-story', 'Zanzibar cloves.', '2026-01-01', '2026-01-01')"
        )
    engine.dispose()
    store = open_store(path)
    try:
        (hit,) = search(store, "zanzibar")
        assert hit.title == "Old story" and store.get(hit.article_id).published_at is None
        assert check_index(store)
        assert Review(store).open_comment_counts() == {}
    finally:
        store.close()


def test_an_edit_after_approval_sends_the_article_back_to_review_and_is_recorded(store, review):
    """Issue 19: editing an approved article kept "Approved" silently."""
    from editor_app.core.settings import DeskSettings
    from editor_app.store.settings import SettingsStore

    SettingsStore(store).save(DeskSettings(desk_user="Maria Editor"))
    a = _article(store)
    review.change_status(a.id, S.IN_REVIEW, who="ana")
    review.change_status(a.id, S.APPROVED, who="ed", checklist_items=[])
    same = store.save(a.id, body=a.body)  # nothing changed: still approved
    assert same.article.status == S.APPROVED and "status" not in same.fields
    store.save(a.id, byline="Ana Writer")  # the byline is not what was approved
    assert store.get(a.id).status == S.APPROVED
    change = store.save(a.id, body=a.body + "One more sentence.\n")
    assert change.article.status == S.IN_REVIEW and {"body", "status"} <= change.fields
    assert store.get(a.id).status == S.IN_REVIEW
    last = review.status_history(a.id)[-1]
    assert (last.from_status, last.to_status, last.who) == (S.APPROVED, S.IN_REVIEW, "Maria Editor")
    assert "Edited after approval" in last.note
    published = _article(store)
    for to in (S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(published.id, to, who="ed", checklist_items=[])
    store.save(published.id, body="A correction.\n")  # corrections of published pieces are another workflow
    assert store.get(published.id).status == S.PUBLISHED
