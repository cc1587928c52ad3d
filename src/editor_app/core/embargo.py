"""The embargo: a time with its zone before which a story may not go out (no Qt, no database).

Front matter `embargo: 2026-12-24T09:00:00+08:00` (ISO 8601 with an offset, or `Z`); a local
time followed by its IANA zone (`2026-12-24 09:00 Asia/Hong_Kong`) is read too and kept as the
offset that zone has on that day. A time without its zone is refused: "09:00" means nothing to a desk that spans Hong Kong and New
York. Before the embargo, export and publication are refused unless an editor overrides with
a reason, which the history keeps (`store.embargo`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_LINE = re.compile(r"^embargo(?:ed)?(?:_until)?[ \t]*:[ \t]*(.*?)[ \t]*$", re.I | re.M)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})$")
_NAMED = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)\s+([A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*)$"
)


class EmbargoError(ValueError):
    """An embargo value that cannot be read; `str()` says how to write it."""


def parse_embargo(value: str) -> datetime:
    """'2026-12-24T09:00:00+08:00' -> an aware datetime (its own offset kept)."""
    text = str(value or "").strip().strip("'\"")
    named = _NAMED.match(text)
    if named:
        return _in_named_zone(*named.groups())
    if not _ISO.match(text):
        raise EmbargoError(
            f"the embargo {text!r} is not a time with its zone; write it like 2026-12-24T09:00:00+08:00 or 2026-12-24 09:00 Asia/Hong_Kong"
        )
    try:
        when = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError as exc:
        raise EmbargoError(f"the embargo {text!r} is not a valid time ({exc})") from None
    if when.tzinfo is None:  # the pattern requires a zone; kept for safety
        raise EmbargoError(f"the embargo {text!r} has no time zone")
    return when


def _in_named_zone(day: str, clock: str, zone: str) -> datetime:
    """'2026-12-24', '09:00', 'Asia/Hong_Kong' -> 09:00 at that zone's offset on that day."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        tz = UTC if zone.upper() in ("UTC", "GMT", "Z") else ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise EmbargoError(f"{zone!r} is not a time zone; use a name like Asia/Hong_Kong or America/New_York") from None
    try:
        local = datetime.fromisoformat(f"{day}T{clock.zfill(5) if len(clock) < 5 else clock}")
    except ValueError as exc:
        raise EmbargoError(f"the embargo '{day} {clock}' is not a valid time ({exc})") from None
    aware = local.replace(tzinfo=tz)
    return aware.astimezone(timezone(aware.utcoffset() or timedelta(0)))


def embargo_value(body: str) -> str | None:
    """The raw `embargo:` value of the body's front matter (None when there is none)."""
    m = _FRONT.match(body or "")
    if not m or not m.group(1):
        return None
    line = _LINE.search(m.group(1))
    if not line:
        return None
    return line.group(1).strip().strip("'\"") or None


def embargo_of(body: str) -> datetime | None:
    """The body's embargo, or None (none, or not readable: `embargo_problem` says why)."""
    value = embargo_value(body)
    if value is None:
        return None
    try:
        return parse_embargo(value)
    except EmbargoError:
        return None


def embargo_problem(body: str) -> str:
    """Why the front matter's embargo cannot be read ("" when it can, or there is none)."""
    value = embargo_value(body)
    if value is None:
        return ""
    try:
        parse_embargo(value)
    except EmbargoError as exc:
        return str(exc)
    return ""


def with_embargo(body: str, value: str) -> str:
    """The body with its front matter's `embargo:` set to `value` ("" removes the line); a
    front matter block is added when there is none."""
    value = value.strip()
    m = _FRONT.match(body or "")
    if not m:
        return f"---\nembargo: {value}\n---\n{body}" if value else body
    inner = m.group(1) or ""
    line = _LINE.search(inner)
    if line:
        replacement = f"embargo: {value}" if value else ""
        inner = inner[: line.start()] + replacement + inner[line.end() :]
        if not value:
            inner = re.sub(r"\n\n+", "\n", inner.lstrip("\n")) if inner.strip() else ""
    elif value:
        inner = inner + f"embargo: {value}\n"
    start = m.start(1) if m.group(1) is not None else body.index("\n") + 1
    end = m.end(1) if m.group(1) is not None else start
    if not inner.strip():
        return body[m.end() :]  # the block held only the embargo
    return body[:start] + inner + body[end:]


def embargo_in_zone(utc: datetime | None, offset_minutes: int) -> datetime | None:
    """The stored UTC time in the zone the writer gave it (`offset_minutes` east of UTC)."""
    if utc is None:
        return None
    return utc.astimezone(timezone(timedelta(minutes=offset_minutes or 0)))


def offset_minutes(when: datetime) -> int:
    delta = when.utcoffset()
    return int(delta.total_seconds() // 60) if delta else 0


def under_embargo(embargo_at: datetime | None, now: datetime | None = None) -> bool:
    if embargo_at is None:
        return False
    return (now or datetime.now(UTC)) < embargo_at


def human(embargo_at: datetime) -> str:
    """ "24 December 2026, 09:00 (UTC+08:00) = 01:00 UTC" """
    local = embargo_at.strftime("%d %B %Y, %H:%M").lstrip("0")
    offset = embargo_at.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    utc = embargo_at.astimezone(UTC).strftime("%d %B %Y, %H:%M UTC").lstrip("0")
    return f"{local} ({zone})" if zone == "UTC" else f"{local} ({zone}) = {utc}"


def refusal(embargo_at: datetime, action: str = "exported") -> str:
    """The message shown when an export or a publication meets the embargo."""
    return (
        f"Embargoed until {human(embargo_at)}: it cannot be {action} before then. "
        "An editor can override with a reason, which is kept in the history."
    )


def embargo_findings(
    article: object, tickers: Iterable[object] = (), now: datetime | None = None
) -> list[tuple[str, str, str]]:
    """(level, code, message) for the checklist: the embargo of an article not yet published
    (an error once it is approved, when the next step is publication), an unreadable embargo
    line, and each session of a tagged stock's exchange the release falls in."""
    from editor_app.core.article import ArticleStatus
    from editor_app.core.sessions import session_clashes, uncovered

    status = getattr(article, "status", None)
    if status == ArticleStatus.PUBLISHED:
        return []
    out: list[tuple[str, str, str]] = []
    problem = embargo_problem(getattr(article, "body", "") or "")
    if problem:
        out.append(("error", "embargo_unreadable", problem[:1].upper() + problem[1:] + "."))
    when = getattr(article, "embargo_at", None)
    if when is None:
        return out
    if under_embargo(when, now):
        level = "error" if status == ArticleStatus.APPROVED else "warning"
        out.append(
            (
                level,
                "embargo",
                f"Embargoed until {human(when)}: publication is refused before then unless overridden with a reason.",
            )
        )
        tickers = list(tickers)
        out += [("warning", "embargo_session", c.message(when)) for c in session_clashes(tickers, when)]
        out += [
            (
                "warning",
                "embargo_session_unknown",
                f"The session table knows {name} only until {last:%d %B %Y}: check its trading hours "
                f"on the release day yourself.",
            )
            for _mic, name, last in uncovered(tickers, when)
        ]
    return out
