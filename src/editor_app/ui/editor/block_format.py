"""Format › Heading, lists, quote and code: Markdown commands that work on whole lines.

Line-prefix commands apply to every line the selection touches and toggle: a second Ctrl+Shift+8
takes the bullets off again. Each command is one undo step. The pure part (`restyle_lines`) works
on a list of line texts, so it is tested without a window.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.ui.common.text_positions import python_index, qt_length

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_BULLET = re.compile(r"^(\s*)[-*+][ \t]+")
_NUMBER = re.compile(r"^(\s*)\d{1,9}[.)][ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")

LINE_STYLES = ("heading1", "heading2", "heading3", "paragraph", "bullet", "numbered", "quote")


def _strip_list(line: str) -> tuple[str, str]:
    """(indent, text) without a bullet or number marker."""
    for pattern in (_BULLET, _NUMBER):
        m = pattern.match(line)
        if m:
            return m.group(1), line[m.end() :]
    return "", line


def _strip_heading(line: str) -> str:
    m = _HEADING.match(line)
    return line[m.end() :] if m else line


def _has_style(line: str, style: str) -> bool:
    if style.startswith("heading"):
        m = _HEADING.match(line)
        return bool(m) and len(m.group(1)) == int(style[-1])
    if style == "bullet":
        return bool(_BULLET.match(line))
    if style == "numbered":
        return bool(_NUMBER.match(line))
    if style == "quote":
        return bool(_QUOTE.match(line))
    return False


def restyle_lines(lines: list[str], style: str) -> list[str]:
    """The lines with `style` applied, or taken off when every non-empty line already has it.

    Empty lines stay empty (a list across paragraphs keeps its blank lines); "paragraph" takes
    heading, list and quote markers off.
    """
    if style not in LINE_STYLES:
        raise ValueError(f"unknown line style {style!r}")
    filled = [line for line in lines if line.strip()]
    remove = style != "paragraph" and bool(filled) and all(_has_style(line, style) for line in filled)
    out: list[str] = []
    number = 0
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        if style == "quote":
            m = _QUOTE.match(line)
            out.append(line[m.end() :] if remove and m else (line if m else f"> {line}"))
            continue
        text = _strip_heading(line)
        indent, text = _strip_list(text)
        if style == "paragraph" or remove:
            q = _QUOTE.match(text) if style == "paragraph" else None
            out.append(indent + (text[q.end() :] if q else text))
        elif style.startswith("heading"):
            out.append(f"{'#' * int(style[-1])} {text.lstrip()}")
        elif style == "bullet":
            out.append(f"{indent}- {text}")
        else:
            number += 1
            out.append(f"{indent}{number}. {text}")
    return out


def _selected_blocks(editor: QPlainTextEdit) -> tuple[int, int]:
    """(first, last) block numbers the selection touches; a selection ending at the start of a
    line does not take that line."""
    cursor = editor.textCursor()
    doc = editor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = doc.findBlock(start), doc.findBlock(end)
    if cursor.hasSelection() and last.blockNumber() > first.blockNumber() and end == last.position():
        last = last.previous()
    return first.blockNumber(), last.blockNumber()


def _replace_blocks(editor: QPlainTextEdit, first: int, last: int, lines: list[str]) -> None:
    doc = editor.document()
    a, b = doc.findBlockByNumber(first), doc.findBlockByNumber(last)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setPosition(a.position())
    cursor.setPosition(b.position() + b.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("\n".join(lines))
    cursor.endEditBlock()
    start = doc.findBlockByNumber(first).position()
    end_block = doc.findBlockByNumber(first + len(lines) - 1)
    result = QTextCursor(doc)
    if first == last and len(lines) == 1:
        result.setPosition(end_block.position() + end_block.length() - 1)  # caret at the line's end
    else:
        result.setPosition(start)
        result.setPosition(end_block.position() + end_block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(result)


def apply_line_style(editor: QPlainTextEdit, style: str) -> bool:
    """Heading 1–3, paragraph, bullet or numbered list, or quote on the selected lines."""
    if editor.isReadOnly():
        return False
    first, last = _selected_blocks(editor)
    doc = editor.document()
    lines = [doc.findBlockByNumber(n).text() for n in range(first, last + 1)]
    new = restyle_lines(lines, style)
    if new == lines:
        return False
    _replace_blocks(editor, first, last, new)
    return True


def toggle_code(editor: QPlainTextEdit) -> bool:
    """Inline `code` for a selection inside one line; a fenced block for whole lines (or an
    empty line); off again when the lines are already fenced."""
    if editor.isReadOnly():
        return False
    cursor = editor.textCursor()
    doc = editor.document()
    first, last = _selected_blocks(editor)
    one_line = first == last and doc.findBlockByNumber(first).text().strip()
    if one_line and cursor.hasSelection() and cursor.selectedText() != doc.findBlockByNumber(first).text():
        return _toggle_inline_code(editor)
    before = doc.findBlockByNumber(first - 1) if first > 0 else None
    after = doc.findBlockByNumber(last + 1)
    if before is not None and after.isValid() and _FENCE.match(before.text()) and _FENCE.match(after.text()):
        lines = [doc.findBlockByNumber(n).text() for n in range(first, last + 1)]
        _replace_blocks(editor, first - 1, last + 1, lines)
        return True
    lines = [doc.findBlockByNumber(n).text() for n in range(first, last + 1)]
    _replace_blocks(editor, first, last, ["```", *lines, "```"])
    if not any(line.strip() for line in lines):  # an empty block: the caret goes inside it
        inside = doc.findBlockByNumber(first + 1)
        caret = QTextCursor(doc)
        caret.setPosition(inside.position())
        editor.setTextCursor(caret)
    return True


def _toggle_inline_code(editor: QPlainTextEdit) -> bool:
    """`code` around a selection inside one line, or the backticks off again."""
    cursor = editor.textCursor()
    block = editor.document().findBlock(cursor.selectionStart())
    text, base = block.text(), block.position()
    a = python_index(text, cursor.selectionStart() - base)
    b = python_index(text, cursor.selectionEnd() - base)
    if b - a >= 2 and text[a] == "`" and text[b - 1] == "`":
        start, end, new = a, b, text[a + 1 : b - 1]
    elif a > 0 and b < len(text) and text[a - 1] == "`" and text[b] == "`":
        start, end, new = a - 1, b + 1, text[a:b]
    else:
        start, end, new = a, b, f"`{text[a:b]}`"
    edit = QTextCursor(editor.document())
    edit.beginEditBlock()
    edit.setPosition(base + qt_length(text[:start]))
    edit.setPosition(base + qt_length(text[:end]), QTextCursor.MoveMode.KeepAnchor)
    edit.insertText(new)
    edit.endEditBlock()
    inner = new[1:-1] if new.startswith("`") and new != text[a:b] else new
    first = base + qt_length(text[:start]) + (1 if inner is not new else 0)
    result = QTextCursor(editor.document())
    result.setPosition(first)
    result.setPosition(first + qt_length(inner), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(result)
    return True
