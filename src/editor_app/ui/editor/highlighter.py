"""Markdown syntax highlighting for the editor.

Built for big documents (1.5 MB / 100,000 lines): every rule is a precompiled Python `re`
pattern (C speed, no per-match binding round trips), cheap character checks gate the
expensive passes, and lines longer than `MAX_LINE_LENGTH` are left plain. Colours derive
from the application palette so the editor reads well in light and dark themes.

Invisible and direction-changing control characters (bidi overrides, zero-width spaces,
C0 controls) are painted with a warning background: in news copy they are almost always
paste accidents or deliberate tampering, and writers must see them.
"""

from __future__ import annotations

import contextlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from editor_app.ui.common.theme import is_dark, readable_blend
from editor_app.ui.editor.recolour import SlicedRecolour

MAX_LINE_LENGTH = 20_000

# Block states. Inside a fenced code block the state records the fence character and
# length (a ```` fence is not closed by ```); otherwise two flags describe the line so the
# *next* line can tell whether it is a setext underline.
STATE_NONE = 0
STATE_PARAGRAPH = 1  # plain paragraph text: a following === / --- makes it a heading
STATE_SETEXT = 2  # this line was painted as a setext heading (re-check when the next changes)
STATE_BLANK = 3  # an empty line (an indented line after it starts a code block)
STATE_CODE = 4  # a line of an indented code block (four spaces or a tab after a blank line)
STATE_LIST = 5  # a list item, or an indented paragraph that belongs to one
STATE_LIST_BLANK = 6  # an empty line inside a list (an indented line after it is the item's)
STATE_FENCE = 1 << 10  # | (fence length << 1) | (1 if "~" else 0)

# Characters writers must see: C0 controls except tab, DEL and C1 controls, Arabic letter
# mark, zero-width space/joiners and LRM/RLM, bidi embeddings/overrides, word joiner and
# invisible operators, bidi isolates, BOM / zero-width no-break space.
SUSPICIOUS_CHARS = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

# Embedding / override / isolate openers and the character that ends their effect.
_BIDI_OPENERS = {
    "\u202a": "\u202c",
    "\u202b": "\u202c",
    "\u202d": "\u202c",
    "\u202e": "\u202c",
    "\u2066": "\u2069",
    "\u2067": "\u2069",
    "\u2068": "\u2069",
}


def _joins_emoji(text: str, pos: int) -> bool:
    """Is the ZWJ at pos between two emoji (👨‍👩‍👧, 🏳️‍🌈)?"""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""

    def emoji(c: str) -> bool:
        return bool(c) and (ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF or c == "\ufe0f")

    return emoji(before) and emoji(after)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

_FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_FENCE_CLOSE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")
_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?=[ \t]|$)(?P<body>.*?)(?P<close>(?:[ \t]+#+)?[ \t]*)$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>(?:[ \t]{0,4}>)*[ \t]?")
_LIST = re.compile(r"^[ \t]*(?P<marker>[-*+]|\d{1,9}[.)])(?P<task>[ \t]+\[[ xX]\])?(?=[ \t]|$)")
_LINK_DEF = re.compile(r"^ {0,3}(?P<label>\[(?!\^)[^\]]+\]:)[ \t]*(?P<url>\S+)?")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}(?P<label>\[\^[^\]\s]+\]:)")

# Characters that can start any inline construct; lines without them skip the inline pass.
_INLINE_TRIGGER = re.compile(r"[*_`~\[!<\\]|https?://|www\.")

