"""The article's outline (no Qt): its headings as a tree, words per section, claims per section.

    result = outline(text)                 # Outline: one Section per heading, in order
    result.sections[0].heading.title      # "What the companies said"
    result.total_words(0)                 # the section with its sub-sections
    result.section_at_line(12)            # index of the section holding line 12 (or -1)

Headings are read the way the editor paints them (CommonMark): `#`…`######` followed by a space
(ATX), or a paragraph underlined with `===` or `---` (setext). A `#` line inside a fenced code
block or the front matter is not a heading. Sections are in lines (the editor's blocks), so the
window maps its cursor and its comment highlights to a section by line number alone.

Word counts are `core.text.word_count` of each section's lines (heading included), so the
sections' words add up to the status bar's count. `SectionCounter` keeps the counts of the last
run: after a keystroke only the section that changed is counted again (a 1.5 MB article is
re-outlined in a few milliseconds, see benchmarks/bench_outline.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from editor_app.core.spelling.words import FenceTracker, front_matter_end
from editor_app.core.text import word_count

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# lines that are not paragraph text: quotes, list items, table rows, an HTML block's opening
_OTHER_BLOCK = re.compile(r"^ {0,3}(?:>|[-*+][ \t]+\S|\d{1,9}[.)](?:[ \t]|$)|\||<!--(?!.*-->))")
_INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
# what a heading's title shows of its Markdown: link text without the target, no emphasis marks
_MARKER = re.compile(r"<!--.*?-->")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)|[`~]+")


@dataclass(frozen=True)
class Heading:
    level: int  # 1 (#) to 6 (######); setext: 1 (===) or 2 (---)
    title: str  # as a reader reads it: no marks, no link targets, no claim markers
    line: int  # first line of the heading (0-based; the editor's block number)


@dataclass(frozen=True)
class Section:
    """From a heading to the next heading of any level (its own text, without sub-sections)."""

    heading: Heading
    first_line: int  # the heading's line
    end_line: int  # the next heading's line (or the line count): exclusive
    words: int  # of its own lines, heading included
    parent: int = -1  # index of the enclosing section (a lower level before it), -1 at the top
    claims: tuple[str, ...] = ()  # keys of the claim anchors that start in its own lines

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def title(self) -> str:
        return self.heading.title


@dataclass(frozen=True)
class Outline:
    sections: tuple[Section, ...] = ()
    lead_words: int = 0  # the words before the first heading (the lede)
    line_count: int = 0
    _firsts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def words(self) -> int:
        """All the words of the text: the lede and every section."""
        return self.lead_words + sum(s.words for s in self.sections)

    def section_at_line(self, line: int) -> int:
        """The index of the section holding `line`, -1 for the lede (before the first heading)."""
        firsts = self._firsts or tuple(s.first_line for s in self.sections)
        return bisect.bisect_right(firsts, line) - 1

    def children(self, index: int) -> list[int]:
        """The direct sub-sections of section `index` (-1: the top-level sections)."""
        return [i for i, s in enumerate(self.sections) if s.parent == index]

    def span(self, index: int) -> range:
        """Section `index` and its sub-sections, as indices (they follow it in order)."""
        end = index + 1
        level = self.sections[index].level
        while end < len(self.sections) and self.sections[end].level > level:
            end += 1
        return range(index, end)

    def total_words(self, index: int) -> int:
        """Words of section `index` with its sub-sections (what a writer budgets for a part)."""
        return sum(self.sections[i].words for i in self.span(index))

    def total_claims(self, index: int) -> int:
        return sum(len(self.sections[i].claims) for i in self.span(index))

    def count_lines(self, lines: Iterable[int]) -> list[int]:
        """How many of `lines` (e.g. where open comments start) fall in each section's own text."""
        counts = [0] * len(self.sections)
        for line in lines:
            i = self.section_at_line(line)
            if i >= 0:
                counts[i] += 1
        return counts


