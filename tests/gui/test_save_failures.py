"""A full disk while writing: the writer is told, the text stays in the editor and in the
recovery journal, and saving resumes by itself when space is back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from editor_app.services.opening import open_store
from tests.gui.conftest import fresh_article


def test_disk_full_keeps_the_text_and_saving_resumes(qtbot, make_window, db_path: Path, monkeypatch):
    import editor_app.ui.editor.autosave as autosave_module

    monkeypatch.setattr(autosave_module, "RETRY_MS", 1500)  # the app waits 5 s; the test less
    window = make_window()
    article_id = fresh_article(qtbot, window)
    engine = window.store.engine
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def fill_disk(dbapi_conn, _record):  # SQLITE_FULL as soon as the file would grow
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(engine, "connect", fill_disk)
    engine.dispose()
    big = "Ford and Xiaomi deny the report. " * 60_000  # ~2 MB: cannot fit
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(big)
    qtbot.waitUntil(lambda: window.autosave.state == "failed", timeout=30000)
    assert "full" in window.statusBar().currentMessage().lower()
    assert "NOT SAVED" in window.windowTitle()
    assert window.editor.toPlainText().endswith(big)  # nothing left the editor
    qtbot.waitUntil(
        lambda: any(e.article_id == article_id and big in e.fields.get("body", "") for e in window.journal.entries()),
        timeout=30000,
    )

    event.remove(engine, "connect", fill_disk)
    engine.dispose()  # space is back
    qtbot.waitUntil(lambda: window.autosave.state == "saved", timeout=30000)
    again = open_store(db_path)
    try:
        assert again.get(article_id).body.endswith(big)
    finally:
        again.close()
    assert "NOT SAVED" not in window.windowTitle()
