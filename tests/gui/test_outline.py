"""The Outline dock and the length target, driven through the real window: headings typed in
the editor appear in the tree, a click moves the cursor, the current section follows the cursor,
claims and open comments are counted per section; the target set in the header shows in the
status bar, the Outline and the library, and is still there after reopening."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor

from editor_app.ui.outline.pane import LEDE

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

LINES = [
    "The harbour board raised its fees on Monday.",
    "",
    "## Markets",
    "",
    "Shipping shares fell in early trading.",
    "",
    "### Asia",
    "",
    "Lines serving the region lost the most.",
    "",
    "## Outlook",
    "",
    "A review of the remaining charges is due in the spring.",
]


def type_lines(qtbot, editor, lines: list[str]) -> None:
    editor.setFocus()
    for i, line in enumerate(lines):
        if line:
            qtbot.keyClicks(editor, line)
        if i < len(lines) - 1:
            qtbot.keyClick(editor, Qt.Key.Key_Return)


def show_outline(qtbot, window):
    window.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL | SHIFT)  # View › Outline's shortcut
    qtbot.waitUntil(lambda: window.outline_dock.isVisible() and window.outline_dock.built, timeout=30000)
    return window.outline.pane()


def settled(window) -> bool:
    return not window.outline.busy


def rows(pane) -> list[tuple[int, str, str]]:
    """(depth, title, words) of every row the tree shows, top to bottom."""
    out = []
    model, tree = pane.tree.model(), pane.tree

    def walk(parent, depth):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if tree.visualRect(index).isValid():  # shown: its parent is expanded
                out.append((depth, index.data(), model.index(row, 1, parent).data()))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return out


def click_row(qtbot, pane, section: int) -> None:
    rect = pane.tree.visualRect(pane.index_of(section))
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def new_story(qtbot, window) -> None:
    window.new_article()
    type_lines(qtbot, window.editor, LINES)


def test_typed_headings_make_the_tree_with_words_per_section(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    qtbot.waitUntil(lambda: [r[1] for r in rows(pane)] == ["Lede", "Markets", "Asia", "Outlook"], timeout=30000)
    assert rows(pane) == [
        (0, "Lede", "8"),
        (0, "Markets", "15"),  # with its sub-section: 7 of its own and Asia's 8
        (1, "Asia", "8"),
        (0, "Outlook", "12"),
    ]
    assert pane.target_label.text() == "35 words · no target"
    # a heading typed at the end joins the tree a moment later
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_lines(qtbot, window.editor, ["", "", "## Reaction"])
    qtbot.waitUntil(lambda: rows(pane)[-1][:2] == (0, "Reaction"), timeout=30000)


def test_hash_lines_in_code_blocks_are_not_headings(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    window.new_article()
    type_lines(qtbot, window.editor, ["## Method", "", "```", "# a shell comment", "```", "", "## Data"])
    qtbot.waitUntil(lambda: [r[1] for r in rows(pane)] == ["Method", "Data"], timeout=30000)


def test_a_click_on_a_heading_moves_the_cursor_there(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    qtbot.waitUntil(lambda: len(rows(pane)) == 4 and settled(window), timeout=30000)
    click_row(qtbot, pane, 2)  # Outlook
    cursor = window.editor.textCursor()
    assert cursor.block().text() == "## Outlook" and cursor.positionInBlock() == 0
    assert window.editor.hasFocus()  # typing goes on where the writer jumped
    click_row(qtbot, pane, 1)  # Asia
    assert window.editor.textCursor().blockNumber() == LINES.index("### Asia")
    rect = window.editor.cursorRect()
    assert window.editor.viewport().rect().contains(rect.center())  # scrolled into view


def test_a_heading_far_below_comes_to_the_top_of_the_text(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    filler = [f"Paragraph {n} of the background, one line of our own text." for n in range(120)]
    window.new_article()
    window.editor.setPlainText("\n\n".join(["## Start", *filler, "## Far below", *filler]))
    qtbot.waitUntil(lambda: pane.cell(1, 0) == "Far below" and settled(window), timeout=30000)
    click_row(qtbot, pane, 1)
    editor = window.editor
    assert editor.textCursor().block().text() == "## Far below"
    assert editor.firstVisibleBlock().text() == "## Far below"  # at the top, not at the bottom edge


def test_a_click_lets_scroll_sync_move_both_views(qtbot, make_window, monkeypatch):
    """Where the window has scroll sync (`reveal_line`, 1-based lines), the jump goes through it."""
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    qtbot.waitUntil(lambda: len(rows(pane)) == 4 and settled(window), timeout=30000)
    asked: list[int] = []
    monkeypatch.setattr(window, "reveal_line", asked.append, raising=False)
    click_row(qtbot, pane, 2)  # Outlook
    assert asked == [LINES.index("## Outlook") + 1]


def test_the_current_section_follows_the_cursor(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    qtbot.waitUntil(lambda: len(rows(pane)) == 4 and settled(window), timeout=30000)
    editor = window.editor
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: pane.current_section() in (None, LEDE), timeout=30000)
    for _ in range(LINES.index("Shipping shares fell in early trading.")):
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: pane.current_section() == 0, timeout=30000)
    assert pane.tree.currentIndex().data() == "Markets"
    assert pane.tree.selectionModel().isSelected(pane.tree.currentIndex())  # the highlighted row
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.waitUntil(lambda: pane.current_section() == 2, timeout=30000)
    assert pane.tree.currentIndex().data() == "Outlook"
    assert editor.hasFocus()  # following the cursor never takes the focus


def test_claims_and_open_comments_are_counted_per_section(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    editor = window.editor
    text = editor.toPlainText()
    words = "Lines serving the region"
    cursor = editor.textCursor()
    cursor.setPosition(text.index(words))
    cursor.setPosition(text.index(words) + len(words), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL | SHIFT)  # Mark as Claim
    qtbot.waitUntil(lambda: "<!--claim c1-->" in editor.toPlainText(), timeout=30000)
    window.review.sync()
    body = window.store.get(window.article.id).body
    start = body.index("A review")
    window.review_store.add_comment(window.article.id, "When in spring?", "ed", anchor=(start, start + 8, "A review"))
    window.changes.deliver()
    window.review.refresh_highlights()
    assert window.outline_dock.isVisible()  # the Claims pane came up; the Outline stays in view

    def marks(section: int) -> tuple[str | None, str | None]:
        return pane.cell(section, 2), pane.cell(section, 3)

    qtbot.waitUntil(lambda: marks(1) == ("1", "") and marks(2) == ("", "1"), timeout=30000)  # Asia, Outlook
    assert marks(0) == ("", "")
    assert "c1" in pane.tooltip(1, 2)


def test_a_target_set_in_the_header_shows_in_the_status_bar_and_survives_reopening(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    article_id = window.article.id
    field = window.header.word_target
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, "800")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.stats_label.text().startswith("35 / 800 words"), timeout=30000)
    qtbot.waitUntil(lambda: pane.target_label.text() == "35 / 800 words · 4 %", timeout=30000)
    assert pane.progress.isVisible() and pane.progress.maximum() == 800 and pane.progress.value() == 35
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    assert window.store.get(article_id).word_target == 800
    library = window.library
    qtbot.waitUntil(lambda: _library_words(library, article_id) == "35 / 800", timeout=30000)
    window.close()

    again = make_window()
    assert again.article.id == article_id
    assert again.header.word_target.value() == 800
    qtbot.waitUntil(lambda: again.stats_label.text().startswith("35 / 800 words"), timeout=30000)
    # emptying the field takes the target away
    field = again.header.word_target
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: again.stats_label.text().startswith("35 words ·"), timeout=30000)
    qtbot.waitUntil(lambda: again.autosave.state == "saved", timeout=30000)
    assert again.store.get(article_id).word_target is None


def _library_words(library, article_id: int) -> str:
    from editor_app.ui.library.table_model import COL

    row = library.model.row_of(article_id)
    return library.model.index(row, COL["words"]).data() if row >= 0 else ""


def test_the_outline_is_built_only_when_first_shown(qtbot, make_window):
    window = make_window()
    assert not window.outline_dock.isVisible() and not window.outline_dock.built
    new_story(qtbot, window)
    assert window.outline.runs == 0  # nothing read while hidden
    pane = show_outline(qtbot, window)
    qtbot.waitUntil(lambda: len(rows(pane)) == 4, timeout=30000)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL | SHIFT)  # pressed again: back to the text
    qtbot.waitUntil(lambda: window.editor.hasFocus(), timeout=30000)


def test_the_keyboard_walks_the_tree_and_enter_jumps(qtbot, make_window):
    window = make_window()
    pane = show_outline(qtbot, window)
    new_story(qtbot, window)
    qtbot.waitUntil(lambda: len(rows(pane)) == 4 and settled(window), timeout=30000)
    qtbot.keyClick(window.editor, Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: pane.current_section() in (None, LEDE), timeout=30000)
    pane.tree.setFocus()
    pane.tree.setCurrentIndex(pane.index_of(LEDE))
    for _ in range(3):  # Lede → Markets → Asia → Outlook
        qtbot.keyClick(pane.tree, Qt.Key.Key_Down)
    assert window.editor.textCursor().blockNumber() == 0  # walking does not move the text
    qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    assert window.editor.textCursor().block().text() == "## Outlook"
    assert window.editor.hasFocus()
