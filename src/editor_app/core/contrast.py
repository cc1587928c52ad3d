"""WCAG 2.x contrast between two sRGB colours: the editor's and the page's colours are checked
with it, so "readable in the dark theme" is a number, not a taste."""

from __future__ import annotations

AA_TEXT = 4.5  # normal text, WCAG 2.1 success criterion 1.4.3
AA_LARGE = 3.0  # large or bold text, and user-interface components (1.4.11)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(colour: str) -> tuple[int, int, int]:
    """ "#1a4f9c" or "#fff" as (r, g, b)."""
    h = colour.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    if len(h) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(rgb: tuple[int, int, int] | str) -> float:
    r, g, b = parse_hex(rgb) if isinstance(rgb, str) else rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: tuple[int, int, int] | str, b: tuple[int, int, int] | str) -> float:
    """From 1 (no contrast) to 21 (black on white), order free."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
