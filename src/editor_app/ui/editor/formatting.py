"""Markdown formatting commands for a QPlainTextEdit (Ctrl+B, Ctrl+I, Ctrl+K).

Pure functions over an editor: no widgets of their own, so menus, toolbars and shortcuts
can all call them. Each command is one undo step (one QTextCursor edit block) and toggles:
applying bold to bold text removes it.

Work happens on block text in Python indices; QTextCursor positions count UTF-16 code
units, so every position goes through `ui.common.text_positions` (emoji before the selection must not shift it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.ui.common.text_positions import python_index, qt_length

_WORD_CHAR = re.compile(r"\w")
_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?P<url><[^>\n]*>|[^)\s]*)"
    r"(?:[ \t]+\"[^\"\n]*\")?\)"
)
_URLISH = re.compile(r"^(?:https?://|www\.|mailto:)\S+$", re.IGNORECASE)


def _run(text: str, start: int, char: str, step: int) -> int:
    """How many `char` repeat from start going forward (step 1) or backward (step -1)."""
    n, i = 0, start
    while 0 <= i < len(text) and text[i] == char:
        n += 1
        i += step
    return n


def _marked(run: int, width: int) -> bool:
    """Does a run of n '*' carry this style? 1 = italic, 2 = bold, 3 = both."""
    return run >= 2 if width == 2 else run in (1, 3)


@dataclass
class _Segment:
    """Part of one line to toggle: [start, end) in the block's Python indices."""

    block: QTextBlock
    text: str
    start: int
    end: int


@dataclass
class _Edit:
    doc_start: int  # UTF-16, before any edit
    doc_end: int
    replacement: str
    content_offset: int  # UTF-16 offset of the formatted text inside the replacement
    content_len: int


def _selection_segments(cursor: QTextCursor) -> list[_Segment]:
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = doc.findBlock(start), doc.findBlock(end)
    segments = []
    block = first
    while block.isValid():
        text = block.text()
        a = python_index(text, start - block.position()) if block == first else 0
        b = python_index(text, end - block.position()) if block == last else len(text)
        segments.append(_Segment(block, text, a, b))
        if block == last:
            break
        block = block.next()
    return segments


def _trim(seg: _Segment) -> tuple[int, int]:
    """Whitespace stays outside the markers ('**word **' is not bold in Markdown)."""
    a, b = seg.start, seg.end
    while a < b and seg.text[a].isspace():
        a += 1
    while b > a and seg.text[b - 1].isspace():
        b -= 1
    return a, b


def _wrapped(text: str, a: int, b: int, width: int) -> tuple[int, int] | None:
    """The styled core [start, end) if text[a:b] carries the style, else None.

    Markers may sit inside the range ('**x**' selected), outside it ('x' selected inside
    '**x**') or one of each (what a multi-line toggle leaves selected).
    """
    if a >= b:
        return None
    for char in "*_":
        inside_left = min(_run(text, a, char, 1), b - a)
        if inside_left == b - a:
            continue  # nothing but markers
        inside_right = _run(text, b - 1, char, -1)
        left = _run(text, a - 1, char, -1) + inside_left
        right = inside_right + _run(text, b, char, 1)
        if _marked(min(left, right), width):
            return a + inside_left, b - inside_right
    return None


