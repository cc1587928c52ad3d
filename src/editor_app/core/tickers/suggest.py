"""Ticker suggestions from an article: which listed companies it is about and which it mentions.

Precision matters more than recall: a wrong tag (the word "on" tagged as ON Semiconductor, Ford
as a Berlin listing) is worse than none. So:
  * codes the copy prints count when they agree with the name printed before them
    (`written.py`: Reuters RICs, "Name (TICKER)", "(Symbol: X)", Zacks "Name Inc XYZ"), and so
    do exchange notations (`NYSE: F`, `HKEX: 1810`) and cashtags (`exchange_notations.py`); a
    bare ticker or number in prose never counts;
  * names count when capitalised, on word boundaries: curated aliases (aliases.yaml) and
    directory names (`name_table.py`); names that are also common words (Apple, Shell) need
    corroboration, one-word names of smaller companies their legal form or a code;
  * the publisher naming itself and its staff credits are not read (`publisher.py`);
  * listings are judged at the story's date (`dates.py`): not-yet-listed companies are left out;
  * every suggestion lands on the issuer's primary listing (the desk tags the company) and says
    why: the words, the rule, how sure (`explain.py`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from editor_app.core.tickers.article_text import _FRONT, _masked, sections
from editor_app.core.tickers.dates import article_date, registered_after
from editor_app.core.tickers.directory import Listing, SymbolDirectory, default_directory
from editor_app.core.tickers.exchange_notations import notations
from editor_app.core.tickers.explain import best_rule, confidence, level, why_line
from editor_app.core.tickers.name_table import (
    _WORD,
    CONNECTORS,
    MAX_NAME_TOKENS,
    NameTable,
    _case_ok,
    _is_cap,
    _lower_starts,
    _name_prefixes,
    _name_starts,
    _name_table,
    _NameEntry,
    _norm,
    _Tok,
    _tokens,
)
from editor_app.core.tickers.names import LEGAL_SUFFIXES
from editor_app.core.tickers.publisher import self_references
from editor_app.core.tickers.stopwords import COMMON_WORDS, PLACE_WORDS
from editor_app.core.tickers.written import forget_names_before, read_named_codes, read_rics

SNIPPET_CHARS = 40
ABOUT_MIN_COUNT = 3
ESTABLISHED_ISSUERS = 300  # the biggest SEC filers by size, exempt from the CIK-order rule
# Capitalised words after a company's name that make it something else ("Ford Foundation").
NOT_THE_COMPANY_AFTER = frozenset(
    [
        "foundation",
        "field",
        "center",
        "centre",
        "stadium",
        "arena",
        "university",
        "college",
        "institute",
        "museum",
        "prize",
        "award",
        "awards",
        "river",
        "street",
        "avenue",
        "road",
        "bridge",
        "family",
        "park",
        "hall",
        "island",
        "county",
        "school",
    ]
)
CORPORATE_CUES = re.compile(
    r"\b(?:shares?|stocks?|inc|corp|ltd|plc|company|companies|firm|maker|makers|group|ceo|cfo|"
    r"chief executive|executives?|revenues?|earnings|results|quarter(?:ly)?|profits?|sales|"
    r"analysts?|investors?|market value|valuation|billion|million|percent|deal|merger|"
    r"acquisition|acquire[sd]?|partnership|supplier|rival|competitors?|brand|products?|"
    r"customers?|subscribers?|listed|traded|outlook|guidance|forecast|layoffs|chips?|"
    r"iphones?|ipads?|cloud|smartphones?|devices?|stores?|retailer|said|announced|reported)\b|%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    snippet: str
    section: str  # "title", "dek", "lede" (first paragraph), "body"
    kind: str  # "notation", "cashtag", "alias", "name"
    rule: str = "name"  # which rule read it (explain.RULES)


@dataclass
class Suggestion:
    listing: Listing
    role: str  # "about" or "mentions"
    mentions: list[Mention] = field(default_factory=list)
    written_as: list[str] = field(default_factory=list)  # explicit listings seen, e.g. "NYSE: F"

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def rule(self) -> str:
        return best_rule([m.rule for m in self.mentions]) if self.mentions else "name"

    @property
    def evidence(self) -> Mention:
        """The mention that carries the strongest rule (the first such)."""
        rule = self.rule
        return next(m for m in self.mentions if m.rule == rule)

    @property
    def confidence(self) -> float:
        return confidence(self.rule, self.count)

    @property
    def why(self) -> str:
        """'NYSE: F — 'Ford Motor Co' (name + legal suffix), high'"""
        return why_line(self.listing.exchange_name, self.listing.symbol, self.evidence.text, self.rule, self.confidence)

    def to_dict(self) -> dict:
        li = self.listing
        return {
            "symbol": li.symbol,
            "mic": li.mic,
            "exchange": li.exchange_name,
            "name": li.company,
            "country": li.country,
            "role": self.role,
            "count": self.count,
            "written_as": self.written_as,
            "in_directory": li.id >= 0,
            "rule": self.rule,
            "confidence": self.confidence,
            "confidence_level": level(self.confidence),
            "why": self.why,
            "evidence": [{"text": m.text, "start": m.start, "end": m.end, "rule": m.rule} for m in self.mentions],
            "mentions": [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "section": m.section,
                    "kind": m.kind,
                    "rule": m.rule,
                    "snippet": m.snippet,
                }
                for m in self.mentions
            ],
        }


def _title_case_line(text: str, pos: int) -> bool:
    return _title_case_from(text, text.rfind("\n", 0, pos) + 1)


@lru_cache(maxsize=256)
def _title_case_from(text: str, ls: int) -> bool:
    """Is the line starting at `ls` a headline in title case? (Asked for many names on one line.)"""
    le = text.find("\n", ls)
    line = text[ls : le if le != -1 else len(text)]
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    e_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    e = min(e_candidates) if e_candidates else len(text)
    return text[s:e]


# ----------------------------------------------------------------------------- suggest
def suggest(text: str, directory: SymbolDirectory | None = None, date: dt.date | None = None) -> list[Suggestion]:
    """Suggestions for an article (Markdown or plain text), 'about' first, then by count.

    Listings are judged at the article's date (front matter `date:`, else `date`, else today)."""
    directory = directory or default_directory()
    # memos keyed by the article's text hold one article at a time
    _title_case_from.cache_clear()
    forget_names_before()
    day = article_date(text, date)
    secs = sections(text)
    scan = _masked(text)
    # front matter outside title/dek is not scanned
    fm = _FRONT.match(text)
    if fm:
        a, b = fm.start(), fm.end()
        keep = bytearray(b - a)  # title and dek fields stay, the rest of the front matter goes
        for sec in secs:
            if sec.end <= b:
                lo, hi = max(sec.start, a), min(sec.end, b)
                if hi > lo:
                    keep[lo - a : hi - a] = b"\x01" * (hi - lo)
        region = scan[a:b]
        scan = scan[:a] + "".join(c if c == "\n" or keep[k] else " " for k, c in enumerate(region)) + scan[b:]

    sec_starts = [sec.start for sec in secs]
    in_order = all(a.end <= b.start for a, b in itertools.pairwise(secs))

    def section_of(pos: int) -> str:
        if in_order:  # sections follow each other: the last one starting at or before pos
            k = bisect.bisect_right(sec_starts, pos) - 1
            return secs[k].name if k >= 0 and pos < secs[k].end else "body"
        for sec in secs:
            if sec.start <= pos < sec.end:
                return sec.name
        return "body"

    raw_hits: list[tuple[int, int, Listing, str, str]] = []  # start, end, listing, kind, rule
    strong_issuers: set[int] = set()
    taken: list[tuple[int, int]] = []
    for s, e, li, kind in notations(scan, directory):
        raw_hits.append((s, e, li, kind, "exchange: code" if kind == "notation" else "cashtag"))
        strong_issuers.add(li.issuer_id)
        taken.append((s, e))
    table = _name_table(directory)

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    written = read_rics(
        scan, directory, lambda name, country, lead: _name_on_market(name, country, table, directory, day, lead)
    )
    blocked: list[tuple[int, int]] = []
    written += [w for w in read_named_codes(scan, directory, blocked) if free(w.start, w.end)]
    for w in written:
        if not free(w.start, w.end):
            continue
        # the name before the code is read with it: one mention, "Kohl's Corp (KSS)"
        start = w.name_start if w.name and w.name_start < w.start else w.start
        close = _CLOSE.match(scan, w.end)
        end = close.end() if close and scan.count("(", start, w.start) > scan.count(")", start, w.start) else w.end
        raw_hits.append((start, end, w.listing, "notation", w.rule))
        taken.append((start, end))
        if w.listing.id >= 0:
            strong_issuers.add(w.listing.issuer_id)
    taken += blocked
    # the publisher naming itself is not a company mention
    for a, b in self_references(scan):
        scan = scan[:a] + " " * (b - a) + scan[b:]

    toks = _tokens(scan)
    ambiguous_hits: list[tuple[int, int, int, str]] = []
    weak_single: list[tuple[int, int, int, bool]] = []
    prefixes = _name_prefixes(directory)
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    n_toks = len(toks)
    # spans read as a code, notation or blocked name: a name may not overlap them
    taken_mask = bytearray(len(scan))
    empty_taken = []
    for a, b in taken:
        if b > a:
            taken_mask[a:b] = b"\x01" * (b - a)
        else:
            empty_taken.append(a)

    def overlaps_taken(s: int, e: int) -> bool:
        return taken_mask.find(1, s, e) != -1 or any(s < a < e for a in empty_taken)

    # most words start no name: only those that do are looked at, and of those in lower case only
    # the few a name may start with ("the", curated names written in lower case); `_case_ok`
    # refuses every other name whose first word is not capitalised
    lower_ok = _lower_starts(directory)
    name_starts = _name_starts(directory)
    names = table.index  # the plain dict: one lookup per word
    raws = toks.raws
    starters = [k for k, key in enumerate(norms) if key in name_starts and (key in lower_ok or _is_cap(raws[k]))]
    i = 0
    for i0 in starters:
        if i0 < i:
            continue  # inside a name read already
        i = i0
        key = norms[i]
        matched = False
        found: list[tuple[int, list[_NameEntry]]] = []  # (length, entries), names starting here
        for length in range(1, MAX_NAME_TOKENS + 1):
            if length > 1:
                # the next word continues a name only close by: no punctuation, no line break
                k = i + length - 1
                if k >= n_toks:
                    break
                a, b = ends[k - 1], starts[k]
                if b - a > 3 or scan.find("\n", a, b) != -1:
                    break
                key = key + " " + norms[k]
            if key in names:
                entries = table.get(key)
                if entries:
                    found.append((length, entries))
            if key not in prefixes:
                break
        for length, entries in reversed(found):
            window = toks[i : i + length]
            entry = next((e for e in entries if e.kind == "alias" and _case_ok(window, e)), None) or next(
                (e for e in entries if _case_ok(window, e)), None
            )
            if entry is None:
                continue
            s, e = window[0].start, window[-1].end
            if window[-1].raw.endswith(("'s", "’s")):
                e -= 2
            if overlaps_taken(s, e):
                break
            if not _context_ok(scan, toks, i, length, entry):
                break
            if not _listed_at(directory, entry, day):
                i += length  # named, but not listed on the story's date: no shorter name inside it
                matched = True
                break
            listing = directory.listing(entry.listing_id)
            nxt = toks[i + length] if i + length < len(toks) else None
            suffixed = _legal_form_after(scan, toks, i + length)
            if entry.ambiguous:
                ambiguous_hits.append((s, e, entry.listing_id, entry.kind))
            elif entry.legal_only:
                if suffixed and nxt.norm not in ("group", "holdings") and _is_cap(nxt.raw):
                    raw_hits.append((s, e, listing, "name", "name + legal suffix"))
                    strong_issuers.add(listing.issuer_id)
            elif entry.single:
                weak_single.append((s, e, entry.listing_id, suffixed))
            else:
                rule = "alias" if entry.kind == "alias" else "name + legal suffix" if suffixed else "name"
                raw_hits.append((s, e, listing, entry.kind, rule))
                strong_issuers.add(listing.issuer_id)
            i += length
            matched = True
            break
        if not matched:
            i += 1

    # weak evidence: single directory words need a legal suffix, a repeat or a strong hit
    for s, e, lid, suffixed in weak_single:
        iid = directory.listing(lid).issuer_id
        # a one-word name of a smaller company needs its legal form or a code for the same
        # company: repeating "Kingfisher" or "Quest" does not make it the listed one
        if suffixed or iid in strong_issuers:
            rule = "name + legal suffix" if suffixed else "name"
            raw_hits.append((s, e, directory.listing(lid), "name", rule))
    for s, e, lid, kind in ambiguous_hits:
        iid = directory.listing(lid).issuer_id
        # the sentence is read for company context only when no stronger mention settles it
        if iid in strong_issuers or (
            not _title_case_line(scan, s) and CORPORATE_CUES.search(_sentence(scan, s, e).replace(scan[s:e], " "))
        ):
            raw_hits.append((s, e, directory.listing(lid), kind, "alias + context"))
            strong_issuers.add(iid)

    return _collect(text, raw_hits, directory, section_of)


