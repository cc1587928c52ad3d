"""Company-name normalisation: official names ("FORD MOTOR CO") differ from how stories name
companies ("Ford"), so matching and grouping work on names without legal and share-class noise."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Legal forms, stripped from the end of a name (repeatedly). Lower-case, without dots.
LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "cos",
        "companies",
        "ltd",
        "limited",
        "plc",
        "llc",
        "lp",
        "llp",
        "ag",
        "se",
        "sa",
        "sas",
        "sab",
        "nv",
        "bv",
        "spa",
        "sarl",
        "ab",
        "asa",
        "as",
        "oyj",
        "oy",
        "gmbh",
        "kgaa",
        "kg",
        "sca",
        "sicav",
        "srl",
        "pcl",
        "tbk",
        "bhd",
        "berhad",
        "kk",
        "kabushiki",
        "kaisha",
        "public",
        "pty",
        "ptd",
        "pte",
        "pjsc",
        "ojsc",
        "jsc",
        "oao",
        "pao",
        "sae",
        "saog",
        "saa",
        "reit",
        "trust",
        "aktiengesellschaft",
        "publ",
        "de",
        "cv",
        "rl",
        "a/s",
    ]
)
# Words that describe the share class or listing form, not the company.
SHARE_WORDS = frozenset(
    [
        "common",
        "stock",
        "ordinary",
        "shares",
        "share",
        "class",
        "cl",
        "registered",
        "reg",
        "bearer",
        "new",
        "adr",
        "ads",
        "gdr",
        "american",
        "depositary",
        "depository",
        "receipts",
        "receipt",
        "each",
        "representing",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "eight",
        "ten",
        "sponsored",
        "unsponsored",
        "regs",
        "rega",
        "144a",
        "namens",
        "inhaber",
        "akt",
        "aktien",
        "vz",
        "vzo",
        "st",
        "stk",
        "pref",
        "dr",
        "cdi",
        "units",
        "unit",
        "voting",
        "non",
        "subordinate",
        "sub",
    ]
)
# Stripped only when something distinctive is left ("where safe"): "Alibaba Group Holding" ->
# "Alibaba", but "First Group" keeps its "Group".
SOFT_SUFFIXES = frozenset(
    ["holding", "holdings", "hldg", "hldgs", "hdg", "hdgs", "hld", "group", "grp", "gr", "international", "intl", "the"]
)
# Abbreviations German regional venues append ("DL-,001", "H YC 1", "SP.ADR/2"): currency of the
# nominal value, share type, ratio. Stripped only from the end and never the first word.
VENUE_NOISE = frozenset(
    [
        "dl",
        "eo",
        "sf",
        "yc",
        "ls",
        "on",
        "o",
        "n",
        "nk",
        "hd",
        "rc",
        "sp",
        "adr1",
        "yc1",
        "h",
        "nam",
        "inh",
        "vorz",
        "zy",
        "zw",
        "dr1",
        "dl1",
        "eo1",
        "ord",
        "shs",
        "shares",
    ]
)
CLASS_MARKERS = frozenset(["cl", "class", "series", "ser", "shs", "sh"])
GENERIC_WORDS = frozenset(
    [
        "first",
        "american",
        "general",
        "national",
        "united",
        "international",
        "global",
        "china",
        "capital",
        "financial",
        "energy",
        "new",
        "the",
        "bank",
        "city",
        "group",
        "holdings",
        "industries",
        "resources",
        "technologies",
        "technology",
        "systems",
        "royal",
        "pacific",
        "atlantic",
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
    ]
)
_STATE_TAG = re.compile(r"\s*(?:[/\\](?:[A-Z]{2,3}|NEW|ADR|Cayman(?: Islands)?)[/\\]?|/)\s*$")  # SEC "/DE/"
_PAREN_THE = re.compile(r"\s*\((?:the|The|THE)\)\s*")
_TRAILING_SECURITY = re.compile(
    r"\s+[-–]?\s*(?:Class [A-Z]\b.*|Series [A-Z0-9]+\b.*|(?:New )?Common (?:Stock|Shares).*|"
    r"Ordinary Shares?.*|American Depositary.*|Sponsored ADR.*|ADR\b.*|ADS\b.*|"
    r"Depositary (?:Shares|Receipts).*|Registered Shares.*|Capital Stock.*|Subordinate Voting.*|"
    r"Shares of Beneficial Interest.*|CL\.\s?[A-Z]\b.*|Cl [A-Z]\b.*)$",
    re.IGNORECASE,
)
# Legal forms written out ("Hermes International Societe en commandite par actions")
_SPELLED_LEGAL = re.compile(
    r"\s+(?:soci[eé]t[eé] en commandite par actions|soci[eé]t[eé] anonyme|societas europaea|"
    r"kommanditgesellschaft auf aktien|public limited company|naamloze vennootschap|"
    r"sociedad an[oó]nima|societ[aà] per azioni)$",
    re.IGNORECASE,
)
# "p.l.c.", "S.A.", "N. V.", "S.p.A." -> "plc", "SA", "NV", "SpA"
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.\s?){2,4}(?:[A-Za-z](?![\w]))?")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: accents off, '&' as 'and'."""
    if not text.isascii():  # accents off; plain ASCII (most text) has none to strip
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(?<=\w)&(?=\w)", "", text)  # AT&T -> ATT, P&G -> PG
    return text.replace("&", " and ").replace("’", "'").casefold()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def _strip_tail(words: list[str], keys: list[str] | None = None) -> list[str]:
    """Drop legal forms and share-class words from the end of a word list.

    `keys` are the folded forms used for the decisions (default: the words themselves)."""
    keys = list(keys if keys is not None else words)
    n = len(keys)
    start = 0
    while n:
        last = keys[n - 1].replace(".", "")
        if n > 1 and (
            last in LEGAL_SUFFIXES
            or last in SHARE_WORDS
            or last in VENUE_NOISE
            or last.isdigit()
            or re.fullmatch(r"\d[\d,./-]*|adr/?\d*|[a-z]/\d+", last)
        ):
            n -= 1
            continue
        if len(last) == 1 and n > 2 and keys[n - 2].replace(".", "") in CLASS_MARKERS:
            n -= 2  # "CL. B", "Class A", "Series A"
            continue
        if last in {"and", "&", "of", "de", ""}:
            n -= 1
            continue
        if last in SOFT_SUFFIXES and n > 1:
            rest = [w for w in keys[: n - 1] if w not in SOFT_SUFFIXES and w not in {"and", "&"}]
            if rest and not (len(rest) == 1 and rest[0] in GENERIC_WORDS):
                n -= 1
                continue
        break
    if n > 1 and keys[0] == "the":
        start = 1
    return list(words[start:n])


