"""`editor-app image add FILE... [--alt TEXT] [--json]`: put pictures into the store for scripts
(a photo desk's folder, an import), printing the Markdown reference to paste into an article.

The same checks and cleaning as a paste in the window (`core.images.intake`): a refused file is
named on stderr with the reason and nothing of it is stored. Exit 0: every file added (or
already there); 1: some refused; 2: bad arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.commands.common import fail, guard, open_store, print_json


def cmd_image_add(args: argparse.Namespace) -> int:
    from editor_app.core.images.intake import ImageRefused, read_image_file
    from editor_app.core.images.refs import markdown_reference
    from editor_app.store.images import ImageStore

    prepared = []
    refused = 0
    for name in args.files:
        try:
            prepared.append((name, read_image_file(Path(name))))
        except ImageRefused as exc:
            fail(str(exc))
            refused += 1
    rows = []
    if prepared:
        store = open_store(args)
        try:
            images = ImageStore(store)
            for name, picture in prepared:
                stored, new = images.add(picture, who=args.who or "")
                rows.append(
                    {
                        "file": name,
                        "key": stored.key,
                        "sha256": stored.sha256,
                        "mime": stored.mime,
                        "width": stored.width,
                        "height": stored.height,
                        "bytes": stored.size,
                        "new": new,
                        "markdown": markdown_reference(stored.sha256, args.alt or ""),
                    }
                )
        finally:
            store.close()
    if args.json:
        print_json({"added": rows, "refused": refused})
    else:
        for r in rows:
            print(
                f"{r['markdown']}\t{r['file']} ({r['width']}×{r['height']}, {'new' if r['new'] else 'already stored'})"
            )
    return 1 if refused else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("image", help="pictures in the store (add: check, clean and store image files)")
    actions = p.add_subparsers(dest="image_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="store image files and print their Markdown references")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument("--alt", help="alt text to put in the printed references")
    add.add_argument("--who", help="who adds them (default: you)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=guard(cmd_image_add))
