#!/usr/bin/env python3
"""Ticker core timings: directory load, lookups, suggestions; plus quality on the test articles.

Run: .venv/bin/python benchmarks/bench_tickers.py   (numbers go to benchmarks/RESULTS.md)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import yaml

from editor_app.core.tickers import directory as directory_mod
from editor_app.core.tickers.name_table import build_name_table
from editor_app.core.tickers.suggest import suggest
from editor_app.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    """Median milliseconds over `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    size = sum(p.stat().st_size for p in resource_path("symbols").iterdir() if p.is_file())
    print(f"resources/symbols size: {size / 1e6:.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        cold_ms, d = timed(lambda: directory_mod.SymbolDirectory.load(cache_dir=cache))
        cache_mb = sum(p.stat().st_size for p in cache.iterdir()) / 1e6
        print(f"directory load, first start (parse, derive the name tables, save the cache): {cold_ms:.0f} ms")
        load_ms, d = timed(lambda: directory_mod.SymbolDirectory.load(cache_dir=cache), repeat=5)
        print(
            f"directory load, warm start (from the cache, {cache_mb:.1f} MB): {load_ms:.1f} ms "
            f"({len(d):,} listings, {d.issuer_count:,} issuers, {len(d.aliases)} aliases)"
        )
        first = []
        for _ in range(5):  # a warm start's first suggestion reads the name tables from the cache
            fresh = directory_mod.SymbolDirectory.load(cache_dir=cache)
            first.append(timed(lambda fresh=fresh: suggest("Ford Motor Co (NYSE: F) and Apple Inc.", fresh))[0])
        print(f"first suggest after a warm start (name tables from the cache): {statistics.median(first):.1f} ms")
    parse_ms, plain = timed(lambda: directory_mod.SymbolDirectory.load(cache=False), repeat=3)
    print(f"directory load without the cache (gzip TSV + aliases): {parse_ms:.0f} ms")
    table_ms, _ = timed(lambda: build_name_table(plain))
    print(f"name-matching table, built without the cache: {table_ms:.0f} ms")
    index_ms, _ = timed(lambda: plain._name_index)
    print(f"name prefix index, built without the cache: {index_ms:.0f} ms")
    d.fuzzy("warm up")
    cases = {
        "by_symbol('F')": lambda: d.by_symbol("F"),
        "resolve('HKEX: 1810')": lambda: d.resolve("HKEX: 1810"),
        "resolve('Ford')": lambda: d.resolve("Ford"),
        "by_name('Volks')": lambda: d.by_name("Volks"),
        "fuzzy('Toyta Motor')": lambda: d.fuzzy("Toyta Motor"),
        "search('Samsung Electronics')": lambda: d.search("Samsung Electronics"),
        "search('xiaomi corp')": lambda: d.search("xiaomi corp"),
    }
    for label, fn in cases.items():
        ms, _ = timed(fn, repeat=20)
        print(f"  {label:<32} {ms * 1000:8.1f} µs (median of 20)")
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.iterdir()) if p.suffix in (".md", ".txt")}
    per_article = [timed(lambda t=t: suggest(t, d), repeat=5)[0] for t in texts.values()]
    print(
        f"suggest per test article: median {statistics.median(per_article):.2f} ms, "
        f"max {max(per_article):.2f} ms ({len(texts)} articles)"
    )
    long_text = "\n\n".join(list(texts.values()) * 6)
    long_ms, _ = timed(lambda: suggest(long_text, d), repeat=5)
    words = len(long_text.split())
    print(f"suggest on a {words:,}-word text: {long_ms:.1f} ms ({long_ms / words * 1000:.2f} ms per 1,000 words)")

    gold = yaml.safe_load((ARTICLES / "expected.yaml").read_text(encoding="utf-8"))
    tp = fp = fn_ = roles = 0
    for name, g in gold.items():
        want = {**{k: "about" for k in g["about"]}, **{k: "mentions" for k in g["mentions"]}}
        got = {f"{s.listing.symbol} {s.listing.mic}": s.role for s in suggest(texts[name], d)}
        tp += len(got.keys() & want.keys())
        fp += len(got.keys() - want.keys())
        fn_ += len(want.keys() - got.keys())
        roles += sum(got[k] == want[k] for k in got.keys() & want.keys())
    print(
        f"test articles: precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn_):.3f}, "
        f"role agreement {roles / max(1, tp):.3f} ({tp} true, {fp} false, {fn_} missed)"
    )


if __name__ == "__main__":
    main()
