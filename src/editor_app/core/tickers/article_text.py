"""The parts of an article the suggester reads: title, dek, first paragraph and body, and the
text with URLs, code and HTML blanked (same length, so offsets stay the article's)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    start: int
    end: int


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(
    r"^(title|headline|dek|subtitle|standfirst|summary|description)[ \t]*:[ \t]*(.+)$", re.MULTILINE | re.IGNORECASE
)


def sections(text: str) -> list[Section]:
    """Title, dek, first paragraph ("lede") and body spans of a Markdown or plain-text article.

    Front matter other than title/dek is not article text (it holds tickers, authors, ids)."""
    out: list[Section] = []
    pos = 0
    m = _FRONT.match(text)
    if m:
        for f in _FRONT_FIELD.finditer(m.group(1)):
            name = "title" if f.group(1).lower() in ("title", "headline") else "dek"
            start = m.start(1) + f.start(2)
            out.append(Section(name, start, m.start(1) + f.end(2)))
        pos = m.end()
    blocks = [(b.start(), b.end()) for b in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text[pos:])]
    blocks = [(s + pos, e + pos) for s, e in blocks]
    have_title = any(s.name == "title" for s in out)
    have_dek = any(s.name == "dek" for s in out)
    lede_done = False
    for i, (s, e) in enumerate(blocks):
        block = text[s:e].strip()
        if block.startswith(("```", "~~~")):
            continue
        if re.match(r"#\s", block) and not have_title:
            first_line_end = text.find("\n", s)
            first_line_end = e if first_line_end == -1 or first_line_end > e else first_line_end
            out.append(Section("title", s, first_line_end))
            have_title = True
            if text[first_line_end:e].strip():
                out.append(Section("body", first_line_end, e))
            continue
        if (
            not have_title
            and i == 0
            and not m
            and "\n" not in block
            and len(block) <= 160
            and not block.endswith((".", ":"))
        ):
            out.append(Section("title", s, e))  # plain text: a short first line is the headline
            have_title = True
            continue
        is_dek = (block.startswith(("*", "_", ">")) or re.match(r"#{2,}\s", block)) and not lede_done
        if is_dek and have_title and not have_dek and "\n\n" not in block:
            out.append(Section("dek", s, e))
            have_dek = True
            continue
        if re.match(r"#{1,6}\s", block) or re.match(r"(?i)(by|from)\s+[A-Z][\w.\- ]{0,60}$", block):
            out.append(Section("body", s, e))  # sub-headings and bylines are not the lede
            continue
        if not lede_done:
            out.append(Section("lede", s, e))
            lede_done = True
            continue
        out.append(Section("body", s, e))
    return out


_MASKS = [
    re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL),  # fenced code
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link targets
    re.compile(r"https?://\S+|www\.\S+"),  # bare URLs
    re.compile(r"<(?![A-Z0-9&]{1,10}[a-z]?\.[A-Z]{1,2}>)[^>\n]+>"),  # HTML tags, not old wire codes <GS.N>
]


_NOT_NEWLINE = re.compile(r"[^\n]")


def _masked(text: str) -> str:
    """Same length, with URLs, code and tags blanked: tickers in a URL are not mentions."""
    spans = sorted((m.start(), m.end()) for rx in _MASKS for m in rx.finditer(text))
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:  # spans may overlap: blank each stretch once
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)
