"""The window on the desk's PostgreSQL server: another person's save appears in it."""

from __future__ import annotations

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
