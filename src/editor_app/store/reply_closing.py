"""A response recorded for a party closes that party's open reply requests on the claim.

Called by `ClaimStore.update` inside its transaction, with the responses as they were before
the write: the rows are rewritten on every edit, so a response counts as *recorded now* only
when the write adds one that was not there before (same party, stance, words, date, channel).
Any entry closes the request, "did not respond" and "declined to comment" too: the reporter
has recorded the outcome.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.claims import Stance
from editor_app.store.models import ClaimRow, ResponseRow
from editor_app.store.reply_models import ReplyRequestRow


def response_key(r: ResponseRow) -> tuple:
    return (r.party_id, r.stance, r.quote, r.date, r.channel, r.spokesperson, r.source_url)


def closing_words(r: ResponseRow) -> str:
    """ "Ford: denies, 3 December 2026" (which response closed a request, kept in words)."""
    who = r.party.name if r.party is not None else "unnamed"
    when = f", {r.date.day} {r.date:%B %Y}" if r.date else ""
    return f"{who}: {Stance(r.stance).label.lower()}{when}"


def close_answered(s: Session, row: ClaimRow, before: Iterable[tuple], now: datetime) -> int:
    """Close the open requests of every party that got a new response in this write; returns
    how many were closed."""
    old = Counter(before)
    added: list[ResponseRow] = []
    for r in row.responses:
        key = response_key(r)
        if old[key]:
            old[key] -= 1
        elif r.party_id is not None:
            added.append(r)
    if not added:
        return 0
    closed = 0
    for r in added:
        stmt = select(ReplyRequestRow).where(
            ReplyRequestRow.claim_id == row.id,
            ReplyRequestRow.party_id == r.party_id,
            ReplyRequestRow.closed_at.is_(None),
            ReplyRequestRow.asked_at <= now,
        )
        for req in s.scalars(stmt):
            req.closed_at = now
            req.closed_by_response_id = r.id
            req.closed_by = closing_words(r)
            closed += 1
    return closed
