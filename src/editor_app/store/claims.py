"""Claims in the store: read and write whole claims with their appearances, responses, parties
and status history (no Qt).

    claims = ClaimStore(store)
    claim = claims.create(article.id, key="c1", short="Ford held talks with Xiaomi", wording="...")

Parties are shared by all articles and identified by name alone (case and runs of spaces
ignored): "Financial Times" is one party whether it reported a claim or answered one.
Every change of a claim's effective status is appended to its history with who and when ("who"
defaults to the acting user, `store.settings.acting_user_in`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from editor_app.core.anchors import is_valid_key, next_key, strip_markers
from editor_app.core.article import utcnow
from editor_app.core.claims import (
    Appearance,
    Channel,
    Claim,
    ClaimStatus,
    Party,
    PartyKind,
    Response,
    Stance,
    StatusEvent,
    StatusVerdict,
    short_statement,
)
from editor_app.store.errors import StoreError
from editor_app.store.models import (
    AppearanceRow,
    ArticleRow,
    ClaimRow,
    PartyRow,
    ProposalDismissalRow,
    ResponseRow,
    StatusEventRow,
)
from editor_app.store.reply_closing import close_answered, response_key
from editor_app.store.settings import acting_user_in
from editor_app.store.store import Store
from editor_app.store.substore import clean_text

_PREFIX_END = "\U0010ffff"


def proposal_key(text: str) -> str:
    """What identifies a proposed claim across edits: its words, case, spacing and claim
    markers ignored (offsets move as the writer types; the words do not)."""
    words = " ".join(strip_markers(text).casefold().split())
    return hashlib.sha1(words.encode("utf-8"), usedforsecurity=False).hexdigest()


def party_key(name: str) -> str:
    """How parties are told apart: case and runs of whitespace do not matter."""
    return " ".join(name.split()).casefold()


def _name(text: str) -> str:
    return " ".join(clean_text(text).split())


# -- rows to dataclasses ----------------------------------------------------------------------


def _to_claim(row: ClaimRow) -> Claim:
    return Claim(
        id=row.id,
        article_id=row.article_id,
        key=row.key,
        short=row.short,
        wording=row.wording,
        first_reported=row.first_reported,
        appearances=[
            Appearance(
                id=a.id,
                outlet=a.outlet.name if a.outlet else "",
                title=a.title,
                url=a.url,
                date=a.date,
                is_first=a.is_first,
                attribution=a.attribution,
            )
            for a in row.appearances
        ],
        responses=[
            Response(
                id=r.id,
                party=r.party.name if r.party else "",
                stance=Stance(r.stance),
                quote=r.quote,
                spokesperson=r.spokesperson,
                date=r.date,
                channel=Channel(r.channel),
                reported_by=r.reported_by.name if r.reported_by else "",
                source_url=r.source_url,
            )
            for r in row.responses
        ],
        override_status=ClaimStatus(row.override_status) if row.override_status else None,
        override_reason=row.override_reason,
        override_by=row.override_by,
        override_at=row.override_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        history=[
            StatusEvent(status=ClaimStatus(e.status), reason=e.reason, kind=e.kind, who=e.who, at=e.at)
            for e in row.events
        ],
        version=row.version or 1,
    )


def _to_party(row: PartyRow) -> Party:
    return Party(id=row.id, name=row.name, kind=PartyKind(row.kind), ticker=row.ticker)


_LOAD = (
    selectinload(ClaimRow.appearances),
    selectinload(ClaimRow.responses),
    selectinload(ClaimRow.events),
)


class ClaimConflictError(StoreError):
    """Someone else updated the claim after it was read: nothing was written."""

    def __init__(self, mine: Claim, theirs: Claim) -> None:
        self.mine, self.theirs = mine, theirs
        super().__init__(
            f"Claim {theirs.key or theirs.id} was changed by someone else while you edited it "
            f"(your copy is version {mine.version}, the store has version {theirs.version}); nothing was written."
        )


class ClaimStore:
    """Claims of the articles in `store` (same engine, same sessions, same error handling)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads --------------------------------------------------------------------------

    def list_claims(self, article_id: int) -> list[Claim]:
        """The article's claims in panel order, each complete (a few queries in all)."""
        stmt = (
            select(ClaimRow)
            .where(ClaimRow.article_id == article_id)
            .order_by(ClaimRow.position, ClaimRow.id)
            .options(*_LOAD)
        )
        with self.store._sessions() as s:
            return [_to_claim(row) for row in s.scalars(stmt)]

    def get(self, claim_id: int) -> Claim | None:
        with self.store._sessions() as s:
            row = s.scalars(select(ClaimRow).where(ClaimRow.id == claim_id).options(*_LOAD)).first()
            return _to_claim(row) if row else None

    def get_by_key(self, article_id: int, key: str) -> Claim | None:
        stmt = select(ClaimRow).where(ClaimRow.article_id == article_id, ClaimRow.key == key).options(*_LOAD)
        with self.store._sessions() as s:
            row = s.scalars(stmt).first()
            return _to_claim(row) if row else None

    def keys(self, article_id: int) -> set[str]:
        with self.store._sessions() as s:
            return set(s.scalars(select(ClaimRow.key).where(ClaimRow.article_id == article_id)))

    def list_parties(self, prefix: str = "", limit: int = 50) -> list[Party]:
        """Known parties whose name starts with `prefix` (any case), by name."""
        key = party_key(prefix)
        stmt = select(PartyRow)
        if key:
            stmt = stmt.where(PartyRow.name_key >= key, PartyRow.name_key < key + _PREFIX_END)
        stmt = stmt.order_by(PartyRow.name_key).limit(limit)
        with self.store._sessions() as s:
            return [_to_party(p) for p in s.scalars(stmt)]

    def party_names(self, prefix: str = "", limit: int = 50) -> list[str]:
        """For autocomplete: names of known parties starting with `prefix` (any case)."""
        return [p.name for p in self.list_parties(prefix, limit)]

    # -- writes -------------------------------------------------------------------------

    def create(
        self,
        article_id: int,
        *,
        key: str = "",
        short: str = "",
        wording: str = "",
        first_reported: date | None = None,
        who: str = "",
    ) -> Claim:
        """A new claim at the end of the article's list; `key` "" picks the first free c<n>."""
        claim = Claim(article_id=article_id, key=key, short=short, wording=wording, first_reported=first_reported)
        return self.import_claims(article_id, [claim], who=who)[0]

    def import_claims(self, article_id: int, claims: Sequence[Claim], who: str = "") -> list[Claim]:
        """Add claims (with appearances, responses, override and history) in one transaction.

        A claim without a key gets the first free c<n>; a key already used in the article is
        refused (ValueError) so that anchors in the body keep pointing at the right claim.
        """
        who = acting_user_in(self.store, who)
        now = utcnow()
        ids: list[int] = []
        with self.store.transaction() as s:
            if s.get(ArticleRow, article_id) is None:
                raise KeyError(article_id)
            used = set(s.scalars(select(ClaimRow.key).where(ClaimRow.article_id == article_id)))
            position = s.scalar(select(func.max(ClaimRow.position)).where(ClaimRow.article_id == article_id))
            position = -1 if position is None else position
            parties: dict[str, PartyRow] = {}
            for claim in claims:
                key = claim.key.strip()
                if not key:
                    key = next_key(used)
                elif not is_valid_key(key):
                    raise ValueError(f"invalid claim key {key!r} (use e.g. 'c1')")
                elif key in used:
                    raise ValueError(f"claim key {key!r} is already used in this article")
                used.add(key)
                position += 1
                _check_override(claim)
                row = ClaimRow(
                    article_id=article_id,
                    key=key,
                    position=position,
                    created_at=claim.created_at or now,
                    updated_at=now,
                )
                _write_fields(row, claim)
                _write_children(s, row, claim, parties)
                if claim.override_status is not None:
                    row.override_by = clean_text(claim.override_by) or who
                    row.override_at = claim.override_at or now
                s.add(row)
                for e in claim.history:
                    row.events.append(
                        StatusEventRow(status=e.status.value, reason=e.reason, kind=e.kind, who=e.who, at=e.at)
                    )
                verdict = _to_claim_unsaved(row, claim).effective
                last = claim.history[-1] if claim.history else None
                if last is None or (last.status, last.reason) != (verdict.status, verdict.reason):
                    kind = "override" if verdict.overridden else "derived"
                    row.events.append(_event(verdict, kind, who, now))
                s.flush()
                ids.append(row.id)
        return [self._fresh(i) for i in ids]

    def update(self, claim: Claim, who: str = "") -> Claim:
        """Write every field of `claim`, its appearances and responses (in the given order).

        Unknown parties are created (outlets for appearances and `reported_by`, organisations
        otherwise). A status event is appended when the effective status or its reason changed.
        """
        if claim.id is None:
            raise ValueError("update() needs a stored claim (id is None); use create()")
        _check_override(claim)
        who = acting_user_in(self.store, who)
        now = utcnow()
        with self.store.transaction() as s:
            row = s.scalars(
                select(ClaimRow).where(ClaimRow.id == claim.id).options(*_LOAD).with_for_update(of=ClaimRow)
            ).first()
            if row is None:
                raise KeyError(claim.id)
            before = _to_claim(row)
            if claim.version != before.version:
                raise ClaimConflictError(claim, before)
            row.version = before.version + 1
            responses_before = [response_key(r) for r in row.responses]
            key = claim.key.strip() or row.key
            if key != row.key:
                if not is_valid_key(key):
                    raise ValueError(f"invalid claim key {key!r} (use e.g. 'c1')")
                taken = s.scalar(
                    select(ClaimRow.id).where(
                        ClaimRow.article_id == row.article_id, ClaimRow.key == key, ClaimRow.id != row.id
                    )
                )
                if taken is not None:
                    raise ValueError(f"claim key {key!r} is already used in this article")
                row.key = key
            _write_fields(row, claim)
            row.appearances.clear()
            row.responses.clear()
            s.flush()  # old child rows go before the new ones arrive
            _write_children(s, row, claim, {})
            override_changed = (before.override_status, before.override_reason) != (
                row.override_status and ClaimStatus(row.override_status),
                row.override_reason,
            )
            if override_changed:
                row.override_by = who if claim.override_status is not None else ""
                row.override_at = now if claim.override_status is not None else None
            else:
                row.override_by, row.override_at = before.override_by, before.override_at
            row.updated_at = now
            s.flush()
            close_answered(s, row, responses_before, now)  # a new response closes its party's reply requests
            after = _to_claim(row)
            self._record_change(row, before.effective, after.effective, override_changed, who, now)
            claim_id = row.id
        return self._fresh(claim_id)

    def set_override(self, claim_id: int, status: ClaimStatus | None, reason: str, who: str = "") -> Claim:
        """Set the desk's verdict (a reason is required) or clear it (`status` None)."""
        reason = clean_text(reason)
        if status is not None:
            status = ClaimStatus.parse(status)
            if not reason:
                raise ValueError("Give a reason for overriding the status.")
        who = acting_user_in(self.store, who)
        now = utcnow()
        with self.store.transaction() as s:
            row = s.scalars(select(ClaimRow).where(ClaimRow.id == claim_id).options(*_LOAD)).first()
            if row is None:
                raise KeyError(claim_id)
            before = _to_claim(row)
            if status is None:
                if before.override_status is None:
                    return before
                row.override_status, row.override_reason = None, ""
                row.override_by, row.override_at = "", None
                verdict = before.derived
                note = f" (override cleared: {reason})" if reason else " (override cleared)"
                row.events.append(
                    _event(StatusVerdict(verdict.status, verdict.reason + note), "override_cleared", who, now)
                )
            else:
                if (before.override_status, before.override_reason) == (status, reason):
                    return before
                row.override_status, row.override_reason = status.value, reason
                row.override_by, row.override_at = who, now
                row.events.append(_event(StatusVerdict(status, reason, True), "override", who, now))
            row.updated_at = now
            row.version = (row.version or 1) + 1  # a copy read before the verdict is now stale
        return self._fresh(claim_id)

    def delete(self, claim_id: int) -> None:
        """Delete a claim with its appearances, responses and history (parties stay)."""
        with self.store.transaction() as s:
            row = s.get(ClaimRow, claim_id)
            if row is None:
                raise KeyError(claim_id)
            s.delete(row)

    def move(self, claim_id: int, new_position: int) -> list[Claim]:
        """Move a claim to `new_position` (0-based, clamped) in its article's list; returns the list."""
        with self.store.transaction() as s:
            row = s.get(ClaimRow, claim_id)
            if row is None:
                raise KeyError(claim_id)
            siblings = list(
                s.scalars(
                    select(ClaimRow)
                    .where(ClaimRow.article_id == row.article_id)
                    .order_by(ClaimRow.position, ClaimRow.id)
                )
            )
            siblings.remove(row)
            siblings.insert(max(0, min(new_position, len(siblings))), row)
            for i, sib in enumerate(siblings):
                if sib.position != i:
                    sib.position = i
            article_id = row.article_id
        return self.list_claims(article_id)

    def set_party(self, name: str, *, kind: PartyKind | None = None, ticker: str | None = None) -> Party:
        """Create a party or change its kind/ticker (the name's spelling is updated too)."""
        clean = _name(name)
        if not clean:
            raise ValueError("a party needs a name")
        with self.store.transaction() as s:
            row = s.scalars(select(PartyRow).where(PartyRow.name_key == party_key(clean))).first()
            if row is None:
                row = PartyRow(
                    name=clean, name_key=party_key(clean), kind=(kind or PartyKind.ORGANISATION).value, ticker=""
                )
                s.add(row)
            row.name = clean
            if kind is not None:
                row.kind = PartyKind.parse(kind).value
            if ticker is not None:
                row.ticker = clean_text(ticker)
            s.flush()
            return _to_party(row)

    # -- proposals the writer dismissed -------------------------------------------------

    def dismissed_proposals(self, article_id: int) -> set[str]:
        """Keys (`proposal_key`) of the assistant's proposals dismissed for this article."""
        with self.store.read() as s:
            return set(s.scalars(select(ProposalDismissalRow.key).where(ProposalDismissalRow.article_id == article_id)))

    def dismiss_proposal(self, article_id: int, text: str, who: str = "") -> None:
        """Never propose this claim (these words) for this article again."""
        key = proposal_key(text)
        who = acting_user_in(self.store, who)
        with self.store.transaction() as s:
            if s.get(ArticleRow, article_id) is None:
                raise KeyError(article_id)
            exists = s.scalar(
                select(ProposalDismissalRow.id).where(
                    ProposalDismissalRow.article_id == article_id, ProposalDismissalRow.key == key
                )
            )
            if exists is None:
                s.add(
                    ProposalDismissalRow(
                        article_id=article_id, key=key, text=clean_text(text)[:2000], who=who, at=utcnow()
                    )
                )

    def restore_proposals(self, article_id: int) -> int:
        """Propose every dismissed claim of the article again; returns how many came back."""
        with self.store.transaction() as s:
            rows = list(s.scalars(select(ProposalDismissalRow).where(ProposalDismissalRow.article_id == article_id)))
            for row in rows:
                s.delete(row)
            return len(rows)

    # -- helpers ------------------------------------------------------------------------

    def _fresh(self, claim_id: int) -> Claim:
        claim = self.get(claim_id)
        assert claim is not None
        return claim

    @staticmethod
    def _record_change(
        row: ClaimRow, before: StatusVerdict, after: StatusVerdict, override_changed: bool, who: str, now: datetime
    ) -> None:
        if (before.status, before.reason, before.overridden) == (after.status, after.reason, after.overridden):
            return
        kind = ("override" if after.overridden else "override_cleared") if override_changed else "derived"
        row.events.append(_event(after, kind, who, now))


