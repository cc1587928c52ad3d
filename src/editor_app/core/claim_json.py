"""Claims as JSON (export, front matter, `articles show --json`) and back: every field, dates as
ISO strings, vocabularies by their names; input from outside is checked and a bad value is
refused with a message that names it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from editor_app.core.article import utcnow
from editor_app.core.claims import (
    EVENT_KINDS,
    Appearance,
    Channel,
    Claim,
    ClaimStatus,
    Response,
    Stance,
    StatusEvent,
    short_statement,
)


def _iso(d: date | datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """JSON-ready claim for `show --json`, export and other tools."""
    verdict = claim.effective
    first = claim.first_appearance
    return {
        "id": claim.id,
        "key": claim.key,
        "text": claim.wording,
        "short": claim.display_short if (claim.short or claim.wording) else "",
        "status": verdict.status.value,
        "status_label": verdict.status.label,
        "status_reason": verdict.reason,
        "overridden": verdict.overridden,
        "derived_status": claim.derived.status.value if verdict.overridden else verdict.status.value,
        "override": (
            {
                "status": claim.override_status.value,
                "reason": claim.override_reason,
                "by": claim.override_by,
                "at": _iso(claim.override_at),
            }
            if claim.override_status is not None
            else None
        ),
        "first_reported": _iso(claim.date_first_reported),
        "reported_by": [
            {
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "date": _iso(a.date),
                "first": a is first,
                "attribution": a.attribution,
            }
            for a in claim.appearances
        ],
        "responses": [
            {
                "party": r.party,
                "stance": r.stance.value,
                "stance_label": r.stance.label,
                "quote": r.quote,
                "spokesperson": r.spokesperson,
                "date": _iso(r.date),
                "channel": r.channel.value,
                "reported_by": r.reported_by,
                "source_url": r.source_url,
            }
            for r in claim.responses
        ],
        "history": [
            {"status": e.status.value, "reason": e.reason, "kind": e.kind, "who": e.who, "at": _iso(e.at)}
            for e in claim.history
        ],
        "created_at": _iso(claim.created_at),
        "updated_at": _iso(claim.updated_at),
    }


def parse_date(value: Any, what: str = "date") -> date | None:
    """A date from YAML (`date`/`datetime`) or an ISO string; None for empty."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)")


def parse_datetime(value: Any, what: str = "time") -> datetime | None:
    """An aware UTC datetime from a `datetime`, `date` or ISO string; None for empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{what}: {value!r} is not a date and time (use ISO 8601)") from None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    raise ValueError(f"{what}: {value!r} is not a date and time")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value).strip()


def _items(value: Any, what: str) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, (Mapping, str)):
        return [value]
    raise ValueError(f"{what}: expected a list or a mapping, got {type(value).__name__}")


def _appearance_from(value: Any) -> Appearance:
    if isinstance(value, str):
        return Appearance(outlet=value.strip())
    if not isinstance(value, Mapping):
        raise ValueError(f"reported_by: expected a mapping with 'outlet', got {value!r}")
    outlet = value.get("outlet", value.get("name", value.get("party", "")))
    return Appearance(
        outlet=_text(outlet),
        title=_text(value.get("title")),
        url=_text(value.get("url")),
        date=parse_date(value.get("date"), "reported_by date"),
        is_first=bool(value.get("first", value.get("is_first", False))),
        attribution=_text(value.get("attribution")),
    )


def _response_from(value: Any) -> Response:
    if not isinstance(value, Mapping):
        raise ValueError(f"responses: expected a mapping with 'party' and 'stance', got {value!r}")
    if "stance" not in value or value["stance"] in (None, ""):
        raise ValueError(f"response of {_text(value.get('party')) or 'an unnamed party'} has no stance")
    channel = value.get("channel")
    return Response(
        party=_text(value.get("party")),
        stance=Stance.parse(value["stance"] if isinstance(value["stance"], Stance) else _text(value["stance"])),
        quote=_text(value.get("quote")),
        spokesperson=_text(value.get("spokesperson")),
        date=parse_date(value.get("date"), "response date"),
        channel=Channel.parse(channel) if channel else Channel.STATEMENT,
        reported_by=_text(value.get("reported_by")),
        source_url=_text(value.get("source_url", value.get("url"))),
    )


def _event_from(value: Any) -> StatusEvent:
    if not isinstance(value, Mapping):
        raise ValueError(f"history: expected a mapping, got {value!r}")
    kind = _text(value.get("kind")) or "derived"
    if kind not in EVENT_KINDS:
        raise ValueError(f"history: unknown kind {kind!r}; use one of: {', '.join(EVENT_KINDS)}")
    return StatusEvent(
        status=ClaimStatus.parse(_text(value.get("status"))),
        reason=_text(value.get("reason")),
        kind=kind,
        who=_text(value.get("who")),
        at=parse_datetime(value.get("at"), "history time") or utcnow(),
    )


def claim_from_dict(d: Mapping[str, Any]) -> Claim:
    """A claim from `claim_to_dict` output or from Markdown front matter (`claims:` items).

    Front matter keys: text (or wording), short, key, reported_by (a mapping, a list of them,
    or an outlet name), first_reported, responses. The optional `anchor` phrase is not part of
    the claim: the importer reads it from the mapping and anchors it in the body.
    Raises ValueError with a message naming the bad value.
    """
    if not isinstance(d, Mapping):
        raise ValueError(f"a claim must be a mapping, got {type(d).__name__}")
    wording = " ".join(_text(d.get("text", d.get("wording", ""))).split())
    if not wording:
        raise ValueError("a claim needs a 'text'")
    short = short_statement(_text(d.get("short")) or wording)
    key = _text(d.get("key"))
    claim = Claim(
        id=d.get("id") if isinstance(d.get("id"), int) else None,
        key=key,
        short=short,
        wording=wording,
        first_reported=parse_date(d.get("first_reported"), "first_reported"),
        appearances=[_appearance_from(a) for a in _items(d.get("reported_by", d.get("appearances")), "reported_by")],
        responses=[_response_from(r) for r in _items(d.get("responses"), "responses")],
        history=[_event_from(e) for e in _items(d.get("history"), "history")],
    )
    override = d.get("override")
    if isinstance(override, Mapping) and override.get("status"):
        claim.override_status = ClaimStatus.parse(_text(override["status"]))
        claim.override_reason = _text(override.get("reason"))
        claim.override_by = _text(override.get("by"))
        claim.override_at = parse_datetime(override.get("at"), "override time")
    elif d.get("overridden") and d.get("status"):
        claim.override_status = ClaimStatus.parse(_text(d["status"]))
        claim.override_reason = _text(d.get("status_reason"))
    if claim.override_status is not None and not claim.override_reason:
        raise ValueError(f"the status override of claim {wording[:40]!r} needs a reason")
    for attr in ("created_at", "updated_at"):
        when = parse_datetime(d.get(attr), attr)
        if when is not None:
            setattr(claim, attr, when)
    return claim
