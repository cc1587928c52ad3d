"""The command line as a user runs it: no display means a plain message, not a Qt traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _env_without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_gui_without_display_explains_how_to_run(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "editor_app", "--db", str(tmp_path / "s.sqlite")],
        env=_env_without_display(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "no display" in out.stderr
    assert "xvfb-run" in out.stderr and "QT_QPA_PLATFORM=offscreen" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "s.sqlite").exists()


def test_help_and_version_need_no_display():
    env = _env_without_display()
    out = subprocess.run(
        [sys.executable, "-m", "editor_app", "--help"], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and "--db" in out.stdout
    out = subprocess.run(
        [sys.executable, "-m", "editor_app", "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and "editor-app" in out.stdout


def _window_is_up(store: Path, proc: subprocess.Popen, guard_s: float = 120.0) -> bool:
    """The started window listens on its instance socket once it is shown (after QtWebEngine
    started); connect to it like a second start would. Hang guard only."""
    import socket
    import tempfile
    import time

    from editor_app.ui.window.instance_link import server_name

    address = str(Path(tempfile.gettempdir()) / server_name(store))
    deadline = time.monotonic() + guard_s
    while time.monotonic() < deadline and proc.poll() is None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            try:
                s.connect(address)
                return True
            except OSError:
                time.sleep(0.2)
    return False


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root meets Chromium's refusal")
def test_as_root_the_window_starts_with_the_sandbox_off_and_says_so(tmp_path):
    """Issue 21: as root `./dev run` exited 1 with only "Running as root without --no-sandbox"."""
    store = tmp_path / "s.sqlite"
    env = {k: v for k, v in os.environ.items() if k != "QTWEBENGINE_DISABLE_SANDBOX"}
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--disable-gpu"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor_app", "--db", str(store)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        up = _window_is_up(store, proc)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=60)
    assert up, f"the window did not start (exit {proc.returncode}): {err[-2000:]}"
    assert "running as root" in err and "QTWEBENGINE_DISABLE_SANDBOX=1" in err
    assert "Running as root without --no-sandbox is not supported" not in err
