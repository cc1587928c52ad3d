"""What every headless command shares: opening the store, errors on stderr, JSON on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from editor_app.store.errors import StoreError


def open_store(args: argparse.Namespace):  # noqa: ANN201 - Store (imported lazily: fast --help)
    from editor_app.store.store import Store

    return Store.open(args.db)


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
