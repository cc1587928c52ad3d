"""The pre-publish checklist, rule by rule: a package that passes, then one thing broken per test."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from editor_app.core.article import Article
from editor_app.core.checklist import (
    CheckItem,
    Location,
    TickerSuggestion,
    find_links,
    link_ok,
    run_checklist,
)
from editor_app.core.claims import Appearance, Claim, Response, Stance
from editor_app.core.export import ArticlePackage
from editor_app.core.tickers.tags import TickerTag
from editor_app.core.workflow import Comment, Source, SourceLink

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
BODY = (
    "Ford Motor (NYSE: F) said on Monday that "
    "<!--claim c1-->it held talks with Xiaomi<!--/claim--> was false.\n"
    "\n"
    "See the [statement](https://example.com/ford) or write to <mailto:desk@example.com>.\n"
)


def make() -> dict:
    article = Article(
        id=1,
        title="Ford denies report of talks with Xiaomi",
        dek="Ford denied a report that it held talks with Xiaomi.",
        byline="Ana Ruiz",
        body=BODY,
    )
    claim = Claim(
        id=7,
        article_id=1,
        key="c1",
        short="Ford held talks with Xiaomi",
        wording="Ford held talks with Xiaomi",
        appearances=[Appearance(id=3, outlet="Financial Times", url="https://example.com/ft")],
        responses=[
            Response(
                id=11,
                party="Ford",
                stance=Stance.DENIES,
                quote="The report is false.",
                source_url="https://example.com/ford",
            )
        ],
    )
    tag = TickerTag("F", "XNYS", "Ford Motor", "NYSE", "about", id=5)
    return {
        "package": ArticlePackage(article, [claim], [tag]),
        "comments": [
            Comment(
                id=1,
                article_id=1,
                author="ed",
                body="Check the date",
                resolved=True,
                anchor_start=0,
                anchor_end=4,
                anchor_text="Ford",
            )
        ],
        "sources": [
            Source(id=2, article_id=1, outlet="FT", url="https://example.com/ft", verified_by="ed", verified_at=NOW)
        ],
        "suggestions": [TickerSuggestion("F", "XNYS", "Ford Motor")],
    }


def check(parts: dict, **extra) -> list[CheckItem]:
    return run_checklist(
        parts["package"],
        comments=parts["comments"],
        sources=parts["sources"],
        suggestions=parts["suggestions"],
        now=NOW,
        **extra,
    )


def only(items: list[CheckItem]) -> CheckItem:
    assert len(items) == 1, [(i.code, i.message) for i in items]
    return items[0]


def with_article(parts: dict, **changes) -> dict:
    parts = dict(parts)
    pkg = parts["package"]
    parts["package"] = ArticlePackage(replace(pkg.article, **changes), pkg.claims, pkg.tickers)
    return parts


def test_the_complete_package_passes():
    assert check(make()) == []


@pytest.mark.parametrize(
    ("field", "code"), [("title", "missing_headline"), ("byline", "missing_byline"), ("dek", "missing_summary")]
)
def test_missing_header_field(field, code):
    item = only(check(with_article(make(), **{field: "   "})))
    assert (item.level, item.code, item.where) == ("error", code, Location("header", field))


def test_long_headline_is_a_warning():
    item = only(check(with_article(make(), title="Ford " + "x" * 110)))
    assert (item.level, item.code, item.where) == ("warning", "long_headline", Location("header", "title"))
    assert check(with_article(make(), title="F" * 110)) == []


def test_claim_without_appearance_or_source():
    parts = make()
    parts["package"].claims[0].appearances = []
    item = only(check(parts))
    assert (item.level, item.code) == ("error", "claim_no_source")
    assert item.where == Location("claim", "appearances", "c1", 7)
    # a source linked to the claim counts as its source
    parts["sources"][0].links = [SourceLink(source_id=2, claim_id=7)]
    assert check(parts) == []


def test_claim_without_any_response():
    parts = make()
    parts["package"].claims[0].responses = []
    item = only(check(parts))
    assert (item.level, item.code, item.where) == (
        "error",
        "claim_no_response",
        Location("claim", "responses", "c1", 7),
    )
    # a "did not respond" entry is enough (and needs neither quote nor source)
    parts["package"].claims[0].responses = [Response(party="Xiaomi", stance=Stance.DID_NOT_RESPOND)]
    assert check(parts) == []


def test_response_without_quote():
    parts = make()
    parts["package"].claims[0].responses[0].quote = ""
    item = only(check(parts))
    assert (item.level, item.code) == ("error", "response_no_quote")
    assert item.where == Location("claim", "responses", "c1", 11, 0)
    assert item.where.describe() == "claim c1, response 1"


def test_response_without_source():
    parts = make()
    parts["package"].claims[0].responses[0].source_url = ""
    item = only(check(parts))
    assert (item.level, item.code, item.where) == (
        "error",
        "response_no_source",
        Location("claim", "responses", "c1", 11, 0),
    )
    parts["sources"][0].links = [SourceLink(source_id=2, claim_id=7, response_id=11)]
    assert check(parts) == []


def test_declined_to_comment_needs_no_quote():
    parts = make()
    parts["package"].claims[0].responses.append(
        Response(id=12, party="Xiaomi", stance=Stance.DECLINES_TO_COMMENT, source_url="https://example.com/x")
    )
    assert check(parts) == []


def test_unanchored_claim():
    parts = with_article(make(), body=BODY.replace("<!--claim c1-->", "").replace("<!--/claim-->", ""))
    item = only(check(parts))
    assert (item.level, item.code, item.where) == ("error", "claim_unanchored", Location("claim", "anchor", "c1", 7))


def test_open_comment_with_its_place_in_the_body():
    parts = make()
    parts["comments"] = [
        Comment(
            id=9,
            author="ed",
            body="Who said this?",
            anchor_start=len("Ford Motor (NYSE: F)\n"),
            anchor_end=30,
            anchor_text="said",
        ),
        Comment(id=10, parent_id=1, author="ana", body="a reply, not a thread"),
    ]
    parts["package"].article.body = "Ford Motor (NYSE: F)\nsaid " + BODY[len("Ford Motor (NYSE: F) said ") :]
    item = only(check(parts))
    assert (item.level, item.code) == ("error", "open_comment")
    assert item.where.part == "comment" and item.where.id == 9 and item.where.line == 2
    assert "Who said this?" in item.message


def test_open_whole_article_comment():
    parts = make()
    parts["comments"][0].resolved = False
    parts["comments"][0].anchor_start = None
    item = only(check(parts))
    assert item.code == "open_comment" and item.where == Location("comment", id=1)


def test_unresolved_ticker_suggestion():
    parts = make()
    parts["suggestions"].append(TickerSuggestion("1810", "XHKG", "Xiaomi"))
    item = only(check(parts))
    assert (item.level, item.code, item.where) == (
        "error",
        "ticker_suggestion",
        Location("ticker", "suggestion", "XHKG:1810"),
    )
    assert check(parts, dismissed={("1810", "XHKG")}) == []
    # tagged on another listing of the same issuer: settled
    parts["suggestions"][-1] = TickerSuggestion(
        "1810", "XHKG", "Xiaomi", frozenset({("1810", "XHKG"), ("XIACY", "OTCM")})
    )
    parts["package"].tickers.append(TickerTag("XIACY", "OTCM", "Xiaomi", "OTC", id=6))
    assert check(parts) == []


def test_unverified_source():
    parts = make()
    parts["sources"][0].verified_at = None
    item = only(check(parts))
    assert (item.level, item.code, item.where) == ("error", "source_unverified", Location("source", id=2))


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](file:///etc/passwd)",
        "[x](ftp://h/f)",
        "[x](chart.png)",
        "![img](data:image/png;base64,xx)",
        "<ftp://host/file>",
        '<a href="javascript:x()">x</a>',
        "[x](http:/nohost)",
        "[x]()",
    ],
)
def test_links_that_are_not_http_or_mailto(link):
    body = BODY + "\nMore:\n" + link + "\n"
    item = only(check(with_article(make(), body=body)))
    assert (item.level, item.code) == ("error", "bad_link")
    assert item.where.part == "body" and item.where.line == 6
    assert body[item.where.offset :].startswith(item.message.split("“")[1].split("”")[0][:5]) or link == "[x]()"


def test_reference_definitions_and_code_are_handled():
    body = (
        BODY
        + "\n[ref]: ftp://old.example.com/x\n\n`[x](javascript:no)` and\n\n```\n[y](file:///z)\n```\n[^1]: a note\n"
    )
    item = only(check(with_article(make(), body=body)))
    assert item.code == "bad_link" and item.where.line == 5
    assert "ftp://old.example.com/x" in item.message


def test_link_ok():
    assert link_ok("https://example.com/a?b#c") and link_ok("http://x") and link_ok("mailto:a@b.c")
    assert not link_ok("https://") and not link_ok("mailto:") and not link_ok("/relative")
    assert [(k.url, k.line) for k in find_links("a [b](<https://x y>)\n[c]: https://z 'T'")] == [
        ("https://x y", 1),
        ("https://z", 2),
    ]


def test_denial_missing_from_summary_is_a_warning():
    parts = with_article(make(), dek="A report said the carmakers held talks.")
    item = only(check(parts))
    assert (item.level, item.code) == ("warning", "denial_not_in_summary")
    assert item.where == Location("header", "dek", "c1", 7)
    assert "Ford" in item.message


def test_denial_warning_heuristic():
    for dek in (
        "A report said Xiaomi and Ford held talks.",  # names the denying party
        "The carmaker rejected a report.",
        "The claims are false, it said.",
        "A report of talks was denied.",
        "FORD says the talks report is wrong.",
    ):
        assert check(with_article(make(), dek=dek)) == [], dek


def test_related_stock_never_named():
    body = BODY.replace("Ford Motor (NYSE: F)", "The carmaker")
    parts = with_article(make(), title="Carmaker denies report", dek="It denied the talks.", body=body)
    item = only(check(parts))
    assert (item.level, item.code, item.where) == ("warning", "ticker_not_named", Location("ticker", "", "XNYS:F", 5))
    # the symbol, the name or an alias counts
    assert check(with_article(parts, body=body + "\nShares of F fell.")) == []
    assert check(with_article(parts, body=body + "\nFord shares fell.")) == []
    assert check(parts, aliases={("F", "XNYS"): ["Blue Oval"]}) == [item]
    assert check(with_article(parts, body=body + "\nThe Blue Oval fell."), aliases={("F", "XNYS"): ["Blue Oval"]}) == []


def test_errors_come_before_warnings_and_items_serialise():
    parts = with_article(make(), title="T" * 120, byline="")
    items = check(parts)
    assert [i.level for i in items] == ["error", "warning"]
    d = items[0].to_dict()
    assert d == {
        "level": "error",
        "code": "missing_byline",
        "message": "The byline is missing.",
        "where": {"part": "header", "field": "byline"},
        "where_text": "byline",
    }
