"""GUI responsiveness of the real window: keystroke-to-preview latency, UI-thread stalls, cold start.

Run (headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
    XDG_CONFIG_HOME=$(mktemp -d) .venv/bin/python benchmarks/bench_gui.py

Options: --only a,b,c (default all) · --reps N (keystroke repetitions, default 5) ·
--startup-runs N (default 5) · --articles N (default 10000) · --profile-startup (one extra
cProfile'd start, top functions printed). `--startup DB --ini INI` is the child mode used by (c).

a. keystroke pause -> preview updated: one article per size (15 KB, 150 KB, 1.5 MB) is opened in a
   real MainWindow; with the window idle (render done, autosave saved) one character is typed with
   QTest.keyClick; the time until `preview.content_updated` fires for an update whose DOM (read
   back with run_in_page, textContent) contains the new word. Also the cold render after opening.
b. UI-thread stalls: a 1 ms PreciseTimer heartbeat records callback times while 200 characters are
   typed one by one every 30 ms (QTimer-driven, the event loop runs between keys), and for 2 s
   after the last key. Gaps between heartbeats are UI-thread stalls. Suspect methods are wrapped
   (class-level, before the window exists) to attribute the biggest gaps.
c. cold start: a fresh interpreter opens a store with N articles (~3 KB bodies) and shows the
   window; time from the first line of the script to window exposed and to first preview content.
"""

from __future__ import annotations

import time

from editor_app.services.opening import open_store

T_SCRIPT0 = time.perf_counter()  # before any heavy import: the start-up clock (mode c)
EPOCH0 = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES = {"15 KB": 15_000, "150 KB": 150_000, "1.5 MB": 1_500_000}
TARGETS_KEY_MS = {"15 KB": 60, "150 KB": 250, "1.5 MB": 1500}
TARGET_STALL_MS = 16
TARGET_START_S = 1.5


# ---------------------------------------------------------------------------------------- helpers


def ms(seconds: float | None) -> str:
    return "   n/a" if seconds is None else f"{seconds * 1000:6.0f}"


def machine_facts() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    import PySide6
    from PySide6 import QtCore

    return [
        f"date        {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"cpu         {cpu}, {os.cpu_count()} logical cores ({usable} usable)",
        f"python      {platform.python_version()} ({sys.executable})",
        f"pyside6     {PySide6.__version__} (Qt {QtCore.qVersion()}), platform {os.environ.get('QT_QPA_PLATFORM', 'default')}",
        f"os          {platform.platform()}",
    ]


def spin_until(pred, timeout: float, step_ms: int = 2) -> bool:
    """Run the Qt event loop until pred() is true (checked every step_ms) or timeout seconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    if pred():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(step_ms)

    def check() -> None:
        if pred() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return bool(pred())


def spin_for(seconds: float) -> None:
    end = time.perf_counter() + seconds
    spin_until(lambda: time.perf_counter() >= end, seconds + 1, step_ms=5)


# ------------------------------------------------------------------------------ instrumentation


class Probe:
    """Records (name, start, end, thread) for wrapped callables."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float, float, str]] = []
        self.enabled = True

    def wrap(self, name: str, fn):
        probe = self

        def wrapper(*args, **kwargs):
            if not probe.enabled:
                return fn(*args, **kwargs)
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                probe.calls.append((name, t, time.perf_counter(), threading.current_thread().name))

        wrapper.__name__ = getattr(fn, "__name__", name)
        wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
        return wrapper

    def since(self, t0: float) -> list[tuple[str, float, float, str]]:
        return [c for c in self.calls if c[1] >= t0]

    def longest(self, t0: float, t1: float) -> dict[str, tuple[float, int]]:
        out: dict[str, tuple[float, int]] = {}
        for name, a, b, _th in self.calls:
            if a >= t0 and a <= t1:
                mx, n = out.get(name, (0.0, 0))
                out[name] = (max(mx, b - a), n + 1)
        return out

    def overlapping(self, t0: float, t1: float) -> dict[str, float]:
        """Seconds each wrapped name spent inside [t0, t1] (nested calls are counted for each name)."""
        out: dict[str, float] = defaultdict(float)
        for name, a, b, _th in self.calls:
            lo, hi = max(a, t0), min(b, t1)
            if hi > lo:
                out[name] += hi - lo
        return dict(out)


