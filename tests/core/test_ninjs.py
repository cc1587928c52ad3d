"""ninjs 3.1 export: every document validates against the IPTC schema (read from
../shared/data/ninjs at test time), with the status, embargo, notices, stocks and claims."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from editor_app.core.article import Article, ArticleStatus
from editor_app.core.claims import Appearance, Claim, Response, Stance
from editor_app.core.embargo import parse_embargo
from editor_app.core.export import ArticlePackage
from editor_app.core.export_batch import EmbargoRefused, export_many
from editor_app.core.ninjs import ninjs_document
from editor_app.core.notices import Notice, NoticeKind
from editor_app.core.render import render_markdown
from editor_app.core.settings import DeskSettings
from editor_app.core.tickers.tags import TickerTag

jsonschema = pytest.importorskip("jsonschema")
SCHEMA_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ninjs" / "ninjs-schema_3.1.json"
NOW = datetime(2026, 12, 20, 8, 0, tzinfo=UTC)
T = datetime(2026, 12, 18, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"the ninjs schema is not at {SCHEMA_PATH} (../shared/data/ninjs beside the project)")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _package(**article_fields) -> ArticlePackage:
    article = Article(
        id=7,
        title="Ford and Xiaomi deny talks on a joint plant",
        dek="Both companies rejected a newspaper report.",
        byline="Ana Lee and Tom Wu",
        slug="ford-xiaomi-deny-talks",
        body="Ford and Xiaomi said they had [c1]{held no talks} about a plant.\n\nShares were flat.\n",
        status=ArticleStatus.PUBLISHED,
        created_at=T,
        updated_at=T,
        published_at=T,
    )
    article = replace(article, **article_fields)
    claim = Claim(
        key="c1",
        short="Ford and Xiaomi held talks on a plant",
        wording="Ford and Xiaomi held talks about building a plant together.",
        appearances=[Appearance(outlet="The Daily Example", date=date(2026, 12, 17), is_first=True)],
        responses=[Response(party="Ford", stance=Stance.DENIES, quote="No talks took place.")],
    )
    notice = Notice(1, 7, NoticeKind.CORRECTION, "An earlier version misnamed the plant's city.", "ed", NOW, NOW)
    return ArticlePackage(
        article=article,
        claims=[claim],
        tickers=[TickerTag("F", "XNYS", "Ford Motor", "NYSE", "about"), TickerTag("1810", "XHKG", "Xiaomi", "HKEX")],
        notices=[notice],
    )


def _doc(package: ArticlePackage, **kw) -> dict:
    settings = DeskSettings(site_base_url="https://news.example.com/a/", language="en-GB")
    return ninjs_document(package, render_markdown(package.article.body), settings=settings, now=NOW, **kw)


def test_a_published_article_is_usable_and_valid(validator):
    doc = _doc(_package())
    validator.validate(doc)
    assert doc["uri"] == "https://news.example.com/a/ford-xiaomi-deny-talks.html"
    assert doc["pubStatus"] == "usable" and doc["language"] == "en-GB" and doc["version"] == "2"
    assert doc["versionCreated"] == NOW.isoformat() and "embargoedUntil" not in doc
    assert doc["headlines"] == [{"role": "main", "value": "Ford and Xiaomi deny talks on a joint plant"}]
    assert [p["name"] for p in doc["people"]] == ["Ana Lee", "Tom Wu"]
    main, notice = doc["bodies"]
    assert main["contentType"] == "text/html" and "<p" in main["value"] and "Shares were flat." in main["value"]
    assert notice["role"] == "notice:correction" and "misnamed" in notice["value"]
    assert {s["literal"] for s in doc["subjects"]} == {"XNYS:F", "XHKG:1810"}
    assert doc["organisations"][0]["symbols"] == [{"exchange": "XNYS", "symbol": "F"}]
    (claim,) = doc["associations"]
    assert claim["rel"] == "claim" and claim["uri"] == "urn:editor-app:claim:7:c1"
    assert claim["descriptions"][0] == {"role": "status", "value": "Denied"}
    assert claim["infoSources"] == [{"name": "The Daily Example", "role": "reported"}]


def test_an_embargoed_article_is_withheld_and_a_killed_one_canceled(validator):
    embargoed = _doc(_package(status=ArticleStatus.APPROVED, embargo_at=parse_embargo("2026-12-24T09:00:00+08:00")))
    validator.validate(embargoed)
    assert embargoed["pubStatus"] == "withheld" and embargoed["embargoedUntil"] == "2026-12-24T09:00:00+08:00"
    killed = _doc(_package(status=ArticleStatus.SPIKED, killed_at=NOW, kill_reason="The report was retracted."))
    validator.validate(killed)
    assert killed["pubStatus"] == "canceled" and killed["edNote"] == "Killed: The report was retracted."
    assert killed["bodies"][-1]["role"] == "notice:kill"


def test_a_bare_draft_is_valid_too(validator):
    bare = ArticlePackage(article=Article(id=1, body=""))
    doc = ninjs_document(bare, "", now=NOW)
    validator.validate(doc)
    assert doc["uri"].startswith("urn:editor-app:article:1")


def test_batch_export_sends_an_embargo_withheld_as_ninjs_but_refuses_the_page(tmp_path, validator):
    ok = _package()
    held = _package(
        id=8, slug="held", status=ArticleStatus.APPROVED, embargo_at=parse_embargo("2026-12-24T09:00:00+08:00")
    )
    pages = tmp_path / "pages"
    with pytest.raises(EmbargoRefused, match="Embargoed until"):
        export_many([ok, held], pages, now=NOW)
    assert not pages.exists() or list(pages.iterdir()) == []
    report = export_many([ok, held], tmp_path, fmt="ninjs", now=NOW)
    assert report.ok and report.index is None
    docs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(tmp_path.glob("*.json"))}
    for doc in docs.values():
        validator.validate(doc)
    assert set(docs) == {"ford-xiaomi-deny-talks.json", "held.json"}
    assert (
        docs["held.json"]["pubStatus"] == "withheld" and docs["ford-xiaomi-deny-talks.json"]["pubStatus"] != "withheld"
    )


def test_the_right_of_reply_travels_with_its_claim_in_ninjs_and_json_ld(validator):
    from editor_app.core.metadata import news_article_json_ld
    from editor_app.core.reply import ReplyMethod, ReplyRequest

    asked = ReplyRequest(
        party="Xiaomi",
        method=ReplyMethod.EMAIL,
        asked_at=datetime(2026, 12, 18, 2, 0, tzinfo=UTC),
        deadline=datetime(2026, 12, 18, 9, 0, tzinfo=UTC),  # 5 p.m. in Hong Kong, before NOW
        zone="Asia/Hong_Kong",
        asked_by="Ana Lee",
        claim_key="c1",
    )
    package = replace(_package(), replies=[asked])
    doc = _doc(package)
    validator.validate(doc)
    (claim,) = doc["associations"]
    said = {d["role"]: d["value"] for d in claim["descriptions"]}
    assert said["reply-statement"].startswith("Xiaomi did not respond to a request for comment by 5 p.m.")
    assert "Asked by e-mail by Ana Lee" in said["reply-request"] and "no reply by the deadline" in said["reply-request"]
    unasked = _doc(_package())["associations"][0]["descriptions"]
    assert all(not d["role"].startswith("reply") for d in unasked)

    ld = news_article_json_ld(package.article, claims=package.claims, replies=package.replies, now=NOW)
    (comment,) = ld["@graph"][0]["about"][0]["comment"]
    assert comment["@type"] == "Comment" and comment["text"] == said["reply-statement"]
    assert comment["expires"] == "2026-12-18T09:00:00+00:00"
