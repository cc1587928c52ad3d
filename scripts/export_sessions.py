"""Write resources/sessions/sessions.json from the `exchange_calendars` library.

The app does not depend on exchange_calendars (it brings pandas and numpy, ~165 MB, for one
warning): this script is run by hand, in a scratch venv, when the table needs another year:

    python -m venv /tmp/xc && /tmp/xc/bin/pip install exchange_calendars
    /tmp/xc/bin/python scripts/export_sessions.py 2026 2027

Per exchange: its time zone, its regular local hours (open, close, and the lunch break where
there is one), the weekdays that are not sessions (holidays), and the sessions whose hours
differ from the regular ones (half days). See resources/sessions/README.md.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import exchange_calendars as xc
import pandas as pd

MICS = [
    "XNYS", "XNAS", "XASE", "ARCX", "XHKG", "XSHG", "XSHE", "XTKS", "XLON", "XETR", "XPAR",
    "XAMS", "XSWX", "XASX", "XTSE", "XKRX", "XSES", "XTAI", "XBOM", "XNSE", "XMIL", "XMAD",
]  # fmt: skip


# venues the library has no calendar of, with the calendar whose sessions they share
SAME_AS = {"XSHE": "XSHG", "XNSE": "XBOM"}


def local(ts: pd.Timestamp | None, tz: str) -> str:
    return "" if ts is None or pd.isna(ts) else ts.tz_convert(tz).strftime("%H:%M")


def export(first: int, last: int) -> dict:
    out: dict = {
        "source": f"exchange_calendars {version('exchange_calendars')} (https://github.com/gerrymanoim/exchange_calendars, Apache-2.0)",
        "years": [first, last],
        "exchanges": {},
    }
    for mic in MICS:
        name = SAME_AS.get(mic, mic)
        try:
            cal = xc.get_calendar(name, start=f"{first}-01-01", end=f"{last}-12-31")
        except ValueError:  # holidays not recorded that far: as far as the library knows
            cal = xc.get_calendar(name, start=f"{first}-01-01")
        tz = str(cal.tz)
        until = min(pd.Timestamp(f"{last}-12-31"), cal.last_session).strftime("%Y-%m-%d")
        sched = cal.schedule.loc[f"{first}-01-01" : until]
        hours = {}
        for day, row in sched.iterrows():
            hours[day.strftime("%Y-%m-%d")] = [
                local(row["open"], tz),
                local(row.get("break_start"), tz),
                local(row.get("break_end"), tz),
                local(row["close"], tz),
            ]
        regular = Counter(tuple(h) for h in hours.values()).most_common(1)[0][0]
        weekdays = pd.bdate_range(f"{first}-01-01", until)
        holidays = [d.strftime("%Y-%m-%d") for d in weekdays if d.strftime("%Y-%m-%d") not in hours]
        special = {d: h for d, h in hours.items() if tuple(h) != regular}
        out["exchanges"][mic] = {
            "calendar": cal.name,
            "tz": tz,
            "until": until,  # the table says nothing about later days
            "regular": list(regular),
            "holidays": holidays,
            "special": special,
        }
    return out


def main(argv: list[str]) -> int:
    first, last = (int(argv[1]), int(argv[2])) if len(argv) > 2 else (2026, 2027)
    data = export(first, last)
    path = Path(__file__).resolve().parents[1] / "resources" / "sessions" / "sessions.json"
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
