"""SIGKILL at random moments while typing and autosaving: nothing reported saved is ever lost.

A quick version of scripts/crash_trials.py (run that with --trials 100 for the full figures).
"""

from __future__ import annotations

import json
import random
import signal
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import crash_trials  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only (SIGKILL)")


def test_random_kills_lose_no_saved_edit(tmp_path: Path):
    out = tmp_path / "trials.json"
    code = crash_trials.main(["--trials", "10", "--seed", "7", "--workdir", str(tmp_path / "work"), "--json", str(out)])
    summary = json.loads(out.read_text())["summary"]
    assert summary["errors"] == 0
    assert summary["integrity_failures"] == 0
    assert summary["lost_reported_saved_edits"] == 0
    assert summary["unrecognised_store_text"] == 0
    assert summary["journal_lost_writes"] == 0
    assert summary["saves_reported"] > 0
    assert code == 0


def test_journal_holds_text_typed_after_the_last_save(tmp_path: Path):
    """The child never gets to autosave (interval 60 s); the journal alone has the text."""
    store = tmp_path / "s.sqlite"
    trial = crash_trials.run_trial(
        store, tmp_path / "journal", seed=11, use_journal=True, save_ms=60_000, rng=random.Random(1), delay_ms=1200
    )
    assert not trial.error, trial.error
    assert trial.integrity == "ok"
    assert trial.reported_saved == 0 and trial.store_state == 0
    assert trial.reported_journal > 0
    assert trial.journal_state is not None and trial.journal_state >= trial.reported_journal
    assert trial.journal_newer and not trial.journal_lost
    # What was typed more than a second before the kill is recoverable.
    assert trial.lost_window_journal_s < 1.0
