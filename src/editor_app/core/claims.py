"""Claims, the parties that answered them, and a status that explains itself (plain data, no Qt).

A claim is a statement one or more outlets reported ("Ford held preliminary talks with Xiaomi");
parties respond to it (Ford denies, Xiaomi denies). Its status is derived from the responses by
the rules in `derive_status`, each verdict carrying a reason in plain words that names the
parties; an editor can override it with a reason. Modelled on schema.org `Claim` (text, author,
appearance, firstAppearance, datePublished) so that export can publish it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from editor_app.core.article import utcnow

SHORT_LIMIT = 75


# -- vocabularies ---------------------------------------------------------------------------


class Stance(StrEnum):
    DENIES = "denies"
    CONFIRMS = "confirms"
    PARTIALLY_CONFIRMS = "partially_confirms"
    DECLINES_TO_COMMENT = "declines_to_comment"
    DID_NOT_RESPOND = "did_not_respond"
    CLARIFIES = "clarifies"
    RETRACTS = "retracts"

    @property
    def label(self) -> str:
        return _STANCE_LABELS[self]

    @property
    def substantive(self) -> bool:
        """Denials and confirmations (incl. partial) decide a status; the rest are mentioned."""
        return self in (Stance.DENIES, Stance.CONFIRMS, Stance.PARTIALLY_CONFIRMS)

    @classmethod
    def parse(cls, value: str | Stance) -> Stance:
        return _parse_vocab(value, cls, _STANCE_ALIASES, "stance")


_STANCE_LABELS = {
    Stance.DENIES: "Denies",
    Stance.CONFIRMS: "Confirms",
    Stance.PARTIALLY_CONFIRMS: "Partially confirms",
    Stance.DECLINES_TO_COMMENT: "Declined to comment",
    Stance.DID_NOT_RESPOND: "Did not respond",
    Stance.CLARIFIES: "Clarifies",
    Stance.RETRACTS: "Retracts",
}
_STANCE_ALIASES = {
    "deny": Stance.DENIES,
    "denied": Stance.DENIES,
    "denial": Stance.DENIES,
    "confirm": Stance.CONFIRMS,
    "confirmed": Stance.CONFIRMS,
    "confirmation": Stance.CONFIRMS,
    "partially_confirm": Stance.PARTIALLY_CONFIRMS,
    "partially_confirmed": Stance.PARTIALLY_CONFIRMS,
    "partial_confirmation": Stance.PARTIALLY_CONFIRMS,
    "partly_confirms": Stance.PARTIALLY_CONFIRMS,
    "partly_confirmed": Stance.PARTIALLY_CONFIRMS,
    "declined_to_comment": Stance.DECLINES_TO_COMMENT,
    "decline_to_comment": Stance.DECLINES_TO_COMMENT,
    "declines_comment": Stance.DECLINES_TO_COMMENT,
    "declined": Stance.DECLINES_TO_COMMENT,
    "declines": Stance.DECLINES_TO_COMMENT,
    "no_comment": Stance.DECLINES_TO_COMMENT,
    "did_not_reply": Stance.DID_NOT_RESPOND,
    "no_response": Stance.DID_NOT_RESPOND,
    "not_responded": Stance.DID_NOT_RESPOND,
    "did_not_respond_to_request": Stance.DID_NOT_RESPOND,
    "didnt_respond": Stance.DID_NOT_RESPOND,
    "no_reply": Stance.DID_NOT_RESPOND,
    "clarify": Stance.CLARIFIES,
    "clarified": Stance.CLARIFIES,
    "clarification": Stance.CLARIFIES,
    "retract": Stance.RETRACTS,
    "retracted": Stance.RETRACTS,
    "retraction": Stance.RETRACTS,
}


class Channel(StrEnum):
    STATEMENT = "statement"
    PRESS_RELEASE = "press_release"
    EXCHANGE_FILING = "exchange_filing"
    SOCIAL_MEDIA = "social_media"
    INTERVIEW = "interview"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]

    @classmethod
    def parse(cls, value: str | Channel) -> Channel:
        return _parse_vocab(value, cls, _CHANNEL_ALIASES, "channel")


_CHANNEL_LABELS = {
    Channel.STATEMENT: "Statement to media",
    Channel.PRESS_RELEASE: "Press release",
    Channel.EXCHANGE_FILING: "Exchange filing",
    Channel.SOCIAL_MEDIA: "Social media",
    Channel.INTERVIEW: "Interview",
    Channel.OTHER: "Other",
}
_CHANNEL_PHRASES = {
    Channel.STATEMENT: "in a statement to the media",
    Channel.PRESS_RELEASE: "in a press release",
    Channel.EXCHANGE_FILING: "in an exchange filing",
    Channel.SOCIAL_MEDIA: "on social media",
    Channel.INTERVIEW: "in an interview",
}
_CHANNEL_ALIASES = {
    "statement_to_media": Channel.STATEMENT,
    "media_statement": Channel.STATEMENT,
    "statement_to_the_media": Channel.STATEMENT,
    "email": Channel.STATEMENT,
    "release": Channel.PRESS_RELEASE,
    "news_release": Channel.PRESS_RELEASE,
    "filing": Channel.EXCHANGE_FILING,
    "regulatory_filing": Channel.EXCHANGE_FILING,
    "stock_exchange_filing": Channel.EXCHANGE_FILING,
    "social": Channel.SOCIAL_MEDIA,
    "social_media_post": Channel.SOCIAL_MEDIA,
    "post": Channel.SOCIAL_MEDIA,
}


class ClaimStatus(StrEnum):
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    RETRACTED = "retracted"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @classmethod
    def parse(cls, value: str | ClaimStatus) -> ClaimStatus:
        return _parse_vocab(value, cls, {}, "status")


class PartyKind(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"
    OUTLET = "outlet"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @classmethod
    def parse(cls, value: str | PartyKind) -> PartyKind:
        return _parse_vocab(
            value,
            cls,
            {
                "organization": cls.ORGANISATION,
                "company": cls.ORGANISATION,
                "media": cls.OUTLET,
                "publication": cls.OUTLET,
            },
            "party kind",
        )


def _vocab_key(value: str) -> str:
    return re.sub(r"[\s\-_]+", "_", value.strip().casefold().replace("'", "").replace("’", ""))


def _parse_vocab(value: Any, cls: Any, aliases: Mapping[str, Any], what: str) -> Any:
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = _vocab_key(value)
        try:
            return cls(key)
        except ValueError:
            if key in aliases:
                return aliases[key]
    allowed = ", ".join(m.value.replace("_", " ") for m in cls)
    raise ValueError(f"unknown {what} {value!r}; use one of: {allowed}")


# -- data -----------------------------------------------------------------------------------


@dataclass
class Party:
    id: int | None = None
    name: str = ""
    kind: PartyKind = PartyKind.ORGANISATION
    ticker: str = ""


@dataclass
class Appearance:
    """Where the claim was reported (schema.org `appearance`)."""

    id: int | None = None
    outlet: str = ""  # a party name
    title: str = ""
    url: str = ""
    date: date | None = None
    is_first: bool = False
    attribution: str = ""  # "people familiar with the matter"


@dataclass
class Response:
    id: int | None = None
    party: str = ""  # a party name; "" for an unnamed source
    stance: Stance = Stance.DENIES
    quote: str = ""  # quote or paraphrase
    spokesperson: str = ""
    date: date | None = None
    channel: Channel = Channel.STATEMENT
    reported_by: str = ""  # party name of the outlet that carried the response, may be ""
    source_url: str = ""

    @property
    def attribution(self) -> str:
        """Who said it, how, when and via whom, as a sentence a reader reads: "A Ford
        spokesperson said in a statement to the media on 2 December 2026, as reported by
        Reuters." ("" when nothing is known beyond the party and the stance)."""
        when = f"on {self.date.day} {self.date:%B %Y}" if self.date else ""
        via = f"as reported by {self.reported_by.strip()}" if self.reported_by.strip() else ""
        if self.stance in (Stance.DID_NOT_RESPOND, Stance.DECLINES_TO_COMMENT):
            parts = [p for p in (f"Asked {when}" if when else "", via) if p]
            return (", ".join(parts) + ".") if parts else ""
        who = self.spokesperson.strip()
        how = _CHANNEL_PHRASES.get(self.channel, "")
        said = " ".join(p for p in (f"{who[:1].upper()}{who[1:]} said" if who else "", how, when) if p)
        if not said:
            return (via[:1].upper() + via[1:] + ".") if via else ""
        said = said[:1].upper() + said[1:]
        return f"{said}, {via}." if via else f"{said}."


