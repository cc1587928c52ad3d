#!/usr/bin/env python3
"""Does any public XSS payload, written into a paragraph, take later paragraphs with it? (issue 21)

Reads a payload list (one payload per line) from outside the project, e.g. payloadbox's
(MIT, https://github.com/payloadbox/xss-payload-list, Intruder/xss-payload-list.txt):

    .venv/bin/python benchmarks/bench_payload_paragraphs.py PATH [PATH ...]

For each payload the body is "Opening paragraph." / "Stocks rose. <payload> on Tuesday." /
"Closing paragraph." rendered through `render_markdown` (what the preview and the export use).
A payload "loses text" when the closing paragraph's words are not in the page's visible text, or
when markup shows as text (`data-line`, `</p`). Also counted: outputs where the closing
paragraph is serialized inside another `<p>` (a browser closes the first `<p>` there, so it
still shows as its own paragraph), and outputs with a `<script>` element or an `on…` attribute
(target 0; the property tests check this in depth).
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

CLOSING = "Closing paragraph zq7."


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.text: list[str] = []
        self.depth = 0
        self.unsafe = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" or any(name.lower().startswith("on") for name, _ in attrs):
            self.unsafe = True
        if tag == "p":
            self.depth += 1
            if self.depth == 1:
                self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self.depth:
            self.paragraphs[-1] += data


def main(paths: list[str]) -> int:
    from editor_app.core.render import render_markdown

    payloads = []
    for p in paths:
        payloads += [line for line in Path(p).read_text(encoding="utf-8", errors="replace").splitlines() if line]
    lost, nested, unsafe = [], [], []
    for payload in payloads:
        html = render_markdown(f"Opening paragraph.\n\nStocks rose. {payload} on Tuesday.\n\n{CLOSING}\n")
        parser = _Paragraphs()
        parser.feed(html)
        parser.close()
        visible = " ".join(" ".join(parser.text).split())
        if CLOSING not in visible or "data-line" in visible or "</p" in visible:
            lost.append(payload)
        elif not parser.paragraphs or parser.paragraphs[-1].strip() != CLOSING:
            nested.append(payload)
        if parser.unsafe:
            unsafe.append(payload)
    print(
        f"payloads: {len(payloads)}; closing paragraph lost: {len(lost)}; "
        f"serialized inside another <p>: {len(nested)}; unsafe output: {len(unsafe)}"
    )
    for payload in lost[:15]:
        print(f"  lost after: {payload[:120]!r}")
    return 0 if not lost and not unsafe else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
