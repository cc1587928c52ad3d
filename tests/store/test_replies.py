"""Reply requests in the store: saved with who and the deadline in UTC, closed by a response
recorded later (and only by a new one), announced on the change feed; migration 0012."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from editor_app.core.claims import Response, Stance
from editor_app.core.reply import ReplyState
from editor_app.services.opening import open_store
from editor_app.services.package import load_package
from editor_app.store.claims import ClaimStore
from editor_app.store.database import HEAD_REVISION, MIGRATIONS_DIR, create_store_engine
from editor_app.store.replies import ReplyStore

HKT = timezone(timedelta(hours=8))
ASKED = datetime(2026, 12, 3, 10, 0, tzinfo=HKT)
DEADLINE = datetime(2026, 12, 3, 17, 0, tzinfo=HKT)


@pytest.fixture
def setup(tmp_path: Path):
    store = open_store(tmp_path / "desk.sqlite", seed_sample=False)
    article = store.create(title="Ford in talks", body="<!--claim c1-->Ford held talks with Xiaomi<!--/claim-->.")
    claim = ClaimStore(store).create(article.id, key="c1", wording="Ford held talks with Xiaomi")
    yield store, article, claim
    store.close()


def test_request_is_saved_with_who_how_and_the_deadline_in_utc(setup, tmp_path: Path):
    store, article, claim = setup
    seen = []
    store.changes.listen(seen.append)
    replies = ReplyStore(store)
    req = replies.request(claim.id, "Xiaomi", "email", DEADLINE, zone="Asia/Hong_Kong", asked_at=ASKED, who="Ana")
    assert req.party == "Xiaomi" and req.claim_key == "c1" and req.asked_by == "Ana"
    assert req.deadline == datetime(2026, 12, 3, 9, 0, tzinfo=UTC) and req.deadline.tzinfo is UTC
    assert req.zone == "Asia/Hong_Kong"
    assert any(c.claims and c.touches(article.id) for c in seen)  # the Claims panel refreshes
    with store.engine.connect() as conn:  # stored as naive UTC, like every time in the store
        assert conn.exec_driver_sql("SELECT deadline FROM reply_requests").scalar().startswith("2026-12-03 09:00")
    store.close()
    again = open_store(tmp_path / "desk.sqlite", seed_sample=False)
    try:
        (back,) = ReplyStore(again).list_for_article(article.id)
        assert back == req
        assert load_package(again, article.id).replies == [req]
    finally:
        again.close()


def test_offset_is_the_zone_when_none_is_named(setup):
    store, _article, claim = setup
    req = ReplyStore(store).request(claim.id, "Ford", "phone", DEADLINE, asked_at=ASKED)
    assert req.zone == "+08:00"
    assert req.deadline_text(ASKED) == "5 p.m. UTC+8 on Dec. 3"


@pytest.mark.parametrize(
    ("party", "how", "deadline", "message"),
    [
        ("", "email", DEADLINE, "Name the party"),
        ("Xiaomi", "fax", DEADLINE, "unknown way"),
        ("Xiaomi", "email", DEADLINE.replace(tzinfo=None), "time zone"),
        ("Xiaomi", "email", ASKED - timedelta(minutes=1), "after the time"),
    ],
)
def test_refused_requests(setup, party, how, deadline, message):
    store, _article, claim = setup
    with pytest.raises(ValueError, match=message):
        ReplyStore(store).request(claim.id, party, how, deadline, asked_at=ASKED)
    assert ReplyStore(store).list_for_claim(claim.id) == []


def test_unknown_claim_is_refused(setup):
    store, *_ = setup
    with pytest.raises(KeyError):
        ReplyStore(store).request(999, "Xiaomi", "email", DEADLINE, asked_at=ASKED)


def test_a_response_recorded_later_closes_the_request(setup):
    store, _article, claim = setup
    claims, replies = ClaimStore(store), ReplyStore(store)
    xiaomi = replies.request(claim.id, "Xiaomi", "email", DEADLINE, asked_at=ASKED)
    ford = replies.request(claim.id, "Ford", "phone", DEADLINE, asked_at=ASKED)
    deny = Response(party="xiaomi ", stance=Stance.DENIES, quote="There were no talks.", date=ASKED.date())
    updated = claims.update(replace(claims.get(claim.id), responses=[deny]))
    closed = replies.get(xiaomi.id)
    assert closed.closed_at is not None and closed.state(DEADLINE) is ReplyState.CLOSED
    assert closed.closed_by_response_id == updated.responses[0].id
    assert closed.closed_by == "Xiaomi: denies, 3 December 2026"
    assert replies.get(ford.id).closed_at is None  # another party's answer does not close it
    assert replies.get(ford.id).state(DEADLINE) is ReplyState.OVERDUE


def test_editing_the_claim_does_not_close_a_newer_request(setup):
    """Response rows are rewritten on every claim edit: an old answer must not close a request
    made after it (the reporter asked Xiaomi again)."""
    store, _article, claim = setup
    claims, replies = ClaimStore(store), ReplyStore(store)
    deny = Response(party="Xiaomi", stance=Stance.DENIES, quote="No talks.")
    claims.update(replace(claims.get(claim.id), responses=[deny]))
    again = replies.request(claim.id, "Xiaomi", "statement_request", DEADLINE, asked_at=ASKED)
    claims.update(replace(claims.get(claim.id), wording="Ford held preliminary talks with Xiaomi"))
    assert replies.get(again.id).closed_at is None
    refused = Response(party="Xiaomi", stance=Stance.DECLINES_TO_COMMENT)
    claims.update(replace(claims.get(claim.id), responses=[deny, refused]))
    assert replies.get(again.id).closed_by == "Xiaomi: declined to comment"


def test_withdraw_and_cascade_with_the_claim(setup):
    store, _article, claim = setup
    replies = ReplyStore(store)
    a = replies.request(claim.id, "Xiaomi", "email", DEADLINE, asked_at=ASKED)
    replies.request(claim.id, "Ford", "email", DEADLINE, asked_at=ASKED)
    replies.withdraw(a.id)
    assert [r.party for r in replies.list_for_claim(claim.id)] == ["Ford"]
    ClaimStore(store).delete(claim.id)
    assert replies.list_for_claim(claim.id) == []


def test_the_store_refuses_an_unknown_method_in_raw_sql(setup):
    store, article, claim = setup
    ReplyStore(store).request(claim.id, "Xiaomi", "email", DEADLINE, asked_at=ASKED)
    with pytest.raises(IntegrityError, match="ck_reply_requests_method"), store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO reply_requests (article_id, claim_id, party_id, method, asked_at, deadline) "
            f"VALUES ({article.id}, {claim.id}, 1, 'carrier pigeon', '2026-12-03', '2026-12-04')"
        )


def test_migration_0012_from_a_0008_store(tmp_path: Path):
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "old.sqlite"
    engine = create_store_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008_spelling_words")
    engine.dispose()
    store = open_store(path, seed_sample=False)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
            cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(reply_requests)")}
        assert {"claim_id", "party_id", "method", "asked_at", "asked_by", "deadline", "zone", "closed_at"} <= cols
        assert {"closed_by_response_id", "closed_by"} <= cols
    finally:
        store.close()
    engine = create_store_engine(path)
    with engine.begin() as conn:  # and back down
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008_spelling_words")
        assert conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name='reply_requests'").first() is None
    engine.dispose()
