"""How an article names a stored image, and what becomes of the name on a page.

The Markdown says `![alt text](image:3f2a9c0d41b7e655)`: the first 16 hex digits of the
SHA-256 of the stored bytes (the store finds an image by any prefix of 8 digits or more; 16
make a clash between two pictures of one desk practically impossible). It reads as an image in
any Markdown tool, needs no file next to the article and survives copy and paste between
articles of the same store. The live preview fetches `image:` addresses from the store (a URL
scheme of its own); an exported page carries the picture itself as a `data:` URI, so the file
stays self-contained.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

SCHEME = "image"
KEY_LENGTH = 16
IMAGE_REF = re.compile(r"^image:([0-9a-fA-F]{8,64})$")

# ![alt](<url> "title") / ![alt](url 'title'); alt may hold [nested] brackets and escapes.
_MARKDOWN_IMAGE = re.compile(
    r"!\[((?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*)\]"
    r"(?:\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|\[([^\]\n]*)\])"
)
_REF_DEF = re.compile(r"^[ ]{0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"\b(src|alt)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)


def image_key(url: str) -> str | None:
    """'image:3F2A…' -> '3f2a…' (lower case); None for any other address."""
    m = IMAGE_REF.match(url.strip())
    return m.group(1).lower() if m else None


def markdown_reference(sha256: str, alt: str = "") -> str:
    """The text the editor inserts for a stored image."""
    return f"![{alt}]({SCHEME}:{sha256[:KEY_LENGTH].lower()})"


@dataclass(frozen=True)
class BodyImage:
    """An image in the Markdown body, outside code."""

    alt: str
    url: str  # as written ("" when a reference-style image names an undefined label)
    offset: int  # of the "!" (or "<img")
    line: int
    alt_offset: int = -1  # where the alt text starts (inside "![…]"; the tag's start for HTML)

    @property
    def key(self) -> str | None:
        return image_key(self.url)


def find_images(body: str, in_code: Callable[[int], bool] | None = None) -> list[BodyImage]:
    """Every image of the body in reading order: Markdown inline and reference-style, and HTML
    `<img>` tags. `in_code(offset)` tells which offsets are code (then not an image)."""
    if "![" not in body and "<img" not in body.lower():
        return []
    if in_code is None:
        from editor_app.core.anchors import _Scan

        in_code = _Scan(body).in_code
    labels = {_label(m.group(1)): _unbracket(m.group(2)) for m in _REF_DEF.finditer(body)}
    found: list[tuple[int, str, str, int]] = []
    for m in _MARKDOWN_IMAGE.finditer(body):
        if in_code(m.start()) or (m.start() > 0 and body[m.start() - 1] == "\\"):
            continue
        alt = m.group(1)
        inline = m.group(2)
        url = _unbracket(inline) if inline is not None else labels.get(_label(m.group(3) or alt), "")
        found.append((m.start(), alt, url, m.start(1)))
    for m in _HTML_IMG.finditer(body):
        if in_code(m.start()):
            continue
        attrs = {k.lower(): v.strip("\"'") for k, v in _HTML_ATTR.findall(m.group(0))}
        found.append((m.start(), html.unescape(attrs.get("alt", "")), html.unescape(attrs.get("src", "")), m.start()))
    found.sort()
    return [BodyImage(alt, url, offset, body.count("\n", 0, offset) + 1, at) for offset, alt, url, at in found]


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _unbracket(url: str) -> str:
    return url[1:-1] if url.startswith("<") and url.endswith(">") else url


def image_keys(body: str) -> list[str]:
    """The distinct stored-image keys the body names, in order."""
    return list(dict.fromkeys(k for img in find_images(body) if (k := img.key)))


def alt_is_missing(alt: str) -> bool:
    """No words for a reader who cannot see the picture ("", spaces, or only punctuation)."""
    return not any(ch.isalnum() for ch in alt)


# -- on a page ---------------------------------------------------------------------------------

_IMG_TAG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_SRC_ATTR = re.compile(r'\bsrc="image:([0-9a-fA-F]{8,64})"')
_ALT_ATTR = re.compile(r'\balt="([^"]*)"')


@dataclass(frozen=True)
class EmbeddedImage:
    """A stored image as a page needs it."""

    mime: str
    data: bytes
    width: int = 0
    height: int = 0

    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def embed_images(body_html: str, images: Mapping[str, EmbeddedImage]) -> str:
    """Sanitized HTML with every `image:` source replaced by the picture as a data: URI (for an
    exported page); an image missing from `images` becomes the words "[Image missing: alt]"."""
    if "image:" not in body_html:
        return body_html

    def repl(m: re.Match[str]) -> str:
        attrs = m.group(1)
        src = _SRC_ATTR.search(attrs)
        if src is None:
            return m.group(0)
        found = images.get(src.group(1).lower())
        if found is None:
            alt = _ALT_ATTR.search(attrs)
            label = alt.group(1).strip() if alt and alt.group(1).strip() else ""
            return f'<span class="missing-image">[Image missing{": " + label if label else ""}]</span>'
        size = ""
        if found.width and found.height and " width=" not in attrs:
            size = f' width="{found.width}" height="{found.height}"'
        new_attrs = attrs[: src.start()] + f'src="{found.data_uri()}"' + attrs[src.end() :]
        return f"<img{new_attrs.rstrip(' /')}{size}>"

    return _IMG_TAG.sub(repl, body_html)