# Legal forms that end a company's name; "Trust", "Bank" or "de" after a word start a longer name.
NAME_ENDING_FORMS = (LEGAL_SUFFIXES - {"trust", "reit", "public", "de", "cv", "rl", "as", "st", "publ"}) | {
    "group",
    "holdings",
}


_CLOSE = re.compile(r"[ \t]*\)")


def _legal_form_after(text: str, toks: list[_Tok], k: int) -> bool:
    """Is token k a legal form that ends the name ("Snap Inc.", "Kingfisher plc"), rather than
    the next word of a longer name ("Mitsubishi Trust Bank")?"""
    if k >= len(toks) or toks[k].norm.replace(".", "") not in NAME_ENDING_FORMS:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    joined = nxt is not None and nxt.start - toks[k].end <= 1 and _is_cap(nxt.raw)
    return not joined or nxt.norm.replace(".", "") in NAME_ENDING_FORMS


def _listed_at(directory: SymbolDirectory, entry: _NameEntry, day: dt.date) -> bool:
    """Was the named company listed on the story's date? (aliases.yaml `since`, SEC's CIK order)"""
    since = directory.listed_since(entry.listing_id)
    if since is not None:
        return since <= day
    if entry.kind == "alias":
        return True  # a curated press name continues through renames and new holding companies
    iid = directory.listing(entry.listing_id).issuer_id
    if iid < ESTABLISHED_ISSUERS:
        # the largest SEC filers with a recent CIK are mostly new holding companies of long-listed
        # businesses (Medtronic plc 2014, Linde plc 2017); big new listings carry `since` instead
        return True
    return not registered_after(directory.issuer(iid).cik, day)


