"""Trading sessions of the main exchanges, holidays and half days included (no Qt).

An embargo that lifts while a market of a tagged stock is trading moves that stock: the desk
wants to know before it agrees to the time. The table (resources/sessions/sessions.json) is
generated from the `exchange_calendars` library by scripts/export_sessions.py; its README
records the source and the years it covers. Beyond the table's last day nothing is claimed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from editor_app.resources import read_text


@dataclass(frozen=True)
class Session:
    """One trading day of one exchange: open and close (aware, local), and its lunch break."""

    mic: str
    opens: datetime
    closes: datetime
    break_start: datetime | None = None
    break_end: datetime | None = None

    def trading_at(self, when: datetime) -> bool:
        if not (self.opens <= when < self.closes):
            return False
        return not (self.break_start and self.break_end and self.break_start <= when < self.break_end)

    def hours(self) -> str:
        """ "09:30-12:00, 13:00-16:00 HKT" in the exchange's own time."""
        fmt = "%H:%M"
        if self.break_start and self.break_end:
            text = f"{self.opens:{fmt}}-{self.break_start:{fmt}}, {self.break_end:{fmt}}-{self.closes:{fmt}}"
        else:
            text = f"{self.opens:{fmt}}-{self.closes:{fmt}}"
        return f"{text} {self.opens.tzname()}"


@cache
def _table() -> dict:
    try:
        return json.loads(read_text("sessions", "sessions.json"))
    except (OSError, ValueError):
        return {"exchanges": {}}


def _regular(mic: str) -> list[str]:
    return _table()["exchanges"].get(mic, {}).get("regular", ["", "", "", ""])


def known_exchanges() -> list[str]:
    return sorted(_table()["exchanges"])


def covered(mic: str, day: date) -> bool:
    """Whether the table knows this exchange on this day."""
    entry = _table()["exchanges"].get(mic)
    if not entry:
        return False
    first = date(int(_table()["years"][0]), 1, 1)
    return first <= day <= date.fromisoformat(entry["until"])


def session_on(mic: str, day: date) -> Session | None:
    """The exchange's session on its local `day` (None: closed, or not in the table)."""
    entry = _table()["exchanges"].get(mic)
    if not entry or not covered(mic, day):
        return None
    key = day.isoformat()
    if day.weekday() >= 5 or key in entry["holidays"]:
        return None
    opens, b1, b2, closes = entry["special"].get(key, entry["regular"])
    zone = ZoneInfo(entry["tz"])

    def at(hhmm: str) -> datetime | None:
        if not hhmm:
            return None
        return datetime.combine(day, time.fromisoformat(hhmm), zone)

    return Session(mic, at(opens), at(closes), at(b1), at(b2))  # type: ignore[arg-type]


def session_at(mic: str, when: datetime) -> Session | None:
    """The session trading at `when` (aware), or None."""
    entry = _table()["exchanges"].get(mic)
    if not entry:
        return None
    local = when.astimezone(ZoneInfo(entry["tz"]))
    for day in (local.date(), local.date() - timedelta(days=1)):
        session = session_on(mic, day)
        if session is not None and session.trading_at(when):
            return session
    return None


def uncovered(tags: Iterable[object], when: datetime) -> list[tuple[str, str, date]]:
    """(mic, exchange as the desk writes it, last day known) for each tagged exchange in the
    table whose sessions on the release day it does not know yet: the desk checks those by
    hand rather than read silence as "closed"."""
    out: dict[str, tuple[str, str, date]] = {}
    for tag in tags:
        mic = getattr(tag, "mic", "")
        entry = _table()["exchanges"].get(mic)
        if not entry or mic in out:
            continue
        day = when.astimezone(ZoneInfo(entry["tz"])).date()
        if not covered(mic, day):
            out[mic] = (mic, getattr(tag, "exchange", "") or mic, date.fromisoformat(entry["until"]))
    return list(out.values())


@dataclass(frozen=True)
class SessionClash:
    """A release time inside a session of a tagged stock's exchange."""

    mic: str
    exchange: str  # as the desk writes it ("HKEX")
    symbols: tuple[str, ...]
    session: Session

    def message(self, when: datetime) -> str:
        local = when.astimezone(self.session.opens.tzinfo)
        stocks = ", ".join(self.symbols)
        return (
            f"The embargo lifts at {local:%H:%M} {local.tzname()} on {local:%d %B %Y}, during the "
            f"{self.exchange} session ({self.session.hours()}): {stocks} will be trading."
        )


def session_clashes(tags: Iterable[object], when: datetime | None) -> list[SessionClash]:
    """The exchanges of `tags` (TickerTag-like: symbol, mic, exchange) trading at `when`."""
    if when is None:
        return []
    by_mic: dict[str, list[object]] = {}
    for tag in tags:
        mic = getattr(tag, "mic", "")
        if mic:
            by_mic.setdefault(mic, []).append(tag)
    out = []
    for mic, group in by_mic.items():
        session = session_at(mic, when)
        if session is not None:
            name = getattr(group[0], "exchange", "") or mic
            out.append(SessionClash(mic, name, tuple(getattr(t, "symbol", "") for t in group), session))
    return out
