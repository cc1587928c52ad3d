"""Headless article commands: list, show, export, import (no display needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from editor_app.commands.common import fail as _fail
from editor_app.commands.common import guard as _guard
from editor_app.commands.common import open_store as _open_store
from editor_app.commands.common import print_json as _print_json
from editor_app.core.article import ArticleStatus
from editor_app.core.claim_json import claim_to_dict

# -- list / show --------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    store = _open_store(args, write=False)
    try:
        rows = store.list_summaries(deleted=args.deleted)
        if args.status:
            rows = [r for r in rows if r.status.value == args.status]
        if args.json:
            _print_json(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "slug": r.slug,
                        "status": r.status.value,
                        "byline": r.byline,
                        "updated_at": r.updated_at.isoformat(),
                    }
                    for r in rows
                ]
            )
        else:
            for r in rows:
                print(f"{r.id:>6}  {r.status.label:<11} {r.updated_at:%Y-%m-%d %H:%M}  {r.display_title}")
        return 0
    finally:
        store.close()


def outline_list(body: str) -> tuple[int, list[dict[str, Any]]]:
    """The body's words and its sections as the Outline dock shows them (lines are 1-based)."""
    from editor_app.core.outline import outline

    result = outline(body)
    return result.words, [
        {
            "level": s.level,
            "title": s.title,
            "line": s.first_line + 1,
            "words": s.words,
            "total_words": result.total_words(i),
            "claims": list(s.claims),
        }
        for i, s in enumerate(result.sections)
    ]


def article_dict(package) -> dict[str, Any]:
    a = package.article
    words, sections = outline_list(a.body)
    return {
        "id": a.id,
        "title": a.title,
        "dek": a.dek,
        "byline": a.byline,
        "slug": a.slug,
        "status": a.status.value,
        "created_at": a.created_at.isoformat(),
        "updated_at": a.updated_at.isoformat(),
        "body": a.body,
        "claims": [claim_to_dict(c) for c in package.claims],
        "tickers": [t.to_dict() for t in package.tickers],
        "related_stocks": package.related_stocks,
        "words": words,
        "word_target": a.word_target,
        "outline": sections,
    }


def cmd_show(args: argparse.Namespace) -> int:
    from editor_app.core.article import utcnow
    from editor_app.core.reply import for_claim, story_lines
    from editor_app.core.text import word_count
    from editor_app.services.package import load_package

    store = _open_store(args, write=False)
    try:
        package = load_package(store, args.id)
        if package is None:
            return _fail(f"no article with id {args.id} (see `editor-app list`)")
        if args.json:
            _print_json(article_dict(package))
            return 0
        a = package.article
        print(f"# {a.display_title}")
        if a.dek:
            print(f"\n{a.dek}")
        print(f"\n{a.status.label} · {a.byline or 'no byline'} · /{a.slug} · updated {a.updated_at:%Y-%m-%d %H:%M} UTC")
        words = word_count(a.body)
        print(f"{words:,} / {a.word_target:,} words" if a.word_target else f"{words:,} words")
        if package.related_stocks:
            print(package.related_stocks)
        for c in package.claims:
            v = c.effective
            print(f"\nClaim {c.key}: {c.display_short}\n  {v.status.label}: {v.reason}")
            for r in c.responses:
                print(f"  - {r.party or 'Unnamed'} {r.stance.label.lower()}: {r.quote}")
            for line in story_lines(for_claim(package.replies, c.id, c.key), utcnow()):
                print(f"  - {line}")  # right of reply, as the claims box says it now
        print(f"\n{a.body}")
        return 0
    finally:
        store.close()


