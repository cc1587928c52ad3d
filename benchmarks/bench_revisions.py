#!/usr/bin/env python3
"""Revision storage for a long history: 50 edits a day for a year on a 15 KB article.

Run: .venv/bin/python benchmarks/bench_revisions.py [--days 365] [--edits-per-day 50] [--sync full]

The article row is written once; each revision gets the edited body through
`record(..., text=body)` (what autosave hands over), so the time is the revision store's own
(a `Store.save` per edit would add the FTS reindex of 15 KB, ~2-4 ms, to every edit).

Every edit is a small random change (a word typed, deleted or replaced somewhere in the
article) and is recorded as its own revision (reason "manual": no coalescing), so this is the
worst case of 18,250 revisions; prints the database size, bytes per revision, and the time.
A second, coalesced run records each edit as "typing" 90 s apart, as autosave would.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event

from editor_app.core.article import utcnow
from editor_app.services.opening import open_store
from editor_app.store.revisions import RevisionStore

WORDS = [
    "the",
    "shares",
    "company",
    "said",
    "on",
    "investors",
    "quarter",
    "revenue",
    "profit",
    "rose",
    "fell",
    "percent",
    "analysts",
    "market",
    "billion",
    "million",
    "electric",
    "vehicle",
    "talks",
    "report",
    "denied",
    "Ford",
    "Xiaomi",
    "Tesla",
    "battery",
    "supply",
    "chain",
    "guidance",
    "outlook",
    "chief",
    "executive",
    "deal",
    "merger",
    "regulators",
    "approval",
    "Hong",
    "Kong",
    "exchange",
    "statement",
    "spokesperson",
    "people",
    "familiar",
    "with",
    "matter",
    "according",
    "filing",
]


def article(rng: random.Random, size: int = 15_000) -> str:
    paras = []
    total = 0
    while total < size:
        sentence_count = rng.randint(3, 6)
        para = " ".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 22))).capitalize() + "."
            for _ in range(sentence_count)
        )
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)[:size]


def edit(rng: random.Random, text: str, target: int = 15_000) -> str:
    pos = rng.randint(0, len(text))
    choice = rng.random()
    # balanced so the article stays near its size; edits stay inside a paragraph (writers
    # rarely delete paragraph breaks by accident, and a benchmark that does ends with one line)
    cut = rng.randint(1, 14)
    nl = text.find("\n", pos, pos + cut)
    if nl >= 0:
        cut = nl - pos
    if choice < (0.5 if len(text) < target else 0.3):  # keeps the article near `target`
        return text[:pos] + rng.choice(WORDS) + " " + text[pos:]
    if choice < 0.8:
        return text[:pos] + text[pos + cut :]
    return text[:pos] + rng.choice(WORDS) + text[pos + cut :]


def run(days: int, per_day: int, reason: str, step: timedelta, size: int, sync: str) -> None:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        store = open_store(path, seed_sample=False)
        if sync != "full":

            @event.listens_for(store.engine, "connect")
            def _sync(dbapi_conn, _rec):
                dbapi_conn.execute(f"PRAGMA synchronous={sync.upper()}")

            store.engine.dispose()
        revs = RevisionStore(store)
        text = article(rng, size)
        a = store.create(
            title="Ford and Xiaomi deny talks", dek="Both companies denied the report.", byline="Desk", body=text
        )
        at = utcnow()
        n = days * per_day
        times = []
        start = time.perf_counter()
        for i in range(n):
            text = edit(rng, text, size)
            t0 = time.perf_counter()
            revs.record(a.id, reason, "bench", text, at=at)  # the body as just saved
            times.append(time.perf_counter() - t0)
            at += step if (i + 1) % per_day else timedelta(hours=12)
        elapsed = time.perf_counter() - start
        listed = revs.list(a.id)
        data = revs.storage_bytes(a.id)
        store.engine.dispose()
        size_db = path.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite-*"))
        # spot-check: every 997th revision decodes, and the newest equals the article
        fresh = RevisionStore(open_store(path, seed_sample=False))
        assert fresh.text_of(listed[0].id) == text
        t0 = time.perf_counter()
        for r in listed[::997]:
            fresh.text_of(r.id)
        read_ms = (time.perf_counter() - t0) * 1000 / len(listed[::997])
        fresh.store.close()
        full = sum(1 for r in listed if r.kind == "full")
        print(
            f"{reason:<7} {n:>6,} edits -> {len(listed):>6,} revisions ({full:,} snapshots); "
            f"revision data {data / 1e6:6.2f} MB, database file {size_db / 1e6:6.2f} MB, "
            f"{data / max(1, len(listed)):6.0f} B/revision; article {len(text) / 1000:.1f} KB"
        )
        print(
            f"        total {elapsed:6.1f} s; record median "
            f"{statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.1f} ms; "
            f"text_of {read_ms:.2f} ms"
        )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--edits-per-day", type=int, default=50)
    ap.add_argument("--size", type=int, default=15_000)
    ap.add_argument(
        "--sync",
        choices=("full", "normal"),
        default="normal",
        help="PRAGMA synchronous for the run (the app uses full: one fsync per commit, "
        "~1.5-2 ms here, which would dominate the time but not the size)",
    )
    args = ap.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, synchronous={args.sync}")
    run(args.days, args.edits_per_day, "manual", timedelta(minutes=7), args.size, args.sync)
    run(args.days, args.edits_per_day, "typing", timedelta(seconds=90), args.size, args.sync)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
