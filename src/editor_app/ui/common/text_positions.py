"""Text positions: Qt counts UTF-16 code units, Python counts code points.

Characters outside the Basic Multilingual Plane (emoji, some CJK) take two units in a
QTextDocument and one index in a Python string, so every position that crosses between a
QTextCursor and Python text goes through here. One rule everywhere: a Qt position inside such
a pair (Qt never puts a cursor there, but arithmetic can) means the start of the character.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def qt_length(text: str) -> int:
    """Length of `text` in UTF-16 code units (what QTextCursor positions count)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def qt_position(text: str, index: int) -> int:
    """The QTextCursor position of Python index `index` in `text`."""
    if text.isascii():
        return index
    return index + sum(1 for _ in _ASTRAL.finditer(text, 0, index))


def python_index(text: str, position: int) -> int:
    """The Python index of QTextCursor position `position` in `text`."""
    return TextPositions(text).to_python(position)


class TextPositions:
    """Both conversions for one text, O(log n) each after one scan: for loops over many matches."""

    __slots__ = ("_astral_py", "_astral_qt", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral_py = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # the n-th astral character starts at Qt position (its index + n) and takes two units
        self._astral_qt = [i + n for n, i in enumerate(self._astral_py)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral_py, index) if self._astral_py else index

    def to_python(self, position: int) -> int:
        return position - bisect_right(self._astral_qt, position - 1) if self._astral_qt else position


__all__ = ["TextPositions", "python_index", "qt_length", "qt_position"]
