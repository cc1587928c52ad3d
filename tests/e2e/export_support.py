"""Shared by the export tests: a full article on a real store, and the web validity tools.

The tools (Nu HTML Checker, axe-core, playwright-core) live in .tools/ (scripts/install_web_tools.sh,
run by ./dev test when npm exists); Chromium is the system's. Tests that need one skip with the
reason when it is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editor_app.services.opening import open_store

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_SCRIPT = ROOT / "scripts" / "axe_check.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))

FULL_ARTICLE = """\
---
title: Ford and Xiaomi deny report of talks on a US electric-vehicle venture
dek: A newspaper said the carmaker and the Chinese electronics group had discussed building EVs together.
byline: Jane Doe and Max Mustermann
tickers: ["about: NYSE: F", "HKEX: 1810"]
tags: [EV, Autos, electric vehicles]
claims:
  - key: c1
    text: Ford held preliminary talks with Xiaomi about a joint EV venture in the United States
    anchor: held preliminary talks with Xiaomi
    reported_by:
      outlet: Financial Times
      title: Ford in talks with Xiaomi over EV venture
      url: https://www.ft.com/content/ford-xiaomi
      date: 2026-11-20
      first: true
      attribution: people familiar with the matter
    responses:
      - party: Ford
        stance: denies
        quote: "We are not in talks with Xiaomi."
        spokesperson: Jane Smith
        date: 2026-11-21
        channel: statement
      - party: Xiaomi
        stance: denies
        quote: The report is untrue.
        date: 2026-11-21
        channel: social media
  - key: c2
    text: Xiaomi plans to build a factory in Ohio
    anchor: a factory in Ohio
    reported_by:
      - outlet: Bloomberg
        url: https://www.bloomberg.com/news/xiaomi-ohio
        date: 2026-11-19
    override:
      status: disputed
      reason: Only one unnamed source; the state government would not comment.
      by: desk editor
      at: 2026-11-22T10:00:00Z
---

# Ford and Xiaomi deny report

The *Financial Times* reported that Ford held preliminary talks with Xiaomi about building
electric vehicles in the US.[^ft] Another report said Xiaomi wanted a factory in Ohio.

## What the companies said

> "We are not in talks with Xiaomi," a Ford spokeswoman said.

| Company | Ticker | Response |
|:--------|:------:|---------:|
| Ford    | NYSE: F | Denies  |
| Xiaomi  | HKEX: 1810 | Denies |

### Market reaction

Shares moved little. The desk's calculation:

```python
change = (close - open) / open
```

Embedded chart: ![A small chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)
and the agency photo ![Factory photo](https://images.example.com/factory.jpg "Photo: Agency").

[^ft]: Financial Times, 20 November 2026.
"""


def set_status(db_path: Path, article_id: int, status: str, published_at: datetime | None = None) -> None:
    """Put an article in a status directly (tests only: the workflow's rules are tested elsewhere)."""
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        con.execute(
            "UPDATE articles SET status=?, published_at=? WHERE id=?",
            (
                status,
                published_at.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if published_at else None,
                article_id,
            ),
        )
        con.commit()
    finally:
        con.close()


def make_full_store(tmp_path: Path, *, published: bool = True) -> tuple[Path, int]:
    """A store holding FULL_ARTICLE imported end to end (claims, tickers, tags), desk settings,
    a verified source (when the review store exists), published at a fixed time."""
    from editor_app.core.importer import parse_markdown
    from editor_app.core.settings import DeskSettings
    from editor_app.store.importing import import_parsed
    from editor_app.store.settings import SettingsStore

    db = tmp_path / "desk.sqlite"
    store = open_store(db, seed_sample=False)
    try:
        result = import_parsed(store, parse_markdown(FULL_ARTICLE, source="full.md"))
        assert not [w for w in result.warnings if "not" in w], result.warnings
        SettingsStore(store).save(
            DeskSettings(
                publisher="Example Financial News",
                site_base_url="https://news.example.com/articles/",
                language="en-GB",
                twitter_site="@examplenews",
            )
        )
        try:
            from editor_app.services.review import Review
        except ImportError:  # review store not there yet: the claims' outlets still make the note
            pass
        else:
            reviews = Review(store)
            src = reviews.add_source(
                result.article.id,
                outlet="Reuters",
                title="Ford statement",
                url="https://www.reuters.com/ford-statement",
            )
            reviews.verify(src.id, who="desk editor")
            reviews.add_source(result.article.id, outlet="Unverified Blog", url="https://blog.example.com/")
        article_id = result.article.id
    finally:
        store.close()
    if published:
        set_status(db, article_id, "published", datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    return db, article_id


def run_cli(*args: str, db: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run(
        [sys.executable, "-m", "editor_app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


# -- tools --------------------------------------------------------------------------------------


def need_vnu() -> None:
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless): the Nu HTML Checker needs it")
    if not VNU_JAR.exists():
        pytest.skip(f"{VNU_JAR.relative_to(ROOT)} missing: run scripts/install_web_tools.sh (needs npm)")


def vnu_messages(*files: Path) -> list[dict]:
    need_vnu()
    proc = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(proc.stderr or proc.stdout or '{"messages": []}')
    return [m for m in report.get("messages", []) if m.get("type") in ("error", "non-document-error")]


def need_browser() -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the axe-core and network checks run in node")
    if not (TOOLS / "playwright-core").exists() or not (TOOLS / "axe-core").exists():
        pytest.skip(".tools/node_modules lacks playwright-core/axe-core: run scripts/install_web_tools.sh")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")


def axe_report(file: Path, *, color_scheme: str = "light") -> tuple[int, dict]:
    """axe-core's report on `file` in headless Chromium, whose reader prefers `color_scheme`."""
    need_browser()
    proc = subprocess.run(
        ["node", str(AXE_SCRIPT), str(file), "--color-scheme", color_scheme],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if proc.returncode == 2:
        raise AssertionError(f"axe_check could not run: {proc.stderr}")
    return proc.returncode, json.loads(proc.stdout)


class PageParser(HTMLParser):
    """Every start tag with its attributes (entities decoded, as a browser sees them), the
    text of <script> elements, and comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.comments: list[str] = []
        self._script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = {k.lower(): (v or "") for k, v in attrs}
        self.tags.append((tag.lower(), d))
        if tag.lower() == "script":
            self._script = d
            self.scripts.append((d, ""))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag.lower() == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None and self.scripts:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def json_ld(html: str) -> dict:
    page = parse_page(html)
    blocks = [text for attrs, text in page.scripts if attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


def meta_tags(html: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tag, attrs in parse_page(html).tags:
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            out.setdefault(attrs.get("property") or attrs["name"], []).append(attrs.get("content", ""))
    return out
