"""The Outline pane: progress towards the length target, then the heading tree with each
section's words, claims and open comments; the current section is the selected row.

The pane only shows an `Outline` (core/outline.py, through `OutlineModel`) and says which row
was clicked; the controller computes the outline off the UI thread and moves the editor.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.outline import Outline
from editor_app.ui.common.theme import WARNING_COLOURS, themed
from editor_app.ui.common.widgets import count_text, muted
from editor_app.ui.outline.model import (
    COL_CLAIMS,
    COL_COMMENTS,
    COL_TITLE,
    COL_WORDS,
    LEDE,
    LINE_ROLE,
    OutlineModel,
)

OVER_TARGET_PERCENT = 110  # past this the target line says "over" in the warning colour
EMPTY_HINT = "No headings yet. Start a line with ## and a space to add a section."
__all__ = ["LEDE", "OutlinePane"]


class OutlinePane(QWidget):
    heading_activated = Signal(int)  # the line to jump to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePane")
        self.target: int | None = None
        self.model = OutlineModel(self._icons(), self)

        self.target_label = QLabel(objectName="outlineTargetLabel")
        self.progress = QProgressBar(objectName="outlineTargetBar")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.tree = QTreeView(objectName="outlineTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIconSize(QSize(12, 12))
        self.tree.setAllColumnsShowFocus(True)
        hh = self.tree.header()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        hh.setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.Fixed)
        hh.resizeSection(COL_WORDS, fm.horizontalAdvance("12,345") + 18)
        for col in (COL_CLAIMS, COL_COMMENTS):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            hh.resizeSection(col, fm.horizontalAdvance("99") + 30)
        self.tree.clicked.connect(self._on_index)
        self.tree.activated.connect(self._on_index)
        self.hint = muted(QLabel(EMPTY_HINT, objectName="outlineHint"))
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.target_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.show_outline(Outline())

    def _icons(self) -> dict:
        text, link = self.palette().color(QPalette.ColorRole.Text), self.palette().color(QPalette.ColorRole.Link)
        return {
            "claim": qta.icon("fa6s.quote-left", color=link),
            "comment": qta.icon("fa6s.comment", color=link),
            "none": qta.icon("fa6s.comment", color="transparent"),  # keeps the counts aligned
            "claims_header": qta.icon("fa6s.quote-left", color=text),
            "comments_header": qta.icon("fa6s.comment", color=text),
        }

    def changeEvent(self, event: QEvent) -> None:
        """A light/dark switch: the badges and the "over" colour follow the palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "model"):
            self.model.icons = self._icons()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_CLAIMS, COL_COMMENTS)
            self.tree.viewport().update()
            self.show_target(self.target)

    @property
    def outline(self) -> Outline:
        return self.model.outline

    # -- what is shown ----------------------------------------------------------------------

    def show_outline(self, outline: Outline, comment_counts: list[int] | None = None) -> None:
        """Show `outline`; rows keep their expansion and selection when the headings are the same."""
        current = self.current_section()
        if self.model.set_outline(outline, comment_counts or []):
            self.tree.expandAll()
            if current is not None:
                self.set_current_section(current)
        self.hint.setVisible(not outline.sections)
        self.tree.setVisible(bool(outline.sections))
        self.show_target(self.target)

    def show_target(self, target: int | None) -> None:
        """ "612 / 800 words" over a progress bar; without a target, the words alone."""
        self.target = target or None
        words = self.outline.words
        if self.target:
            share = round(100 * words / self.target)
            over = share > OVER_TARGET_PERCENT
            self.target_label.setText(f"{words:,} / {self.target:,} words · {share} %" + (" · over" if over else ""))
            colour = themed(WARNING_COLOURS, self.palette()).name() if over else ""
            self.target_label.setStyleSheet(f"color: {colour};" if colour else "")
            self.target_label.setToolTip(f"{share} % of the {self.target:,}-word target")
            self.progress.setRange(0, self.target)
            self.progress.setValue(min(words, self.target))
            self.progress.setToolTip(f"{share} % of the {self.target:,}-word target")
            self.progress.show()
        else:
            self.target_label.setText(f"{count_text(words, 'word', 'words')} · no target")
            self.target_label.setStyleSheet("")
            self.target_label.setToolTip("Set a target in the header's Target words field")
            self.progress.hide()

    # -- rows ---------------------------------------------------------------------------------

    def index_of(self, section: int, column: int = COL_TITLE) -> QModelIndex:
        return self.model.index_of(section, column)

    def cell(self, section: int, column: int) -> str | None:
        """What row `section` shows in `column` (None: no such row)."""
        index = self.index_of(section, column)
        return index.data() if index.isValid() else None

    def tooltip(self, section: int, column: int) -> str:
        index = self.index_of(section, column)
        return (index.data(Qt.ItemDataRole.ToolTipRole) or "") if index.isValid() else ""

    def current_section(self) -> int | None:
        index = self.tree.currentIndex()
        return self.model.section_of(index) if index.isValid() else None

    def set_current_section(self, section: int) -> None:
        """Select the row of `section` (LEDE: the lede) without jumping anywhere."""
        index = self.index_of(section)
        if not index.isValid():
            self.tree.selectionModel().clear()
            return
        if index == self.tree.currentIndex():
            return
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _on_index(self, index: QModelIndex) -> None:
        line = index.data(LINE_ROLE)
        if line is not None:
            self.heading_activated.emit(int(line))
