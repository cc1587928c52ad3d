"""Positions in an old text mapped into its edited version, through the characters both share:
how a comment's range (or any span) follows the writer's edits between two saves. No Qt, no store.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_MAX_TOKENS = 60_000


@dataclass(frozen=True)
class EditMap:
    """Maps positions of an old text to a new one through the characters both share.

    `blocks` are matching runs (old_start, new_start, length), in order, not overlapping."""

    blocks: tuple[tuple[int, int, int], ...]

    @classmethod
    def between(cls, old: str, new: str) -> EditMap:
        n = min(len(old), len(new))
        p = 0
        # common prefix and suffix (fast path: a typical autosave changes one spot)
        if old[:n] == new[:n]:
            p = n
        else:
            lo, hi = 0, n
            while lo < hi:  # binary search on slices: C speed on long texts
                mid = (lo + hi + 1) // 2
                if old[:mid] == new[:mid]:
                    lo = mid
                else:
                    hi = mid - 1
            p = lo
        m = n - p
        lo, hi = 0, m
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if old[len(old) - mid :] == new[len(new) - mid :]:
                lo = mid
            else:
                hi = mid - 1
        s = lo
        blocks: list[tuple[int, int, int]] = []
        if p:
            blocks.append((0, 0, p))
        old_mid, new_mid = old[p : len(old) - s], new[p : len(new) - s]
        if old_mid and new_mid:
            blocks.extend((p + a, p + b, k) for a, b, k in _matching(old_mid, new_mid))
        if s:
            blocks.append((len(old) - s, len(new) - s, s))
        return cls(tuple(blocks))

    def map_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The new range of the surviving characters of old [start, end); None if none survive."""
        first = last = None
        for a, b, k in self.blocks:
            lo, hi = max(a, start), min(a + k, end)
            if lo < hi:
                if first is None:
                    first = b + (lo - a)
                last = b + (hi - a)
        if first is None or last is None:
            return None
        return first, last


def _matching(old: str, new: str) -> list[tuple[int, int, int]]:
    """Matching character runs of two texts, through a token-level SequenceMatcher."""
    ta, tb = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(ta) > _MAX_TOKENS or len(tb) > _MAX_TOKENS:
        ta, tb = old.split("\n"), new.split("\n")
        ta = [t + "\n" for t in ta[:-1]] + [ta[-1]]
        tb = [t + "\n" for t in tb[:-1]] + [tb[-1]]
    oa = [0]
    for t in ta:
        oa.append(oa[-1] + len(t))
    ob = [0]
    for t in tb:
        ob.append(ob[-1] + len(t))
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    out = []
    for i, j, k in sm.get_matching_blocks():
        if k:
            out.append((oa[i], ob[j], oa[i + k] - oa[i]))
    return out


def trim_range(text: str, start: int, end: int, quoted: str) -> tuple[int, int]:
    """Drop whitespace the edit left at the range's ends (unless the quoted text had it)."""
    if not quoted[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not quoted[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def closest(text: str, needle: str, near: int) -> int | None:
    if not needle:
        return None
    best = None
    i = text.find(needle)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return best
