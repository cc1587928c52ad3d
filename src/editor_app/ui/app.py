"""Starting the GUI: the application object, the store (with clear errors), the window."""

from __future__ import annotations

import sys
from pathlib import Path

from editor_app import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__


def create_application(argv: list[str] | None = None):  # noqa: ANN201 - QApplication
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
    return app


def open_store_interactively(db_path: Path | None):  # noqa: ANN201 - Store | None
    """Open the store; on failure explain and offer another file (never overwrite the bad one)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from editor_app.store.errors import StoreError
    from editor_app.store.store import Store

    path = db_path
    while True:
        try:
            return Store.open(path)
        except StoreError as exc:
            box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open the store", str(exc))
            other = box.addButton("Open Another File…", QMessageBox.ButtonRole.AcceptRole)
            new = box.addButton("Create a New Store…", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            clicked = box.clickedButton()
            if clicked is other:
                chosen, _ = QFileDialog.getOpenFileName(None, "Open store", "", "SQLite stores (*.sqlite *.db);;All files (*)")
            elif clicked is new:
                chosen, _ = QFileDialog.getSaveFileName(None, "New store", "editor_app.sqlite", "SQLite stores (*.sqlite)")
            else:
                return None
            if not chosen:
                return None
            path = Path(chosen)


def run_gui(db_path: Path | None = None) -> int:
    app = create_application()
    store = open_store_interactively(db_path)
    if store is None:
        return 1
    from editor_app.ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    app.aboutToQuit.connect(window.autosave.flush)
    try:
        return app.exec()
    finally:
        # Delete the window (and its web page) while the application object still exists.
        from PySide6.QtCore import QCoreApplication, QEvent

        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()
