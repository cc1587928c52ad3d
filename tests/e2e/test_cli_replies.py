"""Right of reply on the command line: `reply-request` records a request, `check --json` shows
the blocking item, `status` is refused until overridden, `replies` lists what the story says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.services.opening import open_store
from editor_app.store.claims import ClaimStore
from editor_app.store.replies import ReplyStore


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    article = store.create(
        title="Ford and Xiaomi deny report of EV talks",
        dek="Both companies rejected a report of talks.",
        byline="Ana",
        body="A paper said <!--claim c1-->Ford held talks with Xiaomi<!--/claim-->.\n",
    )
    ClaimStore(store).create(article.id, key="c1", wording="Ford held talks with Xiaomi")
    store.close()
    return path


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_reply_request_blocks_until_overridden(db, capsys):
    args = ["reply-request", "1", "--claim", "c1", "--party", "Xiaomi", "--how", "email"]
    assert run(db, *args, "--deadline", "2999-12-05T17:00+08:00", "--zone", "Asia/Hong_Kong", "--who", "Ana") == 0
    out = capsys.readouterr().out
    assert out.startswith("Claim c1: Xiaomi. Asked by e-mail by Ana at ")
    assert "deadline 5 p.m. HKT on Dec. 5, 2999" in out

    assert run(db, "check", "1", "--json") == 1
    items = {i["code"]: i for i in json.loads(capsys.readouterr().out)["items"]}
    pending = items["reply_pending"]
    assert pending["level"] == "error"
    assert pending["where"] == {"part": "claim", "field": "replies", "key": "c1", "id": 1}
    assert "Xiaomi was asked for comment by e-mail by Ana" in pending["message"]

    assert run(db, "status", "1", "in_review") == 0
    assert run(db, "status", "1", "approved") == 1
    assert "reply_pending" in capsys.readouterr().out
    assert run(db, "status", "1", "approved", "--override", "Xiaomi answered on the phone") == 0
    assert "checklist overridden: Xiaomi answered on the phone" in capsys.readouterr().out

    assert run(db, "replies", "1", "--json") == 0
    (req,) = json.loads(capsys.readouterr().out)["requests"]
    assert (req["party"], req["how"], req["state"], req["zone"]) == ("Xiaomi", "email", "open", "Asia/Hong_Kong")
    assert req["deadline"] == "2999-12-05T09:00:00Z"
    assert req["sentence"] == "Xiaomi did not immediately respond to a request for comment."


def test_bad_input_is_a_usage_error(db, capsys):
    base = ["reply-request", "1", "--claim", "c1", "--party", "Xiaomi"]
    assert run(db, *base, "--how", "fax", "--deadline", "2999-12-05T17:00+08:00") == 2
    assert run(db, *base, "--how", "email", "--deadline", "2999-12-05 17:00") == 2
    assert "time zone" in capsys.readouterr().err
    assert run(db, *base[:3], "c9", *base[4:], "--how", "email", "--deadline", "2999-12-05T17:00+08:00") == 2
    assert run(db, *base, "--how", "email", "--deadline", "2000-01-01T17:00+08:00") == 2
    assert "after the time" in capsys.readouterr().err
    store = open_store(db)
    try:
        assert ReplyStore(store).list_for_article(1) == []
    finally:
        store.close()
