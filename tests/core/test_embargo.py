"""Embargo: the front matter time with its zone, the checklist's refusal and the trading
sessions it may lift in (holidays and half days included)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from editor_app.core.article import Article, ArticleStatus
from editor_app.core.checklist import run_checklist
from editor_app.core.embargo import (
    EmbargoError,
    embargo_of,
    embargo_problem,
    parse_embargo,
    refusal,
    under_embargo,
    with_embargo,
)
from editor_app.core.export import ArticlePackage
from editor_app.core.sessions import session_at, session_clashes
from editor_app.core.tickers.tags import TickerTag

XIAOMI = TickerTag("1810", "XHKG", "Xiaomi", "HKEX", "about")
FORD = TickerTag("F", "XNYS", "Ford Motor", "NYSE")


def test_parse_keeps_the_zone_and_refuses_a_time_without_one():
    when = parse_embargo("2026-12-24T09:00:00+08:00")
    assert when.astimezone(UTC) == datetime(2026, 12, 24, 1, 0, tzinfo=UTC)
    assert parse_embargo("2026-12-24T01:00Z") == when
    for bad in ("2026-12-24T09:00", "24 Dec 2026 9am", "2026-12-24", ""):
        with pytest.raises(EmbargoError, match=r"zone|valid"):
            parse_embargo(bad)


def test_front_matter_embargo_is_read_set_and_removed():
    body = "---\nlang: en_GB\nembargo: '2026-12-24T09:00:00+08:00'\n---\nProfit rose.\n"
    assert embargo_of(body) == parse_embargo("2026-12-24T09:00:00+08:00")
    moved = with_embargo(body, "2026-12-24T10:00:00+08:00")
    assert embargo_of(moved) == parse_embargo("2026-12-24T10:00:00+08:00") and "lang: en_GB" in moved
    assert with_embargo(with_embargo("Profit rose.\n", "2026-12-24T10:00:00+08:00"), "") == "Profit rose.\n"
    assert embargo_of("No front matter; embargo: 2026-12-24T09:00:00+08:00\n") is None
    assert "zone" in embargo_problem("---\nembargo: 2026-12-24 09:00\n---\nText\n")


def test_under_embargo_and_the_refusal_message():
    when = parse_embargo("2026-12-24T09:00:00+08:00")
    assert under_embargo(when, datetime(2026, 12, 24, 0, 59, tzinfo=UTC))
    assert not under_embargo(when, datetime(2026, 12, 24, 1, 0, tzinfo=UTC))
    assert not under_embargo(None)
    message = refusal(when, "published")
    assert "24 December 2026, 09:00 (UTC+08:00)" in message and "01:00 UTC" in message and "reason" in message


def test_hong_kong_sessions_know_the_lunch_break_and_christmas():
    assert session_at("XHKG", parse_embargo("2026-12-23T10:00:00+08:00")) is not None
    assert session_at("XHKG", parse_embargo("2026-12-23T12:30:00+08:00")) is None  # lunch break
    assert session_at("XHKG", parse_embargo("2026-12-23T09:00:00+08:00")) is None  # before the open
    half = session_at("XHKG", parse_embargo("2026-12-24T11:00:00+08:00"))  # Christmas Eve: morning only
    assert half is not None and half.hours() == "09:30-12:00 HKT"
    assert session_at("XHKG", parse_embargo("2026-12-24T14:00:00+08:00")) is None
    assert session_at("XHKG", parse_embargo("2026-12-25T10:00:00+08:00")) is None  # holiday
    assert session_at("XNYS", parse_embargo("2026-11-26T10:00:00-05:00")) is None  # Thanksgiving
    assert session_at("XNYS", parse_embargo("2026-12-23T15:00:00-05:00")) is not None


def test_clashes_name_the_exchange_and_the_stocks():
    when = parse_embargo("2026-12-23T10:00:00+08:00")
    (clash,) = session_clashes([XIAOMI, FORD], when)  # New York is closed at 21:00 its time
    text = clash.message(when)
    assert "HKEX" in text and "1810" in text and "09:30-12:00, 13:00-16:00 HKT" in text
    assert session_clashes([TickerTag.unlisted_tag("ACME")], when) == []


def _package(status: ArticleStatus, embargo: str) -> ArticlePackage:
    article = Article(id=1, title="Xiaomi results", dek="Profit rose.", byline="Ana", body="Xiaomi profit rose.\n")
    article = replace(article, status=status, embargo_at=parse_embargo(embargo))
    return ArticlePackage(article=article, tickers=[XIAOMI])


def test_checklist_blocks_publication_of_an_approved_article_before_its_embargo():
    now = datetime(2026, 12, 22, tzinfo=UTC)
    items = run_checklist(_package(ArticleStatus.APPROVED, "2026-12-23T10:00:00+08:00"), now=now)
    codes = {i.code: i.level for i in items}
    assert codes["embargo"] == "error" and codes["embargo_session"] == "warning"
    # in review the next step is approval, which an embargo does not stop
    items = run_checklist(_package(ArticleStatus.IN_REVIEW, "2026-12-23T10:00:00+08:00"), now=now)
    assert {i.code: i.level for i in items}["embargo"] == "warning"
    # lifted: nothing to say
    later = datetime(2026, 12, 24, tzinfo=UTC)
    items = run_checklist(_package(ArticleStatus.APPROVED, "2026-12-23T10:00:00+08:00"), now=later)
    assert not {"embargo", "embargo_session"} & {i.code for i in items}


def test_2027_sessions_are_known_for_hong_kong_inside_outside_and_on_a_holiday():
    assert session_at("XHKG", parse_embargo("2027-01-04T10:00:00+08:00")) is not None  # a Monday session
    assert session_at("XHKG", parse_embargo("2027-01-04T17:00:00+08:00")) is None  # after the close
    assert session_at("XHKG", parse_embargo("2027-02-08T10:00:00+08:00")) is None  # Lunar New Year
    assert session_at("XHKG", parse_embargo("2027-01-04 10:00 Asia/Hong_Kong")) is not None


def test_an_exchange_the_table_does_not_know_that_far_ahead_is_named_not_taken_for_closed():
    shanghai = TickerTag("600104", "XSHG", "SAIC Motor", "SSE", "about")
    when = parse_embargo("2027-03-03T10:00:00+08:00")  # past the table's last Shanghai day
    article = Article(id=1, title="SAIC results", dek="Profit rose.", byline="Ana", body="SAIC profit rose.\n")
    package = ArticlePackage(
        article=replace(article, status=ArticleStatus.APPROVED, embargo_at=when), tickers=[shanghai, XIAOMI]
    )
    items = {i.code: i for i in run_checklist(package, now=datetime(2027, 3, 1, tzinfo=UTC))}
    unknown = items["embargo_session_unknown"]
    assert unknown.level == "warning" and "SSE" in unknown.message and "31 December 2026" in unknown.message
    assert "HKEX" in items["embargo_session"].message  # Hong Kong is known, and trading then
