"""What focus mode and scroll sync cost while writing a 1.5 MB article (issue 14).

Run (headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
    XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=src .venv/bin/python benchmarks/bench_writing_modes.py

In the real window, with the article open and idle (benchmarks/corpus.py, our own text):
- per keystroke: `QTest.keyClick` into a paragraph in the middle, then a synchronous repaint of
  the editor (its text and focus mode's shade over it), timed together; focus mode off, on (paragraph), on (sentence). The
  event loop runs for 30 ms between keys (renders, autosave) outside the timing. Also the time
  spent in focus mode's own handler per key (class-level wrapper), and how often it replaced
  its selections.
- per line moved (Down and Up keys, same timing): where the dimming moves to another paragraph.
- a whole-viewport repaint with and without the dimming (what scrolling costs more).
The modes take turns in rounds of 20 keys, so load from other work weighs on all alike.
- scroll sync: the UI-thread cost of one editor scroll step (scroll bar set, sync sent, repaint)
  and the page-side cost of placing a line (the script's `scrollToLine`, timed in the page).
Options: --size BYTES (default 1,500,000) · --keys N (default 200).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_gui import machine_facts, make_window, spin_for, spin_until, typing_position, wait_idle  # noqa: E402

PHRASE = " the desk checked the figures again. Then it filed"
CALLS: dict[str, list[float]] = {}


def instrument_focus() -> None:
    from editor_app.ui.writing.focus_mode import FocusMode

    for name in ("_follow", "_reshade"):
        original = getattr(FocusMode, name)

        def wrapper(self, *args, _f=original, _n=name):
            t0 = time.perf_counter()
            try:
                return _f(self, *args)
            finally:
                CALLS.setdefault(_n, []).append(time.perf_counter() - t0)

        setattr(FocusMode, name, wrapper)


def summary(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return (
        f"median {statistics.median(values) * 1000:5.2f} ms, p95 {p95 * 1000:5.2f} ms, max {values[-1] * 1000:5.2f} ms"
    )


CPU: dict[str, list[float]] = {}


def timed_keys(window, keys: list) -> list[float]:
    """Wall time per key + repaint; the UI thread's own CPU time goes to CPU["last"] (what the
    other work on a shared machine does not inflate)."""
    from PySide6.QtTest import QTest

    editor = window.editor
    out, cpu = [], []
    for key in keys:
        c0, t0 = time.thread_time(), time.perf_counter()
        QTest.keyClick(editor, key)
        editor.repaint()
        out.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        spin_for(0.03)
    CPU["last"] = cpu
    return out


def page_js(window, code: str):
    box: dict = {}
    window.preview.run_in_page(code, lambda v: box.setdefault("v", v))
    spin_until(lambda: "v" in box, 30)
    return box.get("v")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_500_000)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    for line in machine_facts():
        print(line)
    instrument_focus()
    from PySide6.QtCore import Qt

    from corpus import article

    tmp = Path(tempfile.mkdtemp(prefix="bench_writing_"))
    window, store = make_window(tmp)
    body = article(args.size)
    art = store.create(title="Writing modes benchmark", body=body)
    window.library.model.upsert(art.summary())
    window.open_article(art.id)
    wait_idle(window, settle=1.0)
    editor = window.editor
    print(f"article: {len(body.encode()) / 1e6:.2f} MB, {editor.document().blockCount():,} lines")
    a = window.actions_

    def place_cursor() -> None:
        cursor = editor.textCursor()
        cursor.setPosition(typing_position(editor.toPlainText()))
        editor.setTextCursor(cursor)
        editor.centerCursor()
        spin_for(0.2)

    modes = (("off", False, None), ("paragraph", True, "focus_paragraph"), ("sentence", True, "focus_sentence"))

    def switch(on: bool, unit: str | None) -> None:
        if unit:
            a[unit].setChecked(True)
        a["focus_mode"].setChecked(on)

    # The modes take turns (rounds of 20 keys) so a busy machine weighs on all of them alike.
    typed: dict[str, list[float]] = {m[0]: [] for m in modes}
    moved: dict[str, list[float]] = {m[0]: [] for m in modes}
    calls: dict[str, dict[str, list[float]]] = {m[0]: {} for m in modes}
    typed_cpu: dict[str, list[float]] = {m[0]: [] for m in modes}
    moved_cpu: dict[str, list[float]] = {m[0]: [] for m in modes}
    rounds = max(1, args.keys // 20)
    place_cursor()
    for r in range(rounds):
        for label, on, unit in modes:
            switch(on, unit)
            CALLS.clear()
            typed[label] += timed_keys(window, [PHRASE[(r * 20 + i) % len(PHRASE)] for i in range(20)])
            typed_cpu[label] += CPU["last"]
            for name, values in CALLS.items():
                calls[label].setdefault(name, []).extend(values)
            CALLS.clear()
            moved[label] += timed_keys(window, [Qt.Key.Key_Down] * 4 + [Qt.Key.Key_Up] * 4)
            moved_cpu[label] += CPU["last"]
            for name, values in CALLS.items():
                calls[label].setdefault(name + " (moving)", []).extend(values)
    wait_idle(window, settle=0.3)
    for label, _on, _unit in modes:
        print(f"focus {label:>9}: typing, key + repaint {summary(typed[label])}")
        print(f"{'':>16}same, UI thread CPU time {summary(typed_cpu[label])}")
        print(f"{'':>16}moving a line, key + repaint {summary(moved[label])}")
        print(f"{'':>16}same, UI thread CPU time {summary(moved_cpu[label])}")
        for name, values in sorted(calls[label].items()):
            print(f"{'':>16}{name}: {summary(values)} (x{len(values)})")

    # a whole-viewport repaint (scrolling, a theme switch) with and without the dimming
    repaint: dict[str, list[float]] = {m[0]: [] for m in modes}
    for _ in range(20):
        for label, on, unit in modes:
            switch(on, unit)
            editor.repaint()
            t0 = time.perf_counter()
            for _ in range(5):
                editor.repaint()
            repaint[label].append((time.perf_counter() - t0) / 5)
    print(
        "whole-viewport repaint: "
        + ", ".join(f"{label} {statistics.median(v) * 1000:.2f} ms" for label, v in repaint.items())
    )
    a["focus_mode"].setChecked(False)

    # scroll sync: one editor scroll step on the UI thread, and placing a line in the page
    bar = editor.verticalScrollBar()
    steps = []
    for i in range(60):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum() * (i + 1) // 62)
        window.writing.sync._send_editor_line()
        editor.repaint()
        steps.append(time.perf_counter() - t0)
        spin_for(0.03)
    print(f"scroll sync, editor step + send + repaint: {summary(steps)}")
    lines = editor.document().blockCount()
    if window._preview_notice:  # a loaded machine can pass the render budget: the page is filled here
        print(f"    (preview paused: {window._preview_notice[:60]}...; the page gets an in-process render)")
        from editor_app.core.export import finish_body
        from editor_app.core.render_cache import SectionRenderer

        done: dict = {}
        window.preview.content_updated.connect(lambda _n: done.setdefault("ok", True))
        window.preview.update_parts(body_json=json.dumps(finish_body(SectionRenderer().render(body))), notice="")
        spin_until(lambda: "ok" in done, 60)
    page_ms = page_js(
        window,
        "(function(){var s=window.__editorSync; s.invalidate(); var t=[];"
        f"for (var i=1;i<=60;i++){{var t0=performance.now(); s.scrollToLine({lines}*i/61, 0, {lines + 1}, 0);"
        "t.push(performance.now()-t0);} t.sort(function(a,b){return a-b});"
        "return JSON.stringify([t[30], t[57], t[59], document.querySelectorAll('#article [data-line]').length]);})()",
    )
    if page_ms:
        page_ms = json.loads(page_ms)
        print(
            f"scroll sync, page side per line placed: median {page_ms[0]:.2f} ms, p95 {page_ms[1]:.2f} ms, "
            f"max {page_ms[2]:.2f} ms ({int(page_ms[3]):,} blocks; first call builds the block list)"
        )
    window.close()
    store.close()


if __name__ == "__main__":
    main()
