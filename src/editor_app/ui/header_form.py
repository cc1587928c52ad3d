"""The article's header fields above the editor: headline, dek, byline, slug."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from editor_app.core.article import Article
from editor_app.core.slug import slugify

FIELDS = ("title", "dek", "byline", "slug")


class HeaderForm(QWidget):
    """Emits `edited(field)` as the writer types; `committed_slug` when the slug field is left."""

    edited = Signal(str)
    slug_committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerForm")
        self.title = QLineEdit(objectName="titleField", placeholderText="Headline")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.dek = QLineEdit(objectName="dekField", placeholderText="Dek: one or two sentences that sum the story up")
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
        layout.addRow("Slug", self.slug)
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

    def load(self, article: Article | None) -> None:
        self._loading = True
        try:
            for name in FIELDS:
                widget: QLineEdit = getattr(self, name)
                widget.setText(getattr(article, name) if article else "")
                widget.setCursorPosition(0)
                widget.setEnabled(article is not None)
            self._slug_before = self.slug.text()
        finally:
            self._loading = False

    def show_slug(self, slug: str) -> None:
        """The store decided the slug (derived or made unique): show it without emitting."""
        if not self.slug.hasFocus():
            self.slug.setText(slug)
            self._slug_before = slug

    def value(self, name: str) -> str:
        return getattr(self, name).text()

    def suggested_slug(self) -> str:
        return slugify(self.title.text())
