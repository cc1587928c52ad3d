"""Claim anchors in the Markdown source: an HTML comment pair around the claimed words.

    The FT reported that <!--claim c1-->Ford held preliminary talks with Xiaomi<!--/claim-->.

Comments are invisible in any Markdown renderer, visible in the source, and the pair survives
typing before, inside and after the span. Keys match ``[a-z][a-z0-9-]{0,31}`` (new keys are
``c1``, ``c2``, ...). An open marker pairs with the next close marker in the same paragraph;
markers inside fenced code blocks or inline code spans are text, not anchors; an open marker
without a close is ignored (its claim is "unanchored"). One key may be anchored more than once.
Everything here works on `str` indices and never escapes or interprets the anchored text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

KEY_PATTERN = r"[a-z][a-z0-9-]{0,31}"
KEY_RE = re.compile(KEY_PATTERN)
OPEN_RE = re.compile(r"<!--[ \t]*claim[ \t]+(" + KEY_PATTERN + r")[ \t]*-->")
CLOSE_RE = re.compile(r"<!--[ \t]*/claim[ \t]*-->")
CLOSE_MARKER = "<!--/claim-->"
# both markers in one scan; the shared literal prefix keeps it a fast C-level search
_MARKER_RE = re.compile(r"<!--[ \t]*(?:claim[ \t]+(" + KEY_PATTERN + r")|/claim)[ \t]*-->")
_FENCE_RE = re.compile(r"^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})([^\n]*)$", re.MULTILINE)
_BACKTICKS_RE = re.compile(r"`+")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*(?:>[ \t]*)*\n")


def is_valid_key(key: str) -> bool:
    """A key that makes a well-formed HTML comment everywhere (no "--", no trailing "-")."""
    return bool(KEY_RE.fullmatch(key)) and "--" not in key and not key.endswith("-")


def open_marker(key: str) -> str:
    if not is_valid_key(key):
        raise ValueError(
            f"invalid claim key {key!r}: use a lower-case letter, then letters, digits "
            "or single hyphens (at most 32 characters), e.g. 'c1'"
        )
    return f"<!--claim {key}-->"


@dataclass(frozen=True)
class Anchor:
    key: str
    start: int  # index of the open marker
    end: int  # index just after the close marker
    text_start: int  # first index of the anchored text
    text_end: int  # index just after the anchored text

    def text(self, source: str) -> str:
        return source[self.text_start : self.text_end]


# -- scanning --------------------------------------------------------------------------------


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of fenced code blocks, fences included; an unclosed fence runs to the end."""
    if "```" not in text and "~~~" not in text:
        return []
    ranges: list[tuple[int, int]] = []
    opening: re.Match[str] | None = None
    for m in _FENCE_RE.finditer(text):
        fence, rest = m.group(1), m.group(2)
        if opening is None:
            if fence[0] == "`" and "`" in rest:
                continue  # ```code``` on one line is inline code, not a fence
            opening = m
        else:
            opened = opening.group(1)
            if fence[0] == opened[0] and len(fence) >= len(opened) and not rest.strip():
                ranges.append((opening.start(), m.end()))
                opening = None
    if opening is not None:
        ranges.append((opening.start(), len(text)))
    return ranges


def _inline_code_ranges(line: str, offset: int) -> list[tuple[int, int]]:
    """Code spans of one line: a backtick run closed by the next run of the same length."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(line)]
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        k = start
        while k > 0 and line[k - 1] == "\\":
            k -= 1
        if (start - k) % 2:
            i += 1
            continue  # \` is a literal backtick
        width = end - start
        for j in range(i + 1, len(runs)):
            if runs[j][1] - runs[j][0] == width:
                ranges.append((offset + start, offset + runs[j][1]))
                i = j
                break
        i += 1
    return ranges


class _Scan:
    """One pass over a text: code ranges, live markers (outside code) and anchors."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fenced = _fenced_ranges(text)
        self._fence_starts = [s for s, _ in self.fenced]
        self._line_code: dict[int, list[tuple[int, int]]] = {}
        self.markers: list[re.Match[str]] = []
        if "<!--" in text:
            self.markers = [m for m in _MARKER_RE.finditer(text) if not self.in_code(m.start())]
        self.anchors = self._pair()

    def in_fence(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._fence_starts, pos) - 1
        if i >= 0 and self.fenced[i][0] <= pos < self.fenced[i][1]:
            return self.fenced[i]
        return None

    def inline_code(self, pos: int) -> list[tuple[int, int]]:
        text = self.text
        line_start = text.rfind("\n", 0, pos) + 1
        ranges = self._line_code.get(line_start)
        if ranges is None:
            line_end = text.find("\n", pos)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            ranges = _inline_code_ranges(line, line_start) if "`" in line else []
            self._line_code[line_start] = ranges
        return ranges

    def in_code(self, pos: int) -> bool:
        if self.in_fence(pos):
            return True
        return any(s <= pos < e for s, e in self.inline_code(pos))

    def _pair(self) -> list[Anchor]:
        anchors: list[Anchor] = []
        pending: re.Match[str] | None = None
        for m in self.markers:
            if m.group(1) is not None:
                pending = m  # a later open supersedes an unclosed one
            elif pending is not None:
                if not _PARAGRAPH_BREAK_RE.search(self.text, pending.end(), m.start()):
                    anchors.append(Anchor(pending.group(1), pending.start(), m.end(), pending.end(), m.start()))
                pending = None
        return anchors


