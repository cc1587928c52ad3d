"""Confirmed ticker tags on an article (no Qt, no database): the value the store hands out,
the "Related stocks" line as it is published, and front-matter values resolved to listings.

A tag names one listing: (symbol, MIC). Listed tags come from the symbol directory; an
"unlisted" tag is what a writer explicitly added for a symbol the directory does not know
(its MIC may be empty). Tags are never invented from input the directory cannot resolve.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from editor_app.core.tickers.exchanges import EXCHANGES, US_MICS, exchange
from editor_app.core.tickers.notation import parse, render

if TYPE_CHECKING:
    from editor_app.core.tickers.directory import Listing, SymbolDirectory

ROLES = ("about", "mentions")
ROLE_LABELS = {"about": "About", "mentions": "Mentions"}
RELATED_STOCKS_PREFIX = "Related stocks: "


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"ticker role must be 'about' or 'mentions', not {role!r}")
    return role


@dataclass(frozen=True)
class TickerTag:
    """One confirmed tag. `id`/`article_id`/`position` are set once the store holds it."""

    symbol: str
    mic: str  # ISO 10383 market code ("XNYS"); "" for an unlisted tag without an exchange
    name: str  # company name as shown ("Ford Motor")
    exchange: str  # the exchange as the desk writes it ("NYSE", "HKEX")
    role: str = "mentions"
    unlisted: bool = False
    id: int | None = None
    article_id: int | None = None
    position: int = 0

    @classmethod
    def from_listing(cls, listing: Listing, role: str = "mentions") -> TickerTag:
        return cls(listing.symbol, listing.mic, listing.company, listing.exchange_name, check_role(role))

    @classmethod
    def unlisted_tag(cls, symbol: str, mic: str = "", name: str = "", role: str = "mentions") -> TickerTag:
        ex = exchange(mic).short if mic else ""
        return cls(symbol.strip().upper(), mic, name.strip(), ex, check_role(role), True)

    @property
    def key(self) -> tuple[str, str]:
        return (self.symbol, self.mic)

    @property
    def notation(self) -> str:
        """`NYSE: F`; an unlisted tag without an exchange is its bare symbol."""
        if self.mic and self.mic in EXCHANGES:
            return render(self, "exchange") or self.symbol  # type: ignore[arg-type]
        if self.exchange:
            return f"{self.exchange}: {self.symbol}"
        return self.symbol

    @property
    def ticker_symbol(self) -> str:
        """schema.org `tickerSymbol` ("XNYS F"); the bare symbol without a market."""
        return f"{self.mic} {self.symbol}" if self.mic else self.symbol

    def with_role(self, role: str) -> TickerTag:
        return replace(self, role=check_role(role))

    def to_dict(self) -> dict:
        return {
            "symbol": self.symbol,
            "mic": self.mic,
            "exchange": self.exchange,
            "name": self.name,
            "role": self.role,
            "unlisted": self.unlisted,
            "notation": self.notation,
        }


def related_stocks_line(tags: Iterable[TickerTag]) -> str:
    """'Related stocks: NYSE: F, HKEX: 1810' in tag order ('' without tags)."""
    seen: set[str] = set()
    parts: list[str] = []
    for tag in tags:
        text = tag.notation
        if text not in seen:
            seen.add(text)
            parts.append(text)
    return RELATED_STOCKS_PREFIX + ", ".join(parts) if parts else ""


def resolve_tag_input(value: str, directory: SymbolDirectory) -> Listing | None:
    """A listing for one front-matter value ('F', '1810.HK', 'NYSE:F', '$F', 'XNYS F').

    An exchange-qualified value names that listing; a bare symbol or cashtag lands on the
    issuer's primary listing (US share classes stay as written). Curated aliases ('Ford')
    are accepted; other names are not guessed at."""
    text = str(value).strip()
    if not text:
        return None
    parsed = parse(text)
    if parsed is not None:
        hit = directory.get(parsed.symbol, parsed.mic)
        if hit is not None:
            if parsed.mic is not None or hit.primary or hit.mic in US_MICS:
                return hit
            return directory.primary_of(hit)
        if parsed.mic is not None:
            return None  # "NYSE: ZZZZ": the writer named a market; do not move the tag elsewhere
    return directory.alias_lookup(text)


def resolve_tag_inputs(
    values: Iterable[object], directory: SymbolDirectory, role: str = "mentions"
) -> tuple[list[TickerTag], list[str]]:
    """Tags for front-matter values, in order and without duplicates, plus one error message
    per value the directory cannot resolve (nothing is invented for those).

    A value may carry its role: 'about: NYSE:F' or a mapping {symbol: F, role: about}."""
    tags: list[TickerTag] = []
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    for raw in values:
        value_role = role
        if isinstance(raw, dict):
            value_role = str(raw.get("role", role)).strip().lower()
            raw = raw.get("symbol") or raw.get("ticker") or ""
        text = str(raw).strip()
        head, sep, rest = text.partition(":")
        if sep and head.strip().lower() in ROLES and rest.strip():
            value_role, text = head.strip().lower(), rest.strip()
        if value_role not in ROLES:
            errors.append(f"ticker {raw!r}: role must be 'about' or 'mentions', not {value_role!r}")
            continue
        if not text:
            errors.append("empty ticker value")
            continue
        listing = resolve_tag_input(text, directory)
        if listing is None:
            errors.append(f"unknown ticker {text!r}: not in the symbol directory (not tagged)")
            continue
        tag = TickerTag.from_listing(listing, value_role)
        if tag.key in seen:
            continue
        seen.add(tag.key)
        tags.append(replace(tag, position=len(tags)))
    return tags, errors
