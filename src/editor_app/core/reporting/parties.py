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
_WORD = r"(?:[A-Z][\w.&'’/-]*|[A-Z]\.)"
NAME_RE = re.compile(_WORD + r"(?:\s+(?:(?:of|de|du|von|van|der|for|&|and\s+Co\.?)\s+)?(?:[A-Z0-9][\w.&'’/-]*))*")
# what a blanked-out relative clause becomes: a name does not run across it, a list does
_GAP = "\x00"
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
    r"(?:[Tt]he|[Ii]ts)\s+(?:[\w'’.-]+\s+){0,3}(?:company|bank|firm|group|retailer|carrier|airline|automaker|carmaker|"
    r"maker|insurer|lender|bourse|exchange|operator|provider|central\s+bank|ministry|government|regulator|agency|spokes(?:man|woman|person)|"
    r"official|executive|conglomerate|giant|producer|supplier|manufacturer|publisher|chain|brewer|miner|"
    r"insurer|utility|developer|fund|investor|board|partner|parent|unit|subsidiary|statement|spokespeople|"
    r"representatives?|newspaper|paper|agency|website|broadcaster|magazine|outlet|city|state|club|team|admiral|general|"
    r"minister|mayor|governor|chief|chairman|president|director|lawyer|attorney|person|source)(?![\w-]))"
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Separately|Still|Also|Earlier|Later|Previously|Instead|Yet|So|Now|"
    r"Nevertheless|Moreover|Indeed)\b,?\s*|"
    r"(?i:on|in|at|last|earlier|later|late|by|since|after|before|during|asked|when|while|responding|speaking|"
    r"contacted|reached|following|separately|citing|clarifying|denying|confirming|commenting|overnight|early|"
    r"without|to\s+be\s+sure)\b[^,]{0,120},\s*)+"
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
    r"(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,3}(?:consortium|company|companies|bank|banks|ministry|government|union|regulator|"
    r"agency|authority|office|group|department|firm|fund|investors?|shareholders?|board)",
)


_PUBLIC_BODY = re.compile(
    r"(?i)\b(?:ministry|department|government|union|agency|regulator|authority|office|commission|council|police|"
    r"navy|army|court|prosecutors?|parliament|senate|congress|city|state)$"
)
_COMPANY_NOUN = re.compile(
    r"(?i)\b(?:company|firm|group|retailer|carrier|airline|automaker|carmaker|maker|insurer|lender|bank|operator|"
    r"conglomerate|giant|producer|supplier|manufacturer|publisher|chain|brewer|miner|utility|developer)$"
)


