from PySide6.QtWidgets import QLabel, QMainWindow

from editor_app.ui.common.docks import LazyDock


def test_dock_content_is_built_on_first_show_only(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    built: list[QLabel] = []
    dock = LazyDock("Claims", "claimsDock", lambda: built.append(QLabel("claims")) or built[-1], window)
    window.addDockWidget(dock.allowedAreas().__class__.RightDockWidgetArea, dock)
    dock.hide()
    window.show()
    assert built == [] and not dock.built
    dock.show()
    qtbot.waitUntil(lambda: dock.built)
    dock.hide()
    dock.show()
    assert len(built) == 1 and dock.widget() is built[0]
