"""An article as IPTC ninjs 3.1 ("News in JSON") for wire and CMS partners (no Qt).

Every document validates against the IPTC's schema (tests read ../shared/data/ninjs). The
schema allows no property of our own (`unevaluatedProperties: false`), so what ninjs has no
name for goes where ninjs lets it, documented in docs/ninjs.md:

* notices (corrections, clarifications, updates) and a kill: extra `bodies` with the roles
  `notice:correction`, `notice:clarification`, `notice:update`, `notice:kill` (plain text);
* claims: `associations` with `rel: "claim"`, one ninjs object each (`uri`
  urn:editor-app:claim:<article id>:<key>, the wording as headline, the status and its reason
  as descriptions, the reporting outlets as infoSources);
* stock tags: `subjects` (rel about/mentions, literal "MIC:SYMBOL") and the companies as
  `organisations` with their `symbols` (exchange = MIC, symbol).

pubStatus: `canceled` for a killed article, `withheld` before its embargo, else `usable`.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from editor_app.core.article import utcnow
from editor_app.core.embargo import under_embargo
from editor_app.core.export import ArticlePackage, finish_body
from editor_app.core.notices import kill_of
from editor_app.core.reply import for_claim
from editor_app.core.settings import DeskSettings

NINJS_VERSION = "3.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
URN = "urn:editor-app"
_TAGS = re.compile(r"<[^>]+>")


def pub_status(package: ArticlePackage, now: datetime | None = None) -> str:
    article = package.article
    if getattr(article, "killed", False):
        return "canceled"
    if under_embargo(getattr(article, "embargo_at", None), now):
        return "withheld"
    return "usable"


def article_uri(package: ArticlePackage, settings: DeskSettings) -> str:
    a = package.article
    url = settings.canonical_url(a.slug, getattr(a, "canonical_url", ""))
    return url or f"{URN}:article:{a.id or 0}:{a.slug or 'untitled'}"


def _names(byline: str) -> list[str]:
    return [n.strip() for n in byline.replace(" and ", ",").split(",") if n.strip()]


def _words(html: str) -> tuple[int, int]:
    text = " ".join(_TAGS.sub(" ", html).split())
    return len(text), len(text.split())


def _claim(package: ArticlePackage, claim: Any, now: datetime) -> dict[str, Any]:
    verdict = claim.effective
    obj: dict[str, Any] = {
        "uri": f"{URN}:claim:{package.article.id or 0}:{claim.key or claim.id or 0}",
        "name": claim.display_short,
        "rel": "claim",
        "type": "text",
        "headlines": [{"role": "claim", "value": claim.wording or claim.display_short}],
        "descriptions": [{"role": "status", "value": verdict.status.label}],
    }
    if verdict.reason:
        obj["descriptions"].append({"role": "status-reason", "value": verdict.reason})
    if claim.key:
        obj["altIds"] = [{"role": "claim-key", "value": claim.key}]
    outlets = [a.outlet for a in claim.appearances if a.outlet.strip()]
    if outlets:
        obj["infoSources"] = [{"name": o, "role": "reported"} for o in dict.fromkeys(outlets)]
    when = claim.date_first_reported
    if when is not None:
        obj["firstCreated"] = f"{when.isoformat()}T00:00:00Z"
    for request in for_claim(package.replies, claim.id, claim.key):  # the right of reply
        obj["descriptions"].append({"role": "reply-request", "value": request.describe(now)})
        if sentence := request.sentence(now):
            obj["descriptions"].append({"role": "reply-statement", "value": sentence})
    return obj


def ninjs_document(
    package: ArticlePackage, body_html: str, *, settings: DeskSettings | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """The ninjs object for a package whose body is rendered and sanitized (`body_html`)."""
    settings = settings or DeskSettings()
    a = package.article
    notices = [n for n in package.notices if n.published]
    kill = kill_of(a) if getattr(a, "killed", False) else None
    version_created = max([a.updated_at, *(n.published_at for n in notices)])
    html = finish_body(body_html)
    chars, words = _words(html)
    doc: dict[str, Any] = {
        "uri": article_uri(package, settings),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "profile": "text-only",
        "version": str(1 + len(notices)),
        "versionCreated": version_created.isoformat(),
        "firstCreated": a.created_at.isoformat(),
        "pubStatus": pub_status(package, now),
        "language": settings.lang,
        "headlines": [{"role": "main", "value": a.display_title}],
    }
    embargo = getattr(a, "embargo_at", None)
    if embargo is not None:
        doc["embargoedUntil"] = embargo.isoformat()
    if a.slug:
        doc["slugline"] = a.slug
    if a.byline.strip():
        doc["by"] = a.byline.strip()
        doc["people"] = [{"name": n, "rel": "author"} for n in _names(a.byline)]
    if a.dek.strip():
        doc["descriptions"] = [{"role": "summary", "value": a.dek.strip()}]
    bodies: list[dict[str, Any]] = [
        {"role": "main", "contentType": "text/html", "charCount": chars, "wordCount": words, "value": html}
    ]
    bodies += [
        {
            "role": f"notice:{n.kind.value}",
            "contentType": "text/plain",
            "value": f"{n.kind.label} ({n.published_at.isoformat()}): {n.text}",
        }
        for n in notices
    ]
    if kill is not None:
        bodies.append(
            {
                "role": "notice:kill",
                "contentType": "text/plain",
                "value": f"Withdrawn ({kill.at.isoformat()}): {kill.reason}",
            }
        )
        doc["edNote"] = f"Killed: {kill.reason}"
    doc["bodies"] = bodies
    if package.tickers:
        doc["subjects"] = [
            {
                "name": t.name or t.symbol,
                "rel": t.role,
                "literal": f"{t.mic}:{t.symbol}" if t.mic else t.symbol,
            }
            for t in package.tickers
        ]
        doc["organisations"] = [
            {
                "name": t.name or t.symbol,
                "rel": t.role,
                "symbols": [{"exchange": t.mic or t.exchange, "symbol": t.symbol}],
            }
            for t in package.tickers
        ]
    if package.claims:
        doc["associations"] = [_claim(package, c, now or utcnow()) for c in package.claims]
    return doc


def write_ninjs(
    package: ArticlePackage, path, renderer, *, settings: DeskSettings | None = None, now: datetime | None = None
):
    """Render the body and write the ninjs document to `path` atomically (ExportError on failure)."""
    import json

    from editor_app.core.export import ExportError, atomic_write_text

    outcome = renderer.render(package.article.body)
    if not outcome.ok:
        raise ExportError(f"'{package.article.display_title}' could not be exported: {outcome.message}")
    doc = ninjs_document(package, outcome.html, settings=settings, now=now)
    try:
        atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    return path
