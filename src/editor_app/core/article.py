"""The article as the domain sees it: plain data, no database session, no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    NEEDS_WORK = "needs_work"
    APPROVED = "approved"
    PUBLISHED = "published"
    SPIKED = "spiked"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Article:
    id: int | None = None
    title: str = ""
    dek: str = ""
    byline: str = ""
    slug: str = ""
    slug_locked: bool = False
    body: str = ""
    status: ArticleStatus = ArticleStatus.DRAFT
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    deleted_at: datetime | None = None
    published_at: datetime | None = None
    canonical_url: str = ""  # the article's own canonical URL ("" = site base URL + slug)
    tags: list[str] = field(default_factory=list)  # hashtags, without "#" (normalize_tags)
    version: int = 1  # of the text (headline, dek, byline, body): +1 on each save that changes it
    word_target: int | None = None  # the length the desk asked for, in words (None: no target)
    embargo_at: datetime | None = None  # front matter `embargo:` (core.embargo), aware
    killed_at: datetime | None = None  # withdrawn after publication (core.notices)
    kill_reason: str = ""
    killed_by: str = ""

    @property
    def killed(self) -> bool:
        """Withdrawn and not published again since."""
        return self.killed_at is not None and self.status != ArticleStatus.PUBLISHED

    @property
    def display_title(self) -> str:
        return self.title.strip() or "Untitled"

    def summary(self) -> ArticleSummary:
        return ArticleSummary(
            id=self.id or 0,
            title=self.title,
            byline=self.byline,
            slug=self.slug,
            status=self.status,
            updated_at=self.updated_at,
        )


def untitled_name(title: str, body: str) -> str:
    """How to name an article to a writer: its headline, else its first words, else "Untitled"."""
    if title.strip():
        return " ".join(title.split())
    from editor_app.core.text import first_words

    words = first_words(body)
    return f"Untitled: “{words}”" if words else "Untitled"


MAX_WORD_TARGET = 100_000


def normalize_word_target(value: object) -> int | None:
    """A target as stored: a positive whole number of words, or None for "no target" ("", 0,
    None). ValueError for anything else (a negative number, text, more than MAX_WORD_TARGET)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"a word target is a number of words, not {value!r}")
    try:
        number = int(str(value).strip().replace(",", "")) if not isinstance(value, int) else value
    except ValueError:
        raise ValueError(f"a word target is a number of words, not {str(value)[:40]!r}") from None
    if number < 0 or number > MAX_WORD_TARGET:
        raise ValueError(f"a word target is between 0 and {MAX_WORD_TARGET:,} words, not {number:,}")
    return number or None


def normalize_tags(values: object) -> list[str]:
    """Tags as stored: a list of strings (or one comma-separated string, or JSON text of a list)
    -> unique (case-insensitive) tags without "#", inner whitespace collapsed, at most 100 chars."""
    if isinstance(values, str):
        text = values.strip()
        if text.startswith("["):
            import json

            try:
                values = json.loads(text)
            except ValueError:
                values = text.strip("[]").split(",")
        else:
            values = text.split(",")
    out: list[str] = []
    seen: set[str] = set()
    for value in values if isinstance(values, (list, tuple)) else []:
        tag = " ".join(str(value).split()).lstrip("#").strip()[:100]
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


@dataclass(frozen=True)
class ArticleSummary:
    """What the library list needs: no body, so 100,000 rows stay cheap."""

    id: int
    title: str
    byline: str
    slug: str
    status: ArticleStatus
    updated_at: datetime

    @property
    def display_title(self) -> str:
        return self.title.strip() or "Untitled"
