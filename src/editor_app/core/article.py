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

    @property
    def display_title(self) -> str:
        return self.title.strip() or "Untitled"

    def summary(self) -> ArticleSummary:
        return ArticleSummary(id=self.id or 0, title=self.title, byline=self.byline, slug=self.slug,
                              status=self.status, updated_at=self.updated_at)


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
