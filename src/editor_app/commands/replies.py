"""Right of reply on the command line (no display needed).

editor-app reply-request ID --claim KEY --party NAME --how email --deadline 2026-12-05T17:00+08:00
                         [--zone Asia/Hong_Kong] [--who NAME]
editor-app replies ID [--json]               the article's requests: open, overdue, answered
"""

from __future__ import annotations

import argparse

from editor_app.commands.common import fail, guard, open_store, print_json


def cmd_reply_request(args: argparse.Namespace) -> int:
    from editor_app.core.article import utcnow
    from editor_app.core.reply import ReplyMethod, parse_deadline
    from editor_app.store.claims import ClaimStore
    from editor_app.store.replies import ReplyStore
    from editor_app.store.settings import acting_user_in

    try:
        how = ReplyMethod.parse(args.how)
        deadline, zone = parse_deadline(args.deadline, args.zone)
    except ValueError as exc:
        return fail(str(exc), 2)
    store = open_store(args)
    try:
        if store.get(args.id) is None:
            return fail(f"no article with id {args.id} (see `editor-app list`)", 2)
        claim = ClaimStore(store).get_by_key(args.id, args.claim)
        if claim is None or claim.id is None:
            return fail(f"article {args.id} has no claim {args.claim!r}", 2)
        try:
            req = ReplyStore(store).request(
                claim.id, args.party, how, deadline, zone=zone, who=acting_user_in(store, args.who)
            )
        except ValueError as exc:
            return fail(str(exc), 2)
        now = utcnow()
        if args.json:
            print_json(req.to_dict(now))
        else:
            print(f"Claim {claim.key}: {req.party}. {req.describe(now)}.")
        return 0
    finally:
        store.close()


def cmd_replies(args: argparse.Namespace) -> int:
    from editor_app.core.article import utcnow
    from editor_app.store.replies import ReplyStore

    store = open_store(args, write=False)
    try:
        if store.get(args.id) is None:
            return fail(f"no article with id {args.id} (see `editor-app list`)", 2)
        requests = ReplyStore(store).list_for_article(args.id)
        now = utcnow()
        if args.json:
            print_json({"id": args.id, "requests": [r.to_dict(now) for r in requests]})
            return 0
        if not requests:
            print("No reply requests.")
        for r in requests:
            print(f"#{r.id:<5} claim {r.claim_key:<6} {r.party}: {r.describe(now)}")
            if r.sentence(now):
                print(f"       in the story: {r.sentence(now)}")
        return 0
    finally:
        store.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reply-request",
        help="record that a party of a claim was asked for comment, with a deadline",
        description="Right of reply: a party asked for comment on a claim. Publishing is blocked "
        "while the deadline has not passed and no response of the party is recorded (the "
        "checklist's reply_pending; override with a reason). Past the deadline the story says "
        '"<party> did not respond to a request for comment by <deadline>".',
    )
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--claim", required=True, metavar="KEY", help="the claim's key, e.g. c1")
    p.add_argument("--party", required=True, metavar="NAME", help="who was asked, e.g. Xiaomi")
    p.add_argument("--how", required=True, metavar="HOW", help="phone, email or statement_request")
    p.add_argument(
        "--deadline",
        required=True,
        metavar="WHEN",
        help="ISO date and time with its offset, e.g. 2026-12-05T17:00+08:00 (or without offset, with --zone)",
    )
    p.add_argument(
        "--zone",
        default="",
        metavar="ZONE",
        help="time zone to print the deadline in, e.g. Asia/Hong_Kong (default: the deadline's offset)",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--who", default="", metavar="NAME", help="who asked (default: the acting user)")
    p.set_defaults(handler=guard(cmd_reply_request))

    p = sub.add_parser("replies", help="an article's reply requests: open, overdue or answered")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=guard(cmd_replies))
