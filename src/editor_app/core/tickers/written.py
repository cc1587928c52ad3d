"""Codes the copy itself prints next to a company: Reuters RICs, "Name (TICKER)", "(Symbol: X)",
Zacks-style "Name Inc XYZ".

Wire copy names the listing it means, at the story's date. So a code is read together with the
name printed before it: the code must resolve on its market *and* agree with that name, or the
name must be a company listed on that market under another code (Reuters' PHG.AS for Philips'
PHIA). A RIC on a known market that the directory does not hold (a company delisted or renamed
since) is kept as written, with the copy's name: the desk tags the listing the story names.
A code on an unknown market (`CYL.UL`) or a bare code whose company the name contradicts never
lands on some other company with the same letters or digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from editor_app.core.tickers.directory import Listing, SymbolDirectory
from editor_app.core.tickers.exchanges import REUTERS_SUFFIX, US_MICS, YAHOO_SUFFIX, exchange
from editor_app.core.tickers.names import LEGAL_SUFFIXES, SOFT_SUFFIXES, fold, name_key
from editor_app.core.tickers.stopwords import COMMON_WORDS, PLACE_WORDS

# Reuters suffixes beyond the exchange table: Nasdaq ".OQ", Pink Sheets ".PK", Swiss ".VX".
RIC_SUFFIX: dict[str, str] = {**REUTERS_SUFFIX, "PK": "OTCM", "VX": "XSWX", "S": "XSWX", "F": "XETR"}
RIC_SUFFIX.pop("A", None)
# Markets where Reuters writes its own mnemonics, not the exchange's code (FIA.MI for Fiat's F,
# ALUA.PA for ALU, MAHM.BO for M&M): a code there the directory cannot place is not shown as
# written, because it would name a listing that never existed.
RIC_MNEMONIC_MARKETS = frozenset(
    {"XPAR", "XMIL", "XBRU", "XAMS", "XMAD", "XLIS", "XNSE", "XBOM"}
)  # ".A" is a share class far more often than NYSE American
_NAME_WORD = re.compile(r"[A-Z0-9][\w&'’.\-]*|&|of|and|de|du|la|the|for|y")
_CONNECT = frozenset({"&", "of", "and", "de", "du", "la", "the", "for", "y"})
_LEAD_WORDS = frozenset(
    {"shares", "share", "stock", "stocks", "units", "unit", "parent", "rival", "the", "a", "an", "u.s"}
)
# A RIC: base (letters/digits), an optional lower-case class or registered-share letter, a dot and
# the venue. Also glued to a preceding word ("Amazon.comAMZN.O") is left alone: too rare to guess.
RIC = re.compile(r"(?<![\w.$/@\-])([A-Z0-9][A-Z0-9&\-]{0,9}?)(_?[a-z]{1,2})?\.([A-Z]{1,2})(?![\w])(?!\.\w)")
# "(KSS)", "(Symbol: KSS)", "(GOOG, GOOGL)", "( BRK.B )"
PAREN = re.compile(
    r"\(\s*(?:Symbols?:\s*)?([A-Z]{1,5}(?:[.\-][A-Z])?)((?:\s*(?:,|and)\s*[A-Z]{1,5}(?:[.\-][A-Z])?)*)\s*\)"
)
# Zacks style: "Pinterest Inc. PINS" / "Kohl's Corp KSS" (legal form, then the bare code)
ZACKS = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|plc|PLC|Plc|Group|Holdings|NV|N\.V|AG|SA|SE)\.?,?[ \t]+"
    r"([A-Z]{1,5}(?:\.[A-Z])?)\b(?![\w.(])"
)


@dataclass(frozen=True)
class Written:
    start: int
    end: int
    listing: Listing
    rule: str  # "ric", "ric (as written)", "name (ticker)", "name + code"
    name_start: int  # where the company name before the code starts (== start without a name)
    name: str  # the name as printed before the code ("" if none)


_ABBREV_BEFORE = re.compile(r"\s*\(\s*[A-Z]{2,6}\s*\)$")


def name_before(text: str, pos: int, max_words: int = 7) -> tuple[int, str]:
    """The capitalised run of words ending just before `pos` (skipping '(' and spaces)."""
    end = pos
    while end > 0 and text[end - 1] in " \t(":
        end -= 1
    found = _name_ending_at(text, end, max_words)  # a RIC and the "(...)" around it ask twice
    return found if found is not None else (pos, "")


def forget_names_before() -> None:
    """Drop the names remembered for the last article (the memo holds its text)."""
    _name_ending_at.cache_clear()


@lru_cache(maxsize=512)
def _name_ending_at(text: str, end: int, max_words: int) -> tuple[int, str] | None:
    abbrev = _ABBREV_BEFORE.search(text, max(0, end - 12), end)
    if abbrev is not None:  # "Advanced Semiconductor Engineering Inc. (ASE) ( 2311.TW )"
        end = abbrev.start()
    if end > 2 and text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    words: list[tuple[int, int]] = []
    i = end
    while len(words) < max_words:
        j = i
        while j > 0 and text[j - 1] in " \t,":
            if text[j - 1] == "," and words and not _legal(text[words[0][0] : words[0][1]]):
                break
            j -= 1
        if words and j == i:
            break
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "&'’.-"):
            k -= 1
        word = text[k:j].rstrip(".")
        if not word or not _NAME_WORD.fullmatch(text[k:j]):
            break
        if word[0].islower() and word not in _CONNECT:
            break
        if _legal(word) and words and text[words[0][0] : words[0][1]].lower() in _CONNECT:
            words.pop(0)  # "... Ltd and India's Mahindra": the name starts after the connector
            break
        words.insert(0, (k, j))
        i = k
        if i == 0 or text[i - 1] == "\n":
            break
    # "Shares of China Mobile", "The Walt Disney": the lead words are not the company's
    while len(words) > 1 and text[words[0][0] : words[0][1]].lower().rstrip(".") in _LEAD_WORDS | _CONNECT:
        words.pop(0)
    while words and text[words[0][0] : words[0][1]].lower() in _CONNECT:
        words.pop(0)
    if not words:
        return None
    return words[0][0], text[words[0][0] : words[-1][1]]


@lru_cache(maxsize=65536)
def _legal(word: str) -> bool:
    return fold(word).rstrip(".").replace(".", "") in LEGAL_SUFFIXES


@lru_cache(maxsize=65536)
def _distinctive(name: str) -> frozenset[str]:
    """The words of a name that tell companies apart (asked again for each listing a code may be)."""
    words = re.findall(r"[a-z0-9]+", fold(name).replace("&", " "))
    return frozenset(
        w
        for w in words
        if len(w) > 1
        and w not in COMMON_WORDS
        and w not in LEGAL_SUFFIXES
        and w not in SOFT_SUFFIXES
        and w not in PLACE_WORDS
        and w not in {"shares", "stock", "unit", "parent", "group"}
    )


@lru_cache(maxsize=65536)
def _plain_words(name: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", fold(name).replace("&", " "))
    return frozenset(w for w in words if w not in LEGAL_SUFFIXES and w not in _CONNECT and w not in _LEAD_WORDS)


@lru_cache(maxsize=65536)
def _compact(name: str) -> str:
    """A name's key without spaces or punctuation: "AkzoNobel" and "Akzo Nobel" alike."""
    return re.sub(r"[^a-z0-9]", "", name_key(name))


