"""Deciding whether a file may become an article image, and cleaning it before it is stored.

Pillow reads only the formats a page can show (PNG, JPEG, GIF, WebP, plus BMP, turned into PNG),
so no exotic decoder ever runs on a pasted file (EPS would start Ghostscript). The declared size
is checked before a single pixel is decoded, so a decompression bomb (a small file that claims
a huge picture) is refused at once; then the whole image is decoded, which catches truncated
and corrupt files. What is stored is re-encoded from the pixels: EXIF (GPS position, camera
serial), XMP, comments and PNG text chunks are gone; a JPEG's orientation is applied first so
the picture stays upright. Only the colour profile is kept.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 10 * 1024 * 1024  # what a writer may paste or drop
MAX_PIXELS = 40_000_000  # 40 megapixels: every camera photo, no decompression bomb
ACCEPTED = ("PNG", "JPEG", "GIF", "WEBP", "BMP")
MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".jpe", ".gif", ".webp", ".bmp"})
JPEG_QUALITY = 92


class ImageRefused(ValueError):
    """The file is not stored; `str()` is the sentence the writer sees."""


@dataclass(frozen=True)
class PreparedImage:
    """An image ready for the store: cleaned bytes and what the page needs to show them."""

    data: bytes
    mime: str
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _too_big(size: int, what: str) -> ImageRefused:
    return ImageRefused(f"{what} is {_mb(size)}; the limit for an image is {_mb(MAX_FILE_BYTES)}. Nothing was added.")


def prepare_image(data: bytes, name: str = "The image") -> PreparedImage:
    """Check and clean `data` (the bytes of a file or of the clipboard's picture).

    Raises ImageRefused with the reason: too large, not a picture in an accepted format,
    too many pixels, animated, truncated or corrupt."""
    from PIL import Image, ImageOps

    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data), name)
    if not data:
        raise ImageRefused(f"{name} is empty. Nothing was added.")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=ACCEPTED)
        except Image.DecompressionBombError as exc:
            raise _bomb(name, _declared(exc)) from exc
        except (Image.UnidentifiedImageError, Image.DecompressionBombWarning, OSError, ValueError, SyntaxError) as exc:
            raise ImageRefused(
                f"{name} is not a PNG, JPEG, GIF or WebP picture (or it is damaged). Nothing was added."
            ) from exc
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _bomb(name, f"{width:,} × {height:,} pixels")
        if getattr(image, "n_frames", 1) > 1:
            raise ImageRefused(f"{name} is animated; only still pictures can be added. Nothing was added.")
        source_format = image.format or "PNG"
        try:
            image.load()  # every pixel: a truncated or corrupt file fails here
            if source_format == "JPEG":
                image = ImageOps.exif_transpose(image)
        except Image.DecompressionBombError as exc:
            raise _bomb(name, _declared(exc)) from exc
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as exc:
            raise ImageRefused(f"{name} is damaged or incomplete ({exc}). Nothing was added.") from exc
    return _reencode(image, source_format)


def _declared(exc: Exception) -> str:
    """Pillow's own refusal names the pixel count it saw: '200,000,000 pixels'."""
    m = re.search(r"\((\d+) pixels\)", str(exc))
    return f"{int(m.group(1)):,} pixels" if m else "far more pixels than a photo"


def _bomb(name: str, size: str) -> ImageRefused:
    return ImageRefused(
        f"{name} is too large to show ({size}; the limit is {MAX_PIXELS // 1_000_000} megapixels). "
        "Scale it down and add it again. Nothing was added."
    )


def _reencode(image, source_format: str) -> PreparedImage:
    """The pixels in a fresh file: no metadata but the colour profile."""
    icc = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    image.info = {}
    options: dict = {"icc_profile": icc} if icc else {}
    if source_format == "JPEG":
        fmt = "JPEG"
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif source_format == "WEBP":
        fmt = "WEBP"
        options.update(quality=90, method=4)
    elif source_format == "GIF":
        fmt = "GIF"
        if transparency is not None:
            options["transparency"] = transparency
    else:  # PNG, BMP
        fmt = "PNG"
        if transparency is not None:
            options["transparency"] = transparency
        options["optimize"] = False
    out = io.BytesIO()
    try:
        image.save(out, fmt, **options)
    except (OSError, ValueError) as exc:
        raise ImageRefused(f"The image could not be prepared ({exc}). Nothing was added.") from exc
    return PreparedImage(out.getvalue(), MIME[fmt], image.width, image.height)


def read_image_file(path: Path | str) -> PreparedImage:
    """`prepare_image` for a file on disk; the size is checked before the file is read."""
    path = Path(path)
    name = f"“{path.name}”"
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImageRefused(f"{name} is not a file. Nothing was added.")
        if size > MAX_FILE_BYTES:
            raise _too_big(size, name)
        data = path.read_bytes()
    except OSError as exc:
        raise ImageRefused(f"{name} could not be read ({exc.strerror or exc}). Nothing was added.") from exc
    return prepare_image(data, name)


def looks_like_image_file(path: Path | str) -> bool:
    """By name only: a dropped file the editor should try as an image rather than as text."""
    return Path(path).suffix.lower() in IMAGE_SUFFIXES