PROBE = Probe()


def instrument() -> None:
    """Wrap suspect methods at class/module level, before any window exists, so that signal
    connections made in __init__ already go through the wrappers."""
    from PySide6.QtWidgets import QPlainTextEdit

    import editor_app.core.render_process as rp_mod
    import editor_app.ui.main_window as mw_mod
    import editor_app.ui.preview.view as pv_mod
    from editor_app.store.store import Store
    from editor_app.ui.editor.autosave import AutosaveController
    from editor_app.ui.editor.highlighter import MarkdownHighlighter
    from editor_app.ui.editor.markdown_editor import MarkdownEditor
    from editor_app.ui.library.pane import LibraryPane
    from editor_app.ui.library.table_model import LibraryTableModel
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.preview.render_controller import RenderController
    from editor_app.ui.preview.view import PreviewView

    w = PROBE.wrap
    for name in (
        "_on_rendered",
        "show_header",
        "_on_body_edited",
        "_on_saved",
        "_on_save_state",
        "_update_title",
        "_load",
        "open_article",
    ):
        setattr(MainWindow, name, w(f"MainWindow.{name}", getattr(MainWindow, name)))
    AutosaveController.flush = w("autosave.flush", AutosaveController.flush)
    AutosaveController._save_in_background = w(
        "autosave._save_in_background (snapshot)", AutosaveController._save_in_background
    )
    Store.save = w("Store.save", Store.save)
    Store.get = w("Store.get", Store.get)
    Store.list_summaries = w("Store.list_summaries", Store.list_summaries)
    PreviewView.update_parts = w("preview.update_parts", PreviewView.update_parts)
    RenderController._dispatch = w("renderer._dispatch", RenderController._dispatch)
    RenderController.schedule = w("renderer.schedule", RenderController.schedule)
    MarkdownEditor.keyPressEvent = w("editor.keyPressEvent", MarkdownEditor.keyPressEvent)
    MarkdownEditor.toPlainText = w("editor.toPlainText", QPlainTextEdit.toPlainText)
    MarkdownEditor.set_text_quietly = w("editor.set_text_quietly", MarkdownEditor.set_text_quietly)
    MarkdownHighlighter.highlightBlock = w("highlighter.highlightBlock", MarkdownHighlighter.highlightBlock)
    LibraryTableModel.upsert = w("library.model.upsert", LibraryTableModel.upsert)
    LibraryPane.reload = w("library.reload", LibraryPane.reload)
    LibraryPane.select = w("library.select", LibraryPane.select)
    mw_mod.header_html = w("page.header_html (jinja)", mw_mod.header_html)
    mw_mod.text_stats = w("text_stats", mw_mod.text_stats)

    class _TimedJson:  # json.dumps of the body HTML (render worker) / json.loads of the reply
        dumps = staticmethod(w("json.dumps (update_parts / render worker)", json.dumps))
        loads = staticmethod(w("json.loads (render reply, worker thread, holds GIL)", json.loads))

    pv_mod.json = _TimedJson  # type: ignore[assignment]
    rp_mod.json = _TimedJson  # type: ignore[assignment]
    rp_mod.RenderProcess.render = w("RenderProcess.render (worker thread, mostly waiting)", rp_mod.RenderProcess.render)
    # Qt virtuals not overridden in Python: patched before any instance exists, so they dispatch here.
    MarkdownEditor.paintEvent = w("editor.paintEvent", QPlainTextEdit.paintEvent)
    MarkdownEditor.resizeEvent = w("editor.resizeEvent", QPlainTextEdit.resizeEvent)

    import gc

    started: dict[int, float] = {}

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            started[info["generation"]] = time.perf_counter()
        elif info["generation"] in started:
            PROBE.calls.append(
                (
                    f"python gc gen{info['generation']}",
                    started.pop(info["generation"]),
                    time.perf_counter(),
                    threading.current_thread().name,
                )
            )

    gc.callbacks.append(on_gc)


