"""Markdown to safe HTML: the one render used by the preview, export and the command line.

Python-Markdown does the parsing; nh3 (the Rust `ammonia` sanitizer) decides what survives,
so no script, event handler, style or dangerous URL reaches a page. Top-level blocks carry
`data-line` (1-based source line) for scroll sync and anchors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree import ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it

import markdown
import nh3
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from editor_app.core.text import normalize_for_store

MARKDOWN_EXTENSIONS = ["tables", "footnotes", "fenced_code", "sane_lists", "smarty"]

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "sub",
    "sup",
    "small",
    "abbr",
    "q",
    "cite",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "span",
    "div",
    "figure",
    "figcaption",
    "kbd",
    "time",
}
_GENERIC_ATTRS = {"data-line", "title", "lang", "dir"}
ALLOWED_ATTRIBUTES = {
    "*": _GENERIC_ATTRS,
    "a": {"href", "class"},
    "img": {"src", "alt", "width", "height"},
    "code": {"class"},
    "div": {"class"},
    "span": {"class", "data-claim"},
    "sup": {"id"},
    "li": {"id"},
    "th": {"align", "style"},
    "td": {"align", "style"},
    "ol": {"start"},
    "abbr": {"title"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto", "data", "image"}
_SAFE_CLASSES = {"footnote", "footnote-ref", "footnote-backref", "footnote-backref-wrapper", "claim", "claims-box-slot"}
_LANGUAGE_CLASS = re.compile(r"^language-[A-Za-z0-9_+-]{1,40}$")
_STORED_IMAGE = re.compile(r"^image:[0-9a-fA-F]{8,64}$")  # core.images.refs: a picture in the store
_IMAGE_DATA_URL = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.I)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_TEXT_ALIGN = re.compile(r"^text-align:\s*(left|right|center);?$")


def _filter_attribute(tag: str, attr: str, value: str) -> str | None:
    """Second line of defence after the allowlist: classes, data URLs, table alignment."""
    if attr == "class":
        kept = [c for c in value.split() if c in _SAFE_CLASSES or (tag == "code" and _LANGUAGE_CLASS.match(c))]
        return " ".join(kept) or None
    if attr in ("href", "src"):
        # Browsers ignore ASCII whitespace and control characters inside a URL's scheme
        # ("da\tta:", "\x01data:"), so the check must too.
        cleaned = _URL_NOISE.sub("", value)
        scheme = _SCHEME.match(cleaned)
        name = scheme.group(1).lower() if scheme else ""
        if name == "data":
            return cleaned if tag == "img" and _IMAGE_DATA_URL.match(cleaned) else None
        if name == "image":
            return cleaned if tag == "img" and attr == "src" and _STORED_IMAGE.match(cleaned) else None
        if name and name not in ("http", "https", "mailto"):
            return None
    if attr == "style":  # only the alignment the tables extension writes
        return value if _TEXT_ALIGN.match(value.strip()) else None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        normalize_for_store(html).text,  # nh3 refuses lone surrogates
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# --- source line map -------------------------------------------------------------------


class _RecordSource(Preprocessor):
    """First preprocessor: keeps the (normalized) source lines before anything rewrites them."""

    def run(self, lines: list[str]) -> list[str]:
        # Compared later with processed lines, so apply the one rewrite that keeps line counts.
        self.md._source_lines = _ClaimMarkers.rewrite(lines)  # type: ignore[attr-defined]
        return lines


class _AlignProcessed(Preprocessor):
    """Last preprocessor: maps each processed line back to a source line.

    Fenced code and raw HTML are collapsed into placeholders by earlier preprocessors, so the
    processed text is the source with some runs replaced; a greedy forward match recovers it.
    """

    WINDOW = 4000

    def run(self, lines: list[str]) -> list[str]:
        src: list[str] = getattr(self.md, "_source_lines", lines)
        mapping: list[int] = []
        i = 0
        n = len(src)
        for line in lines:
            if i < n and src[i] == line:
                mapping.append(i)
                i += 1
                continue
            if not line.strip() or "\x02" in line:
                # Blank lines are everywhere and placeholders are nowhere: don't search for them.
                mapping.append(min(i, max(n - 1, 0)))
                continue
            k = i
            stop = min(n, i + self.WINDOW)
            while k < stop and src[k] != line:
                k += 1
            if k < stop:
                mapping.append(k)
                i = k + 1
            else:
                mapping.append(min(i, max(n - 1, 0)))
        self.md._line_map = mapping  # type: ignore[attr-defined]
        return lines


class _LineTrackingParser:
    """Wraps BlockParser.parseBlocks at the root to note which source line each block came from."""

    def __init__(self, md: markdown.Markdown) -> None:
        self.md = md
        parser = md.parser
        self._orig = parser.parseBlocks
        parser.parseBlocks = self.parse_blocks  # type: ignore[method-assign]

    def parse_blocks(self, parent: etree.Element, blocks: list[str]) -> None:
        parser = self.md.parser
        if parent is not parser.root or not blocks:
            return self._orig(parent, blocks)
        original = list(blocks)
        n = len(original)
        sizes = [b.count("\n") + 1 for b in original]
        suffix = [0] * (n + 1)  # lines in original[k:], joined with blank lines
        for k in range(n - 1, -1, -1):
            suffix[k] = sizes[k] + (suffix[k + 1] + 1 if k + 1 < n else 0)
        total = suffix[0]
        line_map: list[int] = getattr(self.md, "_line_map", [])
        while blocks:
            remaining = self._remaining_lines(blocks, original, suffix)
            start = total - remaining
            before = len(parent)
            for processor in parser.blockprocessors:
                if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                    break
            if len(parent) > before:
                src_line = line_map[start] if 0 <= start < len(line_map) else start
                for child in parent[before:]:
                    if isinstance(child.tag, str) and "data-line" not in child.attrib:
                        child.set("data-line", str(src_line + 1))

    @staticmethod
    def _remaining_lines(blocks: list[str], original: list[str], suffix: list[int]) -> int:
        n, m = len(original), len(blocks)
        # Processors only touch the front; the tail is usually the original objects.
        if m >= 2 and m - 1 <= n and blocks[1] is original[n - m + 1]:
            return blocks[0].count("\n") + 1 + 1 + suffix[n - m + 1]
        if m == 1:
            return blocks[0].count("\n") + 1
        joined = 0
        for b in blocks:
            joined += b.count("\n") + 1
        return joined + (m - 1)


_STASHED_P = re.compile(r'<p data-line="(\d+)">\x02wzxhzdk:(\d+)\x03</p>')


class _LineOnStashedBlocks(Postprocessor):
    """Moves data-line from the placeholder paragraph onto the stashed block (code, HTML).

    Runs just before Python-Markdown's raw-HTML postprocessor, which only unwraps a bare `<p>`.
    """

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks

        def repl(m: re.Match[str]) -> str:
            index = int(m.group(2))
            if 0 <= index < len(blocks) and isinstance(blocks[index], str):
                blocks[index] = re.sub(r"^(\s*<\w+)", rf'\1 data-line="{m.group(1)}"', blocks[index], count=1)
            return f"<p>\x02wzxhzdk:{index}\x03</p>"

        return _STASHED_P.sub(repl, text)


# --- claim anchors -----------------------------------------------------------------------
# `<!--claim c1-->text<!--/claim-->` (see core/anchors.py) and a `<!--claims-->` line (where the
# claims box goes) are HTML comments, so other renderers hide them. Here they become private-use
# placeholders before Python-Markdown sees them, and spans after it has finished.

_OPEN_PH, _KEY_END_PH, _CLOSE_PH, _BOX_PH = "\ue000", "\ue001", "\ue002", "\ue003"
_PLACEHOLDERS = re.compile("[\ue000-\ue003]")
_LT_PH = "\ue004"  # a neutralised "<" (see RAW_TEXT_TAGS); becomes "&lt;" after Markdown
_ALL_PLACEHOLDERS = re.compile("[\ue000-\ue004]")

# Elements whose opening tag makes an HTML parser swallow what follows up to its end tag: raw
# text (script, style, xmp, iframe, noembed, noframes, noscript), escapable raw text (textarea,
# title), inert or foreign content (template, math, svg) and plaintext, which never ends. None
# of them reaches a page; closed within its paragraph the sanitizer drops it (or keeps its text),
# but an unclosed one in prose ("Use <script> tags carefully.") would take the rest of the
# article with it. The "<" of such an unclosed tag is hidden from Python-Markdown and comes back
# as "&lt;": the tag shows as the text the writer typed, and every later block renders.
RAW_TEXT_TAGS = (
    "script",
    "style",
    "template",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "math",
    "svg",
)
_RAW_TEXT_OPEN = re.compile(r"<(" + "|".join(RAW_TEXT_TAGS) + r")(?![\w:-])", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _unclosed_opening_tags(text: str, limit_of: Callable[[int], int]) -> list[tuple[int, str]]:
    """(offset, tag name) of each RAW_TEXT_TAGS opening tag with no complete end tag between it
    and `limit_of(end of the tag)` ("</script" alone, or "<\\/script>", ends nothing;
    `plaintext` never ends)."""
    found: list[tuple[int, str]] = []
    pos = 0
    while (m := _RAW_TEXT_OPEN.search(text, pos)) is not None:
        name = m.group(1).lower()
        close = None
        if name != "plaintext":
            end_tag = re.compile(r"</" + name + r"(?![\w:-])[^>]*>", re.IGNORECASE)
            close = end_tag.search(text, m.end(), limit_of(m.end()))
        if close is None:
            found.append((m.start(), name))
            pos = m.end()
        else:
            pos = close.end()
    return found


def _next_blank_line(text: str, pos: int) -> int:
    blank = _BLANK_LINE.search(text, pos)
    return blank.start() if blank else len(text)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def unclosed_raw_text_tags(source: str) -> list[tuple[int, str]]:
    """(offset, tag name) of each RAW_TEXT_TAGS opening tag in Markdown source with no complete
    end tag before the next blank line (its paragraph)."""
    if "<" not in source:
        return []
    return _unclosed_opening_tags(source, lambda pos: _next_blank_line(source, pos))


def neutralise_unclosed_in_html(html: str) -> str:
    """The same rule on Python-Markdown's output, for tags it passed through as HTML that the
    source-level pass could not see as such (e.g. `<script>` inside an unquoted attribute of a
    tag Markdown escaped). In its output a real tag is one block per line, so an end tag must
    come on the same line."""
    if "<" not in html:
        return html
    spots = _unclosed_opening_tags(html, lambda pos: _line_end(html, pos))
    if not spots:
        return html
    out: list[str] = []
    pos = 0
    for offset, _name in spots:
        out.append(html[pos:offset] + "&lt;")
        pos = offset + 1
    out.append(html[pos:])
    return "".join(out)


def neutralise_raw_text_tags(source: str) -> str:
    """Each unclosed `<script`, `<style` … with its `<` replaced by a placeholder Markdown leaves
    alone (restored as `&lt;` after Markdown)."""
    spots = unclosed_raw_text_tags(source)
    if not spots:
        return source
    chars = list(source)
    for offset, _name in spots:
        chars[offset] = _LT_PH
    return "".join(chars)


_CLAIMS_BOX_LINE = re.compile(r"^ {0,3}<!--\s*claims\s*-->[ \t]*$")
CLAIMS_BOX_SLOT = '<div class="claims-box-slot"></div>'


def anchor_placeholders(source: str) -> str:
    """Turn the anchors that core.anchors recognises (paired, within a paragraph, outside code)
    into placeholders, so the preview and the claims panel always agree on what is anchored.
    Stray markers stay HTML comments, which the sanitizer drops."""
    if "<!--" not in source:
        return source
    from editor_app.core.anchors import find_anchors

    parts: list[str] = []
    last = 0
    for a in find_anchors(source):
        parts.append(source[last : a.start])
        parts.append(f"{_OPEN_PH}{a.key}{_KEY_END_PH}")
        parts.append(source[a.text_start : a.text_end])
        parts.append(_CLOSE_PH)
        last = a.end
    parts.append(source[last:])
    return "".join(parts)


class _ClaimMarkers(Preprocessor):
    """The `<!--claims-->` line: after fenced code is stashed, before raw HTML is."""

    def run(self, lines: list[str]) -> list[str]:
        return self.rewrite(lines)

    @staticmethod
    def rewrite(lines: list[str]) -> list[str]:
        return [_BOX_PH if "<!--" in line and _CLAIMS_BOX_LINE.match(line) else line for line in lines]


_PH_TOKEN = re.compile(f"{_OPEN_PH}([a-z][a-z0-9-]{{0,31}}){_KEY_END_PH}|{_CLOSE_PH}|(?:<p[^>]*>)?{_BOX_PH}(?:</p>)?")


def _claim_spans(html: str) -> str:
    """Placeholders to spans, pairing each open with the next close; strays are dropped."""
    if not _PLACEHOLDERS.search(html):
        return html
    open_key: list[bool] = []

    def repl(m: re.Match[str]) -> str:
        token = m.group(0)
        if m.group(1):
            if open_key:
                return ""  # claims do not nest: the inner open is ignored
            open_key.append(True)
            return f'<span class="claim" data-claim="{m.group(1)}">'
        if token == _CLOSE_PH:
            if open_key:
                open_key.pop()
                return "</span>"
            return ""
        return CLAIMS_BOX_SLOT

    html = _PH_TOKEN.sub(repl, html)
    if open_key:
        html += "</span>"
    return _PLACEHOLDERS.sub("", html)


class _ClaimSpans(Postprocessor):
    def run(self, text: str) -> str:
        return _claim_spans(text)


class _DemoteHeadings(Treeprocessor):
    """The headline is the page's only h1, so body headings start at h2."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if isinstance(el.tag, str) and len(el.tag) == 2 and el.tag[0] == "h" and el.tag[1].isdigit():
                el.tag = f"h{min(int(el.tag[1]) + 1, 6)}"


class SourceLinesExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown API)
        md.preprocessors.register(_RecordSource(md), "editor_app_record_source", 1000)
        md.preprocessors.register(_AlignProcessed(md), "editor_app_align", -1000)
        md.treeprocessors.register(_DemoteHeadings(md), "editor_app_demote", 1)
        md.postprocessors.register(_LineOnStashedBlocks(md), "editor_app_stashed_lines", 31)
        md.preprocessors.register(_ClaimMarkers(md), "editor_app_claim_markers", 22)
        md.postprocessors.register(_ClaimSpans(md), "editor_app_claim_spans", 0)
        _LineTrackingParser(md)


def _new_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, SourceLinesExtension()],
        extension_configs={"smarty": {"smart_angled_quotes": False}},
        output_format="html",
    )


_md: markdown.Markdown | None = None


def render_markdown(text: str) -> str:
    """Markdown source to sanitized HTML (no page, no header). May be slow on hostile input:
    callers with a user waiting go through `render_process.RenderProcess` instead."""
    global _md
    if _md is None:
        _md = _new_markdown()
    md = _md
    md.reset()
    source = _ALL_PLACEHOLDERS.sub("\ufffd", normalize_for_store(text).text.replace("\x00", "\ufffd"))
    source = anchor_placeholders(source.replace("\r\n", "\n").replace("\r", "\n"))
    source = neutralise_raw_text_tags(source)
    try:
        html = md.convert(source)
    except BaseException:
        _md = None  # a half-run parser is not reused
        raise
    return sanitize_html(neutralise_unclosed_in_html(html).replace(_LT_PH, "&lt;"))
