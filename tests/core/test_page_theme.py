"""The exported page's theme: light (the publication's style) unless the desk asks for dark or
for pages that follow the reader's system; the dark rules never apply without being asked."""

from __future__ import annotations

from editor_app.core.article import Article
from editor_app.core.export_batch import index_page
from editor_app.core.page import article_content, page_html, stylesheet, with_root_theme
from editor_app.core.settings import DeskSettings


def page(theme: str) -> str:
    article = Article(title="Shares fall after the results")
    return page_html(article, article_content(article, "<p>The group said nothing more.</p>"), theme=theme)


def test_a_light_page_carries_the_dark_variant_only_behind_the_attribute():
    html = page("light")
    assert '<html lang="en">' in html
    assert "@media (prefers-color-scheme" not in html  # a reader's dark system does not turn it dark
    assert ':root[data-theme="dark"]' in html  # the preview's dark variant, inert here
    assert "color-scheme: light;" in html


def test_dark_and_auto_pages():
    assert '<html lang="en" data-theme="dark">' in page("dark")
    auto = page("auto")
    assert '<html lang="en">' in auto
    assert "@media (prefers-color-scheme: dark)" in auto
    assert ':root:not([data-theme="light"])' in auto
    assert page("purple") == page("light")  # an unknown theme is the light one


def test_the_stylesheet_variants():
    assert stylesheet("auto").startswith(stylesheet("light"))
    assert stylesheet("dark") == stylesheet("light")  # dark is the attribute, not other CSS


def test_the_preview_sets_its_own_theme_on_the_root():
    html = page("light")
    assert with_root_theme(html, "dark")[:60].count('data-theme="dark"') == 1
    assert '<html data-theme="light" lang="en">' in with_root_theme(html, "light")


def test_the_desk_setting_round_trips_and_defaults_to_light():
    assert DeskSettings().page_theme == "light"
    saved = DeskSettings(export_theme="Dark").to_items()
    assert DeskSettings.from_items(saved).page_theme == "dark"
    assert DeskSettings(export_theme="sepia").page_theme == "light"
    assert DeskSettings.from_items({}).export_theme == "light"  # a store from before the setting


def test_the_index_page_looks_like_the_pages_it_lists():
    assert 'data-theme="dark"' in index_page([], DeskSettings(export_theme="dark"))[:200]
    assert "data-theme" not in index_page([], DeskSettings())[:200]
