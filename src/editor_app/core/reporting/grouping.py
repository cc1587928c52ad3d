"""One proposal per claim: the lead, the body and later elaborations often restate one claim.

Wire stories name a claim in the lead ("X denied a report that ..."), state it in full in the
body ("The FT reported that ..."), then elaborate ("the paper said ..."). The writer wants one
proposal with all of its reporters, so restatements are merged into the fuller statement and
kept as extra evidence. An elaboration stays a claim of its own only when a party that answers
is first named there (it is what that party answered).
"""

from __future__ import annotations

import re

from editor_app.core.reporting.claim_spans import ACCUSED, ANSWERED, REPORTED, RUMOURED, FoundClaim
from editor_app.core.reporting.lexicon import GENERIC_REPORTERS, outlet_key
from editor_app.core.reporting.responses import FoundResponse

_STOP_WORDS = """
a an the of to in on at for and or but that this it its is was were be been has had have with by from as said
says say reported report reports according told reuters people familiar matter sources source would will could
may might also which who friday monday tuesday wednesday thursday saturday sunday newspaper paper citing their
they them he she his her there about into than more over after before last next week month year not no
"""
_STOP = frozenset(_STOP_WORDS.split())
# what an outlet is called once named: "the paper said", "according to the story"
BACK_REFERENCE = re.compile(
    r"^(?:the|this|that)\s+(?:\w+\s+)?(?:paper|newspaper|report|story|article|magazine|agency|website|daily|"
    r"weekly|journal|broadcaster|posting|blog|publication|media\s+report)$",
    re.I,
)
_ALSO_REPORTED = re.compile(
    r"\balso\s+(?:reported|carried|ran|published)\s+(?:the|a|that|it|this)\s*(?:deal|talks|plan|news|story|report|"
    r"purchase|sale|agreement|contract|order|move|bid|offer|claim)?\b"
)


def content(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP and len(w) > 2}


def _overlap(a: set[str], b: set[str]) -> tuple[int, float]:
    if not a or not b:
        return 0, 0.0
    common = len(a & b)
    return common, common / min(len(a), len(b))


def _outlets(c: FoundClaim, names: dict[int, str]) -> set[str]:
    """Named reporters ("financial times"), with "the paper" read as the outlet named before it."""
    out = set()
    for m in c.reporters:
        name = names.get(m.start, m.name)
        if BACK_REFERENCE.match(name) or GENERIC_REPORTERS.fullmatch(name):
            continue
        out.add(outlet_key(name))
    return out


def _same_outlet(a: set[str], b: set[str]) -> bool:
    """ "Journal" and "Wall Street Journal" are one outlet (whole words, as the desk reads them)."""
    for x in a:
        for y in b:
            tx, ty = x.split(), y.split()
            if tx and ty and (_contains(tx, ty) or _contains(ty, tx)):
                return True
    return False


def _contains(a: list[str], b: list[str]) -> bool:
    n = len(b)
    return any(a[i : i + n] == b for i in range(len(a) - n + 1))


def _is_elaboration(c: FoundClaim, earlier: list[FoundClaim], names: dict[int, str]) -> bool:
    """Reported only by "the paper" / an outlet already credited before, with no new source."""
    if c.kind != REPORTED or not earlier:
        return False
    seen = set().union(*(_outlets(e, names) for e in earlier[-20:]))
    return all(
        BACK_REFERENCE.match(m.name) or _same_outlet({outlet_key(names.get(m.start, m.name))}, seen)
        for m in c.reporters
    )


_CALENDAR = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