def _name_on_market(
    name: str, country: str, table: NameTable, directory: SymbolDirectory, day: dt.date, lead: bool = True
) -> Listing | None:
    """The listing on a market of `country` of the company `name`: the whole name (legal form
    aside) must be the company's, so "Showa Shell" never becomes "Showa"; a curated press name
    may lead a longer one ("LVMH Moet Hennessy Louis Vuitton")."""
    raw = _WORD.findall(name)
    toks = [_norm(t) for t in raw]
    if len(raw) > 1 and raw[0].endswith(("'s", "’s")):
        toks, raw = toks[1:], raw[1:]  # "Taiwan's Green Point Enterprises"
    while len(toks) > 1 and toks[-1].replace(".", "") in LEGAL_SUFFIXES | {"group", "holdings"}:
        toks.pop()
    keys = [(" ".join(toks), False)] + [(" ".join(toks[:n]), True) for n in range(len(toks) - 1, 0, -1) if lead]
    for key, lead_only in keys:
        for entry in table.get(key, ()):
            if lead_only and entry.kind != "alias":
                continue
            if not _listed_at(directory, entry, day):
                continue
            iid = directory.listing(entry.listing_id).issuer_id
            for li in directory.listings_of(iid):
                if li.exchange.country == country and li.exchange.tier >= 2:
                    return li
    return None


