"""Who is speaking in a sentence, and who "it", "the company" or "the spokesman" is.

Wire copy names a party once and then refers back: "Ford denied the report. The company said it
was not in talks. It added ..."; "a spokesman for Ford", "Ford spokesman Jane Doe", "Doe said".
`Discourse` remembers the parties named so far so that those references resolve to the party
named before, and spokespeople count for their organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A capitalised name: "Bank of America", "J. Sainsbury", "Procter & Gamble", "U.S. Steel Corp".
_WORD = r"(?:[A-Z][\w.&'’-]*|[A-Z]\.)"
NAME_RE = re.compile(_WORD + r"(?:\s+(?:of|de|du|von|van|der|for|&|and\s+Co\.?)?\s*(?:[A-Z0-9][\w.&'’-]*))*")
_TICKER = re.compile(
    r"\s*\(\s*[A-Z0-9][A-Z0-9.=^_-]*(?:\s*,\s*[A-Z0-9][A-Z0-9.=^_-]*)*\s*\)|\s+[A-Z0-9]+\.[A-Z]{1,3}\b"
)
_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|Co|Corp|Corporation|Ltd|Limited|Plc|PLC|LLC|LLP|LP|AG|SA|S\.A|SE|NV|N\.V|"
    r"BV|AB|ASA|Oyj|SpA|S\.p\.A|GmbH|KGaA|Holdings?|Group|Cos?)\.?)+$"
)
ROLE = (
    r"(?:spokes(?:man|woman|person|people|men|women)|representatives?|officials?|executives?|chief\s+executive|"
    r"CEO|chairman|chairwoman|chief|president|director|head|lawyers?|attorneys?|advisers?|advisors?|"
    r"ministers?|secretary|staffer|source|press\s+officer|press\s+office|counsel|mayor|governor)"
)
# "a spokesman for Ford", "Representatives for Kreinberg and the SEC", "an official at the ministry"
ROLE_FOR = re.compile(
    r"(?:(?:a|an|the|A|An|The|one|One|two|Two)\s+)?(?:[a-z]+\s+)?"
    + ROLE
    + r"\s+(?:for|of|at|from|with)\s+(?:[a-z]+\s+){0,3}?(?P<name>(?:the\s+)?(?:"
    + _WORD
    + r"[\w.&'’ -]*?|[a-z]+(?:\s+[a-z]+)?\s+(?:ministry|department|office|union|regulator|agency|authority|"
    r"government|company|group|consortium))(?:\s+and\s+(?:the\s+)?[A-Z][\w.&'’ -]*?)?)"
    r"(?=\s*(?:,|\bsaid\b|\bsays\b|\btold\b|\bdeclined\b|\bcould\b|\bwas\b|\bwere\b|\bdid\b|\bhad\b|\bhas\b|"
    r"\bhave\b|\bwould\b|\bis\b|\bare\b|\balso\b|\bdenied\b|\bconfirmed\b|\bin\s+[A-Z]|\bon\s|$|\.))"
)
# "Ford spokesman Jane Doe", "Sainsbury's spokeswoman", "a Citigroup spokesman", "Severstal's chief executive"
NAME_ROLE = re.compile(
    r"(?:(?:a|an|the|A|An|The)\s+)?(?P<name>"
    + NAME_RE.pattern
    + r")(?:'s|’s)?\s+(?:(?:U\.S\.|chief|senior|corporate|company|top|financial|press)\s+)?"
    + ROLE
    + r"(?![\w-])(?:,?\s+(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+)+),?)?"
)
# "It", "The company", "the British retailer", "He", "the spokesman": the party named before
BACK_REFERENCE = re.compile(
    r"(?:(?:It|it|He|he|She|she|They|they)(?![\w-])|"
    r"(?:[Tt]he|[Ii]ts)\s+(?:[a-z'’-]+\s+){0,3}(?:company|bank|firm|group|retailer|carrier|airline|automaker|carmaker|"
    r"maker|insurer|lender|bourse|exchange|operator|ministry|government|regulator|agency|spokes(?:man|woman|person)|"
    r"official|executive|conglomerate|giant|producer|supplier|manufacturer|publisher|chain|brewer|miner|"
    r"insurer|utility|developer|fund|investor|board|partner|parent|unit|subsidiary|statement|spokespeople|"
    r"representatives?|newspaper|paper|agency|website|broadcaster|magazine|outlet|city|state|club|team|admiral|general|"
    r"minister|mayor|governor|chief|chairman|president|director|lawyer|attorney|person|source)(?![\w-]))"
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Separately|Still|Also|Earlier|Later|Previously|Instead|Yet|So|Now|"
    r"Nevertheless|Moreover|Indeed)\b,?\s*|"
    r"(?:On|In|At|Last|Earlier|Later|Late|By|Since|After|Before|During|Asked|When|While|Responding|Speaking|"
    r"Contacted|Reached|Following|Separately|Citing|Clarifying|Denying|Confirming|Commenting|Overnight|Early|"
    r"Without)\b[^,]{0,120},\s*)+"
)
_NOT_A_PARTY = {
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
_GENERIC_GROUP = re.compile(
    r"(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:consortium|company|companies|bank|banks|ministry|government|union|regulator|"
    r"agency|authority|office|group|department|firm|fund|investors?|shareholders?|board)",
)


@dataclass(frozen=True)
class Mention:
    """A party as the text names it, with its offsets in the article."""

    name: str
    start: int
    end: int


def clean_name(raw: str) -> str:
    """ "Citigroup Inc. ( C.N )" -> "Citigroup"; "The Times's" -> "The Times"; keeps the words as written."""
    name = _TICKER.sub("", raw).strip(" ,.;:&\"“”'’")
    name = re.sub(r"(?:'s|’s)$", "", name)
    stripped = _SUFFIX.sub("", name).strip(" ,")
    if stripped:
        name = stripped
    if name.lower().startswith("the ") and len(name.split()) == 2 and name.split()[1][:1].isupper():
        name = name[4:]
    return name.strip()


def split_conjunction(text: str, offset: int) -> list[Mention]:
    """ "Amgen and Actelion" -> two mentions; "Bank of America" stays one."""
    out: list[Mention] = []
    pos = 0
    for part in re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+(?=the\b))", text):
        if not part:
            continue
        if re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+", part):
            pos += len(part)
            continue
        name = clean_name(part)
        if name and name.lower() not in _NOT_A_PARTY and (name[:1].isupper() or _GENERIC_GROUP.fullmatch(name)):
            start = offset + pos + max(part.find(name), 0)
            out.append(Mention(name, start, start + len(name)))
        pos += len(part)
    return out


@dataclass
class Discourse:
    """The parties named so far in one article, most recent last."""

    recent: list[Mention] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # surname -> organisation

    def note(self, mentions: list[Mention]) -> None:
        for m in mentions:
            self.recent.append(m)

    def note_person(self, person: str, party: str) -> None:
        for part in person.split():
            if len(part) > 2:
                self.people[part.lower()] = party

    def last(self) -> Mention | None:
        return self.recent[-1] if self.recent else None

    def resolve(self, mention: Mention) -> Mention:
        """A spokesperson's surname counts for their organisation."""
        party = self.people.get(mention.name.split()[-1].lower())
        if party and party.lower() != mention.name.lower():
            return Mention(party, mention.start, mention.end)
        return mention


