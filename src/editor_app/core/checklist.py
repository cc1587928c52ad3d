"""The pre-publish checklist: a pure function of the article package and its review records.

    items = run_checklist(package, comments=comments, sources=sources, suggestions=open_suggestions,
                          now=utcnow())
    blocking = [i for i in items if i.level == "error"]

Every item says where it is (`Location`) so a pane can jump there. Rules:

errors
  missing_headline, missing_byline, missing_summary   the header fields (the dek is the summary)
  claim_no_source        a claim with no appearance and no linked source
  claim_no_response      a claim with no response at all (not even a "did not respond" entry)
  response_no_quote      a response without a quote or paraphrase ("did not respond" and
                         "declined to comment" entries need none)
  response_no_source     a response without a source URL or a linked source ("did not respond"
                         entries need none)
  claim_unanchored       a claim whose key is not anchored in the body
  reply_pending          a party asked for comment whose deadline has not passed and whose
                         response is not recorded yet (`core.reply`; overridden with a reason
                         like every error); an overdue request counts as a "did not respond"
                         entry for claim_no_response
  open_comment           an open (unresolved) review comment thread
  ticker_suggestion      a ticker suggestion neither tagged nor dismissed
  source_unverified      a source note nobody has marked verified
  bad_link               a link in the body that is not http(s) or mailto
warnings
  long_headline          headline over 110 characters
  denial_not_in_summary  a denied claim while the dek mentions neither a denial nor a denier
  headline_states_claim  the headline or dek states a denied, disputed, unconfirmed or retracted
                         claim as fact, without attribution (`core.headline_check`); it points
                         at the words (offset and length in the field)
  ticker_not_named       a tagged stock whose symbol, company name or alias is not in the text
  spelling               words of the body no dictionary of the article knows (one item: the
                         count, the first few words; it points at the first)
errors (images, core.images.checks; one item each, with the count, pointing at the first)
  image_no_alt           images without alt text
  image_missing          `image:` references to pictures the store does not hold

No Qt, no database: comments and sources come in as `core.workflow` dataclasses (or anything
with the same attributes), suggestions as `core.tickers.suggest.Suggestion`s, the pane's
suggestion items, or `TickerSuggestion`s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from editor_app.core import headline_check, reply
from editor_app.core.anchors import _Scan, anchored_keys, strip_markers
from editor_app.core.article import utcnow
from editor_app.core.claims import ClaimStatus, Stance
from editor_app.core.export import ArticlePackage
from editor_app.core.images.checks import image_issues
from editor_app.core.images.refs import image_key
from editor_app.core.render import unclosed_raw_text_tags

HEADLINE_LIMIT = 110
SPELLING_SHOWN = 5  # misspelt words named in the item
ALLOWED_SCHEMES = ("http", "https", "mailto")

Level = Literal["error", "warning"]
Part = Literal["header", "body", "claim", "comment", "source", "ticker"]


@dataclass(frozen=True)
class Location:
    """Where an item is.

    part     "header" | "body" | "claim" | "comment" | "source" | "ticker"
    field    header: "title" | "dek" | "byline"; claim: "appearances" | "responses" | "anchor" | "replies"
    key      claim key ("c1"); ticker: "MIC:SYMBOL" ("XNYS:F")
    id       comment id, source id, response id (part "claim", field "responses"), tag id
    index    position of a response in its claim's list (0-based)
    offset   body: str index into `Article.body`; comment: start of its range; header: start of
             the words meant in the field (with `length`)
    line     body: 1-based line number of `offset`
    """

    part: Part
    field: str = ""
    key: str = ""
    id: int | None = None
    index: int | None = None
    offset: int | None = None
    line: int | None = None
    length: int | None = None  # header: how many characters from `offset` to select

    def describe(self) -> str:
        if self.part == "header":
            return {"title": "headline", "dek": "summary", "byline": "byline", "embargo": "embargo"}.get(
                self.field, "header"
            )
        if self.part == "body":
            return f"body, line {self.line}" if self.line else "body"
        if self.part == "claim":
            text = f"claim {self.key}"
            if self.field == "responses" and self.index is not None:
                text += f", response {self.index + 1}"
            elif self.field:
                text += f", {self.field}"
            return text
        if self.part == "comment":
            return f"comment #{self.id}" + (f" (body, line {self.line})" if self.line else "")
        if self.part == "source":
            return f"source #{self.id}"
        return f"stock {self.key}"

    def to_dict(self) -> dict:
        return {
            k: v
            for k, v in (
                ("part", self.part),
                ("field", self.field),
                ("key", self.key),
                ("id", self.id),
                ("index", self.index),
                ("offset", self.offset),
                ("line", self.line),
                ("length", self.length),
            )
            if v not in ("", None)
        }


@dataclass(frozen=True)
class CheckItem:
    level: Level
    code: str
    message: str
    where: Location

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "where": self.where.to_dict(),
            "where_text": self.where.describe(),
        }


@dataclass(frozen=True)
class TickerSuggestion:
    """A suggestion reduced to what the checklist needs. `keys`: every (symbol, MIC) of the
    issuer; a tag or dismissal on any of them settles the suggestion."""

    symbol: str
    mic: str
    name: str = ""
    keys: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    @classmethod
    def from_any(cls, item: Any) -> TickerSuggestion:
        if isinstance(item, TickerSuggestion):
            return item
        if isinstance(item, tuple):
            return cls(item[0], item[1])
        listing = getattr(item, "listing", item)
        symbol, mic = listing.symbol, listing.mic
        name = getattr(listing, "company", "") or getattr(listing, "name", "")
        keys = frozenset(getattr(item, "keys", None) or ()) | {(symbol, mic)}
        return cls(symbol, mic, name, keys)


def ticker_suggestions(text: str, directory: Any = None) -> list[TickerSuggestion]:
    """Suggestions for the article text (as the ticker pane scans it), with issuer keys."""
    from editor_app.core.tickers.directory import default_directory
    from editor_app.core.tickers.suggest import suggest

    directory = directory or default_directory()
    out = []
    for sug in suggest(text, directory):
        li = sug.listing
        keys = frozenset((x.symbol, x.mic) for x in directory.listings_of(li.issuer_id))
        out.append(TickerSuggestion(li.symbol, li.mic, li.company, keys | {(li.symbol, li.mic)}))
    return out


def suggestion_text(title: str, dek: str, body: str) -> str:
    """What the ticker pane scans: headline and dek as front matter, then the body."""
    return f"---\ntitle: {' '.join(title.split())}\ndek: {' '.join(dek.split())}\n---\n{body}"


# -- helpers ----------------------------------------------------------------------------------


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _mentions(haystack_folded: str, phrase: str) -> bool:
    """`phrase` on word boundaries in an already folded text (case and accents ignored)."""
    words = _fold(phrase).split()
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    return re.search(pattern, haystack_folded) is not None


_DENIAL_WORDS = re.compile(r"(?<!\w)(?:den(?:y|ied|ies|ial|ials|ying)|reject(?:s|ed|ing)?|false)(?!\w)", re.IGNORECASE)

# Links: inline [text](url "title") and images, <autolinks>, reference definitions, HTML href/src.
_INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_REF_DEF = re.compile(r"^[ ]{0,3}\[(?!\^)(?:[^\]\\\n]|\\.)+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_HTML_ATTR = re.compile(
    r"<(?:a|img|area|link|iframe|source)\b[^>]*?\b(?:href|src)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE
)
# link targets are not prose: "example.com/ford" does not name Ford
_URLS = re.compile(
    r"\]\([^)\n]*\)|<[A-Za-z][A-Za-z0-9+.\-]*:[^>\s]*>|\b(?:https?|mailto|ftp|file):[^\s)>\]]+"
    r"|^[ ]{0,3}\[[^\]\n]+\]:[^\n]*",
    re.MULTILINE,
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def link_ok(url: str) -> bool:
    """http(s) with a host, or mailto with an address."""
    url = url.strip()
    m = _SCHEME.match(url)
    if not m:
        return False
    scheme = m.group(1).lower()
    rest = url[m.end() :]
    if scheme in ("http", "https"):
        return rest.startswith("//") and len(rest) > 2 and rest[2:3] not in ("/", "?", "#")
    if scheme == "mailto":
        return bool(rest.strip())
    return False


@dataclass(frozen=True)
class BodyLink:
    url: str
    offset: int  # index of the URL in the body
    line: int
    kind: str  # "link" | "image" | "autolink" | "reference" | "html"


def _code_test(body: str) -> Callable[[int], bool]:
    """`in_code(pos)`: is the offset inside a fenced block or an inline code span? (the anchors'
    own scan, so links, raw tags and claim anchors agree on what is code)"""
    return _Scan(body).in_code


@dataclass(frozen=True)
class RawTag:
    tag: str  # as typed, e.g. "<script>" or "<STYLE>"
    offset: int
    line: int


def raw_text_tags(body: str) -> list[RawTag]:
    """Unclosed script, style … tags outside code, which the renderer shows as text
    (`render.unclosed_raw_text_tags`)."""
    spots = unclosed_raw_text_tags(body)
    if not spots:
        return []
    in_code = _code_test(body)
    return [RawTag(f"<{body[o + 1 : o + 1 + len(name)]}>", o, _line_of(body, o)) for o, name in spots if not in_code(o)]


def find_links(body: str) -> list[BodyLink]:
    """Every link target in the Markdown body, outside code (fenced blocks and code spans)."""
    in_code = _code_test(body)

    found: dict[int, BodyLink] = {}

    def add(url: str, offset: int, kind: str, match_start: int) -> None:
        if in_code(match_start) or offset in found:
            return
        if url.startswith("<") and url.endswith(">"):
            url, offset = url[1:-1], offset + 1
        found[offset] = BodyLink(url, offset, _line_of(body, offset), kind)

    for m in _INLINE_LINK.finditer(body):
        add(m.group(1), m.start(1), "image" if m.group(0).startswith("!") else "link", m.start())
    for m in _REF_DEF.finditer(body):
        add(m.group(1), m.start(1), "reference", m.start())
    for m in _AUTOLINK.finditer(body):
        if m.group(1).lower().startswith("!--"):
            continue
        add(m.group(1), m.start(1), "autolink", m.start())
    for m in _HTML_ATTR.finditer(body):
        value = m.group(1)
        start = m.start(1)
        if value[:1] in "\"'":
            value, start = value[1:-1], start + 1
        add(value, start, "html", m.start())
    return [found[k] for k in sorted(found)]


# -- the checklist ----------------------------------------------------------------------------


def run_checklist(
    package: ArticlePackage,
    *,
    comments: Iterable[Any] = (),
    sources: Iterable[Any] = (),
    suggestions: Iterable[Any] = (),
    dismissed: Collection[tuple[str, str]] = (),
    aliases: Mapping[tuple[str, str], Sequence[str]] | None = None,
    misspelt: Sequence[Any] = (),
    stored_images: Collection[str] | None = None,
    now: datetime | None = None,
) -> list[CheckItem]:
    """All checklist items for the package, errors first, each group in reading order.

    comments     the article's comments (threads or a flat list; replies are not counted
                 separately: a thread is open while its first comment is unresolved)
    sources      the article's source notes (`core.workflow.Source`, with `links`)
    suggestions  ticker suggestions for the current text; those tagged (any listing of the
                 issuer, when the item carries `keys`) or in `dismissed` are settled
    aliases      extra names per tagged (symbol, MIC) for the "never named" warning
    misspelt     unknown words of the body (`core.spelling.Word`s: start, end, word), in order
    stored_images  the body's `image:` keys the store holds (None: not checked)
    now          the time of the check: reply requests are pending or overdue as of `now`
                 (passing it keeps results reproducible)
    """
    now = now or utcnow()
    article = package.article
    body = article.body
    errors: list[CheckItem] = []
    warnings: list[CheckItem] = []

    def err(code: str, message: str, where: Location) -> None:
        errors.append(CheckItem("error", code, message, where))

    def warn(code: str, message: str, where: Location) -> None:
        warnings.append(CheckItem("warning", code, message, where))

    # header
    title = " ".join(article.title.split())
    if not title:
        err("missing_headline", "The headline is missing.", Location("header", "title"))
    elif len(title) > HEADLINE_LIMIT:
        warn(
            "long_headline",
            f"The headline has {len(title)} characters (over {HEADLINE_LIMIT}).",
            Location("header", "title"),
        )
    if not article.byline.strip():
        err("missing_byline", "The byline is missing.", Location("header", "byline"))
    dek = article.dek.strip()
    if not dek:
        err("missing_summary", "The summary (dek) is missing.", Location("header", "dek"))

    # claims
    sources = list(sources)
    linked_claims: set[int] = set()
    linked_responses: set[int] = set()
    for src in sources:
        for link in getattr(src, "links", ()) or ():
            linked_claims.add(link.claim_id)
            if link.response_id is not None:
                linked_responses.add(link.response_id)
    anchored = anchored_keys(body)
    dek_folded = _fold(dek)
    for claim in package.claims:
        label = f"Claim {claim.key} ({claim.display_short})"
        if not claim.appearances and (claim.id is None or claim.id not in linked_claims):
            err(
                "claim_no_source",
                f"{label} has no appearance and no linked source.",
                Location("claim", "appearances", claim.key, claim.id),
            )
        replies = reply.for_claim(getattr(package, "replies", ()), claim.id, claim.key)
        if not claim.responses and not reply.overdue(replies, now):  # an unanswered request counts
            err(
                "claim_no_response",
                f"{label} has no response; record the parties' answers or a 'did not respond' entry.",
                Location("claim", "responses", claim.key, claim.id),
            )
        for i, r in enumerate(claim.responses):
            who = r.party or "an unnamed party"
            where = Location("claim", "responses", claim.key, r.id, i)
            if r.stance not in (Stance.DID_NOT_RESPOND, Stance.DECLINES_TO_COMMENT) and not r.quote.strip():
                err("response_no_quote", f"{label}: the response of {who} has no quote.", where)
            if (
                r.stance != Stance.DID_NOT_RESPOND
                and not r.source_url.strip()
                and (r.id is None or r.id not in linked_responses)
            ):
                err("response_no_source", f"{label}: the response of {who} has no source URL or linked source.", where)
        for req in reply.pending(replies, now):
            err(
                "reply_pending",
                f"{label}: {req.party} was asked for comment {req.method.phrase}"
                f"{f' by {req.asked_by}' if req.asked_by else ''}; the deadline is "
                f"{req.deadline_text(now)}. Wait for the answer or the deadline, record the response, "
                "or give a reason to override.",
                Location("claim", "replies", claim.key, req.id),
            )
        for found in headline_check.check_claim(article.title, article.dek, claim):
            warn(
                "headline_states_claim",
                f"{label}: {found.message}",
                Location(
                    "header", found.field, claim.key, claim.id, offset=found.start, length=found.end - found.start
                ),
            )
        if claim.key not in anchored:
            err(
                "claim_unanchored",
                f"{label} is not anchored in the body.",
                Location("claim", "anchor", claim.key, claim.id),
            )
        if claim.effective.status == ClaimStatus.DENIED and dek:
            deniers = [r.party for r in claim.responses if r.stance == Stance.DENIES and r.party]
            if not _DENIAL_WORDS.search(dek) and not any(_mentions(dek_folded, p) for p in deniers):
                warn(
                    "denial_not_in_summary",
                    f"{label} is denied, but the summary mentions neither the denial nor "
                    f"{' nor '.join(deniers) or 'who denied it'}.",
                    Location("header", "dek", claim.key, claim.id),
                )

    # comments: open threads
    for c in _roots(comments):
        if getattr(c, "resolved", False):
            continue
        start = getattr(c, "anchor_start", None)
        anchored_c = start is not None and not getattr(c, "detached", False)
        snippet = " ".join((getattr(c, "body", "") or "").split())
        snippet = snippet[:60] + ("…" if len(snippet) > 60 else "")
        err(
            "open_comment",
            f"Open comment by {getattr(c, 'author', '') or 'someone'}: “{snippet}”",
            Location(
                "comment",
                "",
                "",
                c.id,
                None,
                start if anchored_c else None,
                _line_of(body, min(start, len(body))) if anchored_c else None,
            ),
        )

    # tickers
    tags = list(package.tickers)
    tagged = {t.key for t in tags}
    settled = tagged | set(dismissed)
    seen: set[tuple[str, str]] = set()
    for raw in suggestions:
        sug = TickerSuggestion.from_any(raw)
        keys = sug.keys or frozenset({(sug.symbol, sug.mic)})
        if keys & settled or (sug.symbol, sug.mic) in seen:
            continue
        seen.add((sug.symbol, sug.mic))
        err(
            "ticker_suggestion",
            f"Suggested stock {sug.name or sug.symbol} ({sug.symbol}) is neither tagged nor dismissed.",
            Location("ticker", "suggestion", f"{sug.mic}:{sug.symbol}"),
        )

    # sources
    for src in sources:
        if not getattr(src, "verified", getattr(src, "verified_at", None) is not None):
            name = src.display_title if hasattr(src, "display_title") else (src.title or src.url)
            err("source_unverified", f"Source “{name}” is not verified.", Location("source", "", "", src.id))

    # links
    for link in find_links(body):
        if link.kind in ("image", "html", "reference") and image_key(link.url):
            continue  # a stored picture: the image items below
        if not link_ok(link.url):
            shown = link.url if len(link.url) <= 60 else link.url[:57] + "…"
            err(
                "bad_link",
                f"Line {link.line}: the link “{shown or '(empty)'}” is not an http(s) or mailto link.",
                Location("body", "link", "", None, None, link.offset, link.line),
            )

    # images
    for issue in image_issues(body, stored_images, _code_test(body)):
        err(issue.code, issue.message, Location("body", "image", "", None, None, issue.offset, issue.line))

    # raw HTML the renderer had to neutralise
    shown = raw_text_tags(body)
    if shown:
        first = shown[0]
        more = f" (and {len(shown) - 1} more)" if len(shown) > 1 else ""
        warn(
            "raw_tag_shown_as_text",
            f"Line {first.line}: “{first.tag}” is shown as text, not used as HTML{more}: script, style "
            "and similar tags never reach a page. Put it in `backticks` to mark it as code.",
            Location("body", "html", "", None, None, first.offset, first.line),
        )

    # stocks named in the text
    if tags:
        raw_text = _URLS.sub(" ", strip_markers(f"{article.title}\n{article.dek}\n{body}"))
        text_folded = _fold(raw_text)
        for tag in tags:
            names = _tag_names(tag, (aliases or {}).get(tag.key, ()))
            symbol_hit = re.search(r"(?<![\w$])\$?" + re.escape(tag.symbol) + r"(?!\w)", raw_text) is not None
            if not symbol_hit and not any(_mentions(text_folded, n) for n in names):
                warn(
                    "ticker_not_named",
                    f"Related stock {tag.notation} ({tag.name or tag.symbol}) is never named in the text.",
                    Location("ticker", "", f"{tag.mic}:{tag.symbol}", tag.id),
                )

    # spelling
    if misspelt:
        first = misspelt[0]
        shown = list(dict.fromkeys(w.word for w in misspelt))
        more = f" and {len(shown) - SPELLING_SHOWN} more" if len(shown) > SPELLING_SHOWN else ""
        n = len(misspelt)
        warn(
            "spelling",
            f"{n} misspelt word{'s' if n != 1 else ''}: {', '.join(shown[:SPELLING_SHOWN])}{more}.",
            Location("body", "spelling", "", None, None, first.start, _line_of(body, first.start)),
        )

    # embargo (and the trading sessions it lifts in)
    from editor_app.core.embargo import embargo_findings

    for level, code, message in embargo_findings(article, package.tickers, now):
        (err if level == "error" else warn)(code, message, Location("header", "embargo"))

    return errors + warnings


def _roots(comments: Iterable[Any]) -> list[Any]:
    return [c for c in comments if getattr(c, "parent_id", None) is None]


_GENERIC_TAIL = frozenset(
    [
        "motor",
        "motors",
        "group",
        "holdings",
        "holding",
        "company",
        "co",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "plc",
        "limited",
        "sa",
        "ag",
        "nv",
        "se",
        "technologies",
        "technology",
        "international",
        "industries",
    ]
)


def _tag_names(tag: Any, extra: Iterable[str]) -> list[str]:
    """Names that count as naming the tagged company: its name, the name without legal and
    generic tail words ("Ford Motor" -> "Ford"), and any aliases given."""
    names = [n for n in extra if n.strip()]
    name = (tag.name or "").strip()
    if name:
        names.append(name)
        try:
            from editor_app.core.tickers.names import short_name

            names.append(short_name(name))
        except Exception:
            pass
        words = name.replace(",", " ").split()
        while len(words) > 1 and words[-1].casefold().strip(".") in _GENERIC_TAIL:
            words.pop()
            names.append(" ".join(words))
    return list(dict.fromkeys(n for n in names if n))


def errors_of(items: Iterable[CheckItem]) -> list[CheckItem]:
    return [i for i in items if i.level == "error"]


def summary_line(items: Sequence[CheckItem]) -> str:
    e = sum(1 for i in items if i.level == "error")
    w = len(items) - e
    if not items:
        return "Checklist passed."
    return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}."


__all__ = [
    "ALLOWED_SCHEMES",
    "HEADLINE_LIMIT",
    "BodyLink",
    "CheckItem",
    "Location",
    "TickerSuggestion",
    "errors_of",
    "find_links",
    "link_ok",
    "run_checklist",
    "suggestion_text",
    "summary_line",
    "ticker_suggestions",
]
