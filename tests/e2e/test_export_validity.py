"""A full article (claims, tickers, sources, footnotes, a table, a quote, code) exported from a
real store through the command line: valid HTML (Nu HTML Checker), accessible (axe-core in
headless Chromium), JSON-LD and Open Graph / Twitter metadata checked field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.export_support import (
    axe_report,
    json_ld,
    make_full_store,
    meta_tags,
    parse_page,
    run_cli,
    set_status,
    vnu_messages,
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("validity")
    db, article_id = make_full_store(tmp)
    draft_db, draft_id = make_full_store(tmp / "draft", published=False)
    out = tmp / "out"
    proc = run_cli("export", str(article_id), "--out", str(out), db=db, check=True)
    page = Path(proc.stdout.strip().splitlines()[0])
    draft_out = tmp / "draft-out"
    run_cli("export", str(draft_id), "--out", str(draft_out), db=draft_db, check=True)
    index_out = tmp / "index-out"
    run_cli("export", "--status", "published", "--out", str(index_out), db=db, check=True)
    approved_db, approved_id = make_full_store(tmp / "approved", published=False)
    set_status(approved_db, approved_id, "approved")
    approved_out = tmp / "approved-out"
    run_cli("export", str(approved_id), "--out", str(approved_out), db=approved_db, check=True)
    approved_batch = tmp / "approved-batch"
    run_cli("export", "--status", "approved", "--out", str(approved_batch), db=approved_db, check=True)
    return {
        "page": page,
        "html": page.read_text(encoding="utf-8"),
        "draft": next(draft_out.glob("*.html")),
        "index": index_out / "index.html",
        "approved": next(approved_out.glob("*.html")),
        "approved_batch": [f for f in approved_batch.glob("*.html") if f.name != "index.html"],
    }


def test_nu_html_checker_reports_no_errors(exported):
    messages = vnu_messages(exported["page"], exported["draft"], exported["index"])
    assert messages == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages)


def test_axe_core_reports_no_violations_and_the_page_makes_no_request(exported):
    for key in ("page", "index"):
        code, report = axe_report(exported[key])
        assert report["violations"] == [], report["violations"]
        assert code == 0
        assert report["external_requests"] == []
        assert report["passes"] > 10  # axe really ran


def test_page_shape(exported):
    html = exported["html"]
    assert html.startswith('<!doctype html>\n<html lang="en-GB">')
    page = parse_page(html)
    tags = [t for t, _ in page.tags]
    assert tags.count("h1") == 1
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in page.tags)
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
    assert "@media print" in html  # the preview's stylesheet, embedded
    assert [a for t, a in page.tags if t == "link"] == [
        {
            "rel": "canonical",
            "href": "https://news.example.com/articles/"
            "ford-and-xiaomi-deny-report-of-talks-on-a-us-electric-vehicle-venture.html",
        }
    ]
    times = [a["datetime"] for t, a in page.tags if t == "time"]
    assert "2026-11-23T09:30:00+00:00" in times  # published
    assert any(t.startswith("20") and "T" in t and t != "2026-11-23T09:30:00+00:00" for t in times)  # updated
    assert "Related stocks: NYSE: F, HKEX: 1810" in html
    assert '<p class="article-status">' not in html  # published: no status badge
    # body features survived the sanitizer
    for needle in ("<table", "<blockquote", '<code class="language-python">', 'class="footnote"', "<sup"):
        assert needle in html
    # the sources note: claims' outlets, linked, then the verified source (not the unverified one)
    note = html[html.index('class="sources-note"') :]
    note = note[: note.index("</p>")]
    assert '<a href="https://www.ft.com/content/ford-xiaomi">Financial Times</a>' in note
    assert '<a href="https://www.bloomberg.com/news/xiaomi-ohio">Bloomberg</a>' in note
    try:
        import editor_app.store.review  # noqa: F401
    except ImportError:
        pass
    else:
        assert "Reuters" in note and "Unverified Blog" not in note
    assert 'class="tag">#EV<' in html and "#electricVehicles" in html
    # images: data: kept inline, http(s) turned into a link (nothing is fetched)
    imgs = [a["src"] for t, a in page.tags if t == "img"]
    assert imgs and all(src.startswith("data:image/png;base64,") for src in imgs)
    assert '<a class="external-image" href="https://images.example.com/factory.jpg"' in html


def test_json_ld_field_by_field(exported):
    data = json_ld(exported["html"])
    assert data["@context"] == "https://schema.org"
    graph = data["@graph"]
    news = graph[0]
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == "Ford and Xiaomi deny report of talks on a US electric-vehicle venture"
    assert news["description"].startswith("A newspaper said the carmaker")
    assert news["author"] == [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Max Mustermann"}]
    assert news["publisher"] == {"@type": "Organization", "name": "Example Financial News"}
    assert news["datePublished"] == "2026-11-23T09:30:00+00:00"
    assert news["dateModified"].startswith("20") and news["dateModified"].endswith("+00:00")
    assert news["inLanguage"] == "en-GB"
    assert news["url"].endswith("/ford-and-xiaomi-deny-report-of-talks-on-a-us-electric-vehicle-venture.html")
    assert news["keywords"] == ["EV", "Autos", "electric vehicles"]

    claims = [a for a in news["about"] if a["@type"] == "Claim"]
    corps = [a for a in news["about"] if a["@type"] == "Corporation"]
    assert len(claims) == 2
    c1 = claims[0]
    assert c1["text"] == "Ford held preliminary talks with Xiaomi about a joint EV venture in the United States"
    assert c1["author"] == {"@type": "Organization", "name": "Financial Times"}
    assert c1["datePublished"] == "2026-11-20"
    first = c1["firstAppearance"]
    assert first["url"] == "https://www.ft.com/content/ford-xiaomi"
    assert first["publisher"] == {"@type": "Organization", "name": "Financial Times"}
    assert first["datePublished"] == "2026-11-20"
    assert c1["appearance"] == [first]
    assert [c["tickerSymbol"] for c in corps] == ["XNYS F"]
    assert corps[0]["name"]
    mentions = news["mentions"]
    assert [m["@type"] for m in mentions] == ["Corporation"]
    assert mentions[0]["tickerSymbol"] == "XHKG 1810"

    reviews = [g for g in graph[1:] if g["@type"] == "ClaimReview"]
    assert len(reviews) == 1  # only the claim the desk overrode; the derived "denied" is not a review
    review = reviews[0]
    assert review["claimReviewed"] == "Xiaomi plans to build a factory in Ohio"
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert review["author"] == {"@type": "Organization", "name": "Example Financial News"}
    assert review["itemReviewed"]["@type"] == "Claim"


def test_open_graph_and_twitter_tags(exported):
    tags = meta_tags(exported["html"])
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["Ford and Xiaomi deny report of talks on a US electric-vehicle venture"]
    assert tags["og:description"][0].startswith("A newspaper said")
    assert tags["og:url"][0].startswith("https://news.example.com/articles/ford-and-xiaomi")
    assert tags["og:site_name"] == ["Example Financial News"]
    assert tags["article:published_time"] == ["2026-11-23T09:30:00+00:00"]
    assert tags["article:modified_time"]
    assert tags["article:tag"] == ["EV", "Autos", "electric vehicles"]
    assert tags["twitter:card"] == ["summary"]
    assert tags["twitter:site"] == ["@examplenews"]
    assert tags["twitter:title"] == tags["og:title"]
    assert "og:image" not in tags  # nothing to fetch


def test_unpublished_export_has_no_date_published_and_no_status_banner(exported):
    html = exported["draft"].read_text(encoding="utf-8")
    news = json_ld(html)["@graph"][0]
    assert "datePublished" not in news
    assert "dateModified" in news
    assert "article:published_time" not in meta_tags(html)
    # the "Draft · not published" banner is the preview's; an export is meant for publication
    assert 'class="article-status"' not in html
    assert "not published" not in html.casefold()


def test_approved_export_is_clean_from_the_cli_and_from_batch_export(exported):
    """Issue: the exported page of an approved article showed "APPROVED · NOT PUBLISHED"."""
    pages = [exported["approved"], *exported["approved_batch"]]
    assert len(pages) == 2
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'class="article-status"' not in html, path
        assert "not published" not in html.casefold(), path
        assert ">Approved" not in html, path
        assert "Ford and Xiaomi deny report of talks on a US electric-vehicle venture</h1>" in html
        # the denied claim: marked in the text, its status stated in the claims box
        assert 'class="claim claim-denied" data-claim="c1"' in html
        assert '<span class="claim-status claim-status-denied">Denied</span>' in html
        assert "wavy" not in html


def test_index_lists_the_articles(exported):
    html = exported["index"].read_text(encoding="utf-8")
    page = parse_page(html)
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links == ["ford-and-xiaomi-deny-report-of-talks-on-a-us-electric-vehicle-venture.html"]
    assert "A newspaper said the carmaker" in html
    assert "2026-11-23T09:30:00+00:00" in html
    assert not page.scripts