def find_anchors(text: str) -> list[Anchor]:
    """Every anchor in the text, in order (regex scan; fast on megabytes)."""
    return _Scan(text).anchors


def anchored_keys(text: str) -> set[str]:
    return {a.key for a in find_anchors(text)}


def anchor_at(text: str, pos: int) -> Anchor | None:
    """The anchor whose range, markers included, contains `pos` (a cursor position)."""
    anchors = find_anchors(text)
    i = bisect.bisect_right([a.start for a in anchors], pos) - 1
    if i >= 0 and anchors[i].start <= pos <= anchors[i].end:
        return anchors[i]
    return None


def next_key(existing: Iterable[str]) -> str:
    """The first free key of c1, c2, ..."""
    taken = set(existing)
    n = 1
    while f"c{n}" in taken:
        n += 1
    return f"c{n}"


# -- editing ---------------------------------------------------------------------------------


def _check_span(scan: _Scan, start: int, end: int) -> tuple[int, int]:
    text = scan.text
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside the text (length {len(text)})")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValueError("Select the words of the claim first (the selection is empty).")
    for a in scan.anchors:
        if start < a.end and end > a.start:
            raise ValueError(f"The selection overlaps claim {a.key!r}; remove that anchor first.")
    for m in scan.markers:
        if start < m.end() and end > m.start():
            raise ValueError("The selection contains a claim marker; remove it first.")
    for fs, fe in scan.fenced:
        if start < fe and end > fs:
            raise ValueError("Claims cannot be marked in or across a code block.")
    for pos in {start, end}:
        for cs, ce in scan.inline_code(min(pos, len(text) - 1)):
            if cs < pos < ce:
                raise ValueError("Claims cannot be marked in or across inline code.")
    if _PARAGRAPH_BREAK_RE.search(text, start, end):
        raise ValueError("A claim is marked within one paragraph; the selection spans several.")
    return start, end


def check_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span `wrap_span` would wrap (surrounding whitespace trimmed); ValueError if refused.

    For editors that insert the markers themselves (one undo step): insert `CLOSE_MARKER` at
    the returned end first, then `open_marker(key)` at the returned start.
    """
    return _check_span(_Scan(text), start, end)


def wrap_span(text: str, start: int, end: int, key: str) -> str:
    """`text` with `text[start:end]` (whitespace trimmed) anchored as claim `key`.

    Raises ValueError when the span is empty or blank, overlaps an anchor or a marker, lies in
    or across code, or spans paragraphs, or when the key is invalid.
    """
    marker = open_marker(key)
    start, end = check_span(text, start, end)
    return text[:start] + marker + text[start:end] + CLOSE_MARKER + text[end:]


def _live_marker_spans(text: str, keys: set[str] | None = None) -> list[tuple[int, int]]:
    scan = _Scan(text)
    if keys is None:
        return [(m.start(), m.end()) for m in scan.markers]
    spans: list[tuple[int, int]] = []
    for a in scan.anchors:
        if a.key in keys:
            spans += [(a.start, a.text_start), (a.text_end, a.end)]
    return spans


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def strip_markers(text: str) -> str:
    """The text without claim markers (outside code), e.g. for word counts or other renderers."""
    return _cut(text, _live_marker_spans(text))


def unwrap(text: str, key: str) -> str:
    """Remove the anchor(s) of `key`, keeping the anchored words."""
    return _cut(text, _live_marker_spans(text, {key}))


def anchor_in_first_occurrence(text: str, phrase: str, key: str) -> str | None:
    """Anchor the first occurrence of `phrase` outside code and existing anchors; None if none.

    Whole words only; line breaks and runs of spaces in the text match any whitespace in the
    phrase; an exact-case match is preferred to a case-insensitive one.
    """
    marker = open_marker(key)
    words = phrase.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    if re.match(r"\w", words[0]):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", words[-1]):
        pattern += r"(?!\w)"
    scan: _Scan | None = None
    for flags in (0, re.IGNORECASE):
        for m in re.finditer(pattern, text, flags):
            scan = scan or _Scan(text)
            try:
                start, end = _check_span(scan, m.start(), m.end())
            except ValueError:
                continue
            return text[:start] + marker + text[start:end] + CLOSE_MARKER + text[end:]
    return None
