"""Stock tags a desk can trust on wire copy (issue 12): one failure class per test, on sentences
we wrote ourselves. Each asserts what the desk sees: which listings are suggested, and why."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from editor_app.core.tickers.dates import article_date, registered_after
from editor_app.core.tickers.directory import default_directory
from editor_app.core.tickers.suggest import suggest

TODAY = dt.date(2026, 6, 1)


def tags(text: str, date: dt.date = TODAY) -> list[tuple[str, str]]:
    return [(s.listing.symbol, s.listing.mic) for s in suggest(text, date=date)]


def by_symbol(text: str, date: dt.date = TODAY) -> dict:
    return {s.listing.symbol: s for s in suggest(text, date=date)}


# ----------------------------------------------------------------------------- one issuer per company
def test_snap_and_snap_on_are_two_companies():
    assert tags("Snap Inc. said it would cut jobs.") == [("SNAP", "XNYS")]
    assert tags("Snap-on Inc (NYSE: SNA) reported results.") == [("SNA", "XNYS")]
    d = default_directory()
    assert (d.search("Snap Inc")[0].symbol, d.search("Snap Inc")[0].mic) == ("SNAP", "XNYS")
    snap_on = d.get("SNA", "XNYS")
    assert "SNAP" not in {li.symbol for li in d.listings_of(snap_on.issuer_id)}


def test_bristol_myers_primary_listing_is_nyse():
    hit = default_directory().search("Bristol-Myers Squibb")[0]
    assert (hit.symbol, hit.mic, hit.primary) == ("BMY", "XNYS", True)


# ----------------------------------------------------------------------------- Name (TICKER)
def test_name_then_ticker_in_brackets():
    text = "Pinterest Inc. (PINS) rose 2% after hours. Kohl's Corp (KSS) fell. Merck & Co (MRK) was flat."
    assert sorted(tags(text)) == [("KSS", "XNYS"), ("MRK", "XNYS"), ("PINS", "XNYS")]
    assert by_symbol(text)["KSS"].rule == "name (ticker)"


@pytest.mark.parametrize(
    "text",
    [
        "Kohl's Corp (Symbol: KSS) cut its forecast on Monday.",
        "Retailer Kohl's Corp KSS cut its forecast on Monday.",
        "Kohl's Corporation (NYSE: KSS) cut its forecast on Monday.",
    ],
)
def test_symbol_colon_and_zacks_style(text):
    assert tags(text) == [("KSS", "XNYS")]


def test_a_bracketed_code_of_something_else_tags_nothing():
    # an index and a code whose company the name contradicts
    assert tags("The Dow Jones Industrial Average (DJI) slipped while Acme Robotics (KSS) rose.") == []


# ----------------------------------------------------------------------------- Reuters RICs
def test_rics_land_on_home_listings():
    text = (
        "Shares of China Mobile ( 0941.HK ) and Toshiba Corp ( 6502.T ) rose, while Siemens ( SIEGn.DE ) fell. "
        "Ericsson ERICb.ST gained and Apple Inc AAPL.O slipped."
    )
    got = dict((sym, mic) for sym, mic in tags(text, dt.date(2012, 5, 3)))
    assert got["0941"] == "XHKG"
    assert got["6502"] == "XJPX"
    assert got["SIE"] == "XETR"
    assert got["ERIC-B"] == "XSTO"
    assert got["AAPL"] == "XNAS"


def test_a_code_the_directory_no_longer_holds_is_kept_as_written():
    # a company taken private since: the story's own code at its date, with the story's name
    sug = by_symbol("Gadget maker Widgetron Holdings Inc ( WDGQ.O ) agreed to be bought.", dt.date(2009, 2, 1))
    s = sug["WDGQ"]
    assert (s.listing.mic, s.listing.company, s.rule) == ("XNAS", "Widgetron Holdings Inc", "ric (as written)")
    assert s.to_dict()["in_directory"] is False


def test_unlisted_and_unknown_codes_never_become_another_company():
    assert tags("Privately held Cyrus Ltd ( CYL.UL ) is weighing a sale.") == []
    # a code on a market where Reuters writes its own mnemonics, not the exchange code
    assert tags("Carmaker Automobili Rossi SpA ( ROSX.MI ) rose.") == []


# ----------------------------------------------------------------------------- publisher
@pytest.mark.parametrize(
    "text",
    [
        '"We see no change," Reuters reported, citing a Thomson Reuters poll.',
        "The chief executive told Reuters the plan was on track.",
        "Profit beat the Thomson Reuters I/B/E/S consensus, according to Thomson Reuters data.",
        "LONDON (Reuters) - Oil prices fell on Tuesday.",
    ],
)
def test_the_wire_naming_itself_is_not_a_tag(text):
    assert tags(text) == []


# ----------------------------------------------------------------------------- identifiers
def test_identifiers_are_fields_never_symbols():
    d = default_directory()
    isin = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$")
    assert not [symbol for symbol in d._l_symbol if isin.match(symbol)]
    hermes = d.search("Hermes")[0]
    assert (hermes.symbol, hermes.mic) == ("RMS", "XPAR")
    assert hermes.isin.startswith("FR")


# ----------------------------------------------------------------------------- point in time
def test_the_article_date_comes_from_front_matter():
    assert article_date("---\ntitle: X\ndate: 2011-03-04\n---\nText") == dt.date(2011, 3, 4)
    assert article_date("# Title\n\nText", dt.date(2001, 1, 2)) == dt.date(2001, 1, 2)
    assert article_date("# Title\n\nText") == dt.date.today()


def test_a_company_not_listed_yet_is_not_tagged():
    text = "Music streaming company Spotify said subscriber growth was strong."
    assert tags(text, dt.date(2012, 6, 1)) == []
    assert tags(text, dt.date(2020, 6, 1)) == [("SPOT", "XNYS")]
    framed = "---\ntitle: Streaming\ndate: 2012-06-01\n---\n\n" + text
    assert tags(framed) == []


def test_sec_registration_order_rules_out_later_ipos():
    snap = default_directory().issuer(default_directory().get("SNAP", "XNYS").issuer_id)
    assert registered_after(snap.cik, dt.date(2008, 1, 1))
    assert not registered_after(snap.cik, dt.date(2018, 1, 1))
    assert tags("Snap Inc. said it would cut jobs.", dt.date(2008, 1, 1)) == []


# ----------------------------------------------------------------------------- funds
def test_etfs_named_with_their_symbol():
    text = "The Invesco QQQ Trust (QQQ) rose while the iShares MSCI China ETF (MCHI) fell."
    assert sorted(tags(text)) == [("MCHI", "XNAS"), ("QQQ", "XNAS")]


# ----------------------------------------------------------------------------- no company
def test_a_story_naming_no_listed_company_gets_no_tags():
    text = (
        "---\ntitle: Central bank holds rates\ndate: 2013-02-07\n---\n\n"
        "FRANKFURT (Reuters) - The central bank held interest rates steady on Thursday, as "
        "expected by economists in a Reuters poll. Officials said inflation was easing and "
        "the labour market remained tight, while unions called for higher wages.\n\n"
        "The finance ministry said it would publish new growth forecasts in April."
    )
    assert tags(text) == []


# ----------------------------------------------------------------------------- explanation
def test_each_suggestion_carries_evidence_rule_and_confidence():
    text = "Ford Motor Co (NYSE: F) raised its outlook. Ford shares rose."
    [s] = suggest(text, date=TODAY)
    d = s.to_dict()
    assert {"symbol", "mic", "name", "role", "mentions"} <= d.keys()
    assert d["rule"] == "exchange: code" and d["confidence_level"] == "high" and 0 < d["confidence"] <= 1
    for ev in d["evidence"]:
        assert text[ev["start"] : ev["end"]] == ev["text"]
    assert d["why"].startswith("NYSE: F — 'NYSE: F' (exchange: code), high")


# ----------------------------------------------------------------------------- names that are something else
@pytest.mark.parametrize(
    "text",
    [
        "The Office of the Superintendent of Financial Institutions set new capital rules.",
        "Shares were flat. (Reporting by Ann Smith; Editing by Gerald E. McCormick)",
        "Sumitomo Trust Banking and Mitsubishi Trust Bank agreed to buy the stake.",
        "Power came from the Tennessee Valley Authority and local utilities.",
    ],
)
def test_names_inside_longer_names_credits_and_public_bodies_are_not_tagged(text):
    assert tags(text, dt.date(2010, 1, 5)) == []


def test_a_company_with_its_legal_form_and_an_unknown_code_is_kept_as_written():
    [s] = suggest("Acme Widgets, Inc. (ACMW) said it would be taken private.", date=TODAY)
    assert (s.listing.symbol, s.listing.mic, s.rule) == ("ACMW", "", "name (ticker) (as written)")
    assert s.why == "ACMW — 'Acme Widgets, Inc. (ACMW)' (name (ticker) (as written)), medium"
    # a short name before the codes is not a ticker
    got = tags("Advanced Widgets Engineering Inc. (AWE) ( 9999.TW ) rose.", dt.date(2007, 1, 1))
    assert ("AWE", "") not in got


def test_a_coin_is_not_the_fund_that_shares_its_code():
    assert tags("Bitcoin (BTC) rose 4% while Ether (ETH) fell.") == []


def test_share_classes_as_written_follow_the_market():
    got = tags("Nordic Widgets AB ( NWIDb.ST ) and Brit Widgets plc ( BWIDa.L ) rose.", dt.date(2008, 1, 1))
    assert ("NWID-B", "XSTO") in got and ("BWIDA", "XLON") in got


def test_big_established_companies_keep_their_tag_before_a_new_holding_company():
    # Medtronic's plc (2014) has a newer SEC number than this 2010 story: it was listed all along
    assert tags("Medtronic Inc said sales of heart devices rose.", dt.date(2010, 3, 1)) == [("MDT", "XNYS")]


def test_cashtags_and_angle_bracket_codes():
    assert sorted(tags("Traders bought $QQQ and $0941.HK on the open.")) == [("0941", "XHKG"), ("QQQ", "XNAS")]
    assert tags("Goldman Sachs Group Inc <GS.N> rose.", dt.date(2006, 5, 1)) == [("GS", "XNYS")]
    assert tags("<b>Markets</b> were calm.") == []
