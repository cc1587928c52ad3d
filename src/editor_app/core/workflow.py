"""Editorial workflow: which status may follow which, the record of a change, and the plain data
of a review (sources, comments). No database, no Qt.

    draft ──> in_review ──> approved ──> published
                  │  ^          │            │
                  v  │          v            v
               needs_work <─────┴────────────┘   (published -> needs_work: a correction)
    any status ──> spiked ──> draft

Why these and no others:

* draft -> in_review: the writer hands the story to the desk. A draft cannot jump to approved or
  published: nobody but its writer has read it.
* in_review -> approved | needs_work | spiked: the editor's three verdicts.
* needs_work -> in_review: the writer fixed it and sends it back; the editor reviews it again
  (it never goes straight to approved, or a fix would escape review).
* approved -> published | needs_work: publish, or the editor (or a late development) sends it
  back. approved -> in_review is not needed: needs_work -> in_review covers it.
* published -> needs_work: corrections. A published story is reopened, fixed, reviewed and
  approved again, and its history shows every step; there is no silent edit of a published
  story's status.
* any -> spiked: a story can be killed at any stage (published included: pulled).
* spiked -> draft: revive a spiked story; it starts over (draft -> review -> approved ...).
  A *killed* story (withdrawn after publication) stays killed through the revival: out of the
  export index, its ninjs `canceled`, its page showing the withdrawal, until it is published
  again, and that publication needs a notice saying why it is back (the store refuses it
  without one).

Moving to approved or published runs the pre-publish checklist (`core.checklist`): errors block
the change unless the editor gives a written override reason, which is recorded with the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from editor_app.core.article import ArticleStatus, utcnow
from editor_app.core.identity import name_or_acting

if TYPE_CHECKING:
    from editor_app.core.checklist import CheckItem

S = ArticleStatus

TRANSITIONS: dict[ArticleStatus, frozenset[ArticleStatus]] = {
    S.DRAFT: frozenset({S.IN_REVIEW, S.SPIKED}),
    S.IN_REVIEW: frozenset({S.APPROVED, S.NEEDS_WORK, S.SPIKED}),
    S.NEEDS_WORK: frozenset({S.IN_REVIEW, S.SPIKED}),
    S.APPROVED: frozenset({S.PUBLISHED, S.NEEDS_WORK, S.SPIKED}),
    S.PUBLISHED: frozenset({S.NEEDS_WORK, S.SPIKED}),
    S.SPIKED: frozenset({S.DRAFT}),
}

# Moving to these runs the checklist; its errors block unless overridden with a reason.
CHECKLIST_TARGETS: frozenset[ArticleStatus] = frozenset({S.APPROVED, S.PUBLISHED})

# Display order for menus ("Send to review", "Approve", ...).
ACTION_LABELS: dict[ArticleStatus, str] = {
    S.DRAFT: "Revive as draft",
    S.IN_REVIEW: "Send to review",
    S.NEEDS_WORK: "Send back (needs work)",
    S.APPROVED: "Approve",
    S.PUBLISHED: "Publish",
    S.SPIKED: "Spike",
}


class WorkflowError(ValueError):
    """A status change that is not allowed; `str()` is fit for a dialog."""


class InvalidTransition(WorkflowError):
    def __init__(self, from_status: ArticleStatus, to_status: ArticleStatus) -> None:
        self.from_status, self.to_status = from_status, to_status
        allowed = allowed_targets(from_status)
        if from_status == to_status:
            msg = f"The article is already {from_status.label.lower()}."
        else:
            names = _join([t.label.lower() for t in allowed]) or "nothing else"
            msg = (
                f"An article that is {from_status.label.lower()} cannot go to "
                f"{to_status.label.lower()}; it can go to {names}."
            )
        super().__init__(msg)


class ReinstatementNeedsNotice(WorkflowError):
    """A killed article published again: readers saw it withdrawn, so its return needs a notice
    saying why (an update, clarification or correction waiting to go out with it)."""

    def __init__(self) -> None:
        super().__init__(
            "This article was killed. Publishing it again needs a notice that says why it is back: "
            "add one (Review › Add Notice, or `editor-app correct ID --kind update --text …`), then publish."
        )


class ChecklistBlocked(WorkflowError):
    """Approving or publishing with checklist errors and no override reason."""

    def __init__(self, items: Sequence[CheckItem], to_status: ArticleStatus | None = None) -> None:
        self.items = [i for i in items if i.level == "error"]
        self.to_status = to_status
        verb = (
            {S.APPROVED: "approval", S.PUBLISHED: "publication"}.get(to_status, "this change")
            if to_status
            else "this change"
        )
        n = len(self.items)
        head = f"{n} checklist error{'s' if n != 1 else ''} block{'s' if n == 1 else ''} {verb}"
        shown = " ".join(i.message for i in self.items[:3])
        more = f" (and {n - 3} more)" if n > 3 else ""
        super().__init__(f"{head}: {shown}{more} Fix them, or give a reason to override.")


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def parse_status(value: str | ArticleStatus) -> ArticleStatus:
    """'in review', 'in-review', 'In_Review' -> ArticleStatus.IN_REVIEW; ValueError otherwise."""
    if isinstance(value, ArticleStatus):
        return value
    key = "_".join(str(value).strip().casefold().replace("-", " ").split())
    aliases = {
        "review": "in_review",
        "kill": "spiked",
        "killed": "spiked",
        "spike": "spiked",
        "approve": "approved",
        "publish": "published",
        "needs_changes": "needs_work",
    }
    key = aliases.get(key, key)
    try:
        return ArticleStatus(key)
    except ValueError:
        allowed = ", ".join(s.value for s in ArticleStatus)
        raise WorkflowError(f"unknown status {value!r}; use one of: {allowed}") from None


def allowed_targets(from_status: ArticleStatus | str) -> list[ArticleStatus]:
    """The statuses an article in `from_status` may move to, in workflow order."""
    allowed = TRANSITIONS[parse_status(from_status)]
    return [s for s in ArticleStatus if s in allowed]


def is_allowed(from_status: ArticleStatus | str, to_status: ArticleStatus | str) -> bool:
    return parse_status(to_status) in TRANSITIONS[parse_status(from_status)]


def check_transition(from_status: ArticleStatus | str, to_status: ArticleStatus | str) -> None:
    """Raise InvalidTransition (a ValueError) unless `from_status -> to_status` is allowed."""
    f, t = parse_status(from_status), parse_status(to_status)
    if t not in TRANSITIONS[f]:
        raise InvalidTransition(f, t)


def runs_checklist(to_status: ArticleStatus | str) -> bool:
    return parse_status(to_status) in CHECKLIST_TARGETS


def desk_user(who: str | None = None, legacy: str | None = None) -> str:
    """The name recorded as "who": `who` when the caller names someone, else the acting user
    (this account's saved name, EDITOR_APP_USER, the legacy store-wide `legacy`, the OS login)."""
    return name_or_acting(who, legacy)


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """One recorded status change (append-only history)."""

    from_status: ArticleStatus
    to_status: ArticleStatus
    who: str
    at: datetime = field(default_factory=utcnow)
    note: str = ""
    override_reason: str = ""  # set when checklist errors were overridden
    id: int | None = None
    article_id: int | None = None

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)

    def describe(self) -> str:
        if self.from_status == self.to_status and self.override_reason:  # an embargo override (store.embargo)
            return f"{self.note or 'Override'} by {self.who or 'unknown'}: {self.override_reason}"
        text = f"{self.from_status.label} → {self.to_status.label} by {self.who or 'unknown'}"
        if self.note:
            text += f": {self.note}"
        if self.override_reason:
            text += f" (checklist overridden: {self.override_reason})"
        return text

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "from": self.from_status.value,
            "to": self.to_status.value,
            "who": self.who,
            "at": self.at.isoformat(),
            "note": self.note,
            "override_reason": self.override_reason,
        }


