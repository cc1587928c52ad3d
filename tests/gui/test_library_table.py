"""The library table on the real window: columns from real data, sorting by header clicks,
status/stock/byline/date filters, full-text search kept in sync with typing, lazy paging."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from editor_app.core.article import ArticleStatus
from editor_app.core.claims import Response, Stance
from editor_app.services.opening import open_store
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.tickers import TickerTagStore
from editor_app.ui.library.table_model import COL, IdRole, SnippetRole

LEFT = Qt.MouseButton.LeftButton


def _shown(library) -> list[int]:
    m = library.model
    return [m.index(r, 0).data(IdRole) for r in range(m.rowCount())]


def _cell(library, article_id: int, key: str) -> str:
    m = library.model
    return m.index(m.row_of(article_id), COL[key]).data() or ""


def _desk(window) -> dict[str, int]:
    """Two stories next to the sample: ford (in review, claims, tag, comments), wrap (old draft)."""
    store = window.store
    ford = store.create(title="Ford denies Xiaomi talks", byline="Anna Berg", body="Ford said no talks.")
    wrap = store.create(title="Daily wrap", byline="Tom Hart", body="Markets were flat.")
    with store._write() as s, s.begin():
        s.execute(text("UPDATE articles SET status = 'in_review' WHERE id = :id"), {"id": ford.id})
        old = (datetime.now(UTC) - timedelta(days=40)).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        s.execute(text("UPDATE articles SET updated_at = :w WHERE id = :id"), {"w": old, "id": wrap.id})
    claims = ClaimStore(store)
    c = claims.create(ford.id, short="Ford held talks with Xiaomi")
    c.responses = [Response(party="Ford", stance=Stance.DENIES, quote="No talks")]
    claims.update(c)
    claims.create(ford.id, short="A deal is near")
    TickerTagStore(store).add(ford.id, symbol="F", mic="XNYS", name="Ford Motor")
    review = Review(store)
    review.add_comment(ford.id, "Source?", "editor")
    review.add_comment(ford.id, "Date?", "editor")
    review.resolve(review.add_comment(ford.id, "Typo", "editor").id, "writer")
    window.reload_library()
    window.stocks.refresh_library()
    return {"ford": ford.id, "wrap": wrap.id, "sample": window.article.id}


def test_columns_show_status_byline_stocks_claims_and_open_comments(qtbot, make_window):
    window = make_window()
    ids = _desk(window)
    library = window.library
    assert library.model.columnCount() == 9  # ... Words (issue 14) and Embargo (issue 15)
    assert _cell(library, ids["ford"], "headline") == "Ford denies Xiaomi talks"
    assert _cell(library, ids["ford"], "status") == "In review"
    assert _cell(library, ids["ford"], "byline") == "Anna Berg"
    assert _cell(library, ids["ford"], "stocks") == "F"
    assert _cell(library, ids["ford"], "claims") == "2 · 1 denied"
    assert _cell(library, ids["ford"], "comments") == "2"
    assert _cell(library, ids["wrap"], "claims") == "" and _cell(library, ids["wrap"], "comments") == ""
    assert _cell(library, ids["sample"], "stocks") == "F, 1810"
    assert _cell(library, ids["wrap"], "updated")  # a date
    # narrow by default: only headline and comments; the header menu shows the others
    assert not library.view.isColumnHidden(COL["headline"]) and library.view.isColumnHidden(COL["claims"])
    menu = library.column_menu()
    next(a for a in menu.actions() if a.objectName() == "libraryColumn_claims").trigger()
    assert not library.view.isColumnHidden(COL["claims"])
    library.save_state()
    assert "claims" not in (window.settings.value("library/hidden") or [])


def test_clicking_a_header_sorts_by_the_query(qtbot, make_window):
    window = make_window()
    ids = _desk(window)
    library = window.library
    assert _shown(library)[-1] == ids["wrap"]  # newest first
    header = library.view.horizontalHeader()
    x = header.sectionViewportPosition(COL["headline"]) + 10
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
    q = library.query()
    assert q.sort == "headline"
    titles = [library.model.index(r, 0).data() for r in range(library.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold, reverse=q.descending)
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
    assert library.query().descending is not q.descending
    titles2 = [library.model.index(r, 0).data() for r in range(library.model.rowCount())]
    assert titles2 == list(reversed(titles))
    library.set_column_visible(COL["comments"], True)
    library.view.sortByColumn(COL["comments"], Qt.SortOrder.DescendingOrder)
    assert _shown(library)[0] == ids["ford"]


def test_status_stock_byline_and_date_filters(qtbot, make_window):
    window = make_window()
    ids = _desk(window)
    library = window.library
    library.status_actions[ArticleStatus.IN_REVIEW].setChecked(True)
    assert _shown(library) == [ids["ford"]]
    assert library.count_label.text() == "1 of 3 articles"
    library.status_actions[ArticleStatus.DRAFT].setChecked(True)
    assert set(_shown(library)) == set(ids.values())
    library.clear_status_filter()
    library.set_ticker_filter("F", "XNYS")
    assert set(_shown(library)) == {ids["ford"], ids["sample"]}
    assert library.count_label.text() == "2 of 3 articles tagged F"
    library.set_ticker_filter(None)
    qtbot.keyClicks(library.byline_filter, "hart")
    qtbot.waitUntil(lambda: _shown(library) == [ids["wrap"]], timeout=30000)
    library.byline_filter.clear()
    qtbot.waitUntil(lambda: len(_shown(library)) == 3, timeout=30000)
    library.date_filter.setCurrentIndex(library.date_filter.findText("Last 7 days"))
    assert set(_shown(library)) == {ids["ford"], ids["sample"]}
    library.date_filter.setCurrentIndex(0)
    qtbot.keyClicks(library.filter, "denies xiaomi")  # headline filter, at once on a small store
    assert _shown(library) == [ids["ford"]]


def test_search_finds_a_word_typed_a_second_ago_and_forgets_a_deleted_one(qtbot, make_window):
    window = make_window()
    library = window.library
    window.new_article()
    qtbot.keyClicks(window.header.title, "Markets wrap")
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Stocks rose as a quetzal crossed the floor.")
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    story = window.article.id
    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "quetzal")
    qtbot.keyClick(library.filter, Qt.Key.Key_Return)  # Enter: full text, not just headlines
    assert library.search_toggle.isChecked() and library.query().search == "quetzal"
    assert _shown(library) == [story]
    snippet = library.model.index(0, 0).data(SnippetRole)
    assert "«quetzal»" in snippet
    assert "<b>quetzal</b>" in library.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "match" in library.count_label.text()
    assert window.article.id == story

    # delete the word; after the autosave the search no longer finds it
    editor = window.editor
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "Stocks rose.")
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    library.set_search("quetzal")
    assert _shown(library) == []
    assert library.count_label.text().startswith("0 matches")
    library.set_search("")
    assert story in _shown(library) and not library.search_toggle.isChecked()


def test_activating_a_hit_selects_the_match_in_the_editor(qtbot, make_window):
    window = make_window()
    sample = window.article.id
    window.new_article()
    qtbot.keyClicks(window.header.title, "Other story")
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    library = window.library
    library.set_search("xiaomi")
    assert sample in _shown(library)
    library.view.setCurrentIndex(library.model.index(library.model.row_of(sample), 0))
    assert window.article.id == sample
    assert window.editor.textCursor().selectedText().casefold() == "xiaomi"


def test_autosave_updates_the_row_without_requerying_everything(qtbot, make_window):
    window = make_window()
    library = window.library
    window.new_article()
    qtbot.keyClicks(window.header.title, "Fresh headline")
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    assert library.model.index(0, 0).data() == "Fresh headline"
    assert library.model.rowCount() == 2
    assert not library._requery_timer.isActive()  # newest first, no filter: nothing to re-run
    # sorted by headline, a new headline re-runs the query once, shortly after the save
    library.view.sortByColumn(COL["headline"], Qt.SortOrder.AscendingOrder)
    window.header.title.setFocus()
    qtbot.keyClicks(window.header.title, " zz")
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    qtbot.waitUntil(lambda: library.model.index(1, 0).data() == "Fresh headline zz", timeout=30000)
    assert library.current_id() == window.article.id


def test_five_thousand_articles_load_lazily(qtbot, make_window, db_path):
    open_store(db_path, seed_sample=False).close()
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for i in range(5000):
        when = (now - timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows.append((f"Story {i}", "", "Desk", f"story-{i}", 0, "Body text.", "draft", when, when))
    con = sqlite3.connect(db_path)
    with con:
        con.executemany(
            "INSERT INTO articles (title, dek, byline, slug, slug_locked, body, status, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            rows,
        )
    con.close()
    window = make_window()
    library = window.library
    model = library.model
    assert model.rowCount() == 5000
    assert library.count_label.text() == "5,000 articles"
    first_pages = set(model.fetched_pages)
    assert first_pages and len(first_pages) <= 2  # only what is on screen
    assert not model.cached(model.index(4999, 0).data(IdRole))
    bar = library.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    library.view.viewport().repaint()
    QApplication.processEvents()
    assert model.cached(model.index(4999, 0).data(IdRole))
    assert len(set(model.fetched_pages)) <= 4  # the end, not everything in between
    assert model.index(4999, 0).data() == "Story 4999"
    # keyboard: End goes to the last row and opens it
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_End)
    assert window.article.title == "Story 4999"
