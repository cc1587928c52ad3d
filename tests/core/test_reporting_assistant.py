"""The reporting assistant proposes claims, reporters and responses from text we wrote ourselves."""

from __future__ import annotations

import pytest

from editor_app.core.claims import ClaimStatus, Stance
from editor_app.core.reporting import proposal_status, propose, split_sentences

FORD = (
    "A report in the Financial Times said Ford held talks with Xiaomi about building electric cars. "
    "Ford denied the report, calling it false. Xiaomi said it was not negotiating such a deal."
)


def answers(text: str) -> set[tuple[str, Stance]]:
    return {(r.party, r.stance) for c in propose(text) for r in c.responses}


def test_the_ford_story_gives_one_claim_its_reporter_and_two_denials():
    claims = propose(FORD)
    assert len(claims) == 1
    claim = claims[0]
    assert "Ford held talks with Xiaomi" in claim.text
    assert FORD[claim.start : claim.end] == claim.text
    assert [r.who for r in claim.reported_by] == ["Financial Times"]
    assert {(r.party, r.stance) for r in claim.responses} == {("Ford", Stance.DENIES), ("Xiaomi", Stance.DENIES)}
    for r in claim.responses:
        assert FORD[r.start : r.end] == r.quote
        assert r.start <= r.cue_start < r.cue_end <= r.end
    rep = claim.reported_by[0]
    assert FORD[rep.start : rep.end] == rep.who


def test_status_is_derived_by_the_claims_model():
    claim = propose(FORD)[0]
    verdict = proposal_status(claim)
    assert verdict.status is ClaimStatus.DENIED
    assert "Ford" in verdict.reason and "Xiaomi" in verdict.reason
    assert claim.status() == verdict


@pytest.mark.parametrize(
    ("text", "party", "stance"),
    [
        (
            "Acme Corp rejected a newspaper report that it was preparing a bid for Widget Works. "
            "The Daily Ledger said Acme had hired advisers for the deal.",
            "Acme",
            Stance.DENIES,
        ),
        (
            "Bloomberg reported that Northwind Bank plans to cut 2,000 jobs, citing people familiar with the matter. "
            "Northwind Bank confirmed that it was reviewing its branch network.",
            "Northwind Bank",
            Stance.CONFIRMS,
        ),
        (
            "Orion Motors is in talks to buy a battery maker, according to people familiar with the matter. "
            "A spokeswoman for Orion Motors declined to comment.",
            "Orion Motors",
            Stance.DECLINES_TO_COMMENT,
        ),
        (
            "Helix Pharma is exploring a sale of its generics unit, sources said. "
            "Helix Pharma did not respond to requests for comment.",
            "Helix Pharma",
            Stance.DID_NOT_RESPOND,
        ),
        (
            "Helix Pharma is exploring a sale of its generics unit, sources said. "
            "Representatives for Helix Pharma could not be reached.",
            "Helix Pharma",
            Stance.DID_NOT_RESPOND,
        ),
        (
            "The Morning Courier newspaper reported that the mayor of Eastport said the port would be sold. "
            "Eastport's mayor, John Reed, said he had been misquoted.",
            "Eastport",
            Stance.CLARIFIES,
        ),
        (
            "The Morning Courier newspaper reported that Lumen Air would close its Riverton hub. "
            "The Morning Courier later retracted the story.",
            "The Morning Courier",
            Stance.RETRACTS,
        ),
        (
            "The Daily Ledger reported that Hollis Bank plans to cut 500 jobs. "
            "Hollis Bank neither confirmed nor denied the report.",
            "Hollis Bank",
            Stance.DECLINES_TO_COMMENT,
        ),
        (
            "The Daily Ledger reported that Hollis Bank plans to cut 500 jobs. Hollis Bank did not deny the report.",
            "Hollis Bank",
            Stance.DECLINES_TO_COMMENT,
        ),
        (
            "The Daily Ledger reported that Hollis Bank had received a bid. Hollis Bank confirmed receiving an approach.",
            "Hollis Bank",
            Stance.CONFIRMS,
        ),
        (
            "The Harbor Times reported that Vireo Telecom would lay off 800 staff and close two call centres. "
            "Vireo Telecom confirmed it was restructuring its call centres but denied that any jobs would go.",
            "Vireo Telecom",
            Stance.PARTIALLY_CONFIRMS,
        ),
    ],
)
def test_each_stance(text, party, stance):
    found = answers(text)
    assert any(p.lower().endswith(party.lower().removeprefix("the ")) and s is stance for p, s in found), found


