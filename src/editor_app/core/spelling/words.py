"""Which words of a Markdown text are prose to spell-check (no Qt, no dictionary).

A newsroom text is full of things a dictionary must never see: code, URLs and e-mail
addresses, claim markers (`<!--claim c1-->`), cashtags (`$F`), tickers (`NYSE: F`, `1810.HK`),
numbers with units (`5bn`, `10km`, `Q3`), all-caps abbreviations (`IPO`, `HKEX`). Flagging
them would bury the real typos, so they are cut out before any word is looked up.

The editor checks one block (line) at a time: `line_words(line)` needs nothing but the line;
`text_words(text)` walks a whole text, skipping front matter and fenced code blocks, and gives
offsets into that text (Python str indices).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Spans of a line that are never prose, each with a cheap test of the line that must pass
# before its pattern runs (most prose lines trigger one or two of them).
_NOT_PROSE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (trigger, re.compile(pattern, re.MULTILINE))
    for trigger, pattern in [
        ("`", r"(`+)(?!`).+?(?<!`)\1(?!`)"),  # inline code
        ("<!--", r"<!--.*?(?:-->|$)"),  # HTML comments, claim markers <!--claim c1--> <!--/claim-->
        ("<", r"</?[A-Za-z][^<>]*>"),  # HTML tags and <autolinks>
        ("](", r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link and image targets ](url "title")
        ("]:", r"^\s{0,3}\[[^\]]+\]:.*$"),  # reference definitions [x]: url
        ("[^", r"\[\^[^\]\s]+\]"),  # footnote references [^1]
        ("://", r"[A-Za-z][A-Za-z0-9+.-]{0,31}://\S*"),  # URLs with a scheme
        ("www.", r"\bwww\.\S+"),
        ("@", r"(?:mailto:)?[\w.+-]*\w@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
        ("@", r"(?<![\w@])@\w+"),  # @handles
        ("#", r"(?<![\w#&])#\w[\w-]*"),  # #hashtags (a heading has a space after its #)
        ("$", r"\$[A-Za-z][A-Za-z0-9.\-]*"),  # cashtags $F $BRK.B
        (":", r"(?<!\w)(?:[A-Z]{2,10}|Nasdaq|Xetra|Euronext)\s?:\s?[A-Z0-9][A-Z0-9.\-]{0,9}\b(?![a-z])"),  # NYSE: F
        (".", r"(?<![\w.])\w+(?:\.\w+)+"),  # 1810.HK, BRK.B, example.com, e.g, U.S (no space after the dot)
        ("&", r"&#?\w+;"),  # HTML entities
        ("+", r"\w+(?:\+\w+)+"),  # keys: Ctrl+N, Shift+F7
        ("{", r"\{[#.][^}]*\}"),  # attribute lists {#id .class}
    ]
)
_DOTTED = re.compile(r"\w\.\w")


def _mask(line: str) -> str:
    """The line with every non-prose span blanked (same length, so offsets stay)."""
    spans: list[tuple[int, int]] = []
    for trigger, pattern in _NOT_PROSE:
        if trigger in line and (trigger != "." or _DOTTED.search(line)):
            spans.extend(m.span() for m in pattern.finditer(line))
    if not spans:
        return line
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end > pos:
            start = max(start, pos)
            pieces += (line[pos:start], " " * (end - start))
            pos = end
    pieces.append(line[pos:])
    return "".join(pieces)


# A word: letters (any script), inner apostrophes and hyphens; digits are taken in so that a
# number with a unit ("5bn", "10km", "H1") is one token, which is then skipped.
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_LANG_LINE = re.compile(r"^lang(?:uage)?[ \t]*:[ \t]*[\"']?([^\"'\n#]*)", re.MULTILINE | re.IGNORECASE)


class Word(NamedTuple):
    """A word to look up: text[start:end] == word (str indices into the text it came from)."""

    start: int
    end: int
    word: str


def _checkable(part: str) -> bool:
    """Single letters, abbreviations in capitals and scripts no Latin-alphabet dictionary knows
    (Chinese names of a Hong Kong desk) are not looked up."""
    if len(part) < 2 or part.isupper():
        return False  # IPO, HKEX, CEO's
    if part[-1] == "s" and part[:-1].isupper():
        return False  # CEOs, IPOs
    return part.isascii() or not _FAR_SCRIPT.search(part)


_FAR_SCRIPT = re.compile("[\u2e80-\U0010ffff]")
_DIGIT = re.compile(r"\d")


def line_words(line: str) -> list[Word]:
    """The prose words of one line outside a code block (offsets into the line)."""
    if not line or line.isspace():
        return []
    masked = _mask(line)
    out: list[Word] = []
    for m in _TOKEN.finditer(masked):
        token = m.group()
        if not token.isalpha() and _DIGIT.search(token):
            continue  # 5bn, Q3, 2025-26, COVID-19
        start = m.start()
        if "-" not in token:
            if _checkable(token):
                out.append(Word(start, m.end(), token))
            continue
        for part in token.split("-"):
            if _checkable(part):
                out.append(Word(start, start + len(part), part))
            start += len(part) + 1
    return out


def front_matter_end(text: str) -> int:
    """Where a leading `---` YAML block ends (0 when there is none)."""
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def front_matter_languages(text: str) -> list[str]:
    """`lang: en_GB, en_US` (or `language:`) in a leading front matter block, else []."""
    end = front_matter_end(text)
    if not end:
        return []
    m = _LANG_LINE.search(text, 0, end)
    return parse_languages(m.group(1)) if m else []


def parse_languages(value: str) -> list[str]:
    """ "en-GB, en_US zh" -> ["en_GB", "en_US", "zh"] (Enchant's spelling of tags)."""
    out: list[str] = []
    for raw in re.split(r"[\s,;]+", value or ""):
        tag = raw.strip().replace("-", "_")
        if not re.fullmatch(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})?", tag):
            continue
        lang, _, region = tag.partition("_")
        tag = lang.lower() + (f"_{region.upper()}" if region else "")
        if tag not in out:
            out.append(tag)
    return out


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


