"""Right of reply: asking each party of a claim for comment before the story runs (plain data, no Qt).

A reporter asks a party (by phone, e-mail or a request for a statement) and gives a deadline.
The request is *open* until a response of that party is recorded (the store closes it then);
once its deadline has passed without one it is *overdue*, and the story says so the way wire
desks write it. Whether a request is overdue is never stored: it is derived from `now` at read
time, so a page exported after the deadline says "did not respond" without anyone touching it.

House style for deadlines (AP-like, as the wires print them):

    Xiaomi did not respond to a request for comment by 5 p.m. HKT on Dec. 3.
    Ford did not immediately respond to a request for comment.      (deadline not yet passed)

- the time in the zone the deadline was given in: "5 p.m.", "5:30 a.m.", "noon", "midnight";
- the zone as the tz database abbreviates it (HKT, JST, GMT, BST, EST, EDT, CET ...), a few
  named where the abbreviation misleads ("Beijing time", "SGT"), else the offset ("UTC+8");
- the date as "Dec. 3" (AP months: Jan., Feb., Aug., Sept., Oct., Nov., Dec.; March to July
  in full), with the year only when it is not the year of `now`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# -- how a party was asked ------------------------------------------------------------------


class ReplyMethod(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    STATEMENT_REQUEST = "statement_request"

    @property
    def label(self) -> str:
        return {"phone": "Phone", "email": "E-mail", "statement_request": "Statement request"}[self.value]

    @property
    def phrase(self) -> str:
        """ "by phone", "by e-mail", "for a statement"."""
        return {"phone": "by phone", "email": "by e-mail", "statement_request": "for a statement"}[self.value]

    @classmethod
    def parse(cls, value: str | ReplyMethod) -> ReplyMethod:
        if isinstance(value, ReplyMethod):
            return value
        key = re.sub(r"[\s\-_]+", "_", str(value).strip().casefold())
        key = _METHOD_ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise ValueError(f"unknown way of asking {value!r}; use one of: phone, email, statement_request") from None


_METHOD_ALIASES = {
    "call": "phone",
    "telephone": "phone",
    "phoned": "phone",
    "e_mail": "email",
    "mail": "email",
    "emailed": "email",
    "statement": "statement_request",
    "request_for_statement": "statement_request",
    "request": "statement_request",
}


class ReplyState(StrEnum):
    OPEN = "open"  # asked, deadline not passed, no response yet
    OVERDUE = "overdue"  # deadline passed without a response: "did not respond by ..."
    CLOSED = "closed"  # a response of the party was recorded after the request

    @property
    def label(self) -> str:
        return {"open": "Open", "overdue": "No reply by deadline", "closed": "Answered"}[self.value]


@dataclass(frozen=True)
class ReplyRequest:
    """One request for comment to one party about one claim. Times are aware UTC datetimes;
    `zone` is the time zone the deadline was given in (an IANA name such as "Asia/Hong_Kong",
    or a fixed offset "+08:00"), kept so the story can print the deadline as it was set."""

    party: str
    method: ReplyMethod
    asked_at: datetime
    deadline: datetime
    zone: str = "UTC"
    asked_by: str = ""
    id: int | None = None
    claim_id: int | None = None
    claim_key: str = ""
    article_id: int | None = None
    closed_at: datetime | None = None
    closed_by_response_id: int | None = None  # the response row when it was closed (rows are rewritten on edits)
    closed_by: str = ""  # which response closed it, in words ("Ford: denies, 3 December 2026"), kept

    def state(self, now: datetime) -> ReplyState:
        if self.closed_at is not None:
            return ReplyState.CLOSED
        return ReplyState.OVERDUE if _aware(now) >= self.deadline else ReplyState.OPEN

    def is_open(self, now: datetime) -> bool:
        return self.state(now) is ReplyState.OPEN

    def is_overdue(self, now: datetime) -> bool:
        return self.state(now) is ReplyState.OVERDUE

    @property
    def local_deadline(self) -> datetime:
        return self.deadline.astimezone(zone_info(self.zone))

    def deadline_text(self, now: datetime | None = None) -> str:
        """ "5 p.m. HKT on Dec. 3" (the year too when it is not `now`'s)."""
        return deadline_text(self.deadline, self.zone, now)

    def sentence(self, now: datetime) -> str:
        """What the story says about this request now ("" once a response closed it)."""
        state = self.state(now)
        if state is ReplyState.OVERDUE:
            return f"{self.party} did not respond to a request for comment by {self.deadline_text(now)}."
        if state is ReplyState.OPEN:
            return f"{self.party} did not immediately respond to a request for comment."
        return ""

    def describe(self, now: datetime) -> str:
        """For the panel and the command line: "Asked by e-mail by Ana on ...; deadline ...; open"."""
        by = f" by {self.asked_by}" if self.asked_by else ""
        asked = deadline_text(self.asked_at, self.zone, now)
        text = f"Asked {self.method.phrase}{by} at {asked}; deadline {self.deadline_text(now)}"
        state = self.state(now)
        if state is ReplyState.CLOSED:
            return f"{text}; answered" + (f" ({self.closed_by})" if self.closed_by else "")
        if state is ReplyState.OVERDUE:
            return f"{text}; no reply by the deadline"
        return f"{text}; open, {time_left(self.deadline, now)} left"

    def to_dict(self, now: datetime) -> dict:
        return {
            "id": self.id,
            "claim": self.claim_key,
            "party": self.party,
            "how": self.method.value,
            "asked_at": _iso(self.asked_at),
            "asked_by": self.asked_by,
            "deadline": _iso(self.deadline),
            "deadline_local": self.local_deadline.isoformat(),
            "zone": self.zone,
            "state": self.state(now).value,
            "closed_at": _iso(self.closed_at) if self.closed_at else None,
            "closed_by": self.closed_by,
            "sentence": self.sentence(now),
        }


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


# -- time zones and the deadline as a story prints it ------------------------------------------

# where the tz database's abbreviation is a bare offset or ambiguous ("CST" is also Chicago)
_ZONE_NAMES = {
    "Asia/Shanghai": "Beijing time",
    "Asia/Singapore": "SGT",
    "Asia/Kolkata": "IST",
    "Asia/Dubai": "GST",
    "Asia/Taipei": "Taipei time",
    "Australia/Sydney": None,  # AEDT/AEST from the database
    "UTC": "GMT",
    "Etc/UTC": "GMT",
}
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)