def _names_someone_new(c: FoundClaim, text: str, before: str) -> bool:
    """Does the statement name a party (a capitalised name) that no earlier claim names?"""
    names = set(re.findall(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z]{2,}", text[c.start : c.end]))
    names -= {w for m in c.reporters for w in m.name.split()}
    return any(n.lower() not in before for n in names if not _CALENDAR.match(n))


def _vague(c: FoundClaim, text: str) -> bool:
    """ "denied reports of the layoffs": a pointer to a claim stated elsewhere."""
    return c.kind in (ANSWERED, RUMOURED, ACCUSED) and len(content(text[c.cue_end : c.end])) <= 5


# a restatement of a claim comes within this many sentences of it (a long file is many stories)
RESTATEMENT_WINDOW = 60


def group_claims(
    found: list[FoundClaim], responses: list[FoundResponse], text: str, names: dict[int, str] | None = None
) -> list[tuple[FoundClaim, list[FoundClaim]]]:
    """(the claim to propose, the other statements of it), in the order of the story. `names` maps a
    reporter's start offset to the outlet it stands for ("the paper" -> "New York Times")."""
    names = names or {}
    words = {id(c): content(text[c.start : c.end]) for c in found}
    groups: list[list[FoundClaim]] = []
    elaborations: set[int] = set()  # id() of claims merged as elaborations: never the one proposed

    outlets_of = {id(c): _outlets(c, names) for c in found}

    def similar(c: FoundClaim, m: FoundClaim) -> tuple[int, float] | None:
        if abs(c.sentence - m.sentence) > RESTATEMENT_WINDOW:
            return None
        common, ratio = _overlap(words[id(c)], words[id(m)])
        if common < 2:
            return None
        rumours = c.kind == RUMOURED and m.kind == RUMOURED
        outlet = _same_outlet(outlets_of[id(c)], outlets_of[id(m)])
        figures = {w for w in words[id(c)] & words[id(m)] if w.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", w)}
        if (
            (common >= 4 and ratio >= 0.5)
            or (rumours and common >= 2)
            or (outlet and common >= 3)
            or (len(figures) >= 2 and common >= 4)  # the same figures: "500 to 1,000 jobs"
        ):
            return common, ratio
        return None

    for c in found:
        best, best_score = -1, (0, 0.0)
        for i, g in enumerate(groups):
            for m in g:
                score = similar(c, m)
                if score and score > best_score:
                    best, best_score = i, score
        if best >= 0:
            if c.reporters and all(BACK_REFERENCE.match(m.name) for m in c.reporters):
                elaborations.add(id(c))  # "The report said ...": the report was stated before
            groups[best].append(c)
            continue
        if groups and _ALSO_REPORTED.search(text[c.start : c.end]):
            elaborations.add(id(c))
            groups[-1].append(c)
            continue
        earlier = [x for g in groups for x in g]
        if _is_elaboration(c, earlier, names):
            before = " ".join(text[x.start : x.end].lower() for x in earlier)
            if not _names_someone_new(c, text, before):
                elaborations.add(id(c))
                groups[-1].append(c)
                continue
        groups.append([c])

    # "X denied a report that ..." in the lead, then "The FT reported that ..." in the body: one claim
    for g in [g for g in groups if all(c.kind == ANSWERED for c in g)]:
        if g not in groups:
            continue
        outlets = set().union(*(outlets_of[id(c)] for c in g))
        later = [o for o in groups if o is not g and any(c.kind == REPORTED and c.sentence > g[0].sentence for c in o)]
        for other in later:
            same_outlet = _same_outlet(outlets, set().union(*(outlets_of[id(c)] for c in other)))
            shared = max(_overlap(words[id(a)], words[id(b)])[0] for a in g for b in other)
            lead = g[0].sentence <= 2 and other is later[0]
            if same_outlet or (not outlets and (shared >= 3 or (lead and shared >= 1))):
                other.extend(g)
                groups.remove(g)
                break

    # pointers ("denied reports of the layoffs") join the claim stated nearest to them
    if len(groups) > 1:
        for g in [g for g in groups if len(g) == 1 and _vague(g[0], text)]:
            others = [o for o in groups if o is not g]
            target = min(others, key=lambda o: min(abs(o[0].sentence - g[0].sentence), 99))
            target.append(g[0])
            groups.remove(g)

    answered = {r.sentence for r in responses}
    out = []
    for g in groups:
        best = max(
            g,
            key=lambda c: (
                id(c) not in elaborations,
                c.kind not in (ANSWERED, RUMOURED, ACCUSED),
                c.kind != REPORTED or c.sentence not in answered,  # the claim as stated, not its denial
                len(c.reporters) > 0,
                -c.sentence,
            ),
        )
        out.append((best, [m for m in g if m is not best]))
    out.sort(key=lambda item: item[0].start)
    return out