class FenceTracker:
    """Follows code blocks line by line: fenced ones (a ```` fence is not closed by ```) and
    indented ones (four spaces or a tab after a blank line, outside a list item, where an
    indented paragraph belongs to the item)."""

    def __init__(self) -> None:
        self.fence = ""
        self.after = "blank"  # what the previous line was: blank, code, prose, list, list-blank

    def is_code(self, line: str) -> bool:
        """Feed the next line: is it code (inside a block, or a fence line itself)?"""
        m = _FENCE.match(line)
        if self.fence:
            if m and m.group(1)[0] == self.fence[0] and len(m.group(1)) >= len(self.fence) and not m.group(2).strip():
                self.fence = ""
                self.after = "blank"
            return True
        if not line.strip():
            self.after = (
                "list-blank" if self.after in ("list", "list-blank") else ("code" if self.after == "code" else "blank")
            )
            return False
        indented = line.startswith(("    ", "\t", " \t", "  \t", "   \t"))
        if indented and self.after in ("blank", "code"):
            self.after = "code"
            return True
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            self.fence = m.group(1)
            return True
        if _LIST_ITEM.match(line):
            self.after = "list"
        elif not (indented and self.after in ("list", "list-blank")):
            self.after = "prose"
        else:
            self.after = "list"
        return False


def text_words(text: str) -> Iterator[Word]:
    """The prose words of a whole Markdown text, offsets into `text`; front matter, fenced and
    indented code are skipped."""
    pos = front_matter_end(text)
    fences = FenceTracker()
    for line in text[pos:].split("\n"):
        if not fences.is_code(line):
            for w in line_words(line):
                yield Word(pos + w.start, pos + w.end, w.word)
        pos += len(line) + 1


__all__ = [
    "FenceTracker",
    "Word",
    "front_matter_end",
    "front_matter_languages",
    "line_words",
    "parse_languages",
    "text_words",
]
