"""Inline find / replace bar for a QPlainTextEdit.

An inline bar rather than a dialog: writers keep reading the copy while they search. All
searching runs Python `re` over the document text (literal queries are escaped), so plain,
whole-word and regex modes share one code path and regex replacements get `\\1` / `\\g<name>`.

Positions: QTextDocument counts UTF-16 code units, Python counts code points. Characters
outside the BMP (emoji, some CJK) take two units, so every offset crossing that border goes
through `ui.common.text_positions`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import ClassVar

import qtawesome as qta
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from editor_app.ui.common.text_positions import TextPositions
from editor_app.ui.common.theme import is_dark as palette_is_dark
from editor_app.ui.editor.find_highlights import FIND_HIGHLIGHT_PROPERTY, FindHighlights
from editor_app.ui.theme.icons import set_icon

MATCH_LIMIT = 10_000  # count and highlight at most this many matches
SPAN_REPLACE_THRESHOLD = 2_000  # replace-all edits per match below this, one splice above
PREFILL_LIMIT = 500  # longer selections are not copied into the find field


def _doc_text(raw: str) -> TextPositions:
    """Document text as Python sees it, with its map to Qt positions.

    toRawText keeps NBSP (toPlainText would turn it into a space) and separates blocks with
    U+2029; that becomes "\n" so ^, $ and \n behave as writers expect. Same length."""
    return TextPositions(raw.replace("\u2029", "\n"))


def _icon_button(icon: str, tip: str, *, checkable: bool = False, text: str = "") -> QToolButton:
    btn = QToolButton()
    set_icon(btn, icon)
    btn.setIconSize(QSize(16, 16))
    btn.setToolTip(tip)
    btn.setAccessibleName(tip.split(" (")[0])
    btn.setAutoRaise(True)
    btn.setCheckable(checkable)
    btn.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    if text:
        btn.setText(text)
        btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return btn


class _ElidedLabel(QLabel):
    """Status label: text() stays complete, painting elides to the room there is."""

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("10,000+ of 10,000+"), super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)
        self.setToolTip(self.text() if shown != self.text() else "")


class FindReplaceBar(FindHighlights, QWidget):
    """Find / replace bar bound to one QPlainTextEdit; starts hidden."""

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self._doc_text: TextPositions | None = None
        self._pattern: re.Pattern[str] | None = None
        self._error: str | None = None
        self._matches: list[tuple[int, int]] = []  # UTF-16 (start, end), non-empty, sorted
        self._starts: list[int] = []
        self._capped = False
        self._matches_valid = False
        self._anchor = 0
        self._windowed = False
        self._status = ""
        self._replaced_note = ""  # "Replaced N occurrences", kept over the recount that follows

        self._build_ui()

        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self._on_document_settled)
        self._scroll_timer = QTimer(self, singleShot=True, interval=30)
        self._scroll_timer.timeout.connect(self._refresh_highlights)
        editor.document().contentsChange.connect(self._on_contents_change)
        editor.verticalScrollBar().valueChanged.connect(self._on_viewport_moved)
        self.hide()

    # ---------------------------------------------------------------------------- UI
    def _build_ui(self) -> None:
        self.setObjectName("FindReplaceBar")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)

        self.find_edit = QLineEdit(placeholderText="Find")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.addAction(
            qta.icon("fa6s.magnifying-glass", color="gray"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.find_edit.setMinimumWidth(220)
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit(placeholderText="Replace")
        self.replace_edit.setClearButtonEnabled(True)
        self.replace_edit.addAction(qta.icon("fa6s.right-left", color="gray"), QLineEdit.ActionPosition.LeadingPosition)
        self.replace_edit.setAccessibleName("Replace")

        self.toggle_replace_button = _icon_button("fa6s.chevron-right", "Toggle replace")
        self.match_case = _icon_button("mdi6.format-letter-case", "Match case (Alt+C)", checkable=True)
        self.whole_word = _icon_button("mdi6.format-letter-matches", "Whole word (Alt+W)", checkable=True)
        self.regex = _icon_button("mdi6.regex", "Regular expression (Alt+R)", checkable=True)
        self.status_label = _ElidedLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.previous_button = _icon_button("fa6s.arrow-up", "Previous match (Shift+Enter)")
        self.next_button = _icon_button("fa6s.arrow-down", "Next match (Enter)")
        self.close_button = _icon_button("fa6s.xmark", "Close (Escape)")
        self.replace_button = _icon_button("mdi6.find-replace", "Replace (Enter)", text="Replace")
        self.replace_all_button = _icon_button("mdi6.check-all", "Replace all (Ctrl+Alt+Enter)", text="Replace all")

        find_tools = QHBoxLayout()
        find_tools.setContentsMargins(0, 0, 0, 0)
        find_tools.setSpacing(2)
        for w in (self.match_case, self.whole_word, self.regex):
            find_tools.addWidget(w)
        find_tools.addSpacing(8)
        find_tools.addWidget(self.status_label, 1)
        find_tools.addWidget(self.previous_button)
        find_tools.addWidget(self.next_button)
        find_tools.addSpacing(4)
        find_tools.addWidget(self.close_button)

        self._replace_tools = QWidget()
        replace_tools = QHBoxLayout(self._replace_tools)
        replace_tools.setContentsMargins(0, 0, 0, 0)
        replace_tools.setSpacing(4)
        replace_tools.addWidget(self.replace_button)
        replace_tools.addWidget(self.replace_all_button)
        replace_tools.addStretch(1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        # One grid so the find and replace fields line up whatever the labels say.
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 0, 6, 4)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        grid.addWidget(line, 0, 0, 1, 3)
        grid.addWidget(self.toggle_replace_button, 1, 0)
        grid.addWidget(self.find_edit, 1, 1)
        grid.addLayout(find_tools, 1, 2)
        grid.addWidget(self.replace_edit, 2, 1)
        grid.addWidget(self._replace_tools, 2, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.find_edit.textChanged.connect(self._on_query_changed)
        for toggle in (self.match_case, self.whole_word, self.regex):
            toggle.toggled.connect(self._on_query_changed)
        self.toggle_replace_button.clicked.connect(lambda: self._set_replace_visible(not self.replace_visible))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.hide_bar)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        for edit in (self.find_edit, self.replace_edit):
            edit.installEventFilter(self)
        self._set_replace_visible(False)

    def _set_replace_visible(self, visible: bool) -> None:
        self.replace_edit.setVisible(visible)
        self._replace_tools.setVisible(visible)
        set_icon(self.toggle_replace_button, "fa6s.chevron-down" if visible else "fa6s.chevron-right")
        self.toggle_replace_button.setToolTip("Hide replace" if visible else "Show replace")

    @property
    def replace_visible(self) -> bool:
        return not self.replace_edit.isHidden()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 560), hint.height())

    # ---------------------------------------------------------------------- keyboard
    _FIELD_KEYS: ClassVar[set[Qt.Key]] = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape}
    _ALT_TOGGLES: ClassVar[dict[Qt.Key, str]] = {
        Qt.Key.Key_C: "match_case",
        Qt.Key.Key_W: "whole_word",
        Qt.Key.Key_R: "regex",
    }

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(obj, event)
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt_toggle = mods == Qt.KeyboardModifier.AltModifier and key in self._ALT_TOGGLES
        if key not in self._FIELD_KEYS and not alt_toggle:
            return super().eventFilter(obj, event)
        if etype == QEvent.Type.ShortcutOverride:
            # Claim the key so window shortcuts / menu mnemonics don't steal it from the bar.
            event.accept()
            return True
        if alt_toggle:
            getattr(self, self._ALT_TOGGLES[key]).toggle()
        elif key == Qt.Key.Key_Escape:
            self.hide_bar()
        elif obj is self.replace_edit:
            ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            if mods & ctrl_alt == ctrl_alt:
                self.replace_all()
            else:
                self.replace_one()
        elif mods & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide_bar()
            return
        super().keyPressEvent(event)

    # -------------------------------------------------------------------- public API
    def show_find(self) -> None:
        """Open in find-only mode (Ctrl+F)."""
        self._set_replace_visible(False)
        self._open()

    def show_replace(self) -> None:
        """Open with the replace row (Ctrl+H)."""
        self._set_replace_visible(True)
        self._open()

    def hide_bar(self) -> None:
        """Close the bar, drop the match highlights, give the editor its focus back."""
        self.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def find_next(self) -> bool:
        """Select the next match after the selection, wrapping to the top."""
        return self._step(forward=True)

    def find_previous(self) -> bool:
        """Select the match before the selection, wrapping to the bottom."""
        return self._step(forward=False)

    def replace_one(self) -> bool:
        """Replace the selected match (if the selection is one) and move to the next."""
        if not self._ready() or self._refuse_read_only():
            return False
        assert self._pattern is not None and self._doc_text is not None
        cursor = self.editor.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        dt = self._doc_text
        m = self._pattern.match(dt.text, dt.to_python(start)) if start != end else None
        if m is None or m.end() == m.start() or dt.to_qt(m.end()) != end:
            return self.find_next()
        try:
            replacement = self._replacement_for(m)
        except (re.error, IndexError) as exc:
            self._set_status(f"Invalid replacement: {exc}", error=True)
            return False
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self._anchor = cursor.position()
        self._ensure_matches()
        if not self._matches:
            self._refresh_highlights()
            self._set_status("No more matches")
            return True
        self._step(forward=True)
        return True

    def replace_all(self) -> int:
        """Replace every match as ONE undo step; returns how many were replaced."""
        if not self._ready() or self._refuse_read_only():
            return 0
        assert self._pattern is not None and self._doc_text is not None
        dt = self._doc_text
        matches = [m for m in self._pattern.finditer(dt.text) if m.end() > m.start() or self.regex.isChecked()]
        if not matches:
            self._set_status("No matches", error=True)
            return 0
        try:
            replacements = [self._replacement_for(m) for m in matches]
        except (re.error, IndexError) as exc:
            self._set_status(f"Invalid replacement: {exc}", error=True)
            return 0

        doc_cursor = QTextCursor(self.editor.document())
        doc_cursor.beginEditBlock()
        if len(matches) <= SPAN_REPLACE_THRESHOLD:
            # Edit from the end so earlier positions stay valid; keeps the caret in place.
            for m, rep in zip(reversed(matches), reversed(replacements), strict=True):
                doc_cursor.setPosition(dt.to_qt(m.start()))
                doc_cursor.setPosition(dt.to_qt(m.end()), QTextCursor.MoveMode.KeepAnchor)
                doc_cursor.insertText(rep)
        else:
            # Thousands of edits: splice the affected span once, far faster than N inserts.
            first, last = matches[0].start(), matches[-1].end()
            pieces: list[str] = []
            pos = first
            for m, rep in zip(matches, replacements, strict=True):
                pieces.append(dt.text[pos : m.start()])
                pieces.append(rep)
                pos = m.end()
            doc_cursor.setPosition(dt.to_qt(first))
            doc_cursor.setPosition(dt.to_qt(last), QTextCursor.MoveMode.KeepAnchor)
            doc_cursor.insertText("".join(pieces))
        doc_cursor.endEditBlock()

        count = len(matches)
        self._ensure_matches()
        self._refresh_highlights()
        # The recount after the edit settles must not overwrite the result with "No matches".
        self._replaced_note = f"Replaced {count:,} occurrence{'s' if count != 1 else ''}"
        self._set_status(self._replaced_note)
        return count

    @property
    def status_text(self) -> str:
        """What the status label says ("3 of 12", "No matches", "Invalid regex: ...")."""
        return self._status

    def matches(self) -> list[tuple[int, int]]:
        """Current match spans as (start, end) document positions (UTF-16), capped."""
        self._ensure_matches()
        return list(self._matches)

    # ---------------------------------------------------------------------- internals
    def _open(self) -> None:
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        self._anchor = cursor.selectionStart()
        self.show()
        if selected and "\u2029" not in selected and len(selected) <= PREFILL_LIMIT:
            query = re.escape(selected) if self.regex.isChecked() else selected
            if query != self.find_edit.text():
                self.find_edit.setText(query)  # runs the search via textChanged
            else:
                self._on_query_changed()
        else:
            self._on_query_changed()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _compile(self) -> None:
        query = self.find_edit.text()
        self._pattern, self._error = None, None
        if not query:
            return
        source = query if self.regex.isChecked() else re.escape(query)
        if self.whole_word.isChecked():
            source = rf"(?<!\w)(?:{source})(?!\w)"
        flags = re.MULTILINE | (0 if self.match_case.isChecked() else re.IGNORECASE)
        try:
            self._pattern = re.compile(source, flags)
        except re.error as exc:
            self._error = f"Invalid regex: {exc}"
        except (OverflowError, RecursionError) as exc:  # absurd repeat counts / nesting
            self._error = f"Invalid regex: {exc}"

    def _doc(self) -> TextPositions:
        if self._doc_text is None:
            self._doc_text = _doc_text(self.editor.document().toRawText())
        return self._doc_text

    def _ensure_matches(self) -> None:
        if self._matches_valid:
            return
        self._matches, self._starts, self._capped = [], [], False
        if self._pattern is not None:
            dt = self._doc()
            for m in self._pattern.finditer(dt.text):
                start, end = m.span()
                if start == end:
                    continue
                if len(self._matches) >= MATCH_LIMIT:
                    self._capped = True
                    break
                self._matches.append((dt.to_qt(start), dt.to_qt(end)))
            self._starts = [s for s, _ in self._matches]
        self._matches_valid = True

    def _ready(self) -> bool:
        """Compiled pattern and fresh text, or a status message explaining why not."""
        if self._pattern is None and self._error is None:
            self._compile()
        if self._error:
            self._set_status(self._error, error=True)
            return False
        if self._pattern is None:
            self._set_status("")
            return False
        self._doc()
        return True

    def _refuse_read_only(self) -> bool:
        if self.editor.isReadOnly():
            self._set_status("Document is read-only", error=True)
            return True
        return False

    def _replacement_for(self, m: re.Match[str]) -> str:
        template = self.replace_edit.text()
        return m.expand(template) if self.regex.isChecked() else template

    def _on_query_changed(self, *_args: object) -> None:
        """Search as you type: select the first match at or after where the search began."""
        self._replaced_note = ""
        self._compile()
        self._matches_valid = False
        if self._error:
            self._matches, self._starts = [], []
            self._matches_valid = True
            self._refresh_highlights()
            self._set_status(self._error, error=True)
            return
        self._ensure_matches()
        self._refresh_highlights()
        if self._pattern is None:
            self._set_status("")
            return
        if not self._matches:
            self._set_status("No matches", error=True)
            return
        self._select_from(self._anchor, forward=True)

    def _step(self, *, forward: bool) -> bool:
        if not self._ready():
            return False
        self._ensure_matches()
        if not self._matches:
            self._refresh_highlights()
            self._set_status("No matches", error=True)
            return False
        cursor = self.editor.textCursor()
        pos = cursor.selectionEnd() if forward else cursor.selectionStart()
        return self._select_from(pos, forward=forward)

    def _select_from(self, pos: int, *, forward: bool) -> bool:
        span = self._find_span(pos, forward=forward)
        if span is None:
            self._set_status("No matches", error=True)
            return False
        start, end = span
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._anchor = start
        self._refresh_highlights()
        self._update_count_status(start, end)
        return True

    def _find_span(self, pos: int, *, forward: bool) -> tuple[int, int] | None:
        """Next match starting at/after pos (or previous, ending before), with wrap-around."""
        matches, starts = self._matches, self._starts
        if forward:
            i = bisect_left(starts, pos)
            if i < len(matches):
                return matches[i]
            if self._capped:
                span = self._scan_forward(pos)
                if span is not None:
                    return span
            return matches[0] if matches else None
        i = bisect_left(starts, pos) - 1
        if self._capped and i == len(matches) - 1:
            # Beyond the counted matches: find the true previous one by scanning.
            span = self._scan_backward(pos)
            if span is not None:
                return span
        if i >= 0:
            return matches[i]
        if self._capped:
            return self._scan_backward(1 << 62)
        return matches[-1] if matches else None

    def _scan_forward(self, pos: int) -> tuple[int, int] | None:
        assert self._pattern is not None
        dt = self._doc()
        for m in self._pattern.finditer(dt.text, dt.to_python(pos)):
            if m.end() > m.start():
                return dt.to_qt(m.start()), dt.to_qt(m.end())
        return None

    def _scan_backward(self, pos: int) -> tuple[int, int] | None:
        assert self._pattern is not None
        dt = self._doc()
        limit = dt.to_python(pos)
        found = None
        for m in self._pattern.finditer(dt.text):
            if m.start() >= limit:
                break
            if m.end() > m.start():
                found = m
        return None if found is None else (dt.to_qt(found.start()), dt.to_qt(found.end()))

    def _update_count_status(self, start: int, end: int) -> None:
        total = f"{len(self._matches):,}{'+' if self._capped else ''}"
        i = bisect_left(self._starts, start)
        if i < len(self._matches) and self._matches[i] == (start, end):
            self._set_status(f"{i + 1:,} of {total}")
        elif self._matches:
            self._set_status(f"{total} matches")
        else:
            self._set_status("No matches", error=True)

    def retheme(self) -> None:
        """After a theme switch: the match highlights and the search box's tint in the new colours."""
        self._set_status(self._status, error=getattr(self, "_status_error", False))
        if self.isVisible():
            self._refresh_highlights()

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self._status = text
        self._status_error = error
        self.status_label.setText(text)
        pal = self.find_edit.palette()
        base = self.palette().color(QPalette.ColorRole.Base)
        if error and self.find_edit.text():
            tint = QColor("#e5484d")
            mix = 0.35 if palette_is_dark(self.palette()) else 0.18
            base = QColor.fromRgbF(
                *(
                    b + (t - b) * mix
                    for b, t in (
                        (base.redF(), tint.redF()),
                        (base.greenF(), tint.greenF()),
                        (base.blueF(), tint.blueF()),
                    )
                )
            )
        pal.setColor(QPalette.ColorRole.Base, base)
        self.find_edit.setPalette(pal)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._refresh_timer.stop()
        self._refresh_highlights(active=False)  # removes our highlights

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pattern is not None:
            self._ensure_matches()
            self._refresh_highlights()


__all__ = ["FIND_HIGHLIGHT_PROPERTY", "MATCH_LIMIT", "FindReplaceBar"]
