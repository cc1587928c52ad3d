#!/usr/bin/env python3
"""Speed of single units the tests check only for correctness, each with its target.

These figures used to be assertions inside tests (issue 10: tests check behaviour, not the
clock). Run on an otherwise idle machine:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_units.py

Every line prints the median of several runs, the target and whether it was met.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from editor_app.services.opening import open_store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def median_s(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(what: str, seconds: float, target_s: float) -> None:
    verdict = "ok" if seconds <= target_s else "MISSED"
    print(f"| {what} | {seconds * 1000:,.1f} ms | <= {target_s * 1000:,.0f} ms | {verdict} |", flush=True)


def anchors() -> None:
    from editor_app.core.anchors import find_anchors, strip_markers

    para = (
        "Shares of the carmaker rose after the report, traders said, and volumes were heavy "
        "in early trading as investors weighed the outlook for margins. `code` here.\n\n"
    )
    parts = []
    for i in range(1000):
        parts.append(para * 9)
        parts.append(f"The FT said <!--claim c{i + 1}-->Ford held talks number {i}<!--/claim-->.\n\n")
    text = "".join(parts)
    report(f"find_anchors, {len(text):,} chars, 1,000 anchors", median_s(lambda: find_anchors(text)), 1.0)
    report(f"strip_markers, {len(text):,} chars", median_s(lambda: strip_markers(text)), 0.5)


def highlighter() -> None:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from editor_app.ui.editor.highlighter import MarkdownHighlighter

    QApplication.instance() or QApplication([])
    lines = [
        "# Heading **x**",
        "Shares rose *3%* after `q` [beat](https://e.x).",
        "",
        "- item",
        "Plain paragraph text " * 4,
        "```",
        "code",
        "```",
    ]
    editor = QPlainTextEdit()
    editor.setPlainText("\n".join(lines * 5000))
    hl = MarkdownHighlighter(editor.document())
    report("highlighter full pass, 40,000 lines", median_s(hl.rehighlight, repeat=3), 15.0)


def journal() -> None:
    from editor_app.store.journal import RecoveryJournal

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "s.sqlite", seed_sample=False)
        art = store.create(title="T")
        j = RecoveryJournal(store.path, root=Path(tmp) / "data")
        counter = iter(range(10**6))
        report(
            "recovery journal, 20 small fsynced records",
            median_s(lambda: [j.record(art.id, {"body": f"small {next(counter)}"}) for _ in range(20)]),
            2.0,
        )
        store.close()


def directory() -> None:
    from editor_app.core.tickers.directory import SymbolDirectory

    d = SymbolDirectory.load()
    d.search("warm up")
    queries = ("F", "Ford", "Toyta", "1810.HK", "NYSE: F", "Samsung Electronics", "xiaomi")
    per_query = median_s(lambda: [d.search(q) for q in queries]) / len(queries)
    report("symbol directory search, per query (7 kinds)", per_query, 0.05)


def render_budget() -> None:
    from editor_app.core.render_process import RenderProcess

    with RenderProcess() as rp:
        rp.render("warm up")
        start = time.perf_counter()
        out = rp.render("[" * 50_000 + "]" * 50_000, budget=1.0)
        report(f"pathological render stopped (budget 1.0 s, {out.status})", time.perf_counter() - start, 5.0)
    rp = RenderProcess()
    rp.render("warm up")
    t = threading.Thread(target=lambda: rp.render("[" * 50_000 + "]" * 50_000, budget=60))
    t.start()
    time.sleep(1.0)
    start = time.perf_counter()
    rp.close()
    t.join(60)
    report("close() unblocks a render in progress", time.perf_counter() - start, 6.0)


def main() -> None:
    print("| Unit | Median | Target | |")
    print("|---|---|---|---|")
    for part in (anchors, highlighter, journal, directory, render_budget):
        part()


if __name__ == "__main__":
    main()
