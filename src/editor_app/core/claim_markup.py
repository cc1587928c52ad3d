"""Claims in the page: spans styled by status, and the "Claims and responses" box.

The renderer turns anchors into `<span class="claim" data-claim="KEY">`; this module adds what
depends on the claims' current state (status class, a hover reason, words for screen readers)
and renders the box, where the writer put `<!--claims-->` or else after the body.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from editor_app.core.article import utcnow
from editor_app.core.claims import Claim
from editor_app.core.page import render_template
from editor_app.core.render import CLAIMS_BOX_SLOT
from editor_app.core.reply import ReplyRequest, for_claim, story_lines

_SPAN = re.compile(r'<span class="claim" data-claim="([a-z][a-z0-9-]{0,31})">')
_SAFE_SCHEMES = {"http", "https", "mailto"}


def safe_url(url: str) -> str:
    """Only http(s)/mailto links leave the desk; anything else is dropped, not linked."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in _SAFE_SCHEMES else ""


@dataclass(frozen=True)
class ClaimMarkup:
    """A snapshot of the claims' state; `apply()` is pure, so it can run on any thread."""

    verdicts: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> (status, label, reason)
    box_html: str = ""

    @classmethod
    def from_claims(
        cls, claims: Sequence[Claim], replies: Sequence[ReplyRequest] = (), now: datetime | None = None
    ) -> ClaimMarkup:
        verdicts = {
            c.key: (c.effective.status.value, c.effective.status.label, c.effective.reason) for c in claims if c.key
        }
        return cls(verdicts=verdicts, box_html=claims_box_html(claims, replies, now))

    def decorate(self, body_html: str) -> str:
        def repl(m: re.Match[str]) -> str:
            key = m.group(1)
            found = self.verdicts.get(key)
            if found is None:
                return (
                    f'<span class="claim claim-unknown" data-claim="{key}" title="Claim {key} is not in the '
                    f'claims list">'
                )
            status, label, reason = found
            tip = html.escape(f"{label}: {reason}" if reason else label, quote=True)
            return (
                f'<span class="claim claim-{status}" data-claim="{key}" title="{tip}">'
                f'<span class="visually-hidden">[claim, {html.escape(label.lower())}] </span>'
            )

        return _SPAN.sub(repl, body_html)

    def apply(self, body_html: str) -> tuple[str, str]:
        """(body, after): spans decorated; the box in the writer's slot, or after the body."""
        body = self.decorate(body_html)
        if CLAIMS_BOX_SLOT in body:
            return body.replace(CLAIMS_BOX_SLOT, self.box_html, 1).replace(CLAIMS_BOX_SLOT, ""), ""
        return body, self.box_html


def claims_box_html(claims: Sequence[Claim], replies: Sequence[ReplyRequest] = (), now: datetime | None = None) -> str:
    """The box; each claim's reply requests add "did not respond ... by <deadline>" lines as of
    `now` (the time of the render or export)."""
    if not claims:
        return ""
    now = now or utcnow()
    lines = {c.key: story_lines(for_claim(replies, c.id, c.key), now) for c in claims}
    return render_template("claims_box.html.j2", claims=[_linkable(c) for c in claims], reply_lines=lines)


def _linkable(claim: Claim) -> Claim:
    """A copy whose URLs are safe to put in href (the template escapes everything else)."""
    from dataclasses import replace

    return replace(
        claim,
        appearances=[replace(a, url=safe_url(a.url)) for a in claim.appearances],
        responses=[replace(r, source_url=safe_url(r.source_url)) for r in claim.responses],
    )