# -- export -------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from editor_app.core.export import ExportError
    from editor_app.core.export_batch import EmbargoRefused, embargoed, export_many
    from editor_app.services.package import load_package
    from editor_app.store.settings import SettingsStore

    if not args.ids and not args.status:
        return _fail("name article ids or --status (e.g. --status approved)", 2)
    override = (args.override or "").strip()
    # an override, or a withheld wire item sent ahead of its embargo, is written to the history
    store = _open_store(args, write=bool(override) or args.format == "ninjs")
    out = Path(args.out)
    try:
        ids = list(dict.fromkeys(args.ids))
        if args.status:
            ids += [s.id for s in store.list_summaries() if s.status.value == args.status and s.id not in ids]
        packages = []
        for aid in ids:
            package = load_package(store, aid)
            if package is None:
                return _fail(f"no article with id {aid}")
            packages.append(package)
        if not packages:
            print(f"editor-app: no {args.status} articles: nothing exported", file=sys.stderr)
            return 0

        def progress(done: int, total: int, title: str) -> None:
            if total > 1 and title:
                print(f"[{done + 1}/{total}] {title}", file=sys.stderr)

        try:
            report = export_many(
                packages,
                out,
                overwrite=args.force,
                settings=SettingsStore(store).load(),
                on_progress=progress,
                index=len(packages) > 1 or bool(args.status),
                fmt=args.format,
                override_embargo=bool(override),
            )
        except EmbargoRefused as exc:
            return _fail(f"{exc} (use --override REASON)")
        except ExportError as exc:
            return _fail(str(exc))
        written = embargoed([p for p in packages if p.article.id in {f.article_id for f in report.files}])
        if written:
            from editor_app.store.embargo import EmbargoStore

            for package in written:
                if override:
                    EmbargoStore(store).record_override(package.article.id, "exported", override, who=args.who or "")
                else:  # ninjs: withheld until the embargo, no override needed
                    EmbargoStore(store).record_withheld(package.article.id, who=args.who or "")
        if report.refused:
            return _fail(
                f"{len(report.existing)} file(s) already exist, e.g. {report.existing[0]}; use --force to replace them"
            )
        for title, message in report.failed:
            print(f"editor-app: '{title}' could not be exported: {message}", file=sys.stderr)
        if args.json:
            _print_json(
                {
                    "files": [{"id": f.article_id, "title": f.title, "path": str(f.path)} for f in report.files],
                    "index": str(report.index) if report.index else None,
                    "failed": [{"title": t, "error": m} for t, m in report.failed],
                    "seconds": round(report.seconds, 3),
                }
            )
        else:
            for path in report.written:
                print(path)
        return 1 if report.failed else 0
    finally:
        store.close()


# -- import -------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from editor_app.core.importer import ImportFailed, read_article_file
    from editor_app.store.importing import import_parsed

    store = _open_store(args)
    results: list[dict[str, Any]] = []
    failures = 0
    try:
        for name in args.files:
            path = Path(name)
            try:
                parsed = read_article_file(path, encoding=args.encoding)
                result = import_parsed(store, parsed)
            except ImportFailed as exc:
                failures += 1
                print(f"editor-app: {path}: {exc}", file=sys.stderr)
                continue
            for w in result.warnings:
                print(f"editor-app: {path}: {w}", file=sys.stderr)
            results.append(
                {
                    "file": str(path),
                    "id": result.article.id,
                    "title": result.article.title,
                    "slug": result.article.slug,
                    "claims": len(result.claims),
                    "tickers": [t.notation for t in result.tickers],
                    "warnings": result.warnings,
                }
            )
            if not args.json:
                print(f"{result.article.id:>6}  {result.article.display_title}  ({path})")
        if args.json:
            _print_json(results)
        return 1 if failures else 0
    finally:
        store.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list articles")
    p.add_argument("--status", choices=[s.value for s in ArticleStatus])
    p.add_argument("--deleted", action="store_true", help="list deleted articles instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_list))

    p = sub.add_parser("show", help="show one article (with claims and stock tags)")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_show))

    p = sub.add_parser("export", help="export articles as self-contained HTML files")
    p.add_argument("ids", type=int, nargs="*", metavar="ID")
    p.add_argument("--status", choices=[s.value for s in ArticleStatus], help="export every article with this status")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    p.add_argument(
        "--format", choices=["html", "ninjs"], default="html", help="html pages (default) or IPTC ninjs 3.1 JSON"
    )
    p.add_argument(
        "--override", metavar="REASON", help="export before the embargo lifts; the reason is kept in the history"
    )
    p.add_argument("--who", help="who overrides (default: the acting user)")
    p.set_defaults(handler=_guard(cmd_export))

    p = sub.add_parser("import", help="import Markdown or text files (YAML front matter read)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--encoding", help="decode files with this encoding (e.g. latin-1) instead of UTF-8")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_import))