class Heartbeat:
    """1 ms precise timer on the UI thread; the gaps between its callbacks are stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.beats.append(time.perf_counter())

    def gaps(self) -> list[tuple[float, float, float]]:
        b = self.beats
        return [(b[i] - b[i - 1], b[i - 1], b[i]) for i in range(1, len(b))]


def gap_summary(gaps: list[tuple[float, float, float]]) -> dict[str, float]:
    values = [g[0] for g in gaps]
    if len(values) < 2:
        return {"max": values[0] if values else 0.0, "p99": 0.0, "over16": 0, "over50": 0, "n": len(values)}
    return {
        "max": max(values),
        "p99": statistics.quantiles(values, n=100)[98],
        "over16": sum(1 for v in values if v > 0.016),
        "over50": sum(1 for v in values if v > 0.050),
        "n": len(values),
    }


def describe_gaps(gaps, top: int = 5, indent: str = "    ") -> list[str]:
    """The biggest gaps (> 16 ms), each with the wrapped calls that ran inside it (ms)."""
    lines = []
    base = gaps[0][1] if gaps else 0.0
    for dur, a, b in sorted(gaps, reverse=True)[:top]:
        if dur <= 0.016:
            break
        inside = sorted(PROBE.overlapping(a, b).items(), key=lambda kv: -kv[1])
        parts = ", ".join(f"{name} {t * 1000:.0f}" for name, t in inside[:5] if t >= 0.0005) or "no wrapped call"
        lines.append(f"{indent}gap {dur * 1000:6.0f} ms at +{a - base:6.3f} s: {parts}")
    return lines


# ------------------------------------------------------------------------------- window helpers


class PreviewWatch:
    """On every content_updated: note the time and check (textContent) whether `want` is in the DOM."""

    def __init__(self, window) -> None:
        self.window = window
        self.want = ""
        self.updates: list[tuple[float, int]] = []
        self.found_at: float | None = None
        self.confirmed_at: float | None = None
        window.preview.content_updated.connect(self._on_updated)

    def expect(self, text: str) -> None:
        self.want = text
        self.found_at = None
        self.confirmed_at = None

    def _on_updated(self, changed: int) -> None:
        t = time.perf_counter()
        self.updates.append((t, int(changed)))
        want = self.want
        if not want or self.found_at is not None:
            return
        js = (
            "(function(){var e=document.getElementById('article');"
            f"return e ? e.textContent.indexOf({json.dumps(want)}) >= 0 : false;}})()"
        )

        def result(value, t=t, want=want) -> None:
            if value and want == self.want and self.found_at is None:
                self.found_at = t
                self.confirmed_at = time.perf_counter()

        self.window.preview.run_in_page(js, result)


def wait_idle(window, settle: float = 0.25, timeout: float = 60) -> None:
    ok = spin_until(lambda: not window.renderer.busy and window.autosave.state == "saved", timeout)
    if not ok:
        print(f"    (warning: window not idle after {timeout}s)", file=sys.stderr)
    spin_for(settle)


def make_window(tmp: Path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from editor_app.ui.app import create_application
    from editor_app.ui.main_window import MainWindow

    create_application()
    store = open_store(tmp / "store" / "editor.sqlite")
    window = MainWindow(store, QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
    window.show()
    spin_until(lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 10)
    window.raise_()
    window.activateWindow()
    window.windowHandle().requestActivate()
    spin_until(lambda: QApplication.activeWindow() is window, 5)
    return window, store


def typing_position(text: str) -> int:
    """Inside a prose paragraph near the middle (after 'trading'), never in a table or list."""
    anchor = " in early trading"
    i = text.find(anchor, len(text) // 2)
    if i < 0:
        i = text.find(anchor)
    return i + len(anchor)


def open_sized_article(window, store, label: str, size: int, watch: PreviewWatch, hb: Heartbeat):
    from corpus import article

    end_marker = f"zzend{label.replace(' ', '').replace('.', '')}q"
    body = article(size) + f"\n\nEnd of the benchmark article {end_marker}."
    art = store.create(title=f"Benchmark article {label}", body=body)
    window.library.model.upsert(art.summary())
    wait_idle(window)
    watch.expect(end_marker)
    hb.start()
    t0 = time.perf_counter()
    window.open_article(art.id)
    t_sync = time.perf_counter() - t0
    spin_until(lambda: watch.found_at is not None, 120)
    cold = watch.found_at - t0 if watch.found_at is not None else None
    wait_idle(window, settle=0.5)
    hb.stop()
    open_gaps = gap_summary(hb.gaps())
    return art, body, t0, t_sync, cold, open_gaps, hb.gaps()


# --------------------------------------------------------------------------------- (a) keystroke


def bench_keystroke(window, store, watch: PreviewWatch, reps: int) -> dict:
    from PySide6.QtTest import QTest

    hb = Heartbeat()
    results = {}
    for si, (label, size) in enumerate(SIZES.items()):
        art, _body, t_open, t_sync, cold, open_gaps, gaps = open_sized_article(window, store, label, size, watch, hb)
        calls = PROBE.since(t_open)
        hl = sum(b - a for n, a, b, _ in calls if n == "highlighter.highlightBlock")
        hl_n = sum(1 for n, *_ in calls if n == "highlighter.highlightBlock")
        print(
            f"  {label}: open_article() {t_sync * 1000:.0f} ms synchronous; cold preview {ms(cold).strip()} ms; "
            f"longest UI stall while opening {open_gaps['max'] * 1000:.0f} ms; "
            f"highlightBlock x{hl_n} = {hl * 1000:.0f} ms",
            flush=True,
        )
        for line in describe_gaps(gaps, top=3, indent="      "):
            print(line)
        pos = typing_position(window.editor.toPlainText())
        samples, key_sync, breakdown, changed = [], [], [], []
        for i in range(reps + 1):  # the first is a warm-up
            marker = f"kq{si}x{i}w"
            cursor = window.editor.textCursor()
            cursor.setPosition(pos)
            cursor.insertText(" " + marker[:-1])
            window.editor.setTextCursor(cursor)
            pos = cursor.position() + 1  # next rep goes after this word's last letter
            watch.expect(marker[:-1])
            spin_until(lambda: watch.found_at is not None, 60)
            wait_idle(window)
            watch.expect(marker)
            t0 = time.perf_counter()
            QTest.keyClick(window.editor, marker[-1])
            t_key = time.perf_counter() - t0
            spin_until(lambda: watch.found_at is not None, 60)
            if watch.found_at is None:
                print(f"    rep {i}: the edit never reached the preview", file=sys.stderr)
                continue
            latency = watch.found_at - t0
            calls = PROBE.since(t0)
            disp = [a for n, a, _b, _ in calls if n == "renderer._dispatch"]
            rend = [(a, b) for n, a, b, _ in calls if n == "MainWindow._on_rendered"]
            ren = [(a, b) for n, a, b, _ in calls if n.startswith("RenderProcess.render")]
            upd = [c for t, c in watch.updates if t == watch.found_at]
            if i == 0:
                continue
            samples.append(latency)
            key_sync.append(t_key)
            changed.append(upd[0] if upd else -1)
            if disp and rend and ren:
                breakdown.append(
                    (disp[-1] - t0, ren[-1][1] - ren[-1][0], rend[-1][1] - rend[-1][0], watch.found_at - rend[-1][1])
                )
            wait_idle(window, settle=0.1)
        res = {
            "cold": cold,
            "open_sync": t_sync,
            "open_stall": open_gaps["max"],
            "median": statistics.median(samples) if samples else None,
            "max": max(samples) if samples else None,
            "key_sync_max": max(key_sync) if key_sync else None,
            "samples": samples,
            "changed": changed,
            "breakdown": [statistics.median(x) for x in zip(*breakdown, strict=False)] if breakdown else None,
            "article_id": art.id,
            "pos": pos,
        }
        results[label] = res
        bd = res["breakdown"]
        print(
            f"    keystroke->preview: {', '.join(f'{s * 1000:.0f}' for s in samples)} ms "
            f"(median {ms(res['median']).strip()}, max {ms(res['max']).strip()}); keyClick itself max "
            f"{ms(res['key_sync_max']).strip()} ms; top-level nodes replaced per update {changed}",
            flush=True,
        )
        if bd:
            print(
                f"    median breakdown: debounce {bd[0] * 1000:.0f} ms | child render+IPC {bd[1] * 1000:.0f} ms"
                f" | _on_rendered (template+json+runJavaScript call) {bd[2] * 1000:.0f} ms"
                f" | page DOM update until content_updated {bd[3] * 1000:.0f} ms",
                flush=True,
            )
    return results


# ----------------------------------------------------------------------------------- (b) stalls


def bench_typing(
    window,
    label: str,
    article_id: int,
    watch: PreviewWatch,
    n_keys: int = 200,
    interval_ms: int = 30,
    tail_s: float = 2.0,
) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    window.open_article(article_id)
    watch.expect("")
    wait_idle(window, settle=0.5)
    text = window.editor.toPlainText()
    cursor = window.editor.textCursor()
    cursor.setPosition(typing_position(text))
    window.editor.setTextCursor(cursor)
    phrase = " the quick brown fox jumps over the lazy dog"
    keys = [phrase[i % len(phrase)] for i in range(n_keys)]
    hb = Heartbeat()
    loop = QEventLoop()
    state = {"i": 0, "last": 0.0, "first": 0.0}
    key_timer = QTimer()
    key_timer.setTimerType(Qt.TimerType.PreciseTimer)
    key_timer.setInterval(interval_ms)

    def press() -> None:
        i = state["i"]
        if i >= len(keys):
            key_timer.stop()
            state["last"] = time.perf_counter()
            QTimer.singleShot(int(tail_s * 1000), loop.quit)
            return
        if i == 0:
            state["first"] = time.perf_counter()
        QTest.keyClick(window.editor, keys[i])
        state["i"] = i + 1

    key_timer.timeout.connect(press)
    n_updates0 = len(watch.updates)
    hb.start()
    t0 = time.perf_counter()
    key_timer.start()
    loop.exec()
    hb.stop()
    t_end = time.perf_counter()
    gaps = hb.gaps()
    summ = gap_summary(gaps)
    upd = [t for t, _c in watch.updates[n_updates0:]]
    during = sum(1 for t in upd if t <= state["last"])
    first_after = min((t for t in upd if t > state["last"]), default=None)
    longest = PROBE.longest(t0, t_end)
    typed_ok = phrase.strip()[:10] in window.editor.toPlainText()
    res = {
        **summ,
        "typing_s": state["last"] - state["first"],
        "updates_during": during,
        "preview_after_last_key": (first_after - state["last"]) if first_after else None,
        "longest": longest,
        "top_gaps": describe_gaps(gaps, top=6),
        "typed_ok": typed_ok,
    }
    print(
        f"  {label}: typing took {res['typing_s']:.2f} s for {n_keys} keys; max gap {summ['max'] * 1000:.0f} ms, "
        f"p99 {summ['p99'] * 1000:.1f} ms, gaps>16ms {summ['over16']}, gaps>50ms {summ['over50']} "
        f"(of {summ['n']} beats); preview updates while typing {during}; first preview after last key "
        f"{ms(res['preview_after_last_key']).strip()} ms",
        flush=True,
    )
    for line in res["top_gaps"]:
        print(line)
    print("    longest single call of each wrapped function during the run (ms, count):")
    for name, (mx, n) in sorted(longest.items(), key=lambda kv: -kv[1][0]):
        if mx >= 0.0005:
            print(f"      {name:<58} {mx * 1000:7.1f}  x{n}")
    return res


# ----------------------------------------------------------------------------------- (c) startup


def build_store(path: Path, n: int) -> float:
    """`n` articles of ~3 KB, written with one executemany after the app created the schema."""
    from corpus import _COMPANIES, _VERBS, article

    t = time.perf_counter()
    open_store(path, seed_sample=False).close()
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    bodies = [article(3000, seed=s) for s in range(50)]  # 50 distinct bodies, reused (varied enough)
    rows = []
    for i in range(n):
        when = (now - timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S.%f")
        title = f"{_COMPANIES[i % 10]} {_VERBS[i % 6]} EV talks report, part {i}"
        rows.append(
            (
                title,
                "A dek for the story.",
                "Desk Reporter",
                f"bench-article-{i}",
                0,
                bodies[i % 50],
                "draft",
                when,
                when,
                None,
            )
        )
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO articles (title, dek, byline, slug, slug_locked, body, status, created_at, updated_at,"
            " deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    con.close()
    return time.perf_counter() - t


def startup_child(db: str, ini: str, profile: bool) -> None:
    """Child mode: open the store, show the window, report times since the first line of this script."""
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    marks: dict[str, float] = {"script_top": 0.0}

    def mark(name: str) -> None:
        marks[name] = time.perf_counter() - T_SCRIPT0

    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QSettings

    mark("import_qt")
    from editor_app.ui.app import create_application

    app = create_application()
    mark("qapplication")

    store = open_store(Path(db))
    mark("store_open")
    from editor_app.ui.main_window import MainWindow

    mark("import_window")
    window = MainWindow(store, QSettings(ini, QSettings.Format.IniFormat))
    mark("window_init")
    first: dict[str, float] = {}
    window.preview.content_updated.connect(lambda _n: first.setdefault("t", time.perf_counter()))
    window.show()
    spin_until(
        lambda: window.isVisible() and window.windowHandle() is not None and window.windowHandle().isExposed(),
        30,
        step_ms=1,
    )
    mark("exposed")
    spin_until(lambda: "t" in first, 60, step_ms=1)
    marks["first_preview"] = first["t"] - T_SCRIPT0 if "t" in first else -1.0
    title = window.header.title.text()
    got: dict[str, object] = {}
    window.preview.run_in_page(
        "(function(){var e=document.getElementById('article'); return e ? e.textContent : '';})()",
        lambda v: got.setdefault("v", v),
    )
    spin_until(lambda: "v" in got, 10)
    if prof is not None:
        prof.disable()
    result = {
        "marks": marks,
        "epoch0": EPOCH0,
        "rows": window.library.model.rowCount(),
        "title_in_preview": bool(title) and title in str(got.get("v", "")),
    }
    print("RESULT " + json.dumps(result), flush=True)
    if prof is not None:
        import io
        import pstats

        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue(), flush=True)
    window.close()
    store.close()
    app.processEvents()
    os._exit(0)


def run_child(db: Path, profile: bool = False) -> tuple[dict, float, str]:
    ini = Path(tempfile.mkdtemp()) / "ui.ini"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--startup", str(db), "--ini", str(ini)]
    if profile:
        cmd.append("--profile-child")
    spawn = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"startup child failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    data = json.loads(line[len("RESULT ") :])
    return data, data["epoch0"] - spawn, proc.stdout


def bench_startup(runs: int, n_articles: int, profile: bool) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-start-"))
    interp = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        interp.append(time.perf_counter() - t)
    print(
        f"  interpreter start+exit (python -c pass): median {statistics.median(interp) * 1000:.0f} ms, "
        f"max {max(interp) * 1000:.0f} ms",
        flush=True,
    )
    big = tmp / "big" / "editor.sqlite"
    big.parent.mkdir(parents=True)
    built = build_store(big, n_articles)
    print(
        f"  built a store with {n_articles:,} articles in {built:.1f} s ({big.stat().st_size / 1e6:.0f} MB)", flush=True
    )
    small = tmp / "small" / "editor.sqlite"

    open_store(small).close()  # the seeded sample article only
    out = {"interp": interp}
    stores = ((f"{n_articles:,} articles", big), ("1 article", small))
    all_rows: dict[str, list[dict]] = {label: [] for label, _db in stores}
    for _ in range(runs):  # interleaved, so background load on the machine hits both alike
        for label, db in stores:
            data, pre, _stdout = run_child(db)
            all_rows[label].append(
                {**data["marks"], "spawn_to_script": pre, "rows": data["rows"], "ok": data["title_in_preview"]}
            )
    for label, _db in stores:
        rows = all_rows[label]
        out[label] = rows
        med = {k: statistics.median(r[k] for r in rows) for k in rows[0] if k not in ("rows", "ok")}
        mx = {k: max(r[k] for r in rows) for k in rows[0] if k not in ("rows", "ok")}
        print(
            f"  {label}: library rows {rows[0]['rows']}, article title shown in preview: {all(r['ok'] for r in rows)}"
        )
        print(f"    phase (s since script top)  {'median':>8} {'max':>8}")
        for k in (
            "import_qt",
            "qapplication",
            "store_open",
            "import_window",
            "window_init",
            "exposed",
            "first_preview",
        ):
            print(f"    {k:<27} {med[k]:8.3f} {mx[k]:8.3f}")
        print(f"    spawn->script top (interp)  {med['spawn_to_script']:8.3f} {mx['spawn_to_script']:8.3f}", flush=True)
        out[label + " med"] = med
        out[label + " max"] = mx
    if profile:
        _data, _pre, stdout = run_child(big, profile=True)
        print("  cProfile of one start with the big store (cumulative, top 30):")
        print("\n".join("    " + x for x in stdout.splitlines() if not x.startswith("RESULT ")))
    return out


# ------------------------------------------------------------------------------------------ main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="a,b,c")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--profile-startup", action="store_true")
    ap.add_argument("--startup", metavar="DB", help=argparse.SUPPRESS)
    ap.add_argument("--ini", help=argparse.SUPPRESS)
    ap.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.startup:
        startup_child(args.startup, args.ini, args.profile_child)
        return

    parts = set(args.only.split(","))
    import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)

    print("Machine")
    for line in machine_facts():
        print("  " + line)
    key_res: dict = {}
    typing_res: dict = {}
    start_res: dict = {}
    if parts & {"a", "b"}:
        instrument()
        tmp = Path(tempfile.mkdtemp(prefix="bench-gui-"))
        window, store = make_window(tmp)
        watch = PreviewWatch(window)
        print("\n(a) keystroke pause -> preview updated", flush=True)
        key_res = bench_keystroke(window, store, watch, args.reps)
        if "b" in parts:
            print("\n(b) UI-thread stalls while typing 200 characters at 30 ms intervals (+2 s)", flush=True)
            for label in ("1.5 MB", "150 KB"):
                typing_res[label] = bench_typing(window, label, key_res[label]["article_id"], watch)
        window.close()
        store.close()
    if "c" in parts:
        print(f"\n(c) cold start to visible window ({args.startup_runs} runs each)", flush=True)
        start_res = bench_startup(args.startup_runs, args.articles, args.profile_startup)

    print("\nSummary" + " " * 40 + "target")
    if key_res:
        for label, r in key_res.items():
            tgt = TARGETS_KEY_MS[label]
            verdict = "ok" if r["max"] is not None and r["max"] * 1000 <= tgt else "OVER"
            print(
                f"  keystroke->preview {label:>7}: median {ms(r['median'])} ms  max {ms(r['max'])} ms"
                f"  cold {ms(r['cold'])} ms    <= {tgt} ms  {verdict}"
            )
    if typing_res:
        for label, r in typing_res.items():
            verdict = "ok" if r["max"] * 1000 <= TARGET_STALL_MS else "OVER"
            print(
                f"  typing stall {label:>7}: max {r['max'] * 1000:6.0f} ms  p99 {r['p99'] * 1000:6.1f} ms"
                f"  gaps>16ms {r['over16']:4d}            <= {TARGET_STALL_MS} ms  {verdict}"
            )
    if start_res:
        interp = statistics.median(start_res["interp"])
        for key in [k for k in start_res if k.endswith(" med")]:
            label = key[:-4]
            med, mx = start_res[key], start_res[label + " max"]
            total_med = med["exposed"] + med["spawn_to_script"]
            verdict = "ok" if total_med <= TARGET_START_S else "OVER"
            print(
                f"  start {label:>16}: exposed median {med['exposed']:.2f} s (max {mx['exposed']:.2f}),"
                f" first preview median {med['first_preview']:.2f} s (max {mx['first_preview']:.2f})"
                f" [script clock]; +{med['spawn_to_script']:.2f} s spawn->script"
                f" (python -c pass {interp:.2f} s)   <= {TARGET_START_S} s  {verdict}"
            )


if __name__ == "__main__":
    main()
