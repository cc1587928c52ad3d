"""Who is speaking in a sentence, and who "it", "the company" or "the spokesman" is.

Wire copy names a party once and then refers back: "Ford denied the report. The company said it
was not in talks. It added ..."; "a spokesman for Ford", "Ford spokesman Jane Doe", "Doe said".
`Discourse` remembers the parties named so far so that those references resolve to the party
named before, and spokespeople count for their organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor_app.core.reporting.names import (
    AFTER_QUOTE,
    BACK_REFERENCE,
    BARE_SPOKESPERSON,
    BODY_ROLE,
    CALENDAR_WORD,
    COMPANY_NOUN,
    DEMONYM,
    DESCRIPTOR,
    GENERIC_GROUP,
    HAS_TITLE,
    INSTITUTION,
    LEADING_ADVERBIAL,
    LOWER_DESCRIPTION,
    MEDIA_NOUN,
    NAME_LIST,
    NAME_RE,
    NAME_ROLE,
    NATIONAL_BODY,
    NEITHER,
    NO_ONE_FOR,
    NOT_A_PARTY,
    PERSON_NOUNS,
    PLURAL_REFERENCE,
    PUBLIC_BODY,
    ROLE_FOR,
    SENTENCE_WORDS,
    SPECIFIC_NOUN,
    SUFFIX,
    TICKER,
    TITLE_SPLIT,
    TYPED_BEFORE,
    Mention,
    blank_out,
    clean_name,
    split_conjunction,
)


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
        masked = blank_out(clause)
        for m in NAME_RE.finditer(masked):
            name = clean_name(m.group(0))
            if not name or name.lower() in NOT_A_PARTY or (m.start() == 0 and name in SENTENCE_WORDS):
                continue
            # "budget airline SkyBlue", "Harbor Foods Inc", "Ford ( F.N )": plainly an organisation
            typed = bool(TYPED_BEFORE.search(masked[: m.start()])) or bool(SUFFIX.search(TICKER.sub("", m.group(0))))
            typed = typed or bool(re.match(r"\s*\(\s*[A-Z0-9.]+\s*\)", clause[m.end() :]))
            self.mentioned.append(Mention(name, offset + m.start(), offset + m.end()))
            if typed:
                self.organisations.add(name.lower())

    def maybe_organisation(self, name: str) -> bool:
        """Not a person, not a title ("Circuit Judge Jeanne Stempien"), not a date."""
        return not (
            self.is_person(name) or HAS_TITLE.search(name) or CALENDAR_WORD.search(name) or name.lower() in self.outlets
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
            if company and PUBLIC_BODY.search(m.name):
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
    return blank_out(clause)


PRONOUN = re.compile(r"(?:it|It|he|He|she|She|they|They)\s")


_NAMED_RELATION = re.compile(
    r"(?:Its|Their|The\s+company's|The)\s+(?:[a-z-]+\s+){0,3}(?:shareholder|investor|owner|partner|rival|parent|unit|"
    r"subsidiary|customer|supplier|lender|adviser|advisor|backer|founder|chairman|chief\s+executive),\s+"
    r"(?P<name>" + NAME_RE.pattern + r"),"
)
# "Latvia's financial services authority", "the city's housing department"
_OWNED_BODY = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|’s)\s+(?:[a-z]+\s+){0,3}"
    r"(?:authority|ministry|department|regulator|agency|commission|office|watchdog|council|government|prosecutors?|"
    r"central\s+bank|union|police)(?![\w-])"
)
_NOT_THE_COMPANY = re.compile(r"(?:'s|’s)?\s+(?:shares|stock|bonds|ADRs|notes|share\s+price|stock\s+price)\b")


def has_subject(head: str) -> bool:
    """Does the clause start with a subject of its own (not a verb: "declined to comment")?"""
    return bool(re.match(r"(?:[A-Z]|[Tt]he\s|[Aa]n?\s|[\"“])", head))


def skip_adverbial(text: str) -> int:
    """Where the subject of `text` starts, after "But", "On Friday," or "Asked about the report,"."""
    m = LEADING_ADVERBIAL.match(text)
    return m.end() if m else 0


def speakers(clause: str, offset: int, discourse: Discourse, cue_at: int | None = None) -> list[Mention]:
    """The party or parties who speak in `clause` (which starts at `offset` in the article). With
    `cue_at`, the speaker named after a quote counts only for a cue inside that quote."""
    clause = blank_out(clause)
    q = AFTER_QUOTE.search(clause)
    if q and cue_at is not None and cue_at > q.start():
        q = None  # the cue comes after the quote: its speaker is the subject
    if q:
        group = "who" if q.group("who") else "who2"
        found = _named_in(q.group(group), offset + q.start(group), discourse)
        if found:
            return found
    for pattern in (NEITHER, NO_ONE_FOR):
        m = pattern.search(clause)
        if m:
            names = [g for g in ("a", "b", "name") if g in m.groupdict() and m.group(g)]
            return [
                discourse.resolve(Mention(clean_name(m.group(g)), offset + m.start(g), offset + m.end(g)))
                for g in names
            ]
    found = _named_in(clause, offset, discourse, roles_anywhere=True, cue_at=cue_at)
    return found


def _speaks_here(text: str, m: re.Match[str], cue_at: int | None) -> bool:
    """A spokesperson named after the cue speaks only as the attribution: "..., a Kia spokesman said",
    not "comments that GE's chief executive made"."""
    return cue_at is None or m.start() < cue_at or bool(_ATTRIBUTION_AFTER.match(text, m.end()))


_ATTRIBUTION_AFTER = re.compile(r"(?:,?\s+[\w.'’-]+){0,4}?,?\s+(?:said|says|told|added|stated|wrote)\b")


def _named_in(
    text: str, offset: int, discourse: Discourse, roles_anywhere: bool = False, cue_at: int | None = None
) -> list[Mention]:
    for m in ROLE_FOR.finditer(text):
        if not roles_anywhere and m.start() > 3:
            break
        if not _speaks_here(text, m, cue_at):
            continue
        at = m.start("name")
        d = DESCRIPTOR.match(text, at)
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
        if not _speaks_here(text, m, cue_at):
            continue
        name = clean_name(m.group("name"))
        if name.lower() in NOT_A_PARTY or not name:
            continue
        found = split_conjunction(m.group("name"), offset + m.start("name"))
        if m.group("person") and found:
            discourse.note_person(m.group("person"), found[-1].name)
        if found:
            return [discourse.resolve(x) for x in found]
    m = BODY_ROLE.match(text) if not roles_anywhere else BODY_ROLE.search(text)
    if m and _speaks_here(text, m, cue_at):
        return [Mention(m.group("name"), offset + m.start("name"), offset + m.end("name"))]
    bare = BARE_SPOKESPERSON.match(text)
    if bare:  # '"...," a spokeswoman said': she speaks for the organisation named before
        last = discourse.last(person=False)
        return [Mention(last.name, offset + bare.start(), offset + bare.end())] if last else []
    return subject(text, offset, discourse)


def subject(clause: str, offset: int, discourse: Discourse) -> list[Mention]:
    """The grammatical subject at the start of `clause`, or the party a back reference points to."""
    named = _NAMED_RELATION.match(clause, skip_adverbial(clause))
    if named:  # "Its largest shareholder, Grove Capital, said ...": the name, not "its"
        return [Mention(clean_name(named.group("name")), offset + named.start("name"), offset + named.end("name"))]
    clause = blank_out(clause, appositives=True)
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
    inst = NATIONAL_BODY.match(rest) or _OWNED_BODY.match(rest)
    if inst:
        return [Mention(inst.group(0), offset + i, offset + i + inst.end())]
    plural = PLURAL_REFERENCE.match(rest)
    if plural and discourse.lists:
        return [Mention(m.name, offset + i, offset + i + plural.end()) for m in discourse.lists[-1]]
    back = BACK_REFERENCE.match(rest)
    if back:
        words = back.group(0).lower().split()
        kind = True if words[0] in ("he", "she") or words[-1] in PERSON_NOUNS else None if words[0] == "they" else False
        phrase = back.group(0)
        institution = INSTITUTION.search(phrase)
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
        if MEDIA_NOUN.search(phrase):  # "The paper stood by its story": the outlet named before
            last = next((m for m in reversed(discourse.mentioned) if m.name.lower() in discourse.outlets), None)
        elif SPECIFIC_NOUN.search(phrase):  # "the British retailer": the one named last, subject or not
            last = discourse.last_mentioned() or discourse.last(person=False, company=True)
        else:
            last = discourse.last(person=kind, company=bool(COMPANY_NOUN.search(phrase)))
        return [Mention(last.name, offset + i, offset + i + back.end())] if last else []
    d = DESCRIPTOR.match(rest) or LOWER_DESCRIPTION.match(rest)
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
        g = GENERIC_GROUP.match(rest)
        if g and g.group(0).split()[0].lower() == "the":
            return [Mention(g.group(0), offset + i, offset + i + g.end())]
        return []
    if _NOT_THE_COMPANY.match(rest, m.end()):
        return []  # "Volta shares jumped": the stock, not a party
    titled = TITLE_SPLIT.match(m.group(0))
    if titled:  # "Standard Chartered Chairman John Peace": the person, who speaks for the bank
        org = clean_name(titled.group("org") or "")
        person = titled.group("person")
        discourse.note_person(person, "" if not org or re.fullmatch(DEMONYM, org) else org)
        start = offset + i + titled.start("person")
        return [Mention(person, start, start + len(person))]
    found = split_conjunction(m.group(0), offset + i)
    return [discourse.resolve(x) for x in found]


def note_lists(sentence: str, offset: int, discourse: Discourse) -> None:
    """Remember "Apple Inc, Google Inc and Intel Corp" so "the companies named" can mean them."""
    for m in NAME_LIST.finditer(blank_out(sentence)):
        found = split_conjunction(m.group(0), offset + m.start())
        if len(found) == 2 and "," not in m.group(0) and any(len(f.name.split()) > 1 for f in found):
            continue  # "Securities and Exchange Commission" is one name; "Amgen and Actelion" are two
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
    head = blank_out(clause[:cue_at])
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
