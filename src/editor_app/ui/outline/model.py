"""The Outline's tree as a Qt model over an `Outline`: a new outline with the same headings only
reports the rows whose counts changed, so a 700-heading article costs the UI thread a row or two
per keystroke; a changed heading resets the model (the view asks for the rows it shows only).

Rows: an optional "Lede" row (the text before the first heading) at the top, then each section
under its parent section. Internal ids are the section index + 2 (the lede's is 1).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from editor_app.core.outline import Outline
from editor_app.ui.common.widgets import count_text, plain_tooltip

LEDE = -1  # the lede's section index (what Outline.section_at_line says before the first heading)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's first line (the editor's block number)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the section's index (LEDE for the lede)
COL_TITLE, COL_WORDS, COL_CLAIMS, COL_COMMENTS = range(4)
HEADERS = ("Section", "Words", "", "")
HEADER_TIPS = (
    "Headings of the article: click one to go there",
    "Words of the section with its sub-sections",
    "Claims anchored in the section",
    "Open review comments on the section's words",
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # a count beside its icon

Index = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    def __init__(self, icons: dict[str, QIcon], parent=None) -> None:
        super().__init__(parent)
        self.icons = icons  # "claim", "comment", "none", "claims_header", "comments_header"
        self.outline = Outline()
        self.comments: list[int] = []
        self.lede = False
        self._children: dict[int, list[int]] = {LEDE: []}  # parent index (LEDE: the top) -> rows
        self._row: dict[int, int] = {}  # section index (or LEDE) -> row under its parent
        self._shape: tuple = (False, ())
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- feeding ------------------------------------------------------------------------------

    def set_outline(self, outline: Outline, comments: list[int]) -> bool:
        """Show `outline`; True when the rows were rebuilt (the view expands them again)."""
        lede = outline.lead_words > 0 and bool(outline.sections)
        shape = (lede, tuple((s.level, s.parent) for s in outline.sections))
        comments = list(comments) + [0] * (len(outline.sections) - len(comments))
        if shape != self._shape:
            self.beginResetModel()
            self._take(outline, comments, lede)
            self._shape = shape
            self.endResetModel()
            return True
        before, before_comments = self.outline, self.comments
        self._take(outline, comments, lede)
        changed = [
            i
            for i, (old, new) in enumerate(zip(before.sections, outline.sections, strict=True))
            if old.title != new.title
            or old.claims != new.claims
            or old.words != new.words
            or before_comments[i] != comments[i]
        ]
        # a parent's total follows its sub-sections' words
        stale = set(changed)
        for i in changed:
            p = outline.sections[i].parent
            while p >= 0 and p not in stale:
                stale.add(p)
                p = outline.sections[p].parent
        if lede and before.lead_words != outline.lead_words:
            stale.add(LEDE)
        for i in sorted(stale):
            self.dataChanged.emit(self.index_of(i, COL_TITLE), self.index_of(i, COL_COMMENTS))
        return False

    def _take(self, outline: Outline, comments: list[int], lede: bool) -> None:
        self.outline, self.comments, self.lede = outline, comments, lede
        children: dict[int, list[int]] = {LEDE: [LEDE] if lede else []}
        for i, s in enumerate(outline.sections):
            children.setdefault(i, [])
            children.setdefault(s.parent, []).append(i)
        self._children = children
        self._row = {k: r for rows in children.values() for r, k in enumerate(rows)}

    def index_of(self, section: int, column: int = 0) -> QModelIndex:
        """The index of section `section` (LEDE: the lede row), or an invalid one."""
        row = self._row.get(section)
        if row is None or (section == LEDE and not self.lede):
            return QModelIndex()
        return self.createIndex(row, column, section + 2)

    @staticmethod
    def section_of(index: Index) -> int:
        return int(index.internalId()) - 2

    # -- the Qt model -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        key = self.section_of(parent) if parent.isValid() else LEDE
        rows = self._children.get(key, [])
        if not 0 <= row < len(rows) or not 0 <= column < len(HEADERS):
            return QModelIndex()
        return self.createIndex(row, column, rows[row] + 2)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        section = self.section_of(index)
        if section == LEDE:
            return QModelIndex()
        p = self.outline.sections[section].parent
        return self.index_of(p) if p >= 0 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            section = self.section_of(parent)
            return 0 if section == LEDE else len(self._children.get(section, []))
        return len(self._children.get(LEDE, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        if role == Qt.ItemDataRole.DecorationRole and section in (COL_CLAIMS, COL_COMMENTS):
            return self.icons["claims_header" if section == COL_CLAIMS else "comments_header"]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == COL_WORDS else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        section, col = self.section_of(index), index.column()
        o = self.outline
        if section == LEDE:
            title, line, words, own, claims, comments = "Lede", 0, o.lead_words, o.lead_words, (), 0
        else:
            s = o.sections[section]
            title, line, words, own = s.title, s.first_line, o.total_words(section), s.words
            claims, comments = s.claims, self.comments[section]
        if role == LINE_ROLE:
            return line
        if role == SECTION_ROLE:
            return section
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return title
            if col == COL_WORDS:
                return f"{words:,}"
            if col == COL_CLAIMS:
                return str(len(claims)) if claims else ""
            return str(comments) if comments else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == COL_WORDS else _LEFT
        if role == Qt.ItemDataRole.DecorationRole:
            if col == COL_CLAIMS:
                return self.icons["claim" if claims else "none"]
            if col == COL_COMMENTS:
                return self.icons["comment" if comments else "none"]
            return None
        if role == Qt.ItemDataRole.FontRole and section == LEDE and col == COL_TITLE:
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TITLE:
                if section == LEDE:
                    return "The text before the first heading"
                return plain_tooltip(f"{'#' * o.sections[section].level} {title}")
            if col == COL_WORDS:
                extra = f" ({own:,} before its sub-sections)" if own != words else ""
                return count_text(words, "word", "words") + extra
            if col == COL_CLAIMS:
                return ("Claims: " + ", ".join(claims)) if claims else ""
            return count_text(comments, "open comment", "open comments") if comments else ""
        return None
