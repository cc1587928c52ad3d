"""`editor-app claims suggest FILE`: the reporting assistant's proposals, without a display."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editor_app.commands.common import read_article_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "claims",
        help="propose claims, reporters and responses from an article's text",
        description="Claims: what a story reports, who reported it, and how each party answered.",
    )
    sub = parser.add_subparsers(dest="claims_command", metavar="ACTION", required=True)
    p = sub.add_parser(
        "suggest",
        help="propose claims for a Markdown or text file",
        description=(
            "Print proposed claims with their reporters and responses. Offsets are character "
            "(Python string) offsets into the file's text after its front matter, with line "
            "endings read as \\n."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE", help="Markdown or plain-text article (UTF-8); - for stdin")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=run_suggest)


def read_body(path: Path) -> tuple[str | None, str | None]:
    """(text after the front matter, error message)."""
    from editor_app.core.importer import front_matter_end

    text, error = read_article_file(path)
    if text is None:
        return None, error
    return text[front_matter_end(text) :], None


def run_suggest(args: argparse.Namespace) -> int:
    from editor_app.core.reporting import propose

    text, error = read_body(args.file)
    if error:
        print(f"editor-app claims suggest: {error}", file=sys.stderr)
        return 2
    claims = propose(text)
    if args.json:
        print(json.dumps({"claims": [c.to_dict() for c in claims]}, ensure_ascii=False, indent=2))
        return 0
    if not claims:
        print("No reported claims found.")
        return 0
    for n, c in enumerate(claims, 1):
        status = c.status()
        print(f"{n}. {c.text}")
        print(f"   status: {status.status.label} ({status.reason})")
        for r in c.reported_by:
            print(f"   reported by: {r.who}")
        for r in c.responses:
            print(f"   {r.party}: {r.stance.label} — “{r.quote}”")
    return 0