@dataclass(frozen=True)
class SourceLink:
    """A source backing a claim, or one of its appearances or responses.

    `appearance_id`/`response_id` fall back to None (a claim-level link) when the appearance or
    response row is replaced, since editing a claim rewrites those rows."""

    source_id: int
    claim_id: int
    response_id: int | None = None
    appearance_id: int | None = None
    id: int | None = None


@dataclass
class Source:
    """A source note: what the editor checks the story against."""

    id: int | None = None
    article_id: int | None = None
    outlet: str = ""
    title: str = ""
    url: str = ""
    published_on: date | None = None
    accessed_on: date | None = None
    supports: str = ""  # what in the story it supports
    note: str = ""
    verified_by: str = ""
    verified_at: datetime | None = None
    position: int = 0
    links: list[SourceLink] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return self.verified_at is not None

    @property
    def display_title(self) -> str:
        return self.title.strip() or self.outlet.strip() or self.url.strip() or "Untitled source"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "accessed_on": self.accessed_on.isoformat() if self.accessed_on else None,
            "supports": self.supports,
            "note": self.note,
            "verified": self.verified,
            "verified_by": self.verified_by,
            "verified_at": self.verified_at.isoformat() if self.verified_at else None,
            "links": [
                {"claim_id": k.claim_id, "response_id": k.response_id, "appearance_id": k.appearance_id}
                for k in self.links
            ],
        }


@dataclass
class Comment:
    """A review comment on a range of the body (`anchor_start`..`anchor_end`, str indices into
    `Article.body`) or on the whole article (no anchor). Replies have a `parent_id`; a thread is
    resolved and reopened through its first comment. `detached` is set when the commented text
    was deleted: the comment keeps `anchor_text` (the words as they were) but no range."""

    id: int | None = None
    article_id: int | None = None
    parent_id: int | None = None
    author: str = ""
    body: str = ""
    anchor_start: int | None = None
    anchor_end: int | None = None
    anchor_text: str = ""
    resolved: bool = False
    resolved_by: str = ""
    resolved_at: datetime | None = None
    detached: bool = False
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    replies: list[Comment] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return not self.resolved

    @property
    def anchored(self) -> bool:
        return self.anchor_start is not None and self.anchor_end is not None and not self.detached

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "parent_id": self.parent_id,
            "author": self.author,
            "body": self.body,
            "anchor": [self.anchor_start, self.anchor_end] if self.anchored else None,
            "anchor_text": self.anchor_text,
            "detached": self.detached,
            "resolved": self.resolved,
            "resolved_by": self.resolved_by,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "replies": [r.to_dict() for r in self.replies],
        }
