"""Symbol directory: primary listings, lookups by symbol / notation / name, notations."""

from __future__ import annotations

import pytest

from editor_app.core.tickers.directory import default_directory
from editor_app.core.tickers.names import name_key, short_name
from editor_app.core.tickers.notation import parse, render


@pytest.fixture(scope="module")
def directory():
    return default_directory()


def test_f_resolves_to_ford_on_nyse_primary(directory):
    ford = directory.get("F")
    assert (ford.symbol, ford.mic, ford.company, ford.primary) == ("F", "XNYS", "Ford Motor", True)
    german = directory.get("FMC1", "XETR")
    assert german is not None and not german.primary
    assert directory.primary_of(german) == ford


def test_ford_by_name_resolves_to_f(directory):
    for query in ("Ford", "Ford Motor", "FORD MOTOR CO", "Ford Motor Company"):
        hit = directory.resolve(query)
        assert (hit.symbol, hit.mic) == ("F", "XNYS"), query
    assert (directory.by_name("Ford")[0].symbol, directory.by_name("Ford")[0].mic) == ("F", "XNYS")


def test_xiaomi_resolves_to_1810_hkex(directory):
    for query in ("Xiaomi", "1810.HK", "HKEX: 1810", "XHKG 1810", "$1810.HK"):
        hit = directory.resolve(query)
        assert (hit.symbol, hit.mic) == ("1810", "XHKG"), query
    berlin = directory.get("3CP", "XBER")
    assert berlin is not None and not berlin.primary
    assert directory.primary_of(berlin).symbol == "1810"


def test_on_and_word_tickers_are_real_listings(directory):
    assert directory.get("ON").company == "ON Semiconductor"
    assert directory.get("IT").company == "Gartner"
    assert directory.get("CAT").company == "Caterpillar"


def test_notes_preferreds_and_warrants_are_left_out(directory):
    assert directory.by_symbol("F^B") == []
    assert directory.by_symbol("F.PB") == []
    assert directory.by_symbol("ACHR.W") == []
    assert all("Notes" not in li.name for li in directory.listings_of(directory.get("F").issuer_id))


def test_listings_are_grouped_under_their_issuer_primary_first(directory):
    listings = directory.listings_of(directory.get("F").issuer_id)
    assert listings[0].key == "XNYS:F"
    assert {"XETR", "XBER"} <= {li.mic for li in listings}
    assert sum(li.primary for li in listings) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NYSE:F", ("F", "XNYS", "exchange")),
        ("(NYSE: F)", ("F", "XNYS", "exchange")),
        ("HKEX: 1810", ("1810", "XHKG", "exchange")),
        ("1810.HK", ("1810", "XHKG", "yahoo")),
        ("F.N", ("F", "XNYS", "reuters")),
        ("AAPL.O", ("AAPL", "XNAS", "reuters")),
        ("BRKb.N", ("BRK.B", "XNYS", "reuters")),
        ("$F", ("F", None, "cashtag")),
        ("F", ("F", None, "bare")),
        ("XNYS F", ("F", "XNYS", "schema")),
        ("BRK-B", ("BRK.B", None, "bare")),
    ],
)
def test_parse_notations(text, expected):
    p = parse(text)
    assert (p.symbol, p.mic, p.style) == expected


def test_parse_rejects_names():
    assert parse("Ford Motor") is None
    assert parse("Moon: landing") is None


def test_render_notations(directory):
    ford, xiaomi, berkshire = directory.get("F"), directory.get("1810", "XHKG"), directory.get("BRK.B")
    assert render(ford, "exchange") == "NYSE: F"
    assert render(ford, "cashtag") == "$F"
    assert render(ford, "reuters") == "F.N"
    assert render(ford, "schema") == "XNYS F"
    assert render(xiaomi, "exchange") == "HKEX: 1810"
    assert render(xiaomi, "yahoo") == "1810.HK"
    assert render(xiaomi, "reuters") == "1810.HK"
    assert render(xiaomi, "schema") == "XHKG 1810"
    assert render(berkshire, "reuters") == "BRKb.N"
    assert render(berkshire, "yahoo") == "BRK-B"


def test_fuzzy_and_prefix_search(directory):
    assert directory.search("Toyta Motor")[0].symbol == "7203"
    assert directory.search("Samsung Electronics")[0].symbol == "005930"
    hits = directory.by_name("Volks", limit=5)
    assert hits[0].symbol == "VOW3" and hits[0].mic == "XETR"


def test_a_name_that_matches_shows_that_company_and_no_lookalikes(directory):
    """Issue 19: "tesla" returned Telia, Kesla, tella after Tesla."""
    hits = directory.search("tesla", limit=10)
    assert hits[0].symbol == "TSLA" and hits[0].mic == "XNAS"
    assert {h.company for h in hits} <= {"Tesla", "Tesla INC Tesla"}
    assert len(hits) > 1  # Tesla's other listings
    assert "Tesla" in {h.company for h in directory.search("Telsa")}  # a typo still finds it


def test_names_are_normalised():
    assert name_key("FORD MOTOR CO") == name_key("Ford Motor Company Common Stock") == "ford motor"
    assert short_name("XIAOMI CORP. CL.B") == "Xiaomi"
    assert short_name("Alibaba Group Holding Limited") == "Alibaba"
    assert short_name("First Group plc") == "First Group"  # "Group" kept where stripping is unsafe
    assert short_name("BP p.l.c.") == "BP"
    assert name_key("AT&T Inc.") == "att"


def test_aliases_all_resolve(directory):
    assert directory.alias_errors == []
    assert len({a.listing_id for a in directory.aliases}) >= 150
    assert (directory.resolve("Google").symbol, directory.resolve("Facebook").symbol) == ("GOOGL", "META")


def test_lookups_answer_for_symbols_names_typos_and_notations(directory):
    # their speed is a figure: benchmarks/bench_tickers.py
    for query in ("F", "Ford", "Toyta", "1810.HK", "NYSE: F", "Samsung Electronics", "xiaomi"):
        assert directory.search(query), query
