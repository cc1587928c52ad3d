"""Does the headline (or dek) state a denied, disputed or unconfirmed claim as fact? (pure, no Qt)

"Ford in talks with Xiaomi" over the denied claim "Ford held talks with Xiaomi about an EV
partnership" states it; "Report says Ford in talks with Xiaomi; both deny" attributes it. The
method is deliberately small and explainable, so a writer sees why the warning fires:

1. Words are folded lightly: lowercase, possessive 's dropped, plurals, -ing and -ed stripped
   ("talks" -> talk, "held" -> hold), a final e dropped (agree/agreed); stop words are ignored.
2. The claim is cut into units: each name (a party that answered, or a run of capitalised
   words such as "Harbour Telecom") weighs NAME_WEIGHT, each other content word 1.
3. A field states the claim when it shares a name *and* another content word with it (two
   company names alone are a market story, not the claim), and the shared units make up most
   of the field (precision >= PRECISION) or, with two or more shared words besides the names,
   cover enough of the claim (weighted recall >= RECALL).
4. It is attributed, and passes, when it has an attribution or denial cue anywhere: "report",
   "says", "according to", "sources", "reportedly", "denies", "rejects", "confirms", a question
   mark, a negation ("no talks"), a hedge ("may", "in doubt"), or a speaker's colon ("Xiaomi:
   no talks with Ford").

The evaluation set (benchmarks/data/headline_claims.jsonl, our own sentences) and
benchmarks/bench_headline_check.py measure it; figures in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor_app.core.claims import Claim, ClaimStatus, Stance, join_names

NAME_WEIGHT = 3.0
RECALL = 0.5
PRECISION = 0.6
CHECKED = (ClaimStatus.DENIED, ClaimStatus.DISPUTED, ClaimStatus.UNCONFIRMED, ClaimStatus.RETRACTED)

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&-]*[A-Za-z0-9]|[A-Za-z0-9]")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "may",
        "might",
        "must",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "them",
        "they",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "mine",
        "not",
        "no",
        "so",
        "than",
        "then",
        "too",
        "very",
        "just",
        "also",
        "still",
        "yet",
        "more",
        "most",
        "less",
        "least",
        "some",
        "any",
        "all",
        "each",
        "both",
        "either",
        "neither",
        "such",
        "own",
        "same",
        "other",
        "another",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "while",
        "if",
        "because",
        "though",
        "although",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "here",
        "only",
        "new",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "today",
        "yesterday",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "per",
        "via",
        "amid",
        "among",
        "against",
        "between",
    ]
)

# attribution and denial: a headline with one of these tells the reader whose claim it is
_CUE_WORDS = frozenset(
    [
        "report",
        "reports",
        "reported",
        "reportedly",
        "reporting",
        "say",
        "says",
        "said",
        "saying",
        "according",
        "sources",
        "source",
        "claim",
        "claims",
        "claimed",
        "alleged",
        "allegedly",
        "allegation",
        "allegations",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "rumoured",
        "rumored",
        "speculation",
        "speculate",
        "deny",
        "denies",
        "denied",
        "denial",
        "denials",
        "reject",
        "rejects",
        "rejected",
        "refute",
        "refutes",
        "refuted",
        "dismiss",
        "dismisses",
        "dismissed",
        "dispute",
        "disputes",
        "disputed",
        "unconfirmed",
        "insiders",
        "retract",
        "retracts",
        "retracted",
        "retraction",
        "withdraw",
        "withdraws",
        "withdrawn",
        "correction",
        "corrects",
        "corrected",
        "purported",
        "purportedly",
        "cite",
        "cites",
        "citing",
        "quoted",
        "told",
        "confirm",
        "confirms",
        "confirmed",
        "warn",
        "warns",
        "warned",
        "insist",
        "insists",
        "insisted",
        "tell",
        "tells",
        "analysts",
    ]
)
# hedges: a headline that says "may" or "in doubt" does not state the claim as fact
_HEDGES = frozenset(["may", "might", "possibly", "doubt", "doubts"])
_NEGATIONS = frozenset(
    [
        "no",
        "not",
        "never",
        "none",
        "nothing",
        "n't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "doesn't",
        "didn't",
    ]
)
_SPEAKER_COLON = re.compile(r"^\s*(?:[\w'’.&-]+\s+){0,3}[\w'’.&-]+\s*:\s")

_IRREGULAR = {
    "held": "hold",
    "holds": "hold",
    "holding": "hold",
    "said": "say",
    "sold": "sell",
    "bought": "buy",
    "made": "make",
    "took": "take",
    "taken": "take",
    "won": "win",
    "met": "meet",
    "led": "lead",
    "paid": "pay",
    "ran": "run",
    "began": "begin",
    "begun": "begin",
    "struck": "strike",
    "sought": "seek",
    "went": "go",
    "gone": "go",
    "built": "build",
    "spent": "spend",
    "fell": "fall",
    "rose": "rise",
    "risen": "rise",
    "cut": "cut",
    "set": "set",
    "shut": "shut",
    "quit": "quit",
}


def lemma(word: str) -> str:
    """A light stem: "talks" -> "talk", "planned" -> "plan", "acquires"/"acquired" -> "acquir"."""
    w = word.casefold().replace("’", "'").strip("'.-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = _undouble(w[:-3])
    elif len(w) > 4 and w.endswith("ed"):
        w = _undouble(w[:-2])
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):  # agree/agreed, make/making: both end up "agr", "mak"
        stem = w.rstrip("e")
        w = stem if len(stem) >= 3 else w
    elif len(w) > 3 and w.endswith("ee"):
        w = w.rstrip("e")
    return w


def _undouble(stem: str) -> str:
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem


@dataclass(frozen=True)
class Token:
    text: str
    lemma: str
    start: int
    end: int
    capitalised: bool


def tokens(text: str) -> list[Token]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        out.append(Token(word, lemma(word), m.start(), m.end(), word[:1].isupper()))
    return out


def _content(toks: Iterable[Token]) -> list[Token]:
    return [t for t in toks if t.lemma and t.text.casefold() not in STOP_WORDS and t.lemma not in STOP_WORDS]


def attribution_cue(text: str) -> str:
    """The first cue that attributes or denies in `text` ("" when none): a cue word, "according
    to", a question mark, a negation, a speaker's colon."""
    words = [w.casefold().replace("’", "'") for w in re.findall(r"[A-Za-z']+", text)]
    for w in words:
        if w in _CUE_WORDS or w in _NEGATIONS or w in _HEDGES or w.endswith("n't"):
            return w
    if "?" in text:
        return "?"
    if _SPEAKER_COLON.match(text):
        return ":"
    return ""


