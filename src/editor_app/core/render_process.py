"""Rendering in a child process that can be abandoned: the time budget for hostile Markdown.

Python-Markdown can run for minutes (50,000 `[` then `]`) or overflow the stack (deep nesting)
on some inputs. The parent sends the text to a long-lived child; if no answer arrives within
the budget, the child is killed and a fresh one starts on the next request. The parent thread
blocks, so callers with a UI run this from a worker thread.
"""

from __future__ import annotations

import json
import os
import queue
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import BinaryIO, Literal

from editor_app.core.text import TextStats, normalize_for_store

Status = Literal["ok", "timeout", "error"]
_HEADER = struct.Struct("!I")
MEMORY_LIMIT_BYTES = 2 * 1024**3


def budget_for(text: str) -> float:
    """Seconds a render may take: generous for long documents, short for small hostile ones."""
    return 2.0 + len(text) / 500_000


@dataclass(frozen=True)
class RenderOutcome:
    status: Status
    html: str = ""
    stats: TextStats | None = None
    message: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def _read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


class RenderProcess:
    """One child renderer; `render()` is blocking and not reentrant (one render in flight)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[bytes | None] = queue.Queue()
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        proc = subprocess.Popen(
            [sys.executable, "-m", "editor_app.core.render_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        replies: queue.Queue[bytes | None] = queue.Queue()
        self._replies = replies
        stdout = proc.stdout
        assert stdout is not None

        def pump() -> None:
            while True:
                frame = _read_frame(stdout)
                replies.put(frame)
                if frame is None:
                    return

        threading.Thread(target=pump, name="render-reply-reader", daemon=True).start()
        self._proc = proc
        return proc

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.kill()
            proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass

    def render(self, text: str, budget: float | None = None) -> RenderOutcome:
        budget = budget_for(text) if budget is None else budget
        payload = normalize_for_store(text).text.encode("utf-8")
        started = time.perf_counter()
        with self._lock:
            proc = self._proc if self._proc and self._proc.poll() is None else self._start()
            try:
                assert proc.stdin is not None
                _write_frame(proc.stdin, payload)
            except OSError as exc:
                self._kill()
                return RenderOutcome("error", message=f"renderer could not start: {exc}")
            try:
                frame = self._replies.get(timeout=budget)
            except queue.Empty:
                self._kill()
                return RenderOutcome(
                    "timeout",
                    message=f"rendering took longer than {budget:.1f} s and was stopped",
                    seconds=time.perf_counter() - started,
                )
            if frame is None:
                self._kill()
                return RenderOutcome(
                    "error", message="the renderer stopped unexpectedly", seconds=time.perf_counter() - started
                )
        reply = json.loads(frame)
        seconds = time.perf_counter() - started
        if "error" in reply:
            return RenderOutcome("error", message=reply["error"], seconds=seconds)
        return RenderOutcome("ok", html=reply["html"], stats=TextStats(**reply["stats"]), seconds=seconds)

    def close(self) -> None:
        """Stop the child; safe from another thread while a render is blocked on it."""
        proc = self._proc
        if proc is not None:
            try:
                proc.kill()  # the reply reader sees EOF, so a blocked render() returns at once
            except OSError:
                pass
        if self._lock.acquire(timeout=5):
            try:
                self._kill()
            finally:
                self._lock.release()

    def __enter__(self) -> RenderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _child_main() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    except (ImportError, ValueError, OSError):
        pass
    sys.setrecursionlimit(4000)
    from editor_app.core.render_cache import SectionRenderer
    from editor_app.core.text import text_stats

    renderer = SectionRenderer()  # lives as long as the child: unchanged sections are reused

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        frame = _read_frame(stdin)
        if frame is None:
            return
        try:
            text = frame.decode("utf-8")
            reply = {"html": renderer.render(text), "stats": text_stats(text).__dict__}
        except RecursionError:
            reply = {"error": "the document is nested too deeply to preview"}
        except MemoryError:
            reply = {"error": "the document needs too much memory to preview"}
        except Exception as exc:
            reply = {"error": f"rendering failed: {type(exc).__name__}: {exc}"}
        _write_frame(stdout, json.dumps(reply).encode("utf-8"))


if __name__ == "__main__":
    _child_main()
