"""Reading Markdown or text files into articles: encodings, front matter, hostile bytes.

Parsing is separate from writing: a file is read and checked completely before anything
reaches the store, so an import either happens whole or not at all.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

MAX_IMPORT_BYTES = 50 * 1024 * 1024
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"SQLite format 3\x00": "an SQLite database",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIRST_HEADING = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")
# C0 controls except tab and newline, DEL and C1 controls: invisible, never wanted in copy.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


class ImportFailed(Exception):
    """The file cannot be imported; the message says why and what to do."""


class NotUTF8Error(ImportFailed):
    def __init__(self, path: Path, position: int, sample: bytes) -> None:
        self.path, self.position = path, position
        super().__init__(
            f"{path.name} is not UTF-8 text (first bad byte at offset {position}: {sample!r}). "
            "Choose its encoding (e.g. --encoding latin-1 or cp1252) to import it."
        )


@dataclass
class ParsedArticle:
    """Everything a file says about an article; `notes` lists what was changed on the way in."""

    title: str = ""
    dek: str = ""
    byline: str = ""
    body: str = ""
    date: str = ""
    slug: str = ""
    tickers: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    embargo: str = ""  # front matter `embargo:` as written (core.embargo reads it)
    notes: list[str] = field(default_factory=list)
    source: str = ""


def sniff_binary(data: bytes) -> str | None:
    for magic, what in _BINARY_SIGNATURES.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head and head.count(b"\x00") > len(head) // 10 and not _looks_utf16(head):
        return "binary data"
    return None


def _looks_utf16(head: bytes) -> bool:
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode_bytes(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, list[str]]:
    notes: list[str] = []
    if encoding:
        try:
            return data.decode(encoding), [f"decoded as {encoding}"]
        except (LookupError, UnicodeDecodeError) as exc:
            raise ImportFailed(f"{path.name} cannot be decoded as {encoding}: {exc}") from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), ["removed the UTF-8 byte-order mark"]
    if _looks_utf16(data):
        return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark)"]
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        raise NotUTF8Error(path, exc.start, data[exc.start : exc.start + 8]) from exc


def clean_text(text: str) -> tuple[str, list[str]]:
    """Normalize line endings, drop NUL and other control characters, and say so."""
    notes: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("converted Windows/old Mac line endings")
    found = _CONTROL.findall(text)
    if found:
        names = sorted({f"U+{ord(c):04X}" for c in found})
        text = _CONTROL.sub("", text)
        notes.append(
            f"removed {len(found)} control character(s) ({', '.join(names[:6])}{'…' if len(names) > 6 else ''})"
        )
    return text, notes


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    return str(value).strip()


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [_as_text(v) for v in value if _as_text(v)]
    return [_as_text(value)]


def front_matter_end(text: str) -> int:
    """Where the body starts: just after a leading `---` YAML block, else 0."""
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def parse_markdown(text: str, *, source: str = "") -> ParsedArticle:
    """Front matter (YAML) if present, then the body; the first `# heading` is the headline otherwise."""
    text, notes = clean_text(text)
    parsed = ParsedArticle(source=source, notes=notes)
    meta: dict[str, Any] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            raise ImportFailed(f"the front matter is not valid YAML: {exc}") from exc
        if not isinstance(loaded, dict):
            raise ImportFailed("the front matter must be a mapping of keys (title:, dek:, …)")
        meta = {str(k).lower(): v for k, v in loaded.items()}
        text = text[m.end() :]
    parsed.title = _as_text(meta.get("title") or meta.get("headline"))
    parsed.dek = _as_text(meta.get("dek") or meta.get("summary") or meta.get("description"))
    parsed.byline = _as_text(meta.get("byline") or meta.get("author") or meta.get("authors"))
    parsed.date = _as_text(meta.get("date"))
    parsed.slug = _as_text(meta.get("slug"))
    parsed.tickers = _as_list(meta.get("tickers"))
    parsed.tags = _as_list(meta.get("tags") or meta.get("hashtags"))
    parsed.embargo = _as_text(meta.get("embargo") or meta.get("embargoed") or meta.get("embargo_until"))
    claims = meta.get("claims") or []
    if not isinstance(claims, list) or not all(isinstance(c, dict) for c in claims):
        raise ImportFailed("'claims' in the front matter must be a list of mappings (text:, reported_by:, …)")
    parsed.claims = claims
    body = text.lstrip("\n")
    if not parsed.title:
        h = _FIRST_HEADING.match(body)
        if h:
            parsed.title = h.group(1).strip()
            body = body[h.end() :].lstrip("\n")
    parsed.body = body
    return parsed


def read_article_file(path: Path, encoding: str | None = None) -> ParsedArticle:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"{path}: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise ImportFailed(f"{path} is a folder, not a file")
    if size > MAX_IMPORT_BYTES:
        raise ImportFailed(
            f"{path.name} is {size / 1e6:.0f} MB; the limit for one article is {MAX_IMPORT_BYTES / 1e6:.0f} MB"
        )
    data = path.read_bytes()
    if not data:
        raise ImportFailed(f"{path.name} is empty (0 bytes): nothing to import")
    what = sniff_binary(data)
    if what and not encoding:
        raise ImportFailed(f"{path.name} looks like {what}, not a Markdown or text file")
    text, notes = decode_bytes(data, path, encoding)
    parsed = parse_markdown(text, source=str(path))
    parsed.notes[:0] = notes
    if not parsed.title:
        parsed.title = path.stem.replace("-", " ").replace("_", " ").strip()
    return parsed
