"""Crash trials: kill a writing process with SIGKILL at random moments and check nothing saved is lost.

Each trial starts scripts/crash_child.py on one shared store (so damage would accumulate from
trial to trial), waits until it types, kills it after a random 50-1500 ms, then:

* runs `PRAGMA integrity_check` on the store (after SQLite's own WAL recovery);
* reads the trial's article through the real Store and finds which typed state k it holds
  (every state is recomputed from the seed); the state must be at or after the last one
  the child reported `SAVED` (a newer one may have committed just before the kill);
  reported-saved states missing from the store are counted as lost;
* in journal trials (every other one by default), reads the recovery journal and checks it
  holds at least the last state reported `JOURNAL`, and whether it is newer than the store.

Usage:  python scripts/crash_trials.py --trials 100 [--save-ms 150] [--journal-save-ms 1000] [--json out.json]
Exit status 1 when any integrity failure, lost saved edit or lost journal write was seen.
Runs on POSIX (SIGKILL); on Windows, TerminateProcess is used instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from editor_app.services.opening import open_store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from crash_child import chunk, normalized  # noqa: E402

CHILD = HERE / "crash_child.py"


@dataclass
class Trial:
    seed: int
    journal: bool
    delay_ms: int
    typed: int = 0  # last state the child reported typing
    reported_saved: int = 0  # last state reported SAVED
    saves: int = 0  # SAVED lines (commits reported)
    reported_journal: int = 0  # last state reported JOURNAL
    store_state: int | None = None  # state found in the store (None: matches no state)
    journal_state: int | None = None
    integrity: str = ""
    lost_saved: int = 0  # reported-saved states newer than what the store holds
    journal_lost: bool = False  # the journal holds less than it reported writing
    journal_newer: bool = False  # the journal holds text newer than the store
    age_store_s: float | None = None  # kill time - when the newest surviving state was typed
    age_recoverable_s: float | None = None  # same, counting the journal too
    lost_window_s: float = 0.0  # kill time - first keystroke not in the store
    lost_window_journal_s: float = 0.0
    error: str = ""
    typed_times: dict[int, float] = field(default_factory=dict, repr=False)


def _find_state(seed: int, text: str, *, normalize: bool, limit: int) -> int | None:
    """Which k has text(k) == text (k = 0 is the empty article)."""
    want = len(text)
    acc: list[str] = []
    total = 0
    k = 0
    while total < want and k < limit + 5:
        k += 1
        c = chunk(seed, k)
        acc.append(c)
        total += len(c)
    if total != want:
        return None
    built = "".join(acc)
    return k if (normalized(built) if normalize else built) == text else None


def run_trial(
    store: Path,
    journal_root: Path,
    seed: int,
    *,
    use_journal: bool,
    save_ms: int,
    rng: random.Random,
    delay_ms: int | None = None,
) -> Trial:
    trial = Trial(seed=seed, journal=use_journal, delay_ms=delay_ms if delay_ms is not None else rng.randint(50, 1500))
    cmd = [sys.executable, str(CHILD), str(store), "--seed", str(seed), "--save-ms", str(save_ms)]
    if use_journal:
        cmd += ["--journal-root", str(journal_root)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
    lines: list[str] = []
    ready = threading.Event()
    article: list[int] = []

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("ARTICLE "):
                article.append(int(line.split()[1]))
            elif line.startswith("READY"):
                ready.set()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    if not ready.wait(60):
        proc.kill()
        proc.wait()
        trial.error = "child did not start: " + (proc.stderr.read() if proc.stderr else "")[-2000:]
        return trial
    time.sleep(trial.delay_ms / 1000)
    kill_time = time.time()
    if proc.poll() is not None:
        trial.error = "child exited early: " + (proc.stderr.read() if proc.stderr else "")[-2000:]
        return trial
    if hasattr(signal, "SIGKILL"):
        os.kill(proc.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows
        proc.kill()
    proc.wait()
    t.join(10)
    if proc.stderr:
        proc.stderr.close()
    for line in lines:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "TYPED":
            trial.typed = int(parts[1])
            trial.typed_times[trial.typed] = float(parts[2])
        elif parts[0] == "SAVED":
            trial.reported_saved = max(trial.reported_saved, int(parts[1]))
            trial.saves += 1
        elif parts[0] == "JOURNAL":
            trial.reported_journal = max(trial.reported_journal, int(parts[1]))

    # 1. integrity, through a normal read-write open (SQLite recovers the WAL like the app would)
    conn = sqlite3.connect(store)
    try:
        trial.integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()
    # 2. the article through the real Store

    s = open_store(store, seed_sample=False)
    try:
        art = s.get(article[0])
        body = art.body if art else ""
    finally:
        s.close()
    trial.store_state = _find_state(seed, body, normalize=True, limit=trial.typed)
    found = trial.store_state if trial.store_state is not None else -1
    trial.lost_saved = max(0, trial.reported_saved - found)
    times = trial.typed_times

    def age(k: int) -> float | None:
        return kill_time - times[k] if k in times else None

    def window(k: int) -> float:
        nxt = k + 1
        return kill_time - times[nxt] if nxt in times else 0.0

    if found >= 0:
        trial.age_store_s = age(found)
        trial.lost_window_s = window(found)
    best = found
    # 3. the journal
    if use_journal:
        from editor_app.store.journal import RecoveryJournal

        entries = [e for e in RecoveryJournal(store, root=journal_root).entries() if e.article_id == article[0]]
        jbody = entries[0].fields.get("body") if entries else None
        if jbody is not None:
            trial.journal_state = _find_state(seed, jbody, normalize=False, limit=trial.typed)
        jk = trial.journal_state if trial.journal_state is not None else -1
        # A journal write that was reported must still be there, unless the store has caught up.
        trial.journal_lost = trial.reported_journal > max(jk, found)
        trial.journal_newer = jk > found
        best = max(found, jk)
    if best >= 0:
        trial.age_recoverable_s = age(best)
        trial.lost_window_journal_s = window(best)
    return trial


def summarize(trials: list[Trial]) -> dict[str, object]:
    def stats(values: list[float]) -> tuple[float | None, float | None]:
        return (round(statistics.median(values), 3), round(max(values), 3)) if values else (None, None)

    ok = [t for t in trials if not t.error]
    jt = [t for t in ok if t.journal]
    ages = [t.age_store_s for t in ok if t.age_store_s is not None]
    rec_ages = [t.age_recoverable_s for t in jt if t.age_recoverable_s is not None]
    windows = [t.lost_window_s for t in ok]
    jwindows = [t.lost_window_journal_s for t in jt]
    return {
        "trials": len(trials),
        "errors": sum(1 for t in trials if t.error),
        "integrity_failures": sum(1 for t in ok if t.integrity != "ok"),
        "unrecognised_store_text": sum(1 for t in ok if t.store_state is None),
        "lost_reported_saved_edits": sum(t.lost_saved for t in ok),
        "trials_losing_saved_edits": sum(1 for t in ok if t.lost_saved),
        "store_newer_than_reported": sum(1 for t in ok if (t.store_state or 0) > t.reported_saved),
        "saves_reported": sum(t.saves for t in ok),
        "journal_trials": len(jt),
        "journal_lost_writes": sum(1 for t in jt if t.journal_lost),
        "journal_newer_than_store": sum(1 for t in jt if t.journal_newer),
        "age_newest_saved_state_s_median_max": stats(ages),
        "age_newest_recoverable_state_s_median_max_journal_trials": stats(rec_ages),
        "unsaved_window_s_median_max": stats(windows),
        "unrecoverable_window_s_median_max_journal_trials": stats(jwindows),
    }


def print_table(summary: dict[str, object]) -> None:
    width = max(len(k) for k in summary)
    print("crash trials (SIGKILL at a random 50-1500 ms)")
    for key, value in summary.items():
        if isinstance(value, tuple):
            value = "median {} s, max {} s".format(*value)
        print(f"  {key:<{width}}  {value}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--save-ms", type=int, default=150, help="autosave interval in the child (default 150)")
    ap.add_argument(
        "--journal-save-ms",
        type=int,
        default=1000,
        help="autosave interval in journal trials, so text waits for a save (default 1000)",
    )
    ap.add_argument(
        "--journal-every", type=int, default=2, help="use the recovery journal in every Nth trial (0: never; default 2)"
    )
    ap.add_argument("--seed", type=int, default=None, help="seed for kill delays (default: random)")
    ap.add_argument("--workdir", type=Path, help="keep the store and journal here (default: a temp dir)")
    ap.add_argument("--json", type=Path, help="also write the summary and per-trial rows as JSON")
    args = ap.parse_args(argv)

    base_seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    rng = random.Random(base_seed)
    tmp = None
    if args.workdir:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="crash_trials_")
        work = Path(tmp.name)
    store = work / "crash.sqlite"
    journal_root = work / "journal"
    trials: list[Trial] = []
    started = time.monotonic()
    try:
        for i in range(args.trials):
            use_journal = bool(args.journal_every) and i % args.journal_every == 0
            trial = run_trial(
                store,
                journal_root,
                base_seed * 1000 + i,
                use_journal=use_journal,
                save_ms=args.journal_save_ms if use_journal else args.save_ms,
                rng=rng,
            )
            trials.append(trial)
            bad = (
                trial.error
                or trial.integrity != "ok"
                or trial.lost_saved
                or trial.journal_lost
                or trial.store_state is None
            )
            if bad:
                print(f"trial {i}: PROBLEM {asdict(trial)}", file=sys.stderr)
        summary = summarize(trials)
        summary["kill_seed"] = base_seed
        summary["seconds"] = round(time.monotonic() - started, 1)
        print_table(summary)
        if args.json:
            rows = [{k: v for k, v in asdict(t).items() if k != "typed_times"} for t in trials]
            args.json.write_text(json.dumps({"summary": summary, "trials": rows}, indent=2, default=str))
    finally:
        if tmp is not None:
            tmp.cleanup()
    failed = (
        summary["errors"]
        or summary["integrity_failures"]
        or summary["lost_reported_saved_edits"]
        or summary["journal_lost_writes"]
        or summary["unrecognised_store_text"]
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
