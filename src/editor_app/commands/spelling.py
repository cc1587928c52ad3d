"""`editor-app spell FILE [--json]`: the unknown words of a Markdown or text file, for scripts.

Offsets are indices into the file's decoded text (code points, as Python counts them), lines
and columns are 1-based. The desk dictionary is read from the store given with `--db`, or from
the default store if there is one; languages from `--lang`, else the file's front matter
`lang:`, else the desk's setting. Exit 0: no unknown word; 1: some; 2: the file or the check
could not be read or run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor_app.commands.common import fail, guard, open_store, print_json


def cmd_spell(args: argparse.Namespace) -> int:
    from editor_app.core.importer import ImportFailed, decode_bytes
    from editor_app.core.spelling import parse_languages
    from editor_app.services.spelling import article_checker
    from editor_app.store.paths import default_store_path

    path = Path(args.file)
    try:
        text, _notes = decode_bytes(path.read_bytes(), path)
    except OSError as exc:
        return fail(f"{path}: {exc.strerror or exc}", 2)
    except ImportFailed as exc:
        return fail(str(exc), 2)
    languages = parse_languages(args.lang) if args.lang else None
    if args.lang and not languages:
        return fail(f"--lang {args.lang!r}: give tags such as en_US,en_GB", 2)
    store = open_store(args, write=False) if (args.db or default_store_path().exists()) else None
    try:
        checker = article_checker(store, text, languages=languages, names=not args.no_names)
    finally:
        if store is not None:
            store.close()
    if not checker.available:
        return fail(checker.problem, 2)
    if checker.problem:
        print(f"editor-app: note: {checker.problem}", file=sys.stderr)
    found = checker.check_text(text)
    suggestions: dict[str, list[str]] = {}
    rows = []
    for w in found:
        if w.word not in suggestions:
            suggestions[w.word] = checker.suggestions(w.word, args.suggestions) if args.suggestions else []
        line_start = text.rfind("\n", 0, w.start) + 1
        rows.append(
            {
                "word": w.word,
                "offset": w.start,
                "end": w.end,
                "line": text.count("\n", 0, w.start) + 1,
                "column": w.start - line_start + 1,
                "suggestions": suggestions[w.word],
            }
        )
    if args.json:
        print_json(
            {
                "file": str(path),
                "languages": checker.languages,
                "missing_languages": checker.missing,
                "count": len(rows),
                "words": rows,
            }
        )
    else:
        for r in rows:
            hint = f"  → {', '.join(r['suggestions'][:3])}" if r["suggestions"] else ""
            print(f"{path}:{r['line']}:{r['column']}: {r['word']}{hint}")
        print(f"{len(rows)} unknown word{'s' if len(rows) != 1 else ''} ({', '.join(checker.languages)}).")
    return 1 if rows else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "spell",
        help="list the unknown words of a Markdown or text file (exit 1 when there are some)",
        description="Spell-check a file as the editor does: code, URLs, e-mail addresses, claim markers, "
        "cashtags, tickers and numbers with units are never checked.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="words with offsets, lines, columns and suggestions")
    p.add_argument(
        "--lang",
        default="",
        metavar="TAGS",
        help="languages, e.g. en_GB,en_US (default: front matter lang:, else the desk's)",
    )
    p.add_argument("--suggestions", type=int, default=5, metavar="N", help="at most N suggestions a word (0: none)")
    p.add_argument("--no-names", action="store_true", help="do not load the symbol directory's company names (faster)")
    p.set_defaults(handler=guard(cmd_spell))
