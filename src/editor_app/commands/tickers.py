"""`editor-app tickers ...`: ticker suggestions and directory search without a display."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from editor_app.commands.common import read_article_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tickers",
        help="suggest ticker tags for an article, search the symbol directory",
        description="Ticker tags: suggestions from an article's text and the offline symbol directory.",
    )
    sub = parser.add_subparsers(dest="tickers_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "suggest",
        help="suggest tags for a Markdown or text file",
        description="Print the listed companies an article is about or mentions.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="Markdown or plain-text article (UTF-8); - for stdin")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the story's date when its front matter has none (listings are judged at it; default today)",
    )
    p.set_defaults(handler=run_suggest)

    p = sub.add_parser(
        "search",
        help="search the directory by symbol, notation or name",
        description="Look up listings: 'F', 'NYSE: F', '1810.HK', 'Xiaomi', 'toyta'.",
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (default 10)")
    p.set_defaults(handler=run_search)


def run_suggest(args: argparse.Namespace) -> int:
    from editor_app.core.tickers.notation import render
    from editor_app.core.tickers.suggest import suggest

    text, error = read_article_file(args.file)
    if error:
        print(f"editor-app tickers suggest: {error}", file=sys.stderr)
        return 2 if "no such file" in error or "directory" in error else 1
    day = None
    if args.date:
        try:
            day = datetime.date.fromisoformat(args.date)
        except ValueError:
            print(f"editor-app tickers suggest: --date must be YYYY-MM-DD, not {args.date!r}", file=sys.stderr)
            return 2
    suggestions = suggest(text, date=day)
    if args.json:
        print(json.dumps([s.to_dict() for s in suggestions], ensure_ascii=False, indent=2))
        return 0
    if not suggestions:
        print("No listed companies found.")
        return 0
    for s in suggestions:
        li = s.listing
        where = ", ".join(sorted({m.section for m in s.mentions}))
        print(f"{render(li, 'exchange'):<18} {li.company:<36} {s.role:<8} x{s.count:<3} ({where})")
        print(f"{'':18} why: {s.why.partition(' — ')[2]}")
        print(f"{'':18} “{s.mentions[0].snippet}”")
    related = ", ".join(render(s.listing, "exchange") for s in suggestions)
    print(f"\nRelated stocks: {related}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    from editor_app.core.tickers.directory import default_directory
    from editor_app.core.tickers.notation import render

    query = args.query.strip()
    if not query:
        print("editor-app tickers search: empty query", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("editor-app tickers search: --limit must be at least 1", file=sys.stderr)
        return 2
    hits = default_directory().search(query, limit=args.limit)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No listing matches {query!r}.")
        return 1
    for h in hits:
        mark = "primary" if h.primary else ""
        print(f"{render(h, 'exchange'):<20} {h.company:<40} {h.country:<16} {h.currency:<4} {mark}")
    return 0
