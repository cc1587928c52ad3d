"""Notices and kills in the store: published notices are append-only (API and raw SQL), the
published versions are kept, a kill leaves everything in place, the embargo column follows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor_app.core.article import ArticleStatus as S
from editor_app.core.notices import NoticeError, NoticeKind
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.embargo import EmbargoStore
from editor_app.store.errors import StoreError
from editor_app.store.notices import NoticeAppendOnly, NoticeStore
from editor_app.store.revisions import RevisionStore

BODY = "The harbour authority said container traffic rose 4% in November.\n"


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "s.sqlite", seed_sample=False)
    yield s
    s.close()


def _published(store) -> int:
    a = store.create(title="Harbour traffic rises", dek="Containers up.", byline="Ana", body=BODY)
    review = Review(store)
    for target in (S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(a.id, target, who="ed", checklist_items=[])
    return a.id


def test_a_correction_on_a_published_article_is_published_and_keeps_the_version(store):
    aid = _published(store)
    before = store.get(aid)
    store.save(aid, body=BODY.replace("4%", "5%"))
    notice = NoticeStore(store).add(aid, "correction", "An earlier version gave the rise as 4%.", who="ed")
    assert notice.published and notice.kind == NoticeKind.CORRECTION and notice.who == "ed"
    after = store.get(aid)
    assert after.status == S.PUBLISHED and after.updated_at >= before.updated_at
    versions = NoticeStore(store).published_versions(aid)
    assert [RevisionStore(store).text_of(v.id) for v in versions] == [BODY, BODY.replace("4%", "5%")]
    assert NoticeStore(store).corrected_ids() == {aid}


def test_notices_need_a_published_article_and_a_text(store):
    draft = store.create(title="Draft", body="Words.\n")
    with pytest.raises(NoticeError, match="published"):
        NoticeStore(store).add(draft.id, "update", "More words.")
    aid = _published(store)
    with pytest.raises(NoticeError, match="text"):
        NoticeStore(store).add(aid, "update", "   ")
    with pytest.raises(NoticeError, match="kind"):
        NoticeStore(store).add(aid, "erratum", "Fixed.")


def test_published_notices_cannot_be_edited_nor_deleted_through_the_store(store):
    aid = _published(store)
    notice = NoticeStore(store).add(aid, "clarification", "The figure covers November only.")
    with pytest.raises(NoticeAppendOnly, match="append-only"):
        NoticeStore(store).edit(notice.id, "Something else.")
    with pytest.raises(NoticeAppendOnly):
        NoticeStore(store).delete(notice.id)
    assert isinstance(NoticeAppendOnly(), StoreError)
    assert NoticeStore(store).list(aid)[0].text == "The figure covers November only."


def test_published_notices_cannot_be_edited_nor_deleted_through_raw_sql(store):
    aid = _published(store)
    NoticeStore(store).add(aid, "correction", "The rise was 5%, not 4%.")
    conn = sqlite3.connect(store.path)
    try:
        for sql in ("UPDATE notices SET text = 'nothing happened'", "DELETE FROM notices"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
            conn.rollback()
    finally:
        conn.close()
    (kept,) = NoticeStore(store).list(aid)
    assert kept.text == "The rise was 5%, not 4%."


def test_a_mistaken_notice_gets_a_further_notice(store):
    aid = _published(store)
    notices = NoticeStore(store)
    notices.add(aid, "correction", "The rise was 6%.")
    notices.add(aid, "correction", "The previous correction gave the wrong figure: the rise was 5%.")
    assert [n.text[:20] for n in notices.list(aid)] == ["The rise was 6%.", "The previous correct"]
    assert [n.article_title for n in notices.list_all()] == ["Harbour traffic rises"] * 2


def test_a_notice_on_a_reopened_article_waits_for_the_next_publication(store):
    aid = _published(store)
    review = Review(store)
    review.change_status(aid, S.NEEDS_WORK, who="ed")
    notices = NoticeStore(store)
    pending = notices.add(aid, "update", "Adds the authority's forecast.")
    assert not pending.published
    notices.edit(pending.id, "Adds the authority's forecast for December.")  # not out yet: editable
    for target in (S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(aid, target, who="ed", checklist_items=[])
    (out,) = notices.list(aid)
    assert out.published and out.text == "Adds the authority's forecast for December."
    with pytest.raises(NoticeAppendOnly):
        notices.delete(out.id)


def test_kill_withdraws_without_deleting(store):
    aid = _published(store)
    ClaimStore(store)  # claims untouched
    NoticeStore(store).add(aid, "update", "Adds a quote.")
    NoticeStore(store).kill(aid, "The figures were withdrawn by the authority.", who="ed")
    a = store.get(aid)
    assert a.status == S.SPIKED and a.killed and a.kill_reason == "The figures were withdrawn by the authority."
    assert a.killed_by == "ed" and a.body == BODY and a.published_at is not None
    assert len(NoticeStore(store).list(aid)) == 1
    last = Review(store).status_history(aid)[-1]
    assert (last.from_status, last.to_status) == (S.PUBLISHED, S.SPIKED) and "withdrawn" in last.note
    with pytest.raises(NoticeError, match="revive it as a draft"):
        NoticeStore(store).add(aid, "update", "Too late.")


def test_a_killed_article_stays_killed_when_revived_until_republished_with_a_notice(store):
    from editor_app.core.export import ArticlePackage
    from editor_app.core.ninjs import ninjs_document
    from editor_app.core.workflow import ReinstatementNeedsNotice
    from editor_app.store.library_query import LibraryIndex

    aid = _published(store)
    NoticeStore(store).kill(aid, "The figures were withdrawn by the authority.", who="ed")
    review = Review(store)
    for target in (S.DRAFT, S.IN_REVIEW, S.APPROVED):
        review.change_status(aid, target, who="ed", checklist_items=[])
        a = store.get(aid)
        assert a.killed, target  # revived, still withdrawn for readers
        assert ninjs_document(ArticlePackage(article=a), "")["pubStatus"] == "canceled"
        assert LibraryIndex(store).rows([aid])[0].killed  # the library says so too
    with pytest.raises(ReinstatementNeedsNotice, match="needs a notice"):
        review.change_status(aid, S.PUBLISHED, who="ed", checklist_items=[])
    assert store.get(aid).status == S.APPROVED and store.get(aid).killed  # nothing changed
    NoticeStore(store).add(aid, "update", "Republished with the authority's revised figures.", who="ed")
    review.change_status(aid, S.PUBLISHED, who="ed", checklist_items=[])
    a = store.get(aid)
    assert a.status == S.PUBLISHED and not a.killed
    assert ninjs_document(ArticlePackage(article=a), "")["pubStatus"] == "usable"
    assert [n.published for n in NoticeStore(store).list(aid)] == [True]


def test_kill_needs_a_published_article_and_a_reason(store):
    draft = store.create(title="Draft", body="Words.\n")
    with pytest.raises(NoticeError, match="published"):
        NoticeStore(store).kill(draft.id, "No.")
    aid = _published(store)
    with pytest.raises(NoticeError, match="reason"):
        NoticeStore(store).kill(aid, " ")


def test_a_corrected_article_cannot_be_purged(store):
    aid = _published(store)
    NoticeStore(store).add(aid, "correction", "Fixed a figure.")
    store.delete(aid)
    with pytest.raises(StoreError, match="notices"):
        store.purge([aid])
    assert store.get(aid) is not None


def test_embargo_column_follows_front_matter_and_the_header_value(store):
    a = store.create(title="Results", body="---\nembargo: 2026-12-24T09:00:00+08:00\n---\nProfit rose.\n")
    got = store.get(a.id).embargo_at
    assert got == datetime(2026, 12, 24, 1, 0, tzinfo=UTC) and got.utcoffset().total_seconds() == 8 * 3600
    store.save(a.id, body="---\nembargo: 2026-12-24T08:00:00+08:00\n---\nProfit rose.\n")
    assert store.get(a.id).embargo_at == datetime(2026, 12, 24, 0, 0, tzinfo=UTC)
    b = store.create(title="Other", body="No front matter.\n")
    EmbargoStore(store).set_embargo(b.id, "2027-01-04T09:30:00-05:00")
    assert store.get(b.id).embargo_at.isoformat() == "2027-01-04T09:30:00-05:00"
    store.save(b.id, body="Edited, still no front matter.\n")  # the header's value stays
    assert store.get(b.id).embargo_at is not None
    EmbargoStore(store).set_embargo(b.id, "")
    assert store.get(b.id).embargo_at is None


def test_an_embargo_override_is_kept_in_the_history(store):
    a = store.create(title="Results", body="Profit rose.\n")
    EmbargoStore(store).set_embargo(a.id, "2099-01-01T00:00:00Z")
    EmbargoStore(store).record_override(a.id, "exported", "The issuer released it early.", who="ed")
    (entry,) = Review(store).status_history(a.id)
    assert entry.override_reason == "The issuer released it early." and "exported" in entry.note
    assert entry.who == "ed" and entry.from_status == entry.to_status == S.DRAFT


def test_the_library_shows_corrected_killed_and_embargo_and_sorts_by_embargo(store):
    from editor_app.store.library_query import LibraryIndex, LibraryQuery

    aid = _published(store)
    NoticeStore(store).add(aid, "correction", "Fixed a figure.")
    late = store.create(title="Late", body="---\nembargo: 2027-01-05T09:00:00+08:00\n---\nText.\n")
    soon = store.create(title="Soon", body="---\nembargo: 2026-12-24T09:00:00-05:00\n---\nText.\n")
    index = LibraryIndex(store)
    ids = index.ids(LibraryQuery(sort="embargo", descending=False))
    assert ids[:2] == [soon.id, late.id] and ids[-1] == aid  # soonest first, none last
    rows = {r.id: r for r in index.rows(ids)}
    assert rows[aid].corrected and not rows[aid].killed and rows[soon.id].embargo_at is not None
    NoticeStore(store).kill(aid, "Withdrawn.")
    assert index.rows([aid])[0].killed


def test_migration_fills_the_embargo_of_existing_articles(tmp_path):
    from alembic import command
    from alembic.config import Config

    from editor_app.store.database import MIGRATIONS_DIR, create_store_engine

    path = tmp_path / "old.sqlite"
    engine = create_store_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008_spelling_words")
        conn.exec_driver_sql(
            "INSERT INTO articles (title, dek, byline, slug, slug_locked, body, status, created_at, updated_at) "
            "VALUES ('Old', '', '', 'old', 0, '---\nembargo: 2026-12-24T09:00:00+08:00\n---\nText.\n', 'draft', "
            "'2026-12-01 00:00:00', '2026-12-01 00:00:00')"
        )
    engine.dispose()
    store = open_store(path, seed_sample=False)
    try:
        assert store.get(1).embargo_at.isoformat() == "2026-12-24T09:00:00+08:00"
    finally:
        store.close()
