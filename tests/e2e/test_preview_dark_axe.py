"""The page in the preview's dark theme, and the exported page's theme, checked in headless
Chromium: axe-core (WCAG 2 A/AA, colour contrast included) finds nothing on the dark preview,
and an export stays the publication's light style for a reader whose system is dark unless the
desk chose a dark or system-following export theme."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from editor_app.core.article import Article
from editor_app.core.page import article_content, page_html, with_root_theme
from tests.e2e.export_support import axe_report, make_full_store, run_cli

LIGHT_BG = "rgb(255, 255, 255)"
DARK_BG = "rgb(27, 29, 33)"  # --bg of resources/styles/article-dark.css


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The full article exported as light (the default), dark and auto, and the preview's page."""
    from editor_app.services.opening import open_store
    from editor_app.store.settings import SettingsStore

    tmp = tmp_path_factory.mktemp("themes")
    db, article_id = make_full_store(tmp, published=False)
    pages: dict[str, Path] = {}
    for theme in ("light", "dark", "auto"):
        store = open_store(db, seed_sample=False)
        try:
            settings = SettingsStore(store)
            settings.save(replace(settings.load(), export_theme=theme))
        finally:
            store.close()
        out = tmp / theme
        run_cli("export", str(article_id), "--out", str(out), db=db, check=True)
        pages[theme] = next(out.glob("*.html"))
    # The preview: the light export's page with the status banner and a paused-preview notice,
    # under the root's data-theme="dark", as the window shows it in the dark theme.
    html = pages["light"].read_text(encoding="utf-8")
    banner = '<p class="article-status">Draft · not published</p>'
    notice = '<div id="preview-notice" class="preview-notice" role="status">Preview paused: a test.</div>'
    html = re.sub(r'(<header class="article-header"[^>]*>)', lambda m: m.group(1) + banner, html, count=1)
    html = html.replace('<article id="article">', notice + '<article id="article">', 1)
    preview = tmp / "preview-dark.html"
    preview.write_text(with_root_theme(html, "dark"), encoding="utf-8")
    pages["preview-dark"] = preview
    return pages


def test_the_preview_in_the_dark_theme_has_no_accessibility_violations(exported):
    html = exported["preview-dark"].read_text(encoding="utf-8")
    assert 'class="article-status"' in html and 'id="preview-notice"' in html  # the preview's own parts
    code, report = axe_report(exported["preview-dark"])
    assert report["violations"] == [], report["violations"]
    assert code == 0
    assert report["colours"] == {"background": DARK_BG, "text": "rgb(230, 231, 234)", "theme": "dark"}
    assert report["passes"] > 10  # axe really ran
    assert report["external_requests"] == []


def test_an_export_stays_light_for_a_reader_whose_system_is_dark(exported):
    code, report = axe_report(exported["light"], color_scheme="dark")
    assert report["colours"]["background"] == LIGHT_BG
    assert report["colours"]["theme"] == ""
    assert report["violations"] == [], report["violations"]
    assert code == 0


def test_the_desk_can_export_dark_or_system_following_pages(exported):
    code, report = axe_report(exported["dark"])
    assert report["colours"]["background"] == DARK_BG  # dark even for a light reader
    assert report["violations"] == [] and code == 0, report["violations"]
    _code, light_reader = axe_report(exported["auto"], color_scheme="light")
    assert light_reader["colours"]["background"] == LIGHT_BG
    code, dark_reader = axe_report(exported["auto"], color_scheme="dark")
    assert dark_reader["colours"]["background"] == DARK_BG
    assert dark_reader["violations"] == [] and code == 0, dark_reader["violations"]


def test_the_window_preview_shell_takes_the_theme_on_its_root():
    shell = page_html(Article(), article_content(Article(), ""))
    assert shell.startswith('<!doctype html>\n<html lang="en">')  # exported pages carry no theme
    assert '<html data-theme="dark" lang="en">' in with_root_theme(shell, "dark")
    assert with_root_theme(with_root_theme(shell, "dark"), "light") == with_root_theme(shell, "dark")
