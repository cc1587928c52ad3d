"""Ticker notations: render a listing the way a desk writes it, and parse what writers type.

Styles: "exchange" (`NYSE: F`), "cashtag" (`$F`), "reuters" (`F.N`, `1810.HK`), "yahoo"
(`1810.HK`, `BRK-B`), "schema" (schema.org tickerSymbol `XNYS F`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.core.tickers.exchanges import (
    EXCHANGES,
    PREFIX_TO_MIC,
    REUTERS_SUFFIX,
    US_MICS,
    YAHOO_SUFFIX,
    exchange,
)

if TYPE_CHECKING:
    from editor_app.core.tickers.directory import Listing

STYLES = ("exchange", "cashtag", "reuters", "yahoo", "schema")
CLASS_LETTERS = frozenset("ABCDEFGHIJKLM")  # "BRK.B": share class, not an exchange suffix
# Reuters suffixes that would also read as share classes are only used with a known MIC context.
_REUTERS_ONLY = {k: v for k, v in REUTERS_SUFFIX.items() if not (len(k) == 1 and k in CLASS_LETTERS)}


@dataclass(frozen=True)
class ParsedTicker:
    symbol: str
    mic: str | None  # None: any exchange (bare symbol, cashtag)
    style: str  # "exchange", "cashtag", "reuters", "yahoo", "schema", "bare"


_SYM = r"[A-Z0-9][A-Z0-9.\-/]{0,11}"
_PREFIXED = re.compile(r"^\(?\s*([A-Za-z][A-Za-z .\-]{0,24}?)\s*:\s*(" + _SYM + r")\s*\)?$", re.IGNORECASE)
_SCHEMA = re.compile(r"^([A-Z]{4})\s+(" + _SYM + r")$")
_SUFFIXED = re.compile(r"^([A-Z0-9][A-Z0-9\-]{0,9}?)([a-z])?\.([A-Z]{1,3})$")
_CASHTAG = re.compile(r"^\$([A-Za-z][A-Za-z0-9]{0,9}(?:[.\-][A-Za-z]{1,2})?|[0-9]{3,6}(?:\.[A-Z]{1,3})?)$")
_BARE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9]{0,9}(?:[.\-/][A-Za-z]{1,2})?|[0-9]{1,6}[A-Z]?)$")


def us_class(symbol: str) -> str:
    """BRK-B / BRK/B / BRK.B -> BRK.B (the directory's spelling)."""
    return symbol.upper().replace("-", ".").replace("/", ".")


def mic_for_prefix(prefix: str) -> str | None:
    return PREFIX_TO_MIC.get(" ".join(prefix.upper().replace("-", " ").split()))


def split_suffix(text: str) -> ParsedTicker | None:
    """'1810.HK' -> (1810, XHKG); 'F.N' -> (F, XNYS); 'BRKb.N' -> (BRK.B, XNYS); 'BRK.B' -> None."""
    m = _SUFFIXED.match(text)
    if not m:
        return None
    base, cls, suffix = m.groups()
    symbol = base + ("." + cls.upper() if cls else "")
    if suffix in YAHOO_SUFFIX and not cls:
        return ParsedTicker(symbol, YAHOO_SUFFIX[suffix], "yahoo")
    if suffix in _REUTERS_ONLY:
        return ParsedTicker(symbol, _REUTERS_ONLY[suffix], "reuters")
    return None


def parse(text: str) -> ParsedTicker | None:
    """Read a ticker as typed: 'NYSE:F', '(NYSE: F)', 'HKEX: 1810', '1810.HK', 'F.N', '$F',
    'XNYS F', 'F'. Returns None for text that is not ticker-shaped (company names)."""
    raw = text.strip()
    if not raw:
        return None
    m = _CASHTAG.match(raw)
    if m:
        inner = m.group(1)
        sub = split_suffix(inner.upper()) if inner[0].isdigit() else None
        if sub:
            return ParsedTicker(sub.symbol, sub.mic, "cashtag")
        return ParsedTicker(us_class(inner), None, "cashtag")
    m = _PREFIXED.match(raw)
    if m:
        mic = mic_for_prefix(m.group(1))
        if mic:
            return ParsedTicker(normalize_symbol(m.group(2), mic), mic, "exchange")
        return None
    m = _SCHEMA.match(raw)
    if m and m.group(1) in EXCHANGES:
        return ParsedTicker(normalize_symbol(m.group(2), m.group(1)), m.group(1), "schema")
    sub = split_suffix(raw if not raw.islower() else raw.upper())
    if sub:
        return sub
    if _BARE.match(raw) and (raw.isupper() or raw.isdigit() or len(raw) <= 5):
        return ParsedTicker(us_class(raw) if not raw.isdigit() else raw, None, "bare")
    return None


def normalize_symbol(symbol: str, mic: str | None) -> str:
    symbol = symbol.strip().upper()
    if mic in US_MICS or mic is None:
        return us_class(symbol)
    if mic == "XHKG" and symbol.isdigit():
        return symbol.zfill(4)
    return symbol


def render(listing: Listing, style: str = "exchange") -> str | None:
    """The tag in one notation; None where the notation does not apply to this exchange."""
    ex = exchange(listing.mic)
    sym = listing.symbol
    if style == "exchange":
        return f"{ex.short}: {sym}"
    if style == "schema":
        return f"{listing.mic} {sym}"
    if style == "cashtag":
        if listing.mic in US_MICS:
            return f"${sym}"
        return f"${sym}.{ex.yahoo}" if ex.yahoo else None
    if style == "yahoo":
        if listing.mic in US_MICS:
            return sym.replace(".", "-")
        return f"{sym}.{ex.yahoo}" if ex.yahoo else None
    if style == "reuters":
        if not ex.reuters:
            return None
        base, _, cls = sym.partition(".")
        return f"{base}{cls.lower()}.{ex.reuters}" if cls else f"{sym}.{ex.reuters}"
    raise ValueError(f"unknown ticker notation {style!r}; use one of {', '.join(STYLES)}")


def render_all(listing: Listing) -> dict[str, str | None]:
    return {style: render(listing, style) for style in STYLES}
