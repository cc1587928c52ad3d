"""Notice commands end to end through cli.main: correct, notices, kill, and export before an
embargo (refused; allowed with --override, whose reason the history keeps)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.core.article import ArticleStatus as S
from editor_app.services.opening import open_store
from editor_app.services.review import Review

BODY = "The harbour authority said container traffic rose 4% in November.\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    a = store.create(title="Harbour traffic rises", dek="Containers up.", byline="Ana", body=BODY)
    review = Review(store)
    for target in (S.IN_REVIEW, S.APPROVED, S.PUBLISHED):
        review.change_status(a.id, target, who="ed", checklist_items=[])
    store.create(title="Results under embargo", dek="Profit.", byline="Tom", body="Profit rose.\n")
    store.close()
    return path


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_correct_publishes_a_notice_and_lists_it(db, capsys):
    assert run(db, "correct", "1", "--kind", "correction", "--text", "The rise was 5%.", "--who", "ed", "--json") == 0
    notice = json.loads(capsys.readouterr().out)
    assert notice["kind"] == "correction" and notice["published_at"] and notice["who"] == "ed"
    assert run(db, "notices", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["title"] == "Harbour traffic rises" and listed["text"] == "The rise was 5%."
    assert run(db, "correct", "2", "--kind", "update", "--text", "Too early.") == 1
    assert "published" in capsys.readouterr().err


def test_export_shows_the_notice(db, tmp_path, capsys):
    run(db, "correct", "1", "--kind", "clarification", "--text", "The figure covers November only.")
    out = tmp_path / "out"
    assert run(db, "export", "1", "--out", str(out)) == 0
    page = (out / "harbour-traffic-rises.html").read_text(encoding="utf-8")
    assert "The figure covers November only." in page and "CorrectionComment" in page


def test_kill_withdraws_and_leaves_the_export_index(db, tmp_path, capsys):
    assert run(db, "kill", "1", "--reason", "The authority withdrew its figures.", "--json") == 0
    killed = json.loads(capsys.readouterr().out)
    assert killed["status"] == "spiked" and killed["reason"] == "The authority withdrew its figures."
    assert run(db, "show", "1", "--json") == 0
    assert json.loads(capsys.readouterr().out)["body"] == BODY  # nothing deleted
    out = tmp_path / "out"
    assert run(db, "export", "1", "2", "--out", str(out)) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Results under embargo" in index and "Harbour traffic rises" not in index
    assert run(db, "export", "1", "--format", "ninjs", "--out", str(tmp_path / "ninjs")) == 0
    doc = json.loads((tmp_path / "ninjs" / "harbour-traffic-rises.json").read_text(encoding="utf-8"))
    assert doc["pubStatus"] == "canceled"
    assert run(db, "kill", "2", "--reason", "Not published.") == 1


def test_export_before_the_embargo_is_refused_unless_overridden(db, tmp_path, capsys):
    assert run(db, "embargo", "2", "2099-12-24T09:00:00+08:00") == 0
    capsys.readouterr()
    out = tmp_path / "out"
    assert run(db, "export", "2", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "Embargoed until 24 December 2099, 09:00 (UTC+08:00)" in err and "--override" in err
    assert not out.exists() or not any(out.iterdir())
    assert run(db, "export", "2", "--out", str(out), "--format", "ninjs", "--override", "Issuer released early.") == 0
    doc = json.loads((out / "results-under-embargo.json").read_text(encoding="utf-8"))
    assert doc["pubStatus"] == "withheld" and doc["embargoedUntil"] == "2099-12-24T09:00:00+08:00"
    capsys.readouterr()
    assert run(db, "history", "2", "--json") == 0
    history = json.loads(capsys.readouterr().out)
    (entry,) = history["status_changes"]
    assert entry["override_reason"] == "Issuer released early." and "exported" in entry["note"]


def test_publish_before_the_embargo_needs_an_override(db, capsys):
    run(db, "embargo", "2", "2099-12-24T09:00:00+08:00")
    run(db, "status", "2", "in_review")
    run(db, "status", "2", "approved")
    capsys.readouterr()
    assert run(db, "status", "2", "published") == 1
    assert "Embargoed until" in capsys.readouterr().err
    assert run(db, "status", "2", "published", "--override", "Embargo lifted early by the issuer.") == 0


def test_history_reads_an_embargo_override_as_such(db, tmp_path, capsys):
    run(db, "embargo", "2", "2099-12-24T09:00:00+08:00")
    run(db, "export", "2", "--out", str(tmp_path / "o"), "--override", "Issuer released early.", "--who", "ed")
    capsys.readouterr()
    assert run(db, "history", "2") == 0
    out = capsys.readouterr().out
    assert "Embargo overridden (exported before 24 December 2099, 09:00 (UTC+08:00)" in out
    assert "by ed: Issuer released early." in out and "→" not in out.split("Status changes:")[1].split("\n")[1]


def test_an_embargoed_story_goes_out_as_a_withheld_ninjs_item_without_override(db, tmp_path, capsys):
    assert run(db, "embargo", "2", "2099-12-24T09:00:00+08:00") == 0
    out = tmp_path / "wire"
    assert run(db, "export", "2", "--out", str(out), "--format", "ninjs") == 0
    doc = json.loads((out / "results-under-embargo.json").read_text(encoding="utf-8"))
    assert doc["pubStatus"] == "withheld" and doc["embargoedUntil"] == "2099-12-24T09:00:00+08:00"
    assert run(db, "export", "2", "--out", str(tmp_path / "page")) == 1  # the page stays refused
    capsys.readouterr()
    assert run(db, "history", "2", "--json") == 0
    (entry,) = json.loads(capsys.readouterr().out)["status_changes"]
    assert "withheld ninjs item" in entry["note"] and "24 December 2099" in entry["note"]
    assert not entry["override_reason"]
