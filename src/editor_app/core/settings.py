"""Desk settings: editorial configuration shared by everyone on the desk (plain data, no Qt).

They live in the store (table `desk_settings`), not in QSettings, because they are part of what
is published: the publisher in JSON-LD and Open Graph, the site's base URL for canonical links,
the language of the page. Per-user UI state (e.g. "open after export") stays in QSettings.

Who is acting is not a desk setting any more: the person's name is saved per OS account
(`core.identity`). `desk_user` is kept for stores made before that: it is the fallback when
this account has saved no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from urllib.parse import urlsplit

from editor_app.core.identity import acting_user, login_name

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_HANDLE = re.compile(r"^@?[A-Za-z0-9_]{1,15}$")


def default_user() -> str:
    """The OS login name ("" when there is none: containers, odd environments)."""
    return login_name()


@dataclass(frozen=True)
class DeskSettings:
    publisher: str = ""  # "Example Financial News" (JSON-LD publisher, og:site_name)
    site_base_url: str = ""  # "https://news.example.com/articles/" (canonical = base + slug + ".html")
    desk_user: str = ""  # legacy store-wide name: used only when this account saved none (`user`)
    language: str = "en"  # BCP 47 tag for <html lang> and inLanguage
    twitter_site: str = ""  # "@examplenews" (twitter:site)
    spelling_languages: str = "en_US, en_GB"  # Enchant tags, comma-separated (an article's front matter `lang:` wins)
    export_theme: str = "light"  # exported pages: light (the publication's style), dark, or auto (the reader's system)
    notice_position: str = "bottom"  # where an exported page shows its correction notices: "top" | "bottom"

    @property
    def spelling(self) -> list[str]:
        """The desk's spelling languages as Enchant tags (American and British English when unset)."""
        from editor_app.core.spelling.checker import DEFAULT_LANGUAGES
        from editor_app.core.spelling.words import parse_languages

        return parse_languages(self.spelling_languages) or list(DEFAULT_LANGUAGES)

    @property
    def page_theme(self) -> str:
        """The export theme as `core.page.page_html` takes it (light when unset or unknown)."""
        value = self.export_theme.strip().lower()
        return value if value in ("light", "dark", "auto") else "light"

    @property
    def user(self) -> str:
        """Who is acting (`core.identity.acting_user`, with `desk_user` as the legacy fallback)."""
        return acting_user(self.desk_user)

    @property
    def notices_at(self) -> str:
        """ "top" or "bottom" (anything else reads as the default, bottom)."""
        value = self.notice_position.strip().casefold()
        return value if value in ("top", "bottom") else "bottom"

    @property
    def lang(self) -> str:
        value = self.language.strip()
        return value if _LANG.match(value) else "en"

    @property
    def twitter_handle(self) -> str:
        """ "@handle", or "" when unset or not a valid handle."""
        value = self.twitter_site.strip()
        if not value or not _HANDLE.match(value):
            return ""
        return value if value.startswith("@") else f"@{value}"

    def canonical_url(self, slug: str, own_url: str = "") -> str:
        """The article's own canonical URL if it has one, else base + slug + ".html" (or "")."""
        own = safe_http_url(own_url)
        if own:
            return own
        base = safe_http_url(self.site_base_url)
        if not base or not slug:
            return ""
        return f"{base if base.endswith('/') else base + '/'}{slug}.html"

    def problems(self) -> list[str]:
        """What is wrong with the values as typed (empty list = fine)."""
        out: list[str] = []
        if self.site_base_url.strip() and not safe_http_url(self.site_base_url):
            out.append("The site base URL must start with http:// or https://.")
        if self.language.strip() and not _LANG.match(self.language.strip()):
            out.append("The language must be a language tag such as en, en-GB or de.")
        if self.spelling_languages.strip() and not self.spelling_languages_valid():
            out.append("The spelling languages must be tags such as en_US, en_GB (comma-separated).")
        if self.twitter_site.strip() and not _HANDLE.match(self.twitter_site.strip()):
            out.append("The Twitter handle may only hold letters, digits and _ (at most 15).")
        return out

    def spelling_languages_valid(self) -> bool:
        from editor_app.core.spelling.words import parse_languages

        parts = [p for p in re.split(r"[\s,;]+", self.spelling_languages) if p]
        return len(parse_languages(self.spelling_languages)) == len(set(parts))

    def to_items(self) -> dict[str, str]:
        return {f.name: str(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_items(cls, items: dict[str, str]) -> DeskSettings:
        known = {f.name for f in fields(cls)}
        values = {k: str(v) for k, v in items.items() if k in known and v is not None}
        return replace(cls(), **values)


def safe_http_url(url: str) -> str:
    """`url` stripped if it is an absolute http(s) URL with a host, else ""."""
    value = (url or "").strip()
    if not value or any(c in value for c in "\x00\r\n\t <>\"'`"):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else ""