def names_agree(copy_name: str, listing: Listing) -> bool:
    """Does the name printed before a code name this listing's company? ("Kohl's Corp" and
    "Kohls Corp"; "Alphabet" and GOOGL needs an alias, so aliases count too.)"""
    if not copy_name:
        return False
    mine = _distinctive(copy_name)
    theirs = _distinctive(listing.company) | _distinctive(listing.name)
    if mine & theirs:
        return True
    if not mine and not theirs:  # names of plain words ("China Mobile"): all of the company's words
        company = _plain_words(listing.company)
        if company and company <= _plain_words(copy_name):
            return True
    # run-together spellings: "AkzoNobel" / "Akzo Nobel", "Snap-on" / "Snapon"
    a = _compact(copy_name)
    b = _compact(listing.company)
    return bool(a) and len(a) >= 3 and (a == b or b.startswith(a) or a.startswith(b))


def _symbol_candidates(base: str, cls: str, mic: str) -> list[str]:
    """Exchange codes a RIC may stand for: SIEGn.DE -> SIE, ERICb.ST -> ERIC-B, BRKb.N -> BRK.B."""
    cls = cls.lstrip("_")
    out: list[str] = []
    bases = [base]
    if mic == "XETR" and base.endswith("G") and len(base) >= 3:
        bases.append(base[:-1])  # German RICs add G: BMWG.DE is BMW, DCXGn.DE is DCX
    for b in bases:
        if cls and cls not in ("n", "p", "ta"):
            c = cls.upper()
            out += [f"{b}.{c}", f"{b}-{c}", f"{b} {c}", f"{b}{c}"]
        out.append(b)
    if base.isdigit():
        out += [base.zfill(4), base.zfill(5), base.zfill(6)]
    return list(dict.fromkeys(out))


