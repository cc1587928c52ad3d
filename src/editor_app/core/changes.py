"""What a write changed: one value every pane can read to decide whether to refresh.

The store derives it from the rows a transaction wrote (`store.change_feed`), so no write can
forget to say what it touched; the window hands it to every pane through one signal
(`ui.common.change_bus`), the way Anki's `OpChanges` reach `operation_did_execute`. A pane asks
only what concerns it: `changes.tags and changes.touches(article_id)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

_FLAGS = ("library", "claims", "tags", "sources", "comments", "status", "revisions", "settings", "everything")


@dataclass(frozen=True)
class Changes:
    articles: frozenset[int] | None = field(default_factory=frozenset)  # None: some article, not known which
    fields: frozenset[str] = frozenset()  # article fields written (title, body, status, ...)
    library: bool = False  # articles created, deleted, restored or purged: the library's rows
    claims: bool = False  # claims, their appearances, responses or parties
    tags: bool = False  # stock tags or dismissed suggestions
    sources: bool = False  # source notes and their links to claims
    comments: bool = False
    status: bool = False  # workflow status changes
    revisions: bool = False
    settings: bool = False  # desk-wide settings
    everything: bool = False  # the store was replaced (backup restored): read it all again
    remote: bool = False  # written by someone else's app on the desk's server (store/server_feed.py)

    @classmethod
    def all(cls) -> Changes:
        return cls(articles=None, everything=True, **{f: True for f in _FLAGS if f != "everything"})

    def __bool__(self) -> bool:
        return bool(self.fields) or any(getattr(self, f) for f in _FLAGS)

    def __or__(self, other: Changes) -> Changes:
        articles = None if self.articles is None or other.articles is None else self.articles | other.articles
        merged = {f: getattr(self, f) or getattr(other, f) for f in _FLAGS}
        return replace(
            self, articles=articles, fields=self.fields | other.fields, remote=self.remote or other.remote, **merged
        )

    def touches(self, article_id: int | None) -> bool:
        """Whether this change may concern `article_id` (an unknown article may be any)."""
        if article_id is None:
            return False
        return self.everything or self.articles is None or article_id in self.articles

    def to_json(self) -> dict:
        """For the wire (a NOTIFY payload): only what is set."""
        out: dict = {f: True for f in _FLAGS if getattr(self, f)}
        out["articles"] = None if self.articles is None else sorted(self.articles)
        if self.fields:
            out["fields"] = sorted(self.fields)
        return out

    @classmethod
    def from_json(cls, data: dict, *, remote: bool = False) -> Changes:
        articles = data.get("articles")
        return cls(
            articles=None if articles is None else frozenset(int(a) for a in articles),
            fields=frozenset(str(f) for f in data.get("fields", ())),
            remote=remote,
            **{f: bool(data.get(f)) for f in _FLAGS},
        )

    def describe(self) -> str:
        """For logs and test failures: 'claims, tags on articles 3, 5'."""
        what = [f for f in _FLAGS if getattr(self, f)] + sorted(self.fields)
        where = "any article" if self.articles is None else ", ".join(map(str, sorted(self.articles)))
        return f"{', '.join(what) or 'nothing'} on {where or 'no article'}"
