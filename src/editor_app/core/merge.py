"""Three-way merge of two people's versions of an article against the text both started from.

When a save meets a newer text on the desk's store, the writer sees both texts and a merge.
Both people's changes are read against the text they started from, word by word, with
diff-match-patch's diff (Google's library, Apache 2.0, kept on PyPI as `diff-match-patch`);
changes to different words are both kept (diff3's rule). Where both rewrote the same words
differently, the writer's words stay and the other person's are listed as a conflict, so the
writer decides. Nothing is
thrown away: both full texts stay available whichever way the writer chooses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Conflict:
    theirs: str  # the other person's words that could not be placed
    replaced: str  # the words of the common text they replaced (what the writer also changed)


@dataclass(frozen=True)
class Merge:
    text: str  # the writer's text with every change of the other person that could be placed
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0  # seconds: a pathological pair of texts gets a coarser diff, not a hang
    return dmp


@dataclass(frozen=True)
class _Hunk:
    start: int  # in the common text's words
    end: int
    text: str  # what replaces them (encoded)
    side: str  # "mine" or "theirs"


def _hunks(dmp: diff_match_patch, base: str, other: str, side: str) -> list[_Hunk]:
    """The changes from `base` to `other` as replaced ranges of `base`."""
    out: list[_Hunk] = []
    pos, start, inserted = 0, None, []
    diffs = dmp.diff_main(base, other, False)
    dmp.diff_cleanupSemantic(diffs)  # "said it [denied the report]", not word-and-space confetti
    for op, text in [*diffs, (0, "")]:
        if op == 0:
            if start is not None:
                out.append(_Hunk(start, pos, "".join(inserted), side))
                start, inserted = None, []
            pos += len(text)
            continue
        if start is None:
            start = pos
        if op < 0:
            pos += len(text)
        else:
            inserted.append(text)
    return out


def _overlap(a: _Hunk, b: _Hunk) -> bool:
    return (
        (a.start < b.end and b.start < a.end)
        or a.start == b.start
        or (a.start == a.end == b.end)
        or (b.start == b.end == a.end)
    )


class _Words:
    """Texts as strings of one character per word, space or mark (the words-to-chars trick
    diff-match-patch documents for lines), so changes and conflicts are whole words."""

    def __init__(self) -> None:
        self.code: dict[str, str] = {}
        self.words: dict[str, str] = {}  # the character -> its word

    def encode(self, text: str) -> str:
        out = []
        for tok in _TOKEN.findall(text):
            ch = self.code.get(tok)
            if ch is None:
                n = len(self.words) + 0x100
                ch = self.code[tok] = chr(n if n < 0xD800 else n + 0x800)  # never a surrogate
                self.words[ch] = tok
            out.append(ch)
        return "".join(out)

    def decode(self, chars: str) -> str:
        return "".join(self.words.get(c, "") for c in chars)


def merge3(base: str, mine: str, theirs: str) -> Merge:
    """`mine` with the changes from `base` to `theirs` replayed; unplaceable ones as conflicts."""
    if theirs == base or mine == theirs:
        return Merge(mine)
    if mine == base:
        return Merge(theirs)
    dmp = _engine()
    words = _Words()
    b, m, t = words.encode(base), words.encode(mine), words.encode(theirs)
    hunks = sorted(_hunks(dmp, b, m, "mine") + _hunks(dmp, b, t, "theirs"), key=lambda h: (h.start, h.end))
    groups: list[list[_Hunk]] = []
    for h in hunks:  # changes that touch the same words of the common text go together
        if groups and any(_overlap(h, g) for g in groups[-1]):
            groups[-1].append(h)
        else:
            groups.append([h])
    out: list[str] = []
    conflicts: list[Conflict] = []
    pos = 0
    for group in groups:
        start, end = min(h.start for h in group), max(h.end for h in group)
        out.append(b[pos:start])
        sides = {h.side for h in group}
        mine_part = _replay(b, start, end, [h for h in group if h.side == "mine"])
        theirs_part = _replay(b, start, end, [h for h in group if h.side == "theirs"])
        if sides == {"theirs"}:
            out.append(theirs_part)
        elif sides == {"mine"} or mine_part == theirs_part:
            out.append(mine_part)
        else:  # both changed these words differently: the writer's stay, theirs are listed
            out.append(mine_part)
            conflicts.append(Conflict(theirs=words.decode(theirs_part), replaced=words.decode(b[start:end])))
        pos = end
    out.append(b[pos:])
    return Merge(words.decode("".join(out)), conflicts)


def _replay(base: str, start: int, end: int, hunks: list[_Hunk]) -> str:
    """base[start:end] with one side's hunks applied."""
    out, pos = [], start
    for h in hunks:
        out.append(base[pos : h.start])
        out.append(h.text)
        pos = h.end
    out.append(base[pos:end])
    return "".join(out)
