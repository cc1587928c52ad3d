"""Spell check never stalls typing (issue 14): the longest UI-thread stall typing into a 1.5 MB
article with spell check on, against the same run with it off.

Run (headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
    XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=src .venv/bin/python benchmarks/bench_spelling.py

The approach of bench_gui.py (b): a 1 ms PreciseTimer heartbeat on the UI thread while 200
characters (with misspelt words among them) are typed one by one every 30 ms into a paragraph in
the middle of a 1.5 MB article (benchmarks/corpus.py, our own text, with a misspelling every
few paragraphs), and for 2 s after; gaps between heartbeats are stalls. Also: how long opening
the article blocks the UI thread, and how long the worker takes to check all of it.
Options: --size BYTES (default 1,500,000) · --keys N (default 200) · --reps N (default 3).
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

from bench_gui import (  # noqa: E402
    Heartbeat,
    gap_summary,
    machine_facts,
    make_window,
    spin_for,
    spin_until,
    typing_position,
    wait_idle,
)

PHRASE = " the qiuck brown fox jumsp over the lazy dgo and"
TARGET_STALL_MS = 16


def misspelt_article(size: int) -> str:
    from corpus import article

    text = article(size)
    parts = text.split("analysts")
    # every seventh "analysts" misspelt: a few hundred real squiggles to paint
    return "".join(
        p + ("" if i == len(parts) - 1 else ("analsyts" if i % 7 == 0 else "analysts")) for i, p in enumerate(parts)
    )


def spelling_idle(window) -> bool:
    return not window.spelling.busy()


CALLS: dict[str, list[float]] = {}


def instrument_spelling() -> None:
    """Time every UI-thread entry into the spell check (class-level, before the window exists)."""
    from editor_app.ui.spelling.controller import SpellingController

    for name in ("marks", "_check_pending", "_checked_lines", "_repaint_some", "article_loaded"):
        original = getattr(SpellingController, name)

        def wrapper(self, *args, _f=original, _n=name):
            t0 = time.perf_counter()
            try:
                return _f(self, *args)
            finally:
                CALLS.setdefault(_n, []).append(time.perf_counter() - t0)

        setattr(SpellingController, name, wrapper)


def spelling_calls_report(label: str) -> None:
    parts = [
        f"{name} max {max(v) * 1000:.2f} ms (x{len(v)}, total {sum(v) * 1000:.0f} ms)"
        for name, v in sorted(CALLS.items())
        if v
    ]
    print(f"    UI-thread time in spell check, {label}: " + "; ".join(parts))
    CALLS.clear()


def type_keys(window, n_keys: int, interval_ms: int = 30, tail_s: float = 2.0) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    text = window.editor.toPlainText()
    cursor = window.editor.textCursor()
    cursor.setPosition(typing_position(text))
    window.editor.setTextCursor(cursor)
    keys = [PHRASE[i % len(PHRASE)] for i in range(n_keys)]
    hb = Heartbeat()
    loop = QEventLoop()
    state = {"i": 0}
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)

    def press() -> None:
        i = state["i"]
        if i >= len(keys):
            timer.stop()
            QTimer.singleShot(int(tail_s * 1000), loop.quit)
            return
        QTest.keyClick(window.editor, keys[i])
        state["i"] = i + 1

    timer.timeout.connect(press)
    hb.start()
    timer.start()
    loop.exec()
    hb.stop()
    return gap_summary(hb.gaps())


def squiggles_in_cursor_block(window) -> list[str]:
    from PySide6.QtGui import QTextCharFormat

    block = window.editor.textCursor().block()
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_500_000)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--baseline", action="store_true", help="spell check never started (the window alone)")
    args = parser.parse_args()
    if args.baseline:
        from editor_app.ui.spelling.controller import SpellingController

        SpellingController.marks = lambda self, block, text: ()  # type: ignore[method-assign]
        SpellingController.article_loaded = lambda self, article: None  # type: ignore[method-assign]
    for line in machine_facts():
        print(line)
    if not args.baseline:
        instrument_spelling()
    tmp = Path(tempfile.mkdtemp(prefix="bench_spelling_"))
    window, store = make_window(tmp)
    body = misspelt_article(args.size)
    art = store.create(title="Spelling benchmark", body=body)
    window.library.model.upsert(art.summary())
    wait_idle(window)
    print(
        f"article: {len(body.encode()) / 1e6:.2f} MB, {body.count(chr(10)) + 1} lines; "
        f"checker {window.spelling.checker.languages}"
    )

    hb = Heartbeat()
    hb.start()
    t0 = time.perf_counter()
    window.open_article(art.id)
    spin_until(lambda: spelling_idle(window), 120)
    checked_s = time.perf_counter() - t0
    wait_idle(window, settle=0.5)
    hb.stop()
    opening = gap_summary(hb.gaps())
    print(
        f"open + check the whole article on the worker: {checked_s:.2f} s; longest UI stall while opening "
        f"{opening['max'] * 1000:.0f} ms (highlighter's first pass included)"
    )
    spelling_calls_report("opening")

    results: dict[str, list[dict]] = {"on": [], "off": []}
    for rep in range(args.reps):
        for mode in ("off",) if args.baseline else ("off", "on"):
            window.highlighter.spell_marks = window.spelling.marks if mode == "on" else None
            spin_for(0.3)
            summ = type_keys(window, args.keys)
            spin_until(lambda: spelling_idle(window), 30)
            results[mode].append(summ)
            print(
                f"  rep {rep + 1} spell check {mode:>3}: max stall {summ['max'] * 1000:5.1f} ms, "
                f"p99 {summ['p99'] * 1000:4.1f} ms, gaps > 16 ms {summ['over16']}, > 50 ms {summ['over50']}",
                flush=True,
            )
            if mode == "on":
                spelling_calls_report("typing")
            CALLS.clear()
    window.highlighter.spell_marks = window.spelling.marks
    CALLS.clear()
    spin_until(lambda: spelling_idle(window), 30)
    spin_for(0.3)
    print(f"squiggles in the typed line: {squiggles_in_cursor_block(window)}")
    for mode in ("off",) if args.baseline else ("on", "off"):
        worst = max(r["max"] for r in results[mode]) * 1000
        med = statistics.median(r["max"] for r in results[mode]) * 1000
        over = sum(r["over16"] for r in results[mode])
        print(
            f"spell check {mode}: longest stall {worst:.1f} ms (median of runs {med:.1f} ms), "
            f"gaps > 16 ms in all runs: {over}; target ≤ {TARGET_STALL_MS} ms"
        )
    window.close()
    store.close()


if __name__ == "__main__":
    main()