_NESTED_BRACKETS = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<image>!\[" + _NESTED_BRACKETS + r"\](?:\([^)\s]*(?:[ \t]+\"[^\"]*\")?\)|\[[^\]]*\]))"
    r"|(?P<footnote>\[\^[^\]\s]+\])"
    r"|(?P<link>\[(?P<ltext>" + _NESTED_BRACKETS + r")\]"
    r"(?P<ltarget>\([^)\s]*(?:[ \t]+\"[^\"]*\")?\)|\[[^\]]*\]))"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>)"
    r"|(?P<bareurl>(?<![\w/])(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]])"
    r"|(?P<strong>(?<!\*)\*\*(?=[^\s*]|\*[^\s*])(?P<stext>.+?)(?<=\S)\*\*(?!\*)"
    r"|(?<![\w_])__(?=\S)(?P<stext2>.+?)(?<=\S)__(?![\w_]))"
    r"|(?P<strike>(?<!~)~~(?=[^\s~])(?P<ktext>.+?)(?<=[^\s~])~~(?!~))"
    r"|(?P<em>(?<!\*)\*(?=[^\s*])(?P<etext>.+?)(?<=[^\s*])\*(?!\*)"
    r"|(?<![\w_])_(?=[^\s_])(?P<etext2>.+?)(?<=[^\s_])_(?![\w_]))"
)
# Inside strong text look for emphasis and vice versa (***both*** and **a *b* c**).
_EM_ONLY = re.compile(
    r"(?<!\*)\*(?=[^\s*])(?:.+?)(?<=[^\s*])\*(?!\*)"
    r"|(?<![\w_])_(?=[^\s_])(?:.+?)(?<=[^\s_])_(?![\w_])"
)
_STRONG_ONLY = re.compile(r"(?<!\*)\*\*(?=\S)(?:.+?)(?<=\S)\*\*(?!\*)|(?<![\w_])__(?=\S)(?:.+?)(?<=\S)__(?![\w_])")


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """Mix `t` of `b` into `a`: muted text and subtle backgrounds that follow any palette."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


# Accent colours per theme; muted text and code backgrounds are blended from the palette.
_ACCENTS = {
    False: {
        "heading": "#1a4f9c",
        "link": "#0a58ca",
        "image": "#7a3e9d",
        "list": "#b45309",
        "code": "#a3153f",
        "quote": "#4f6b5a",
        "footnote": "#7a3e9d",
        "warn_bg": "#e03131",
        "warn_fg": "#ffffff",
    },
    True: {
        "heading": "#79b8ff",
        "link": "#58a6ff",
        "image": "#d2a8ff",
        "list": "#f0a050",
        "code": "#ff9eaf",
        "quote": "#9cc3a8",
        "footnote": "#d2a8ff",
        "warn_bg": "#d13438",
        "warn_fg": "#ffffff",
    },
}


class MarkdownHighlighter(SlicedRecolour, QSyntaxHighlighter):
    """Colours Markdown structure; `set_dark()` / `refresh()` follow theme changes."""

    def __init__(self, parent: QTextDocument | QObject | None = None, *, dark: bool | None = None):
        super().__init__(parent)
        self._dark_override = dark
        self._dark = is_dark() if dark is None else dark
        self.follow_scheme = True  # False when a theme controller (ui/theme) refreshes it instead
        self._recolour_next: Iterator[int] | None = None  # blocks still to repaint after a theme switch
        self._recolour_timer: QTimer | None = None
        self._formats: dict[str, QTextCharFormat] = {}
        self._merged: dict[tuple[str, ...], QTextCharFormat] = {}
        self._pending: set[int] = set()
        self._astral: list[int] | None = None
        # Spell check (ui/spelling): misspelt (start, end) str ranges of a non-code line, or None.
        self.spell_marks: Callable[[QTextBlock, str], Sequence[tuple[int, int]]] | None = None
        self._build_formats()
        self._watched_doc: QTextDocument | None = None
        self._watch_document(self.document())
        hints = QGuiApplication.styleHints()
        if hints is not None and hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    # ----------------------------------------------------------------------------- theme
    @property
    def dark(self) -> bool:
        return self._dark

    def set_dark(self, dark: bool | None, *, first_block: int = 0) -> None:
        """Force dark (True) or light (False) colours; None follows the application palette."""
        self._dark_override = dark
        self.refresh(first_block=first_block)

    def refresh(self, *, first_block: int = 0) -> None:
        """Re-read the palette (call after a theme switch) and repaint every block.

        A long article is repainted in slices of a few milliseconds on the event loop, from
        `first_block` (the first one on screen) on, then the blocks above: a theme switch on
        a 1.5 MB article never freezes the window for the seconds a full pass takes."""
        self._dark = is_dark() if self._dark_override is None else self._dark_override
        self._build_formats()
        self.recolour(first_block)

    def _on_color_scheme_changed(self, *_args: object) -> None:
        if self._dark_override is None and self.follow_scheme:
            # The palette is updated after the signal; read it once the event loop settles.
            QTimer.singleShot(0, self.refresh)

    def _build_formats(self) -> None:
        pal = QGuiApplication.palette()
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        # A forced theme may disagree with the palette: pick sane text/base for that theme.
        if is_dark(pal) != self._dark:
            text, base = (
                (QColor("#e6e6e6"), QColor("#1e1e1e")) if self._dark else (QColor("#1f1f1f"), QColor("#ffffff"))
            )
        acc = {k: QColor(v) for k, v in _ACCENTS[self._dark].items()}
        code_bg = _blend(base, text, 0.12 if self._dark else 0.07)
        # muted marks: quieter than the words, never below WCAG AA (4.5:1) on their background
        muted = readable_blend(text, base, 0.45)
        code_muted = readable_blend(text, base, 0.45, on=code_bg)

        def fmt(
            fg: QColor | None = None,
            *,
            bold=False,
            italic=False,
            bg: QColor | None = None,
            strike=False,
            underline=False,
            mono=False,
        ) -> QTextCharFormat:
            f = QTextCharFormat()
            if fg is not None:
                f.setForeground(fg)
            if bg is not None:
                f.setBackground(bg)
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if strike:
                f.setFontStrikeOut(True)
            if underline:
                f.setFontUnderline(True)
            if mono:
                f.setFontFixedPitch(True)
            return f

        self._formats = {
            "heading": fmt(acc["heading"], bold=True),
            "heading_mark": fmt(readable_blend(acc["heading"], base, 0.35), bold=True),
            "strong": fmt(bold=True),
            "em": fmt(italic=True),
            "strike": fmt(muted, strike=True),
            "syntax": fmt(muted),
            "code": fmt(acc["code"], bg=code_bg, mono=True),
            "fence": fmt(text, bg=code_bg, mono=True),
            "fence_mark": fmt(code_muted, bg=code_bg, mono=True),
            "link": fmt(acc["link"], underline=True),
            "url": fmt(muted),
            "image": fmt(acc["image"]),
            "footnote": fmt(acc["footnote"]),
            "list": fmt(acc["list"], bold=True),
            "quote": fmt(acc["quote"], italic=True),
            "quote_mark": fmt(acc["quote"], bold=True),
            "hr": fmt(muted, bold=True),
            "warning": fmt(acc["warn_fg"], bg=acc["warn_bg"], bold=True),
            "warning_span": fmt(bg=_blend(base, acc["warn_bg"], 0.3 if self._dark else 0.22)),
        }
        span = self._formats["warning_span"]
        span.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        span.setUnderlineColor(acc["warn_bg"])
        self._formats["warning"].setToolTip("Invisible or direction-changing control character")
        # misspelt words: the platform's spell-check squiggle, in red, over whatever is painted
        spelling = QTextCharFormat()
        spelling.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        spelling.setUnderlineColor(QColor(SPELLING_COLOUR[self._dark]))
        self._formats["spelling"] = spelling
        # claim anchors (<!--claim c1-->words<!--/claim-->): dim markers, a soft marker-pen background
        claim_accent = QColor(_CLAIM_ACCENT[self._dark])
        self._formats["claim_mark"] = fmt(readable_blend(text, base, 0.55))
        self._formats["claim_text"] = fmt(bg=_blend(base, claim_accent, 0.26 if self._dark else 0.2))
        self._merged = {}

    def _fmt(self, *names: str) -> QTextCharFormat:
        """Merged format for a stack of layers (e.g. heading + code), cached per theme."""
        cached = self._merged.get(names)
        if cached is None:
            key = [n for n in names if n]
            cached = QTextCharFormat(self._formats[key[0]])
            for name in key[1:]:
                cached.merge(self._formats[name])
            self._merged[names] = cached
        return cached

    # ----------------------------------------------------------------- setext re-checks
    def setDocument(self, doc: QTextDocument | None) -> None:
        self._finish_recolour()  # a new document is highlighted whole, in the current colours
        super().setDocument(doc)
        self._watch_document(doc)

    def _watch_document(self, doc: QTextDocument | None) -> None:
        if self._watched_doc is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._watched_doc.contentsChange.disconnect(self._on_contents_change)
        self._watched_doc = doc
        if doc is not None:
            doc.contentsChange.connect(self._on_contents_change)

    def _on_contents_change(self, position: int, _removed: int, _added: int) -> None:
        """A line above an edited === / --- line may become (or stop being) a heading."""
        doc = self.document()
        if doc is None:
            return
        block = doc.findBlock(position)
        prev = block.previous()
        if not prev.isValid():
            return
        if prev.userState() == STATE_SETEXT or _SETEXT_UNDERLINE.match(block.text()):
            self._pending.add(prev.blockNumber())
            if len(self._pending) == 1:
                QTimer.singleShot(0, self._flush_pending)

    def _flush_pending(self) -> None:
        doc = self.document()
        pending, self._pending = self._pending, set()
        if doc is None:
            return
        for number in sorted(pending):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # ---------------------------------------------------------------------- highlighting
    def highlightBlock(self, text: str) -> None:
        prev_state = self.previousBlockState()
        # setFormat counts UTF-16 code units; Python counts code points (emoji differ).
        self._astral = None if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)] or None
        if len(text) > MAX_LINE_LENGTH:
            # Too long to be worth it: paint nothing, but keep a code fence open.
            self.setCurrentBlockState(prev_state if prev_state >= STATE_FENCE else STATE_NONE)
            return

        if prev_state >= STATE_FENCE:
            self._fenced_line(text, prev_state)
        else:
            self.setCurrentBlockState(self._markdown_line(text, prev_state))

        if "<!--" in text and prev_state < STATE_FENCE:
            self._mark_claims(text)
        if not (text.isascii() and text.isprintable()):
            self._mark_suspicious(text)
        if (
            self.spell_marks is not None
            and prev_state < STATE_FENCE
            and self.currentBlockState() < STATE_FENCE
            and self.currentBlockState() != STATE_CODE
        ):
            for start, end in self.spell_marks(self.currentBlock(), text):
                self._overlay(start, end - start, "spelling")

    def _mark_suspicious(self, text: str) -> None:
        """Warning background on invisible controls, and on the text they touch or reorder.

        Zero-width characters paint no pixels of their own, so their neighbours get a wavy
        underline; a bidi override/embedding/isolate marks the whole run it reorders.
        """
        for m in SUSPICIOUS_CHARS.finditer(text):
            pos = m.start()
            ch = text[pos]
            if ch == "\u200d" and _joins_emoji(text, pos):
                continue  # ZWJ inside an emoji sequence (family, flags...) is legitimate
            if ch in _BIDI_OPENERS:
                close = text.find(_BIDI_OPENERS[ch], pos + 1)
                end = len(text) if close == -1 else close + 1
                self._overlay(pos + 1, end - pos - 1, "warning_span")
            else:
                if pos > 0:
                    self._overlay(pos - 1, 1, "warning_span")
                if pos + 1 < len(text):
                    self._overlay(pos + 1, 1, "warning_span")
            self._overlay(pos, 1, "warning")

    def _mark_claims(self, text: str) -> None:
        """Claim markers dimmed, the anchored words (open and close on this line) on a soft background."""
        code = [m.span() for m in _CODE_SPAN.finditer(text)] if "`" in text else []
        open_end = -1
        for m in _CLAIM_MARKER.finditer(text):
            if any(s <= m.start() < e for s, e in code):
                continue  # in inline code a marker is text
            if m.group(1) is not None:
                open_end = m.end()
            elif open_end >= 0:
                self._overlay(open_end, m.start() - open_end, "claim_text")
                open_end = -1
            self._overlay(m.start(), m.end() - m.start(), "claim_mark")

    def _overlay(self, start: int, length: int, layer: str) -> None:
        """Merge a layer over whatever is already painted, character by character."""
        astral = self._astral
        for pos in range(start, start + length):
            u16 = pos if astral is None else pos + bisect_left(astral, pos)
            merged = QTextCharFormat(self.format(u16))
            merged.merge(self._formats[layer])
            self._set(pos, 1, merged)

    def _set(self, start: int, length: int, fmt: QTextCharFormat) -> None:
        """setFormat in code points (Python indices), converted to UTF-16 when needed."""
        astral = self._astral
        if astral is None:
            self.setFormat(start, length, fmt)
        else:
            end = start + length
            u_start = start + bisect_left(astral, start)
            self.setFormat(u_start, end + bisect_left(astral, end) - u_start, fmt)

    def _fenced_line(self, text: str, state: int) -> None:
        m = _FENCE_CLOSE.match(text)
        fence_char = "~" if state & 1 else "`"
        fence_len = (state - STATE_FENCE) >> 1
        if m and m["fence"][0] == fence_char and len(m["fence"]) >= fence_len:
            self._set(0, len(text), self._formats["fence_mark"])
            self.setCurrentBlockState(STATE_NONE)
        else:
            self._set(0, len(text), self._formats["fence"])
            self.setCurrentBlockState(state)

    def _markdown_line(self, text: str, prev_state: int) -> int:
        """Paint one non-code line; returns its block state."""
        stripped = text.lstrip(" ")
        if not stripped.strip():
            if prev_state in (STATE_LIST, STATE_LIST_BLANK):
                return STATE_LIST_BLANK
            return STATE_CODE if prev_state == STATE_CODE else STATE_BLANK
        first = stripped[0]
        indent = len(text) - len(stripped)
        if (indent >= 4 or first == "\t") and prev_state in (STATE_BLANK, STATE_CODE, -1):
            self._set(0, len(text), self._formats["fence"])  # indented code: painted like fenced
            return STATE_CODE

        if first in "`~" and indent <= 3:
            m = _FENCE_OPEN.match(text)
            if m and not (m["fence"][0] == "`" and "`" in m["info"]):
                fence = m["fence"]
                self._set(0, len(text), self._formats["fence_mark"])
                if m["info"].strip():
                    self._set(m.start("info"), len(m["info"]), self._fmt("fence_mark", "em"))
                return STATE_FENCE | (min(len(fence), 255) << 1) | (1 if fence[0] == "~" else 0)

        if first == "#" and indent <= 3:
            m = _ATX.match(text)
            if m:
                self._set(0, len(text), self._formats["heading"])
                self._set(m.start("marks"), len(m["marks"]), self._formats["heading_mark"])
                if m["close"].strip():
                    self._set(m.start("close"), len(m["close"]), self._formats["heading_mark"])
                self._inline(text, m.start("body"), m.end("body"), "heading")
                return STATE_NONE

        if (
            first in "=-"
            and prev_state in (STATE_PARAGRAPH, STATE_SETEXT)
            and indent <= 3
            and _SETEXT_UNDERLINE.match(text)
        ):
            self._set(0, len(text), self._formats["heading_mark"])
            return STATE_NONE

        if first in "-*_" and _HR.match(text):
            self._set(0, len(text), self._formats["hr"])
            return STATE_NONE

        base = ""
        start = 0
        if first == ">" and indent <= 3:
            m = _QUOTE.match(text)
            if m:
                base = "quote"
                self._set(0, len(text), self._formats["quote"])
                self._set(0, m.end(), self._formats["quote_mark"])
                start = m.end()

        rest = text[start:]
        m = _LIST.match(rest)
        if m:
            marker_end = m.end("task") if m["task"] else m.end("marker")
            self._set(start + m.start("marker"), marker_end - m.start("marker"), self._formats["list"])
            self._inline(text, start + marker_end, len(text), base)
            return STATE_LIST

        if first == "[" and not base:
            m = _FOOTNOTE_DEF.match(text)
            if m:
                self._set(m.start("label"), len(m["label"]), self._formats["footnote"])
                self._inline(text, m.end("label"), len(text), base)
                return STATE_NONE
            m = _LINK_DEF.match(text)
            if m:
                self._set(m.start("label"), len(m["label"]), self._formats["link"])
                if m["url"]:
                    self._set(m.start("url"), len(m["url"]), self._formats["url"])
                return STATE_NONE

        if base:
            self._inline(text, start, len(text), base)
            return STATE_NONE

        if indent and prev_state in (STATE_LIST, STATE_LIST_BLANK):  # a list item's own paragraph
            self._inline(text, 0, len(text), base)
            return STATE_LIST
        # Plain paragraph text: a heading if the next line is a setext underline.
        state = STATE_PARAGRAPH
        if indent <= 3:
            nxt = self.currentBlock().next()
            if nxt.isValid():
                ntext = nxt.text()
                if ntext and ntext.lstrip(" ")[:1] in ("=", "-") and _SETEXT_UNDERLINE.match(ntext):
                    base = "heading"
                    state = STATE_SETEXT
                    self._set(0, len(text), self._formats["heading"])
        self._inline(text, 0, len(text), base)
        return state

    def _inline(self, text: str, start: int, end: int, base: str) -> None:
        """Paint inline spans between start and end, layered over the line's base format."""
        if start >= end or not _INLINE_TRIGGER.search(text, start, end):
            return
        for m in _INLINE.finditer(text, start, end):
            kind = m.lastgroup if m.lastgroup in _SPAN_KINDS else _kind_of(m)
            s, e = m.span()
            if kind == "escape":
                self._set(s, 1, self._fmt(base, "syntax"))
            elif kind == "code":
                self._set(s, e - s, self._fmt(base, "code"))
            elif kind == "image":
                self._set(s, e - s, self._fmt(base, "image"))
            elif kind == "footnote":
                self._set(s, e - s, self._fmt(base, "footnote"))
            elif kind == "link":
                ts, te = m.span("ltext")
                self._set(s, 1, self._fmt(base, "syntax"))
                self._set(ts, te - ts, self._fmt(base, "link"))
                self._set(te, e - te, self._fmt(base, "url"))
                self._nested(text, ts, te, (base, "link"), _STRONG_ONLY, "strong")
                self._nested(text, ts, te, (base, "link"), _EM_ONLY, "em")
            elif kind in ("autolink", "bareurl"):
                self._set(s, e - s, self._fmt(base, "link"))
            elif kind == "strong":
                self._marked(s, e, 2, (base, "strong"))
                ts, te = m.span("stext") if m["stext"] is not None else m.span("stext2")
                self._nested(text, ts, te, (base, "strong"), _EM_ONLY, "em")
            elif kind == "strike":
                self._marked(s, e, 2, (base, "strike"))
            elif kind == "em":
                self._marked(s, e, 1, (base, "em"))
                ts, te = m.span("etext") if m["etext"] is not None else m.span("etext2")
                self._nested(text, ts, te, (base, "em"), _STRONG_ONLY, "strong")

    def _marked(self, s: int, e: int, width: int, layers: tuple[str, ...]) -> None:
        self._set(s, e - s, self._fmt(*layers))
        self._set(s, width, self._fmt(*layers, "syntax"))
        self._set(e - width, width, self._fmt(*layers, "syntax"))

    def _nested(self, text: str, s: int, e: int, layers: Iterable[str], rx: re.Pattern[str], kind: str) -> None:
        layers = tuple(layers)
        width = 2 if kind == "strong" else 1
        # Search the inner text on its own: the outer markers must not block lookbehinds.
        for m in rx.finditer(text[s:e]):
            self._marked(s + m.start(), s + m.end(), width, (*layers, kind))


