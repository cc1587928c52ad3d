#!/usr/bin/env python3
"""Full-text search over 10,000 articles of ~3 KB: time 20 queries (target < 50 ms each).

Run: .venv/bin/python benchmarks/bench_search.py [--articles 10000] [--size 3000]

Articles are generated from a Zipf-like vocabulary (a few very common words, a long tail),
inserted through the `articles` table so the FTS5 triggers index them as the app does.
Each query runs 5 times; the median of its runs is reported, then the median and max over
queries. Common words (thousands of hits, ranked) are the slow case.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from editor_app.core.article import utcnow
from editor_app.services.opening import open_store
from editor_app.store.models import ArticleRow
from editor_app.store.search import search

COMMON = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "said",
    "with",
    "as",
    "was",
    "by",
    "at",
    "shares",
    "company",
    "percent",
    "market",
    "billion",
    "investors",
    "year",
    "quarter",
]
NAMES = [
    "Ford",
    "Xiaomi",
    "Tesla",
    "Toyota",
    "Apple",
    "Nvidia",
    "Shell",
    "HSBC",
    "Barclays",
    "Siemens",
    "Sony",
    "Samsung",
    "Alibaba",
    "Tencent",
    "Volkswagen",
    "Stellantis",
    "Renault",
    "BYD",
    "Honda",
    "Nissan",
]
QUERIES = [
    "xiaomi",
    "ford talks",
    "shares",
    "the",
    "electric vehicle",
    '"chief executive"',
    "batt*",
    "profit warning",
    "regulator approval merger",
    "Société Générale",
    "nvidia OR tesla",
    "shares NOT ford",
    "hong kong exchange filing",
    "zzyzx",
    "quarter revenue rose",
    "dividend",
    "samsung chips",
    "guidance cut",
    "investors sold",
    "year*",
]


def vocabulary(rng: random.Random) -> list[str]:
    syll = ["ka", "lo", "mi", "ren", "tor", "vel", "sun", "dar", "pel", "qui", "zan", "ber", "nos"]
    words = {"".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(30_000)}
    return sorted(words)


TOPICAL = [
    "electric",
    "vehicle",
    "battery",
    "profit",
    "warning",
    "regulator",
    "approval",
    "merger",
    "dividend",
    "chips",
    "guidance",
    "cut",
    "sold",
    "revenue",
    "rose",
    "fell",
    "chief",
    "executive",
    "hong",
    "kong",
    "exchange",
    "filing",
    "talks",
    "Société",
    "Générale",
]


def text(rng: random.Random, vocab: list[str], cum_weights: list[float], size: int) -> str:
    n = size // 7
    tail = rng.choices(vocab, cum_weights=cum_weights, k=n)
    words: list[str] = []
    total = 0
    for i in range(n):
        r = rng.random()
        w = (
            rng.choice(COMMON)
            if r < 0.45
            else rng.choice(NAMES)
            if r < 0.50
            else rng.choice(TOPICAL)
            if r < 0.53
            else tail[i]
        )
        words.append(w)
        total += len(w) + 1
        if total >= size:
            break
    paras = [" ".join(words[i : i + 90]).capitalize() + "." for i in range(0, len(words), 90)]
    return "\n\n".join(paras)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--size", type=int, default=3000)
    args = ap.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    rng = random.Random(3)
    vocab = vocabulary(rng)
    weights = [1 / (i + 1) for i in range(len(vocab))]
    rng.shuffle(weights)
    cum = list(itertools.accumulate(weights))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite", seed_sample=False)
        t0 = time.perf_counter()
        now = utcnow()
        batch = 1000
        for start in range(0, args.articles, batch):
            with store._write() as s, s.begin():
                for i in range(start, min(args.articles, start + batch)):
                    s.add(
                        ArticleRow(
                            title=" ".join(rng.choice(NAMES + COMMON) for _ in range(8)).capitalize(),
                            dek=text(rng, vocab, cum, 160),
                            byline="Desk",
                            slug=f"a-{i}",
                            body=text(rng, vocab, cum, args.size),
                            status="draft",
                            created_at=now,
                            updated_at=now,
                        )
                    )
        built = time.perf_counter() - t0
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite*")) / 1e6
        print(
            f"{args.articles:,} articles of ~{args.size / 1000:.0f} KB indexed in {built:.1f} s "
            f"(database {db_mb:.0f} MB)"
        )
        search(store, "warm up")
        medians = []
        for q in QUERIES:
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                hits = search(store, q, limit=50)
                runs.append((time.perf_counter() - t) * 1000)
            medians.append(statistics.median(runs))
            print(f"  {q!r:<30} {len(hits):>3} hits  {medians[-1]:7.2f} ms")
        store.close()
    worst = max(medians)
    print(
        f"median {statistics.median(medians):.2f} ms, max {worst:.2f} ms over {len(QUERIES)} queries "
        f"(target < 50 ms): {'OK' if worst < 50 else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
