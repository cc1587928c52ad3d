"""Screenshots of the real window at the sizes a desk has, in both workspaces (issue 19).

Usage: .venv/bin/python scripts/layout_shots.py [OUT_DIR]   (default: /tmp/layout_shots)
Prints, per shot, the editor's characters per line: the readable-measure figure.
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

SIZES = ((1920, 1080), (1440, 900), (1280, 800), (1024, 768), (800, 600))


def chars_per_line(editor) -> int:
    from editor_app.ui.window.text_room import _SAMPLE

    fm = editor.fontMetrics()
    per_char = fm.horizontalAdvance(_SAMPLE) / len(_SAMPLE)
    return int(editor.viewport().width() / per_char)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/layout_shots")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="editor_app_layout_"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from editor_app.ui.app import create_application
    from editor_app.ui.main_window import MainWindow

    app = create_application()
    store = open_store(tmp / "store.sqlite")
    window = MainWindow(store, QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat))
    window.show()

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    settle(3000)
    for workspace in ("write", "review"):
        window.layout_.workspaces.switch(workspace)
        for w, h in SIZES:
            window.resize(w, h)
            settle(900)
            path = out / f"{workspace}_{w}x{h}.png"
            window.grab().save(str(path))
            room = window.layout_.room
            print(
                f"{path.name}: {chars_per_line(window.editor)} chars/line, library "
                f"{'shown' if window.library.isVisible() else 'folded'}, preview "
                f"{'tab' if room.tabbed else ('beside' if window.preview.isVisible() else 'hidden')}"
            )
    window.close()
    store.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
