"""Scroll sync both ways, focus mode, typewriter scrolling and full screen, driven through the
real window: keys, the View menu's actions, the scroll bars and the preview page's own DOM."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

TOPICS = (
    "The central bank kept its benchmark rate unchanged on Thursday.",
    "Bond yields edged higher as traders priced in fewer cuts next year.",
    "The company said quarterly revenue rose on stronger demand for its chips.",
    "Analysts had expected a smaller increase, according to a survey by the desk.",
    "Shares of the retailer fell after it cut its outlook for the holiday season.",
)


def long_story(paragraphs: int = 120) -> str:
    """A story long enough to scroll: headings every ten paragraphs, sentences of our own."""
    parts = []
    for i in range(paragraphs):
        if i % 10 == 0:
            parts.append(f"## Part {i // 10 + 1}")
        parts.append(f"Paragraph {i}. " + " ".join(TOPICS[(i + k) % len(TOPICS)] for k in range(3)))
    return "\n\n".join(parts) + "\n"


def _js(qtbot, window, code: str):
    result: dict = {}
    window.preview.run_in_page(code, lambda value: result.setdefault("v", value))
    qtbot.waitUntil(lambda: "v" in result, timeout=30000)
    return result["v"]


def open_long_story(qtbot, make_window, text: str | None = None):
    window = make_window()
    window.new_article()
    window.editor.setPlainText(text or long_story())
    blocks = window.editor.document().blockCount()
    # the preview has rendered the whole story (its last block carries the last line's number)
    qtbot.waitUntil(
        lambda: (
            _js(
                qtbot,
                window,
                "(function(){var e=document.querySelectorAll('#article [data-line]');"
                "return e.length ? parseInt(e[e.length-1].getAttribute('data-line')) : 0})()",
            )
            or 0
        )
        >= blocks - 2,
        timeout=60000,
    )
    return window


def preview_top_of_line(qtbot, window, line: int) -> float | None:
    """Where the block of source line `line` is, relative to the top of the preview's viewport."""
    return _js(
        qtbot,
        window,
        f"(function(){{var e=document.querySelector('#article [data-line=\"{line}\"]');"
        "return e ? e.getBoundingClientRect().top : null})()",
    )


def preview_scroll_y(qtbot, window) -> float:
    return float(_js(qtbot, window, "window.scrollY"))


def heading_line(window, number: int) -> int:
    """The 1-based source line of the heading "## Part <number>"."""
    block = window.editor.document().find(f"## Part {number}").block()
    return block.blockNumber() + 1


def scroll_editor_to_line(window, line: int) -> None:
    block = window.editor.document().findBlockByNumber(line - 1)
    window.editor.verticalScrollBar().setValue(block.firstLineNumber())


def sync_settled(window) -> bool:
    sync = window.writing.sync
    return not sync._to_preview.isActive() and not sync._to_editor.isActive()


# -- scroll sync ------------------------------------------------------------------------------