# Claim anchors (core/anchors.py) and inline code spans, in which markers are plain text.
_CLAIM_MARKER = re.compile(r"<!--[ \t]*(?:claim[ \t]+([a-z][a-z0-9-]{0,31})|/claim)[ \t]*-->")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_CLAIM_ACCENT = {False: "#e0a800", True: "#d4a72c"}
SPELLING_COLOUR = {False: "#d1242f", True: "#ff6b6b"}  # marker-pen yellow, blended into the background


_SPAN_KINDS = frozenset(
    {"escape", "code", "image", "footnote", "link", "autolink", "bareurl", "strong", "strike", "em"}
)


def _kind_of(m: re.Match[str]) -> str:
    """The top-level alternative that matched (lastgroup may name an inner group)."""
    for kind in ("escape", "code", "image", "footnote", "link", "autolink", "bareurl", "strong", "strike", "em"):
        if m.start(kind) != -1:
            return kind
    return ""


def block_formats(block: QTextBlock) -> list[tuple[int, int, QTextCharFormat]]:
    """(start, length, format) ranges the highlighter gave a block: for tests and tooling."""
    ranges = block.layout().formats()
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]


__all__ = [
    "MAX_LINE_LENGTH",
    "SPELLING_COLOUR",
    "SUSPICIOUS_CHARS",
    "MarkdownHighlighter",
    "block_formats",
]
