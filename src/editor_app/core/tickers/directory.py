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
from datetime import date
from functools import cached_property
from pathlib import Path

import yaml

from editor_app.core.tickers import directory_cache
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


class _Column:
    """A column of the directory, split from its packed form the first time it is read (a warm
    start reads a few; the others cost nothing)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: SymbolDirectory | None, owner: type | None = None):
        if obj is None:
            return self
        value = directory_cache.unpack(obj._packed[self.name])
        if self.name in LIST_COLUMNS:
            value = value.as_list()
        obj.__dict__[self.name] = value  # read from the instance from now on
        return value


STR_COLUMNS = ("_l_symbol", "_l_mic", "_l_name", "_l_currency", "_l_isin", "_l_figi")
STR_COLUMNS += ("_i_name", "_i_country", "_i_sector", "_i_key", "_sym_sorted")
INT_COLUMNS = ("_l_issuer", "_i_cik", "_i_first", "_i_count", "_sym_order")
LIST_COLUMNS = frozenset({"_sym_sorted", "_l_mic"})  # searched (bisect) or walked: split in full


class SymbolDirectory:
    """All listings; lookups return `Listing` objects, primary and bigger issuers first.

    Stored as columns (one list per field) rather than a row object per listing: loading from
    the warm-start cache (`directory_cache`) then costs a few large strings."""

    # listings: symbol, market, own name, currency, ISIN, FIGI, issuer; issuers: name, country,
    # SEC CIK, sector, name key, first listing, listing count; symbols sorted with their listings
    _l_symbol = _Column()
    _l_mic = _Column()
    _l_name = _Column()
    _l_currency = _Column()
    _l_isin = _Column()
    _l_figi = _Column()
    _l_issuer = _Column()
    _i_name = _Column()
    _i_country = _Column()
    _i_cik = _Column()
    _i_sector = _Column()
    _i_key = _Column()
    _i_first = _Column()
    _i_count = _Column()
    _sym_sorted = _Column()
    _sym_order = _Column()

    def __init__(self, doc: dict, aliases: list[dict] | None = None) -> None:
        self.meta = {k: doc.get(k) for k in ("format", "built", "sources", "provenance")}
        issuers: list[list] = doc["issuers"]
        listings: list[list] = doc["listings"]
        self._packed: dict[str, tuple] = {}
        self._saved: dict[str, object] = {}  # derived tables read from the warm-start cache
        self._n_listings = len(listings)
        self._n_issuers = len(issuers)
        cols = self.__dict__
        for k, name in enumerate(("_l_symbol", "_l_mic", "_l_name", "_l_currency", "_l_isin", "_l_figi", "_l_issuer")):
            cols[name] = [row[k] for row in listings]
        for k, name in enumerate(("_i_name", "_i_country", "_i_cik", "_i_sector", "_i_first", "_i_count", "_i_key")):
            cols[name] = [row[k] for row in issuers]
        symbols = self._l_symbol
        order = sorted(range(len(symbols)), key=symbols.__getitem__)  # stable: equal symbols by index
        cols["_sym_order"] = order
        cols["_sym_sorted"] = [symbols[i] for i in order]
        self._cache: dict[int, Listing] = {}
        self._symbols_by_mic: dict[str, tuple[list[str], list[int]]] = {}
        self._primary: dict[int, int] = {}  # issuer id -> listing index, where aliases.yaml says
        self._since: dict[int, date] = {}  # issuer id -> first listing day, where aliases.yaml says
        self.aliases: list[Alias] = []
        self.alias_errors: list[str] = []
        self._alias_by_key: dict[str, list[Alias]] = {}
        for entry in aliases or []:
            self._add_alias(entry)
        self._cache.clear()  # primary flags may have moved

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(
        cls,
        path: Path | None = None,
        aliases_path: Path | None = None,
        *,
        cache: bool = True,
        cache_dir: Path | None = None,
    ) -> SymbolDirectory:
        """The directory file and aliases.yaml; from the warm-start cache when it holds them
        (`cache=False` always parses)."""
        path = path or resource_path("symbols", DIRECTORY_FILE)
        aliases_path = aliases_path or resource_path("symbols", ALIASES_FILE)
        key = directory_cache.cache_key(path, aliases_path) if cache else ""
        if cache:
            state = directory_cache.read(key, cache_dir)
            if state is not None:
                try:
                    return cls._from_state(state)
                except (KeyError, TypeError, ValueError, IndexError):
                    pass  # a cache of an unexpected shape: parse again and replace it
        directory = cls._parse(path, aliases_path)
        if not cache:
            return directory
        try:
            state = directory._state()
        except (ValueError, OverflowError):
            return directory  # a value the cache cannot hold: keep the parsed directory
        directory_cache.write(key, state, cache_dir)
        return cls._from_state(state)  # the same object a warm start builds

    @classmethod
    def _parse(cls, path: Path, aliases_path: Path) -> SymbolDirectory:
        with gzip.open(path, "rb") as fh:
            data = fh.read().decode("utf-8")
        gc_was_enabled = gc.isenabled()
        gc.disable()  # 100k small lists, none cyclic: the collector would only slow loading down
        try:
            doc = parse_directory(data)
        finally:
            if gc_was_enabled:
                gc.enable()
        aliases = []
        if aliases_path.is_file():
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: 15 ms, not 80
            aliases = yaml.load(aliases_path.read_text(encoding="utf-8"), Loader=loader) or []
        return cls(doc, aliases)

    def _state(self) -> dict:
        """Everything a warm start needs, as plain values (derives the name tables now)."""
        from editor_app.core.tickers.name_table import build_name_table, pack_name_table, prefixes_of

        pack = directory_cache
        columns = {name: pack.pack_str(getattr(self, name)) for name in STR_COLUMNS}
        columns.update({name: pack.pack_int(getattr(self, name)) for name in INT_COLUMNS})
        alias_pos = {id(a): k for k, a in enumerate(self.aliases)}
        table = build_name_table(self)
        keys, ids = self._name_index
        return {
            "format": pack.CACHE_FORMAT,
            "meta": self.meta,
            "n_listings": self._n_listings,
            "n_issuers": self._n_issuers,
            "columns": columns,
            "aliases": [(a.text, a.listing_id, a.ambiguous, a.exact_case) for a in self.aliases],
            "alias_errors": list(self.alias_errors),
            "alias_by_key": {k: [alias_pos[id(a)] for a in v] for k, v in self._alias_by_key.items()},
            "primary": dict(self._primary),
            "since": {iid: day.toordinal() for iid, day in self._since.items()},
            "tables": {
                "name_table": pack_name_table(table),
                "prefixes": pack.pack_str(sorted(prefixes_of(table))),
                "name_index": (pack.pack_str(keys), pack.pack_int(ids)),
                "fuzzy": pack.pack_int(self._fuzzy_positions()),
            },
        }

    @classmethod
    def _from_state(cls, state: dict) -> SymbolDirectory:
        self = cls.__new__(cls)
        self.meta = state["meta"]
        self._packed = state["columns"]
        missing = [c for c in (*STR_COLUMNS, *INT_COLUMNS) if c not in self._packed]
        if missing:
            raise KeyError(f"cache lacks {missing}")
        self._saved = state["tables"]
        self._n_listings = state["n_listings"]
        self._n_issuers = state["n_issuers"]
        self._cache = {}
        self._symbols_by_mic = {}
        self._primary = dict(state["primary"])
        self._since = {iid: date.fromordinal(day) for iid, day in state["since"].items()}
        self.aliases = [Alias(text, lid, amb, exact) for text, lid, amb, exact in state["aliases"]]
        self.alias_errors = list(state["alias_errors"])
        self._alias_by_key = {k: [self.aliases[i] for i in v] for k, v in state["alias_by_key"].items()}
        return self

    def _add_alias(self, entry: dict) -> None:
        """One aliases.yaml entry; its listing becomes the issuer's primary (the desk's choice)."""
        target = str(entry.get("listing", ""))
        symbol, _, mic = target.partition(" ")
        found = [i for i in self._indices(symbol) if self._l_mic[i] == mic]
        if not found:
            self.alias_errors.append(f"alias target not in directory: {target!r}")
            return
        index = found[0]
        self._primary[self._l_issuer[index]] = index
        since = entry.get("since")
        if since:
            self._since[self._l_issuer[index]] = since if isinstance(since, date) else date.fromisoformat(str(since))
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
        return self._n_listings

    @property
    def issuer_count(self) -> int:
        return self._n_issuers

    def issuer_names(self) -> list[str]:
        """Every issuer's name (for word lists: the spell checker's known company names)."""
        names = self._i_name
        return [names[i] for i in range(self._n_issuers)]

    def _indices(self, symbol: str) -> list[int]:
        """Listing indices with exactly this symbol, in directory order."""
        keys = self._sym_sorted
        lo = bisect.bisect_left(keys, symbol)
        hi = bisect.bisect_right(keys, symbol, lo)
        return list(self._sym_order[lo:hi])

    def listing(self, index: int) -> Listing:
        hit = self._cache.get(index)
        if hit is not None:
            return hit
        iid = self._l_issuer[index]
        iname = self._i_name[iid]
        hit = Listing(
            index,
            self._l_symbol[index],
            self._l_mic[index],
            self._l_name[index] or iname,
            short_name(iname),
            self._i_country[iid],
            self._l_currency[index],
            self._l_isin[index],
            self._l_figi[index],
            iid,
            index == self._primary_index(iid),
        )
        self._cache[index] = hit
        return hit

    def _primary_index(self, issuer_id: int) -> int:
        return self._primary.get(issuer_id, self._i_first[issuer_id])

    def listed_since(self, index: int) -> date | None:
        """The day the company behind listing `index` first listed, where aliases.yaml records it."""
        return self._since.get(self._l_issuer[index])

    def issuer(self, issuer_id: int) -> Issuer:
        return Issuer(
            issuer_id,
            self._i_name[issuer_id],
            self._i_country[issuer_id],
            self._i_cik[issuer_id],
            self._i_sector[issuer_id],
            self._primary_index(issuer_id),
            self._i_count[issuer_id],
        )

    def primary_of(self, listing: Listing) -> Listing:
        return self.listing(self._primary_index(listing.issuer_id))

    def listings_of(self, issuer_id: int) -> list[Listing]:
        """All listings of an issuer, primary first."""
        first, count = self._i_first[issuer_id], self._i_count[issuer_id]
        primary = self._primary_index(issuer_id)
        order = [primary] + [i for i in range(first, first + count) if i != primary]
        return [self.listing(i) for i in order]

    def _weight(self, index: int) -> tuple:
        """Rank for a bare symbol: US main markets (how the English-language press reads a bare
        ticker), then primary lines, main markets, issuers listed in many places."""
        iid = self._l_issuer[index]
        mic = self._l_mic[index]
        primary = index == self._primary_index(iid)
        us_main = mic in ("XNYS", "XNAS", "XASE")
        return (not us_main, not primary, -exchange(mic).tier, -self._i_count[iid], iid)

    # ----------------------------------------------------------------- lookups
    def get(self, symbol: str, mic: str | None = None) -> Listing | None:
        """The listing `symbol` on `mic`, or the best-ranked listing with that symbol."""
        hits = self.by_symbol(symbol, mic)
        return hits[0] if hits else None

    def by_symbol(self, symbol: str, mic: str | None = None) -> list[Listing]:
        """Listings with exactly this symbol (US class shares in any spelling), best first."""
        sym = symbol.strip().upper()
        idx = self._indices(sym)
        if not idx and ("-" in sym or "/" in sym):
            idx = self._indices(sym.replace("-", ".").replace("/", "."))
        if not idx and sym.isdigit():  # "700.HK" for 0700, "5930" for 005930
            for width in (4, 5, 6):
                idx += self._indices(sym.zfill(width))
        if mic:
            mics = self._l_mic
            idx = [i for i in idx if mics[i] == mic]
        idx.sort(key=self._weight)
        return [self.listing(i) for i in idx]

    def symbols_starting(self, prefix: str, mic: str, limit: int = 40) -> list[Listing]:
        """Listings on `mic` whose symbol starts with `prefix` (for codes spelled differently)."""
        rows = self._symbols_by_mic.get(mic)
        if rows is None:  # sorted symbols of one market, made the first time it is asked for
            order, mics = self._sym_order, self._l_mic
            picked = [p for p in range(self._n_listings) if mics[order[p]] == mic]
            rows = self._symbols_by_mic[mic] = ([self._sym_sorted[p] for p in picked], [order[p] for p in picked])
        keys, indices = rows
        pos = bisect.bisect_left(keys, prefix)
        out = []
        while pos < len(keys) and keys[pos].startswith(prefix) and len(out) < limit:
            out.append(self.listing(indices[pos]))
            pos += 1
        return out

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
        saved = self._saved.get("name_index")
        if saved is not None:
            return directory_cache.unpack_list(saved[0]), directory_cache.unpack(saved[1])
        pairs = set(zip(self._i_key, range(self._n_issuers), strict=True))
        for alias in self.aliases:
            pairs.add((name_key(alias.text) or fold(alias.text), self._l_issuer[alias.listing_id]))
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
        alias_issuers = [self._l_issuer[a.listing_id] for a in alias or ()]
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
            if self._l_issuer[a.listing_id] == iid:
                return self.listing(a.listing_id)
        return self.listing(self._primary_index(iid))

    def _rank_issuers(self, iids: list[int]) -> list[int]:
        def key(iid: int) -> tuple:
            return (-exchange(self._l_mic[self._primary_index(iid)]).tier, -self._i_count[iid], iid)

        return sorted(set(iids), key=key)

    @cached_property
    def _fuzzy_choices(self) -> tuple[list[str], list[int]]:
        """Names worth fuzzy matching: 3+ characters, issuers with a line on a real market."""
        keys, ids = self._name_index
        saved = self._saved.get("fuzzy")
        positions = directory_cache.unpack(saved) if saved is not None else self._fuzzy_positions()
        return [keys[p] for p in positions], [ids[p] for p in positions]

    def _fuzzy_positions(self) -> list[int]:
        keys, ids = self._name_index
        mics = self._l_mic
        return [
            pos
            for pos, (k, iid) in enumerate(zip(keys, ids, strict=False))
            if len(k) >= 3 and exchange(mics[self._primary_index(iid)]).tier >= 2
        ]

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
        ranked = sorted(best, key=lambda i: (-round(best[i]), -self._i_count[i], i))
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
