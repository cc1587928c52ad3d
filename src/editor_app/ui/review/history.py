"""The History dialog: the article's revisions (time, reason, who, size) with a readable diff
against the current text or another revision, "Restore this revision…", and the status
history (who, when, from → to, note, override reason).

The diff is a unified diff in a read-only QPlainTextEdit, coloured by a tiny highlighter that
also marks the words that changed inside a changed line (core.word_diff); user text is plain
text throughout.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.word_diff import pair_changed_lines
from editor_app.services.review import Review
from editor_app.store.revisions import CURRENT, Revision, RevisionStore
from editor_app.store.store import Store
from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.common.theme import is_dark as palette_is_dark
from editor_app.ui.common.theme import status_icon
from editor_app.ui.common.widgets import muted, plain_tooltip
from editor_app.ui.editor.markdown_editor import editor_font
from editor_app.ui.review.common import local_time

REV_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REASON_LABELS = {
    "typing": "Edited",
    "status change": "Status change",
    "before restore": "Before restore",
    "restore": "Restored",
    "import": "Imported",
    "manual": "Saved by hand",
    "published": "Published version (with a notice)",
}


class DiffHighlighter(QSyntaxHighlighter):
    """+ lines green, - lines red, @@ hunks blue, file headers bold."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)

        def fmt(fg: str, bg: str | None = None, bold: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(fg))
            if bg:
                f.setBackground(QColor(bg))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            return f

        if dark:
            self.added, self.removed = fmt("#b5f0c8", "#1d3a28"), fmt("#ffc9c4", "#4a1f1c")
            self.added_word, self.removed_word = fmt("#e6fff0", "#2f6b45", True), fmt("#ffe9e6", "#7a2e29", True)
            self.hunk, self.header = fmt("#7fb2ff"), fmt("#aab4c3", bold=True)
        else:
            self.added, self.removed = fmt("#0f5132", "#dcf5e3"), fmt("#842029", "#fbe1e1")
            self.added_word, self.removed_word = fmt("#0a3622", "#a6e3b8", True), fmt("#58151c", "#f3a9a9", True)
            self.hunk, self.header = fmt("#1f5fbf"), fmt("#5b6472", bold=True)
        self.word_spans: dict[int, list[tuple[int, int]]] = {}  # block number -> changed words

    def highlightBlock(self, text: str) -> None:
        if text.startswith(("+++", "---")):
            self.setFormat(0, len(text), self.header)
        elif text.startswith("@@"):
            self.setFormat(0, len(text), self.hunk)
        elif text.startswith("+"):
            self.setFormat(0, len(text), self.added)
        elif text.startswith("-"):
            self.setFormat(0, len(text), self.removed)
        else:
            return
        strong = self.added_word if text.startswith("+") else self.removed_word
        for start, length in self.word_spans.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, strong)


def _kb(chars: int) -> str:
    return f"{chars:,} chars" if chars < 10_000 else f"{chars / 1000:.1f}k chars"


