"""Reply requests in the store: who was asked for comment on which claim, how, by whom and until
when (no Qt).

    replies = ReplyStore(store)
    replies.request(claim.id, "Xiaomi", "email", deadline, zone="Asia/Hong_Kong")

Writes announce `Changes(claims=True)` for the article (the change feed sees the rows), so the
Claims panel, the preview's claims box and the checklist refresh. A response recorded later for
the party closes the request (`store.reply_closing`, run by `ClaimStore.update`); being
overdue is derived at read time (`core.reply`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from editor_app.core.article import utcnow
from editor_app.core.reply import ReplyMethod, ReplyRequest, is_known_zone, offset_zone
from editor_app.store.models import ClaimRow, PartyRow
from editor_app.store.reply_models import ReplyRequestRow
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore, clean_text


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()  # as `store.claims.party_key`


def _to_request(row: ReplyRequestRow, claim_key: str) -> ReplyRequest:
    return ReplyRequest(
        id=row.id,
        article_id=row.article_id,
        claim_id=row.claim_id,
        claim_key=claim_key,
        party=row.party.name if row.party is not None else "",
        method=ReplyMethod(row.method),
        asked_at=row.asked_at,
        asked_by=row.asked_by,
        deadline=row.deadline,
        zone=row.zone,
        closed_at=row.closed_at,
        closed_by_response_id=row.closed_by_response_id,
        closed_by=row.closed_by,
    )


class ReplyStore(SubStore):
    """Reply requests of the claims in `store`."""

    # -- reads ------------------------------------------------------------------------------

    def list_for_article(self, article_id: int) -> list[ReplyRequest]:
        """Every request of the article's claims, oldest first ([] on a store from before 0012
        opened read-only)."""
        return self._list(ReplyRequestRow.article_id == article_id)

    def list_for_claim(self, claim_id: int) -> list[ReplyRequest]:
        return self._list(ReplyRequestRow.claim_id == claim_id)

    def get(self, request_id: int) -> ReplyRequest | None:
        found = self._list(ReplyRequestRow.id == request_id)
        return found[0] if found else None

    def _list(self, where) -> list[ReplyRequest]:
        stmt = (
            select(ReplyRequestRow, ClaimRow.key)
            .join(ClaimRow, ClaimRow.id == ReplyRequestRow.claim_id)
            .where(where)
            .order_by(ReplyRequestRow.asked_at, ReplyRequestRow.id)
        )
        try:
            with self._read() as s:
                return [_to_request(row, key) for row, key in s.execute(stmt)]
        except OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise

    # -- writes -----------------------------------------------------------------------------

    def request(
        self,
        claim_id: int,
        party: str,
        method: ReplyMethod | str,
        deadline: datetime,
        *,
        zone: str = "",
        asked_at: datetime | None = None,
        who: str = "",
    ) -> ReplyRequest:
        """Record that `party` was asked about the claim, with a deadline (an aware datetime;
        `zone` is how to print it, the deadline's own offset when not given). Refused: no party,
        a deadline without time zone or not after the time asked, an unknown zone."""
        name = " ".join(clean_text(party).split())
        if not name:
            raise ValueError("Name the party asked for comment.")
        how = ReplyMethod.parse(method)
        if deadline.tzinfo is None:
            raise ValueError("The deadline needs a time zone.")
        zone = clean_text(zone) or offset_zone(deadline)
        if not is_known_zone(zone):
            raise ValueError(f"Unknown time zone {zone!r}.")
        asked = asked_at or utcnow()
        if asked.tzinfo is None:
            raise ValueError("The time asked needs a time zone.")
        if deadline <= asked:
            raise ValueError("The deadline must be after the time the party was asked.")
        who = acting_user_in(self.store, who)

        def work(s) -> int:
            claim = s.get(ClaimRow, claim_id)
            if claim is None:
                raise KeyError(claim_id)
            party_row = s.scalars(select(PartyRow).where(PartyRow.name_key == _key(name))).first()
            if party_row is None:
                party_row = PartyRow(name=name, name_key=_key(name), kind="organisation", ticker="")
                s.add(party_row)
            row = ReplyRequestRow(
                article_id=claim.article_id,
                claim_id=claim.id,
                party=party_row,
                method=how.value,
                asked_at=asked,
                asked_by=who,
                deadline=deadline,
                zone=zone,
            )
            s.add(row)
            s.flush()
            return row.id

        new_id = self._run(work)
        found = self.get(new_id)
        assert found is not None
        return found

    def withdraw(self, request_id: int) -> None:
        """Delete a request entered by mistake (a party never asked)."""

        def work(s) -> None:
            row = s.get(ReplyRequestRow, request_id)
            if row is None:
                raise KeyError(request_id)
            s.delete(row)

        self._run(work)


__all__ = ["ReplyRequestRow", "ReplyStore"]
