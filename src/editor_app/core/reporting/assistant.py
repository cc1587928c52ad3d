"""`propose(text)`: the claims a story reports, who reported them and how each party answered.

Nothing here creates a claim: these are proposals the writer accepts or dismisses. Every span is
a pair of Python string offsets into the text that was given, so the editor can highlight the
evidence and anchor an accepted claim on its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from editor_app.core.claims import Appearance, Stance, StatusVerdict, derive_status
from editor_app.core.claims import Response as ClaimResponse
from editor_app.core.reporting.claim_spans import ACCUSED, REPORTED, RUMOURED, FoundClaim, find_claims
from editor_app.core.reporting.grouping import BACK_REFERENCE, group_claims
from editor_app.core.reporting.lexicon import ANONYMOUS_SOURCES, BARE_SOURCES, GENERIC_REPORTERS, RUMOUR, outlet_key
from editor_app.core.reporting.markup import plain_text
from editor_app.core.reporting.parties import Discourse
from editor_app.core.reporting.responses import EXPLICIT_CUE, FoundResponse, find_responses
from editor_app.core.reporting.sentences import split_sentences


@dataclass(frozen=True)
class Reporter:
    """Who reported the claim: "Financial Times", "people familiar with the matter". "The paper" is
    given the name of the outlet it stands for; `start`/`end` are the words in the text."""

    who: str
    start: int
    end: int


@dataclass(frozen=True)
class Response:
    """A party's answer. `start`/`end` span the words that carry it, `cue_start`/`cue_end` the cue."""

    party: str
    stance: Stance
    quote: str
    start: int
    end: int
    cue_start: int
    cue_end: int


@dataclass
class ProposedClaim:
    """A claim the story reports, for the writer to accept or dismiss. `text` is `text[start:end]`
    of the article; `evidence` holds the other places that state the same claim (the lead)."""

    text: str
    start: int
    end: int
    reported_by: list[Reporter] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    cue_start: int = 0  # the reporting cue ("reported", "according to", "denied a report")
    cue_end: int = 0
    evidence: list[tuple[int, int]] = field(default_factory=list)  # other spans stating the same claim

    def status(self) -> StatusVerdict:
        return proposal_status(self)

    def to_dict(self) -> dict:
        """The `claims suggest --json` shape."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "reported_by": [{"who": r.who, "start": r.start, "end": r.end} for r in self.reported_by],
            "responses": [
                {"party": r.party, "stance": r.stance.value, "quote": r.quote, "start": r.start, "end": r.end}
                for r in self.responses
            ],
        }


def proposal_status(claim: ProposedClaim) -> StatusVerdict:
    """The status the claims model would derive once the proposal is accepted (same rules)."""
    appearances = [Appearance(outlet=r.who) for r in claim.reported_by]
    responses = [ClaimResponse(party=r.party, stance=r.stance, quote=r.quote) for r in claim.responses]
    return derive_status(responses, appearances)


def _link(
    responses: list[FoundResponse], claims: list[tuple[FoundClaim, list[FoundClaim]]], text: str
) -> list[list[FoundResponse]]:
    """Each response goes to the claim it answers: the one stated in its sentence, else the one
    stated nearest before it, favouring a claim that names the party (the lead claim when no
    claim comes before it)."""
    linked: list[list[FoundResponse]] = [[] for _ in claims]
    for r in responses:
        here = [i for i, (c, alts) in enumerate(claims) if r.sentence in {c.sentence, *(a.sentence for a in alts)}]
        if here:
            linked[here[0]].append(r)
            continue
        party = r.party.name.lower()
        best, best_score = None, float("inf")
        for i, (c, alts) in enumerate(claims):
            members = [c, *alts]
            before = [m.sentence for m in members if m.sentence < r.sentence]
            if not before:
                continue
            named = any(party in text[m.start : m.end].lower() for m in members)
            score = (r.sentence - max(before)) - (2 if named else 0)  # naming the party counts as two sentences nearer
            if score < best_score:
                best, best_score = i, score
        if best is None:
            named_any = [i for i, (c, _) in enumerate(claims) if party in text[c.start : c.end].lower()]
            best = named_any[0] if named_any else 0
        linked[best].append(r)
    return linked


def _one_name_per_party(responses: list[FoundResponse], named: list[str]) -> list[FoundResponse]:
    """ "Northwind Telecom" then "Northwind": one party, under the name it was first given in full."""
    names: list[str] = []
    answering = {r.party.name.lower().split()[0] for r in responses if r.party.name}
    candidates = [n for n in named if n and n.lower().split()[0] in answering] + [r.party.name for r in responses]
    for name in dict.fromkeys(candidates):
        words = name.lower().split()
        if not words:
            continue
        if not any(_starts_with(n.lower().split(), words) for n in names):
            names = [n for n in names if not _starts_with(words, n.lower().split())] + [name]
    out = []
    for r in responses:
        words = r.party.name.lower().split()
        full = next((n for n in names if _starts_with(n.lower().split(), words)), r.party.name)
        out.append(replace(r, party=replace(r.party, name=full)))
    return out


def _starts_with(longer: list[str], shorter: list[str]) -> bool:
    return bool(shorter) and longer[: len(shorter)] == shorter


_ABOUT_A_REPORT = re.compile(r"(?i)\b(?:report|story|article|paper|newspaper)s?\b")


def _is_generic(name: str) -> bool:
    return bool(GENERIC_REPORTERS.fullmatch(name) or RUMOUR.fullmatch(name))


def _is_source_name(name: str) -> bool:
    return bool(ANONYMOUS_SOURCES.fullmatch(name) or BARE_SOURCES.fullmatch(name))


def _outlet_names(found: list[FoundClaim]) -> dict[int, str]:
    """ "the paper said" is the outlet named before it: start offset -> that outlet's name."""
    names: dict[int, str] = {}
    last = ""
    for m in sorted((m for c in found for m in c.reporters), key=lambda m: m.start):
        if BACK_REFERENCE.match(m.name):
            if last:
                names[m.start] = last
        elif m.name[:1].isupper() and not GENERIC_REPORTERS.fullmatch(m.name) and not _is_source_name(m.name):
            last = m.name
    return names