def _apply(editor: QPlainTextEdit, edits: list[_Edit], keep_caret: int | None = None) -> None:
    """Apply edits as one undo step and select the formatted text (or restore a caret)."""
    cursor = QTextCursor(editor.document())
    cursor.beginEditBlock()
    for e in sorted(edits, key=lambda e: e.doc_start, reverse=True):
        cursor.setPosition(e.doc_start)
        cursor.setPosition(e.doc_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(e.replacement)
    cursor.endEditBlock()

    ordered = sorted(edits, key=lambda e: e.doc_start)
    shift = 0
    spans = []
    for e in ordered:
        start = e.doc_start + shift + e.content_offset
        spans.append((start, start + e.content_len))
        shift += qt_length(e.replacement) - (e.doc_end - e.doc_start)
    result = QTextCursor(editor.document())
    if keep_caret is not None:
        result.setPosition(spans[0][0] + keep_caret)
    else:
        result.setPosition(spans[0][0])
        result.setPosition(spans[-1][1], QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(result)


def _toggle(editor: QPlainTextEdit, marker: str) -> bool:
    if editor.isReadOnly():
        return False
    width = len(marker)
    cursor = editor.textCursor()

    if not cursor.hasSelection():
        block = cursor.block()
        text = block.text()
        i = python_index(text, cursor.position() - block.position())
        inside_word = 0 < i < len(text) and _WORD_CHAR.match(text[i - 1]) and _WORD_CHAR.match(text[i])
        if not inside_word:
            base = block.position() + qt_length(text[:i])
            left, right = _run(text, i - 1, "*", -1), _run(text, i, "*", 1)
            if left == right and _marked(left, width):
                # Caret between an empty pair we probably just inserted: take it back out.
                edit = _Edit(base - width, base + width, "", 0, 0)
            else:
                edit = _Edit(base, base, marker * 2, width, 0)
            _apply(editor, [edit], keep_caret=0)
            return True
        # Inside a word: format the whole word, as word processors do, keeping the caret.
        a = i
        while a > 0 and _WORD_CHAR.match(text[a - 1]):
            a -= 1
        b = i
        while b < len(text) and _WORD_CHAR.match(text[b]):
            b += 1
        segments = [_Segment(block, text, a, b)]
        caret_in_word = qt_length(text[a:i])
    else:
        segments = _selection_segments(cursor)
        caret_in_word = None

    ranges = [(seg, *_trim(seg)) for seg in segments]
    non_blank = [(seg, a, b) for seg, a, b in ranges if a < b]
    if not non_blank:
        return False
    states = [_wrapped(seg.text, a, b, width) for seg, a, b in non_blank]
    unwrap = all(states)

    edits = []
    for (seg, a, b), core in zip(non_blank, states, strict=True):
        base = seg.block.position()
        if unwrap:
            assert core is not None
            cs, ce = core
            content = seg.text[cs:ce]
            start = base + qt_length(seg.text[: cs - width])
            end = base + qt_length(seg.text[: ce + width])
            edits.append(_Edit(start, end, content, 0, qt_length(content)))
            continue
        inner = seg.text[a:b]
        da, db = base + qt_length(seg.text[:a]), base + qt_length(seg.text[:b])
        if core is None:
            edits.append(_Edit(da, db, marker + inner + marker, width, qt_length(inner)))
        else:  # already styled: leave it, but keep it in the selection
            edits.append(_Edit(da, db, inner, 0, qt_length(inner)))
    if caret_in_word is not None and unwrap:
        seg, a, _b = non_blank[0]
        caret_in_word = max(0, caret_in_word - qt_length(seg.text[a : states[0][0]]))
    _apply(editor, edits, keep_caret=caret_in_word)
    return True


def toggle_bold(editor: QPlainTextEdit) -> bool:
    """**Bold** the selection (or the word at the caret); unbold if already bold."""
    return _toggle(editor, "**")


def toggle_italic(editor: QPlainTextEdit) -> bool:
    """*Italicise* the selection (or the word at the caret); undo it if already italic."""
    return _toggle(editor, "*")


def _link_target(url: str) -> str:
    """Markdown needs <...> around destinations with spaces or parentheses."""
    url = url.strip()
    if re.search(r"[\s()]", url) and not (url.startswith("<") and url.endswith(">")):
        return f"<{url}>"
    return url


def insert_link(editor: QPlainTextEdit, url: str | None = None) -> bool:
    """Make the selection a link, or unlink it if it already is one.

    With a selection: `[sel](url)`; when url is None the caret waits in the empty url part
    (a selected bare URL becomes the target instead, caret in the text part). Without a
    selection: `[](url)` with the caret between the brackets. Selecting an existing link (or
    just its text) and running the command again removes the link and keeps the text.
    """
    if editor.isReadOnly():
        return False
    cursor = editor.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    target = _link_target(url) if url else ""

    if cursor.hasSelection():
        selected = cursor.selectedText()
        # Whole link selected, or just its text: unlink.
        m = _LINK.fullmatch(selected)
        if m:
            text = m["text"]
            _apply(editor, [_Edit(start, end, text, 0, qt_length(text))])
            return True
        block = editor.document().findBlock(start)
        btext = block.text()
        if editor.document().findBlock(end) == block:
            a = python_index(btext, start - block.position())
            b = python_index(btext, end - block.position())
            if a > 0:
                m = _LINK.match(btext, a - 1)
                if m and m.start("text") == a and m.end("text") == b:
                    text = m["text"]
                    ls = block.position() + qt_length(btext[: m.start()])
                    le = block.position() + qt_length(btext[: m.end()])
                    _apply(editor, [_Edit(ls, le, text, 0, qt_length(text))])
                    return True
        plain = selected.replace("\u2029", "\n")
        if url is None and _URLISH.match(plain):
            link = f"[]({_link_target(plain)})"
            _apply(editor, [_Edit(start, end, link, 1, 0)], keep_caret=0)
        elif url is None:
            link = f"[{plain}]()"
            _apply(editor, [_Edit(start, end, link, qt_length(plain) + 3, 0)], keep_caret=0)
        else:
            link = f"[{plain}]({target})"
            _apply(editor, [_Edit(start, end, link, qt_length(link), 0)], keep_caret=0)
        return True

    # No selection: caret inside an existing link -> retarget it (or select its url to edit).
    block = cursor.block()
    btext = block.text()
    i = python_index(btext, start - block.position())
    for m in _LINK.finditer(btext):
        if m.start() < i < m.end():
            us = block.position() + qt_length(btext[: m.start("url")])
            ue = block.position() + qt_length(btext[: m.end("url")])
            if url:
                _apply(editor, [_Edit(us, ue, target, 0, qt_length(target))])
            else:
                sel = QTextCursor(editor.document())
                sel.setPosition(us)
                sel.setPosition(ue, QTextCursor.MoveMode.KeepAnchor)
                editor.setTextCursor(sel)
            return True
        if m.start() >= i:
            break
    link = f"[]({target})"
    _apply(editor, [_Edit(start, start, link, 1, 0)], keep_caret=0)
    return True


__all__ = ["insert_link", "toggle_bold", "toggle_italic"]
