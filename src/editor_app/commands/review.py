"""Headless review commands: search, check, status, history (no display needed).

editor-app search 'xiaomi talks' [--json] [--limit N]
editor-app check ID [--json]                 exit 0: no errors; 1: checklist errors
editor-app status ID approved [--note T] [--override REASON] [--who NAME]
editor-app history ID [--json]
"""

from __future__ import annotations

import argparse
import sys

from editor_app.commands.common import fail as _fail
from editor_app.commands.common import guard as _guard
from editor_app.commands.common import open_store as _open_store
from editor_app.commands.common import print_json as _print_json
from editor_app.core.article import ArticleStatus


def _print_items(items: list) -> None:
    for item in items:
        mark = "ERROR  " if item.level == "error" else "warning"
        print(f"{mark} [{item.where.describe()}] {item.message}  ({item.code})")


# -- search -------------------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    from editor_app.store.search import search

    if args.limit < 1:
        return _fail("--limit must be at least 1", 2)
    store = _open_store(args, write=False)
    try:
        hits = search(store, args.query, limit=args.limit)
        if args.json:
            _print_json([h.to_dict() for h in hits])
            return 0
        if not hits:
            print(f"No article matches {args.query!r}.")
            return 0
        for h in hits:
            print(f"{h.article_id:>6}  {h.title.strip() or 'Untitled'}")
            print(f"        {' '.join(h.snippet.split())}")
        return 0
    finally:
        store.close()


# -- check --------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from editor_app.core.checklist import summary_line
    from editor_app.services.review import Review

    store = _open_store(args, write=False)
    try:
        article = store.get(args.id)
        if article is None:
            return _fail(f"no article with id {args.id} (see `editor-app list`)", 2)
        items = Review(store).checklist(args.id)
        errors = sum(1 for i in items if i.level == "error")
        if args.json:
            _print_json(
                {
                    "id": args.id,
                    "errors": errors,
                    "warnings": len(items) - errors,
                    "items": [i.to_dict() for i in items],
                }
            )
        else:
            print(f"{article.display_title}: {summary_line(items)}")
            _print_items(items)
        return 1 if errors else 0
    finally:
        store.close()


# -- status -------------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    from editor_app.core.workflow import ChecklistBlocked, WorkflowError, parse_status
    from editor_app.services.review import Review
    from editor_app.store.settings import acting_user_in

    try:
        to = parse_status(args.to)
    except WorkflowError as exc:
        return _fail(str(exc), 2)
    store = _open_store(args)
    try:
        if store.get(args.id) is None:
            return _fail(f"no article with id {args.id} (see `editor-app list`)", 2)
        try:
            change = Review(store).change_status(
                args.id, to, who=acting_user_in(store, args.who), note=args.note, override_reason=args.override
            )
        except ChecklistBlocked as exc:
            print(f"editor-app: {exc}", file=sys.stderr)
            _print_items(exc.items)
            print("Give --override REASON to change the status anyway.", file=sys.stderr)
            return 1
        except WorkflowError as exc:
            return _fail(str(exc))
        print(change.describe())
        return 0
    finally:
        store.close()


# -- history ------------------------------------------------------------------------------------


def cmd_history(args: argparse.Namespace) -> int:
    from editor_app.services.review import Review
    from editor_app.store.revisions import RevisionStore

    store = _open_store(args, write=False)
    try:
        article = store.get(args.id)
        if article is None:
            return _fail(f"no article with id {args.id} (see `editor-app list`)", 2)
        changes = Review(store).status_history(args.id)
        revisions = RevisionStore(store).list(args.id)
        if args.json:
            _print_json(
                {
                    "id": args.id,
                    "status": article.status.value,
                    "published_at": article.published_at.isoformat() if article.published_at else None,
                    "status_changes": [c.to_dict() for c in changes],
                    "revisions": [r.to_dict() for r in revisions],
                }
            )
            return 0
        print(f"{article.display_title} — {article.status.label}")
        print("\nStatus changes:")
        if not changes:
            print("  none")
        for c in changes:
            print(f"  {c.at:%Y-%m-%d %H:%M} UTC  {c.describe()}")
        print("\nRevisions (newest first):")
        if not revisions:
            print("  none")
        for r in revisions:
            print(
                f"  #{r.id:<6} {r.updated_at:%Y-%m-%d %H:%M} UTC  {r.reason:<14} {r.who or 'unknown':<16} "
                f"{r.size:>7,} chars"
            )
        return 0
    finally:
        store.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="full-text search over headline, summary and body")
    p.add_argument("query", metavar="QUERY", help='words (all must match), "a phrase", prefix*, OR, NOT')
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    p.set_defaults(handler=_guard(cmd_search))

    p = sub.add_parser("check", help="run the pre-publish checklist (exit 1 when it has errors)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_check))

    statuses = ", ".join(s.value for s in ArticleStatus)
    p = sub.add_parser(
        "status",
        help="change an article's workflow status",
        description=f"Move an article to another status ({statuses}). Approving and "
        "publishing run the checklist; its errors block unless --override.",
    )
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("to", metavar="TO", help=statuses)
    p.add_argument("--note", default="", help="a note recorded with the change")
    p.add_argument(
        "--override",
        default="",
        metavar="REASON",
        help="approve/publish despite checklist errors, for this recorded reason",
    )
    p.add_argument(
        "--who",
        default="",
        metavar="NAME",
        help="who is acting (default: the name saved for this account, else EDITOR_APP_USER, else the OS user)",
    )
    p.set_defaults(handler=_guard(cmd_status))

    p = sub.add_parser("history", help="status changes and revisions of an article")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_history))