def test_scrolling_the_editor_brings_the_same_block_to_the_top_of_the_preview(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    assert window.actions_["sync_scrolling"].isChecked()  # on by default
    line = heading_line(window, 6)
    scroll_editor_to_line(window, line)
    assert window.editor.firstVisibleBlock().blockNumber() + 1 == line
    qtbot.waitUntil(lambda: abs(preview_top_of_line(qtbot, window, line) or 1e9) <= 2, timeout=30000)
    _js(qtbot, window, "1")  # a round trip: a report of the page's scroll would have come by now
    qtbot.waitUntil(lambda: sync_settled(window))
    assert window.editor.firstVisibleBlock().blockNumber() + 1 == line  # nothing bounced back

    # half-way through a paragraph: the preview is between that block and the next
    middle = line + 4  # a paragraph (lines alternate with blank ones)
    block = window.editor.document().findBlockByNumber(middle - 1)
    qtbot.waitUntil(lambda: block.lineCount() > 1 or block.layout().lineCount() > 1, timeout=10000)
    window.editor.verticalScrollBar().setValue(block.firstLineNumber() + 1)
    qtbot.waitUntil(lambda: (preview_top_of_line(qtbot, window, middle) or 0) < -2, timeout=30000)
    assert (preview_top_of_line(qtbot, window, middle + 2) or 0) > 0


def test_scrolling_the_preview_brings_the_same_line_to_the_top_of_the_editor(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    line = heading_line(window, 9)
    _js(qtbot, window, f"document.querySelector('#article [data-line=\"{line}\"]').scrollIntoView(true); 1")
    qtbot.waitUntil(lambda: window.editor.firstVisibleBlock().blockNumber() + 1 == line, timeout=30000)
    # the editor's move is not sent back: the preview stays where the reader put it
    qtbot.waitUntil(lambda: sync_settled(window))
    assert abs(preview_top_of_line(qtbot, window, line)) <= 2

    # to the very top of the page: the editor to its first line
    _js(qtbot, window, "window.scrollTo(0, 0); 1")
    qtbot.waitUntil(lambda: window.editor.verticalScrollBar().value() == 0, timeout=30000)


def test_sync_off_leaves_the_other_side_alone_and_is_remembered(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    action = window.actions_["sync_scrolling"]
    assert action in window.view_menu.actions()
    action.trigger()  # View › Sync Scrolling
    assert not action.isChecked()
    before = preview_scroll_y(qtbot, window)
    scroll_editor_to_line(window, heading_line(window, 7))
    qtbot.waitUntil(lambda: sync_settled(window))
    assert preview_scroll_y(qtbot, window) == before  # page scripts run in order: nothing came

    top_before = window.editor.verticalScrollBar().value()
    line = heading_line(window, 3)
    _js(qtbot, window, f"document.querySelector('#article [data-line=\"{line}\"]').scrollIntoView(true); 1")
    qtbot.waitUntil(lambda: sync_settled(window))
    _js(qtbot, window, "1")  # a round trip: a report from the page would have arrived by now
    assert window.editor.verticalScrollBar().value() == top_before

    window.close()
    again = make_window()
    assert not again.actions_["sync_scrolling"].isChecked()


def test_a_re_render_keeps_the_synced_place(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    line = heading_line(window, 5)
    scroll_editor_to_line(window, line)
    qtbot.waitUntil(lambda: abs(preview_top_of_line(qtbot, window, line) or 1e9) <= 2, timeout=30000)
    # type into the first paragraph, far above the place: the page grows above the reader
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.document().findBlockByNumber(2).position())
    cursor.insertText("A sentence added at the top pushes every block of the page down a little. " * 8 + "\n\n")
    qtbot.waitUntil(lambda: "pushes every block" in _js(qtbot, window, "document.body.innerText"), timeout=30000)
    moved = line + 2  # two lines were added above
    assert window.editor.firstVisibleBlock().blockNumber() + 1 in (moved, line)
    top = window.editor.firstVisibleBlock().blockNumber() + 1
    qtbot.waitUntil(lambda: abs(preview_top_of_line(qtbot, window, top) or 1e9) <= 2, timeout=30000)


def test_jumps_move_both_views(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    line = heading_line(window, 8)
    window.reveal_line(line)  # what the Outline calls
    assert window.editor.textCursor().blockNumber() + 1 == line
    assert window.editor.firstVisibleBlock().blockNumber() + 1 == line
    qtbot.waitUntil(lambda: abs(preview_top_of_line(qtbot, window, line) or 1e9) <= 2, timeout=30000)

    # a spot in the text (the Claims panel's jump): in the middle of both
    target = heading_line(window, 3) + 2
    cursor = QTextCursor(window.editor.document().findBlockByNumber(target - 1))
    window.editor.setTextCursor(cursor)
    window.reveal_cursor()
    rect = window.editor.cursorRect()
    assert 0 < rect.top() < window.editor.viewport().height()
    height = _js(qtbot, window, "window.innerHeight")
    qtbot.waitUntil(lambda: 0 < (preview_top_of_line(qtbot, window, target) or -1) < height, timeout=30000)


# -- focus mode -------------------------------------------------------------------------------


def focus(window) -> tuple[int, int] | None:
    return window.writing.focus.focus_span()


def shaded_at(window, position: int) -> bool:
    """Is the text at `position` under focus mode's shade?"""
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(position)
    point = window.editor.cursorRect(cursor).center()
    point.setX(point.x() + 2)
    return any(r.contains(point) for r in window.writing.focus.shaded())


def test_focus_mode_dims_all_but_the_paragraph_and_follows_the_cursor(qtbot, make_window):
    text = (
        "First paragraph, first line.\nIts second line.\n\n"
        "Second paragraph. It has two sentences.\n\n"
        "Third paragraph at the end."
    )
    window = make_window()
    window.new_article()
    editor = window.editor
    editor.setPlainText(text)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert focus(window) is None and window.writing.focus.shaded() == []
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert window.actions_["focus_mode"].isChecked()
    first_end = text.index("\n\n")
    second, third = text.index("Second"), text.index("Third")
    assert focus(window) == (0, first_end)
    assert not shaded_at(window, 0) and not shaded_at(window, text.index("Its"))
    assert shaded_at(window, second) and shaded_at(window, third)

    qtbot.keyClick(editor, Qt.Key.Key_Down)  # the second line of the same paragraph: nothing moves
    assert focus(window) == (0, first_end)
    for _ in range(2):
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    second_end = text.index("\n\nThird")
    assert focus(window) == (second, second_end)
    assert shaded_at(window, 0) and not shaded_at(window, second) and shaded_at(window, third)
    # a click on dimmed text reaches the text under the shade, and the focus moves there
    cursor = QTextCursor(editor.document())
    cursor.setPosition(third + 3)
    point = editor.cursorRect(cursor).center()
    assert QApplication.widgetAt(editor.viewport().mapToGlobal(point)) is editor.viewport()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert focus(window) == (third, len(text))
    for _ in range(2):
        qtbot.keyClick(editor, Qt.Key.Key_Up)

    # typing in the focus keeps it bright, at its end too
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " More")
    assert focus(window) == (second, second_end + 5)
    assert not shaded_at(window, second_end + 4)

    # sentence mode: only the sentence being written stays bright ("More" is one already)
    window.actions_["focus_sentence"].trigger()
    now = editor.document().toPlainText()
    more = now.index("More")
    assert focus(window) == (more, more + 4)
    assert shaded_at(window, second) and not shaded_at(window, more)
    for _ in range(len("More") + 2):
        qtbot.keyClick(editor, Qt.Key.Key_Left)  # back into "...two sentences."
    it_has = now.index("It has")
    assert focus(window) == (it_has, now.index("sentences.") + len("sentences."))
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert focus(window) == (second, second + len("Second paragraph."))
    assert not shaded_at(window, second) and shaded_at(window, it_has)

    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert focus(window) is None and window.writing.focus.shaded() == []
    assert not window.writing.focus.shade.isVisible()


def test_focus_mode_shows_on_screen_and_is_remembered(qtbot, make_window):
    window = make_window()
    window.new_article()
    editor = window.editor
    editor.setPlainText("Bright words here.\n\nDim words there.\n")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.actions_["focus_mode"].trigger()
    image = window.grab(
        editor.viewport().geometry().translated(editor.mapTo(window, editor.rect().topLeft()))
    ).toImage()
    top = editor.cursorRect(QTextCursor(editor.document().findBlockByNumber(0)))
    low = editor.cursorRect(QTextCursor(editor.document().findBlockByNumber(2)))

    def darkest(rect) -> int:
        values = [
            image.pixelColor(x, y).lightness()
            for y in range(rect.top(), rect.bottom())
            for x in range(min(image.width(), 300))
        ]
        return min(values)

    assert darkest(low) > darkest(top) + 60  # the other paragraph's ink is much fainter

    # with typewriter scrolling the text moves down: the shade goes with the viewport
    window.actions_["focus_sentence"].trigger()
    window.actions_["typewriter"].trigger()
    assert editor.viewport().geometry().top() > editor.frameWidth()
    assert window.writing.focus.shade.geometry() == editor.viewport().geometry()
    window.close()
    again = make_window()
    assert again.actions_["focus_mode"].isChecked() and again.writing.focus.enabled
    assert again.actions_["focus_sentence"].isChecked() and again.writing.focus.unit == "sentence"
    assert again.actions_["typewriter"].isChecked() and again.writing.typewriter.enabled


# -- typewriter scrolling, full screen --------------------------------------------------------


def test_typewriter_keeps_the_line_being_typed_in_the_middle(qtbot, make_window):
    window = make_window()
    window.new_article()
    editor = window.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    assert window.actions_["typewriter"].isChecked()
    line = editor.fontMetrics().lineSpacing()

    def offset_from_middle() -> float:
        centre = editor.viewport().mapTo(editor, editor.cursorRect().center()).y()
        return abs(centre - editor.height() / 2)

    assert offset_from_middle() <= line  # the very first line too
    for i in range(60):
        qtbot.keyClicks(editor, f"Line {i} of the market report.")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        if i in (3, 30, 59):
            assert offset_from_middle() <= line
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    assert not window.actions_["typewriter"].isChecked()
    assert editor.viewport().geometry().top() <= editor.frameWidth()


def test_f11_toggles_full_screen(qtbot, make_window):
    window = make_window()
    assert not window.isFullScreen()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.actions_["full_screen"].isChecked()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.actions_["full_screen"].isChecked()
    QApplication.processEvents()


def test_a_preview_in_a_tab_opens_on_the_editors_place_and_leaves_the_editor_alone(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    window.resize(1000, 700)  # no room beside the text: the preview moves to a tab
    tabs = window.layout_.tabs
    qtbot.waitUntil(lambda: tabs.isVisible() and not window.preview.isVisible())
    line = heading_line(window, 7)
    scroll_editor_to_line(window, line)
    qtbot.waitUntil(lambda: sync_settled(window))
    tabs.setCurrentIndex(1)  # the Preview tab: laid out anew at its full width
    qtbot.waitUntil(window.preview.isVisible)
    qtbot.waitUntil(lambda: abs(preview_top_of_line(qtbot, window, line) or 1e9) <= 2, timeout=30000)
    qtbot.waitUntil(lambda: sync_settled(window))
    assert window.editor.firstVisibleBlock().blockNumber() + 1 == line


def test_a_click_on_a_claim_shows_it_in_the_middle_of_both_views(qtbot, make_window):
    window = open_long_story(qtbot, make_window)
    editor = window.editor
    text = editor.toPlainText()
    start = text.index("Paragraph 95. ") + len("Paragraph 95. ")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(TOPICS[0]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "<!--claim c1-->" in editor.toPlainText())
    window.claims_dock.show()
    panel = window.claims_dock.content()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30000)
    qtbot.waitUntil(lambda: 'data-claim="c1"' in _js(qtbot, window, "document.body.innerHTML"), timeout=30000)
    editor.verticalScrollBar().setValue(0)  # far from the claim
    qtbot.waitUntil(lambda: preview_scroll_y(qtbot, window) == 0, timeout=30000)

    rect = panel.view.visualRect(panel.model.index(0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().selectedText() == TOPICS[0]
    caret = editor.cursorRect()
    assert 0 < caret.top() < editor.viewport().height()
    height = _js(qtbot, window, "window.innerHeight")
    claim_top = "(function(){return document.querySelector('[data-claim=\"c1\"]').getBoundingClientRect().top})()"
    qtbot.waitUntil(lambda: 0 < _js(qtbot, window, claim_top) < height, timeout=30000)
    qtbot.waitUntil(lambda: sync_settled(window))
    assert 0 < editor.cursorRect().top() < editor.viewport().height()  # the page did not pull it away