class HistoryDialog(QDialog):
    def __init__(
        self,
        store: Store,
        article_id: int,
        title: str,
        *,
        restore: Callable[[int], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(f"History — {title or 'Untitled'}")
        self.resize(1040, 640)
        self.store, self.article_id = store, article_id
        self.revisions_store = RevisionStore(store)
        self.review = Review(store)
        self.restore_handler = restore
        self.revisions: list[Revision] = []

        self.tabs = QTabWidget(objectName="historyTabs")

        # revisions
        self.rev_list = QTreeWidget(objectName="revisionList")
        self.rev_list.setHeaderLabels(["Time", "Reason", "Who", "Size"])
        self.rev_list.setRootIsDecorated(False)
        self.rev_list.setUniformRowHeights(True)
        self.rev_list.setAlternatingRowColors(True)
        self.rev_list.currentItemChanged.connect(lambda *_: self.show_diff())
        self.compare = QComboBox(objectName="compareWith")
        self.compare.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.diff_view = QPlainTextEdit(objectName="diffView")
        self.diff_view.setReadOnly(True)
        self.diff_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = editor_font()
        font.setPointSizeF(10.5)
        self.diff_view.setFont(font)
        self.diff_highlighter = DiffHighlighter(self.diff_view.document(), palette_is_dark(self.palette()))
        self.diff_summary = muted(plain_label(""))
        self.diff_summary.setObjectName("diffSummary")
        self.restore_button = QPushButton(
            qta.icon("fa6s.clock-rotate-left"), "Restore This Revision…", objectName="restoreRevision"
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(plain_label("Compare with"))
        top.addWidget(self.compare, 1)
        rl.addLayout(top)
        rl.addWidget(self.diff_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.diff_summary, 1)
        bottom.addWidget(self.restore_button)
        rl.addLayout(bottom)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="historySplitter")
        split.addWidget(self.rev_list)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([470, 550])
        split.setChildrenCollapsible(False)
        self.tabs.addTab(split, qta.icon("fa6s.clock-rotate-left"), "Revisions")

        # status history
        self.status_list = QTreeWidget(objectName="statusHistoryList")
        self.status_list.setHeaderLabels(["When", "Who", "Change", "Note", "Checklist override"])
        self.status_list.setRootIsDecorated(False)
        self.status_list.setAlternatingRowColors(True)
        self.status_list.setWordWrap(True)
        self.tabs.addTab(self.status_list, qta.icon("fa6s.list-check"), "Status History")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.refresh()

    # -- filling ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.revisions = self.revisions_store.list(self.article_id)
        keep = self.selected_revision_id()
        self.rev_list.blockSignals(True)
        self.rev_list.clear()
        for rev in self.revisions:
            when = local_time(rev.updated_at, seconds=True)
            item = QTreeWidgetItem(
                [when, REASON_LABELS.get(rev.reason, rev.reason), rev.who or "unknown", _kb(rev.size)]
            )
            item.setData(0, REV_ID_ROLE, rev.id)
            tip = f"Revision {rev.id}\nStarted {local_time(rev.created_at, seconds=True)}"
            if rev.updated_at != rev.created_at:
                tip += f"\nLast edit kept {when} (typing is kept as one revision per few minutes)"
            tip += f"\nHeadline: {rev.title}"
            item.setToolTip(0, plain_tooltip(tip))
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rev_list.addTopLevelItem(item)
        for c, cap in enumerate((150, 110, 120)):  # the size column takes the rest
            self.rev_list.resizeColumnToContents(c)
            self.rev_list.setColumnWidth(c, min(cap, self.rev_list.columnWidth(c) + 10))
        self.rev_list.blockSignals(False)
        self.compare.blockSignals(True)
        chosen = self.compare.currentData()
        self.compare.clear()
        self.compare.addItem("Current text", CURRENT)
        for rev in self.revisions:
            self.compare.addItem(
                f"{local_time(rev.updated_at, seconds=True)} · "
                f"{REASON_LABELS.get(rev.reason, rev.reason)} · {rev.who or 'unknown'}",
                rev.id,
            )
        i = self.compare.findData(chosen) if chosen is not None else 0
        self.compare.setCurrentIndex(max(0, i))
        self.compare.blockSignals(False)
        if keep is not None and self.select_revision(keep):
            pass
        elif self.revisions:
            self.rev_list.setCurrentItem(self.rev_list.topLevelItem(0))
        self.show_diff()
        self._fill_status()

    def _fill_status(self) -> None:
        self.status_list.clear()
        for change in reversed(self.review.status_history(self.article_id)):
            item = QTreeWidgetItem(
                [
                    local_time(change.at, seconds=True),
                    change.who or "unknown",
                    f"{change.from_status.label} → {change.to_status.label}",
                    change.note,
                    change.override_reason,
                ]
            )
            item.setIcon(2, status_icon(change.to_status, self.palette()))
            for c, text in ((3, change.note), (4, change.override_reason)):
                if text:
                    item.setToolTip(c, plain_tooltip(text))
            self.status_list.addTopLevelItem(item)
        for c, w in enumerate((150, 120, 200, 260)):
            self.status_list.setColumnWidth(c, w)

    # -- selection and diff -----------------------------------------------------------

    def selected_revision_id(self) -> int | None:
        item = self.rev_list.currentItem()
        return int(item.data(0, REV_ID_ROLE)) if item is not None else None

    def select_revision(self, rev_id: int) -> bool:
        for i in range(self.rev_list.topLevelItemCount()):
            item = self.rev_list.topLevelItem(i)
            if item.data(0, REV_ID_ROLE) == rev_id:
                self.rev_list.setCurrentItem(item)
                return True
        return False

    def compare_with(self, ref: int | str) -> None:
        i = self.compare.findData(ref)
        if i >= 0:
            self.compare.setCurrentIndex(i)

    def show_diff(self) -> None:
        rev_id = self.selected_revision_id()
        self.restore_button.setEnabled(rev_id is not None and self.restore_handler is not None)
        if rev_id is None:
            self.diff_view.setPlainText("")
            self.diff_summary.setText("No revisions yet: they are kept as you write.")
            return
        other = self.compare.currentData()
        if other == rev_id:
            self.diff_view.setPlainText("")
            self.diff_summary.setText("Same revision: nothing to compare.")
            return
        try:
            lines = self.revisions_store.diff(rev_id, other if other is not None else CURRENT)
        except KeyError:
            lines = []
        if not lines:
            self.diff_view.setPlainText("")
            self.diff_summary.setText("No differences.")
            return
        added = sum(1 for ln in lines if ln.startswith("+") and not ln.startswith("+++"))
        removed = sum(1 for ln in lines if ln.startswith("-") and not ln.startswith("---"))
        spans = pair_changed_lines(lines)
        self.diff_highlighter.word_spans = spans
        self.diff_view.setPlainText("\n".join(lines))
        changed_words = sum(len(v) for v in spans.values())
        words = f"; {changed_words} changed passage{'s' if changed_words != 1 else ''} marked" if spans else ""
        self.diff_summary.setText(
            f"{added} line{'s' if added != 1 else ''} added, "
            f"{removed} removed (from the selected revision to the other){words}"
        )

    # -- restore ----------------------------------------------------------------------

    def restore_selected(self) -> bool:
        rev_id = self.selected_revision_id()
        if rev_id is None or self.restore_handler is None:
            return False
        if not self.restore_handler(rev_id):
            return False
        self.refresh()
        return True
