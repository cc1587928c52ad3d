"""The offline symbol directory: every kept listing, grouped under issuers, primary first.

Loads the compact file built by scripts/build_symbol_directory.py (plus the curated
aliases.yaml) and answers lookups by symbol, notation, name prefix and fuzzy name. A tag must
land on the primary listing unless the writer picks another, so every answer is ranked with
the issuer's primary listing first.
"""

from __future__ import annotations

import bisect
import gc
import gzip
import json
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from editor_app.core.tickers.exchanges import EXCHANGES, Exchange, exchange
from editor_app.core.tickers.names import fold, name_key, short_name
from editor_app.resources import resource_path

DIRECTORY_FILE = "directory.tsv.gz"
ALIASES_FILE = "aliases.yaml"


@dataclass(frozen=True, slots=True)
class Issuer:
    id: int
    name: str
    country: str
    cik: int
    sector: str
    first: int  # index of its primary listing
    count: int

    @property
    def short_name(self) -> str:
        return short_name(self.name)


@dataclass(frozen=True, slots=True)
class Listing:
    id: int
    symbol: str
    mic: str
    name: str  # the issuer's name (the listing's own, if the source spelled it differently)
    company: str  # the issuer's display name
    country: str  # the issuer's country
    currency: str
    isin: str
    figi: str
    issuer_id: int
    primary: bool

    @property
    def exchange(self) -> Exchange:
        return exchange(self.mic)

    @property
    def exchange_name(self) -> str:
        return self.exchange.short

    @property
    def key(self) -> str:
        """Stable id of a listing for storage: 'XNYS:F'."""
        return f"{self.mic}:{self.symbol}"

    def to_dict(self) -> dict:
        return {
            "symbol": self.symbol,
            "mic": self.mic,
            "exchange": self.exchange_name,
            "exchange_name": self.exchange.name,
            "name": self.company,
            "listing_name": self.name,
            "country": self.country,
            "currency": self.currency,
            "isin": self.isin or None,
            "figi": self.figi or None,
            "primary": self.primary,
        }


@dataclass(frozen=True, slots=True)
class Alias:
    """A curated name the press uses, pointing at one listing."""

    text: str
    listing_id: int
    ambiguous: bool  # also a common word or a person's name: needs corroboration in prose
    exact_case: bool  # match only as written (acronyms such as "GM", "BP")


def parse_directory(text: str) -> dict:
    """The built file: a JSON metadata line, then tab-separated issuer and listing lines."""
    lines = text.split("\n")
    meta = json.loads(lines[0])
    if meta.get("format") != 2:
        raise ValueError(f"symbol directory format {meta.get('format')!r} not supported; rebuild it")
    n_issuers = meta["issuers"]
    issuers = []
    for line in lines[1 : 1 + n_issuers]:
        name, country, cik, sector, first, count, key = line.split("\t")
        issuers.append([name, country, int(cik), sector, int(first), int(count), key])
    listings = []
    for line in lines[1 + n_issuers : 1 + n_issuers + meta["listings"]]:
        row = line.split("\t")
        row[6] = int(row[6])
        listings.append(row)
    return {**meta, "issuers": issuers, "listings": listings}