# zones a desk offers for deadlines (the dialog's list), first the markets this app tracks
DESK_ZONES = (
    "Asia/Hong_Kong",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Kolkata",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Sydney",
    "UTC",
)


def zone_info(zone: str) -> timezone | ZoneInfo:
    """The tzinfo of `zone`: an IANA name or a fixed offset ("+08:00", "UTC+8"); UTC when unknown."""
    zone = (zone or "UTC").strip()
    m = _OFFSET.match(zone)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(sign * delta)
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def is_known_zone(zone: str) -> bool:
    zone = (zone or "").strip()
    if _OFFSET.match(zone):
        return True
    try:
        ZoneInfo(zone)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


def offset_name(offset: timedelta | None) -> str:
    """ "UTC+8", "UTC-5:30", "GMT" for zero."""
    if not offset:
        return "GMT"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


def offset_zone(when: datetime) -> str:
    """ "+08:00": the fixed zone of an aware datetime, as stored when no zone name was given."""
    offset = when.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h:02d}:{m:02d}"


def zone_abbreviation(zone: str, when: datetime) -> str:
    """How the story names the zone at that moment: "HKT", "EDT", "Beijing time", "UTC+8"."""
    zone = (zone or "UTC").strip()
    named = _ZONE_NAMES.get(zone)
    if named:
        return named
    local = _aware(when).astimezone(zone_info(zone))
    name = local.tzname() or ""
    if re.fullmatch(r"[A-Z]{2,5}", name) and name != "UTC":
        return name
    return offset_name(local.utcoffset())


_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def clock_text(local: datetime) -> str:
    """ "5 p.m.", "5:30 a.m.", "noon", "midnight" (AP style)."""
    if local.minute == 0 and local.hour == 12:
        return "noon"
    if local.minute == 0 and local.hour == 0:
        return "midnight"
    hour = local.hour % 12 or 12
    suffix = "a.m." if local.hour < 12 else "p.m."
    return f"{hour} {suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d} {suffix}"


def date_text(local: datetime, now: datetime | None = None) -> str:
    """ "Dec. 3", or "Dec. 3, 2025" when not in the year of `now`."""
    text = f"{_MONTHS[local.month - 1]} {local.day}"
    if now is not None and _aware(now).astimezone(local.tzinfo).year != local.year:
        text += f", {local.year}"
    return text