def _context_ok(text: str, toks: list[_Tok], i: int, length: int, entry: _NameEntry) -> bool:
    """Guards against person and place names: 'Gerald Ford', 'Ford Foundation'."""
    nxt = toks[i + length] if i + length < len(toks) else None
    if (
        nxt is not None
        and nxt.norm in NOT_THE_COMPANY_AFTER
        and _is_cap(nxt.raw)
        and nxt.start - toks[i + length - 1].end <= 1
    ):
        return False
    if i > 0:
        prev = toks[i - 1]
        if (
            prev.raw.endswith(("'s", "’s"))
            and _is_cap(prev.raw)
            and toks[i].start - prev.end == 1
            and prev.norm not in PLACE_WORDS
        ):
            return False  # "People's Bank of China" is not Bank of China
    if i > 1 and toks[i - 1].norm in ("of", "the") and entry.kind == "name":
        # "Office of the Superintendent of Financial Institutions": the tail of a longer proper name
        k = i - 1
        while k > 0 and toks[k].norm in ("of", "the"):
            k -= 1
        if (
            _is_cap(toks[k].raw)
            and toks[k].norm not in CONNECTORS
            and toks[k + 1].raw == "of"
            and not (_title_case_line(text, toks[k].start))
        ):
            return False
    if length == 1 and i > 1:
        initial = toks[i - 1]
        if (
            len(initial.raw) == 1
            and initial.raw.isupper()
            and text[initial.end : initial.end + 2] == ". "
            and _is_cap(toks[i - 2].raw)
            and toks[i - 2].norm not in COMMON_WORDS
        ):
            return False  # "Gerald E. McCormick": a middle initial makes it a person
    if length == 1 and i > 0:
        prev = toks[i - 1]
        adjacent = toks[i].start - prev.end == 1 and text[prev.end] == " "
        if (
            adjacent
            and _is_cap(prev.raw)
            and not prev.raw.isupper()
            and not prev.raw.endswith(("'s", "’s"))
            and prev.norm not in COMMON_WORDS
            and prev.norm not in PLACE_WORDS
            and not _title_case_line(text, prev.start)
        ):
            return False  # "Harrison Ford", "Gerald Ford"
    return True