def _event(verdict: StatusVerdict, kind: str, who: str, at: datetime) -> StatusEventRow:
    return StatusEventRow(status=verdict.status.value, reason=verdict.reason, kind=kind, who=who, at=at)


def _check_override(claim: Claim) -> None:
    if claim.override_status is not None and not clean_text(claim.override_reason):
        raise ValueError("Give a reason for overriding the status.")


def _write_fields(row: ClaimRow, claim: Claim) -> None:
    wording = clean_text(claim.wording)
    row.wording = wording
    row.short = short_statement(clean_text(claim.short) or wording)
    row.first_reported = claim.first_reported
    status = claim.override_status
    row.override_status = ClaimStatus.parse(status).value if status is not None else None
    row.override_reason = clean_text(claim.override_reason) if claim.override_status is not None else ""


def _party(s: Session, name: str, kind: PartyKind, cache: dict[str, PartyRow]) -> PartyRow | None:
    clean = _name(name)
    if not clean:
        return None
    key = party_key(clean)
    row = cache.get(key)
    if row is None:
        row = s.scalars(select(PartyRow).where(PartyRow.name_key == key)).first()
        if row is None:
            row = PartyRow(name=clean, name_key=key, kind=kind.value, ticker="")
            s.add(row)
        cache[key] = row
    return row


