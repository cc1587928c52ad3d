"""The window on the desk's PostgreSQL server: another person's save appears, and two people
typing into the same article get a merge instead of a lost edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor_app.services.opening import open_store


def _open_article(window, qtbot):
    """The open article's id, once the window has nothing unsaved (opening may tidy the text)."""
    from editor_app.ui.editor.autosave import SaveState

    qtbot.waitUntil(lambda: window.autosave.state == SaveState.SAVED and not window.autosave.dirty, timeout=30000)
    return window.article.id


def test_another_persons_save_shows_in_the_open_window(make_window, pg_url, qtbot):
    window = make_window(pg_url)
    assert window.conflicts is not None and pg_url.split("@")[1] in window.windowTitle()
    article_id = _open_article(window, qtbot)
    other = open_store(pg_url)  # Omar's app, on another machine
    try:
        body = other.get(article_id).body + "\nOmar added this paragraph from the desk.\n"
        other.save(article_id, body=body, title="Omar's headline")
        qtbot.waitUntil(lambda: "Omar added this paragraph" in window.editor.toPlainText(), timeout=30000)
        assert window.header.title.text() == "Omar's headline"
        from editor_app.ui.library.table_model import SummaryRole

        def listed() -> bool:
            model = window.library.model
            rows = [model.index(r, 0).data(SummaryRole) for r in range(model.rowCount())]
            return any(getattr(row, "title", "") == "Omar's headline" for row in rows)

        qtbot.waitUntil(listed, timeout=30000)
    finally:
        other.close()


def test_two_people_typing_the_same_article_get_a_merge(make_window, pg_url, qtbot):
    window = make_window(pg_url)
    article_id = _open_article(window, qtbot)
    other = open_store(pg_url)
    try:
        start = other.get(article_id).body
        first_line = start.splitlines()[0]
        window.editor.setFocus()
        cursor = window.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        window.editor.setTextCursor(cursor)
        qtbot.keyClicks(window.editor, "\nJane's closing line.")
        # Omar saves his edit of the first line before Jane's autosave runs
        other.save(article_id, body=start.replace(first_line, first_line + " (Omar's edit)", 1))
        qtbot.waitUntil(lambda: window.conflicts.last_dialog is not None, timeout=30000)
        dialog = window.conflicts.last_dialog
        merged = dialog.merged_view.toPlainText()
        assert "Jane's closing line." in merged and "(Omar's edit)" in merged
        assert "Omar's edit" in dialog.theirs_view.toPlainText()
        assert "Jane's closing line." in dialog.mine_view.toPlainText()
        qtbot.mouseClick(dialog.save_merged, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Jane's closing line." in (other.get(article_id).body or ""), timeout=30000)
        stored = other.get(article_id).body
        assert "(Omar's edit)" in stored and "Jane's closing line." in stored
        assert window.editor.toPlainText() == stored
        kept = list((Path(window.store.path).parent / "conflicts").glob(f"article-{article_id}-*-yours.md"))
        assert kept and "Jane's closing line." in kept[0].read_text(encoding="utf-8")
        # and the next save goes through: the window now writes from the merged version
        qtbot.keyClicks(window.editor, " More.")
        qtbot.waitUntil(lambda: other.get(article_id).body.endswith(" More."), timeout=30000)
    finally:
        other.close()
