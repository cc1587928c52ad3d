"""Machine-readable metadata for the exported page: schema.org NewsArticle as JSON-LD.

Claims follow schema.org `Claim` (text, author, appearance, firstAppearance, datePublished) and
sit in the article's `about`; companies are `Corporation`s with `tickerSymbol`, in `about` or
`mentions` by their tag's role. A `ClaimReview` is emitted only for a claim the desk has given
a verdict (an editor's override), never for a status merely derived from responses. The right
of reply rides on each claim as its `comment`s: one per request for comment, saying what the
story says ("did not respond ... by <deadline>", or that the party answered).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from editor_app.core.article import Article, utcnow
from editor_app.core.claims import Appearance, Claim
from editor_app.core.reply import ReplyRequest, ReplyState, for_claim
from editor_app.core.tickers.tags import TickerTag


def _org(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}


def _appearance(a: Appearance) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if a.title:
        work["name"] = a.title
    if a.url:
        work["url"] = a.url
    if a.date:
        work["datePublished"] = a.date.isoformat()
    if a.outlet:
        work["publisher"] = _org(a.outlet)
    return work


def reply_comment_json_ld(request: ReplyRequest, now: datetime) -> dict[str, Any]:
    """A request for comment as a schema.org Comment on the claim."""
    state = request.state(now)
    text = request.sentence(now) or f"{request.party} responded."
    if state is ReplyState.CLOSED and request.closed_by:
        text = f"{request.party} responded ({request.closed_by})."
    return {
        "@type": "Comment",
        "name": f"Request for comment: {request.party}",
        "text": text,
        "dateCreated": request.asked_at.isoformat(),
        "expires": request.deadline.isoformat(),
    }


def claim_json_ld(claim: Claim, replies: Sequence[ReplyRequest] = (), now: datetime | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Claim", "text": claim.wording or claim.display_short}
    if claim.key:
        data["@id"] = f"#claim-{claim.key}"
    first = claim.first_appearance
    if first is not None and first.outlet:
        data["author"] = _org(first.outlet)
    if claim.appearances:
        data["appearance"] = [_appearance(a) for a in claim.appearances]
    if first is not None:
        data["firstAppearance"] = _appearance(first)
    when = claim.date_first_reported
    if when is not None:
        data["datePublished"] = when.isoformat()
    asked = for_claim(replies, claim.id, claim.key)
    if asked:
        data["comment"] = [reply_comment_json_ld(r, now or utcnow()) for r in asked]
    return data


def claim_review_json_ld(claim: Claim, publisher: str) -> dict[str, Any] | None:
    verdict = claim.effective
    if not verdict.overridden:
        return None
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": claim.wording or claim.display_short,
        "itemReviewed": claim_json_ld(claim),
        "reviewRating": {"@type": "Rating", "alternateName": verdict.status.label, "ratingExplanation": verdict.reason},
    }
    if publisher:
        review["author"] = _org(publisher)
    if claim.override_at is not None:
        review["datePublished"] = claim.override_at.date().isoformat()
    return review


def corporation_json_ld(tag: TickerTag) -> dict[str, Any]:
    corp: dict[str, Any] = {"@type": "Corporation", "name": tag.name or tag.symbol}
    if not tag.unlisted or tag.mic:
        corp["tickerSymbol"] = tag.ticker_symbol
    return corp


def news_article_json_ld(
    article: Article,
    *,
    claims: Sequence[Claim] = (),
    tickers: Sequence[TickerTag] = (),
    publisher: str = "",
    canonical_url: str = "",
    lang: str = "en",
    keywords: Sequence[str] = (),
    replies: Sequence[ReplyRequest] = (),
    now: datetime | None = None,
) -> dict[str, Any]:
    news: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": article.display_title,
        "inLanguage": lang,
        "dateCreated": article.created_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
    }
    published_at = getattr(article, "published_at", None)  # unpublished exports carry no datePublished
    if published_at is not None:
        news["datePublished"] = published_at.isoformat()
    if article.dek:
        news["description"] = article.dek
    if article.byline:
        news["author"] = [
            {"@type": "Person", "name": name.strip()}
            for name in article.byline.replace(" and ", ",").split(",")
            if name.strip()
        ]
    if publisher:
        news["publisher"] = _org(publisher)
    if canonical_url:
        news["url"] = canonical_url
        news["mainEntityOfPage"] = canonical_url
    if keywords:
        news["keywords"] = list(keywords)
    about = [claim_json_ld(c, replies, now) for c in claims] + [
        corporation_json_ld(t) for t in tickers if t.role == "about"
    ]
    mentions = [corporation_json_ld(t) for t in tickers if t.role != "about"]
    if about:
        news["about"] = about
    if mentions:
        news["mentions"] = mentions
    graph = [news] + [r for c in claims if (r := claim_review_json_ld(c, publisher)) is not None]
    return {"@context": "https://schema.org", "@graph": graph}


def social_meta_tags(
    article: Article,
    *,
    site_name: str = "",
    canonical_url: str = "",
    tags: Sequence[str] = (),
    twitter_site: str = "",
    lang: str = "en",
) -> list[tuple[str, str, str]]:
    """Open Graph (`property=`) and Twitter card (`name=`) tags as (kind, key, content); the page
    template escapes the values. No og:image: the page loads nothing from outside."""
    og: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:title", article.display_title),
    ]
    if article.dek:
        og.append(("property", "og:description", article.dek))
    if canonical_url:
        og.append(("property", "og:url", canonical_url))
    if site_name:
        og.append(("property", "og:site_name", site_name))
    og.append(("property", "og:locale", lang.replace("-", "_")))
    published_at = getattr(article, "published_at", None)
    if published_at is not None:
        og.append(("property", "article:published_time", published_at.isoformat()))
    og.append(("property", "article:modified_time", article.updated_at.isoformat()))
    og += [("property", "article:tag", tag) for tag in tags]
    twitter = [("name", "twitter:card", "summary"), ("name", "twitter:title", article.display_title)]
    if article.dek:
        twitter.append(("name", "twitter:description", article.dek))
    if twitter_site:
        twitter.append(("name", "twitter:site", twitter_site))
    return og + twitter


def json_ld_script_body(data: dict[str, Any]) -> str:
    """JSON safe inside <script type="application/ld+json">: no `</script>` can be formed."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def correction_json_ld(data: dict[str, Any], notices: Sequence[Any]) -> dict[str, Any]:
    """Add the published notices to the NewsArticle of `data` (in place): corrections and
    clarifications as schema.org `correction` (`CorrectionComment`: text, datePublished), and
    `dateModified` no earlier than the latest notice. Updates change only `dateModified`."""
    published = [n for n in notices if getattr(n, "published_at", None) is not None]
    if not published:
        return data
    news = data["@graph"][0]
    corrections = [
        {
            "@type": "CorrectionComment",
            "name": n.kind.label,
            "text": n.text,
            "datePublished": n.published_at.isoformat(),
        }
        for n in published
        if n.kind.value in ("correction", "clarification")
    ]
    if corrections:
        news["correction"] = corrections
    latest = max(n.published_at for n in published)
    modified = news.get("dateModified")
    if not modified or latest.isoformat() > modified:
        news["dateModified"] = latest.isoformat()
    return data
