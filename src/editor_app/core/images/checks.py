"""What the pre-publish checklist asks of an article's images: words for every picture (alt
text, read aloud by screen readers and shown when the picture cannot load), and no reference
to a picture the store does not hold (it would be missing from the published page)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from editor_app.core.images.refs import alt_is_missing, find_images


@dataclass(frozen=True)
class ImageIssue:
    code: str  # "image_no_alt" | "image_missing"
    message: str
    offset: int  # of the first image concerned
    line: int


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def image_issues(
    body: str, stored: Collection[str] | None, in_code: Callable[[int], bool] | None = None
) -> list[ImageIssue]:
    """One issue per rule, pointing at the first image concerned. `stored`: the keys of the
    body's `image:` references that the store holds (None: not checked)."""
    images = find_images(body, in_code)
    issues: list[ImageIssue] = []
    no_alt = [img for img in images if alt_is_missing(img.alt)]
    if no_alt:
        first = no_alt[0]
        issues.append(
            ImageIssue(
                "image_no_alt",
                f"{_count(len(no_alt), 'image has', 'images have')} no alt text (first on line {first.line}): "
                "describe each picture in the brackets of ![…] for readers who cannot see it.",
                first.alt_offset,
                first.line,
            )
        )
    if stored is not None:
        missing = [img for img in images if img.key and img.key not in stored]
        if missing:
            first = missing[0]
            issues.append(
                ImageIssue(
                    "image_missing",
                    f"{_count(len(missing), 'image is', 'images are')} not in this store (first on line "
                    f"{first.line}, image:{first.key}): paste or drop the picture again.",
                    first.offset,
                    first.line,
                )
            )
    return issues
