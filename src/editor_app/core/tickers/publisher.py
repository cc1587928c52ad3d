"""Publisher self-references: the wire's own name in its copy is a byline, not a company.

"(Reuters)", "told Reuters", "a Reuters poll", "Thomson Reuters data / I/B/E/S / StarMine",
"(RTTNews)" never tag the publisher's parent. Only a sentence that names the company as a
company ("Thomson Reuters Corp", a ticker after it) still counts, because that is news about it.
"""

from __future__ import annotations

import re

# Thomson Reuters as a company: a legal form or a code right after the name.
_AS_COMPANY = re.compile(r"\s*(?:Corp(?:oration)?\b|Inc\b|plc\b|PLC\b|\(\s*(?:NYSE|TSX|Nasdaq)?:?\s*TRI|TRI\.)")
_TAIL = re.compile(
    r"(?:\s+(?:Breakingviews|Insider|News|TV|Television|Instruments|Estimates|Tankan|poll|survey|data|"
    r"calculations?|reporters?|Graphics|Eikon|I/B/E/S))*\b"
)
_OTHER = re.compile(r"\b(?:I/B/E/S|RTTNews|Lipper|StarMine|Refinitiv|LSEG\s+data)\b")
_WORDS = ("Reuters", "I/B/E/S", "RTTNews", "Lipper", "StarMine", "Refinitiv", "LSEG")


# "(Reporting by Jane Doe; Editing by Gerald E. Smith)": the wire's staff credits name people
_CREDITS = re.compile(
    r"\((?:[^()\n]{0,40}?\b)?(?:Reporting|Writing|Editing|Additional reporting|Compiled|Graphics|Research)\s+by\b[^()\n]*\)"
    r"|^(?:Reporting|Writing|Editing|Additional reporting) by\b.*$",
    re.MULTILINE,
)
_CREDIT_WORDS = ("Reporting", "Writing", "Editing", "Additional reporting", "Compiled", "Graphics", "Research")


def self_references(text: str) -> list[tuple[int, int]]:
    """Spans of the publisher naming itself, and its staff credits; the suggester does not read
    names inside them."""
    credits = " by " in text and any(w in text for w in _CREDIT_WORDS)  # the regex needs one
    out = [(m.start(), m.end()) for m in _CREDITS.finditer(text)] if credits else []
    if not any(w in text for w in _WORDS):
        return out
    pos = text.find("Reuters")
    while pos != -1:
        end = _TAIL.match(text, pos + 7).end()
        start = pos
        if text[max(0, pos - 8) : pos] in ("Thomson ", "Thomson\n"):
            start = pos - 8
            if _AS_COMPANY.match(text, pos + 7):
                start = -1  # news about the company itself
        if start >= 0 and (pos == 0 or not text[pos - 1].isalnum()):
            out.append((start, end))
        pos = text.find("Reuters", end if end > pos else pos + 7)
    if any(w in text for w in _WORDS[1:]):  # _OTHER names one of them literally
        out += [(m.start(), m.end()) for m in _OTHER.finditer(text)]
    return out
