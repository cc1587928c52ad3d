"""Review commands end to end: search, check, status, history (through cli.main, once by subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.services.opening import open_store
from editor_app.services.review import Review


@pytest.fixture
def db(store_target) -> Path | str:
    """The store, once as an SQLite file and once on the PostgreSQL test server."""
    path = store_target
    store = open_store(path, seed_sample=False)
    store.create(
        title="Walrus sightings rise",
        dek="More walruses were seen.",
        byline="Ana",
        body="Walrus numbers rose in the [Arctic](https://example.com/arctic).\n",
    )
    store.create(title="Untitled draft", dek="", byline="", body="See [notes](file:///tmp/notes).\n")
    store.close()
    return path


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_search_text_and_json(db, capsys):
    assert run(db, "search", "walrus") == 0
    out = capsys.readouterr().out
    assert "Walrus sightings rise" in out and "«Walrus»" in out
    assert run(db, "search", "walrus", "--json", "--limit", "5") == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["id"] == 1 and "«" in hit["snippet"]
    assert run(db, "search", "NEAR(", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(db, "search", "x", "--limit", "0") == 2


def test_check_exit_codes_and_locations(db, capsys):
    assert run(db, "check", "1") == 0
    assert "Checklist passed." in capsys.readouterr().out
    assert run(db, "check", "2", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    codes = {i["code"]: i for i in report["items"]}
    assert set(codes) == {"missing_byline", "missing_summary", "bad_link"}
    assert codes["bad_link"]["where"] == {"part": "body", "field": "link", "offset": 12, "line": 1}
    assert run(db, "check", "2") == 1
    out = capsys.readouterr().out
    assert "ERROR   [body, line 1]" in out and "(bad_link)" in out
    assert run(db, "check", "99") == 2


def test_status_walk_with_block_override_and_history(db, capsys):
    assert run(db, "status", "2", "in review", "--who", "ana", "--note", "first pass") == 0
    assert "Draft → In review by ana: first pass" in capsys.readouterr().out
    assert run(db, "status", "2", "approved", "--who", "ed") == 1
    err = capsys.readouterr().err
    assert "block approval" in err and "--override" in err
    assert run(db, "status", "2", "published", "--who", "ed") == 1
    assert "cannot go to published" in capsys.readouterr().err
    assert run(db, "status", "2", "approved", "--who", "ed", "--override", "wire copy, fixed at the desk") == 0
    assert "checklist overridden: wire copy" in capsys.readouterr().out
    assert run(db, "status", "2", "finished") == 2
    assert run(db, "history", "2", "--json") == 0
    hist = json.loads(capsys.readouterr().out)
    assert hist["status"] == "approved"
    assert [(c["from"], c["to"], c["who"]) for c in hist["status_changes"]] == [
        ("draft", "in_review", "ana"),
        ("in_review", "approved", "ed"),
    ]
    assert hist["status_changes"][1]["override_reason"] == "wire copy, fixed at the desk"
    assert [r["reason"] for r in hist["revisions"]] == ["status change", "status change"]
    assert run(db, "history", "2") == 0
    out = capsys.readouterr().out
    assert "Status changes:" in out and "In review → Approved by ed" in out and "status change" in out


def test_status_blocked_by_open_comment_then_passes(db, capsys):
    store = open_store(db)
    review = Review(store)
    comment = review.add_comment(1, "Source for the numbers?", "ed")
    store.close()
    assert run(db, "status", "1", "in_review", "--who", "ana") == 0
    assert run(db, "status", "1", "approved", "--who", "ed") == 1
    assert "Open comment by ed" in capsys.readouterr().out
    store = open_store(db)
    Review(store).resolve(comment.id, "ana")
    store.close()
    assert run(db, "status", "1", "approved", "--who", "ed") == 0


def test_commands_by_subprocess(db):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run(
        [sys.executable, "-m", "editor_app", "--db", str(db), "check", "2", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr
    assert json.loads(out.stdout)["errors"] == 3
    out = subprocess.run(
        [sys.executable, "-m", "editor_app", "--db", str(db), "search", "walrus"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0 and "Walrus sightings rise" in out.stdout