def deadline_text(deadline: datetime, zone: str, now: datetime | None = None) -> str:
    """ "5 p.m. HKT on Dec. 3": the moment in `zone`, in house style."""
    local = _aware(deadline).astimezone(zone_info(zone))
    return f"{clock_text(local)} {zone_abbreviation(zone, deadline)} on {date_text(local, now)}"


def time_left(deadline: datetime, now: datetime) -> str:
    """ "3 h 20 min", "1 day 5 h", "2 days", "45 min" (for the panel; "0 min" once due)."""
    seconds = max(0, int((deadline - _aware(now)).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days >= 2:
        return f"{days} days"
    if days == 1:
        return f"1 day {hours} h" if hours else "1 day"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def parse_deadline(text: str, zone: str = "") -> tuple[datetime, str]:
    """(deadline in UTC, zone to print it in) from "2026-12-05T17:00+08:00" or, with `zone`,
    "2026-12-05 17:00" read in that zone. A given zone name wins for printing ("HKT" rather
    than "UTC+8") when it agrees with the offset typed; a time without offset or zone is refused,
    since a deadline read in the wrong zone is hours off."""
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"not a date and time: {text!r} (use e.g. 2026-12-05T17:00+08:00)") from None
    zone = zone.strip()
    if zone and not is_known_zone(zone):
        raise ValueError(f"unknown time zone {zone!r} (use e.g. Asia/Hong_Kong or +08:00)")
    if when.tzinfo is None:
        if not zone:
            raise ValueError(f"give the deadline's time zone: {text!r} has none (e.g. 2026-12-05T17:00+08:00)")
        when = when.replace(tzinfo=zone_info(zone))
        if isinstance(zone_info(zone), ZoneInfo):  # a local time that does not exist or is doubled
            back = when.astimezone(UTC).astimezone(zone_info(zone))
            if back.replace(tzinfo=None) != when.replace(tzinfo=None):
                raise ValueError(f"{text!r} does not exist in {zone} (a clock change)")
    elif not zone:
        zone = offset_zone(when)
    return when.astimezone(UTC), zone


# -- a claim's parties and its requests -----------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _mentions(text: str, name: str) -> bool:
    words = name.split()
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?:['’]s)?(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def claim_parties(
    wording: str,
    responders: Iterable[str] = (),
    requested: Iterable[str] = (),
    known: Iterable[str] = (),
) -> list[str]:
    """Who a claim concerns, for a "Request reply…" button each: the parties that answered,
    those already asked, and known parties (organisations, people) named in its wording, in
    that order, each once."""
    out: dict[str, str] = {}
    for name in [*responders, *requested]:
        clean = " ".join(name.split())
        if clean and _key(clean) not in out:
            out[_key(clean)] = clean
    for name in known:
        clean = " ".join(name.split())
        if len(clean) >= 2 and _key(clean) not in out and _mentions(wording, clean):
            out[_key(clean)] = clean
    return list(out.values())


def for_claim(requests: Iterable[ReplyRequest], claim_id: int | None, key: str = "") -> list[ReplyRequest]:
    return [r for r in requests if (claim_id is not None and r.claim_id == claim_id) or (key and r.claim_key == key)]


def pending(requests: Iterable[ReplyRequest], now: datetime) -> list[ReplyRequest]:
    """Requests still waiting for an answer before their deadline (they block publishing)."""
    return [r for r in requests if r.is_open(now)]


def overdue(requests: Iterable[ReplyRequest], now: datetime) -> list[ReplyRequest]:
    return [r for r in requests if r.is_overdue(now)]


def story_lines(requests: Sequence[ReplyRequest], now: datetime) -> list[str]:
    """The sentences the claims box prints for a claim's requests: overdue ones as "did not
    respond ... by <deadline>", pending ones as "did not immediately respond"; one per party
    (the latest request), none for parties whose request was answered."""
    latest: dict[str, ReplyRequest] = {}
    for r in sorted(requests, key=lambda r: (r.asked_at, r.id or 0)):
        latest[_key(r.party)] = r
    return [s for r in latest.values() if (s := r.sentence(now))]


__all__ = [
    "DESK_ZONES",
    "ReplyMethod",
    "ReplyRequest",
    "ReplyState",
    "claim_parties",
    "clock_text",
    "date_text",
    "deadline_text",
    "for_claim",
    "overdue",
    "parse_deadline",
    "pending",
    "story_lines",
    "time_left",
    "zone_abbreviation",
    "zone_info",
]
