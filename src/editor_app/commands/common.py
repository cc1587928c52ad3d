"""What every headless command shares: opening the store, errors on stderr, JSON on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from editor_app.services.opening import open_store as open_store_file
from editor_app.store.errors import StoreError
from editor_app.store.locations import is_server_url, store_location

__all__ = ["fail", "guard", "open_store", "print_json", "store_location"]


def open_store(args: argparse.Namespace, *, write: bool = True):
    """The store for a command. A command that only reads (`write=False`) still works on a store
    that cannot be written (read-only disk, share or folder): it opens it read-only and says so on
    stderr. A command that writes gets the one-line reason instead."""
    from editor_app.store.errors import StoreReadOnlyError
    from editor_app.store.paths import default_store_path
    from editor_app.store.readonly import unwritable_reason

    if is_server_url(args.db):
        return open_store_file(args.db)  # the server decides who may write
    path = args.db or default_store_path()
    reason = unwritable_reason(path) if path.exists() else None
    if reason is None:
        try:
            return open_store_file(path)
        except StoreReadOnlyError as exc:
            if write:
                raise
            reason = unwritable_reason(path) or str(exc).rstrip(".")
    elif write:
        raise StoreReadOnlyError(path, reason)
    print(f"editor-app: note: {path} cannot be written ({reason}); opened read-only.", file=sys.stderr)
    return open_store_file(path, read_only=True, reason=reason)


def fail(message: str, code: int = 1) -> int:
    print(f"editor-app: {message}", file=sys.stderr)
    return code


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def guard(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A store problem (damaged, locked, read-only) is a one-line message and exit code 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except StoreError as exc:
            return fail(str(exc))

    return run


def read_article_file(path: Path) -> tuple[str | None, str | None]:
    """(text, error message) of an article file (`-` reads stdin): UTF-8, any line endings."""
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except FileNotFoundError:
        return None, f"no such file: {path}"
    except IsADirectoryError:
        return None, f"is a directory, not an article file: {path}"
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror or exc}"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, (f"{path} is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8 and try again")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
