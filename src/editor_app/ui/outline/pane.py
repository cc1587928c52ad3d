"""The Outline pane: progress towards the length target, then the heading tree with each
section's words, claims and open comments; the current section is the selected row.

The pane only shows an `Outline` (core/outline.py) and says which row was clicked; the
controller computes the outline off the UI thread and moves the editor.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.outline import Outline
from editor_app.ui.common.widgets import count_text, muted, plain_tooltip

LEDE = -1  # the row of the text before the first heading
LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the heading's line (the editor's block number)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the section's index in the outline (LEDE for the lede)
COL_TITLE, COL_WORDS, COL_CLAIMS, COL_COMMENTS = range(4)
EMPTY_HINT = "No headings yet. Start a line with ## and a space to add a section."


class OutlinePane(QWidget):
    heading_activated = Signal(int)  # the line to jump to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePane")
        self.outline = Outline()
        self.comment_counts: list[int] = []
        self.target: int | None = None
        self._items: dict[int, QTreeWidgetItem] = {}  # section index -> row
        self._shape: tuple = ()  # levels and titles of the rows shown: unchanged, rows are updated in place

        self.target_label = QLabel(objectName="outlineTargetLabel")
        self.progress = QProgressBar(objectName="outlineTargetBar")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.tree = QTreeWidget(objectName="outlineTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Section", "Words", "", ""])
        header = self.tree.headerItem()
        header.setIcon(COL_CLAIMS, qta.icon("fa6s.quote-left", color=self.palette().color(QPalette.ColorRole.Text)))
        header.setIcon(COL_COMMENTS, qta.icon("fa6s.comment", color=self.palette().color(QPalette.ColorRole.Text)))
        header.setToolTip(COL_TITLE, "Headings of the article: click one to go there")
        header.setToolTip(COL_WORDS, "Words of the section with its sub-sections")
        header.setToolTip(COL_CLAIMS, "Claims anchored in the section")
        header.setToolTip(COL_COMMENTS, "Open review comments on the section's words")
        header.setTextAlignment(COL_WORDS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setIconSize(QSize(12, 12))
        hh = self.tree.header()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        hh.setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.Fixed)
        hh.resizeSection(COL_WORDS, fm.horizontalAdvance("12,345") + 18)
        for col in (COL_CLAIMS, COL_COMMENTS):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            hh.resizeSection(col, fm.horizontalAdvance("99") + 30)
        link = self.palette().color(QPalette.ColorRole.Link)
        self._icons = {
            "claim": qta.icon("fa6s.quote-left", color=link),
            "comment": qta.icon("fa6s.comment", color=link),
            "none": qta.icon("fa6s.comment", color="transparent"),  # keeps the counts aligned
        }
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.hint = muted(QLabel(EMPTY_HINT, objectName="outlineHint"))
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.target_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.show_outline(Outline())

    # -- what is shown ----------------------------------------------------------------------

    def show_outline(self, outline: Outline, comment_counts: list[int] | None = None) -> None:
        """Show `outline`; rows keep their expansion and selection when only counts changed."""
        self.outline = outline
        self.comment_counts = list(comment_counts or [0] * len(outline.sections))
        lede = outline.lead_words > 0 and bool(outline.sections)
        shape = (lede, tuple((s.level, s.title, s.parent) for s in outline.sections))
        if shape != self._shape:
            self._rebuild(lede)
            self._shape = shape
        self._fill_counts()
        self.hint.setVisible(not outline.sections)
        self.tree.setVisible(bool(outline.sections))
        self.show_target(self.target)

    def _rebuild(self, lede: bool) -> None:
        current = self.current_section()
        self.tree.clear()
        self._items = {}
        if lede:
            item = QTreeWidgetItem(["Lede"])
            item.setData(0, LINE_ROLE, 0)
            item.setData(0, SECTION_ROLE, LEDE)
            font = QFont(item.font(0))
            font.setItalic(True)
            item.setFont(0, font)
            item.setToolTip(0, "The text before the first heading")
            self.tree.addTopLevelItem(item)
            self._items[LEDE] = item
        for i, section in enumerate(self.outline.sections):
            item = QTreeWidgetItem([section.title])
            item.setData(0, LINE_ROLE, section.first_line)
            item.setData(0, SECTION_ROLE, i)
            item.setToolTip(0, plain_tooltip(f"{'#' * section.level} {section.title}"))
            parent = self._items.get(section.parent) if section.parent >= 0 else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            self._items[i] = item
        self.tree.expandAll()
        if current is not None:
            self.set_current_section(current)

    def _fill_counts(self) -> None:
        o = self.outline
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter  # the count beside its icon
        icons = self._icons
        for index, item in self._items.items():
            if index == LEDE:
                words, own, claims, comments = o.lead_words, o.lead_words, (), 0
                item.setData(0, LINE_ROLE, 0)
            else:
                section = o.sections[index]
                words, own, claims = o.total_words(index), section.words, section.claims
                comments = self.comment_counts[index] if index < len(self.comment_counts) else 0
                item.setData(0, LINE_ROLE, section.first_line)  # lines move as the writer types
            item.setText(COL_WORDS, f"{words:,}")
            item.setTextAlignment(COL_WORDS, right)
            item.setToolTip(
                COL_WORDS,
                count_text(words, "word", "words") + (f" ({own:,} before its sub-sections)" if own != words else ""),
            )
            item.setText(COL_CLAIMS, str(len(claims)) if claims else "")
            item.setIcon(COL_CLAIMS, icons["claim" if claims else "none"])
            item.setTextAlignment(COL_CLAIMS, left)
            item.setToolTip(COL_CLAIMS, ("Claims: " + ", ".join(claims)) if claims else "")
            item.setText(COL_COMMENTS, str(comments) if comments else "")
            item.setIcon(COL_COMMENTS, icons["comment" if comments else "none"])
            item.setTextAlignment(COL_COMMENTS, left)
            item.setToolTip(COL_COMMENTS, count_text(comments, "open comment", "open comments") if comments else "")

    def show_target(self, target: int | None) -> None:
        """ "612 / 800 words" over a progress bar; without a target, the words alone."""
        self.target = target or None
        words = self.outline.words
        if self.target:
            share = round(100 * words / self.target)
            self.target_label.setText(f"{words:,} / {self.target:,} words · {share} %")
            self.progress.setRange(0, self.target)
            self.progress.setValue(min(words, self.target))
            self.progress.setToolTip(f"{share} % of the {self.target:,}-word target")
            self.progress.show()
        else:
            self.target_label.setText(f"{count_text(words, 'word', 'words')} · no target")
            self.target_label.setToolTip("Set a target in the header's Target words field")
            self.progress.hide()

    # -- the current section ------------------------------------------------------------------

    def current_section(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, SECTION_ROLE) if item is not None else None

    def set_current_section(self, index: int) -> None:
        """Select the row of section `index` (LEDE: the lede) without jumping anywhere."""
        item = self._items.get(index)
        if item is None and index == LEDE:
            self.tree.clearSelection()
            self.tree.setCurrentItem(None)
            return
        if item is None or item is self.tree.currentItem():
            return
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def item_of(self, index: int) -> QTreeWidgetItem | None:
        return self._items.get(index)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        line = item.data(0, LINE_ROLE)
        if line is not None:
            self.heading_activated.emit(int(line))
