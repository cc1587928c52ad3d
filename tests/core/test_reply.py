"""Right of reply: deadlines with a fixed `now`, the wording the story prints, and the checklist
item that blocks publishing while a party may still answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from editor_app.core.article import Article
from editor_app.core.checklist import run_checklist
from editor_app.core.claim_markup import claims_box_html
from editor_app.core.claims import Appearance, Claim, Response, Stance
from editor_app.core.export import ArticlePackage
from editor_app.core.reply import (
    ReplyMethod,
    ReplyRequest,
    ReplyState,
    claim_parties,
    clock_text,
    deadline_text,
    parse_deadline,
    story_lines,
    time_left,
    zone_abbreviation,
)

ASKED = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)  # 10 a.m. in Hong Kong
DEADLINE = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)  # 5 p.m. in Hong Kong


def request(**changes) -> ReplyRequest:
    base = ReplyRequest(
        id=1,
        claim_id=7,
        claim_key="c1",
        party="Xiaomi",
        method=ReplyMethod.EMAIL,
        asked_at=ASKED,
        asked_by="Ana Ruiz",
        deadline=DEADLINE,
        zone="Asia/Hong_Kong",
    )
    return replace(base, **changes)


# -- state with a fixed now ------------------------------------------------------------------


def test_open_until_the_deadline_then_overdue():
    r = request()
    assert r.state(DEADLINE - timedelta(seconds=1)) is ReplyState.OPEN
    assert r.state(DEADLINE) is ReplyState.OVERDUE  # at 5 p.m. sharp the deadline has passed
    assert r.state(DEADLINE + timedelta(days=30)) is ReplyState.OVERDUE


def test_a_closed_request_stays_closed_whatever_the_time():
    r = request(closed_at=ASKED + timedelta(hours=1), closed_by="Xiaomi: denies")
    assert r.state(ASKED + timedelta(hours=2)) is ReplyState.CLOSED
    assert r.state(DEADLINE + timedelta(days=1)) is ReplyState.CLOSED
    assert r.sentence(DEADLINE + timedelta(days=1)) == ""


def test_a_naive_now_is_read_as_utc():
    assert request().state(datetime(2026, 12, 3, 9, 0)) is ReplyState.OVERDUE


# -- wording ---------------------------------------------------------------------------------


def test_overdue_sentence_as_the_wires_write_it():
    after = DEADLINE + timedelta(hours=3)
    assert request().sentence(after) == "Xiaomi did not respond to a request for comment by 5 p.m. HKT on Dec. 3."


def test_pending_sentence_says_not_immediately():
    assert request().sentence(ASKED) == "Xiaomi did not immediately respond to a request for comment."


def test_the_year_is_named_only_when_it_is_not_this_year():
    assert deadline_text(DEADLINE, "Asia/Hong_Kong", datetime(2027, 1, 5, tzinfo=UTC)) == "5 p.m. HKT on Dec. 3, 2026"
    assert deadline_text(DEADLINE, "Asia/Hong_Kong", DEADLINE) == "5 p.m. HKT on Dec. 3"


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [(17, 0, "5 p.m."), (9, 30, "9:30 a.m."), (12, 0, "noon"), (0, 0, "midnight"), (0, 15, "12:15 a.m.")],
)
def test_clock_in_house_style(hour: int, minute: int, text: str):
    assert clock_text(datetime(2026, 12, 3, hour, minute)) == text


def test_zone_names_follow_the_date_and_the_desk_table():
    summer = datetime(2026, 7, 1, 21, 0, tzinfo=UTC)
    winter = datetime(2026, 12, 1, 22, 0, tzinfo=UTC)
    assert zone_abbreviation("America/New_York", summer) == "EDT"
    assert zone_abbreviation("America/New_York", winter) == "EST"
    assert zone_abbreviation("Europe/London", summer) == "BST"
    assert zone_abbreviation("Asia/Shanghai", winter) == "Beijing time"  # "CST" would read as Chicago
    assert zone_abbreviation("+08:00", winter) == "UTC+8"
    assert zone_abbreviation("-05:30", winter) == "UTC-5:30"
    assert deadline_text(winter, "America/New_York") == "5 p.m. EST on Dec. 1"
    assert deadline_text(DEADLINE, "Asia/Shanghai") == "5 p.m. Beijing time on Dec. 3"
    assert deadline_text(datetime(2026, 9, 4, 16, 0, tzinfo=UTC), "UTC") == "4 p.m. GMT on Sept. 4"


def test_time_left_for_the_panel():
    assert time_left(DEADLINE, DEADLINE - timedelta(hours=3, minutes=20)) == "3 h 20 min"
    assert time_left(DEADLINE, DEADLINE - timedelta(minutes=45)) == "45 min"
    assert time_left(DEADLINE, DEADLINE - timedelta(days=3)) == "3 days"
    assert time_left(DEADLINE, DEADLINE - timedelta(hours=47, minutes=52)) == "1 day 23 h"
    assert time_left(DEADLINE, DEADLINE + timedelta(hours=1)) == "0 min"


# -- parsing the deadline ------------------------------------------------------------------


def test_parse_deadline_keeps_the_offset_or_the_zone_given():
    when, zone = parse_deadline("2026-12-05T17:00+08:00")
    assert when == datetime(2026, 12, 5, 9, 0, tzinfo=UTC) and zone == "+08:00"
    when, zone = parse_deadline("2026-12-05T17:00+08:00", "Asia/Hong_Kong")
    assert when == datetime(2026, 12, 5, 9, 0, tzinfo=UTC) and zone == "Asia/Hong_Kong"
    when, zone = parse_deadline("2026-12-05 17:00", "America/New_York")
    assert when == datetime(2026, 12, 5, 22, 0, tzinfo=UTC)
    assert parse_deadline("2026-12-05T09:00Z")[0] == datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone", "message"),
    [
        ("2026-12-05 17:00", "", "time zone"),
        ("tomorrow at five", "", "not a date"),
        ("2026-12-05 17:00", "Mars/Olympus", "unknown time zone"),
        ("2026-03-08 02:30", "America/New_York", "does not exist"),
    ],
)
def test_parse_deadline_refuses_what_would_be_hours_off(text: str, zone: str, message: str):
    with pytest.raises(ValueError, match=message):
        parse_deadline(text, zone)


def test_methods_parse_from_what_people_type():
    assert ReplyMethod.parse("e-mail") is ReplyMethod.EMAIL
    assert ReplyMethod.parse("Phone") is ReplyMethod.PHONE
    assert ReplyMethod.parse("statement request") is ReplyMethod.STATEMENT_REQUEST
    with pytest.raises(ValueError, match="phone, email"):
        ReplyMethod.parse("pigeon")


# -- parties and story lines -----------------------------------------------------------------


def test_claim_parties_are_responders_requested_and_named_known_parties():
    parties = claim_parties(
        "Ford held talks with Xiaomi's EV unit about a plant",
        responders=["Ford"],
        requested=["Zeekr"],
        known=["ford", "Xiaomi", "Tesla", "EV"],
    )
    assert parties == ["Ford", "Zeekr", "Xiaomi", "EV"]


def test_story_lines_one_per_party_latest_request():
    first = request(id=1)
    again = request(id=2, asked_at=ASKED + timedelta(hours=1), deadline=DEADLINE + timedelta(days=1))
    ford = request(id=3, party="Ford", closed_at=ASKED + timedelta(hours=2))
    after_first = DEADLINE + timedelta(hours=1)
    assert story_lines([first, again, ford], after_first) == [
        "Xiaomi did not immediately respond to a request for comment."
    ]
    assert story_lines([first, ford], after_first) == [
        "Xiaomi did not respond to a request for comment by 5 p.m. HKT on Dec. 3."
    ]


# -- the claims box and the checklist ------------------------------------------------------


def _package(*requests: ReplyRequest, responses: list[Response] | None = None) -> ArticlePackage:
    article = Article(
        id=1,
        title="Ford denies report of talks with Xiaomi",
        dek="Ford denied a report that it held talks with Xiaomi.",
        byline="Ana Ruiz",
        body="Ford said <!--claim c1-->it held talks with Xiaomi<!--/claim--> was false.\n",
    )
    claim = Claim(
        id=7,
        article_id=1,
        key="c1",
        wording="Ford held talks with Xiaomi",
        appearances=[Appearance(outlet="Financial Times", url="https://example.com/ft")],
        responses=responses if responses is not None else [],
    )
    return ArticlePackage(article, [claim], replies=list(requests))


def test_claims_box_prints_did_not_respond_after_the_deadline():
    html = claims_box_html(_package(request()).claims, [request()], DEADLINE + timedelta(minutes=1))
    assert "Xiaomi did not respond to a request for comment by 5 p.m. HKT on Dec. 3." in html
    assert "No responses recorded" not in html
    before = claims_box_html(_package(request()).claims, [request()], ASKED)
    assert "did not immediately respond" in before


def codes(items) -> list[str]:
    return [i.code for i in items]


def test_checklist_blocks_while_the_deadline_has_not_passed():
    items = run_checklist(_package(request()), now=ASKED + timedelta(hours=1))
    (item,) = [i for i in items if i.code == "reply_pending"]
    assert item.level == "error"
    assert "Xiaomi was asked for comment by e-mail by Ana Ruiz" in item.message
    assert "5 p.m. HKT on Dec. 3" in item.message
    assert item.where.part == "claim" and item.where.field == "replies" and item.where.key == "c1"
    assert item.where.id == 1


def test_checklist_after_the_deadline_counts_it_as_did_not_respond():
    items = run_checklist(_package(request()), now=DEADLINE)
    assert "reply_pending" not in codes(items)
    assert "claim_no_response" not in codes(items)  # the overdue request is the "did not respond" entry
    assert "claim_no_response" in codes(run_checklist(_package(), now=DEADLINE))


def test_checklist_passes_once_the_answer_closed_it():
    closed = request(closed_at=ASKED + timedelta(hours=1), closed_by="Xiaomi: denies")
    deny = Response(party="Xiaomi", stance=Stance.DENIES, quote="No.", source_url="https://example.com/x")
    items = run_checklist(_package(closed, responses=[deny]), now=ASKED + timedelta(hours=2))
    assert "reply_pending" not in codes(items)


def test_party_names_in_the_box_stay_text():
    hostile = request(party="<script>alert(1)</script>")
    html = claims_box_html(_package(hostile).claims, [hostile], DEADLINE + timedelta(minutes=1))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; did not respond" in html
