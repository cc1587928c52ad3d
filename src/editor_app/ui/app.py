"""Starting the GUI: the application object, the store (with clear errors), the window."""

from __future__ import annotations

import sys
from pathlib import Path

from editor_app import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__


def create_application(argv: list[str] | None = None):
    # QtWebEngine must be imported before the application object exists.
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("editor-app")
    from editor_app.ui.common import gc_on_ui_thread

    gc_on_ui_thread.install(app)
    return app


def run_gui(db_path: Path | str | None = None) -> int:
    app = create_application()
    from editor_app.ui.transfer.store_opening import open_store_interactively

    opened = open_store_interactively(db_path)
    if opened is None:
        return 0  # the writer chose to stop (or to bring the running window forward)
    from editor_app.ui.editor.recovery import offer_recovery
    from editor_app.ui.main_window import MainWindow

    window = MainWindow(opened.store)
    window.store_lock = opened.lock
    window.show()
    from editor_app.core.identity import suggested_name
    from editor_app.store.settings import SettingsStore
    from editor_app.ui.window.first_start import ask_name_if_needed

    # First start on this OS account: who is this? (rules in ui/window/first_start.py)
    ask_name_if_needed(window, suggested_name(SettingsStore(opened.store).load().desk_user))
    if opened.lock is not None:  # a second start on this store brings this window forward
        from editor_app.ui.window.instance_link import InstanceServer

        link = InstanceServer(opened.store.path, window)
        link.raise_requested.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    if window.journal is not None and offer_recovery(window, opened.store, window.journal):
        window.reload_library()
        window.reload_current()
    app.aboutToQuit.connect(window.autosave.flush)
    try:
        return app.exec()
    finally:
        # Delete the window (and its web page) while the application object still exists.
        from PySide6.QtCore import QCoreApplication, QEvent

        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        opened.close()
