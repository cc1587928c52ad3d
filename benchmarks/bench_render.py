"""Render time for 15 KB, 150 KB and 1.5 MB articles.

- whole: one in-process Python-Markdown + nh3 render of the full text;
- child cold: first render through the child-process renderer (nothing cached);
- child after edit: a word inserted in the middle, then rendered (what a writer waits for).

Run: .venv/bin/python benchmarks/bench_render.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article
from editor_app.core.render import render_markdown
from editor_app.core.render_process import RenderProcess

SIZES = {"15 KB": 15_000, "150 KB": 150_000, "1.5 MB": 1_500_000}


def main() -> None:
    print(f"{'size':>7} | {'whole, median':>13} | {'child cold':>10} | {'child after edit, median / max':>30}")
    for label, size in SIZES.items():
        text = article(size)
        runs = 3 if size > 1_000_000 else 7
        whole = []
        for _ in range(runs):
            t = time.perf_counter()
            render_markdown(text)
            whole.append(time.perf_counter() - t)
        with RenderProcess() as rp:
            rp.render("warm up the interpreter")
            t = time.perf_counter()
            assert rp.render(text).ok
            cold = time.perf_counter() - t
            edits = []
            for i in range(runs):
                pos = text.index(" ", len(text) // 2 + i * 997)
                text = text[:pos] + f" edit{i}" + text[pos:]
                t = time.perf_counter()
                out = rp.render(text)
                edits.append(time.perf_counter() - t)
                assert out.ok and f"edit{i}" in out.html
        print(
            f"{label:>7} | {statistics.median(whole) * 1000:>10.0f} ms | {cold * 1000:>7.0f} ms | "
            f"{statistics.median(edits) * 1000:>14.0f} ms / {max(edits) * 1000:>6.0f} ms"
        )


if __name__ == "__main__":
    main()
