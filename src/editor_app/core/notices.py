"""Notices on a published article: updates, clarifications, corrections (no Qt, no database).

A published story is not edited silently: each later change is published with a notice that
says what kind of change it is, what changed, who and when. Once published a notice is
permanent (the store refuses to edit or delete it); a mistaken notice gets a further notice.
A kill withdraws a published article with its reason; nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum


class NoticeKind(StrEnum):
    UPDATE = "update"
    CLARIFICATION = "clarification"
    CORRECTION = "correction"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class NoticeError(ValueError):
    """A notice or a kill that cannot be made; `str()` is fit for a dialog."""


NOTICE_POSITIONS = ("bottom", "top")  # where the exported page shows its notices (desk setting)


def parse_kind(value: str | NoticeKind) -> NoticeKind:
    if isinstance(value, NoticeKind):
        return value
    key = str(value).strip().casefold()
    try:
        return NoticeKind(key)
    except ValueError:
        allowed = ", ".join(k.value for k in NoticeKind)
        raise NoticeError(f"unknown notice kind {value!r}; use one of: {allowed}") from None


@dataclass(frozen=True)
class Notice:
    """One notice. `published_at` None: waiting for the article's next publication."""

    id: int | None
    article_id: int
    kind: NoticeKind
    text: str
    who: str
    created_at: datetime
    published_at: datetime | None = None
    article_title: str = ""  # filled by the desk-wide list

    @property
    def published(self) -> bool:
        return self.published_at is not None

    @property
    def when(self) -> datetime:
        return self.published_at or self.created_at

    def line(self) -> str:
        """ "Correction, 4 December 2026, 21:40 UTC: The article misstated ..." """
        return f"{self.kind.label}, {human_time(self.when)}: {self.text}"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "kind": self.kind.value,
            "text": self.text,
            "who": self.who,
            "created_at": self.created_at.isoformat(),
            "published_at": self.published_at.isoformat() if self.published_at else None,
        }


@dataclass(frozen=True)
class Kill:
    """A withdrawn article: when, by whom, why."""

    at: datetime
    who: str
    reason: str

    def line(self) -> str:
        return f"Withdrawn, {human_time(self.at)}: {self.reason}"


def human_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%d %B %Y, %H:%M UTC").lstrip("0")


def check_notice_text(text: str) -> str:
    value = " ".join((text or "").split())
    if not value:
        raise NoticeError("a notice needs its text: say what was changed and why")
    return value


def kill_of(article: object) -> Kill | None:
    """The article's kill, if it was withdrawn."""
    at = getattr(article, "killed_at", None)
    if at is None:
        return None
    return Kill(at, getattr(article, "killed_by", ""), getattr(article, "kill_reason", ""))


def notices_html(notices: list[Notice], article: object, position: str = "bottom") -> str:
    """The page's notices box (published notices and the kill, oldest first); "" without any."""
    from editor_app.core.page import render_template

    shown = [n for n in notices if n.published]
    kill = kill_of(article)
    if not shown and kill is None:
        return ""
    return render_template(
        "notices.html.j2",
        position=position if position in NOTICE_POSITIONS else "bottom",
        notices=[
            {
                "kind": n.kind.value,
                "label": n.kind.label,
                "iso": n.when.isoformat(),
                "human": human_time(n.when),
                "text": n.text,
            }
            for n in shown
        ],
        kill={"iso": kill.at.isoformat(), "human": human_time(kill.at), "reason": kill.reason} if kill else None,
    ).strip()
