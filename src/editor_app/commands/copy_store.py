"""`editor-app copy-store SRC DST`: a whole library from one store to another (file or server)."""

from __future__ import annotations

import argparse

from editor_app.commands.common import fail, guard, print_json, store_location


def cmd_copy_store(args: argparse.Namespace) -> int:
    from editor_app.services.opening import open_store
    from editor_app.store.copy import TargetNotEmptyError, copy_store

    source = open_store(store_location(args.source), seed_sample=False)
    try:
        target = open_store(store_location(args.target), seed_sample=False)
        try:
            try:
                report = copy_store(source, target, merge=args.merge)
            except TargetNotEmptyError as exc:
                return fail(str(exc), 2)
        finally:
            target.close()
    finally:
        source.close()
    if args.json:
        print_json(report.to_dict())
    else:
        total = sum(report.rows.values())
        print(f"Copied {report.rows.get('articles', 0)} article(s), {total} row(s) in all, and checked them.")
        for old, new in report.renamed_slugs:
            print(f"  slug {old} was taken in the target: now {new}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "copy-store",
        help="copy a whole library (articles, revisions, claims, tags, review data, settings) between stores",
        description="Copy everything from SRC into DST (SQLite files or postgresql:// addresses, either way), "
        "then check counts and content. DST must be empty unless --merge.",
    )
    p.add_argument("source", metavar="SRC", help="the store to copy from (file or postgresql://…)")
    p.add_argument("target", metavar="DST", help="the store to copy into (created and migrated if new)")
    p.add_argument("--merge", action="store_true", help="add to a target that already holds articles (new ids)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=guard(cmd_copy_store))
