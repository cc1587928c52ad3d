"""Point in time: a story is tagged with the listings of its own date.

The article's date comes from its front matter (`date:`, `published:`), else the caller's, else
today. The directory does not hold IPO dates, but every US listing needs an SEC registration
first, and SEC numbers its registrants (CIK) in order: a company whose CIK was handed out after
the story's date cannot have been listed on it (Carlyle in a 2006 story, Spotify in 2012). The
CIK → date table below interpolates between registrants whose first filing is public record;
the estimate is rough, so a listing only counts as "not yet listed" a margin past its estimate.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

# (CIK, year the CIK was assigned, as a decimal year), from EDGAR's filing indexes of
# well-known registrants; monotone by construction.
CIK_YEARS: list[tuple[int, float]] = [
    (1_000_000, 1995.6),
    (1_018_724, 1996.5),  # Amazon.com
    (1_065_088, 1998.5),  # eBay
    (1_108_524, 2000.1),  # salesforce.com
    (1_288_776, 2004.3),  # Google
    (1_326_801, 2005.4),  # Facebook (TheFacebook)
    (1_403_161, 2007.5),  # Visa
    (1_418_091, 2007.9),  # Twitter
    (1_467_858, 2009.5),  # General Motors Co (new GM)
    (1_527_166, 2011.7),  # Carlyle Group
    (1_564_408, 2012.9),  # Snap
    (1_577_552, 2013.4),  # Alibaba Group
    (1_639_920, 2015.3),  # Spotify
    (1_759_509, 2018.9),  # Lyft
    (1_874_178, 2021.5),  # Rivian
    (1_973_239, 2023.4),  # Arm Holdings
]
MARGIN_YEARS = 0.5  # the estimate's error; listings are only ruled out beyond it
_DATE = re.compile(r"^(?:date|published|pubdate|dateline)\s*:\s*['\"]?(\d{4})-(\d{2})-(\d{2})", re.I | re.M)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def article_date(text: str, default: dt.date | None = None) -> dt.date:
    """The story's date: front matter `date:` (YYYY-MM-DD), else `default`, else today."""
    m = _FRONT.match(text)
    if m:
        d = _DATE.search(m.group(1))
        if d:
            try:
                return dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
            except ValueError:
                pass
    return default or dt.date.today()


def cik_year(cik: int) -> float | None:
    """Estimated year SEC assigned this CIK (None for old or unknown registrants)."""
    if cik < CIK_YEARS[0][0]:
        return None
    ciks = [c for c, _ in CIK_YEARS]
    i = bisect.bisect_right(ciks, cik) - 1
    if i >= len(CIK_YEARS) - 1:
        c0, y0 = CIK_YEARS[-2]
        c1, y1 = CIK_YEARS[-1]
    else:
        (c0, y0), (c1, y1) = CIK_YEARS[i], CIK_YEARS[i + 1]
    return y0 + (cik - c0) * (y1 - y0) / (c1 - c0)


def decimal_year(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def registered_after(cik: int, day: dt.date) -> bool:
    """True when the SEC registrant `cik` did not exist yet on `day` (so was not listed then)."""
    if not cik:
        return False
    year = cik_year(cik)
    return year is not None and year > decimal_year(day) + MARGIN_YEARS
