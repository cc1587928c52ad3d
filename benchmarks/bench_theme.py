"""How long a theme switch holds the UI thread, with articles of 15 KB, 150 KB and 1.5 MB open.

View › Theme › Dark (then Light) on the real window: the palette, the highlighter, the icons,
style sheets and panes (ThemeController). Measured: the time until every part was told
(`theme.changed`, repaint included), the longest UI-thread stall (gaps of a 1 ms heartbeat),
and the time until the highlighter has recoloured every block (a long article is recoloured in
slices after the blocks on screen). The preview's attribute is set asynchronously.

Run (headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu \
    XDG_CONFIG_HOME=$(mktemp -d) PYTHONPATH=src .venv/bin/python benchmarks/bench_theme.py [--reps N]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import PySide6.QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer

from corpus import article
from editor_app.services.opening import open_store
from editor_app.ui.app import create_application

SIZES = (15_000, 150_000, 1_500_000)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    create_application()
    from editor_app.ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "bench.sqlite", seed_sample=False)
    ids = [store.create(title=f"Size {n}", body=article(n)).id for n in SIZES]
    window = MainWindow(store, QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    wait(1500)
    print(f"theme switch ({args.reps} switches each way), window 1400x900:")
    print("  size     | until told (median / max) | longest UI stall (max) | all blocks recoloured (median)")
    for size, article_id in zip(SIZES, ids, strict=True):
        window.open_article(article_id)
        wait(2000)
        told_s: list[float] = []
        stalls: list[float] = []
        done_s: list[float] = []
        for _ in range(args.reps):
            for choice in ("dark", "light"):
                beats: list[float] = []
                heart = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
                heart.timeout.connect(lambda beats=beats: beats.append(time.perf_counter()))
                heart.start()
                wait(50)
                told: list[float] = []
                window.theme.changed.connect(lambda _dark, told=told: told.append(time.perf_counter()))
                start = time.perf_counter()
                beats.append(start)
                window.theme.set_choice(choice)
                deadline = start + 30
                while (not told or window.highlighter.recolouring) and time.perf_counter() < deadline:
                    wait(5)
                done = time.perf_counter()
                wait(200)
                heart.stop()
                window.theme.changed.disconnect()
                told_s.append(told[0] - start)
                done_s.append(done - start)
                gaps = [b - a for a, b in itertools.pairwise(beats) if a >= start - 0.001]
                stalls.append(max(gaps))
        print(
            f"  {size / 1000:>6.0f} KB | {statistics.median(told_s) * 1000:7.0f} / {max(told_s) * 1000:5.0f} ms"
            f"          | {max(stalls) * 1000:7.0f} ms"
            f"             | {statistics.median(done_s) * 1000:7.0f} ms"
        )
    window.close()
    store.close()


if __name__ == "__main__":
    main()
