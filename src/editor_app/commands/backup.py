"""Headless backup commands: backup, backups, restore-backup, check-store.

They work on the store's path (global `--db`, default: the store in the user data directory)
and never need to open it through the app, so a damaged store can still be restored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from editor_app.store.errors import StoreError


class ServerStoreError(StoreError):
    """Backups of a server store are the server's (pg_dump, replication), not this machine's."""


def _store_path(args: argparse.Namespace) -> Path:
    from editor_app.store.locations import is_server_url
    from editor_app.store.paths import default_store_path
    from editor_app.store.server import display_url

    if is_server_url(args.db):
        raise ServerStoreError(
            f"{display_url(args.db)} is a server store: back it up on the server (pg_dump), "
            "or copy it to a file with `editor-app copy-store`."
        )
    return Path(args.db).expanduser() if args.db else default_store_path()


def _fail(message: str, code: int = 1) -> int:
    print(f"editor-app: {message}", file=sys.stderr)
    return code


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _info_dict(info, *, check: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": str(info.path),
        "created_at": info.created_at.isoformat(),
        "reason": info.reason,
        "size": info.size,
    }
    if check:
        out["ok"], out["detail"] = info.check
    return out


def cmd_backup(args: argparse.Namespace) -> int:
    from editor_app.store.backups import backup_now, rotate
    from editor_app.store.paths import backups_dir_for

    path = _store_path(args)
    made = backup_now(path, args.reason)
    deleted = rotate(backups_dir_for(path))
    if args.json:
        _print_json({"backup": str(made), "size": made.stat().st_size, "rotated_out": [str(p) for p in deleted]})
    else:
        print(f"Backed up {path} to {made}")
        if deleted:
            print(f"Removed {len(deleted)} old backup(s) by the rotation rules (7 daily, 4 weekly, 6 monthly).")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from editor_app.store.backups import list_backups

    path = _store_path(args)
    infos = list_backups(path)
    check = not args.no_check
    if args.json:
        _print_json([_info_dict(i, check=check) for i in infos])
        return 0
    if not infos:
        print(f"No backups of {path} yet (make one with `editor-app backup`).")
        return 0
    for i in infos:
        state = ("ok" if i.ok else "DAMAGED") if check else ""
        print(f"{i.created_at:%Y-%m-%d %H:%M:%S} UTC  {i.size:>12,} B  {i.reason:<24} {state:<8} {i.path}")
    return 0


def _confirm(question: str) -> bool:
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def cmd_restore_backup(args: argparse.Namespace) -> int:
    from editor_app.store.backups import newest_good_backup, restore_backup

    path = _store_path(args)
    if args.newest == bool(args.backup):
        return _fail("give either a backup file or --newest (see `editor-app backups`)", 2)
    if args.newest:
        info = newest_good_backup(path)
        if info is None:
            return _fail(f"there is no usable backup of {path}")
        source = info.path
    else:
        source = Path(args.backup).expanduser()
        if not source.is_file():
            return _fail(f"{source} does not exist")
    if not args.yes:
        if not sys.stdin.isatty():
            return _fail(
                f"restoring would replace {path} with {source}; add --yes to confirm "
                "(required when not run from a terminal)",
                2,
            )
        if not _confirm(f"Replace {path} with the backup {source}? The current file is kept first."):
            print("Nothing was changed.")
            return 1
    previous = restore_backup(path, source)
    if args.json:
        _print_json({"restored": str(source), "store": str(path), "previous": str(previous) if previous else None})
    else:
        print(f"Restored {path} from {source}.")
        if previous is not None:
            print(f"The file it replaced was kept as {previous}.")
    return 0


def cmd_check_store(args: argparse.Namespace) -> int:
    from editor_app.store.damaged import check_integrity, diagnose

    path = _store_path(args)
    diag = diagnose(path)
    detail = diag.detail
    ok = diag.ok
    if ok and path.is_file() and path.stat().st_size:
        ok, detail = check_integrity(path, full=True)
        if ok:
            detail = "integrity check passed"
    kind = diag.kind if not ok and diag.kind != "ok" else ("ok" if ok else "corrupt")
    if args.json:
        _print_json({"store": str(path), "ok": ok, "kind": kind, "detail": detail})
    elif ok:
        print(f"{path}: OK ({detail}).")
    else:
        advice = {
            "locked": "Another program is writing it; close that program and try again.",
            "readonly": "Check the file's and folder's permissions, or open it read-only.",
            "missing_folder": "Check the path, or create the folder.",
        }.get(
            kind,
            "Restore the newest good backup with `editor-app restore-backup --newest`, "
            "which keeps the damaged file aside.",
        )
        print(f"{path}: PROBLEM ({kind}): {detail}.\n{advice}", file=sys.stderr)
    return 0 if ok else (3 if kind in ("locked", "readonly", "missing_folder") else 1)


def _guard(func):
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except StoreError as exc:
            return _fail(str(exc))
        except OSError as exc:
            return _fail(f"{exc.filename or ''}: {exc.strerror or exc}")

    return run


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="back up the store now (SQLite backup API; rotated 7 daily/4 weekly/6 monthly)")
    p.add_argument("--reason", default="manual", help="word recorded in the file name (default: manual)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_backup))

    p = sub.add_parser("backups", help="list the store's backups, newest first, with an integrity check")
    p.add_argument("--no-check", action="store_true", help="skip the integrity check of each backup")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_backups))

    p = sub.add_parser(
        "restore-backup",
        help="replace the store with a backup (the current file is backed up, or moved aside if damaged)",
        description="Replace the store with a backup. The current file is backed up first, or moved "
        "aside as <name>.damaged-<time> when it cannot be read. Asks for confirmation on a "
        "terminal; without a terminal (scripts, pipes) --yes is required. Works even when the "
        "store is too damaged to open. Refuses while the store is open in editor_app.",
    )
    p.add_argument("backup", nargs="?", metavar="PATH", help="backup file to restore (see `editor-app backups`)")
    p.add_argument("--newest", action="store_true", help="restore the newest backup that passes the integrity check")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_restore_backup))

    p = sub.add_parser("check-store", help="check the store's integrity (exit 0 ok, 1 damaged, 3 locked/read-only)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guard(cmd_check_store))
