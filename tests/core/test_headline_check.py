"""The headline and claim check: a headline or dek that states a denied, disputed or unconfirmed
claim as fact is warned about, with the words and a way to attribute it; attributed ones pass."""

from __future__ import annotations

import pytest

from editor_app.core.article import Article
from editor_app.core.checklist import run_checklist
from editor_app.core.claims import Appearance, Claim, ClaimStatus, Response, Stance
from editor_app.core.export import ArticlePackage
from editor_app.core.headline_check import attribution_cue, check_claim, check_field, lemma

WORDING = "Ford held talks with Xiaomi about an EV partnership"


def denied() -> Claim:
    return Claim(
        id=7,
        key="c1",
        wording=WORDING,
        responses=[Response(party="Ford", stance=Stance.DENIES), Response(party="Xiaomi", stance=Stance.DENIES)],
    )


def test_headline_stating_a_denied_claim_is_explained():
    found = check_field("title", "Ford in talks with Xiaomi", denied())
    assert found is not None
    assert found.message == (
        "The headline states “Ford in talks with Xiaomi” as fact; the claim is denied by Ford and Xiaomi. "
        "Attribute it: “Report says Ford in talks with Xiaomi”, or give the denial: "
        "“Ford in talks with Xiaomi? Ford and Xiaomi deny”."
    )
    assert (found.start, found.end) == (0, len("Ford in talks with Xiaomi"))


@pytest.mark.parametrize(
    "headline",
    [
        "Report says Ford in talks with Xiaomi; both deny",
        "Ford and Xiaomi deny report of EV partnership talks",
        "Ford in talks with Xiaomi? Both say no",
        "Ford, Xiaomi in EV partnership talks, according to people familiar",
        "Xiaomi: no EV partnership talks with Ford",
        "Ford, Xiaomi shares rise in Hong Kong",  # the companies, not the claim
    ],
)
def test_attributed_or_unrelated_headlines_pass(headline: str):
    assert check_field("title", headline, denied()) is None


def test_only_denied_disputed_unconfirmed_or_retracted_claims_are_checked():
    confirmed = Claim(key="c1", wording=WORDING, responses=[Response(party="Ford", stance=Stance.CONFIRMS)])
    assert confirmed.effective.status is ClaimStatus.CONFIRMED
    assert check_field("title", "Ford in talks with Xiaomi", confirmed) is None
    unconfirmed = Claim(key="c1", wording=WORDING)
    found = check_field("title", "Ford in talks with Xiaomi", unconfirmed)
    assert found is not None and "the claim is unconfirmed (no responses recorded)" in found.message
    disputed = Claim(
        key="c1",
        wording=WORDING,
        responses=[Response(party="Ford", stance=Stance.CONFIRMS), Response(party="Xiaomi", stance=Stance.DENIES)],
    )
    found = check_field("title", "Xiaomi and Ford discuss EV partnership", disputed)
    assert found is not None and "the claim is disputed (confirmed by Ford; denied by Xiaomi)" in found.message


def test_the_dek_is_checked_and_its_words_selected():
    dek = "Shares rose. Ford is in talks with Xiaomi over an EV partnership."
    (found,) = check_claim("Ford and Xiaomi deny report", dek, denied())
    assert found.field == "dek"
    assert dek[found.start : found.end] == "Ford is in talks with Xiaomi over an EV partnership"


def test_light_lemmas():
    assert lemma("talks") == lemma("talk") == "talk"
    assert lemma("held") == "hold"
    assert lemma("agreed") == lemma("agree")
    assert lemma("planned") == lemma("plans") == "plan"
    assert lemma("Xiaomi's") == "xiaomi"


def test_cues():
    assert attribution_cue("Ford reportedly in talks") == "reportedly"
    assert attribution_cue("Is Ford in talks with Xiaomi?") == "?"
    assert attribution_cue("Ford: talks with Xiaomi are over") == ":"
    assert attribution_cue("Ford in talks with Xiaomi") == ""


def test_checklist_warns_and_points_at_the_headline_words():
    article = Article(
        id=1,
        title="Ford in talks with Xiaomi",
        dek="Ford and Xiaomi denied a report of talks.",
        byline="Ana Ruiz",
        body="<!--claim c1-->Ford held talks with Xiaomi<!--/claim-->, a paper said.\n",
    )
    claim = denied()
    claim.appearances = [Appearance(outlet="The Paper")]
    items = run_checklist(ArticlePackage(article, [claim]))
    (item,) = [i for i in items if i.code == "headline_states_claim"]
    assert item.level == "warning"
    assert item.message.startswith("Claim c1 (")
    assert "The headline states “Ford in talks with Xiaomi” as fact" in item.message
    where = item.where
    assert (where.part, where.field, where.key, where.offset, where.length) == ("header", "title", "c1", 0, 25)
    assert item.to_dict()["where"]["length"] == 25
    article.title = "Report says Ford in talks with Xiaomi; both deny"
    assert "headline_states_claim" not in [i.code for i in run_checklist(ArticlePackage(article, [claim]))]