def _on_market(directory: SymbolDirectory, symbols: list[str], mic: str) -> Listing | None:
    for sym in symbols:
        hit = directory.get(sym, mic)
        if hit is not None:
            return hit
    if mic in ("XNYS", "XNAS"):  # moved between NYSE and Nasdaq since the story
        for sym in symbols:
            for other in ("XNAS", "XNYS", "XASE"):
                hit = directory.get(sym, other)
                if hit is not None:
                    return hit
    return None


def _similar_code(directory: SymbolDirectory, base: str, mic: str, name: str) -> Listing | None:
    """Reuters' own code for a company the exchange codes differently (PHG.AS for Philips' PHIA,
    AKZO.AS for AKZA): a code on the same market sharing the first letters, for the same name."""
    if len(base) < 3 or base.isdigit():
        return None
    mine = _distinctive(name)
    compact = _compact(name)
    for li in directory.symbols_starting(base[:2], mic):
        theirs = _distinctive(li.company) | _distinctive(li.name)
        if (mine and mine <= theirs) or compact == _compact(li.company):
            return li
    return None


def as_written(symbol: str, mic: str, name: str) -> Listing:
    """A listing the copy names that the directory does not hold (delisted or renamed since).
    `mic` is "" for a bare US-style code whose exchange the copy does not say."""
    country = exchange(mic).country if mic else "United States"
    return Listing(-1, symbol, mic, name or symbol, name or symbol, country, "", "", "", -1, True)


_DOT_CODE = re.compile(r"\.[A-Z]{1,2}(?![\w])")


def _ric_matches(text: str) -> list[re.Match]:
    """RIC matches, searched only just before a '.XX' (the full pattern tried everywhere is slow)."""
    out: list[re.Match] = []
    last_end = 0
    for dot in _DOT_CODE.finditer(text):
        m = RIC.search(text, max(last_end, dot.start() - 14), dot.end())
        if m is not None and m.end() == dot.end():
            out.append(m)
            last_end = m.end()
    return out


def read_rics(text: str, directory: SymbolDirectory, name_lookup) -> list[Written]:
    """Every RIC on a known market, resolved with the name before it.

    `name_lookup(name, country, lead)` returns a directory listing for a company name on a market of
    that country (or None): how Reuters' own codes (PHG.AS) reach the exchange's (PHIA)."""
    out: list[Written] = []
    prev_end = -10
    prev: Written | None = None
    for m in _ric_matches(text):
        base, cls, suffix = m.group(1), m.group(2) or "", m.group(3)
        mic = RIC_SUFFIX.get(suffix) or YAHOO_SUFFIX.get(suffix)
        if mic is None:
            continue
        if len(base) == 1 and not cls and (suffix not in ("N", "O") or text[m.end() : m.end() + 1] == "."):
            continue  # "U.S.", "E.U."
        if cls and cls.lstrip("_") not in ("n", "b", "a", "c", "p", "ta", "r"):
            continue
        if base.isdigit() and exchange(mic).country == "United States":
            continue
        # a second code right after a first one ("( 2311.TW ) ( ASX.N )") belongs to the same name
        between = text[prev_end : m.start()]
        if prev is not None and re.fullmatch(r"[\s()/,]*(?:and|or)?[\s()/,]*", between):
            name_start, name = prev.name_start, prev.name
        else:
            name_start, name = name_before(text, m.start())
        symbols = _symbol_candidates(base, cls, mic)
        hit = _on_market(directory, symbols, mic)
        rule = "ric"
        if hit is not None and name and not names_agree(name, hit):
            # the code is on the market but is another company's now (Hutchison Whampoa's 0013 is
            # HUTCHMED's): the copy's code at its date, unless the name is a company listed there
            other = name_lookup(name, exchange(mic).country, False)
            hit = other if other is not None else as_written(hit.symbol, hit.mic, _display(name))
            rule = "ric + name" if other is not None else "ric (as written)"
        elif hit is None:
            other = name_lookup(name, exchange(mic).country, True) if name else None
            if other is None and name:
                other = _similar_code(directory, base, mic, name)
            if other is not None:
                hit, rule = other, "ric + name"
            else:
                core = base[:-1] if mic == "XETR" and base.endswith("G") and len(base) >= 3 else base
                sym = _class_symbol(core, cls.lstrip("_"), mic)
                if (not name and not exchange(mic).reuters) or mic in RIC_MNEMONIC_MARKETS:
                    continue
                hit, rule = as_written(_plain_symbol(sym, mic), mic, _display(name)), "ric (as written)"
        chained = prev is not None and name_start == prev.name_start and name
        w = Written(m.start(), m.end(), hit, rule, m.start() if chained else name_start, name)
        out.append(w)
        prev, prev_end = (Written(w.start, w.end, hit, rule, name_start, name) if chained else w), m.end()
    return out


