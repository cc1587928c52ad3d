"""Why a suggestion was made: the words matched, the rule that read them and how sure it is.

A desk accepts a tag faster when it sees the evidence ("'Ford Motor Co' (name + legal suffix),
high"); the same explanation goes to `tickers suggest --json` and the Stocks pane.
"""

from __future__ import annotations

# rule -> (confidence 0..1, what the rule means, for tooltips)
RULES: dict[str, tuple[float, str]] = {
    "exchange: code": (0.98, "the code is written with its exchange (NYSE: F)"),
    "cashtag": (0.9, "a cashtag ($F)"),
    "ric": (0.95, "a Reuters code on its market (F.N, 0941.HK)"),
    "ric + name": (0.9, "a Reuters code, read with the company named before it"),
    "ric (as written)": (0.75, "a Reuters code the directory does not hold (delisted or renamed since)"),
    "name (ticker)": (0.95, "the company's name with its ticker in brackets"),
    "name (ticker) (as written)": (0.7, "a company with its legal form and a ticker the directory does not hold"),
    "name + code": (0.9, "the company's name with its ticker after the legal form"),
    "alias": (0.85, "a name the press uses for the company (aliases.yaml)"),
    "alias + context": (0.7, "a name that is also a common word, in a business sentence"),
    "name + legal suffix": (0.85, "the company's registered name with its legal form"),
    "name": (0.75, "the company's registered name"),
    "name, repeated": (0.6, "a one-word name, seen more than once"),
}
ORDER = list(RULES)


def confidence(rule: str, count: int) -> float:
    """A rule's confidence, a little higher when the company is named again."""
    base = RULES.get(rule, (0.5, ""))[0]
    return round(min(0.99, base + 0.02 * (count - 1)), 2)


def level(score: float) -> str:
    return "high" if score >= 0.85 else "medium" if score >= 0.65 else "low"


def best_rule(rules: list[str]) -> str:
    """The strongest rule among a suggestion's mentions."""
    return min(rules, key=lambda r: ORDER.index(r) if r in ORDER else len(ORDER))


def why_line(exchange: str, symbol: str, evidence: str, rule: str, score: float) -> str:
    """'NYSE: F — 'Ford Motor Co' (name + legal suffix), high'"""
    listing = f"{exchange}: {symbol}" if exchange else symbol
    return f"{listing} — '{evidence}' ({rule}), {level(score)}"