def test_the_company_and_it_resolve_to_the_party_named_before():
    text = (
        "Quill Systems is weighing an offer for Marlow Data, the Evening Ledger newspaper reported on Monday. "
        "Quill Systems shares rose 4 percent. "
        "The company said the report was baseless. It added that it had no plans to make an offer."
    )
    found = answers(text)
    assert ("Quill Systems", Stance.DENIES) in found
    assert all(p == "Quill Systems" for p, _ in found), found


def test_a_spokesman_for_counts_for_the_organisation():
    text = (
        "Tern Energy held talks to sell its refinery, people familiar with the matter said. "
        '"There are no such talks," a spokesman for Tern Energy said.'
    )
    assert answers(text) == {("Tern Energy", Stance.DENIES)}


def test_two_parties_that_could_not_be_reached_are_both_listed():
    text = (
        "Fenwick Capital approached Delta Mills about a merger, the Financial Times reported. "
        "Fenwick Capital and Delta Mills could not be reached for comment."
    )
    found = answers(text)
    assert ("Fenwick Capital", Stance.DID_NOT_RESPOND) in found
    assert ("Delta Mills", Stance.DID_NOT_RESPOND) in found


def test_an_article_with_ordinary_attributed_statements_has_no_proposals():
    text = (
        "# Brightwater keeps its outlook\n\n"
        "Brightwater Foods confirmed its full-year forecast on Tuesday after sales rose 6 percent. "
        "The company said demand for frozen meals stayed strong. "
        "Chief executive Ana Ruiz said she expected margins to improve next year. "
        "Analysts said the results were in line with expectations. "
        "A government report showed retail sales rose in March. "
        "The shares declined 1 percent."
    )
    assert propose(text) == []


def test_no_claims_in_plain_text():
    assert propose("") == []
    assert propose("Markets were calm on Monday.") == []


def test_the_headline_is_not_a_claim_of_its_own():
    text = "# Ford denies report of Xiaomi talks\n\n" + FORD
    claims = propose(text)
    assert len(claims) == 1
    assert claims[0].start > text.index("\n\n")


def test_offsets_are_python_string_indices_with_wide_characters():
    text = "😀 Ümlaut — " + FORD
    claim = propose(text)[0]
    assert text[claim.start : claim.end] == claim.text
    for r in claim.responses:
        assert text[r.start : r.end] == r.quote


def test_sentences_keep_abbreviations_and_initials():
    text = "U.S. Steel Corp. and J. Smith Inc. said on Monday they would merge. Shares rose."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "U.S. Steel Corp. and J. Smith Inc. said on Monday they would merge.",
        "Shares rose.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_dateline_is_not_part_of_the_first_sentence():
    text = "LONDON (Reuters) - Sources said Kestrel Bank was in talks to buy a rival. Kestrel Bank declined to comment."
    claim = propose(text)[0]
    assert claim.text.startswith("Sources said")
    assert [r.who for r in claim.reported_by] == ["Sources"]


def by_party(text: str) -> dict[str, set[Stance]]:
    out: dict[str, set[Stance]] = {}
    for c in propose(text):
        for r in c.responses:
            out.setdefault(r.party, set()).add(r.stance)
    return out


def test_an_outlet_that_stands_by_its_story_confirms_it():
    text = (
        "The Harbor Times reported on Tuesday that Alpenbank had hired advisers to study a bid for Seeland Bank. "
        'Alpenbank said the report was "completely unfounded". The paper stood by its report.'
    )
    found = by_party(text)
    assert found["Alpenbank"] == {Stance.DENIES}
    assert found["Harbor Times"] == {Stance.CONFIRMS}
    [claim] = propose(text)
    assert claim.status().status is ClaimStatus.DISPUTED


def test_an_outlet_withdrawing_its_article_retracts_and_the_carrier_is_the_airline():
    text = (
        "The daily Le Matin withdrew an article that said budget airline SkyBlue planned to close its Lyon base, "
        "after the carrier said the story was wrong. "
        "Le Matin said in a note to readers that it had removed the story from its website."
    )
    [claim] = propose(text)
    assert claim.text.startswith("an article that said budget airline SkyBlue planned")
    assert [r.who for r in claim.reported_by] == ["Le Matin"]
    assert {(r.party, r.stance) for r in claim.responses} == {
        ("SkyBlue", Stance.DENIES),
        ("Le Matin", Stance.RETRACTS),
    }
    assert claim.status().status is ClaimStatus.RETRACTED


def test_the_companies_named_expands_to_each_company():
    text = (
        "Regulators are examining hiring deals at Alder Corp, Birch Systems and Cedar Labs, "
        "the Evening Ledger reported. The companies named did not respond to requests for comment."
    )
    found = by_party(text)
    for name in ("Alder", "Birch Systems", "Cedar Labs"):
        assert found[name] == {Stance.DID_NOT_RESPOND}, found


