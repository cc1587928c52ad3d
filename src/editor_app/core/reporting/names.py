"""The shapes of names in wire copy: organisations, spokespeople, titles, back references.

Regular expressions and small helpers only (no state): `parties` uses them to decide who speaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A capitalised name: "Bank of America", "J. Sainsbury", "Procter & Gamble", "U.S. Steel Corp".
_WORD = r"(?:[A-Z][\w.&'’/-]*|[A-Z]\.)"
NAME_RE = re.compile(_WORD + r"(?:\s+(?:(?:of|de|du|von|van|der|for|&|and\s+Co\.?)\s+)?(?:[A-Z0-9][\w.&'’/-]*))*")
# what a blanked-out relative clause becomes: a name does not run across it, a list does
_GAP = "\x00"
TICKER = re.compile(
    r"\s*\(\s*[A-Z0-9][A-Z0-9.=^_-]*(?:\s*,\s*[A-Z0-9][A-Z0-9.=^_-]*)*\s*\)|\s+[A-Z0-9]{2,}\.[A-Z]{1,3}\b(?!\.)"
)
SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|Co|Corp|Corporation|Ltd|Limited|Plc|PLC|LLC|LLP|LP|AG|SA|S\.A|SE|NV|N\.V|"
    r"BV|AB|ASA|Oyj|SpA|S\.p\.A|GmbH|KGaA|Holdings?|Group|Cos?)\.?)+$"
)
ROLE = (
    r"(?:spokes(?:man|woman|person|people|men|women)|representatives?|officials?|executives?|chief\s+executive|"
    r"CEO|chairman|chairwoman|chief|president|director|head|lawyers?|attorneys?|advisers?|advisors?|"
    r"ministers?|secretary|staffer|source|press\s+officer|press\s+office|counsel|mayor|governor)"
)
# "a spokesman for Ford", "Representatives for Kreinberg and the SEC", "an official at the ministry"
_BODY_NOUN = (
    r"(?:department|ministry|office|agency|authority|regulator|government|union|company|group|consortium|board|"
    r"council|commission|committee|navy|army|police)"
)
ROLE_FOR = re.compile(
    r"(?:(?:a|an|the|A|An|The|one|One|two|Two)\s+)?(?:[a-z]+\s+)?"
    + ROLE
    + r"\s+(?:for|of|at|from|with)\s+(?:(?:[a-z]+\s+){1,3}(?=[A-Z]))?(?P<name>(?:the\s+)?(?:"
    + NAME_RE.pattern
    + r"(?:(?:\s+[a-z]+){0,2}\s+"
    + _BODY_NOUN
    + r"(?:\s+of\s+(?:[a-z]+\s+){0,3}[a-z]+)?)?|(?:[a-z]+\s+){1,2}"
    + _BODY_NOUN
    + r")(?:\s+and\s+(?:the\s+)?"
    + NAME_RE.pattern
    + r")?)"
)
# "Ford spokesman Jane Doe", "Sainsbury's spokeswoman", "a Citigroup spokesman", "Severstal's chief executive"
NAME_ROLE = re.compile(
    r"(?:(?:a|an|the|A|An|The)\s+)?(?P<name>"
    + NAME_RE.pattern
    + r")(?:'s|’s)?\s+(?:(?:U\.S\.|chief|senior|corporate|company|top|financial|press)\s+)?"
    + ROLE
    + r"(?![\w-])(?:,?\s+(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+)+),?)?"
)
# "a finance ministry spokeswoman", "a union spokesman"
BODY_ROLE = re.compile(
    r"(?:a|an|the|A|An|The)\s+(?P<name>(?:[a-z]+\s+){1,2}" + _BODY_NOUN + r")(?:'s|’s)?\s+" + ROLE + r"(?![\w-])"
)
# "It", "The company", "the British retailer", "He", "the spokesman": the party named before
BACK_REFERENCE = re.compile(
    r"(?:(?:It|it|He|he|She|she|They|they)(?![\w-])|"
    r"(?:[Tt]he|[Ii]ts)\s+(?:[\w'’.-]+\s+){0,4}(?:company|bank|firm|group|retailer|carrier|airline|automaker|carmaker|"
    r"maker|insurer|lender|bourse|exchange|operator|provider|central\s+bank|ministry|government|regulator|agency|spokes(?:man|woman|person)|"
    r"official|executive|conglomerate|giant|producer|supplier|manufacturer|publisher|chain|brewer|miner|"
    r"insurer|utility|developer|fund|investor|board|partner|parent|unit|subsidiary|statement|spokespeople|"
    r"representatives?|newspaper|paper|agency|website|broadcaster|magazine|outlet|city|state|club|team|admiral|general|"
    r"minister|mayor|governor|chief|chairman|president|director|lawyer|attorney|person|source)(?![\w-]))"
)
LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Separately|Still|Also|Earlier|Later|Previously|Instead|Yet|So|Now|"
    r"Nevertheless|Moreover|Indeed)\b,?\s*|"
    r"(?i:on|in|at|last|earlier|later|late|by|since|after|before|during|asked|when|while|responding|speaking|"
    r"contacted|reached|following|separately|citing|clarifying|denying|confirming|commenting|overnight|early|"
    r"without|to\s+be\s+sure)\b[^,]{0,120},\s*)+"
)
NOT_A_PARTY = {
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "asked",
    "reuters",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "this",
    "that",
    "these",
    "those",
    "there",
    "if",
    "when",
    "while",
    "we",
    "i",
    "our",
    "you",
    "no",
    "it",
    "he",
    "she",
    "they",
    "its",
    "his",
    "her",
    "their",
    "both",
    "all",
    "shares",
    "analysts",
    "co",
    "inc",
    "corp",
    "ltd",
    "to",
    "report",
    "reports",
    "neither",
    "representatives",
    "officials",
}
GENERIC_GROUP = re.compile(
    r"(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,3}(?:consortium|company|companies|bank|banks|ministry|government|union|regulator|"
    r"agency|authority|office|group|department|firm|fund|investors?|shareholders?|board)",
)


PUBLIC_BODY = re.compile(
    r"(?i)\b(?:ministry|department|government|union|agency|regulator|authority|office|commission|council|police|"
    r"navy|army|court|prosecutors?|parliament|senate|congress|city|state)$"
)
COMPANY_NOUN = re.compile(
    r"(?i)\b(?:company|firm|group|retailer|carrier|airline|automaker|carmaker|maker|insurer|lender|bank|operator|"
    r"conglomerate|giant|producer|supplier|manufacturer|publisher|chain|brewer|miner|utility|developer)$"
)


SENTENCE_WORDS = {
    "The",
    "A",
    "An",
    "But",
    "And",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "This",
    "That",
    "Its",
    "Asked",
}
HAS_TITLE = re.compile(
    r"\b(?:Judge|Justice|Minister|Secretary|President|Chairman|Chairwoman|Chief|CEO|CFO|Director|Governor|Mayor|"
    r"Senator|Admiral|General|Mr|Mrs|Ms|Dr|Prince|King|Queen|Pope)\b"
)
CALENDAR_WORD = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
TYPED_BEFORE = re.compile(
    r"(?:airline|carrier|bank|lender|insurer|company|firm|group|retailer|maker|automaker|carmaker|chipmaker|studio|"
    r"publisher|operator|miner|producer|supplier|fund|investor|exchange|bourse|conglomerate|giant|brewer|developer|"
    r"manufacturer|utility|rival|partner|owner|unit|subsidiary|parent)\s+$"
)
INSTITUTION = re.compile(
    r"(?i)\b(?:central\s+bank|government|regulator|ministry|police|prosecutors?|court|commission|union|cabinet|"
    r"parliament|navy|army|military|watchdog)$"
)
MEDIA_NOUN = re.compile(r"(?i)\b(?:paper|newspaper|magazine|daily|weekly|agency|website|broadcaster|outlet)$")
SPECIFIC_NOUN = re.compile(
    r"(?i)\b(?:retailer|carrier|airline|automaker|carmaker|chipmaker|maker|insurer|lender|bourse|exchange|operator|"
    r"provider|producer|supplier|manufacturer|publisher|chain|brewer|miner|utility|developer|conglomerate|giant|"
    r"bank|fund|investor|club|team|studio|network)$"
)


@dataclass(frozen=True)
class Mention:
    """A party as the text names it, with its offsets in the article."""

    name: str
    start: int
    end: int


def clean_name(raw: str) -> str:
    """ "Citigroup Inc. ( C.N )" -> "Citigroup"; "The Times's" -> "The Times"; keeps the words as written."""
    name = TICKER.sub("", raw).strip(" ,.;:&\"“”'’")
    name = re.sub(r"(?:'s|’s)$", "", name)
    stripped = SUFFIX.sub("", name).strip(" ,")
    if stripped:
        name = stripped
    if name.lower().startswith("the ") and len(name.split()) >= 2 and name.split()[1][:1].isupper():
        name = name[4:]
    return name.strip()


def split_conjunction(text: str, offset: int) -> list[Mention]:
    """ "Amgen and Actelion" -> two mentions; "Bank of America" stays one."""
    out: list[Mention] = []
    pos = 0
    for part in re.split(r"([\s\x00]*,[\s\x00]*(?:and\s+)?|[\s\x00]+and\s+|\s+&\s+(?=the\b))", text):
        if not part:
            continue
        if re.fullmatch(r"[\s\x00]*,[\s\x00]*(?:and\s+)?|[\s\x00]+and\s+|\s+&\s+", part):
            pos += len(part)
            continue
        name = clean_name(part.strip(_GAP))
        if name and name.lower() not in NOT_A_PARTY and (name[:1].isupper() or GENERIC_GROUP.fullmatch(name)):
            start = offset + pos + max(part.find(name), 0)
            out.append(Mention(name, start, start + len(name)))
        pos += len(part)
    return out


_BRACKETS = re.compile(r"\(\s*[^()]{1,40}\s*\)")
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,]*,")
# ", South Korea's top mobile operator," / ", a unit of Asustek," after a name
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|its|one\s+of)\s+|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*(?:'s|’s)\s+)[^,]{0,100},"
)
# "Dutch office supplies firm Corporate Express", "German steelmaker ThyssenKrupp": the name after the description
DESCRIPTOR = re.compile(
    r"(?:(?:(?:South|North|West|East|Central)\s+)?(?:U\.S\.|U\.K\.|EU|[A-Z][a-z]+(?:an|ian|ese|ish|ch|ss|i|ic))"
    r"(?:\s+(?!said|says|denied|declined|confirmed|told)[a-z][\w-]*){1,4}|"
    r"[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:studio|miner|lender|insurer|carrier|airline|automaker|carmaker|"
    r"retailer|maker|firm|giant|conglomerate|operator|exporter|producer|steelmaker|chipmaker|brewer|supplier|"
    r"publisher|developer|manufacturer|bank|group|company|companies|"
    r"agency|regulator|watchdog|bourse|exchange|fund|investor|utility|telecoms?|network|broadcaster)|"
    r"[A-Z][\w-]*(?:\s+[a-z][\w-]*){1,4}\s+including|(?:Rival|Parent|Partner|Competitor|Peer|Sister)(?:\s+[a-z]+)?)"
    r"\s+(?=[A-Z])"
)
DEMONYM = r"(?:(?:South|North|West|East|Central)\s+)?(?:U\.S\.|U\.K\.|EU|[A-Z][a-z]+(?:an|ian|ese|ish|ch|ss|i|ic))"
# "German finance ministry", "the Dutch central bank": a national body named by its country
NATIONAL_BODY = re.compile(
    r"(?:[Tt]he\s+)?" + DEMONYM + r"(?:\s+[a-z]+){0,3}\s+(?:ministry|government|regulator|authority|agency|"
    r"central\s+bank|cabinet|parliament|embassy|navy|army|military|police|prosecutors?|watchdog|presidency)(?![\w-])"
)
_TITLE = (
    r"(?:(?:Vice|Rear|Deputy|Acting|Former|former|Executive|Senior)\s+)?(?:Chairman|Chairwoman|Chief\s+Executive(?:\s+Officer)?|CEO|CFO|Chief\s+Financial\s+Officer|President|"
    r"Vice\s+President|Prime\s+Minister|Minister|Secretary|Mayor|Governor|Director|Founder|Admiral|General|"
    r"Chief|Treasurer|Commissioner|Chancellor|Senator|Representative|Spokesman|Spokeswoman)"
)
# "[Standard Chartered] Chairman [John Peace]", "U.S. Defense Secretary [Robert Gates]"
TITLE_SPLIT = re.compile(
    r"(?:(?P<org>.*?)\s+)?(?:[A-Z][\w.-]*\s+){0,2}?"
    + _TITLE
    + r"\s+(?P<person>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})$"
)
BARE_SPOKESPERSON = re.compile(
    r"\s*(?:a|an|the|A|An|The)\s+(?:company\s+)?(?:spokes(?:man|woman|person)|representative)\b"
)
# "the daily Le Matin", "budget airline SkyBlue": lower-case words describing the name after them
LOWER_DESCRIPTION = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:former|then|acting|interim|outgoing|incoming|ex)[\s-]+(?=[A-Z])|(?:[a-z][\w-]*\s+){0,2}(?:daily|newspaper|paper|magazine|weekly|website|broadcaster|airline|"
    r"carrier|bank|lender|insurer|company|firm|group|retailer|maker|automaker|carmaker|chipmaker|studio|publisher|"
    r"operator|miner|producer|supplier|fund|investor|union|agency|regulator|exchange|bourse)\s+(?=[A-Z]))"
)
PERSON_NOUNS = {
    "admiral",
    "general",
    "minister",
    "mayor",
    "governor",
    "chairman",
    "president",
    "director",
    "chief",
    "lawyer",
    "attorney",
    "executive",
}
PLURAL_REFERENCE = re.compile(
    r"(?:[Tt]he\s+(?:two\s+|three\s+|other\s+)?(?:companies|firms|banks|groups|parties)(?:\s+(?:named|mentioned|"
    r"involved|cited))?|[Bb]oth\s+(?:companies|firms|banks|groups|sides|men|executives))(?![\w-])"
)
NAME_LIST = re.compile(NAME_RE.pattern + r"(?:\s*,\s*" + NAME_RE.pattern + r")*,?\s+and\s+" + NAME_RE.pattern)
# '"...," a Kia Motors spokesman said.' / '"...," said Apple spokesman Steve Dowling.'
AFTER_QUOTE = re.compile(
    r"(?:[,.!?][\"”]|[\"”],)\s*(?:(?P<who>[^\"“”]{1,100}?)\s+(?:said|says|added|told\s+\w+|wrote|insisted)\b|"
    r"(?:said|says|added)\s+(?P<who2>[^\"“”.]{1,100}))"
)
NEITHER = re.compile(r"(?:Neither|neither)\s+(?P<a>" + NAME_RE.pattern + r")\s+nor\s+(?P<b>" + NAME_RE.pattern + r")")
NO_ONE_FOR = re.compile(r"[Nn]o\s+one\s+.{0,60}?\bfor\s+(?P<name>(?:the\s+)?" + NAME_RE.pattern + r")")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _gap(m: re.Match[str]) -> str:
    return _GAP * len(m.group(0))


def blank_out(clause: str, appositives: bool = False) -> str:
    """Brackets blanked out, relative clauses (and appositives) turned into a gap; same length, so
    offsets hold."""
    clause = _RELATIVE.sub(_gap, _BRACKETS.sub(_blank, clause))
    return _APPOSITIVE.sub(_gap, clause) if appositives else clause
