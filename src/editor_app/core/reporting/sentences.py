"""Sentences with their character offsets, so every proposal can point back at the words.

Wire copy breaks naive splitters: "U.S. Steel", "Citigroup Inc. said", "J. Sainsbury", tickers in
brackets "( C.N )" and datelines "NEW YORK (Reuters) -". Headings (`# ...`) are kept apart: a
headline restates the story and never carries the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = {
    "inc",
    "co",
    "corp",
    "ltd",
    "plc",
    "bros",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sr",
    "jr",
    "gov",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "capt",
    "prof",
    "no",
    "vs",
    "etc",
    "approx",
    "dept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "fig",
    "e.g",
    "i.e",
}
_CANDIDATE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘]?[(\[]?[A-Z0-9])")
_DATELINE = re.compile(r"\A(?:[A-Z][A-Za-z.,'’/ -]{1,60}?\s*)?\((?:Reuters|AP|AFP|Bloomberg|Dow Jones)\)\s*[-–—]+\s*")
_HEADING = re.compile(r"\A\s{0,3}#{1,6}\s")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # exclusive; the final full stop is included
    text: str
    paragraph: int  # 0-based index of the paragraph (line block) it sits in
    heading: bool = False


def _ends_sentence(text: str, dot: int) -> bool:
    """Is the full stop at `dot` the end of a sentence (and not "U.S." or "Inc.")?"""
    if text[dot] != ".":
        return True
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    if not word:
        return True
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Sainsbury"
        return False
    # "U.S." or "U.K.": letters with dots in between
    return not re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; offsets are Python string indices into `text`."""
    out: list[Sentence] = []
    pos = 0
    paragraph = -1
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        paragraph += 1
        if _HEADING.match(line):
            body = line.lstrip().lstrip("#").strip()
            if body:
                s = line_start + line.index(body)
                out.append(Sentence(s, s + len(body), body, paragraph, heading=True))
            continue
        offset = 0
        m = _DATELINE.match(line)
        if m:
            offset = m.end()
        begin = offset
        for cand in _CANDIDATE_END.finditer(line, offset):
            dot = cand.start() + len(cand.group(0).rstrip("\"”’')]")) - 1
            if not _ends_sentence(line, dot):
                continue
            _append(out, line, line_start, begin, cand.end(), paragraph)
            begin = cand.end()
        _append(out, line, line_start, begin, len(line), paragraph)
    return out


def _append(out: list[Sentence], line: str, line_start: int, begin: int, end: int, paragraph: int) -> None:
    piece = line[begin:end]
    stripped = piece.strip()
    if not stripped:
        return
    s = begin + piece.index(stripped)
    out.append(Sentence(line_start + s, line_start + s + len(stripped), stripped, paragraph))