def test_a_description_before_the_name_is_not_the_party():
    text = (
        "Dutch office supplier Papiro said it was not in talks to be bought, denying a newspaper report "
        "that it had received an offer from a U.S. rival."
    )
    assert by_party(text) == {"Papiro": {Stance.DENIES}}


def test_a_spokeswoman_after_a_quote_speaks_for_the_company_named_before():
    text = (
        "Sources said Quarry Steel was preparing to close its Dunmore mill. Quarry Steel shares fell. "
        '"We have no plans to close Dunmore," a spokeswoman said.'
    )
    assert by_party(text) == {"Quarry Steel": {Stance.DENIES}}


def test_what_sources_say_is_the_claim_not_an_answer():
    text = (
        "Sources said Granite Power had rejected a $2 billion offer for its wind farms. "
        "Orchard Bank had no plans to sell its stake, a person familiar with the matter said."
    )
    claims = propose(text)
    assert len(claims) == 2
    assert all(not c.responses for c in claims)
    assert [r.who for r in claims[1].reported_by] == ["a person familiar with the matter"]


def test_the_lead_and_the_body_stating_one_claim_give_one_proposal():
    text = (
        "Lark Airlines denied on Monday a report in the Sunday Courier that it was in talks to buy "
        "rival Finch Air. The Sunday Courier, citing two people close to the negotiations, said Lark "
        "had hired banks for a bid for Finch Air. Finch Air declined to comment."
    )
    [claim] = propose(text)
    assert claim.evidence, "the other statement is kept as evidence"
    assert {r.who for r in claim.reported_by} == {"Sunday Courier", "two people close to the negotiations"}
    assert {(r.party, r.stance) for r in claim.responses} == {
        ("Lark Airlines", Stance.DENIES),
        ("Finch Air", Stance.DECLINES_TO_COMMENT),
    }


def test_misquoted_and_a_denial_in_one_sentence_are_both_answers():
    text = (
        "The Morning Courier quoted a Kestrel Motors executive as saying a sale of its truck unit was close. "
        'The executive told Reuters he had been "misquoted" and had no knowledge of any talks.'
    )
    stances = {s for c in propose(text) for r in c.responses for s in [r.stance]}
    assert stances == {Stance.CLARIFIES, Stance.DENIES}


@pytest.mark.parametrize(
    "text",
    [
        "CHICAGO (Reuters) - Harbor Foods Inc raised its full-year profit forecast on Tuesday. The company "
        'confirmed its dividend of 20 cents a share, according to a statement. "We are seeing consumers come '
        'back," Chief Executive Maria Lind told Reuters in an interview. In an interview with Bloomberg '
        "Television, Lind said the company would keep investing. A government report showed retail sales rose.",
        "FRANKFURT (Reuters) - The central bank kept interest rates unchanged on Thursday. Its president told a "
        "news conference the bank stood ready to act. She declined to say when rates might fall. Economists "
        "polled by Reuters had expected no change, according to Refinitiv data.",
        "U.S. retail sales rose more than expected in March, a government report showed on Tuesday. Sales rose "
        "0.9 percent, according to the report. The stock market rallied, according to Bloomberg data. The report "
        "said receipts at clothing stores jumped. Treasury Secretary Mark Dunn told CNBC in an interview that growth "
        "would pick up. Walmart said its sales had improved, confirming its outlook. The company declined to "
        "comment on prices.",
        "Siltronix Corp reported quarterly revenue above expectations on Wednesday. Analysts on average had "
        "expected $3.9 billion, according to LSEG data. The chief financial officer said in an interview that "
        "the company was not planning further price increases.",
    ],
)
def test_ordinary_news_with_attributed_statements_has_no_proposals(text):
    assert propose(text) == []


def test_rumours_on_social_media_denied_by_the_bank():
    text = (
        "Nordvik Bank on Tuesday rejected rumours circulating on social media that it faced a cash shortage. "
        "Rival Fjord Bank did not immediately respond to a request for comment."
    )
    [claim] = propose(text)
    assert claim.text.startswith("rumours circulating on social media that it faced a cash shortage")
    assert [r.who for r in claim.reported_by] == ["social media"]
    assert {(r.party, r.stance) for r in claim.responses} == {
        ("Nordvik Bank", Stance.DENIES),
        ("Fjord Bank", Stance.DID_NOT_RESPOND),
    }


def test_an_accusation_that_is_denied_is_a_claim():
    text = (
        "Federal prosecutors accused trader Ostrander Group of manipulating copper prices, according to a "
        "complaint filed on Monday. Ostrander denied any wrongdoing and said it would fight the charges."
    )
    [claim] = propose(text)
    assert [r.who for r in claim.reported_by] == ["Federal prosecutors"]
    assert {(r.party, r.stance) for r in claim.responses} == {("Ostrander", Stance.DENIES)}


