"""The live preview shows the desk that an article is not out yet ("Approved · not published");
File › Export of the very same article writes a page meant for publication, without it."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.export_support import make_full_store, set_status
from tests.gui.conftest import dom_html


def test_preview_shows_the_status_banner_and_the_export_does_not(qtbot, make_window, tmp_path: Path):
    db, article_id = make_full_store(tmp_path / "desk", published=False)
    set_status(db, article_id, "approved")
    window = make_window(db)
    assert window.open_article(article_id)
    qtbot.waitUntil(lambda: "Approved · not published" in dom_html(qtbot, window, "header"), timeout=30000)
    qtbot.waitUntil(lambda: 'class="claim claim-denied" data-claim="c1"' in dom_html(qtbot, window), timeout=30000)

    exported: list[str] = []
    window.export_finished.connect(lambda _path, error: exported.append(error))
    out = tmp_path / "out" / "story.html"
    window.export_to(out)
    qtbot.waitUntil(lambda: exported == [""], timeout=60000)
    html = out.read_text(encoding="utf-8")
    assert "Ford and Xiaomi deny report of talks on a US electric-vehicle venture</h1>" in html
    assert 'class="claim claim-denied" data-claim="c1"' in html
    assert '<span class="claim-status claim-status-denied">Denied</span>' in html
    assert 'class="article-status"' not in html
    assert "not published" not in html.casefold()
    # …and exporting changed nothing in the preview
    assert "Approved · not published" in dom_html(qtbot, window, "header")
