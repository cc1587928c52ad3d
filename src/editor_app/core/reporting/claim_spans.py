"""What the story reports as claimed, and by whom: outlets, unnamed sources, rumours, accusers.

A sentence states a claim when its assertion is attributed to someone other than the story's own
narrative: "..., the Financial Times reported", "according to people familiar with the matter",
"sources said", "X denied a report that ...", "speculation that ...". A company saying something
about itself is not a claim; neither is a data "report".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor_app.core.reporting.lexicon import (
    ANONYMOUS_SOURCES,
    BARE_SOURCES,
    GENERIC_REPORTERS,
    MASTHEAD,
    MEDIA_AFTER_NAME,
    MEDIA_BEFORE_NAME,
    OTHER_PERSON,
    OUTLET_RE,
    REPORT_VERBS,
    RUMOUR,
    SOCIAL,
)
from editor_app.core.reporting.names import Mention, clean_name
from editor_app.core.reporting.sentences import Sentence

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "that",
        "it",
        "its",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "had",
        "have",
        "by",
        "from",
        "as",
        "raised",
        "made",
    ]
)


def content(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP and len(w) > 2}


# kinds of claim, by how sure we are that the story treats it as a claim
REPORTED = "reported"  # an outlet or unnamed sources report it
ANSWERED = "answered"  # a party answers "a report" / "speculation" in the same sentence
RUMOURED = "rumoured"  # rumours, speculation: kept only when someone answers
ACCUSED = "accused"  # "X accused Y of ...": kept only when the accusation is answered

_VERB_AFTER = re.compile(r"(?:\s*,[^,]{0,80},)?\s+(?:on\s+\w+\s+)?" + REPORT_VERBS + r"(?![\w-])")
_WEB_SITE = re.compile(
    r"(?:\s+(?:newspaper|paper|daily|magazine|weekly))?(?:'s|’s)?(?:\s+(?:Web\s+site|website|online\s+edition|online|blog))?"
    r"\s+(?:also\s+)?(?:reported|said|says|wrote)"
)
_BEFORE = re.compile(
    r"(?i:according\s+to|confirming|echoing|citing|cited|quoting|quoted|reported\s+by|report(?:s|ed)?\s+(?:in|by|from|on)|"
    r"stor(?:y|ies)\s+(?:in|by|on)|article\s+(?:in|by|on)|(?:a|the)\s+report\s+(?:in|by|from|on))"
    r"\s+(?:(?:a|an|the)\s+)?(?:(?:report|story|article)\s+(?:in|by|from|on)\s+(?:the\s+)?)?$"
)
# why something was done, in an unnamed source's words: a view of motives, not a claim
_MOTIVE = re.compile(
    r"\b(?:reflected|reflects|in\s+order\s+to|was\s+aimed\s+at|motivated|out\s+of\s+fear|"
    r"the\s+reason|was\s+driven\s+by|determination\s+to)\b"
)
# "..., said a person familiar with the matter": the source named after its words
_SAID_BEFORE = re.compile(r"[,\"”]\s*(?:said|says|added|told\s+Reuters)\s+$")
# "denied a report (in the FT) that ...", "declined to comment on reports it ..."
_ANSWERED_REPORT = re.compile(
    r"(?:den(?:ied|ies|ying|y)|reject(?:ed|s|ing)|dismiss(?:ed|es|ing)|refut(?:ed|es|ing)|contradict(?:ed|s|ing)|"
    r"confirm(?:ed|s|ing)|comment(?:ed|ing)?\s+on|respond(?:ed|ing)?\s+to|react(?:ed|ing)?\s+to|responding\s+to|"
    r"cold\s+water\s+on|play(?:ed|ing)?\s+down|downplay(?:ed|ing)?|addressed|despite|after|"
    r"following|amid|ending|fuel(?:led|ed)?|sparked|prompted|withdr(?:ew|awn|aws)|retract(?:ed|s|ing)|"
    r"remov(?:ed|es|ing)|pull(?:ed|s|ing)|correct(?:ed|s|ing)|amend(?:ed|s|ing))"
    r"(?:\s+(?:on\s+\w+day|late\s+on\s+\w+day|again|flatly|also|strongly|quickly|firmly|swiftly))?\s+(?P<object>(?:(?:a|an|the|recent|earlier|persistent|"
    r"weeks\s+of|months\s+of|days\s+of|previous|press|media|market|newspaper|Internet|internet|online|local|"
    r"published|several|widespread|renewed|false|blog|television|TV)\s+){0,4}"
    r"(?:[A-Z][\w.&'’-]*(?:'s|’s)?\s+){0,4}"
    r"(?P<noun>reports?|speculation|rumou?rs?|market\s+talk|talk|stor(?:y|ies)|articles?|allegations?|"
    r"accusations?|claims?|suggestions?))(?![\w-])"
)
_OUTLET_DATA = re.compile(
    r"(?:'s|’s)?\s+(?:data|calculations|index|indices|poll|survey|terminal|figures|estimates|consensus|rankings|"
    r"compilation|analysis\s+of\s+data|tally|count)\b"
)
# "the report", "the survey": a pointer back to the last report named
_DEFINITE_REPORT = re.compile(r"(?i)(?:the|this|that)\s+(?:\w+\s+)?(?:report|study|survey|article|story)$")
_RETRACTION_VERB = re.compile(r"withdr|retract|remov|pull|correct|amend")
# what follows a report noun that states its content: "a report that ...", "reports it had ..."
_SOURCE_WORD = (
    r"(?:[A-Z][\w.&'’-]*|Web\s+site|website|newspaper|daily|magazine|online|of|on|\w+day|last|this|week|month|"
    r"social|media|networks?|forums?|sites?|messaging|apps?|blogs?|the\s+Internet|the\s+internet)"
)
_STATES_CONTENT = re.compile(
    r"(?:\s+(?:published\s+|posted\s+|carried\s+|issued\s+|circulating\s+|spreading\s+|spread\s+|appearing\s+)?"
    r"(?:in|by|from|on|at)\s+(?:[Tt]he\s+)?" + _SOURCE_WORD + r"(?:\s+" + _SOURCE_WORD + r"){0,5}?)?"
    r"(?:\s+|,\s+)(?:that|of|about|over|on|it|its|he|she|they|which|saying|claiming|suggesting|alleging|"
    r"linking|the\s+company|[A-Z][\w.&'’-]*\s+(?:was|were|had|has|is|would|will|planned|plans))\b"
)
_DATA_REPORT = re.compile(
    r"(?:jobs|employment|payrolls?|earnings|quarterly|annual|monthly|weekly|inflation|research|analyst|credit|"
    r"economic|government|official|trade|sales|production|industry|financial|interim|progress|status|audit|"
    r"inspection|safety|environmental)\s+reports?\b|\breports?\s+(?:showed|shows|released|published\s+by|due)",
    re.I,
)
_ACCUSATION = re.compile(
    r"(?<![\w-])(?:accus(?:ed|es|ing)|alleg(?:ed|es|ing)|charg(?:ed|es)\s+that|claim(?:ed|s)\s+that)"
)
# what a rumour is about: "speculation that ...", "rumours it would ...", "talk of a bid"
_RUMOUR_CONTENT = re.compile(
    r"\s+(?:that|about|of|on|over|it|its|the\s+company|[A-Z][\w.&'’-]*\s+(?:was|is|were|are|would|could|might|may|will|"
    r"had|has|planned|plans))\b"
)
_HEARSAY = re.compile(r"\breportedly\b|\b(?:is|are|was|were)\s+said\s+to\s+(?:be|have)\b")
_CLAUSE_END = re.compile(r",\s+(?:but|and|while|saying|adding|sending|as|which|after|before|citing)\b|;|\s+--\s+")


@dataclass
class FoundClaim:
    start: int
    end: int
    kind: str
    sentence: int
    reporters: list[Mention] = field(default_factory=list)
    cue_start: int = 0
    cue_end: int = 0


# words that start "Recent blog reports", "Local media": not the name of an outlet
_NOT_A_MASTHEAD = {
    "the",
    "a",
    "an",
    "reuters",
    "in",
    "on",
    "recent",
    "previous",
    "earlier",
    "local",
    "other",
    "some",
    "several",
    "many",
    "media",
    "online",
    "internet",
    "foreign",
    "state",
    "official",
    "industry",
    "national",
    "regional",
    "financial",
    "business",
    "daily",
    "weekly",
    "its",
    "his",
    "her",
    "their",
    "one",
    "another",
    "both",
}


@dataclass(frozen=True)
class _Found:
    mention: Mention  # the name as written
    kind: str  # 'outlet' | 'sources' | 'generic' | 'rumour' | 'cited'
    start: int  # the whole phrase in the sentence ("The Times newspaper"), for the cue around it
    end: int


_DOMAIN = re.compile(r"(?<![\w.@-])(?:[A-Za-z][\w-]*\.)+(?:com|net|org|co\.uk|de|fr|cn|jp|in)(?![\w-])")
_CITED = re.compile(
    r"(?i:citing|cited|quoting|quoted)\s+(?P<who>(?:(?:the|an?|its|his|her)\s+)?[\w'’.&-]+(?:\s+[\w'’.&-]+){0,6}?)"
    r"(?=\s+as\s+(?:saying|telling)|\s*[,.;]|\s+that\b|$)"
)


def _reporter_mentions(s: Sentence) -> list[_Found]:
    """Every reporter-like phrase of the sentence, longest first where they overlap."""
    text, out, taken = s.text, [], []

    def add(start: int, end: int, kind: str, name: str | None = None) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        name = name or clean_name(text[start:end])
        at = text.find(name, start, end)
        a, b = (at, at + len(name)) if at >= 0 else (start, end)  # the span is the name as written
        out.append(_Found(Mention(name, s.start + a, s.start + b), kind, start, end))

    for pattern in (MEDIA_BEFORE_NAME, MEDIA_AFTER_NAME):
        for m in pattern.finditer(text):
            name = clean_name(m.group("name"))
            words = name.split()
            if (
                words
                and words[0].lower() not in ("the", "a", "an", "reuters", "in", "on")
                and not (len(words) == 1 and words[0].lower() in _NOT_A_MASTHEAD)
            ):
                add(m.start(), m.end(), "outlet", name)
    for pattern in (OUTLET_RE, MASTHEAD, _DOMAIN):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), "outlet")
    for pattern in (ANONYMOUS_SOURCES, BARE_SOURCES, OTHER_PERSON):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), "sources", text[m.start() : m.end()].strip())
    for m in SOCIAL.finditer(text):
        add(m.start(), m.end(), "rumour", text[m.start() : m.end()].strip())
    for m in GENERIC_REPORTERS.finditer(text):
        add(m.start(), m.end(), "generic", text[m.start() : m.end()].strip())
    for m in _CITED.finditer(text):  # "citing Insinga's lawyer Andrew Carr"
        who = m.group("who").strip()
        if who.split()[0][:1].isupper() or re.match(r"(?:the|an?)\s", who):
            add(m.start("who"), m.end("who"), "cited", who)
    return sorted(out, key=lambda f: f.start)


def _reports(s: Sentence, found: _Found) -> tuple[int, int] | None:
    """The cue (offsets in the sentence) that makes `mention` the reporter of something, if any."""
    text, mention, kind = s.text, found.mention, found.kind
    a, b = found.start, found.end
    if kind == "cited":
        return (max(0, a - 10), a)
    if text[a:b].strip() == "Reuters" or mention.name == "Reuters":
        after = re.match(r"\s+(?:and\s+other\s+media\s+)?(?:had\s+|has\s+|also\s+)*(?:reported|report)", text[b:])
        return (b, b + after.end()) if after else None
    if _DATA_REPORT.search(text[max(0, a - 15) : b + 12]) or _OUTLET_DATA.match(text, b):
        return None  # "a government report showed", "according to Bloomberg data"
    before = _BEFORE.search(text[max(0, a - 60) : a])
    if not before and kind == "sources":
        before = _SAID_BEFORE.search(text[max(0, a - 60) : a])
    if before:
        return (max(0, a - 60) + before.start(), a)
    after = _VERB_AFTER.match(text, b) or _WEB_SITE.match(text, b)
    if not after and kind == "sources":  # "Sources close to X and a U.S. hedge fund told Reuters"
        after = re.compile(r"(?:\s+[\w.'’&-]+){1,8}?" + _VERB_AFTER.pattern).match(text, b)
    if after and kind in ("outlet", "generic") and re.search(r"\btold\b", after.group(0)):
        after = None  # an outlet does not "tell Reuters"; a person telling a paper is an interview
    if after and kind != "rumour":
        return (b, after.end())
    if kind in ("outlet", "sources"):
        quoted = re.match(r"\s+(?:that|quoted|cited|as\s+saying)", text[b:])
        if quoted and kind == "sources":
            return (b, b + quoted.end())
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:\"“”'":
        start += 1
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    return start, end


# where one sentence holds two statements: "X denied it, while another report said Y ..."
_STATEMENT_BREAK = re.compile(r",\s+while\s+|;\s+|\s+--\s+|,\s+whereas\s+")


def _clause_around(text: str, at: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _STATEMENT_BREAK.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return _trim(text, start, end)


def find_claims(sentences: list[Sentence]) -> list[FoundClaim]:
    claims: list[FoundClaim] = []
    data_report = False  # the last report named was a data release ("the jobs report")
    for index, s in enumerate(sentences):
        if s.heading:
            continue
        text = s.text
        mentions = _reporter_mentions(s)
        reporters: list[Mention] = []
        source_kinds: set[str] = set()
        cue: tuple[int, int] | None = None
        if _DATA_REPORT.search(text):
            data_report = True
        for f in mentions:
            mention, kind = f.mention, f.kind
            if kind == "generic" and not re.search(
                r"(?i)paper|report|stor|article|agency|media|magazine|daily|web", mention.name
            ):
                continue
            if kind == "generic" and data_report and _DEFINITE_REPORT.match(mention.name):
                continue  # "according to the report" after "a government report showed"
            c = _reports(s, f)
            if c and kind in ("outlet", "sources"):
                data_report = False
            if c:
                source_kinds.add(kind)
            if c:
                reporters.append(mention)
                cue = cue or c
        answered = _ANSWERED_REPORT.search(text)
        if answered and not _STATES_CONTENT.match(text, answered.end()):
            answered = None
        if answered and not _DATA_REPORT.search(text[answered.start("noun") - 15 : answered.end("noun") + 12]):
            noun = answered.group("noun").lower()
            start = answered.start("object")  # "a report in the FT": determiner and outlet go with the claim
            end_m = _CLAUSE_END.search(text, answered.end())
            end = end_m.start() if end_m else len(text)
            a, b = _trim(text, start, end)
            if len(content(text[answered.end("noun") : b])) >= 3:
                kind = ANSWERED if noun.startswith(("report", "stor", "article")) else RUMOURED
                said_by = _STATES_CONTENT.match(text, answered.end())
                until = said_by.end() if said_by else answered.end("noun")
                inside = [f for f in mentions if start <= f.start < until]
                rep = (
                    [f.mention for f in inside if f.kind == "outlet"] or [f.mention for f in inside] or list(reporters)
                )
                if _RETRACTION_VERB.match(answered.group(0)) and not any(f.kind == "outlet" for f in inside):
                    # "The daily X withdrew an article": the outlet that withdraws it reported it
                    rep = [f.mention for f in mentions if f.kind == "outlet" and f.end <= answered.start()][-1:] or rep
                if not rep:
                    rep = [
                        Mention(
                            text[start : answered.end("noun")].strip(), s.start + start, s.start + answered.end("noun")
                        )
                    ]
                claims.append(
                    FoundClaim(
                        s.start + a, s.start + b, kind, index, rep, s.start + answered.start(), s.start + answered.end()
                    )
                )
                continue
        if reporters and cue:
            a, b = _clause_around(text, cue[0])
            reporters = [m for m in reporters if s.start + a <= m.start < s.start + b] or reporters
            if source_kinds == {"sources"} and _MOTIVE.search(text[a:b]):
                continue  # an unnamed source's view of why, not a reported fact
            claims.append(
                FoundClaim(s.start + a, s.start + b, REPORTED, index, reporters, s.start + cue[0], s.start + cue[1])
            )
            continue
        rumour = RUMOUR.search(text)
        if (
            rumour
            and (_RUMOUR_CONTENT.match(text, rumour.end()) or _STATES_CONTENT.match(text, rumour.end()))
            and "report" not in rumour.group(0)
        ):
            end_m = _CLAUSE_END.search(text, rumour.end())
            a, b = _trim(text, rumour.start(), end_m.start() if end_m else len(text))
            who = Mention(rumour.group(0).strip(), s.start + rumour.start(), s.start + rumour.end())
            spread_by = [f.mention for f in mentions if f.kind in ("rumour", "outlet") and a <= f.start < b]
            claims.append(FoundClaim(s.start + a, s.start + b, RUMOURED, index, [who, *spread_by], who.start, who.end))
            continue
        hearsay = _HEARSAY.search(text)
        if hearsay:  # "Ford is reportedly in talks ...": reported, by nobody named
            a, b = _clause_around(text, hearsay.start())
            who = Mention("reports", s.start + hearsay.start(), s.start + hearsay.end())
            claims.append(FoundClaim(s.start + a, s.start + b, RUMOURED, index, [who], who.start, who.end))
            continue
        acc = _ACCUSATION.search(text)
        if acc:
            a, b = _trim(text, 0, len(text))
            head = text[: acc.start()].strip()
            who = Mention(clean_name(head) or head, s.start, s.start + len(head)) if head else None
            claims.append(
                FoundClaim(
                    s.start + a,
                    s.start + b,
                    ACCUSED,
                    index,
                    [who] if who else [],
                    s.start + acc.start(),
                    s.start + acc.end(),
                )
            )
    return claims