def clean_official(name: str) -> str:
    """Official name without the security description: 'Ford Motor Company Common Stock' ->
    'Ford Motor Company'; 'US BANCORP \\DE\\' -> 'US BANCORP'."""
    name = " ".join(name.split())
    name = _DOTTED.sub(
        lambda m: m.group(0).replace(".", "").replace(" ", "") + (" " if m.group(0).endswith(" ") else ""), name
    )
    name = _STATE_TAG.sub("", name)
    name = _PAREN_THE.sub(" ", name).strip()
    name = _TRAILING_SECURITY.sub("", name).strip(" -–,")
    name = _SPELLED_LEGAL.sub("", name).strip(" -–,")
    return name


_HYPHEN_TAIL = re.compile(r"(\w)-(on|in|up|o|n)\b", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Key for grouping and exact name lookup: folded tokens, legal/share suffixes stripped."""
    # "Snap-on" is one word: its "-on" is not a venue's abbreviation to strip ("Snap" is Snap Inc)
    words = tokens(_HYPHEN_TAIL.sub(r"\1\2", clean_official(name)))
    stripped = _strip_tail(words)
    return " ".join(stripped or words)


def short_name(name: str) -> str:
    """Display-case name without legal suffixes: 'Ford Motor Company' -> 'Ford Motor',
    'XIAOMI CORP. CL.B' -> 'Xiaomi'. Keeps the original spelling where it has mixed case."""
    base = clean_official(name)
    words: list[str] = []
    for part in base.replace(",", " ").split():
        # "CORP.CL.B" style run-ons become separate words
        words.extend(w for w in re.split(r"(?<=[A-Z]\.)(?=[A-Z])", part) if w)
    keys = [fold(w).strip(".'()-,") for w in words]
    kept = _strip_tail(words, keys) or words
    out = " ".join(kept).strip(" ,.-&")
    if out.isupper() and len(out) > 4:
        out = titlecase(out)
    return out or base


_KEEP_UPPER = re.compile(r"^(?:[A-Z]{1,3}|[A-Z]+\d+|\d+[A-Z]*)$")


def titlecase(upper: str) -> str:
    """'FORD MOTOR' -> 'Ford Motor', keeping short acronyms like 'IBM', 'BP', 'AT&T'."""
    out: list[str] = []
    for word in upper.split():
        if out and word.lower() in {"of", "and", "the", "de", "for", "in"}:
            out.append(word.lower())
            continue
        core = word.strip(".,()")
        if "&" in core or (_KEEP_UPPER.match(core) and len(core) <= 3 and core not in {"CO", "THE", "AND", "OF"}):
            out.append(word)
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)
