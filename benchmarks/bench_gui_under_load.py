#!/usr/bin/env python3
"""The whole GUI suite, several times in a row, while CPU hogs keep every core busy (issue 20).

A writer's machine is often busy; a crash that only shows under load is still a crash. Each
run is a fresh `pytest tests/gui -p no:randomly` with faulthandler on; a run that dies by a
signal (segmentation fault: exit -11 or 139) is a crash, whatever the tests said.

    .venv/bin/python benchmarks/bench_gui_under_load.py [--runs 5] [--hogs 2] [pytest args]

Target: every run completes, none crashes. Prints one table row per run and a summary.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOG = "while True:\n    pass\n"


def start_hogs(n: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(n)]


def stop_hogs(hogs: list[subprocess.Popen]) -> None:
    for h in hogs:
        h.kill()
    for h in hogs:
        h.wait()


def run_suite(extra: list[str]) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="gui-load-")
    if os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "pytest", "tests/gui", "-p", "no:randomly", "-q", *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    tail = (proc.stdout + proc.stderr).strip().splitlines()
    summary = next((line for line in reversed(tail) if re.search(r"\d+ (passed|failed)", line)), "")
    crashed = proc.returncode < 0 or proc.returncode in (134, 139) or "Fatal Python error" in proc.stderr
    return {"rc": proc.returncode, "seconds": seconds, "summary": summary, "crashed": crashed, "log": tail[-40:]}


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hogs", type=int, default=2, help="busy-looping processes (default 2, one per core here)")
    args, extra = parser.parse_known_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {args.hogs} CPU hogs", flush=True)
    print("| Run | Exit | Crashed | Time | Load (1/5/15 min) at end | pytest |", flush=True)
    print("|---|---|---|---|---|---|", flush=True)
    hogs = start_hogs(args.hogs)
    results = []
    try:
        for i in range(1, args.runs + 1):
            r = run_suite(extra)
            results.append(r)
            print(
                f"| {i} | {r['rc']} | {'YES' if r['crashed'] else 'no'} | {r['seconds']:.0f} s | {load_average()} "
                f"| {r['summary']} |",
                flush=True,
            )
            if r["crashed"] or r["rc"] != 0:
                print("\n".join("    " + line for line in r["log"]), flush=True)
    finally:
        stop_hogs(hogs)
    crashes = sum(r["crashed"] for r in results)
    green = sum(r["rc"] == 0 for r in results)
    verdict = "ok" if crashes == 0 and green == len(results) else "MISSED"
    print(f"\n{len(results) - crashes} of {len(results)} runs without a crash, {green} green: {verdict}")
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