def _collect(text, raw_hits, directory, section_of) -> list[Suggestion]:
    by_issuer: dict[object, Suggestion] = {}
    for s, e, listing, kind, rule in sorted(raw_hits, key=lambda h: (h[0], h[1])):
        if listing.id < 0:  # as written in the copy: one suggestion per code
            primary, group = listing, ("written", listing.mic, listing.symbol)
        else:
            primary = directory.primary_of(listing)
            group = primary.issuer_id
        sug = by_issuer.get(group)
        if sug is None:
            sug = by_issuer[group] = Suggestion(primary, "mentions")
        sug.mentions.append(Mention(s, e, text[s:e], _snippet(text, s, e), section_of(s), kind, rule))
        if kind in ("notation", "cashtag") and rule != "name":
            written = f"{listing.exchange_name}: {listing.symbol}"
            if written not in sug.written_as:
                sug.written_as.append(written)
    if not by_issuer:
        return []

    def in_lead(sug: Suggestion) -> bool:
        return any(m.section in ("title", "dek", "lede") for m in sug.mentions)

    # "about": named in the title, dek or first paragraph, or mentioned more often than any of
    # those (a story whose lede is generic); everything else "mentions".
    lead_top = max((s.count for s in by_issuer.values() if in_lead(s)), default=0)
    for sug in by_issuer.values():
        frequent = sug.count >= ABOUT_MIN_COUNT and sug.count > lead_top
        sug.role = "about" if in_lead(sug) or frequent else "mentions"
    return sorted(by_issuer.values(), key=lambda s: (s.role != "about", -s.count, s.mentions[0].start))


def _snippet(text: str, start: int, end: int) -> str:
    s = max(0, start - SNIPPET_CHARS)
    e = min(len(text), end + SNIPPET_CHARS)
    out = " ".join(text[s:e].split())
    return ("…" if s > 0 else "") + out + ("…" if e < len(text) else "")
