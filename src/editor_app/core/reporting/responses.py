"""How each party answered: the stance cue, the party that carries it, and the words quoted.

One sentence can hold two answers from one party ("denied the report but declined to say
whether ..."), so sentences are cut into clauses first; a clause without its own subject
belongs to the party of the clause before. Content cues ("no talks", "groundless") only count
inside reported speech, so narrative sentences do not turn into denials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.core.claims import Stance
from editor_app.core.reporting.lexicon import (
    ANONYMOUS_SOURCES,
    BARE_SOURCES,
    FALSITY,
    MISQUOTED,
    NOT_ABOUT_A_CLAIM,
    OTHER_PERSON,
    RESPONSE_CUES,
    SPEECH_VERBS,
)
from editor_app.core.reporting.parties import (
    PRONOUN,
    Discourse,
    Mention,
    agent_before,
    has_subject,
    mask,
    note_lists,
    skip_adverbial,
    speakers,
)
from editor_app.core.reporting.sentences import Sentence

# where a sentence falls into clauses with their own answer
_CLAUSE_BREAK = re.compile(
    r",?\s+but\s+|;\s+|,\s+after\s+(?=(?:the|a|an|it|its)\s)|,?\s+while\s+|,\s+although\s+|,\s+though\s+|,\s+as\s+|,\s+whereas\s+|,\s+and\s+|\s+and\s+(?=(?:said|added|declined|denied)\b)"
)
# cues that are only an answer when somebody is speaking
EXPLICIT_CUE = re.compile(
    r"den(?:ied|ies|ying|y)|denial|reject|dismiss|refut|contradict|cold\s+water|play|downplay|called|calling|"
    r"described|describing|branded|termed|label|declin|refus|comment|reach|available|respond|repl|return|"
    r"retract|withdr|remov|pull|took|taken|delet|apolog|clarif|misquot|mis\w+|confirm|stand|stood|acknowledg|accept|admit",
    re.I,
)


@dataclass(frozen=True)
class FoundResponse:
    party: Mention
    stance: Stance
    start: int  # the clause that carries the answer
    end: int
    cue_start: int
    cue_end: int
    sentence: int  # index into the article's sentences


def _clauses(s: Sentence) -> list[tuple[int, str]]:
    """(offset in the article, text) for each clause of the sentence (not inside a relative clause)."""
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(mask(s.text)):
        out.append((s.start + pos, s.text[pos : m.start()]))
        pos = m.end()
    out.append((s.start + pos, s.text[pos:]))
    return [(o, t) for o, t in out if t.strip()]


def _stance_in(clause: str, speaking: bool) -> list[tuple[Stance, re.Match[str]]]:
    """The answers a clause gives: usually one; "misquoted" and a denial together give both."""
    hits: list[tuple[Stance, re.Match[str]]] = []
    for stance, pattern in RESPONSE_CUES:
        for m in pattern.finditer(clause):
            other = NOT_ABOUT_A_CLAIM.search(clause, m.start())
            if other is not None and other.start() < m.end():  # "confirmed its forecast": not an answer
                continue
            if not speaking and not EXPLICIT_CUE.search(m.group(0)):
                continue
            hits.append((stance, m))
            break
    if not hits:
        return []
    first = hits[0]
    if first[0] is Stance.CLARIFIES and MISQUOTED.search(first[1].group(0)):
        if FALSITY.search(clause):  # "out of context and inaccurate"
            return [next(h for h in hits if h[0] is Stance.DENIES)]
        denial = next((h for h in hits if h[0] is Stance.DENIES), None)
        return [first, denial] if denial else [first]
    return [first]


def _is_source(text: str) -> bool:
    """Unnamed sources confirming a report make a claim, not a response."""
    return bool(ANONYMOUS_SOURCES.search(text) or BARE_SOURCES.search(text) or OTHER_PERSON.match(text))


def _embedded(clause: str, cue_at: int) -> bool:
    """The cue sits inside what somebody said ("Sources said X had rejected ...")."""
    return bool(SPEECH_VERBS.search(clause[:cue_at]))


def _partial(found: list[FoundResponse], index: int) -> None:
    """One party confirming one part and denying another in one sentence partially confirms."""
    here = [r for r in found if r.sentence == index]
    for r in here:
        if r.stance is not Stance.CONFIRMS:
            continue
        denial = next((d for d in here if d.stance is Stance.DENIES and d.party.name == r.party.name), None)
        if denial:
            found.remove(denial)
            found[found.index(r)] = FoundResponse(
                r.party, Stance.PARTIALLY_CONFIRMS, r.start, denial.end, r.cue_start, r.cue_end, index
            )


def _opens_quote(text: str) -> bool:
    """'"There are no talks.' : a quote that goes on into the next sentence."""
    return text.lstrip()[:1] in '"“' and (text.count('"') + text.count("“") + text.count("”")) % 2 == 1


def _speaker_after_quote(sentences: list[Sentence], index: int, discourse: Discourse) -> list[Mention]:
    """The speaker named where the quote closes ('... are false," he said.'), up to three sentences on."""
    for later in sentences[index + 1 : index + 4]:
        if later.heading:
            break
        if re.search(r"[,.!?][\"”]", later.text):
            return speakers(later.text, later.start, discourse)
    return []


def find_responses(sentences: list[Sentence], discourse: Discourse) -> list[FoundResponse]:
    found: list[FoundResponse] = []
    for index, s in enumerate(sentences):
        if s.heading:
            continue
        speaking = bool(SPEECH_VERBS.search(s.text)) or "\u201c" in s.text or '"' in s.text
        parties: list[Mention] = []
        for offset, clause in _clauses(s):
            hits = _stance_in(clause, speaking)
            cue_at = hits[0][1].start() if hits else None
            own = (hits and agent_before(clause, hits[0][1].start(), offset, discourse)) or speakers(
                clause, offset, discourse, cue_at
            )
            if hits and not own and _opens_quote(s.text):
                own = _speaker_after_quote(sentences, index, discourse)
            head = clause[skip_adverbial(clause) :]
            if parties and PRONOUN.match(head):
                own = parties  # "..., but they said ...": the party of the clause before
            if own:
                parties = own
            elif has_subject(head):
                parties = []  # a subject we could not resolve: do not guess the clause before's
            discourse.note_mentions(clause, offset)
            if not hits or not parties:
                continue
            for stance, m in hits:
                if stance is Stance.CONFIRMS and _is_source(clause):
                    continue
                for party in parties:
                    if _is_source(party.name) and _embedded(clause, m.start()):
                        continue
                    found.append(
                        FoundResponse(
                            party,
                            stance,
                            offset,
                            offset + len(clause.rstrip()),
                            offset + m.start(),
                            offset + m.end(),
                            index,
                        )
                    )
        _partial(found, index)
        note_lists(s.text, s.start, discourse)
        named = [p for p in parties if p.name[:1].isupper()]
        if named:
            discourse.note(named)
        if named and all(p.name.lower() in discourse.outlets for p in named):
            # "The FT reported that Ford was in talks ...": "the company" next is Ford
            after = max(p.end for p in named)  # after the outlet: "Separately, Der Spiegel reported that X ..."
            first = next(
                (m for m in discourse.mentioned if m.start >= after and discourse.maybe_organisation(m.name)), None
            )
            if first:
                discourse.note([first])
    return found