@dataclass
class StatusEvent:
    status: ClaimStatus
    reason: str
    kind: str  # "derived" | "override" | "override_cleared"
    who: str
    at: datetime


EVENT_KINDS = ("derived", "override", "override_cleared")


@dataclass(frozen=True)
class StatusVerdict:
    status: ClaimStatus
    reason: str
    overridden: bool = False


@dataclass
class Claim:
    id: int | None = None
    article_id: int | None = None
    key: str = ""  # anchor key, unique within the article ("c1")
    short: str = ""  # <= 75 characters, for lists and metadata
    wording: str = ""
    first_reported: date | None = None
    appearances: list[Appearance] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    override_status: ClaimStatus | None = None
    override_reason: str = ""
    override_by: str = ""
    override_at: datetime | None = None
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    history: list[StatusEvent] = field(default_factory=list)
    version: int = 1  # as stored: an update made from an older version is a conflict

    @property
    def derived(self) -> StatusVerdict:
        return derive_status(self)

    @property
    def effective(self) -> StatusVerdict:
        """The override when an editor set one, else the derived status."""
        if self.override_status is not None:
            return StatusVerdict(self.override_status, self.override_reason, overridden=True)
        return self.derived

    @property
    def reporting_outlets(self) -> list[str]:
        return _unique_names(a.outlet for a in self.appearances)

    @property
    def first_appearance(self) -> Appearance | None:
        """The appearance marked first, else the earliest dated one, else the first listed."""
        for a in self.appearances:
            if a.is_first:
                return a
        dated = [a for a in self.appearances if a.date is not None]
        if dated:
            return min(dated, key=lambda a: a.date)  # type: ignore[arg-type, return-value]
        return self.appearances[0] if self.appearances else None

    @property
    def date_first_reported(self) -> date | None:
        """`first_reported` if set, else the date of the first appearance."""
        if self.first_reported is not None:
            return self.first_reported
        first = self.first_appearance
        return first.date if first else None

    @property
    def display_short(self) -> str:
        return self.short.strip() or short_statement(self.wording) or "Untitled claim"


