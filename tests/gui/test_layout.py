"""The layout gives the text room (issue 19): a readable measure while there is room, the preview
in a tab when there is not, two workspaces, Reset Layout, zoom, and the help pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor_app.ui.window.text_room import _SAMPLE, DOCK_MIN, LIBRARY_MIN, MEASURE_CHARS, PREVIEW_MIN, plan

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = CTRL | Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def chars_per_line(editor) -> float:
    fm = editor.fontMetrics()
    return editor.viewport().width() / (fm.horizontalAdvance(_SAMPLE) / len(_SAMPLE))


def test_plan_gives_way_in_order():
    measure = 520
    wide = plan(1600, measure, library_wanted=True, preview_wanted=True, preview_as_tab=False, dock_width=0)
    assert wide.library and wide.preview_beside and wide.centre >= measure
    # the side pane narrows before the preview leaves
    squeezed = plan(
        LIBRARY_MIN + PREVIEW_MIN + measure + DOCK_MIN + 12,
        measure,
        library_wanted=True,
        preview_wanted=True,
        preview_as_tab=False,
        dock_width=420,
    )
    assert squeezed.preview_beside and squeezed.dock_width == DOCK_MIN
    tab = plan(1024, measure, library_wanted=True, preview_wanted=True, preview_as_tab=False, dock_width=0)
    assert tab.library and not tab.preview_beside and tab.centre >= measure
    narrow = plan(700, measure, library_wanted=True, preview_wanted=True, preview_as_tab=False, dock_width=0)
    assert not narrow.library and not narrow.preview_beside  # the library folds last


def test_text_keeps_a_readable_measure_and_the_preview_moves_to_a_tab(qtbot, make_window):
    window = make_window()
    room = window.layout_.room
    for width in (1920, 1440, 1280, 1024):
        window.resize(width, 800)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=30000)
        qtbot.wait(50)
        room.fit()
        qtbot.waitUntil(lambda: chars_per_line(window.editor) >= MEASURE_CHARS, timeout=30000)
    assert room.tabbed and window.layout_.tabs.isVisible()  # 1024: no room for the preview beside
    assert not window.preview.isVisible() and window.editor.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_P, CTRL_SHIFT)  # in a tab, the preview key flips to it
    qtbot.waitUntil(window.preview.isVisible, timeout=30000)
    assert not window.editor.isVisible() and window.actions_["toggle_preview"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(window.editor.isVisible, timeout=30000)
    window.resize(1600, 900)  # room again: the preview comes back beside the text
    qtbot.waitUntil(lambda: not room.tabbed and window.preview.isVisible() and window.editor.isVisible(), timeout=30000)


def test_find_bar_does_not_squeeze_the_preview(qtbot, make_window):
    window = make_window()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=30000)
    window.layout_.room.fit()
    qtbot.keyClick(window.editor, Qt.Key.Key_H, CTRL)
    qtbot.waitUntil(window.find_bar.isVisible, timeout=30000)
    qtbot.wait(100)
    window.layout_.room.fit()
    assert window.preview.isVisible() and window.preview.width() >= PREVIEW_MIN - 10
    assert chars_per_line(window.editor) >= MEASURE_CHARS - 1


def test_workspaces_switch_remember_and_reset(qtbot, make_window):
    window = make_window()
    layout = window.layout_
    assert layout.workspaces.current == "write"
    assert window.library.isVisible() and not window.claims_dock.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_2, CTRL_ALT)  # Review
    qtbot.waitUntil(lambda: window.claims_dock.isVisible() and window.review.checklist_dock.isVisible(), timeout=30000)
    assert layout.workspaces.current == "review" and window.actions_["workspace_review"].isChecked()
    assert not window.library.isVisible()
    assert window.dockWidgetArea(window.claims_dock) == window.dockWidgetArea(window.review.checklist_dock)
    assert window.review.checklist_dock not in window.tabifiedDockWidgets(window.claims_dock)  # stacked, not tabbed
    window.review.sources_dock.hide()  # the desk arranges Review its own way
    qtbot.keyClick(window.editor, Qt.Key.Key_1, CTRL_ALT)  # Write
    qtbot.waitUntil(lambda: window.library.isVisible() and not window.claims_dock.isVisible(), timeout=30000)
    window.actions_["switch_workspace"].trigger()  # back to Review, as it was left
    qtbot.waitUntil(window.claims_dock.isVisible, timeout=30000)
    assert window.review.sources_dock.isHidden()
    window.actions_["reset_layout"].trigger()
    qtbot.waitUntil(lambda: not window.review.sources_dock.isHidden(), timeout=30000)
    window.close()
    again = make_window()  # a restart keeps the workspace
    assert again.layout_.workspaces.current == "review"
    assert again.claims_dock.isVisible()


def test_zoom_scales_text_and_preview_and_survives_restart(qtbot, make_window):
    window = make_window()
    size = window.editor.font().pointSizeF()
    qtbot.keyClick(window.editor, Qt.Key.Key_Equal, CTRL)
    assert window.editor.font().pointSizeF() > size
    assert window.preview.zoomFactor() > 1.0
    qtbot.keyClick(window.editor, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window.editor, Qt.Key.Key_Minus, CTRL)
    assert window.editor.font().pointSizeF() < size and window.preview.zoomFactor() < 1.0
    zoomed = window.editor.font().pointSizeF()
    window.close()
    again = make_window()
    assert again.editor.font().pointSizeF() == zoomed
    qtbot.keyClick(again.editor, Qt.Key.Key_0, CTRL)
    assert again.editor.font().pointSizeF() == size and again.preview.zoomFactor() == 1.0


def test_help_has_the_claim_syntax_the_front_matter_and_every_shortcut(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window.editor, Qt.Key.Key_F1)
    dialog = window._help_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=30000)
    guide = dialog.guide.toPlainText()
    assert "<!--claim c1-->" in guide and "<!--/claim-->" in guide
    assert "reported_by" in guide and "tickers" in guide and "denies" in guide
    shortcuts = dialog.shortcuts.toPlainText()
    for command, keys in (("Mark as Claim", "Ctrl+Shift+M"), ("Show Stocks", "Ctrl+Shift+T"), ("Bold", "Ctrl+B")):
        assert command in shortcuts and keys in shortcuts
    help_items = [a.text().replace("&", "") for a in window.menuBar().actions()[-1].menu().actions()]
    assert "Writer's Guide" in help_items and "Keyboard Shortcuts" in help_items
    dialog.close()
    assert QApplication.activeModalWidget() is None


def test_a_long_headline_wraps_whole_and_stays_one_line_of_text(qtbot, make_window):
    from PySide6.QtGui import QGuiApplication

    from tests.gui.review_steps import settle

    window = make_window()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=30000)
    title = window.header.title
    headline = "Ford and Xiaomi deny a newspaper report of talks on a joint US electric-vehicle venture"
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, headline)
    qtbot.keyClick(title, Qt.Key.Key_Return)  # Enter goes on to the next field, adds no line
    assert window.header.dek.hasFocus()
    QApplication.processEvents()
    line = title.fontMetrics().lineSpacing()
    assert title.height() >= 2 * line  # the field grew: the whole headline is on screen
    layout = title.document().documentLayout()
    assert layout.documentSize().height() * line <= title.viewport().height() + 1
    settle(qtbot, window)
    assert window.store.get(window.article.id).title == headline

    QGuiApplication.clipboard().setText("Xiaomi shares rise\non the denial")  # pasted lines: one headline
    title.setFocus()
    title.selectAll()
    title.paste()
    settle(qtbot, window)
    assert window.store.get(window.article.id).title == "Xiaomi shares rise on the denial"
