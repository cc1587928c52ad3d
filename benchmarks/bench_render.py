"""Render time for 15 KB, 150 KB and 1.5 MB articles, in-process and through the child renderer.

Run: .venv/bin/python benchmarks/bench_render.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article  # noqa: E402

from editor_app.core.render import render_markdown  # noqa: E402
from editor_app.core.render_process import RenderProcess  # noqa: E402

SIZES = {"15 KB": 15_000, "150 KB": 150_000, "1.5 MB": 1_500_000}


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples), max(samples)


def main() -> None:
    print(f"{'size':>8} {'in-process median':>18} {'child process median':>21} {'child max':>10}")
    with RenderProcess() as rp:
        rp.render("warm up")
        for label, size in SIZES.items():
            text = article(size)
            runs = 3 if size > 1_000_000 else 7
            med_in, _ = timed(lambda: render_markdown(text), runs)
            med_child, max_child = timed(lambda: rp.render(text), runs)
            print(f"{label:>8} {med_in * 1000:>15.0f} ms {med_child * 1000:>18.0f} ms {max_child * 1000:>7.0f} ms")


if __name__ == "__main__":
    main()
