"""Exchange notations and cashtags as the copy prints them (`NYSE: F`, `HKEX: 1810`, `$F`,
`$0700.HK`): found with quick scans first (only colons an exchange prefix can end at, only
"$"), because the long alternation of every exchange prefix is slow when tried everywhere."""

from __future__ import annotations

import bisect
import re

from editor_app.core.tickers.directory import Listing, SymbolDirectory
from editor_app.core.tickers.exchanges import PREFIX_TO_MIC, YAHOO_SUFFIX
from editor_app.core.tickers.notation import normalize_symbol, us_class


def _prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted({p for p in PREFIX_TO_MIC if len(p) >= 2}, key=len, reverse=True)
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in prefixes)
    return re.compile(
        r"(?<![\w$])(" + alts + r")\s?:\s?([A-Z0-9][A-Z0-9]{0,9}(?:[.\-/][A-Z]{1,2})?)(?![\w])",
        re.IGNORECASE,
    )


_PREFIXED = _prefix_pattern()
_CASHTAG = re.compile(r"(?<![\w$])\$([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|\d{3,6}\.[A-Z]{1,2})(?![\w])")


_PREFIX_TAILS = frozenset(p.upper().split()[-1] for p in PREFIX_TO_MIC if len(p) >= 2)
_TAIL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


def _prefix_may_end(text: str, colon: int) -> bool:
    """Could an exchange prefix end just before this colon? A quick test that never says no to
    one: the word before it (or its part after a hyphen) is the last word of a prefix, or a
    non-ASCII letter is in reach (case-insensitive matching folds a few of them)."""
    end = colon
    if end > 0 and text[end - 1] not in _TAIL_CHARS:
        end -= 1  # `\s?` before the colon
        if not text[end].isascii():
            return True
    start = end
    while start > 0 and text[start - 1] in _TAIL_CHARS:
        start -= 1
    if start > 0 and not text[start - 1].isascii():
        return True
    word = text[start:end].upper()
    if word in _PREFIX_TAILS:
        return True
    pos = word.find("-")
    while pos != -1:  # "X-NYSE:": the prefix may start after the hyphen
        if word[pos + 1 :] in _PREFIX_TAILS:
            return True
        pos = word.find("-", pos + 1)
    return False


def _prefixed_matches(text: str) -> list[re.Match]:
    """`NYSE: F` style matches, searched only around colons a prefix can end at (the long
    alternation is slow)."""
    out: list[re.Match] = []
    colons: list[int] = []
    pos = text.find(":")
    while pos != -1:
        colons.append(pos)
        pos = text.find(":", pos + 1)
    live = [c for c in colons if _prefix_may_end(text, c)]
    last_end = -1
    for pos in colons:
        lo = max(0, pos - 30, last_end)
        at = bisect.bisect_left(live, lo)
        if at == len(live) or live[at] >= pos + 16:
            continue  # no colon in the window has a prefix before it: the search cannot match
        m = _PREFIXED.search(text, lo, pos + 16)
        if m is not None and m.start() >= last_end:
            out.append(m)
            last_end = m.end()
    return out


def _cashtag_matches(text: str) -> list[re.Match]:
    """Cashtags, tried only at each "$" (a match starts there and holds no other "$")."""
    out: list[re.Match] = []
    pos = text.find("$")
    while pos != -1:
        m = _CASHTAG.match(text, pos)
        if m is not None:
            out.append(m)
        pos = text.find("$", pos + 1)
    return out


def notations(text: str, directory: SymbolDirectory) -> list[tuple[int, int, Listing, str]]:
    """(start, end, listing, kind) for explicit ticker notations that resolve to a listing."""
    found: list[tuple[int, int, Listing, str]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _prefixed_matches(text):
        prefix = " ".join(m.group(1).upper().split())
        if m.group(1).islower():
            continue  # "set: ..." in prose
        mic = PREFIX_TO_MIC.get(prefix)
        symbol = m.group(2)
        if not mic or not re.search(r"[A-Z0-9]", symbol) or symbol != symbol.upper():
            continue
        hit = directory.get(normalize_symbol(symbol, mic), mic)
        if hit is None and symbol.isdigit():
            hit = directory.get(symbol, mic)
        if hit is not None:
            found.append((m.start(), m.end(), hit, "notation"))
            taken.append((m.start(), m.end()))
    for m in _cashtag_matches(text):
        if not free(m.start(), m.end()):
            continue
        raw = m.group(1)
        hit = None
        if raw[0].isdigit():
            base, _, suffix = raw.partition(".")
            mic = YAHOO_SUFFIX.get(suffix)
            hit = directory.get(normalize_symbol(base, mic), mic) if mic else None
        else:
            hit = directory.get(us_class(raw))
        if hit is not None:
            found.append((m.start(), m.end(), hit, "cashtag"))
            taken.append((m.start(), m.end()))
    return found
