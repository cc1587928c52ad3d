"""Claims in the store: round trips through a new engine, parties, status history, migration."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from editor_app.core.claims import Appearance, Channel, ClaimStatus, PartyKind, Response, Stance
from editor_app.services.opening import open_store
from editor_app.store.claims import ClaimStore
from editor_app.store.database import HEAD_REVISION, MIGRATIONS_DIR, create_store_engine

WORDING = "Ford held preliminary talks with Xiaomi about building EVs in the United States, the FT said"


@pytest.fixture
def path(store_target):
    """The store, once as an SQLite file and once on the PostgreSQL test server."""
    return store_target


def _full_claim(claims: ClaimStore, article_id: int):
    c = claims.create(
        article_id,
        key="c1",
        short="Ford held talks with Xiaomi",
        wording=WORDING,
        first_reported=date(2026, 11, 20),
        who="writer",
    )
    c.appearances = [
        Appearance(
            outlet="Financial Times",
            title="Ford in EV talks with Xiaomi",
            url="https://example.com/ft",
            date=date(2026, 11, 20),
            is_first=True,
            attribution="people familiar with the matter",
        ),
        Appearance(outlet="Reuters", title="Ford, Xiaomi talks", url="https://example.com/r", date=date(2026, 11, 21)),
    ]
    c.responses = [
        Response(
            party="Xiaomi",
            stance=Stance.DENIES,
            quote="We are not in such talks.",
            spokesperson="Wang Hua",
            date=date(2026, 11, 21),
            channel=Channel.SOCIAL_MEDIA,
            reported_by="Reuters",
            source_url="https://example.com/x",
        ),
        Response(
            party="Ford",
            stance=Stance.DENIES,
            quote="The report is false.",
            spokesperson="",
            date=date(2026, 11, 20),
            channel=Channel.STATEMENT,
            reported_by="Financial Times",
            source_url="",
        ),
        Response(party="BYD", stance=Stance.DECLINES_TO_COMMENT),
    ]
    return claims.update(c, who="writer")


def test_round_trip_through_a_new_store(path: Path):
    store = open_store(path, seed_sample=False)
    art = store.create(title="Ford denies talks")
    claims = ClaimStore(store)
    saved = _full_claim(claims, art.id)
    second = claims.create(art.id, key="", short="", wording="Xiaomi plans a US plant", who="writer")
    assert second.key == "c2" and second.short == "Xiaomi plans a US plant"
    store.close()

    again = open_store(path)
    try:
        claims = ClaimStore(again)
        got = claims.list_claims(art.id)
        assert [c.key for c in got] == ["c1", "c2"]
        c = got[0]
        assert c == saved
        assert (c.short, c.wording, c.first_reported) == ("Ford held talks with Xiaomi", WORDING, date(2026, 11, 20))
        assert [(a.outlet, a.title, a.url, a.date, a.is_first, a.attribution) for a in c.appearances] == [
            (
                "Financial Times",
                "Ford in EV talks with Xiaomi",
                "https://example.com/ft",
                date(2026, 11, 20),
                True,
                "people familiar with the matter",
            ),
            ("Reuters", "Ford, Xiaomi talks", "https://example.com/r", date(2026, 11, 21), False, ""),
        ]
        assert [
            (r.party, r.stance, r.quote, r.spokesperson, r.date, r.channel, r.reported_by, r.source_url)
            for r in c.responses
        ] == [
            (
                "Xiaomi",
                Stance.DENIES,
                "We are not in such talks.",
                "Wang Hua",
                date(2026, 11, 21),
                Channel.SOCIAL_MEDIA,
                "Reuters",
                "https://example.com/x",
            ),
            (
                "Ford",
                Stance.DENIES,
                "The report is false.",
                "",
                date(2026, 11, 20),
                Channel.STATEMENT,
                "Financial Times",
                "",
            ),
            ("BYD", Stance.DECLINES_TO_COMMENT, "", "", None, Channel.STATEMENT, "", ""),
        ]
        assert c.effective.status is ClaimStatus.DENIED
        assert c.effective.reason == "Denied by Xiaomi and Ford; BYD declined to comment"
        assert claims.get(c.id) == c
        assert claims.get_by_key(art.id, "c2").wording == "Xiaomi plans a US plant"
        assert claims.get_by_key(art.id, "c9") is None and claims.get(999) is None

        # reorder responses and drop one: the stored order follows the list
        c.responses = [c.responses[1], c.responses[0]]
        c = claims.update(c, who="editor")
        assert [r.party for r in claims.get(c.id).responses] == ["Ford", "Xiaomi"]
        assert c.effective.reason == "Denied by Ford and Xiaomi"
    finally:
        again.close()


def test_parties_are_shared_across_articles_and_autocomplete(path: Path):
    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    a, b = store.create(title="A"), store.create(title="B")
    _full_claim(claims, a.id)
    other = claims.create(b.id, key="c1", short="", wording="Ford cuts jobs")
    other.appearances = [Appearance(outlet="financial  TIMES")]
    other.responses = [Response(party="FORD", stance=Stance.CONFIRMS, reported_by="Bloomberg")]
    other = claims.update(other)
    # the same party whatever the spelling; the first spelling is kept
    assert other.appearances[0].outlet == "Financial Times"
    assert other.responses[0].party == "Ford"
    assert claims.party_names() == ["Bloomberg", "BYD", "Financial Times", "Ford", "Reuters", "Xiaomi"]
    assert claims.party_names("f") == ["Financial Times", "Ford"]
    assert claims.party_names("FO") == ["Ford"]
    assert claims.party_names("x", limit=1) == ["Xiaomi"]
    assert claims.party_names("%") == [] and claims.party_names("_") == []
    kinds = {p.name: p.kind for p in claims.list_parties()}
    assert kinds["Financial Times"] is PartyKind.OUTLET and kinds["Bloomberg"] is PartyKind.OUTLET
    assert kinds["Ford"] is PartyKind.ORGANISATION
    ford = claims.set_party("ford", ticker="F")
    assert (ford.name, ford.ticker, ford.kind) == ("ford", "F", PartyKind.ORGANISATION)
    with store.engine.connect() as con:
        assert con.exec_driver_sql("SELECT count(*) FROM parties").scalar() == 6
    store.close()


def test_status_history_with_who_and_when(path: Path):
    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    art = store.create(title="A")
    before = datetime.now(UTC) - timedelta(seconds=2)
    c = claims.create(art.id, key="c1", short="s", wording="w", who="writer")
    assert [(e.status, e.reason, e.kind, e.who) for e in c.history] == [
        (ClaimStatus.UNCONFIRMED, "No responses recorded", "derived", "writer")
    ]
    c.responses.append(Response(party="Ford", stance=Stance.DENIES))
    c = claims.update(c, who="writer")
    c.wording = "w, reworded"
    c = claims.update(c, who="writer")  # no status change: no event
    c.responses.append(Response(party="Xiaomi", stance=Stance.CONFIRMS))
    c = claims.update(c, who="desk")
    assert [(e.status, e.reason, e.kind, e.who) for e in c.history] == [
        (ClaimStatus.UNCONFIRMED, "No responses recorded", "derived", "writer"),
        (ClaimStatus.DENIED, "Denied by Ford", "derived", "writer"),
        (ClaimStatus.DISPUTED, "Confirmed by Xiaomi; denied by Ford", "derived", "desk"),
    ]
    for e in c.history:
        assert e.at.tzinfo is not None and before <= e.at <= datetime.now(UTC) + timedelta(seconds=2)
    store.close()


def test_override_requires_a_reason_and_is_kept(path: Path):
    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    art = store.create(title="A")
    c = claims.create(art.id, key="c1", short="s", wording="w", who="writer")
    c.responses = [Response(party="Ford", stance=Stance.DENIES), Response(party="Xiaomi", stance=Stance.DENIES)]
    c = claims.update(c, who="writer")
    with pytest.raises(ValueError, match="reason"):
        claims.set_override(c.id, ClaimStatus.CONFIRMED, "  ", "editor")
    c.override_status = ClaimStatus.CONFIRMED
    with pytest.raises(ValueError, match="reason"):
        claims.update(c)
    c = claims.set_override(c.id, ClaimStatus.CONFIRMED, "Xiaomi's exchange filing confirms the talks", "editor")
    assert c.effective.status is ClaimStatus.CONFIRMED and c.effective.overridden
    assert (c.override_by, c.override_reason) == ("editor", "Xiaomi's exchange filing confirms the talks")
    assert c.override_at is not None
    assert (c.history[-1].kind, c.history[-1].status, c.history[-1].who) == (
        "override",
        ClaimStatus.CONFIRMED,
        "editor",
    )
    # an edit of the responses does not drop the override, and the effective status did not change
    c.responses.append(Response(party="BYD", stance=Stance.DID_NOT_RESPOND))
    n = len(c.history)
    c = claims.update(c, who="writer")
    assert c.override_status is ClaimStatus.CONFIRMED and c.override_by == "editor" and len(c.history) == n
    store.close()

    again = open_store(path)
    claims = ClaimStore(again)
    c = claims.get(c.id)
    assert c.effective.status is ClaimStatus.CONFIRMED and c.effective.reason.startswith("Xiaomi's exchange")
    c = claims.set_override(c.id, None, "", "chief")
    assert c.override_status is None and c.effective.status is ClaimStatus.DENIED
    assert (c.history[-1].kind, c.history[-1].status, c.history[-1].who) == (
        "override_cleared",
        ClaimStatus.DENIED,
        "chief",
    )
    assert c.history[-1].reason.startswith("Denied by Ford and Xiaomi")
    # override through update() is recorded too
    c.override_status, c.override_reason = ClaimStatus.DISPUTED, "Filing contradicts the denials"
    c = claims.update(c, who="chief")
    assert (c.history[-1].kind, c.history[-1].status, c.override_by) == ("override", ClaimStatus.DISPUTED, "chief")
    again.close()


def test_delete_move_and_keys(path: Path):
    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    art = store.create(title="A")
    for _ in range(3):
        claims.create(art.id, wording="w")
    assert [c.key for c in claims.list_claims(art.id)] == ["c1", "c2", "c3"]
    c3 = claims.get_by_key(art.id, "c3")
    assert [c.key for c in claims.move(c3.id, 0)] == ["c3", "c1", "c2"]
    assert [c.key for c in claims.move(c3.id, 99)] == ["c1", "c2", "c3"]
    with pytest.raises(ValueError, match="already used"):
        claims.create(art.id, key="c2", wording="dup")
    with pytest.raises(ValueError, match="invalid"):
        claims.create(art.id, key="Bad Key", wording="x")
    claims.delete(claims.get_by_key(art.id, "c2").id)
    assert [c.key for c in claims.list_claims(art.id)] == ["c1", "c3"]
    assert claims.create(art.id, wording="again").key == "c2"  # first free key
    with pytest.raises(KeyError):
        claims.create(12345, wording="no such article")
    store.close()


def test_import_assigns_free_keys(path: Path):
    from editor_app.core.claim_json import claim_from_dict
    from editor_app.core.claims import Claim

    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    art = store.create(title="A")
    claims.create(art.id, key="c1", wording="existing")
    imported = claims.import_claims(
        art.id,
        [
            claim_from_dict(
                {
                    "text": "Ford held talks",
                    "reported_by": {"outlet": "Financial Times"},
                    "responses": [{"party": "Ford", "stance": "denies"}],
                }
            ),
            Claim(key="talks", wording="Named key kept"),
            claim_from_dict({"text": "Third", "override": {"status": "confirmed", "reason": "Desk verdict"}}),
        ],
        who="importer",
    )
    assert [c.key for c in imported] == ["c2", "talks", "c3"]
    assert imported[0].effective.status is ClaimStatus.DENIED
    assert [(e.kind, e.who) for e in imported[0].history] == [("derived", "importer")]
    assert imported[2].effective.status is ClaimStatus.CONFIRMED and imported[2].override_by == "importer"
    assert [c.key for c in claims.list_claims(art.id)] == ["c1", "c2", "talks", "c3"]
    with pytest.raises(ValueError, match="already used"):
        claims.import_claims(art.id, [Claim(key="talks", wording="x")])
    store.close()


def test_purging_the_article_deletes_its_claims(path: Path):
    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    art, keep = store.create(title="A"), store.create(title="B")
    _full_claim(claims, art.id)
    kept = claims.create(keep.id, wording="kept")
    store.delete(art.id)
    assert len(claims.list_claims(art.id)) == 1  # in the trash: claims stay
    store.purge([art.id])
    assert claims.list_claims(art.id) == []
    with store.engine.connect() as con:
        for table in ("claim_appearances", "claim_responses"):
            assert con.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
        assert con.exec_driver_sql("SELECT count(*) FROM claim_status_events").scalar() == 1  # kept's
        assert con.exec_driver_sql("SELECT count(*) FROM parties").scalar() == 5  # parties stay
    assert claims.get(kept.id) is not None
    store.close()


def test_list_claims_does_not_query_per_claim(path: Path):
    from sqlalchemy import event

    store = open_store(path, seed_sample=False)
    claims = ClaimStore(store)
    art = store.create(title="A")
    for _ in range(20):
        c = claims.create(art.id, wording="w")
        c.appearances = [Appearance(outlet="FT")]
        c.responses = [Response(party="Ford", stance=Stance.DENIES, reported_by="Reuters")]
        claims.update(c)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert len(claims.list_claims(art.id)) == 20
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 5
    store.close()


def test_migration_from_a_0001_store_keeps_articles_and_backs_up(tmp_path: Path):
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "old.sqlite"
    engine = create_store_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_articles")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO articles (title, slug, body, created_at, updated_at) VALUES "
            "('Old story', 'old-story', 'Ford held talks.', '2026-01-01', '2026-01-01')"
        )
    engine.dispose()

    store = open_store(path)
    try:
        assert not store.created
        (summary,) = store.list_summaries()
        assert summary.title == "Old story"
        assert store.get(summary.id).body == "Ford held talks."
        claims = ClaimStore(store)
        assert claims.list_claims(summary.id) == []
        c = claims.create(summary.id, wording="Ford held talks")
        assert c.key == "c1"
        with store.engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            assert {"parties", "claims", "claim_appearances", "claim_responses", "claim_status_events"} <= tables
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
    finally:
        store.close()
    (backup,) = (tmp_path / "backups").glob("old-before-migration-0001_articles-*.sqlite")
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT title FROM articles").fetchall() == [("Old story",)]
        assert con.execute("SELECT name FROM sqlite_master WHERE name='claims'").fetchone() is None
    finally:
        con.close()
