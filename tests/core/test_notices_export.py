"""The exported page shows the notices (bottom by default, top as a desk setting), its JSON-LD
carries them as CorrectionComments with dateModified, and a killed article leaves the index."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime

from editor_app.core.article import Article, ArticleStatus
from editor_app.core.export import ArticlePackage, export_page
from editor_app.core.export_batch import index_page
from editor_app.core.notices import Notice, NoticeKind
from editor_app.core.settings import DeskSettings

T = datetime(2026, 12, 18, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 12, 19, 14, 5, tzinfo=UTC)


def _package(**fields) -> ArticlePackage:
    article = Article(
        id=3, title="Port traffic rises", dek="Containers up.", byline="Ana", slug="port", body="x",
        status=ArticleStatus.PUBLISHED, created_at=T, updated_at=T, published_at=T,
    )  # fmt: skip
    notices = [
        Notice(1, 3, NoticeKind.CORRECTION, "An earlier version gave the rise as 4%.", "ed", LATER, LATER),
        Notice(2, 3, NoticeKind.UPDATE, "Adds the December forecast.", "ed", LATER, LATER),
    ]
    return ArticlePackage(article=replace(article, **fields), notices=notices)


def _json_ld(page: str) -> dict:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))["@graph"][0]


def test_notices_follow_the_body_and_go_into_the_json_ld():
    page = export_page(_package(), "<p>The body text.</p>")
    shown = page[page.index("<body") :]
    assert shown.index("The body text.") < shown.index("An earlier version gave the rise as 4%.")
    assert "<strong>Correction</strong>" in page and "<strong>Update</strong>" in page
    news = _json_ld(page)
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "name": "Correction",
            "text": "An earlier version gave the rise as 4%.",
            "datePublished": LATER.isoformat(),
        }
    ]
    assert news["dateModified"] == LATER.isoformat()


def test_the_desk_can_put_notices_on_top():
    page = export_page(_package(), "<p>The body text.</p>", settings=DeskSettings(notice_position="top"))
    shown = page[page.index("<body") :]
    assert shown.index("An earlier version") < shown.index("The body text.")


def test_a_killed_article_shows_its_withdrawal_and_leaves_the_index():
    killed = _package(status=ArticleStatus.SPIKED, killed_at=LATER, kill_reason="The figures were withdrawn.")
    assert "Withdrawn" in export_page(killed, "<p>Body.</p>") and "The figures were withdrawn." in export_page(
        killed, "<p>Body.</p>"
    )
    listing = index_page([(killed, "port.html"), (_package(id=4, title="Still live"), "live.html")], DeskSettings())
    assert "Still live" in listing and "Port traffic rises" not in listing
