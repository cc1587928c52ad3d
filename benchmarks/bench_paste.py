"""Huge pastes into the real window: UI stall, time until saved, time until the preview answers.

Run (headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
    XDG_CONFIG_HOME=$(mktemp -d) .venv/bin/python benchmarks/bench_paste.py [--sizes 1,5,10,50]

For each size (MiB of realistic Markdown from corpus.article, plus a unique last paragraph) a fresh
MainWindow on a fresh store opens a new article; the text goes to the clipboard, then
`editor.paste()` runs the real paste path (MarkdownEditor.insertFromMimeData). Above
editor.LARGE_PASTE_CHARS the window asks first: QMessageBox.question is answered Yes and the
question is counted. Measured:

- paste call: how long editor.paste() blocks the UI thread;
- longest stall: the biggest gap between callbacks of a 1 ms PreciseTimer heartbeat on the UI
  thread, from just before the paste until 2 s after both of the following have happened;
- saved: from the paste until autosave reports the body saved (`autosave.saved` with "body");
  afterwards the store is reopened from disk and its body compared with the pasted text;
- preview: from the paste until the page's DOM shows the last paragraph (textContent) or the
  "Preview paused" notice (the render budget is 2 s + 1 s per 500,000 characters).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from editor_app.services.opening import open_store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

MIB = 1024 * 1024


def spin_until(pred, timeout: float, step_ms: int = 2) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    if pred():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(step_ms)
    timer.timeout.connect(lambda: (pred() or time.perf_counter() > deadline) and loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    return bool(pred())


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

    def longest(self, after: float = 0.0) -> tuple[float, float]:
        """(longest gap, its start) among gaps that start at or after `after`."""
        b = self.beats
        best = (0.0, 0.0)
        for i in range(1, len(b)):
            if b[i - 1] >= after and b[i] - b[i - 1] > best[0]:
                best = (b[i] - b[i - 1], b[i - 1])
        return best


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6
    from PySide6 import QtCore

    return (
        f"{cpu}, {os.cpu_count()} logical cores; Python {platform.python_version()}; "
        f"PySide6 {PySide6.__version__} (Qt {QtCore.qVersion()}), {os.environ.get('QT_QPA_PLATFORM')}"
    )


def paste_text(size: int) -> tuple[str, str]:
    from corpus import article

    marker = f"Last paragraph of the {size // MIB} MiB paste, marker {size}."
    body = article(size - len(marker) - 2)
    return body + "\n\n" + marker, marker


# Long unbroken lines (issue 10): targets for the longest UI stall while pasting them.
LINE_CASES = {
    # name: (text builder, marker the preview shows, stall target in ms)
    "brackets_100k": (lambda: "[" * 50_000 + "]" * 50_000, None, 200),
    "urls_100k": (lambda: ",".join(f"https://example.com/q/{i:06d}" for i in range(3_600))[:100_000], None, 200),
    "ten_lines_10k": (lambda: "\n".join(f"{i}:" + "x" * 9_998 for i in range(10)), None, 100),
}


def case_text(name: str) -> tuple[str, str | None, int | None]:
    """(text, marker or None, stall target ms or None) for a named case or a size in MiB."""
    if name in LINE_CASES:
        build, marker, target = LINE_CASES[name]
        return build(), marker, target
    text, marker = paste_text(int(float(name) * MIB))
    return text, marker, None


def run_one(name: str, tmp: Path, settle: float = 2.0, timeout: float = 240.0) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from editor_app.core.render_process import budget_for
    from editor_app.ui.app import create_application
    from editor_app.ui.main_window import MainWindow

    create_application()
    text, marker, target = case_text(name)
    db = tmp / f"store-{name}" / "editor.sqlite"
    store = open_store(db)
    window = MainWindow(store, QSettings(str(tmp / f"ui-{name}.ini"), QSettings.Format.IniFormat))
    window.show()
    spin_until(lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 10)
    window.new_article()
    spin_until(lambda: not window.renderer.busy and window.autosave.state == "saved", 30)
    spin_until(lambda: False, 0.3)
    article_id = window.article.id

    asked: list[int] = []
    original_question = QMessageBox.question
    QMessageBox.question = staticmethod(lambda *a, **k: asked.append(len(text)) or QMessageBox.StandardButton.Yes)
    events: dict[str, float] = {}

    def on_saved(change) -> None:
        if "body" in change.fields and len(change.article.body) >= len(text) - 10 and "saved" not in events:
            events["saved"] = time.perf_counter()

    def on_updated(_changed: int) -> None:
        if "preview" in events:
            return
        t = time.perf_counter()
        js = (
            "(function(){var n=document.getElementById('preview-notice');"
            "if(n&&n.textContent.indexOf('Preview paused')>=0){return 'paused: '+n.textContent;}"
            "var e=document.getElementById('article');"
            f"return e&&e.textContent.indexOf({json.dumps(marker or text[-40:])})>=0?'content':'';}})()"
        )

        def result(value) -> None:
            if value and "preview" not in events:
                events["preview"] = t
                events["preview_kind"] = value  # type: ignore[assignment]

        window.preview.run_in_page(js, result)

    window.autosave.saved.connect(on_saved)
    window.preview.content_updated.connect(on_updated)
    QApplication.clipboard().setText(text)
    hb = Heartbeat()
    hb.start()
    spin_until(lambda: False, 0.2)
    window.editor.setFocus()
    t0 = time.perf_counter()
    window.editor.paste()
    t1 = time.perf_counter()
    done = spin_until(lambda: "saved" in events and "preview" in events, timeout)
    end = max(events.get("saved", t1), events.get("preview", t1)) + settle
    spin_until(lambda: time.perf_counter() >= end, settle + 5)
    hb.stop()
    QMessageBox.question = original_question
    stall, stall_at = hb.longest()
    stall_after, _ = hb.longest(after=t1)
    in_editor = window.editor.toPlainText()
    window.close()
    store.close()
    check = open_store(db)
    try:
        stored = check.get(article_id).body
    finally:
        check.close()
    window.deleteLater()
    spin_until(lambda: False, 0.5)
    return {
        "name": name,
        "target": target,
        "lines": text.count("\n") + 1,
        "chars": len(text),
        "asked": len(asked),
        "done": done,
        "paste": t1 - t0,
        "stall": stall,
        "stall_at": stall_at - t0,
        "stall_after": stall_after,
        "saved": events.get("saved", float("nan")) - t0,
        "preview": events.get("preview", float("nan")) - t0,
        "preview_kind": str(events.get("preview_kind", "none"))[:60],
        "budget": budget_for(text),
        "exact": stored == text and in_editor == text,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="brackets_100k,urls_100k,ten_lines_10k,1,5,10,50",
        help="comma-separated: sizes in MiB and/or " + ", ".join(LINE_CASES),
    )
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    print(f"machine: {machine()}")
    from editor_app.ui.editor.markdown_editor import LARGE_PASTE_CHARS, MAX_PASTE_CHARS

    print(f"editor: asks above {LARGE_PASTE_CHARS:,} characters, refuses above {MAX_PASTE_CHARS:,}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_paste_") as tmp:
        for size in sizes:
            r = run_one(size, Path(tmp))
            rows.append(r)
            print(f"  {size} done: {r}", file=sys.stderr)
    print()
    print(
        "| Paste | Lines | Characters | Asked first | paste() blocks | Longest UI stall (1 ms heartbeat) "
        "| Target | Longest stall after paste() | Saved after | Preview after | Preview shows | Saved exactly |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        kind = "content" if r["preview_kind"] == "content" else r["preview_kind"]
        label = r["name"] if r["name"] in LINE_CASES else f"{r['name']} MiB"
        target = f"< {r['target']} ms" if r["target"] else "-"
        print(
            f"| {label} | {r['lines']:,} | {r['chars']:,} | {'yes' if r['asked'] else 'no'} | {r['paste']:.2f} s "
            f"| {r['stall'] * 1000:.0f} ms | {target} | {r['stall_after'] * 1000:.0f} ms | {r['saved']:.1f} s "
            f"| {r['preview']:.1f} s (budget {r['budget']:.0f} s) | {kind} | {'yes' if r['exact'] else 'NO'} |"
        )


if __name__ == "__main__":
    main()
