"""Company names as the suggester matches them: the name table built once per directory
(curated aliases and directory names, with how much each name proves on its own) and the
word tokens of an article."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from editor_app.core.tickers import directory_cache
from editor_app.core.tickers.exchanges import exchange
from editor_app.core.tickers.names import LEGAL_SUFFIXES, fold
from editor_app.core.tickers.stopwords import COMMON_WORDS, NOT_COMPANY_NAMES, PLACE_WORDS

if TYPE_CHECKING:  # the directory builds its tables from here: no import at run time
    from editor_app.core.tickers.directory import SymbolDirectory

MAX_NAME_TOKENS = 6
BIG_US_ISSUERS = 1500  # issuer ids follow SEC's list, which is sorted by size
BIG_LISTING_COUNT = 8  # listed on this many venues: a company the press names by one word
CONNECTORS = frozenset({"of", "and", "the", "de", "du", "des", "la", "le", "y", "&", "for", "in", "com"})
PUBLIC_BODIES = frozenset({"authority", "agency", "commission", "ministry", "government", "republic", "administration"})


@dataclass(frozen=True)
class _NameEntry:
    listing_id: int
    text: str  # as curated / as officially spelled
    kind: str  # "alias" or "name"
    ambiguous: bool
    exact_case: bool
    single: bool  # one word of a smaller company, from the directory: weak evidence
    legal_only: bool = False  # a common word ("Snap", "Target"): only counts with its legal form


def build_name_table(directory: SymbolDirectory) -> dict[str, list[_NameEntry]]:
    """Folded token key -> candidates (about 40k names): about a second of work, so done once
    per directory version and kept in the warm-start cache."""
    table: dict[str, list[_NameEntry]] = defaultdict(list)
    alias_keys: set[str] = set()
    for alias in directory.aliases:
        key = " ".join(_norm_tokens(alias.text))
        if not key:
            continue
        alias_keys.add(key)
        table[key].append(_NameEntry(alias.listing_id, alias.text, "alias", alias.ambiguous, alias.exact_case, False))
    best: dict[str, tuple[tuple, int, str]] = {}
    common_legal: dict[str, tuple[int, str]] = {}
    names, ciks, sectors = directory._i_name, directory._i_cik, directory._i_sector
    counts, mics = directory._i_count, directory._l_mic
    for iid, key in enumerate(directory._i_key):
        name, cik, sector, count = names[iid], ciks[iid], sectors[iid], counts[iid]
        primary = directory._primary_index(iid)
        ex = exchange(mics[primary])
        if ex.tier < 2 or not key or key in alias_keys or key in NOT_COMPANY_NAMES:
            continue
        words = key.split()
        if len(words) > MAX_NAME_TOKENS or len(key) < 3:
            continue
        if words[-1] in PUBLIC_BODIES:
            continue  # "Tennessee Valley Authority" lists bonds, it is not a company a desk tags
        if sector == "ETF" and len(words) < 3:
            continue  # a fund is named in full ("iShares 20+ Year Treasury Bond") or by its code
        distinctive = [
            w
            for w in words
            if w not in COMMON_WORDS and w not in PLACE_WORDS and w not in CONNECTORS and not w.isdigit() and len(w) > 1
        ]
        us_main = bool(cik) and ex.mic in ("XNYS", "XNAS")
        if (
            not distinctive
            and len(words) == 1
            and ((us_main and iid < BIG_US_ISSUERS) or (count >= BIG_LISTING_COUNT and ex.tier >= 3))
            and key not in PLACE_WORDS
            and len(key) >= 4
            and key not in common_legal
        ):
            common_legal[key] = (primary, name)  # "Snap Inc.", "Target Corp": only with the legal form
            continue
        if not distinctive and not (us_main and len(words) >= 2 and any(w not in PLACE_WORDS for w in words)):
            continue  # "First National" stays out; "First Solar", "Dollar General" are SEC filers
        if len(words) == 1 and (len(key) < 4 or key in LEGAL_SUFFIXES):
            continue
        rank = (-ex.tier, -count, iid)
        if key not in best or rank < best[key][0]:
            # one word is weak evidence unless the company is big (SEC size order, many venues)
            big = (us_main and iid < BIG_US_ISSUERS) or count >= BIG_LISTING_COUNT
            best[key] = (rank, primary, name, len(words) == 1 and not big)
    for key, (_rank, primary, official, weak) in best.items():
        table[key].append(_NameEntry(primary, official, "name", False, False, weak))
    for key, (primary, official) in common_legal.items():
        if key not in table:
            table[key].append(_NameEntry(primary, official, "name", False, False, True, True))
    return dict(table)


class NameTable:
    """The name table as flat columns: key -> row in `index`, the candidates of a row made the
    first time a story names it (a warm start makes none of the 40k up front)."""

    __slots__ = ("_bounds", "_flags", "_listing", "_made", "_texts", "index")

    def __init__(self, packed: dict) -> None:
        self.index: dict[str, int] = dict(zip(directory_cache.unpack_list(packed["keys"]), itertools.count()))
        self._bounds = directory_cache.unpack(packed["bounds"])
        self._listing = directory_cache.unpack(packed["listing"])
        self._flags: bytes = packed["flags"]
        self._texts = packed["text"]
        self._made: dict[int, list[_NameEntry]] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def __iter__(self):
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)

    def get(self, key: str, default=None):
        row = self.index.get(key)
        if row is None:
            return default
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = self._entries(row)
        return made

    def _entries(self, row: int) -> list[_NameEntry]:
        if isinstance(self._texts, tuple):
            self._texts = directory_cache.unpack(self._texts)  # read row by row
        out = []
        for k in range(self._bounds[row], self._bounds[row + 1]):
            f = self._flags[k]
            out.append(
                _NameEntry(
                    self._listing[k],
                    self._texts[k],
                    "alias" if f & 1 else "name",
                    bool(f & 2),
                    bool(f & 4),
                    bool(f & 8),
                    bool(f & 16),
                )
            )
        return out


def pack_name_table(table: dict[str, list[_NameEntry]]) -> dict:
    """The table as columns for the warm-start cache (and for `NameTable`)."""
    bounds, listing, texts, flags = [0], [], [], bytearray()
    for entries in table.values():
        for e in entries:
            if e.kind not in ("alias", "name"):
                raise ValueError(f"unknown name kind {e.kind!r}")
            listing.append(e.listing_id)
            texts.append(e.text)
            flags.append((e.kind == "alias") | e.ambiguous << 1 | e.exact_case << 2 | e.single << 3 | e.legal_only << 4)
        bounds.append(len(listing))
    return {
        "keys": directory_cache.pack_str(list(table)),
        "bounds": directory_cache.pack_int(bounds),
        "listing": directory_cache.pack_int(listing),
        "text": directory_cache.pack_str(texts),
        "flags": bytes(flags),
    }


def prefixes_of(table) -> frozenset[str]:
    """Every leading part of every name ("ford", "ford motor"): a walk over the words stops as
    soon as no name continues, so most words cost one set lookup."""
    out: set[str] = set()
    for key in table:
        words = key.split(" ")
        for n in range(1, len(words)):
            out.add(" ".join(words[:n]))
    return frozenset(out)


@lru_cache(maxsize=4)
def _name_table(directory: SymbolDirectory) -> NameTable:
    """The directory's name table: from the warm-start cache, else built now."""
    saved = directory._saved.get("name_table")
    return NameTable(saved if saved is not None else pack_name_table(build_name_table(directory)))


