"""Rendering long articles section by section, re-rendering only the sections that changed.

Python-Markdown has no incremental mode, and a 1.5 MB article takes about two seconds. Writers
edit one place at a time, so the document is cut where cutting cannot change the output (at
headings and at paragraphs that start at the left margin, never inside fenced code), each
section is rendered alone and cached by its text, and `data-line` is shifted to document lines.
Reference-link definitions are appended to every section so links still resolve; a document
with footnotes or raw HTML blocks is rendered whole, because footnote numbers run through the whole text.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from editor_app.core.render import render_markdown

SECTION_THRESHOLD = 60_000  # below this, render whole: it is fast anyway
TARGET_SECTION_CHARS = 8_000  # cut at the first safe place after this many characters
CACHE_CHARS = 40_000_000  # bound on cached source text

_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:", re.M)
_HTML_BLOCK = re.compile(r"^ {0,3}<[A-Za-z!?/]", re.M)  # raw HTML blocks may span blank lines
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]^\n][^\]\n]*\]:[ \t]*\S.*$")  # one line, outside code
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DATA_LINE = re.compile(r'data-line="(\d+)"')
_NOT_A_SAFE_START = re.compile(r"^(?:[ \t]|[-+*] |\d{1,9}[.)] |[>|<\[:]|\d{1,9}[.)]$|[-+*]$|\s*$|=+\s*$|-+\s*$)")


def _outside_fences(lines: list[str]):
    """Lines that are not inside fenced code (reference definitions there are just text)."""
    fence: str | None = None
    for line in lines:
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        elif m:
            fence = m.group(1)
        else:
            yield line


def split_sections(lines: list[str]) -> list[int]:
    """Indexes of lines where a new independent section may start (always includes 0)."""
    starts = [0]
    fence: str | None = None
    size = 0
    prev_blank = False
    prev_nonblank = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        elif m:
            fence = m.group(1)
        elif i and prev_blank:
            heading = line.startswith("#")
            paragraph = (
                size >= TARGET_SECTION_CHARS
                and not _NOT_A_SAFE_START.match(line)
                and not _NOT_A_SAFE_START.match(prev_nonblank)
                and not prev_nonblank.startswith("#")
            )
            if (heading and size >= 500) or paragraph:
                starts.append(i)
                size = 0
        size += len(line) + 1
        prev_blank = not line.strip()
        if not prev_blank:
            prev_nonblank = line
    return starts


class SectionRenderer:
    def __init__(self, cache_chars: int = CACHE_CHARS) -> None:
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cached_chars = 0
        self._limit = cache_chars
        self.last_rendered_sections = 0

    def render(self, text: str) -> str:
        if len(text) < SECTION_THRESHOLD or _FOOTNOTE_DEF.search(text) or _HTML_BLOCK.search(text):
            self.last_rendered_sections = 1
            return render_markdown(text)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        refs = "\n".join(line for line in _outside_fences(lines) if _REFERENCE_DEF.match(line))
        suffix = f"\n\n{refs}\n" if refs else ""
        starts = split_sections(lines)
        parts: list[str] = []
        self.last_rendered_sections = 0
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            section = "\n".join(lines[start:end]) + suffix
            html = self._cache.get(section)
            if html is None:
                html = render_markdown(section)
                self.last_rendered_sections += 1
                self._remember(section, html)
            else:
                self._cache.move_to_end(section)
            if start:
                html = _DATA_LINE.sub(lambda m, s=start: f'data-line="{int(m.group(1)) + s}"', html)
            parts.append(html)
        return "\n".join(parts)

    def _remember(self, section: str, html: str) -> None:
        self._cache[section] = html
        self._cached_chars += len(section)
        while self._cached_chars > self._limit and self._cache:
            old, _ = self._cache.popitem(last=False)
            self._cached_chars -= len(old)
