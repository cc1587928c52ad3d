"""Headless notice commands (no display needed):

editor-app correct ID --kind correction|clarification|update --text TEXT [--who NAME] [--json]
editor-app notices [ID] [--json]            one article's notices, or every article's
editor-app kill ID --reason TEXT [--who NAME] [--json]
editor-app embargo ID [TIME | --clear] [--json]
"""

from __future__ import annotations

import argparse

from editor_app.commands.common import fail as _fail
from editor_app.commands.common import guard as _guard
from editor_app.commands.common import open_store as _open_store
from editor_app.commands.common import print_json as _print_json
from editor_app.core.embargo import EmbargoError, human
from editor_app.core.notices import NoticeError, NoticeKind


def cmd_correct(args: argparse.Namespace) -> int:
    from editor_app.store.notices import NoticeStore

    store = _open_store(args)
    try:
        try:
            notice = NoticeStore(store).add(args.id, args.kind, args.text, who=args.who or "")
        except KeyError:
            return _fail(f"no article with id {args.id} (see `editor-app list`)")
        except NoticeError as exc:
            return _fail(str(exc))
        if args.json:
            _print_json(notice.to_dict())
        elif notice.published:
            print(f"{notice.line()} (by {notice.who or 'unknown'})")
        else:
            print(f"{notice.kind.label} saved; it is published with the article's next publication.")
        return 0
    finally:
        store.close()


def cmd_notices(args: argparse.Namespace) -> int:
    from editor_app.store.notices import NoticeStore

    store = _open_store(args, write=False)
    try:
        notices = NoticeStore(store)
        rows = notices.list(args.id) if args.id is not None else notices.list_all()
        if args.json:
            _print_json([n.to_dict() | ({"title": n.article_title} if n.article_title else {}) for n in rows])
            return 0
        if not rows:
            print("No notices.")
        for n in rows:
            title = f"  {n.article_title.strip() or 'Untitled'}" if n.article_title else ""
            state = "" if n.published else " (waiting for publication)"
            print(f"{n.article_id:>6}{title}\n        {n.line()}{state} by {n.who or 'unknown'}")
        return 0
    finally:
        store.close()


def cmd_kill(args: argparse.Namespace) -> int:
    from editor_app.store.notices import NoticeStore

    store = _open_store(args)
    try:
        try:
            NoticeStore(store).kill(args.id, args.reason, who=args.who or "")
        except KeyError:
            return _fail(f"no article with id {args.id} (see `editor-app list`)")
        except NoticeError as exc:
            return _fail(str(exc))
        article = store.get(args.id)
        if args.json:
            _print_json(
                {
                    "id": article.id,
                    "status": article.status.value,
                    "killed_at": article.killed_at.isoformat(),
                    "killed_by": article.killed_by,
                    "reason": article.kill_reason,
                }
            )
        else:
            print(f"Killed '{article.display_title}' by {article.killed_by or 'unknown'}: {article.kill_reason}")
        return 0
    finally:
        store.close()


def cmd_embargo(args: argparse.Namespace) -> int:
    from editor_app.store.embargo import EmbargoStore

    writing = bool(args.time) or args.clear
    store = _open_store(args, write=writing)
    try:
        embargoes = EmbargoStore(store)
        try:
            when = (
                embargoes.set_embargo(args.id, "" if args.clear else args.time)
                if writing
                else embargoes.embargo(args.id)
            )
        except KeyError:
            return _fail(f"no article with id {args.id} (see `editor-app list`)")
        except EmbargoError as exc:
            return _fail(str(exc), 2)
        if args.json:
            _print_json({"id": args.id, "embargo": when.isoformat() if when else None})
        else:
            print(f"Embargoed until {human(when)}" if when else "No embargo.")
        return 0
    finally:
        store.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("correct", help="publish a correction, clarification or update notice on a published article")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--kind", required=True, choices=[k.value for k in NoticeKind])
    p.add_argument("--text", required=True, help="what was changed, as readers will see it")
    p.add_argument("--who", help="who writes the notice (default: the acting user)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_correct))

    p = sub.add_parser("notices", help="list the notices of one article, or of every article")
    p.add_argument("id", type=int, nargs="?", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_notices))

    p = sub.add_parser("kill", help="withdraw a published article, with the reason (nothing is deleted)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--who", help="who kills it (default: the acting user)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_kill))

    p = sub.add_parser("embargo", help="show, set or clear an article's embargo (a time with its zone)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("time", nargs="?", help="e.g. 2026-12-24T09:00:00+08:00")
    p.add_argument("--clear", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_embargo))