def _write_children(s: Session, row: ClaimRow, claim: Claim, cache: dict[str, PartyRow]) -> None:
    for i, a in enumerate(claim.appearances):
        row.appearances.append(
            AppearanceRow(
                outlet=_party(s, a.outlet, PartyKind.OUTLET, cache),
                title=clean_text(a.title),
                url=clean_text(a.url),
                date=a.date,
                is_first=bool(a.is_first),
                attribution=clean_text(a.attribution),
                position=i,
            )
        )
    for i, r in enumerate(claim.responses):
        row.responses.append(
            ResponseRow(
                party=_party(s, r.party, PartyKind.ORGANISATION, cache),
                stance=Stance.parse(r.stance).value,
                quote=clean_text(r.quote),
                spokesperson=clean_text(r.spokesperson),
                date=r.date,
                channel=Channel.parse(r.channel).value,
                reported_by=_party(s, r.reported_by, PartyKind.OUTLET, cache),
                source_url=clean_text(r.source_url),
                position=i,
            )
        )


def _to_claim_unsaved(row: ClaimRow, claim: Claim) -> Claim:
    """The claim as it will be stored (normalised names), before the row has an id."""
    return Claim(
        key=row.key,
        short=row.short,
        wording=row.wording,
        first_reported=row.first_reported,
        appearances=[
            Appearance(outlet=a.outlet.name if a.outlet else "", date=a.date, is_first=a.is_first)
            for a in row.appearances
        ],
        responses=[
            Response(party=r.party.name if r.party else "", stance=Stance(r.stance), date=r.date) for r in row.responses
        ],
        override_status=claim.override_status,
        override_reason=row.override_reason,
    )
