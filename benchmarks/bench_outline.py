"""The outline of a 1.5 MB article (issue 14): how long reading it takes off the UI thread, what
the UI thread pays per run, and the longest UI-thread stall typing with the Outline dock shown.

Run (headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
    XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=src .venv/bin/python benchmarks/bench_outline.py

Core (no Qt): `core.outline.outline` of a synthetic article (benchmarks/corpus.py, our own text,
a `## Section` heading every nine blocks): the first run counts every section; after one word
typed in the middle only that section is counted again (SectionCounter). Headings alone too.
GUI: the real window with the Outline dock shown; the UI thread's share of a run (copying the
text, filling the tree: rows rebuilt when a heading changed, counts updated otherwise); then the
approach of bench_gui.py (b): a 1 ms heartbeat while 200 characters are typed every 30 ms into
the middle of the article, with the dock shown and hidden.
Options: --size BYTES (default 1,500,000) · --reps N (default 5) · --core-only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def timed(fn, reps: int) -> tuple[float, float]:
    """(median, max) seconds of `reps` calls."""
    runs = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), max(runs)


def bench_core(body: str, reps: int) -> None:
    from editor_app.core.outline import SectionCounter, headings, outline
    from editor_app.core.text import text_stats

    result = outline(body)
    print(
        f"article: {len(body.encode()) / 1e6:.2f} MB, {body.count(chr(10)) + 1} lines, "
        f"{len(result.sections)} headings, {result.words:,} words"
    )
    med, worst = timed(lambda: headings(body), reps)
    print(f"  headings only:                      median {med * 1000:6.1f} ms, max {worst * 1000:6.1f} ms")
    med, worst = timed(lambda: outline(body), reps)
    print(f"  outline, every section counted:     median {med * 1000:6.1f} ms, max {worst * 1000:6.1f} ms")
    counter = SectionCounter()
    outline(body, counter)
    middle = body.index(" ", len(body) // 2)
    edits = [body[:middle] + f" word{i}" + body[middle:] for i in range(reps)]
    runs = []
    for text in edits:
        t0 = time.perf_counter()
        outline(text, counter)
        runs.append(time.perf_counter() - t0)
    print(
        f"  outline after one word typed:       median {statistics.median(runs) * 1000:6.1f} ms, "
        f"max {max(runs) * 1000:6.1f} ms (sections counted again: {counter.counted})"
    )
    med, worst = timed(lambda: text_stats(body), reps)
    print(f"  for scale, the status bar's count:  median {med * 1000:6.1f} ms, max {worst * 1000:6.1f} ms")


def bench_gui(body: str, reps: int) -> None:
    from bench_gui import make_window, spin_for, spin_until, wait_idle
    from bench_spelling import type_keys
    from editor_app.core.outline import outline

    tmp = Path(tempfile.mkdtemp(prefix="bench_outline_"))
    window, store = make_window(tmp)
    art = store.create(title="Outline benchmark", body=body)
    window.library.model.upsert(art.summary())
    window.open_article(art.id)
    wait_idle(window)
    controller = window.outline
    window.panels.show("outline")
    spin_until(lambda: controller.runs > 0 and not controller.busy, 120)
    pane = controller.pane()
    copies = []
    for _ in range(reps):
        t0 = time.perf_counter()
        window.editor.toPlainText()
        copies.append(time.perf_counter() - t0)
    result = controller.outline
    fills = []
    for _ in range(reps):
        t0 = time.perf_counter()
        pane.show_outline(result, controller.comment_counts(result))
        fills.append(time.perf_counter() - t0)
    renamed = outline(body.replace("## Section 1\n", "## Section one\n", 1))
    t0 = time.perf_counter()
    pane.show_outline(renamed, controller.comment_counts(renamed))
    rebuild = time.perf_counter() - t0
    print(
        f"UI thread per run ({len(result.sections)} rows): copy the text median {statistics.median(copies) * 1000:.1f} ms; "
        f"update the counts median {statistics.median(fills) * 1000:.1f} ms; rebuild the rows {rebuild * 1000:.1f} ms"
    )
    for shown in (True, False):
        window.outline_dock.setVisible(shown)
        spin_for(0.5)
        worst = []
        for _ in range(max(1, reps // 2)):
            hb_runs = type_keys(window, 200)
            spin_until(lambda: not controller.busy, 30)
            worst.append(hb_runs)
        print(
            f"typing 200 characters, Outline {'shown' if shown else 'hidden'}: max stall "
            + ", ".join(f"{r['max'] * 1000:.0f} ms" for r in worst)
            + f"; gaps > 16 ms {sum(r['over16'] for r in worst)}; outline runs so far {controller.runs}"
        )
    window.close()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_500_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--core-only", action="store_true")
    args = parser.parse_args()
    from corpus import article

    if not args.core_only:
        from bench_gui import machine_facts

        for line in machine_facts():
            print(line)
    body = article(args.size)
    bench_core(body, args.reps)
    if not args.core_only:
        bench_gui(body, args.reps)


if __name__ == "__main__":
    main()
