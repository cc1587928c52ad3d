"""Command line: `editor-app` opens the window; subcommands work headless (no display needed)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from editor_app import __version__
from editor_app.store.locations import store_location

# Each module has `register(subparsers)`; it sets `handler(args) -> int` on its parsers.
COMMAND_MODULES = [
    "editor_app.commands.articles",
    "editor_app.commands.tickers",
    "editor_app.commands.claims",
    "editor_app.commands.review",
    "editor_app.commands.backup",
    "editor_app.commands.spelling",
    "editor_app.commands.copy_store",
    "editor_app.commands.replies",
    "editor_app.commands.images",
    "editor_app.commands.notices",
]

NO_DISPLAY_MESSAGE = """\
editor-app: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.
  Run it on a desktop session, or under a virtual display:   xvfb-run -a editor-app
  or without any visible window (e.g. for screenshots):      QT_QPA_PLATFORM=offscreen editor-app
  Headless commands need no display: editor-app --help"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="editor-app",
        description="Editorial workstation for financial-news desks. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=store_location,
        metavar="PATH|URL",
        help="store to use: an SQLite file, or a desk's PostgreSQL server as postgresql://user@host:5432/desk "
        "(default: the store in your user data directory)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


ROOT_SANDBOX_WARNING = (
    "editor-app: warning: running as root. The preview's Chromium sandbox cannot run as root, so it is "
    "off for this run (QTWEBENGINE_DISABLE_SANDBOX=1). Start editor-app as a normal user to keep it on."
)


def sandbox_off_for_root() -> str | None:
    """As root (containers, CI images) QtWebEngine refuses to start with its sandbox and the app
    would exit with one Chromium line. Turn the sandbox off for this process and say so."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    if os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") or "--no-sandbox" in os.environ.get(
        "QTWEBENGINE_CHROMIUM_FLAGS", ""
    ):
        return None
    os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return ROOT_SANDBOX_WARNING


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is not None:
        try:
            return int(handler(args) or 0)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # e.g. `editor-app ... | head`: the reader left, that is fine
            try:
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            except OSError:
                pass
            return 0
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    warning = sandbox_off_for_root()
    if warning:
        print(warning, file=sys.stderr)
    from editor_app.ui.app import run_gui

    return run_gui(db_path=args.db)
