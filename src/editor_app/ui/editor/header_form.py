"""The article's header fields above the editor: headline, dek, byline, slug, target words.

Headline and dek wrap (`WrappingField`): a long headline is read whole at any window width,
never cut at the field's edge; they stay one paragraph (Enter goes on to the next field).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextOption, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from editor_app.core.article import MAX_WORD_TARGET, Article
from editor_app.core.slug import slugify

FIELDS = ("title", "dek", "byline", "slug")
EMBARGO_TIP = (
    "Embargo: not exported nor published before this time. Give its zone: "
    "2026-12-24 09:00 Asia/Hong_Kong, or 2026-12-24T09:00+08:00; or use Pick…"
)
MAX_LINES = 4  # a field taller than this scrolls (a headline is rarely more than two lines)


class WrappingField(QPlainTextEdit):
    """A one-paragraph text field that wraps and grows to its text (up to MAX_LINES lines),
    with the parts of QLineEdit's API the form uses: `text`, `setText`, `textEdited` (the
    writer's edits only, not `setText`), `setCursorPosition`."""

    textEdited = Signal(str)  # noqa: N815 (QLineEdit's name)

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "", placeholderText: str = "") -> None:  # noqa: N803
        super().__init__(parent)
        self.setObjectName(objectName)
        self.setPlaceholderText(placeholderText)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(2)
        self._setting = False
        self.textChanged.connect(self._on_changed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit_height())

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._setting = True
        try:
            self.setPlainText(" ".join((text or "").splitlines()))
        finally:
            self._setting = False
        self._fit_height()

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def _on_changed(self) -> None:
        text = self.toPlainText()
        if "\n" in text or "\u2029" in text:  # pasted lines become one paragraph
            cursor = self.textCursor()
            at = cursor.position()
            flat = text.replace("\u2029", " ").replace("\n", " ")
            self.blockSignals(True)
            self.setPlainText(flat)
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(min(at, len(flat)))
            self.setTextCursor(cursor)
            text = flat
        self._fit_height()
        if not self._setting:
            self.textEdited.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()  # one paragraph: Enter goes on, as in a form
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        super().focusOutEvent(event)

    def _lines(self) -> int:
        layout = self.document().documentLayout()
        height = layout.documentSize().height()  # in lines for a QPlainTextEdit
        return max(1, min(MAX_LINES, round(height)))

    def _fit_height(self) -> None:
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        doc = 2 * self.document().documentMargin()
        self.setFixedHeight(self._lines() * line + doc + margins.top() + margins.bottom() + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())


class TargetField(QSpinBox):
    """Words, with "none" for no target; emptying the field means none too (not "undo")."""

    def validate(self, text: str, pos: int):
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text.replace("none", ""), pos)

    def valueFromText(self, text: str) -> int:
        digits = text.replace(",", "").replace(self.locale().groupSeparator(), "").strip()
        return int(digits) if digits.isdigit() else 0

    def fixup(self, text: str) -> str:
        return "" if not text.strip() else super().fixup(text)


