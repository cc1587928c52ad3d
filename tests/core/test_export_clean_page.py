"""An exported page is meant for publication: no workflow banner ("Approved · not published"),
and denied claims carry a quiet marker, not a spell-checker's pink and red squiggle. The banner
stays in the desk's live preview, which asks for it explicitly."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from editor_app.core.article import Article, ArticleStatus
from editor_app.core.claims import Claim, ClaimStatus, Response, Stance
from editor_app.core.export import ArticlePackage, export_page
from editor_app.core.page import article_content, header_html, page_html, stylesheet
from editor_app.core.render import render_markdown

BODY = "Reports said Ford <!--claim c1-->held talks with Xiaomi<!--/claim--> about a US plant."


def _claim() -> Claim:
    return Claim(
        id=1,
        article_id=1,
        key="c1",
        short="Talks",
        wording="Ford held talks with Xiaomi",
        responses=[Response(party="Ford", stance=Stance.DENIES, quote="We are not in talks with Xiaomi.")],
    )


def _article(status: ArticleStatus, published_at: datetime | None = None) -> Article:
    return Article(
        id=1,
        title="Ford and Xiaomi deny talks",
        dek="A newspaper said the two had met.",
        byline="Jane Doe",
        body=BODY,
        status=status,
        published_at=published_at,
    )


def _export(article: Article) -> str:
    return export_page(ArticlePackage(article, [_claim()], []), render_markdown(article.body))


@pytest.mark.parametrize("status", [ArticleStatus.APPROVED, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW])
def test_exported_page_of_an_unpublished_article_has_no_status_banner(status):
    article = _article(status)
    assert _claim().effective.status is ClaimStatus.DENIED
    page = _export(article)
    assert "not published" not in page.casefold()
    assert 'class="article-status"' not in page
    assert f">{status.label}" not in page  # not even the bare status word
    # the article itself is all there, and the claims box still states the claim's status
    assert '<h1 class="headline">Ford and Xiaomi deny talks</h1>' in page
    assert 'class="byline">By Jane Doe</span>' in page
    assert '<span class="claim-status claim-status-denied">Denied</span>' in page
    assert 'class="claim claim-denied" data-claim="c1"' in page


@pytest.mark.parametrize("status", [ArticleStatus.APPROVED, ArticleStatus.DRAFT])
def test_preview_header_of_the_same_article_shows_the_banner(status):
    article = _article(status)
    header = header_html(article, status_banner=True)
    assert f'<p class="article-status">{status.label} · not published</p>' in header
    assert header.index("article-status") < header.index('class="headline"')  # above the headline
    # the preview's full shell, built the same way, carries it too
    page = page_html(article, article_content(article, "<p>Body</p>", status_banner=True))
    assert f"{status.label} · not published" in page


def test_banner_is_off_unless_asked_for():
    article = _article(ArticleStatus.APPROVED)
    assert "article-status" not in header_html(article)
    assert "article-status" not in article_content(article, "<p>Body</p>")


def test_published_article_has_no_banner_even_in_the_preview():
    article = _article(ArticleStatus.PUBLISHED, datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    assert "article-status" not in header_html(article, status_banner=True)
    page = _export(article)
    assert 'class="article-status"' not in page
    assert "Published <time" in page


def _rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every rule, comments dropped, @media blocks looked into."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)
    return [(sel.strip(), body.strip()) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def test_stylesheet_has_no_spellcheck_like_claim_marks():
    css = stylesheet()
    assert "wavy" not in css
    claim_rules = [
        (sel, body)
        for sel, body in _rules(css)
        if re.search(r"\.claim(-(denied|confirmed|disputed|retracted|unconfirmed|unknown))?\b(?!-)", sel)
    ]
    assert any(".claim-denied" in sel for sel, _ in claim_rules), claim_rules
    for sel, body in claim_rules:
        assert "background" not in body, (sel, body)
        assert "wavy" not in body, (sel, body)
    base = dict(claim_rules)[".claim"]
    assert "dotted" in base and "1px" in base  # a thin dotted marker
    # the claims box keeps a visible status for every claim
    assert re.search(r"\.claim-status\s*\{[^}]*border", css)
    assert ".claim-status-denied" in css