# -- status ---------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _unique_names(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        clean = " ".join(name.split())
        key = clean.casefold()
        if clean and key not in seen:
            seen.add(key)
            out.append(clean)
    return out


def join_names(names: Sequence[str]) -> str:
    """ "Ford", "Ford and Xiaomi", "Ford, Xiaomi and Tesla"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_MENTION_PHRASES = {
    Stance.DECLINES_TO_COMMENT: "declined to comment",
    Stance.DID_NOT_RESPOND: "did not respond",
    Stance.CLARIFIES: "clarified",
    Stance.RETRACTS: "retracted a statement",
}
_UNNAMED_PHRASES = {
    Stance.DENIES: "denied",
    Stance.CONFIRMS: "confirmed",
    Stance.PARTIALLY_CONFIRMS: "partially confirmed",
    **_MENTION_PHRASES,
}


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def derive_status(
    claim_or_parts: Claim | Sequence[Response] | tuple[Sequence[Appearance], Sequence[Response]],
    appearances: Sequence[Appearance] | None = None,
) -> StatusVerdict:
    """The status the responses support, with a reason naming the parties.

    Accepts a `Claim`, a `(appearances, responses)` pair, or a list of responses (with the
    appearances passed separately). Rules, in order:

    - no responses: unconfirmed ("No responses recorded");
    - a reporting outlet (one of the appearances' outlets) retracts: retracted;
    - named parties both confirm (incl. partially) and deny: disputed;
    - named parties only confirm: confirmed ("Partially confirmed by X" when partial);
    - every substantive response from a named party denies: denied;
    - otherwise (declines to comment, did not respond, clarifies, a retraction by a party
      that did not report the claim, unnamed sources): unconfirmed, naming who said what.

    When one party responded more than once, its latest substantive response counts (the
    later date; an undated response counts as older than a dated one; list order breaks ties).
    Responses without a party name never decide the status but are mentioned.
    """
    if isinstance(claim_or_parts, Claim):
        responses: Sequence[Response] = claim_or_parts.responses
        appearances = claim_or_parts.appearances
    elif (
        isinstance(claim_or_parts, tuple)
        and len(claim_or_parts) == 2
        and all(isinstance(p, (list, tuple)) for p in claim_or_parts)
    ):
        appearances, responses = claim_or_parts  # type: ignore[misc]
    else:
        responses = list(claim_or_parts)  # type: ignore[arg-type]
    appearances = appearances or []

    if not responses:
        return StatusVerdict(ClaimStatus.UNCONFIRMED, "No responses recorded")

    outlets = {_name_key(name): name for name in _unique_names(a.outlet for a in appearances)}
    retractors = _unique_names(
        outlets[_name_key(r.party)] for r in responses if r.stance is Stance.RETRACTS and _name_key(r.party) in outlets
    )
    if retractors:
        return StatusVerdict(ClaimStatus.RETRACTED, f"Retracted by {join_names(retractors)}")

    # the latest substantive response of each named party decides that party's position
    latest: dict[str, tuple[tuple[date, int], Response]] = {}
    for i, r in enumerate(responses):
        key = _name_key(r.party)
        if key and r.stance.substantive:
            order = (r.date or date.min, i)
            if key not in latest or order >= latest[key][0]:
                latest[key] = (order, r)
    deciding = sorted(latest.values(), key=lambda item: item[0][1])
    confirmed = _unique_names(r.party for _, r in deciding if r.stance is Stance.CONFIRMS)
    partial = _unique_names(r.party for _, r in deciding if r.stance is Stance.PARTIALLY_CONFIRMS)
    denied = _unique_names(r.party for _, r in deciding if r.stance is Stance.DENIES)

    clauses: list[str] = []
    if confirmed:
        clauses.append(f"confirmed by {join_names(confirmed)}")
    if partial:
        clauses.append(f"partially confirmed by {join_names(partial)}")
    if denied:
        clauses.append(f"denied by {join_names(denied)}")
    clauses.extend(_mentions(responses, set(latest)))

    if (confirmed or partial) and denied:
        status = ClaimStatus.DISPUTED
    elif confirmed or partial:
        status = ClaimStatus.CONFIRMED
    elif denied:
        status = ClaimStatus.DENIED
    else:
        status = ClaimStatus.UNCONFIRMED
    return StatusVerdict(status, _capitalize_first("; ".join(clauses)))


def _mentions(responses: Sequence[Response], deciding: set[str]) -> list[str]:
    """Clauses for the responses that did not decide: "Ford declined to comment"."""
    by_phrase: dict[str, list[str]] = {}
    unnamed: list[str] = []
    for r in responses:
        key = _name_key(r.party)
        if not key:
            phrase = _UNNAMED_PHRASES[r.stance]
            if phrase not in unnamed:
                unnamed.append(phrase)
            continue
        if r.stance.substantive:
            continue  # counted (an earlier position of a party is superseded by its latest)
        if key in deciding and r.stance is Stance.DID_NOT_RESPOND:
            continue  # "Ford denied" and "Ford did not respond" cannot both be said
        by_phrase.setdefault(_MENTION_PHRASES[r.stance], []).append(r.party)
    clauses = [f"{join_names(_unique_names(names))} {phrase}" for phrase, names in by_phrase.items()]
    if unnamed:
        clauses.append(f"an unnamed source {join_names(unnamed)} (not counted)")
    return clauses


# -- short statement --------------------------------------------------------------------------


def short_statement(text: str, limit: int = SHORT_LIMIT) -> str:
    """Whitespace collapsed; cut at a word boundary with "…" so the result fits `limit`."""
    clean = " ".join(text.split())
    if len(clean) <= limit:
        return clean
    if limit <= 1:
        return "…"[:limit]
    cut = clean[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    cut = cut.rstrip(" ,;:–—-")
    return cut + "…"


# -- JSON / front matter ------------------------------------------------------------------------