def skip_adverbial(text: str) -> int:
    """Where the subject of `text` starts, after "But", "On Friday," or "Asked about the report,"."""
    m = _LEADING_ADVERBIAL.match(text)
    return m.end() if m else 0


_BRACKETS = re.compile(r"\(\s*[^()]{1,40}\s*\)")
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b[^,]*,")
# ", South Korea's top mobile operator," / ", a unit of Asustek," after a name
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|its|one\s+of)\s+|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*(?:'s|’s)\s+)[^,]{0,100},"
)
# "Dutch office supplies firm Corporate Express", "German steelmaker ThyssenKrupp": the name after the description
_DESCRIPTOR = re.compile(
    r"(?:(?:(?:South|North|West|East|Central)\s+)?(?:U\.S\.|U\.K\.|EU|[A-Z][a-z]+(?:an|ian|ese|ish|ch|ss|i|ic))"
    r"(?:\s+(?!said|says|denied|declined|confirmed|told)[a-z][\w-]*){1,4}|"
    r"[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:studio|miner|lender|insurer|carrier|airline|automaker|carmaker|"
    r"retailer|maker|firm|giant|conglomerate|operator|exporter|producer|steelmaker|chipmaker|brewer|supplier|"
    r"publisher|developer|manufacturer|bank|group|company|companies|"
    r"agency|regulator|watchdog|bourse|exchange|fund|investor|utility|telecoms?|network|broadcaster)|"
    r"[A-Z][\w-]*(?:\s+[a-z][\w-]*){1,4}\s+including)\s+(?=[A-Z])"
)
_DEMONYM = r"(?:(?:South|North|West|East|Central)\s+)?(?:U\.S\.|U\.K\.|EU|[A-Z][a-z]+(?:an|ian|ese|ish|ch|ss|i|ic))"
# "German finance ministry", "the Dutch central bank": a national body named by its country
_NATIONAL_BODY = re.compile(
    r"(?:[Tt]he\s+)?" + _DEMONYM + r"(?:\s+[a-z]+){0,3}\s+(?:ministry|government|regulator|authority|agency|"
    r"central\s+bank|cabinet|parliament|embassy|navy|army|military|police|prosecutors?|watchdog|presidency)(?![\w-])"
)
# '"...," a Kia Motors spokesman said.' / '"...," said Apple spokesman Steve Dowling.'
_AFTER_QUOTE = re.compile(
    r"[,.!?]?[\"”]\s*,?\s*(?:(?P<who>[^\"“”]{1,100}?)\s+(?:said|says|added|told\s+\w+|wrote|insisted)\b|"
    r"(?:said|says|added)\s+(?P<who2>[^\"“”.]{1,100}))"
)
_NEITHER = re.compile(r"(?:Neither|neither)\s+(?P<a>" + NAME_RE.pattern + r")\s+nor\s+(?P<b>" + NAME_RE.pattern + r")")
_NO_ONE_FOR = re.compile(r"[Nn]o\s+one\s+.{0,60}?\bfor\s+(?P<name>(?:the\s+)?" + NAME_RE.pattern + r")")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _mask(clause: str, appositives: bool = False) -> str:
    """Brackets, relative clauses (and appositives) blanked out, same length so offsets hold."""
    clause = _RELATIVE.sub(_blank, _BRACKETS.sub(_blank, clause))
    return _APPOSITIVE.sub(_blank, clause) if appositives else clause


