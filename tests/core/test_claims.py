"""Claims in core (no Qt): the status explains itself, every rule; front matter; JSON."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
import yaml

from editor_app.core.claim_json import claim_from_dict, claim_to_dict
from editor_app.core.claims import (
    Appearance,
    Channel,
    Claim,
    ClaimStatus,
    Response,
    Stance,
    StatusVerdict,
    derive_status,
    short_statement,
)

FT = Appearance(
    outlet="Financial Times",
    title="Ford in talks with Xiaomi",
    url="https://example.com/ft",
    date=date(2026, 11, 20),
    is_first=True,
)


def claim(*responses: Response, appearances: list[Appearance] | None = None) -> Claim:
    return Claim(
        key="c1",
        wording="Ford held preliminary talks with Xiaomi",
        appearances=[FT] if appearances is None else appearances,
        responses=list(responses),
    )


def r(party: str, stance: Stance, **kw) -> Response:
    return Response(party=party, stance=stance, **kw)


# -- derivation: one test per rule ---------------------------------------------------------------


def test_no_responses_is_unconfirmed():
    assert claim().derived == StatusVerdict(ClaimStatus.UNCONFIRMED, "No responses recorded", False)


def test_denied_by_two_named_parties():
    v = claim(r("Ford", Stance.DENIES), r("Xiaomi", Stance.DENIES)).derived
    assert v.status is ClaimStatus.DENIED
    assert v.reason == "Denied by Ford and Xiaomi"


def test_denied_mentions_who_declined_or_did_not_respond():
    v = claim(
        r("Ford", Stance.DENIES),
        r("Xiaomi", Stance.DENIES),
        r("Tesla", Stance.DECLINES_TO_COMMENT),
        r("BYD", Stance.DID_NOT_RESPOND),
    ).derived
    assert v.status is ClaimStatus.DENIED
    assert v.reason == "Denied by Ford and Xiaomi; Tesla declined to comment; BYD did not respond"


def test_confirmed_only():
    v = claim(r("Ford", Stance.CONFIRMS), r("Xiaomi", Stance.CONFIRMS)).derived
    assert (v.status, v.reason) == (ClaimStatus.CONFIRMED, "Confirmed by Ford and Xiaomi")


def test_partially_confirmed_is_confirmed_and_says_partially():
    v = claim(r("Ford", Stance.PARTIALLY_CONFIRMS)).derived
    assert (v.status, v.reason) == (ClaimStatus.CONFIRMED, "Partially confirmed by Ford")
    v = claim(r("Ford", Stance.CONFIRMS), r("Xiaomi", Stance.PARTIALLY_CONFIRMS)).derived
    assert (v.status, v.reason) == (ClaimStatus.CONFIRMED, "Confirmed by Ford; partially confirmed by Xiaomi")


def test_confirmation_and_denial_is_disputed():
    v = claim(r("Xiaomi", Stance.DENIES), r("Ford", Stance.CONFIRMS)).derived
    assert (v.status, v.reason) == (ClaimStatus.DISPUTED, "Confirmed by Ford; denied by Xiaomi")
    v = claim(r("Ford", Stance.PARTIALLY_CONFIRMS), r("Xiaomi", Stance.DENIES)).derived
    assert (v.status, v.reason) == (ClaimStatus.DISPUTED, "Partially confirmed by Ford; denied by Xiaomi")


def test_retracted_by_the_reporting_outlet_wins():
    v = claim(r("Ford", Stance.CONFIRMS), r("financial  times", Stance.RETRACTS)).derived
    assert v.status is ClaimStatus.RETRACTED
    assert v.reason == "Retracted by Financial Times"  # spelled as the appearance has it


def test_retraction_by_a_party_that_did_not_report_is_only_mentioned():
    v = claim(r("Ford", Stance.RETRACTS)).derived
    assert (v.status, v.reason) == (ClaimStatus.UNCONFIRMED, "Ford retracted a statement")
    v = claim(r("Xiaomi", Stance.DENIES), r("Reuters", Stance.RETRACTS)).derived
    assert (v.status, v.reason) == (ClaimStatus.DENIED, "Denied by Xiaomi; Reuters retracted a statement")


def test_only_declines_and_non_answers_is_unconfirmed_naming_them():
    v = claim(r("Ford", Stance.DECLINES_TO_COMMENT)).derived
    assert (v.status, v.reason) == (ClaimStatus.UNCONFIRMED, "Ford declined to comment")
    v = claim(
        r("Ford", Stance.DECLINES_TO_COMMENT),
        r("Xiaomi", Stance.DECLINES_TO_COMMENT),
        r("BYD", Stance.DID_NOT_RESPOND),
        r("Tesla", Stance.CLARIFIES),
    ).derived
    assert v.status is ClaimStatus.UNCONFIRMED
    assert v.reason == "Ford and Xiaomi declined to comment; BYD did not respond; Tesla clarified"


def test_unnamed_party_does_not_count_but_is_mentioned():
    v = claim(r("", Stance.DENIES)).derived
    assert (v.status, v.reason) == (ClaimStatus.UNCONFIRMED, "An unnamed source denied (not counted)")
    v = claim(r("Ford", Stance.DENIES), r("  ", Stance.CONFIRMS)).derived
    assert v.status is ClaimStatus.DENIED  # the unnamed confirmation does not make it disputed
    assert v.reason == "Denied by Ford; an unnamed source confirmed (not counted)"


def test_a_party_that_changed_position_counts_with_its_latest_answer():
    v = claim(
        r("Ford", Stance.DENIES, date=date(2026, 11, 20)), r("Ford", Stance.CONFIRMS, date=date(2026, 11, 24))
    ).derived
    assert (v.status, v.reason) == (ClaimStatus.CONFIRMED, "Confirmed by Ford")
    v = claim(
        r("Ford", Stance.CONFIRMS, date=date(2026, 11, 24)), r("ford", Stance.DENIES, date=date(2026, 11, 20))
    ).derived  # listed later, dated earlier
    assert v.status is ClaimStatus.CONFIRMED
    v = claim(r("Ford", Stance.DENIES), r("Ford", Stance.DENIES, quote="Again: false.")).derived
    assert v.reason == "Denied by Ford"  # named once


def test_derive_status_accepts_parts():
    responses = [r("Financial Times", Stance.RETRACTS)]
    assert derive_status(responses).status is ClaimStatus.UNCONFIRMED  # no appearances: not the reporter
    assert derive_status(responses, [FT]).status is ClaimStatus.RETRACTED
    assert derive_status(([FT], responses)).status is ClaimStatus.RETRACTED


def test_override_wins_with_its_reason():
    c = claim(r("Ford", Stance.DENIES), r("Xiaomi", Stance.DENIES))
    c.override_status = ClaimStatus.CONFIRMED
    c.override_reason = "Xiaomi's exchange filing of 24 Nov confirms the talks"
    assert c.effective == StatusVerdict(ClaimStatus.CONFIRMED, c.override_reason, overridden=True)
    assert c.derived.status is ClaimStatus.DENIED  # still known
    d = claim_to_dict(c)
    assert (d["status"], d["status_reason"], d["overridden"], d["derived_status"]) == (
        "confirmed",
        c.override_reason,
        True,
        "denied",
    )


def test_labels():
    assert Stance.PARTIALLY_CONFIRMS.label == "Partially confirms"
    assert Stance.DECLINES_TO_COMMENT.label == "Declined to comment"
    assert Stance.DID_NOT_RESPOND.label == "Did not respond"
    assert Stance.DENIES.label == "Denies"
    assert Channel.EXCHANGE_FILING.label == "Exchange filing"
    assert Channel.STATEMENT.label == "Statement to media"
    assert ClaimStatus.DISPUTED.label == "Disputed"
    assert [s.value for s in ClaimStatus] == ["unconfirmed", "denied", "confirmed", "disputed", "retracted"]


def test_first_appearance_and_reporting_outlets():
    reuters = Appearance(outlet="Reuters", date=date(2026, 11, 19))
    ft_again = Appearance(outlet="financial times", date=date(2026, 11, 21))
    c = claim(appearances=[Appearance(outlet="Financial Times", date=date(2026, 11, 20)), reuters, ft_again])
    assert c.first_appearance is reuters  # none marked: the earliest dated
    assert c.reporting_outlets == ["Financial Times", "Reuters"]
    c.appearances[2].is_first = True
    assert c.first_appearance is ft_again
    assert claim(appearances=[]).first_appearance is None


# -- short statement ------------------------------------------------------------------------------


def test_short_statement():
    assert short_statement("  Ford   denies\n talks ") == "Ford denies talks"
    long = "Ford held preliminary talks with Xiaomi about building electric vehicles in the United States"
    short = short_statement(long)
    assert len(short) <= 75 and short.endswith("…")
    assert short == "Ford held preliminary talks with Xiaomi about building electric vehicles…"
    assert long.startswith(short[:-1])
    assert short_statement("x" * 100, limit=10) == "x" * 9 + "…"
    assert short_statement("a" * 75) == "a" * 75


# -- front matter and JSON --------------------------------------------------------------------------

FRONT_MATTER = """
claims:
  - text: "Ford held preliminary talks with Xiaomi about building EVs in the US"
    anchor: "preliminary talks"
    reported_by: {outlet: "Financial Times", url: "https://example.com/ft", date: 2026-11-20}
    responses:
      - {party: "Ford", stance: denies, quote: "The report is false.", date: 2026-11-20}
      - {party: "Xiaomi", stance: denies, quote: "We are not in such talks."}
  - text: "Tesla is in talks too"
    reported_by:
      - {outlet: Reuters, date: "2026-11-21", first: true, attribution: people familiar with the matter}
      - Bloomberg
    responses:
      - {party: Tesla, stance: Declined to comment, channel: press release}
      - {party: BYD, stance: no response}
      - {party: Ford, stance: partially-confirms, spokesperson: "Jane Doe", source_url: "https://x.test/a"}
