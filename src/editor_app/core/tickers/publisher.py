"""Publisher self-references: the wire's own name in its copy is a byline, not a company.

"(Reuters)", "told Reuters", "a Reuters poll", "Thomson Reuters data / I/B/E/S / StarMine",
"(RTTNews)" never tag the publisher's parent. Only a sentence that names the company as a
company ("Thomson Reuters Corp", a ticker after it) still counts, because that is news about it.
"""

from __future__ import annotations

import re

# Thomson Reuters as a company: a legal form or a code right after the name.
_AS_COMPANY = re.compile(r"\s*(?:Corp(?:oration)?\b|Inc\b|plc\b|PLC\b|\(\s*(?:NYSE|TSX|Nasdaq)?:?\s*TRI|TRI\.)")
_SELF = re.compile(
    r"(?:\bThomson\s+)?\bReuters(?:\s+(?:Breakingviews|Insider|News|TV|Television|Instruments|Estimates|"
    r"Tankan|poll|survey|data|calculations?|reporters?|Graphics|Eikon|I/B/E/S))*\b|"
    r"\bI/B/E/S\b|\bRTTNews\b|\bLipper\b|\bStarMine\b|\bRefinitiv\b|\bLSEG\s+data\b",
)


def self_references(text: str) -> list[tuple[int, int]]:
    """Spans of the publisher naming itself; the suggester does not read names inside them."""
    out = []
    for m in _SELF.finditer(text):
        if m.group(0).startswith("Thomson") and _AS_COMPANY.match(text, m.end()):
            continue
        out.append((m.start(), m.end()))
    return out
