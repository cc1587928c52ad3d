"""Putting a parsed file into the store: the article, its claims (anchored) and its stock tags.

Everything is checked before the first write (claims parse, tickers resolve); if a write still
fails half-way, the new article is removed again, so nothing is ever half-imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.core.anchors import anchor_in_first_occurrence, next_key
from editor_app.core.article import Article
from editor_app.core.claim_json import claim_from_dict
from editor_app.core.claims import Claim
from editor_app.core.importer import ImportFailed, ParsedArticle
from editor_app.core.tickers.tags import TickerTag, resolve_tag_inputs
from editor_app.store.claims import ClaimStore
from editor_app.store.store import Store
from editor_app.store.tickers import TickerTagStore


@dataclass
class ImportResult:
    article: Article
    claims: list[Claim] = field(default_factory=list)
    tickers: list[TickerTag] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _prepare_claims(parsed: ParsedArticle) -> tuple[list[Claim], str, list[str]]:
    """Claims with keys, and the body with their anchors; warnings for phrases not found."""
    claims: list[Claim] = []
    warnings: list[str] = []
    body = parsed.body
    used: set[str] = set()
    for n, raw in enumerate(parsed.claims, 1):
        try:
            claim = claim_from_dict(raw)
        except (ValueError, TypeError) as exc:
            raise ImportFailed(f"claim {n} in the front matter: {exc}") from exc
        if not claim.key:
            claim.key = next_key(used)
        used.add(claim.key)
        phrase = str(raw.get("anchor") or "").strip()
        if phrase:
            anchored = anchor_in_first_occurrence(body, phrase, claim.key)
            if anchored is None:
                warnings.append(f"claim {n}: anchor text {phrase!r} was not found in the body; the claim is unanchored")
            else:
                body = anchored
        claims.append(claim)
    return claims, body, warnings


def import_parsed(store: Store, parsed: ParsedArticle, *, who: str = "") -> ImportResult:
    claims, body, warnings = _prepare_claims(parsed)
    from editor_app.store.image_import import import_local_images

    body, image_warnings = import_local_images(store, body, parsed.source, who)  # pictures beside the file
    warnings.extend(image_warnings)
    tags: list[TickerTag] = []
    if parsed.tickers:
        from editor_app.core.tickers.directory import default_directory

        tags, errors = resolve_tag_inputs(parsed.tickers, default_directory())
        warnings.extend(f"ticker not added: {e}" for e in errors)
    warnings.extend(f"changed on import: {note}" for note in parsed.notes)
    article = store.create(
        title=parsed.title, dek=parsed.dek, byline=parsed.byline, body=body, slug=parsed.slug or None
    )
    try:
        saved_claims = ClaimStore(store).import_claims(article.id, claims, who=who) if claims else []
        tag_store = TickerTagStore(store)
        saved_tags = [tag_store.add(article.id, tag, role=tag.role) for tag in tags]
        if parsed.tags:
            store.save(article.id, tags=parsed.tags)  # hashtags from the front matter
        if parsed.embargo:
            from editor_app.store.embargo import EmbargoStore

            EmbargoStore(store).set_embargo(article.id, parsed.embargo)  # front matter `embargo:`
    except BaseException:
        store.delete(article.id)
        store.purge([article.id])
        raise
    return ImportResult(store.get(article.id) or article, saved_claims, saved_tags, warnings)
