"""The command line on a store nobody can write (issue 21): reading commands work and say the
store is read-only; writing commands fail with one sentence, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from tests.e2e.export_support import run_cli


@pytest.fixture
def archived(tmp_path: Path, read_only_view) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    store = open_store(folder / "desk.sqlite", seed_sample=False)
    store.create(title="Ford and Xiaomi deny talks", byline="Jane Doe", body="Both companies denied the report.")
    store.close()
    return read_only_view(folder) / "desk.sqlite"


def test_list_show_search_and_export_read_a_read_only_store(archived: Path, tmp_path: Path):
    listed = run_cli("list", "--json", db=archived, check=True)
    [row] = json.loads(listed.stdout)
    assert row["title"] == "Ford and Xiaomi deny talks"
    assert "opened read-only" in listed.stderr and "cannot be written" in listed.stderr
    shown = json.loads(run_cli("show", str(row["id"]), "--json", db=archived, check=True).stdout)
    assert shown["body"] == "Both companies denied the report."
    found = run_cli("search", "Xiaomi", db=archived, check=True)
    assert "Ford and Xiaomi deny talks" in found.stdout
    out = tmp_path / "site"
    run_cli("export", str(row["id"]), "--out", str(out), db=archived, check=True)
    assert "Both companies denied the report." in (out / "ford-and-xiaomi-deny-talks.html").read_text("utf-8")


def test_import_into_a_read_only_store_fails_with_a_sentence(archived: Path, tmp_path: Path):
    src = tmp_path / "new.md"
    src.write_text("# New story\n\nText.\n", encoding="utf-8")
    proc = run_cli("import", str(src), db=archived)
    assert proc.returncode == 1
    assert "cannot be written" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    [row] = json.loads(run_cli("list", "--json", db=archived, check=True).stdout)  # nothing was added
    assert row["title"] == "Ford and Xiaomi deny talks"