def _inside_report(r: FoundResponse, found: list[FoundClaim], text: str) -> bool:
    """ "Sainsbury had no plans ..., a person familiar with the matter said": part of the report,
    not an answer to it. An explicit answer before the reporting cue still counts."""
    for c in found:
        if c.kind == REPORTED and c.sentence == r.sentence:
            explicit = EXPLICIT_CUE.search(text[r.cue_start : r.cue_end])
            return not (explicit and r.cue_start < c.cue_start)
    return False


def propose(text: str) -> list[ProposedClaim]:
    """Proposed claims in the order the story states them; [] when it reports none."""
    original, text = text, plain_text(text)  # the rules read the words; the strings come from `original`
    sentences = split_sentences(text)
    found = find_claims(sentences)
    if not found:
        return []
    discourse = Discourse(outlets={m.name.lower() for c in found for m in c.reporters})
    responses = find_responses(sentences, discourse)
    organisations = [m.name for m in discourse.mentioned if discourse.maybe_organisation(m.name)]
    responses = _one_name_per_party(responses, [m.name for m in discourse.recent] + organisations)
    if not responses:
        found = [c for c in found if c.kind not in (RUMOURED, ACCUSED)]
    responses = [r for r in responses if not _inside_report(r, found, text)]
    # rumours and accusations count only when somebody answers nearby
    # (an answer to "the report" answers the report, not a rumour or an accusation)
    not_about_a_report = {r.sentence for r in responses if not _ABOUT_A_REPORT.search(text[r.start : r.end])}
    found = [
        c
        for c in found
        if c.kind not in (RUMOURED, ACCUSED) or any(abs(c.sentence - s) <= 3 for s in not_about_a_report)
    ]
    if not found:
        return []
    outlet_names = _outlet_names(found)
    groups = group_claims(found, responses, text, outlet_names)
    linked = _link(responses, groups, text)
    out: list[ProposedClaim] = []
    for (c, alts), rs in zip(groups, linked, strict=True):
        reporters: list[Reporter] = []
        for m in [*c.reporters, *(r for a in alts for r in a.reporters)]:
            name = outlet_names.get(m.start, m.name)
            if name and all(outlet_key(name) != outlet_key(r.who) for r in reporters):  # "Bloomberg News" = "Bloomberg"
                reporters.append(Reporter(name, m.start, m.end))
        outlets = [r for r in reporters if not _is_generic(r.who) and not _is_source_name(r.who)]
        if outlets:  # "a report", "the rumours" are the named outlet's report
            reporters = [r for r in reporters if not _is_generic(r.who)]
        seen: set[tuple[str, Stance]] = set()
        answers: list[Response] = []
        for r in rs:
            key = (r.party.name.lower(), r.stance)
            if key in seen:
                continue
            seen.add(key)
            answers.append(
                Response(r.party.name, r.stance, original[r.start : r.end], r.start, r.end, r.cue_start, r.cue_end)
            )
        out.append(
            ProposedClaim(
                original[c.start : c.end],
                c.start,
                c.end,
                reporters,
                answers,
                c.cue_start,
                c.cue_end,
                [(a.start, a.end) for a in alts],
            )
        )
    return out