_SENTENCE_WORDS = {
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
_HAS_TITLE = re.compile(
    r"\b(?:Judge|Justice|Minister|Secretary|President|Chairman|Chairwoman|Chief|CEO|CFO|Director|Governor|Mayor|"
    r"Senator|Admiral|General|Mr|Mrs|Ms|Dr|Prince|King|Queen|Pope)\b"
)
_CALENDAR_WORD = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_TYPED_BEFORE = re.compile(
    r"(?:airline|carrier|bank|lender|insurer|company|firm|group|retailer|maker|automaker|carmaker|chipmaker|studio|"
    r"publisher|operator|miner|producer|supplier|fund|investor|exchange|bourse|conglomerate|giant|brewer|developer|"
    r"manufacturer|utility|rival|partner|owner|unit|subsidiary|parent)\s+$"
)
_INSTITUTION = re.compile(
    r"(?i)\b(?:central\s+bank|government|regulator|ministry|police|prosecutors?|court|commission|union|cabinet|"
    r"parliament|navy|army|military|watchdog)$"
)
_MEDIA_NOUN = re.compile(r"(?i)\b(?:paper|newspaper|magazine|daily|weekly|agency|website|broadcaster|outlet)$")
_SPECIFIC_NOUN = re.compile(
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
    name = _TICKER.sub("", raw).strip(" ,.;:&\"“”'’")
    name = re.sub(r"(?:'s|’s)$", "", name)
    stripped = _SUFFIX.sub("", name).strip(" ,")
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
    persons: set[str] = field(default_factory=set)  # names known to be people
    lists: list[list[Mention]] = field(default_factory=list)  # "Apple, Google and Intel"
    outlets: set[str] = field(default_factory=set)  # reporters' names, lower case
    mentioned: list[Mention] = field(default_factory=list)  # every name so far, subject or not
    organisations: set[str] = field(default_factory=set)  # names written as organisations

    def note_mentions(self, clause: str, offset: int) -> None:
        masked = _mask(clause)
        for m in NAME_RE.finditer(masked):
            name = clean_name(m.group(0))
            if not name or name.lower() in _NOT_A_PARTY or (m.start() == 0 and name in _SENTENCE_WORDS):
                continue
            # "budget airline SkyBlue", "Harbor Foods Inc", "Ford ( F.N )": plainly an organisation
            typed = bool(_TYPED_BEFORE.search(masked[: m.start()])) or bool(_SUFFIX.search(_TICKER.sub("", m.group(0))))
            typed = typed or bool(re.match(r"\s*\(\s*[A-Z0-9.]+\s*\)", clause[m.end() :]))
            self.mentioned.append(Mention(name, offset + m.start(), offset + m.end()))
            if typed:
                self.organisations.add(name.lower())

    def maybe_organisation(self, name: str) -> bool:
        """Not a person, not a title ("Circuit Judge Jeanne Stempien"), not a date."""
        return not (
            self.is_person(name)
            or _HAS_TITLE.search(name)
            or _CALENDAR_WORD.search(name)
            or name.lower() in self.outlets
        )

    def last_mentioned(self) -> Mention | None:
        """The organisation named last, subject or not, for "the carrier", "the retailer"."""
        for m in reversed(self.mentioned):
            if m.name.lower() in self.organisations and m.name.lower() not in self.outlets:
                return m
        return None

    def note(self, mentions: list[Mention]) -> None:
        for m in mentions:
            self.recent.append(m)

    def note_person(self, person: str, party: str = "") -> None:
        self.persons.add(person.lower())
        for part in person.split():
            if len(part) > 2:
                self.persons.add(part.lower())
                if party:
                    self.people[part.lower()] = party

    def is_person(self, name: str) -> bool:
        return name.lower() in self.persons or name.split()[-1].lower() in self.persons

    def last(self, person: bool | None = None, company: bool = False) -> Mention | None:
        """The party named last; `person=False` skips people (for "it", "the company"), `company`
        skips ministries, unions and the like."""
        for m in reversed(self.recent):
            if person is False and m.name.lower() in self.outlets:
                continue  # "the company" is not the newspaper that reported on it
            if company and _PUBLIC_BODY.search(m.name):
                continue
            if person is None or self.is_person(m.name) == person:
                return m
            if person is False and m.name.split()[-1].lower() in self.people:
                return Mention(self.people[m.name.split()[-1].lower()], m.start, m.end)
        return self.recent[-1] if self.recent and person is not False else None

    def resolve(self, mention: Mention) -> Mention:
        """A spokesperson's surname counts for their organisation."""
        party = self.people.get(mention.name.split()[-1].lower())
        if party and party.lower() != mention.name.lower():
            return Mention(party, mention.start, mention.end)
        return mention


def mask(clause: str) -> str:
    """The clause with brackets and relative clauses blanked (offsets unchanged)."""
    return _mask(clause)


PRONOUN = re.compile(r"(?:it|It|he|He|she|She|they|They)\s")


def has_subject(head: str) -> bool:
    """Does the clause start with a subject of its own (not a verb: "declined to comment")?"""
    return bool(re.match(r"(?:[A-Z]|[Tt]he\s|[Aa]n?\s|[\"“])", head))


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
    r"[A-Z][\w-]*(?:\s+[a-z][\w-]*){1,4}\s+including|(?:Rival|Parent|Partner|Competitor|Peer|Sister)(?:\s+[a-z]+)?)"
    r"\s+(?=[A-Z])"
)
_DEMONYM = r"(?:(?:South|North|West|East|Central)\s+)?(?:U\.S\.|U\.K\.|EU|[A-Z][a-z]+(?:an|ian|ese|ish|ch|ss|i|ic))"
# "German finance ministry", "the Dutch central bank": a national body named by its country
_NATIONAL_BODY = re.compile(
    r"(?:[Tt]he\s+)?" + _DEMONYM + r"(?:\s+[a-z]+){0,3}\s+(?:ministry|government|regulator|authority|agency|"
    r"central\s+bank|cabinet|parliament|embassy|navy|army|military|police|prosecutors?|watchdog|presidency)(?![\w-])"
)
_TITLE = (
    r"(?:(?:Vice|Rear|Deputy|Acting|Former|former|Executive|Senior)\s+)?(?:Chairman|Chairwoman|Chief\s+Executive(?:\s+Officer)?|CEO|CFO|Chief\s+Financial\s+Officer|President|"
    r"Vice\s+President|Prime\s+Minister|Minister|Secretary|Mayor|Governor|Director|Founder|Admiral|General|"
    r"Chief|Treasurer|Commissioner|Chancellor|Senator|Representative|Spokesman|Spokeswoman)"
)
# "[Standard Chartered] Chairman [John Peace]", "U.S. Defense Secretary [Robert Gates]"
_TITLE_SPLIT = re.compile(
    r"(?:(?P<org>.*?)\s+)?(?:[A-Z][\w.-]*\s+){0,2}?"
    + _TITLE
    + r"\s+(?P<person>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})$"
)
_BARE_SPOKESPERSON = re.compile(
    r"\s*(?:a|an|the|A|An|The)\s+(?:company\s+)?(?:spokes(?:man|woman|person)|representative)\b"
)
# "the daily Le Matin", "budget airline SkyBlue": lower-case words describing the name after them
_LOWER_DESCRIPTION = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:former|then|acting|interim|outgoing|incoming|ex)[\s-]+(?=[A-Z])|(?:[a-z][\w-]*\s+){0,2}(?:daily|newspaper|paper|magazine|weekly|website|broadcaster|airline|"
    r"carrier|bank|lender|insurer|company|firm|group|retailer|maker|automaker|carmaker|chipmaker|studio|publisher|"
    r"operator|miner|producer|supplier|fund|investor|union|agency|regulator|exchange|bourse)\s+(?=[A-Z]))"
)
_PERSON_NOUNS = {
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
_PLURAL_REFERENCE = re.compile(
    r"(?:[Tt]he\s+(?:two\s+|three\s+|other\s+)?(?:companies|firms|banks|groups|parties)(?:\s+(?:named|mentioned|"
    r"involved|cited))?|[Bb]oth\s+(?:companies|firms|banks|groups|sides|men|executives))(?![\w-])"
)
_LIST = re.compile(NAME_RE.pattern + r"(?:\s*,\s*" + NAME_RE.pattern + r")+,?\s+and\s+" + NAME_RE.pattern)
# '"...," a Kia Motors spokesman said.' / '"...," said Apple spokesman Steve Dowling.'
_AFTER_QUOTE = re.compile(
    r"(?:[,.!?][\"”]|[\"”],)\s*(?:(?P<who>[^\"“”]{1,100}?)\s+(?:said|says|added|told\s+\w+|wrote|insisted)\b|"
    r"(?:said|says|added)\s+(?P<who2>[^\"“”.]{1,100}))"
)
_NEITHER = re.compile(r"(?:Neither|neither)\s+(?P<a>" + NAME_RE.pattern + r")\s+nor\s+(?P<b>" + NAME_RE.pattern + r")")
_NO_ONE_FOR = re.compile(r"[Nn]o\s+one\s+.{0,60}?\bfor\s+(?P<name>(?:the\s+)?" + NAME_RE.pattern + r")")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _gap(m: re.Match[str]) -> str:
    return _GAP * len(m.group(0))


def _mask(clause: str, appositives: bool = False) -> str:
    """Brackets blanked out, relative clauses (and appositives) turned into a gap; same length, so
    offsets hold."""
    clause = _RELATIVE.sub(_gap, _BRACKETS.sub(_blank, clause))
    return _APPOSITIVE.sub(_gap, clause) if appositives else clause


def speakers(clause: str, offset: int, discourse: Discourse, cue_at: int | None = None) -> list[Mention]:
    """The party or parties who speak in `clause` (which starts at `offset` in the article). With
    `cue_at`, the speaker named after a quote counts only for a cue inside that quote."""
    clause = _mask(clause)
    q = _AFTER_QUOTE.search(clause)
    if q and cue_at is not None and cue_at > q.start():
        q = None  # the cue comes after the quote: its speaker is the subject
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
        at = m.start("name")
        d = _DESCRIPTOR.match(text, at)
        name = m.group("name")
        if d:  # "an executive at Chinese computer maker Lenovo"
            n = NAME_RE.match(text, d.end())
            if n:
                at, name = n.start(), n.group(0)
        if BACK_REFERENCE.fullmatch(name):  # "a lawyer for the company"
            return subject(name, offset + at, discourse)
        found = split_conjunction(name, offset + at)
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
    m = BODY_ROLE.match(text) if not roles_anywhere else BODY_ROLE.search(text)
    if m:
        return [Mention(m.group("name"), offset + m.start("name"), offset + m.end("name"))]
    bare = _BARE_SPOKESPERSON.match(text)
    if bare:  # '"...," a spokeswoman said': she speaks for the organisation named before
        last = discourse.last(person=False)
        return [Mention(last.name, offset + bare.start(), offset + bare.end())] if last else []
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
    inst = _NATIONAL_BODY.match(rest)
    if inst:
        return [Mention(inst.group(0), offset + i, offset + i + inst.end())]
    plural = _PLURAL_REFERENCE.match(rest)
    if plural and discourse.lists:
        return [Mention(m.name, offset + i, offset + i + plural.end()) for m in discourse.lists[-1]]
    back = BACK_REFERENCE.match(rest)
    if back:
        words = back.group(0).lower().split()
        kind = (
            True if words[0] in ("he", "she") or words[-1] in _PERSON_NOUNS else None if words[0] == "they" else False
        )
        phrase = back.group(0)
        institution = _INSTITUTION.search(phrase)
        if institution:  # "the central bank": one named so, else the words as written
            noun = institution.group(0).lower()
            named = next((m for m in reversed(discourse.mentioned) if m.name.lower().endswith(noun)), None)
            if named:
                return [Mention(named.name, offset + i, offset + i + back.end())]
            return [
                Mention(
                    phrase[4:] if phrase.lower().startswith("the ") else phrase, offset + i, offset + i + back.end()
                )
            ]
        if _MEDIA_NOUN.search(phrase):  # "The paper stood by its story": the outlet named before
            last = next((m for m in reversed(discourse.mentioned) if m.name.lower() in discourse.outlets), None)
        elif _SPECIFIC_NOUN.search(phrase):  # "the British retailer": the one named last, subject or not
            last = discourse.last_mentioned() or discourse.last(person=False, company=True)
        else:
            last = discourse.last(person=kind, company=bool(_COMPANY_NOUN.search(phrase)))
        return [Mention(last.name, offset + i, offset + i + back.end())] if last else []
    d = _DESCRIPTOR.match(rest) or _LOWER_DESCRIPTION.match(rest)
    if d:
        i += d.end()
        rest = clause[i:]
    m = re.match(
        r"(?:(?:the|The)\s+)?"
        + NAME_RE.pattern
        + r"(?:(?:[\s\x00]*,[\s\x00]*(?:and\s+)?|[\s\x00]+and\s+)(?:the\s+)?(?:"
        + NAME_RE.pattern
        + r"|(?:[a-z-]+\s+){0,3}(?:consortium|company|companies|group|bank|banks|ministry|union|regulator|"
        r"agency|authority|office|department|firm|fund|government)))*",
        rest,
    )
    if not m or m.group(0) in ("The", "the"):
        g = _GENERIC_GROUP.match(rest)
        if g and g.group(0).split()[0].lower() == "the":
            return [Mention(g.group(0), offset + i, offset + i + g.end())]
        return []
    titled = _TITLE_SPLIT.match(m.group(0))
    if titled:  # "Standard Chartered Chairman John Peace": the person, who speaks for the bank
        org = clean_name(titled.group("org") or "")
        person = titled.group("person")
        discourse.note_person(person, "" if not org or re.fullmatch(_DEMONYM, org) else org)
        start = offset + i + titled.start("person")
        return [Mention(person, start, start + len(person))]
    found = split_conjunction(m.group(0), offset + i)
    return [discourse.resolve(x) for x in found]


def note_lists(sentence: str, offset: int, discourse: Discourse) -> None:
    """Remember "Apple Inc, Google Inc and Intel Corp" so "the companies named" can mean them."""
    for m in _LIST.finditer(_mask(sentence)):
        found = split_conjunction(m.group(0), offset + m.start())
        if len(found) >= 2:
            discourse.lists.append(found)


# the words between a subject and its verb: "Ford on Friday also flatly denied"
_BEFORE_VERB = re.compile(
    r"(?:\s+(?:on\s+\w+|last\s+\w+|earlier|later|also|quickly|flatly|strongly|repeatedly|again|has|have|had|"
    r"subsequently|previously|immediately|swiftly|publicly|firmly|categorically))*\s*$"
)


def agent_before(clause: str, cue_at: int, offset: int, discourse: Discourse) -> list[Mention]:
    """The party right before an answering verb: in "The FBI is probing X, and Citigroup denied it",
    Citigroup, not the FBI, denies. [] when the verb has no subject of its own before it."""
    head = _mask(clause[:cue_at])
    tail = _BEFORE_VERB.search(head)
    end = tail.start() if tail else len(head)
    if end == 0:
        return []
    m = re.search(r"(?:^|(?<=[\s,;(]))(?:(?:the|The)\s+)?" + NAME_RE.pattern + r"$", head[:end])
    if not m or m.start() == 0:
        return []  # at the start of the clause the ordinary subject rules apply
    before = head[: m.start()].rstrip()
    if not before.endswith((",", ";", "but", "while", "as")):
        return []
    found = split_conjunction(m.group(0), offset + m.start())
    return [discourse.resolve(x) for x in found]