@dataclass(frozen=True)
class Overlap:
    """How much of the claim a field repeats, counted in units: a name (a party or a run of
    capitalised words, "Harbour Telecom") is one unit of weight NAME_WEIGHT, found when its
    first word is in the field; any other content word is a unit of weight 1."""

    matched: tuple[Token, ...]  # tokens of the field that are claim words
    names: int  # shared names
    others: int  # shared other content words
    recall: float  # weighted share of the claim's units the field repeats
    precision: float  # share of the field's units that are the claim's

    @property
    def states(self) -> bool:
        if self.names < 1 or self.others < 1:
            return False
        # one shared word besides the names must dominate the field; two or more may carry recall
        return self.precision >= PRECISION or (self.others >= 2 and self.recall >= RECALL)


def _names(toks: Sequence[Token], parties: Iterable[str]) -> list[tuple[str, ...]]:
    """The claim's names as lemma tuples: the parties, then runs of capitalised words."""
    out: list[tuple[str, ...]] = []
    for p in parties:
        lemmas = tuple(t.lemma for t in _content(tokens(p)))
        if lemmas and lemmas not in out:
            out.append(lemmas)
    run: list[str] = []
    for t in [*toks, None]:
        if t is not None and t.capitalised and t.text.casefold() not in STOP_WORDS and not t.text.isupper():
            run.append(t.lemma)
            continue
        if run and not any(set(run) & set(n) for n in out):
            out.append(tuple(run))
        run = []
    return out