class SymbolDirectory:
    """All listings; lookups return `Listing` objects, primary and bigger issuers first."""

    def __init__(self, doc: dict, aliases: list[dict] | None = None) -> None:
        self.meta = {k: doc.get(k) for k in ("format", "built", "sources", "provenance")}
        self._issuers_raw: list[list] = doc["issuers"]
        self._listings_raw: list[list] = doc["listings"]
        self._by_symbol: dict[str, list[int]] = {}
        for i, row in enumerate(self._listings_raw):
            self._by_symbol.setdefault(row[0], []).append(i)
        self._cache: dict[int, Listing] = {}
        self._primary: dict[int, int] = {}  # issuer id -> listing index, where aliases.yaml says
        self.aliases: list[Alias] = []
        self.alias_errors: list[str] = []
        self._alias_by_key: dict[str, list[Alias]] = {}
        for entry in aliases or []:
            self._add_alias(entry)
        self._cache.clear()  # primary flags may have moved

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, path: Path | None = None, aliases_path: Path | None = None) -> SymbolDirectory:
        path = path or resource_path("symbols", DIRECTORY_FILE)
        with gzip.open(path, "rb") as fh:
            data = fh.read().decode("utf-8")
        gc_was_enabled = gc.isenabled()
        gc.disable()  # 100k small lists, none cyclic: the collector would only slow loading down
        try:
            doc = parse_directory(data)
        finally:
            if gc_was_enabled:
                gc.enable()
        aliases_path = aliases_path or resource_path("symbols", ALIASES_FILE)
        aliases = []
        if aliases_path.is_file():
            aliases = yaml.safe_load(aliases_path.read_text(encoding="utf-8")) or []
        return cls(doc, aliases)

    def _add_alias(self, entry: dict) -> None:
        """One aliases.yaml entry; its listing becomes the issuer's primary (the desk's choice)."""
        target = str(entry.get("listing", ""))
        symbol, _, mic = target.partition(" ")
        found = [i for i in self._by_symbol.get(symbol, ()) if self._listings_raw[i][1] == mic]
        if not found:
            self.alias_errors.append(f"alias target not in directory: {target!r}")
            return
        index = found[0]
        self._primary[self._listings_raw[index][6]] = index
        ambiguous_names = {str(n) for n in entry.get("ambiguous_names", ())}
        for text in entry.get("names", []):
            text = str(text)
            alias = Alias(
                text, index, bool(entry.get("ambiguous")) or text in ambiguous_names, text.isupper() and len(text) <= 4
            )
            self.aliases.append(alias)
            self._alias_by_key.setdefault(name_key(alias.text) or fold(alias.text), []).append(alias)

    # ----------------------------------------------------------------- records
    def __len__(self) -> int:
        return len(self._listings_raw)

    @property
    def issuer_count(self) -> int:
        return len(self._issuers_raw)

    def listing(self, index: int) -> Listing:
        hit = self._cache.get(index)
        if hit is not None:
            return hit
        symbol, mic, own_name, currency, isin, figi, iid = self._listings_raw[index]
        iname, country = self._issuers_raw[iid][:2]
        hit = Listing(
            index,
            symbol,
            mic,
            own_name or iname,
            short_name(iname),
            country,
            currency,
            isin,
            figi,
            iid,
            index == self._primary_index(iid),
        )
        self._cache[index] = hit
        return hit

    def _primary_index(self, issuer_id: int) -> int:
        return self._primary.get(issuer_id, self._issuers_raw[issuer_id][4])

    def issuer(self, issuer_id: int) -> Issuer:
        name, country, cik, sector, _first, count = self._issuers_raw[issuer_id][:6]
        return Issuer(issuer_id, name, country, cik, sector, self._primary_index(issuer_id), count)

    def primary_of(self, listing: Listing) -> Listing:
        return self.listing(self._primary_index(listing.issuer_id))

    def listings_of(self, issuer_id: int) -> list[Listing]:
        """All listings of an issuer, primary first."""
        first, count = self._issuers_raw[issuer_id][4:6]
        primary = self._primary_index(issuer_id)
        order = [primary] + [i for i in range(first, first + count) if i != primary]
        return [self.listing(i) for i in order]

    def _weight(self, index: int) -> tuple:
        """Rank for a bare symbol: US main markets (how the English-language press reads a bare
        ticker), then primary lines, main markets, issuers listed in many places."""
        row = self._listings_raw[index]
        iss = self._issuers_raw[row[6]]
        primary = index == self._primary_index(row[6])
        us_main = row[1] in ("XNYS", "XNAS", "XASE")
        return (not us_main, not primary, -exchange(row[1]).tier, -iss[5], row[6])

    # ----------------------------------------------------------------- lookups
    def get(self, symbol: str, mic: str | None = None) -> Listing | None:
        """The listing `symbol` on `mic`, or the best-ranked listing with that symbol."""
        hits = self.by_symbol(symbol, mic)
        return hits[0] if hits else None

    def by_symbol(self, symbol: str, mic: str | None = None) -> list[Listing]:
        """Listings with exactly this symbol (US class shares in any spelling), best first."""
        sym = symbol.strip().upper()
        idx = list(self._by_symbol.get(sym, ()))
        if not idx and ("-" in sym or "/" in sym):
            idx = list(self._by_symbol.get(sym.replace("-", ".").replace("/", "."), ()))
        if not idx and sym.isdigit():  # "700.HK" for 0700, "5930" for 005930
            for width in (4, 5, 6):
                idx += self._by_symbol.get(sym.zfill(width), ())
        if mic:
            idx = [i for i in idx if self._listings_raw[i][1] == mic]
        idx.sort(key=self._weight)
        return [self.listing(i) for i in idx]

    def resolve(self, text: str) -> Listing | None:
        """A listing for user input in any notation ("NYSE:F", "1810.HK", "$F", "F", "Ford")."""
        from editor_app.core.tickers.notation import parse

        parsed = parse(text)
        symbol_first = parsed is not None and (
            parsed.style != "bare" or text.strip().isupper() or text.strip().isdigit()
        )
        if symbol_first:
            hit = self.get(parsed.symbol, parsed.mic)
            if hit is not None:
                return hit
        alias = self.alias_lookup(text)
        if alias is not None:
            return alias
        hits = self.by_name(text, limit=1)
        if hits:
            return hits[0]
        return self.get(parsed.symbol, parsed.mic) if parsed is not None else None

    def alias_lookup(self, text: str) -> Listing | None:
        found = self._alias_by_key.get(name_key(text) or fold(text))
        return self.listing(found[0].listing_id) if found else None

    @cached_property
    def _name_index(self) -> tuple[list[str], list[int]]:
        """Sorted (name key, issuer id), for prefix search; aliases point at their issuer."""
        pairs = {(row[6], iid) for iid, row in enumerate(self._issuers_raw)}
        for alias in self.aliases:
            pairs.add((name_key(alias.text) or fold(alias.text), self._listings_raw[alias.listing_id][6]))
        ordered = sorted(p for p in pairs if p[0])
        return [k for k, _ in ordered], [i for _, i in ordered]

    def by_name(self, query: str, limit: int = 10) -> list[Listing]:
        """Exact name or alias first, then name prefix, ranked primary / bigger issuer first."""
        key = name_key(query) or fold(query).strip()
        if not key:
            return []
        keys, ids = self._name_index
        lo = bisect.bisect_left(keys, key)
        exact: list[int] = []
        prefix: list[int] = []
        for pos in range(lo, len(keys)):
            k = keys[pos]
            if not k.startswith(key):
                break
            (exact if k == key else prefix).append(ids[pos])
            if len(prefix) > 2000:
                break
        alias = self._alias_by_key.get(key)
        alias_issuers = [self._listings_raw[a.listing_id][6] for a in alias or ()]
        out: list[Listing] = []
        seen: set[int] = set()
        for group in (alias_issuers, self._rank_issuers(exact), self._rank_issuers(prefix)):
            for iid in group:
                if iid in seen:
                    continue
                seen.add(iid)
                out.append(self._preferred_listing(iid, alias))
                if len(out) >= limit:
                    return out
        return out

    def _preferred_listing(self, iid: int, alias: list[Alias] | None) -> Listing:
        for a in alias or ():
            if self._listings_raw[a.listing_id][6] == iid:
                return self.listing(a.listing_id)
        return self.listing(self._primary_index(iid))

    def _rank_issuers(self, iids: list[int]) -> list[int]:
        def key(iid: int) -> tuple:
            row = self._issuers_raw[iid]
            first = self._listings_raw[self._primary_index(iid)]
            return (-exchange(first[1]).tier, -row[5], iid)

        return sorted(set(iids), key=key)

    @cached_property
    def _fuzzy_choices(self) -> tuple[list[str], list[int]]:
        """Names worth fuzzy matching: 3+ characters, issuers with a line on a real market."""
        keys, ids = self._name_index
        out_k, out_i = [], []
        for k, iid in zip(keys, ids, strict=False):
            if len(k) >= 3 and exchange(self._listings_raw[self._primary_index(iid)][1]).tier >= 2:
                out_k.append(k)
                out_i.append(iid)
        return out_k, out_i

    def fuzzy(self, query: str, limit: int = 10, score_cutoff: float = 80) -> list[tuple[Listing, float]]:
        """Fuzzy name search (rapidfuzz) for typos and word order; primary listings."""
        from rapidfuzz import fuzz, process

        key = name_key(query) or fold(query)
        if len(key) < 3:
            return []
        keys, ids = self._fuzzy_choices
        # cheap whole-string pass over all names, then the slower weighted score on the few left
        rough = process.extract(
            key, keys, scorer=fuzz.QRatio, processor=None, limit=limit * 5, score_cutoff=score_cutoff - 15
        )
        found = [(c, fuzz.WRatio(key, c, processor=None), pos) for c, _s, pos in rough]
        found = [f for f in found if f[1] >= score_cutoff]
        best: dict[int, float] = {}
        for _choice, score, pos in found:
            iid = ids[pos]
            best[iid] = max(best.get(iid, 0), score)
        ranked = sorted(best, key=lambda i: (-round(best[i]), -self._issuers_raw[i][5], i))
        return [(self.listing(self._primary_index(i)), best[i]) for i in ranked[:limit]]

    def search(self, query: str, limit: int = 10) -> list[Listing]:
        """What a search box wants: notation/symbol hits, then exact and prefix names (with the
        same companies' other listings); similar-sounding names only when nothing matched."""
        from editor_app.core.tickers.notation import parse

        query = query.strip()
        out: list[Listing] = []
        seen: set[int] = set()

        def add(items: list[Listing]) -> None:
            for item in items:
                if item.id not in seen and len(out) < limit:
                    seen.add(item.id)
                    out.append(item)

        parsed = parse(query)
        symbol_first = parsed is not None and (parsed.style != "bare" or query.isupper() or query.isdigit())
        if symbol_first:
            add(self.by_symbol(parsed.symbol, parsed.mic))
        named = self.by_name(query, limit)
        add(named)
        if parsed is not None and not symbol_first:
            add(self.by_symbol(parsed.symbol, parsed.mic))  # "ford" typed for "FORD"
        for hit in named:  # the same company's other listings before anything else
            add(self.listings_of(hit.issuer_id))
        if not out:  # a typo: only then similar names ("Telsa" -> Tesla), never "Telia" for "tesla"
            add([hit for hit, _ in self.fuzzy(query, limit)])
        return out


_lock = threading.Lock()
_default: SymbolDirectory | None = None


def default_directory() -> SymbolDirectory:
    """The bundled directory, loaded once per process (thread-safe)."""
    global _default
    with _lock:
        if _default is None:
            _default = SymbolDirectory.load()
        return _default


def loaded_directory() -> SymbolDirectory | None:
    """The bundled directory if something already loaded it, else None (never loads)."""
    return _default


def known_mics() -> list[str]:
    return sorted(EXCHANGES)