@lru_cache(maxsize=4)
def _name_starts(directory: SymbolDirectory) -> frozenset[str]:
    """Every key that is a name or the start of one: one set lookup per word of an article."""
    return frozenset(_name_table(directory).index).union(_name_prefixes(directory))


@lru_cache(maxsize=4)
def _lower_starts(directory: SymbolDirectory) -> frozenset[str]:
    """First words that may start a name even written in lower case: connectors (a directory name
    may lead with "the") and the first words of curated names not written capitalised."""
    out = set(CONNECTORS) | {"and"}
    for alias in directory.aliases:
        written = _WORD.findall(alias.text)
        if written and (alias.exact_case or not _is_cap(written[0])):
            out.add(_norm(written[0]))
    return frozenset(out)


@lru_cache(maxsize=4)
def _name_prefixes(directory: SymbolDirectory) -> frozenset[str]:
    saved = directory._saved.get("prefixes")
    if saved is not None:
        return frozenset(directory_cache.unpack_list(saved))
    return prefixes_of(_name_table(directory))


_WORD = re.compile(r"[^\W_]+(?:[&'’][^\W_]+)*(?:-(?:on|in|up)(?![\w-]))?|&")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")  # the same words, with the text between them


def _norm_tokens(text: str) -> list[str]:
    return [_norm(t) for t in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def _norm(token: str) -> str:
    if token == "&":
        return "and"
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    return fold(token).replace("'", "").replace("’", "").replace("&", "").replace("-", "").strip()


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    raw: str
    norm: str


class _Tokens:
    """An article's words as flat lists (the scan reads only `norms` for most words); a `_Tok`
    is made only for the few words a name lookup looks at."""

    __slots__ = ("_made", "ends", "norms", "raws", "starts")

    def __init__(self, text: str) -> None:
        parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        self.raws = raws = parts[1::2]
        self.norms = list(map(_norm, raws))
        bounds = list(itertools.accumulate(map(len, parts)))  # where each part ends
        self.starts = bounds[0:-1:2]
        self.ends = bounds[1::2]
        self._made: dict[int, _Tok] = {}

    def __len__(self) -> int:
        return len(self.raws)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self.raws)))]
        if k < 0:
            k += len(self.raws)
        tok = self._made.get(k)
        if tok is None:
            if not 0 <= k < len(self.raws):
                raise IndexError(k)
            tok = self._made[k] = _Tok(self.starts[k], self.ends[k], self.raws[k], self.norms[k])
        return tok


def _tokens(text: str) -> _Tokens:
    return _Tokens(text)


@lru_cache(maxsize=65536)
def _is_cap(raw: str) -> bool:
    """Capitalised as a name: 'Ford', '3M', and camel case brands ('iShares', 'eBay')."""
    return raw[:1].isupper() or raw[:1].isdigit() or any(c.isupper() for c in raw[1:4])


def _case_ok(toks: list[_Tok], entry: _NameEntry) -> bool:
    if entry.exact_case:
        return " ".join(t.raw for t in toks) == entry.text
    if entry.kind == "alias":
        written = _WORD.findall(entry.text)
        for tok, w in zip(toks, written, strict=False):
            if _is_cap(w) and not _is_cap(tok.raw):
                return False
            if w.isupper() and len(w) > 1 and not tok.raw.isupper() and len(tok.raw) <= 4:
                return False  # "BYD" must not match "Byd"; "Nvidia" may match "NVIDIA"
        return True
    return all(_is_cap(t.raw) or t.norm in CONNECTORS for t in toks)