def overlap(field_text: str, wording: str, names: Iterable[str] = ()) -> Overlap:
    """Content-word overlap between a headline or dek and a claim's wording; `names` are the
    claim's parties (names even where the wording does not capitalise them)."""
    claim_toks = _content(tokens(wording))
    entities = _names(claim_toks, names)
    in_names = {w for n in entities for w in n}
    others = {t.lemma for t in claim_toks if t.lemma not in in_names}
    field_toks = _content(tokens(field_text))
    if not (entities or others) or not field_toks:
        return Overlap((), 0, 0, 0.0, 0.0)
    field_lemmas = {t.lemma for t in field_toks}
    found_names = [n for n in entities if n[0] in field_lemmas]
    name_words = {w for n in found_names for w in n}
    shared_others = others & field_lemmas
    matched = tuple(t for t in field_toks if t.lemma in name_words or t.lemma in shared_others)
    total = NAME_WEIGHT * len(entities) + len(others)
    recall = (NAME_WEIGHT * len(found_names) + len(shared_others)) / total
    # the field's units: each name found counts once, every other content word once
    rest = field_lemmas - name_words
    units = len(found_names) + len(rest)
    precision = (len(found_names) + len(shared_others)) / units if units else 0.0
    return Overlap(matched, len(found_names), len(shared_others), recall, precision)


@dataclass(frozen=True)
class Finding:
    """A field that states the claim: which, where (str offsets into the field), and why."""

    field: str  # "title" | "dek"
    start: int
    end: int
    quoted: str
    message: str


def _status_words(claim: Claim) -> str:
    verdict = claim.effective
    reason = verdict.reason.strip()
    label = verdict.status.label.lower()
    if reason and reason.casefold().startswith(label):
        return "the claim is " + reason[:1].lower() + reason[1:]
    return f"the claim is {label}" + (f" ({reason[:1].lower() + reason[1:]})" if reason else "")


def _deniers(claim: Claim) -> list[str]:
    return list(dict.fromkeys(r.party for r in claim.responses if r.stance is Stance.DENIES and r.party.strip()))


def _span(text: str, matched: Sequence[Token]) -> tuple[int, int]:
    """From the first to the last claim word the field repeats (the words to select)."""
    return min(t.start for t in matched), max(t.end for t in matched)


def check_field(field: str, text: str, claim: Claim) -> Finding | None:
    """A finding when `text` (the headline or the dek) states `claim` as fact and the claim is
    denied, disputed, unconfirmed or retracted; None otherwise."""
    if claim.effective.status not in CHECKED or not text.strip():
        return None
    wording = claim.wording.strip() or claim.short.strip()
    if not wording or attribution_cue(text):
        return None
    parties = [r.party for r in claim.responses if r.party.strip()]
    found = overlap(text, wording, parties)
    if not found.states:
        return None
    start, end = _span(text, found.matched)
    quoted = text[start:end]
    what = "headline" if field == "title" else "dek"
    deniers = _deniers(claim)
    advice = f"Attribute it: “Report says {quoted}”"
    if deniers:
        verb = "denies" if len(deniers) == 1 else "deny"
        advice += f", or give the denial: “{quoted}? {join_names(deniers)} {verb}”"
    message = f"The {what} states “{quoted}” as fact; {_status_words(claim)}. {advice}."
    return Finding(field, start, end, quoted, message)


def check_claim(title: str, dek: str, claim: Claim) -> list[Finding]:
    """Findings for the headline and the dek against one claim."""
    return [f for f in (check_field("title", title, claim), check_field("dek", dek, claim)) if f is not None]


__all__ = [
    "CHECKED",
    "Finding",
    "Overlap",
    "attribution_cue",
    "check_claim",
    "check_field",
    "lemma",
    "overlap",
    "tokens",
]