class HeaderForm(QWidget):
    """Emits `edited(field)` as the writer types; `committed_slug` when the slug field is left."""

    edited = Signal(str)
    slug_committed = Signal(str)
    embargo_committed = Signal(str)  # the embargo field was left with a changed value (core.embargo)
    embargo_pick_requested = Signal()  # the writer asked for the date/time/zone picker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerForm")
        self.title = WrappingField(objectName="titleField", placeholderText="Headline")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.dek = WrappingField(
            objectName="dekField", placeholderText="Dek: one or two sentences that sum the story up"
        )
        self.byline = QLineEdit(objectName="bylineField", placeholderText="Byline")
        self.slug = QLineEdit(objectName="slugField", placeholderText="derived from the headline")
        self.slug.setToolTip("URL slug: follows the headline until you edit it; must be unique")
        layout = QFormLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(6)
        layout.addRow("Headline", self.title)
        layout.addRow("Dek", self.dek)
        layout.addRow("Byline", self.byline)
        # the length target sits beside the slug: one more field, no more height
        self.word_target = TargetField(objectName="wordTargetField")
        self.word_target.setRange(0, MAX_WORD_TARGET)
        self.word_target.setSingleStep(50)
        self.word_target.setSpecialValueText("none")  # 0: no target
        self.word_target.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.word_target.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.word_target.setGroupSeparatorShown(True)
        self.word_target.setMinimumWidth(self.word_target.fontMetrics().horizontalAdvance("100,000") + 24)
        self.word_target.setToolTip("Target length in words (0 or empty: no target); progress shows in the status bar")
        target_label = QLabel("Target words", objectName="wordTargetLabel")
        target_label.setBuddy(self.word_target)
        slug_row = QHBoxLayout()
        slug_row.setContentsMargins(0, 0, 0, 0)
        slug_row.setSpacing(8)
        slug_row.addWidget(self.slug, 1)
        slug_row.addWidget(target_label)
        slug_row.addWidget(self.word_target)
        layout.addRow("Slug", slug_row)
        self.word_target.valueChanged.connect(lambda _v: self._on_edit("word_target"))
        self.embargo = QLineEdit(
            objectName="embargoField", placeholderText="none · e.g. 2026-12-24 09:00 Asia/Hong_Kong"
        )
        self.embargo.setToolTip(EMBARGO_TIP)
        self.embargo_pick = QToolButton(objectName="embargoPick", text="Pick…")
        self.embargo_pick.setToolTip("Choose the date, time and time zone of the embargo")
        self.embargo_pick.clicked.connect(self.embargo_pick_requested)
        embargo_row = QHBoxLayout()
        embargo_row.setContentsMargins(0, 0, 0, 0)
        embargo_row.setSpacing(6)
        embargo_row.addWidget(self.embargo, 1)
        embargo_row.addWidget(self.embargo_pick)
        layout.addRow("Embargo", embargo_row)
        self.embargo.editingFinished.connect(self._on_embargo_finished)
        self._embargo_before = ""
        self._loading = False
        for name in ("title", "dek", "byline"):
            getattr(self, name).textEdited.connect(lambda _t, n=name: self._on_edit(n))
        self.slug.editingFinished.connect(self._on_slug_finished)
        self._slug_before = ""

    def _on_edit(self, name: str) -> None:
        if not self._loading:
            self.edited.emit(name)

    def _on_slug_finished(self) -> None:
        text = self.slug.text().strip()
        if text != self._slug_before:
            self._slug_before = text
            self.slug_committed.emit(text)

    def _on_embargo_finished(self) -> None:
        text = self.embargo.text().strip()
        if text != self._embargo_before and not self._loading:
            self._embargo_before = text
            self.embargo_committed.emit(text)

    def commit_embargo(self, value: str) -> None:
        """A value from the picker: shown in the field and committed like a typed one."""
        self.embargo.setText(value)
        self.embargo.setCursorPosition(0)
        self._on_embargo_finished()

    def show_embargo(self, article: Article | None) -> None:
        """The stored embargo, in the zone it was given ("" for none)."""
        when = getattr(article, "embargo_at", None) if article is not None else None
        self._embargo_before = when.isoformat() if when else ""
        self.embargo.setText(self._embargo_before)
        self.embargo.setCursorPosition(0)
        self.embargo.setEnabled(article is not None)
        self.embargo_pick.setEnabled(article is not None)

    def load(self, article: Article | None) -> None:
        self._loading = True
        try:
            for name in FIELDS:
                widget: QLineEdit | WrappingField = getattr(self, name)
                widget.setText(getattr(article, name) if article else "")
                widget.setCursorPosition(0)
                widget.setEnabled(article is not None)
            self._slug_before = self.slug.text()
            self.word_target.setValue((article.word_target or 0) if article else 0)
            self.word_target.setEnabled(article is not None)
            self.show_embargo(article)
        finally:
            self._loading = False

    def show_slug(self, slug: str) -> None:
        """The store decided the slug (derived or made unique): show it without emitting."""
        if not self.slug.hasFocus():
            self.slug.setText(slug)
            self._slug_before = slug

    def value(self, name: str) -> str:
        """A field's text as autosave writes it ("" for no word target)."""
        if name == "word_target":
            return str(self.word_target.value() or "")
        return getattr(self, name).text()

    def target(self) -> int | None:
        """The length target being edited (None: no target)."""
        return self.word_target.value() or None

    def suggested_slug(self) -> str:
        return slugify(self.title.text())
