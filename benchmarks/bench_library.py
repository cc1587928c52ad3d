#!/usr/bin/env python3
"""The library over 100,000 articles: queries (store/library_query.py) and the real pane.

Run (offscreen):
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_library.py [--articles 100000]
        [--cache DIR]  (reuse the generated stores between runs) [--only query,search,gui]

Stores are built fast: open_store(...).close() creates the schema (and the FTS5 triggers), then
one raw sqlite3 executemany per table. Every 10th article has ticker tags, every 20th claims
(with status events, as ClaimStore writes them), every 25th open comments.

Measured:
- LibraryIndex.ids for the default sort (newest first), for a headline filter and for other sorts;
- LibraryIndex.rows for one page of 100 rows (first page and a page in the middle);
- full-text search (LibraryIndex.ids with a search + the first page with snippets) over 10,000
  and 100,000 articles: median and max over 20 queries;
- the GUI: time to show the library with 100k articles, and the longest UI stall while the
  view's scrollbar is stepped from top to bottom by a QTimer (offscreen).
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from editor_app.services.opening import open_store
from editor_app.store.library_query import LibraryIndex, LibraryQuery

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
]
BYLINES = ["Anna Berg", "Li Wei", "Tom Hart", "Maria Costa", "Desk Reporter", "Sam Okafor", "Jun Park"]
STATUSES = ["draft"] * 5 + ["in_review"] * 2 + ["needs_work", "approved"] + ["published"] * 6 + ["spiked"]
TICKERS = [
    ("F", "XNYS", "Ford Motor"),
    ("1810", "XHKG", "Xiaomi"),
    ("TSLA", "XNAS", "Tesla"),
    ("7203", "XTKS", "Toyota"),
    ("NVDA", "XNAS", "Nvidia"),
    ("005930", "XKRX", "Samsung"),
]
CLAIM_STATUSES = ["unconfirmed", "denied", "confirmed", "disputed", "unconfirmed"]
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
    "dividend",
    "nvidia OR tesla",
    "shares NOT ford",
    "hong kong exchange filing",
    "zzyzx",
    "quarter revenue rose",
    "samsung chips",
    "guidance cut",
    "investors sold",
    "year*",
    "talks",
]


def _bodies(n: int, size: int, rng: random.Random) -> list[str]:
    syll = ["ka", "lo", "mi", "ren", "tor", "vel", "sun", "dar", "pel", "qui", "zan", "ber", "nos"]
    vocab = sorted({"".join(rng.choice(syll) for _ in range(rng.randint(2, 4))) for _ in range(30_000)})
    weights = [1 / (i + 1) for i in range(len(vocab))]
    rng.shuffle(weights)
    cum = list(itertools.accumulate(weights))
    out = []
    for _ in range(n):
        tail = rng.choices(vocab, cum_weights=cum, k=size // 6)
        words, total = [], 0
        for w in tail:
            r = rng.random()
            w = (
                rng.choice(COMMON)
                if r < 0.45
                else rng.choice(NAMES)
                if r < 0.50
                else rng.choice(TOPICAL)
                if r < 0.53
                else w
            )
            words.append(w)
            total += len(w) + 1
            if total >= size:
                break
        out.append("\n\n".join(" ".join(words[i : i + 90]).capitalize() + "." for i in range(0, len(words), 90)))
    return out


def build_store(path: Path, n: int, size: int = 2500) -> float:
    """`n` articles (~`size` bytes of body), with tags, claims and comments on some."""
    t = time.perf_counter()
    open_store(path, seed_sample=False).close()
    rng = random.Random(7)
    bodies = _bodies(400, size, rng)
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    articles = []
    for i in range(n):
        when = (now - timedelta(minutes=7 * i)).strftime(fmt)
        title = " ".join([rng.choice(NAMES), *rng.sample(TOPICAL, 3), rng.choice(COMMON)]).capitalize()
        articles.append(
            (
                i + 1,
                f"{title} ({i})",
                "A dek for the story about " + rng.choice(NAMES),
                rng.choice(BYLINES),
                f"bench-{i}",
                0,
                bodies[i % len(bodies)],
                rng.choice(STATUSES),
                when,
                when,
            )
        )
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO articles (id, title, dek, byline, slug, slug_locked, body, status, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            articles,
        )
        stamp = now.strftime(fmt)
        tags, claims, events, comments = [], [], [], []
        claim_id = 0
        for aid in range(1, n + 1):
            if aid % 10 == 0:
                for pos, (sym, mic, name) in enumerate(rng.sample(TICKERS, rng.randint(1, 3))):
                    tags.append((aid, sym, mic, name, "", "about" if pos == 0 else "mentions", 0, pos, stamp))
            if aid % 20 == 0:
                for pos in range(rng.randint(1, 4)):
                    claim_id += 1
                    claims.append((claim_id, aid, f"c{pos + 1}", "A claim", "", pos, stamp, stamp))
                    events.append((claim_id, rng.choice(CLAIM_STATUSES), "", "derived", "bench", stamp))
            if aid % 25 == 0:
                for _ in range(rng.randint(1, 3)):
                    comments.append((aid, None, "editor", "Check this", "", 0, rng.random() < 0.3, "", stamp, stamp))
        con.executemany(
            "INSERT INTO article_tickers (article_id, symbol, mic, name, exchange, role, unlisted,"
            " position, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            tags,
        )
        con.executemany(
            "INSERT INTO claims (id, article_id, key, short, wording, position, created_at,"
            " updated_at, override_reason, override_by) VALUES (?,?,?,?,?,?,?,?,'','')",
            claims,
        )
        con.executemany(
            "INSERT INTO claim_status_events (claim_id, status, reason, kind, who, at) VALUES (?,?,?,?,?,?)", events
        )
        con.executemany(
            "INSERT INTO comments (article_id, parent_id, author, body, anchor_text, detached,"
            " resolved, resolved_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            comments,
        )
    con.execute("PRAGMA optimize")
    con.close()
    return time.perf_counter() - t


def _ms(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def store_for(cache: Path, n: int) -> Path:
    path = cache / f"library-{n}.sqlite"
    if not path.exists():
        took = build_store(path, n)
        mb = sum(p.stat().st_size for p in cache.glob(f"library-{n}.sqlite*")) / 1e6
        print(f"  built a store with {n:,} articles in {took:.1f} s ({mb:.0f} MB)")
    return path


def bench_queries(path: Path, n: int) -> None:
    store = open_store(path, seed_sample=False)
    index = LibraryIndex(store)
    index.ids()  # warm the page cache
    print(f"\nQueries over {n:,} articles")
    for label, q in [
        ("ids, default sort (newest first)", LibraryQuery()),
        ("ids, sorted by headline", LibraryQuery(sort="headline", descending=False)),
        ("ids, sorted by status", LibraryQuery(sort="status")),
        ("ids, sorted by claims", LibraryQuery(sort="claims")),
        ("ids, headline filter 'ford'", LibraryQuery(text="ford")),
        ("ids, status published + byline 'berg'", LibraryQuery(statuses=frozenset({"published"}), byline="berg")),
        ("ids, stock F", LibraryQuery(ticker=("F", "XNYS"))),
    ]:
        ms, ids = _ms(lambda q=q: index.ids(q))
        print(f"  {label:<42} {ms:8.2f} ms  ({len(ids):,} ids)")
    ms, total = _ms(lambda: index.count())
    print(f"  {'count, everything':<42} {ms:8.2f} ms  ({total:,})")
    ids = index.ids()
    for label, page in [
        ("rows, first page of 100", ids[:100]),
        ("rows, page of 100 in the middle", ids[len(ids) // 2 : len(ids) // 2 + 100]),
        ("rows, page of 100 at the end", ids[-100:]),
    ]:
        ms, rows = _ms(lambda page=page: index.rows(page), repeat=9)
        print(f"  {label:<42} {ms:8.2f} ms  ({sum(1 for r in rows if r.claims)} with claims)")
    store.close()


def bench_search(path: Path, n: int) -> None:
    store = open_store(path, seed_sample=False)
    index = LibraryIndex(store)
    index.ids(LibraryQuery(search="warm up"))
    print(f"\nFull-text search over {n:,} articles (ids ranked + first page of 100 with snippets)")
    ids_ms, page_ms, hits = [], [], []
    for q in QUERIES:
        query = LibraryQuery(search=q, sort="rank")
        a, ids = _ms(lambda query=query: index.ids(query), repeat=3)
        b, _ = _ms(lambda query=query, ids=ids: index.rows(ids[:100], query), repeat=3)
        ids_ms.append(a)
        page_ms.append(b)
        hits.append(len(ids))
    total = [a + b for a, b in zip(ids_ms, page_ms, strict=True)]
    for q, a, b, h in zip(QUERIES, ids_ms, page_ms, hits, strict=True):
        print(f"    {q!r:<28} {h:>7,} hits  ids {a:7.2f} ms  page {b:6.2f} ms")
    print(
        f"  median over {len(QUERIES)} queries: {statistics.median(total):.2f} ms "
        f"(ids {statistics.median(ids_ms):.2f} + page {statistics.median(page_ms):.2f}); "
        f"max {max(total):.2f} ms ({QUERIES[total.index(max(total))]!r})"
    )
    store.close()


def bench_gui(path: Path, n: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from editor_app.ui.library.pane import LibraryPane

    app = QApplication.instance() or QApplication(sys.argv)
    t = time.perf_counter()
    store = open_store(path, seed_sample=False)
    opened = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    pane = LibraryPane()
    pane.resize(900, 800)
    built = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    pane.set_store(store)
    pane.reload()
    pane.show()
    app.processEvents()
    shown = (time.perf_counter() - t) * 1000
    print(
        f"\nGUI, {n:,} articles: library query + first paint {shown:.0f} ms "
        f"({pane.model.rowCount():,} rows, {pane.model.pages_fetched} page(s) fetched; "
        f"store opened in {opened:.0f} ms, empty pane built in {built:.0f} ms)"
    )

    bar = pane.view.verticalScrollBar()
    steps = 200
    stalls: list[float] = []
    clock = QElapsedTimer()
    state = {"i": 0}

    def step() -> None:
        if state["i"] > 0:
            stalls.append(clock.nsecsElapsed() / 1e6)
        if state["i"] > steps:
            timer.stop()
            app.quit()
            return
        clock.restart()
        bar.setValue(bar.maximum() * state["i"] // steps)
        pane.view.viewport().repaint()  # paint now: the stall includes fetching the rows shown
        state["i"] += 1

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(step)
    timer.start()
    t = time.perf_counter()
    app.exec()
    took = time.perf_counter() - t
    print(
        f"  scrolled top to bottom in {steps} steps in {took:.2f} s: longest stall {max(stalls):.1f} ms, "
        f"median {statistics.median(stalls):.1f} ms; {pane.model.pages_fetched} page(s) fetched"
    )
    t = time.perf_counter()
    pane.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    pane.view.viewport().repaint()
    print(f"  sort by headline (header click) and repaint: {(time.perf_counter() - t) * 1000:.0f} ms")
    t = time.perf_counter()
    pane.set_search("xiaomi")
    pane.view.viewport().repaint()
    print(
        f"  full-text search 'xiaomi' ({pane.model.rowCount():,} hits) and repaint: "
        f"{(time.perf_counter() - t) * 1000:.0f} ms"
    )
    t = time.perf_counter()
    pane.set_search("")
    pane.filter.setText("ford")
    pane._apply_filters()
    pane.view.viewport().repaint()
    print(
        f"  headline filter 'ford' ({pane.model.rowCount():,} rows) and repaint: "
        f"{(time.perf_counter() - t) * 1000:.0f} ms"
    )
    pane.close()
    store.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--cache", type=Path, default=None, help="keep the generated stores here")
    ap.add_argument("--only", default="query,search,gui")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    import sqlite3 as _s

    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{sys.version.split()[0]}, SQLite {_s.sqlite_version}, {datetime.now():%Y-%m-%d}"
    )
    tmp = None
    cache = args.cache
    if cache is None:
        tmp = tempfile.TemporaryDirectory()
        cache = Path(tmp.name)
    cache.mkdir(parents=True, exist_ok=True)
    big = store_for(cache, args.articles)
    if "query" in parts:
        bench_queries(big, args.articles)
    if "search" in parts:
        small_n = min(10_000, args.articles)
        bench_search(store_for(cache, small_n), small_n)
        if args.articles != small_n:
            bench_search(big, args.articles)
    if "gui" in parts:
        bench_gui(big, args.articles)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
