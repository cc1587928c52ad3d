"""Which words changed inside a changed line, so a four-word edit does not read as a whole
paragraph removed and added (the History dialog marks these spans). No Qt here."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

Span = tuple[int, int]  # (start, length) in the line


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def changed_spans(old: str, new: str) -> tuple[list[Span], list[Span]]:
    """(spans in `old` that were removed or replaced, spans in `new` that were added or
    replaced), word by word; whitespace-only differences between equal words are ignored."""
    a, b = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, [m.group(0) for m in a], [m.group(0) for m in b], autojunk=False)
    removed: list[Span] = []
    added: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1 and not all(m.group(0).isspace() for m in a[i1:i2]):
            removed.append((a[i1].start(), a[i2 - 1].end() - a[i1].start()))
        if j2 > j1 and not all(m.group(0).isspace() for m in b[j1:j2]):
            added.append((b[j1].start(), b[j2 - 1].end() - b[j1].start()))
    return removed, added


def pair_changed_lines(lines: list[str]) -> dict[int, list[Span]]:
    """For unified-diff lines: each run of "-" lines followed by a run of "+" lines is paired
    line by line; returns {line index: spans (offsets include the one-character prefix)}."""
    out: dict[int, list[Span]] = {}
    i = 0
    n = len(lines)
    while i < n:
        if lines[i].startswith("-") and not lines[i].startswith("---"):
            start = i
            while i < n and lines[i].startswith("-") and not lines[i].startswith("---"):
                i += 1
            plus = i
            while i < n and lines[i].startswith("+") and not lines[i].startswith("+++"):
                i += 1
            for k in range(min(plus - start, i - plus)):
                old_i, new_i = start + k, plus + k
                removed, added = changed_spans(lines[old_i][1:], lines[new_i][1:])
                out[old_i] = [(s + 1, length) for s, length in removed]
                out[new_i] = [(s + 1, length) for s, length in added]
        else:
            i += 1
    return out
