"""Make docs/screenshot.png from the real window (offscreen), so the README picture stays current.

Usage: .venv/bin/python scripts/screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from editor_app.services.opening import open_store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshot.png")
    tmp = Path(tempfile.mkdtemp(prefix="editor_app_shot_"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from PySide6.QtCore import QEvent, QEventLoop, QSettings, QTimer

    from editor_app.ui.app import create_application
    from editor_app.ui.main_window import MainWindow

    app = create_application()
    store = open_store(tmp / "store.sqlite")
    window = MainWindow(store, QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
    window.resize(1480, 900)
    window.show()
    window.splitter.setSizes([270, 610, 600])

    loop = QEventLoop()
    window.preview.content_updated.connect(lambda _n: QTimer.singleShot(1500, loop.quit))
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(out)
    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
