"""The command line as a user runs it: no display means a plain message, not a Qt traceback."""

from __future__ import annotations

import os
import subprocess
import sys


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