def speakers(clause: str, offset: int, discourse: Discourse) -> list[Mention]:
    """The party or parties who speak in `clause` (which starts at `offset` in the article)."""
    clause = _mask(clause)
    q = _AFTER_QUOTE.search(clause)
    if q:
        group = "who" if q.group("who") else "who2"
        found = _named_in(q.group(group), offset + q.start(group), discourse)
        if found:
            return found
    for pattern in (_NEITHER, _NO_ONE_FOR):
        m = pattern.search(clause)
        if m:
            names = [g for g in ("a", "b", "name") if g in m.groupdict() and m.group(g)]
            return [
                discourse.resolve(Mention(clean_name(m.group(g)), offset + m.start(g), offset + m.end(g)))
                for g in names
            ]
    found = _named_in(clause, offset, discourse, roles_anywhere=True)
    return found


def _named_in(text: str, offset: int, discourse: Discourse, roles_anywhere: bool = False) -> list[Mention]:
    for m in ROLE_FOR.finditer(text):
        if not roles_anywhere and m.start() > 3:
            break
        found = split_conjunction(m.group("name"), offset + m.start("name"))
        if found:
            return [discourse.resolve(x) for x in found]
    for m in NAME_ROLE.finditer(text):
        if not roles_anywhere and m.start() > 3:
            break
        name = clean_name(m.group("name"))
        if name.lower() in _NOT_A_PARTY or not name:
            continue
        found = split_conjunction(m.group("name"), offset + m.start("name"))
        if m.group("person") and found:
            discourse.note_person(m.group("person"), found[-1].name)
        if found:
            return [discourse.resolve(x) for x in found]
    return subject(text, offset, discourse)


def subject(clause: str, offset: int, discourse: Discourse) -> list[Mention]:
    """The grammatical subject at the start of `clause`, or the party a back reference points to."""
    clause = _mask(clause, appositives=True)
    i = skip_adverbial(clause)
    rest = clause[i:]
    q = re.match(r"[\"“][^\"”]*[\"”]?,?\s*", rest)  # "...," he said.
    if q and q.end() < len(rest):
        i += q.end()
        rest = clause[i:]
        said = re.match(r"(?:said|says|added|told\s+\w+)\s+", rest)
        if said:
            i += said.end()
            rest = clause[i:]
    back = BACK_REFERENCE.match(rest)
    if back:
        last = discourse.last()
        return [Mention(last.name, offset + i, offset + i + back.end())] if last else []
    inst = _NATIONAL_BODY.match(rest)
    if inst:
        return [Mention(inst.group(0), offset + i, offset + i + inst.end())]
    d = _DESCRIPTOR.match(rest)
    if d:
        i += d.end()
        rest = clause[i:]
    m = re.match(
        r"(?:(?:the|The)\s+)?"
        + NAME_RE.pattern
        + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:"
        + NAME_RE.pattern
        + r"|(?:[a-z-]+\s+){0,3}(?:consortium|company|companies|group|bank|banks|ministry|union|regulator|"
        r"agency|authority|office|department|firm|fund|government)))*",
        rest,
    )
    if not m:
        g = _GENERIC_GROUP.match(rest)
        if g and g.group(0).split()[0].lower() == "the":
            return [Mention(g.group(0), offset + i, offset + i + g.end())]
        return []
    found = split_conjunction(m.group(0), offset + i)
    return [discourse.resolve(x) for x in found]