def _class_symbol(base: str, cls: str, mic: str) -> str:
    """A share class the way the market writes it: BRK.B in New York and Toronto, ERIC-B in
    Stockholm and Copenhagen, RDSA in London."""
    if not cls or cls in ("n", "p", "ta", "r"):
        return base
    c = cls.upper()
    if mic in US_MICS or mic in ("XTSE", "XTSX"):
        return f"{base}.{c}"
    if mic in ("XSTO", "XCSE", "XHEL", "XOSL", "XICE"):
        return f"{base}-{c}"
    return f"{base}{c}"


def _plain_symbol(sym: str, mic: str) -> str:
    if mic == "XHKG" and sym.isdigit():
        return sym.zfill(4)
    if mic in US_MICS:
        return sym.replace("-", ".")
    return sym


def _display(name: str) -> str:
    return name.strip(" ,.'’") if name else ""


_CODE_AFTER = re.compile(r"\s*\(\s*(?:[A-Za-z ]{2,20}:|[A-Z0-9&]{1,10}[a-z]?\.[A-Z]{1,2}\s*\))")


def _fund_named(directory: SymbolDirectory, name: str, listing: Listing) -> bool:
    """A fund's code counts after its name, not after one word of it: "Invesco QQQ Trust (QQQ)"
    is the fund, "Bitcoin (BTC)" is the coin, not the bitcoin fund listed as BTC."""
    if directory.issuer(listing.issuer_id).sector != "ETF":
        return True
    mine = _plain_words(name) - {"fund", "etf", "trust"}
    return len(mine) >= 2 and mine <= _plain_words(listing.name) | _plain_words(listing.company)


def read_named_codes(
    text: str, directory: SymbolDirectory, blocked: list[tuple[int, int]] | None = None
) -> list[Written]:
    """ "Kohl's Corp (KSS)", "(Symbol: KSS)", "(GOOG, GOOGL)", "Pinterest Inc. PINS": a bare code
    counts only right after a name that agrees with the code's company. Names followed by a code
    that names something else are added to `blocked`, so they are not read as a company either."""
    out: list[Written] = []
    blocked = blocked if blocked is not None else []
    for rx, rule in ((PAREN, "name (ticker)"), (ZACKS, "name + code")):
        for m in rx.finditer(text):
            codes = [m.group(1)]
            if rx is PAREN and m.group(2):
                codes += re.findall(r"[A-Z]{1,5}(?:[.\-][A-Z])?", m.group(2))
            anchor = m.start() if rx is PAREN else m.start(1)
            if rx is ZACKS:
                name_start, name = name_before(text, m.start(1))
            else:
                name_start, name = name_before(text, anchor)
            if not name:
                continue
            for code in codes:
                hits = [h for h in directory.by_symbol(code.replace("-", ".")) if h.mic in US_MICS]
                hit = next((h for h in hits if names_agree(name, h) and _fund_named(directory, name, h)), None)
                at = m.start() + m.group(0).find(code)
                if (
                    hit is None
                    and rx is PAREN
                    and not hits
                    and len(code) >= 2
                    and _legal(name.split()[-1])
                    and not _CODE_AFTER.match(text, m.end())  # "(ASE) ( 2311.TW )": a short name
                ):
                    # "Acme Widgets, Inc. (ACMW)": a company with its legal form and a US-style code
                    # the directory does not hold (renamed or taken private since): as written
                    hit = as_written(code.replace("-", "."), "", _display(name))
                    out.append(Written(at, at + len(code), hit, "name (ticker) (as written)", name_start, name))
                    continue
                if hit is None:
                    if rx is PAREN:  # "Dow Jones (DJI)", a code we cannot place: the name is not read
                        blocked.append((name_start, name_start + len(name)))
                    continue
                out.append(Written(at, at + len(code), hit, rule, name_start, name))
    return out