"""


def test_claims_from_yaml_front_matter():
    data = yaml.safe_load(FRONT_MATTER)
    first, second = (claim_from_dict(d) for d in data["claims"])
    assert first.wording == "Ford held preliminary talks with Xiaomi about building EVs in the US"
    assert first.short == first.wording  # short enough
    assert [(a.outlet, a.url, a.date) for a in first.appearances] == [
        ("Financial Times", "https://example.com/ft", date(2026, 11, 20))
    ]
    assert [(x.party, x.stance, x.quote, x.date) for x in first.responses] == [
        ("Ford", Stance.DENIES, "The report is false.", date(2026, 11, 20)),
        ("Xiaomi", Stance.DENIES, "We are not in such talks.", None),
    ]
    assert first.effective.status is ClaimStatus.DENIED
    assert first.effective.reason == "Denied by Ford and Xiaomi"
    assert first.date_first_reported == date(2026, 11, 20)

    assert [a.outlet for a in second.appearances] == ["Reuters", "Bloomberg"]
    assert second.first_appearance.outlet == "Reuters"
    assert second.appearances[0].attribution == "people familiar with the matter"
    assert [x.stance for x in second.responses] == [
        Stance.DECLINES_TO_COMMENT,
        Stance.DID_NOT_RESPOND,
        Stance.PARTIALLY_CONFIRMS,
    ]
    assert second.responses[0].channel is Channel.PRESS_RELEASE
    assert (second.responses[2].spokesperson, second.responses[2].source_url) == ("Jane Doe", "https://x.test/a")
    assert second.effective.reason == ("Partially confirmed by Ford; Tesla declined to comment; BYD did not respond")


@pytest.mark.parametrize(
    "spelling, stance",
    [
        ("DENIES", Stance.DENIES),
        ("declines to comment", Stance.DECLINES_TO_COMMENT),
        ("declined to comment", Stance.DECLINES_TO_COMMENT),
        ("partially-confirms", Stance.PARTIALLY_CONFIRMS),
        ("Partially confirms", Stance.PARTIALLY_CONFIRMS),
        ("no response", Stance.DID_NOT_RESPOND),
        ("did not respond", Stance.DID_NOT_RESPOND),
        ("Retracts", Stance.RETRACTS),
        ("clarifies", Stance.CLARIFIES),
        ("confirmed", Stance.CONFIRMS),
    ],
)
def test_stance_spellings(spelling, stance):
    c = claim_from_dict({"text": "x", "responses": [{"party": "Ford", "stance": spelling}]})
    assert c.responses[0].stance is stance


def test_bad_stance_names_the_value_and_the_allowed_ones():
    data = yaml.safe_load("claims:\n  - text: x\n    responses:\n      - {party: Ford, stance: maybe}\n")
    with pytest.raises(ValueError) as info:
        claim_from_dict(data["claims"][0])
    msg = str(info.value)
    assert "'maybe'" in msg
    for allowed in (
        "denies",
        "confirms",
        "partially confirms",
        "declines to comment",
        "did not respond",
        "clarifies",
        "retracts",
    ):
        assert allowed in msg


def test_bad_inputs_are_refused_clearly():
    with pytest.raises(ValueError, match="text"):
        claim_from_dict({"responses": []})
    with pytest.raises(ValueError, match="no stance"):
        claim_from_dict({"text": "x", "responses": [{"party": "Ford"}]})
    with pytest.raises(ValueError, match="not a date"):
        claim_from_dict({"text": "x", "reported_by": {"outlet": "FT", "date": "last Tuesday"}})
    with pytest.raises(ValueError, match="unknown channel"):
        claim_from_dict({"text": "x", "responses": [{"party": "F", "stance": "denies", "channel": "pigeon"}]})
    with pytest.raises(ValueError, match="reason"):
        claim_from_dict({"text": "x", "override": {"status": "confirmed"}})


def test_dict_round_trip_is_json_ready():
    c = claim(
        r(
            "Ford",
            Stance.DENIES,
            quote="False.",
            spokesperson="A. Speaker",
            date=date(2026, 11, 20),
            channel=Channel.SOCIAL_MEDIA,
            reported_by="Reuters",
            source_url="https://example.com/r",
        ),
        r("Xiaomi", Stance.DENIES),
    )
    c.override_status, c.override_reason, c.override_by = ClaimStatus.DISPUTED, "Filing says otherwise", "ed"
    c.override_at = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
    d = json.loads(json.dumps(claim_to_dict(c)))
    assert set(d) >= {
        "text",
        "short",
        "key",
        "status",
        "status_reason",
        "overridden",
        "reported_by",
        "first_reported",
        "responses",
        "history",
    }
    assert d["reported_by"][0] == {
        "outlet": "Financial Times",
        "title": "Ford in talks with Xiaomi",
        "url": "https://example.com/ft",
        "date": "2026-11-20",
        "first": True,
        "attribution": "",
    }
    assert d["responses"][0]["stance"] == "denies" and d["responses"][0]["channel"] == "social_media"
    back = claim_from_dict(d)
    assert back.responses == [
        Response(
            party=x.party,
            stance=x.stance,
            quote=x.quote,
            spokesperson=x.spokesperson,
            date=x.date,
            channel=x.channel,
            reported_by=x.reported_by,
            source_url=x.source_url,
        )
        for x in c.responses
    ]
    assert back.appearances == c.appearances
    assert (back.override_status, back.override_reason, back.override_at) == (
        ClaimStatus.DISPUTED,
        "Filing says otherwise",
        c.override_at,
    )
    assert back.effective == c.effective


def test_a_response_reads_as_a_sentence_in_the_claims_box():
    """Issue 19: responses showed as "(a Ford spokesperson) Statement to media source"."""
    from datetime import date

    from editor_app.core.article import Article
    from editor_app.core.claims import Claim, Response, Stance
    from editor_app.core.export import ArticlePackage, export_page
    from editor_app.core.render import render_markdown

    r = Response(
        party="Ford",
        stance=Stance.DENIES,
        quote="The report is false.",
        spokesperson="a Ford spokesperson",
        date=date(2026, 12, 2),
        reported_by="Reuters",
        source_url="https://example.com/ford",
    )
    assert (
        r.attribution
        == "A Ford spokesperson said in a statement to the media on 2 December 2026, as reported by Reuters."
    )
    assert Response(party="Xiaomi", stance=Stance.DID_NOT_RESPOND).attribution == ""
    claim = Claim(id=1, article_id=1, key="c1", short="Talks", wording="Ford held talks with Xiaomi", responses=[r])
    body = "Ford <!--claim c1-->held talks<!--/claim--> with Xiaomi."
    page = export_page(
        ArticlePackage(Article(title="T", byline="B", dek="D", body=body), [claim], []), render_markdown(body)
    )
    assert "A Ford spokesperson said in a statement to the media on 2 December 2026, as reported by Reuters." in page
    assert "Statement to media" not in page and "(a Ford spokesperson)" not in page
