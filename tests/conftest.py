"""Test environment: headless Qt, a private data directory and private QSettings."""

import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="editor_app_tests_"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = str(_TMP / "data")        # platformdirs: never the real user store
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")    # QSettings on Linux
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # QtWebEngine refuses root otherwise
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