def _title(raw: str) -> str:
    text = _MARKER.sub("", raw) if "<!--" in raw else raw
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text).replace("\\", "")
    return " ".join(text.split())


def headings(text: str) -> list[Heading]:
    """The headings of a Markdown text in order (front matter and fenced code skipped)."""
    start = front_matter_end(text)
    first_line = text.count("\n", 0, start) if start else 0
    lines = text[start:].split("\n")
    out: list[Heading] = []
    fences = FenceTracker()
    para_start = -1  # first line of the paragraph being read (a setext heading's title starts there)
    para: list[str] = []
    for n, line in enumerate(lines, first_line):
        if fences.is_code(line):
            para_start, para = -1, []
            continue
        stripped = line.strip()
        if not stripped:
            para_start, para = -1, []
            continue
        first = stripped[0]
        if first == "#":
            m = _ATX.match(line)
            if m:
                title = _title(m.group(2) or "")
                if title:
                    out.append(Heading(len(m.group(1)), title, n))
                para_start, para = -1, []
                continue
        if para and first in "=-":
            m = _SETEXT_UNDERLINE.match(line)
            if m:
                title = _title(" ".join(para))
                if title:
                    out.append(Heading(1 if m.group(1)[0] == "=" else 2, title, para_start))
                para_start, para = -1, []
                continue
        if (
            (first in "-*_" and _HR.match(line))
            or _OTHER_BLOCK.match(line)
            or (not para and _INDENTED_CODE.match(line))
        ):
            para_start, para = -1, []
            continue
        if not para:
            para_start = n
        para.append(stripped)
    return out


class SectionCounter:
    """Counts words of section texts, remembering the last run's: an unchanged section is not
    counted again. Not thread-safe: one per caller (the window's outline keeps one)."""

    def __init__(self, count: Callable[[str], int] = word_count) -> None:
        self._count = count
        self._last: dict[str, int] = {}
        self.counted = 0  # sections actually counted in the last run (tests, benchmarks)

    def run(self, parts: list[str]) -> list[int]:
        seen: dict[str, int] = {}
        self.counted = 0
        out = []
        for part in parts:
            n = seen.get(part)
            if n is None:
                n = self._last.get(part)
                if n is None:
                    n = self._count(part)
                    self.counted += 1
                seen[part] = n
            out.append(n)
        self._last = seen
        return out


def outline(text: str, counter: SectionCounter | None = None) -> Outline:
    """The outline of `text`: its sections with words and claim keys, and the lede's words."""
    from editor_app.core.anchors import find_anchors

    found = headings(text)
    # str index where each line starts (only the heading lines are needed)
    starts: list[int] = []
    if found:
        wanted = {h.line for h in found}
        pos = 0
        for n in range(found[-1].line + 1):
            if n in wanted:
                starts.append(pos)
            pos = text.find("\n", pos) + 1
    line_count = text.count("\n") + 1
    bounds = [0, *starts, len(text)]
    parts = [text[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    counts = (counter or SectionCounter()).run(parts)
    claims: list[list[str]] = [[] for _ in found]
    if "<!--" in text and found:
        for anchor in find_anchors(text):
            i = bisect.bisect_right(starts, anchor.start) - 1
            if i >= 0:
                claims[i].append(anchor.key)
    sections: list[Section] = []
    stack: list[int] = []  # indices of the open sections, levels increasing
    for i, h in enumerate(found):
        while stack and found[stack[-1]].level >= h.level:
            stack.pop()
        end_line = found[i + 1].line if i + 1 < len(found) else line_count
        sections.append(Section(h, h.line, end_line, counts[i + 1], stack[-1] if stack else -1, tuple(claims[i])))
        stack.append(i)
    return Outline(tuple(sections), counts[0], line_count, tuple(h.line for h in found))


__all__ = ["Heading", "Outline", "Section", "SectionCounter", "headings", "outline"]
