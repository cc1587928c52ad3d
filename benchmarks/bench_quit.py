"""Ctrl+Q to gone, measured from outside on a real X display (issue 19: "quitting takes seconds").

Starts Xvfb (unless DISPLAY is set), launches `editor-app` on a fresh store with a fresh
config, waits until its window is mapped and has settled, sends Ctrl+Q with xdotool, and
times (a) until the window is unmapped, (b) until the process has exited. Median of N runs.
Run it alone (2 cores): `.venv/bin/python benchmarks/bench_quit.py --runs 5`.
Needs xvfb and xdotool (`apt-get install xvfb xdotool`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Editor App"


def _visible(display: str) -> list[str]:
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", TITLE],
        capture_output=True,
        text=True,
        env={**os.environ, "DISPLAY": display},
    )
    return out.stdout.split()


def one_run(display: str, settle_s: float) -> tuple[float, float]:
    tmp = Path(tempfile.mkdtemp(prefix="bench_quit_"))
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "EDITOR_APP_NO_FIRST_RUN": "1",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
    }
    app = subprocess.Popen(
        [str(ROOT / ".venv/bin/editor-app"), "--db", str(tmp / "store.sqlite")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (windows := _visible(display)):
            if time.monotonic() > deadline or app.poll() is not None:
                raise RuntimeError("the window never appeared")
            time.sleep(0.05)
        time.sleep(settle_s)  # first render, lazy panes, suggestions: let them finish
        # no window manager on Xvfb: give the window the input focus, then type through XTEST
        # (`key --window` sends synthetic events, which Qt ignores)
        subprocess.run(["xdotool", "windowfocus", "--sync", windows[0]], env=env, capture_output=True, timeout=10)
        t0 = time.monotonic()
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True)
        unmapped = None
        while app.poll() is None:
            if unmapped is None and not _visible(display):
                unmapped = time.monotonic() - t0
            if time.monotonic() - t0 > 60:
                raise RuntimeError("still running 60 s after Ctrl+Q")
            time.sleep(0.01)
        gone = time.monotonic() - t0
        return (unmapped if unmapped is not None else gone), gone
    finally:
        if app.poll() is None:
            app.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--settle", type=float, default=4.0, help="seconds between mapped and Ctrl+Q")
    args = ap.parse_args()
    for tool in ("xdotool",):
        if shutil.which(tool) is None:
            print(f"bench_quit: {tool} is not installed (apt-get install xdotool)", file=sys.stderr)
            return 2
    xvfb = None
    display = os.environ.get("DISPLAY", "")
    if not display:
        display = ":58"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"])
        time.sleep(1.0)
    try:
        results = [one_run(display, args.settle) for _ in range(args.runs)]
    finally:
        if xvfb is not None:
            xvfb.terminate()
    hidden = [r[0] for r in results]
    gone = [r[1] for r in results]
    print(f"Ctrl+Q -> window gone:  median {statistics.median(hidden):.2f} s, max {max(hidden):.2f} s")
    print(f"Ctrl+Q -> process gone: median {statistics.median(gone):.2f} s, max {max(gone):.2f} s")
    print("runs:", ", ".join(f"{h:.2f}/{g:.2f}" for h, g in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