def test_an_accusation_nobody_answers_is_not_proposed():
    text = "The state sued the drugmaker on Tuesday, accusing it of hiding side effects. Its shares fell 2 percent."
    assert propose(text) == []


def test_market_talk_and_the_short_name_of_a_party():
    text = (
        "Shares in Pelham Foods jumped 12 percent on market talk that Barrow Brands was preparing a takeover offer. "
        "Barrow Brands said it does not comment on market rumours. Pelham said it was not aware of any approach."
    )
    [claim] = propose(text)
    assert [r.who for r in claim.reported_by] == ["market talk"]
    assert {(r.party, r.stance) for r in claim.responses} == {
        ("Barrow Brands", Stance.DECLINES_TO_COMMENT),
        ("Pelham Foods", Stance.DENIES),
    }


def test_markdown_markup_does_not_hide_the_words_and_offsets_stay_the_writers():
    text = (
        "# Ford and Xiaomi\n\n"
        "- A [report](https://example.com/ft) in the *Financial Times* said **Ford** held talks with Xiaomi "
        "about building electric cars.\n"
        "> **Ford** denied the report, calling it `false`. Xiaomi said it was <b>not</b> negotiating such a deal.\n"
    )
    [claim] = propose(text)
    assert text[claim.start : claim.end] == claim.text
    assert claim.text.startswith("A [report](https://example.com/ft) in the *Financial Times* said")
    assert [(r.who, text[r.start : r.end]) for r in claim.reported_by] == [("Financial Times", "Financial Times")]
    assert {(r.party, r.stance) for r in claim.responses} == {("Ford", Stance.DENIES), ("Xiaomi", Stance.DENIES)}
    for r in claim.responses:
        assert text[r.start : r.end] == r.quote


def test_the_company_after_an_outlet_report_is_the_company_reported_on():
    text = (
        "The Wall Street Journal reported on Monday that Ford Motor Co was in talks to buy a stake in battery "
        "maker Volta Cells. Volta shares jumped 9 percent. The company said it had not held any talks with Volta. "
        "Ford spokesman Jim Cain declined to say whether the company had been approached. "
        'Cain said the report was "pure speculation". Its largest shareholder, Grove Capital, said it was not '
        "aware of any offer."
    )
    assert by_party(text) == {
        "Ford Motor": {Stance.DENIES, Stance.DECLINES_TO_COMMENT},
        "Grove Capital": {Stance.DENIES},
    }


def test_a_quote_over_two_sentences_is_the_speaker_named_where_it_closes():
    text = (
        "The Morning Courier reported that Halden Steel was in merger talks with Rhine Metal. "
        '"There are no talks with Rhine Metal. We are focused on our own plan," a Halden spokesman said.'
    )
    [claim] = propose(text)
    quotes = {r.quote for r in claim.responses}
    assert any(q.startswith('"There are no talks') for q in quotes)
    assert {(r.party, r.stance) for r in claim.responses} == {("Halden Steel", Stance.DENIES)}


def test_a_dateline_without_a_city():
    text = "(Reuters) - Sources said Kestrel Bank was in talks to buy a rival. Kestrel Bank declined to comment."
    [claim] = propose(text)
    assert claim.text == "Sources said Kestrel Bank was in talks to buy a rival"


def test_a_broadcaster_correcting_its_report_clarifies_and_one_outlet_is_listed_once():
    text = (
        "Japanese broadcaster NHK on Monday corrected a report that said Sakura Bank was preparing to merge with "
        "a regional lender. Sakura Bank said it was not in merger talks with any bank. "
        "NHK, citing two people close to the bank, had reported that the banks were close to a deal."
    )
    claims = propose(text)
    assert by_party(text) == {"NHK": {Stance.CLARIFIES}, "Sakura Bank": {Stance.DENIES}}
    whos = [r.who for c in claims for r in c.reported_by]
    assert "NHK" in whos


def test_a_person_named_after_the_cue_is_not_the_one_answering():
    text = (
        "The Morning Courier reported that Harbor Corp would cut its dividend, citing its chief executive. "
        'The Morning Courier plans to issue a "clarification" of the story about comments that Harbor Corp\'s '
        "chief executive made at a dinner, a source familiar with the matter said."
    )
    assert by_party(text) == {"Morning Courier": {Stance.CLARIFIES}}


def test_an_agency_named_with_capitalised_media_words_is_a_reporter():
    from editor_app.core.reporting import propose

    text = "Acme Corp is in talks to buy Widget Inc, Yonhap News Agency reported on Tuesday. Acme declined to comment."
    [claim] = propose(text)
    assert [r.who for r in claim.reported_by] == ["Yonhap"]
