"""Markdown markup blanked out, so the rules read the words and the offsets stay the writer's.

The editor's text is Markdown: "**Ford** denied a [report](https://...) in the *FT*". Every
markup character is replaced by a space (a link keeps its words, loses its target), so the plain
text has the same length and every offset found in it points at the same words in the original.
Headings keep their "#" so that they are still recognised as headings.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_REF_LINK = re.compile(r"\[([^\]\n]*)\]\[[^\]\n]*\]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_EMPHASIS = re.compile(r"\*+|`+|~~|(?<![\w])_+|_+(?![\w])")
_LINE_MARKER = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?", re.M)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def _keep_words(m: re.Match[str]) -> str:
    start = m.start(1) - m.start()
    words = m.group(1)
    whole = m.group(0)
    return " " * start + words + re.sub(r"[^\n]", " ", whole[start + len(words) :])


_LONG_GAP = re.compile(r"[ \t\u00a0]{17,}")
# inside a long gap (a pasted table, a blanked-out URL) the rules see a wall, not 500 spaces:
# patterns that start with whitespace would otherwise try every one of them
WALL = "\x01"


def _wall(m: re.Match[str]) -> str:
    return " " + WALL * (len(m.group(0)) - 2) + " "


def _line_marker(m: re.Match[str]) -> str:
    return m.group(0) if m.group(0).lstrip().startswith("#") else " " * len(m.group(0))


def plain_text(text: str) -> str:
    """`text` with Markdown markup replaced by spaces; same length, same offsets."""
    out = _LINK.sub(_keep_words, text)
    out = _REF_LINK.sub(_keep_words, out)
    out = _HTML_TAG.sub(_blank, out)
    out = _EMPHASIS.sub(_blank, out)
    out = _LINE_MARKER.sub(_line_marker, out)
    out = _LONG_GAP.sub(_wall, out)
    if len(out) != len(text):  # never: every substitution keeps the length
        raise AssertionError("plain_text changed the length of the text")
    return out
