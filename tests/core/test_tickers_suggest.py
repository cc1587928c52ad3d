"""Suggestions from article text: precise names, explicit notations only, roles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from editor_app.core.tickers.directory import default_directory
from editor_app.core.tickers.suggest import sections, suggest

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
EXPECTED = yaml.safe_load((ARTICLES / "expected.yaml").read_text(encoding="utf-8"))


def tags(text: str) -> dict[str, str]:
    return {f"{s.listing.symbol} {s.listing.mic}": s.role for s in suggest(text)}


def test_on_in_prose_gives_nothing():
    assert tags("Traders were on edge and it was all about the Fed. A car is on order.") == {}


def test_cashtag_on_gives_on_semiconductor():
    [s] = suggest("Chatter focused on $ON after the forecast.")
    assert (s.listing.symbol, s.listing.mic, s.listing.company) == ("ON", "XNAS", "ON Semiconductor")
    assert s.mentions[0].text == "$ON" and s.mentions[0].kind == "cashtag"


@pytest.mark.parametrize("word", ["F", "A", "ON", "IT", "ALL", "CAT", "CAR", "1810"])
def test_bare_tickers_and_numbers_never_come_from_prose(word):
    assert tags(f"The desk head gave it an {word} and moved on. {word} was written on the board.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ford (NYSE: F) rose.", "F XNYS"),
        ("Shares of the carmaker (NYSE:F) rose.", "F XNYS"),
        ("Xiaomi's stock (HKEX: 1810) fell.", "1810 XHKG"),
        ("The stock, 1810.HK, fell.", "1810 XHKG"),
        ("Options on F.N were busy.", "F XNYS"),
        ("Buyers piled into $F.", "F XNYS"),
        ("Toyota's ADR (NYSE: TM) slipped.", "7203 XJPX"),  # tags land on the primary listing
    ],
)
def test_explicit_notations(text, expected):
    assert expected in tags(text)


def test_abbreviations_are_not_reuters_codes():
    assert tags("U.S. and U.K. officials met at the U.N. in New York.") == {}


def test_names_need_capitals_and_word_boundaries():
    assert tags("We had apple pie on the shell beach near the amazon warehouse target.") == {}
    assert tags("Fordham University and Teslas parked outside.") == {}


def test_ambiguous_names_need_corroboration():
    assert tags("Apple pie is served warm at the fair.") == {}
    assert "AAPL XNAS" in tags("Apple said iPhone sales rose 5% in the quarter.")


def test_person_and_place_names_are_not_companies():
    assert tags("Former president Gerald Ford visited the town.") == {}
    assert tags("Harrison Ford starred in the film.") == {}
    assert tags("Grants from the Ford Foundation paid for it.") == {}


def test_mentions_carry_offsets_snippets_and_sections():
    text = (ARTICLES / "ford_xiaomi_ev_talks.md").read_text(encoding="utf-8")
    result = {s.listing.symbol: s for s in suggest(text)}
    ford = result["F"]
    assert ford.role == "about" and ford.count >= 4
    for m in ford.mentions:
        assert text[m.start : m.end] == m.text
        assert m.text in m.snippet
    assert {m.section for m in ford.mentions} >= {"title", "lede"}
    assert "NYSE: F" in ford.written_as
    assert result["TSLA"].role == "mentions"


def test_sections_of_a_markdown_article():
    text = "# Title here\n\n*A dek line.*\n\nFirst paragraph.\n\nSecond paragraph.\n"
    names = [s.name for s in sections(text)]
    assert names == ["title", "dek", "lede", "body"]


def test_front_matter_is_not_article_text():
    text = "---\ntitle: Markets today\ntickers: [F, 1810.HK]\nauthor: Ford Desk\n---\n\nStocks were flat.\n"
    assert tags(text) == {}


def test_urls_and_code_are_not_mentions():
    text = "See [the quote page](https://example.com/quote/NYSE:F) and `x = 1`.\n"
    assert tags(text) == {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_suggestions_on_test_articles(name):
    gold = EXPECTED[name]
    want = {**{k: "about" for k in gold["about"]}, **{k: "mentions" for k in gold["mentions"]}}
    assert tags((ARTICLES / name).read_text(encoding="utf-8")) == want


def test_precision_and_recall_on_test_articles():
    tp = fp = fn = 0
    for name, gold in EXPECTED.items():
        want = set(gold["about"]) | set(gold["mentions"])
        got = set(tags((ARTICLES / name).read_text(encoding="utf-8")))
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.90


def test_suggest_uses_the_given_directory():
    directory = default_directory()
    assert suggest("Nvidia ($NVDA) rose.", directory)[0].listing.symbol == "NVDA"
