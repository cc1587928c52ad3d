"""The "Stocks" pane: confirmed ticker tags, suggestions from the text, and a directory search.

Everything that touches the symbol directory (loading it, scanning the article, searching)
runs on one background thread; the UI thread only reads the text when the debounce expires
and shows results. Results carry the article id and a generation number, so a slow scan of
an older text (or of another article) is dropped instead of shown.
"""

from __future__ import annotations

import html
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.tickers.directory import Listing, SymbolDirectory, default_directory
from editor_app.core.tickers.explain import RULES
from editor_app.core.tickers.notation import parse, render
from editor_app.core.tickers.suggest import suggest
from editor_app.core.tickers.tags import ROLE_LABELS, ROLES, TickerTag, related_stocks_line
from editor_app.store.errors import StoreError
from editor_app.store.tickers import TickerTagStore

DEBOUNCE_MS = 800
SEARCH_DEBOUNCE_MS = 150
MAX_SCAN_CHARS = 200_000  # a pasted book is scanned from its start; suggestions stay responsive
SEARCH_LIMIT = 25
TAG_MIME = "application/x-editor-app-ticker-tag"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SuggestionItem:
    """A suggestion as the pane shows it (plain data, built on the worker thread)."""

    listing: Listing
    role: str
    count: int
    snippets: tuple[tuple[str, str], ...]  # (section, snippet)
    written_as: tuple[str, ...]
    keys: frozenset[tuple[str, str]]  # every listing of the issuer: tagged on any of them = covered
    why: str = ""  # "NYSE: F — 'Ford Motor Co' (name + legal suffix), high"
    rule: str = ""  # the rule that read the strongest mention
    confidence: float = 0.0  # 0..1
    evidence: tuple[tuple[str, int, int], ...] = ()  # (words matched, start, end) in the scanned text

    @property
    def in_directory(self) -> bool:
        """False for a code the copy prints that the directory does not hold (delisted since)."""
        return self.listing.id >= 0

    @property
    def key(self) -> tuple[str, str]:
        return (self.listing.symbol, self.listing.mic)

    @property
    def notation(self) -> str:
        if not self.listing.mic:  # a code as the story prints it, exchange not said
            return self.listing.symbol
        return render(self.listing, "exchange") or self.listing.symbol


# ----------------------------------------------------------------------------- background work
class _Bridge(QObject):
    """Lives on the UI thread; the worker emits through it (queued to the UI thread)."""

    suggested = Signal(int, int, object)  # article id, generation, list[SuggestionItem] | str (error)
    searched = Signal(int, str, object)  # generation, query, list[Listing] | str (error)
    ready = Signal()


class _TickerWorker:
    """One daemon thread with a job queue. Queued jobs of the same kind are merged (only the
    newest runs). A plain thread cannot abort the process if the window goes away mid-scan,
    which a running QThread being destroyed would."""

    def __init__(self, loader: Callable[[], SymbolDirectory], bridge: _Bridge) -> None:
        self._loader = loader
        self._bridge = bridge
        self._jobs: queue.Queue = queue.Queue()
        self._directory: SymbolDirectory | None = None
        self._thread = threading.Thread(target=self._run, name="tickers", daemon=True)
        self._thread.start()

    @property
    def loaded(self) -> bool:
        return self._directory is not None

    def submit(self, kind: str, *args: object) -> None:
        self._jobs.put((kind, args))

    def stop(self, wait: float = 0.0) -> None:
        """End the thread after the job it is running; `wait` seconds for it to finish."""
        self._jobs.put(None)
        if wait and self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait)

    def _directory_now(self) -> SymbolDirectory:
        if self._directory is None:
            self._directory = self._loader()
            self._emit(self._bridge.ready)
        return self._directory

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:
            pass  # the pane is gone

    def _run(self) -> None:
        while True:
            jobs = [self._jobs.get()]
            while True:
                try:
                    jobs.append(self._jobs.get_nowait())
                except queue.Empty:
                    break
            if any(job is None for job in jobs):
                return
            newest: dict[str, tuple] = {}
            for kind, args in jobs:
                newest[kind] = args
            for kind, args in newest.items():
                try:
                    getattr(self, f"_do_{kind}")(*args)
                except Exception as exc:
                    message = f"{type(exc).__name__}: {exc}"
                    if kind == "suggest":
                        self._emit(self._bridge.suggested, args[0], args[1], message)
                    elif kind == "search":
                        self._emit(self._bridge.searched, args[0], args[1], message)

    def _do_load(self) -> None:
        self._directory_now()

    def _do_suggest(self, article_id: int, generation: int, text: str) -> None:
        directory = self._directory_now()
        items = []
        for sug in suggest(text[:MAX_SCAN_CHARS], directory):
            li = sug.listing
            keys = (
                frozenset((x.symbol, x.mic) for x in directory.listings_of(li.issuer_id)) if li.id >= 0 else frozenset()
            )
            items.append(
                SuggestionItem(
                    li,
                    sug.role,
                    sug.count,
                    tuple((m.section, m.snippet) for m in sug.mentions[:4]),
                    tuple(sug.written_as),
                    keys | {(li.symbol, li.mic)},
                    sug.why,
                    sug.rule,
                    sug.confidence,
                    tuple((m.text, m.start, m.end) for m in sug.mentions),
                )
            )
        self._emit(self._bridge.suggested, article_id, generation, items)

    def _do_search(self, generation: int, query: str) -> None:
        directory = self._directory_now()
        self._emit(self._bridge.searched, generation, query, directory.search(query, SEARCH_LIMIT))


# ----------------------------------------------------------------------------- confirmed tags
class TagTableModel(QAbstractTableModel):
    """The article's tags; reorder by drag (the store does the move) and role by combo."""

    COLUMNS = ("Symbol", "Exchange", "Company", "Role")
    SYMBOL, EXCHANGE, COMPANY, ROLE = range(4)
    move_requested = Signal(int, int)  # tag id, new position
    role_requested = Signal(int, str)  # tag id, role

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tags: list[TickerTag] = []

    def set_tags(self, tags: list[TickerTag]) -> None:
        self.beginResetModel()
        self.tags = list(tags)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.tags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.tags):
            return None
        tag = self.tags[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                tag.symbol,
                tag.exchange or "—",
                tag.name or ("unlisted" if tag.unlisted else ""),
                ROLE_LABELS[tag.role],
            )[col]
        if role == Qt.ItemDataRole.EditRole:
            return tag.role if col == self.ROLE else None
        if role == Qt.ItemDataRole.UserRole:
            return tag
        if role == Qt.ItemDataRole.FontRole and col == self.SYMBOL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == self.SYMBOL and tag.unlisted:
            return qta.icon("fa6s.triangle-exclamation")
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = "\nUnlisted: not in the symbol directory; published as typed." if tag.unlisted else ""
            return (
                f"{tag.name or tag.symbol} — {tag.notation} ({ROLE_LABELS[tag.role].lower()}){extra}\n"
                "Drag to reorder; right-click for more."
            )
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == self.ROLE and value in ROLES:
            tag = self.tags[index.row()]
            if tag.role != value and tag.id is not None:
                self.role_requested.emit(tag.id, str(value))
            return True
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == self.ROLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows and self.tags[rows[0]].id is not None:
            data.setData(TAG_MIME, str(self.tags[rows[0]].id).encode())
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Ask for the move and report 'not dropped', so the view removes nothing itself: the
        pane reloads the order from the store."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(TAG_MIME):
            return False
        tag_id = int(bytes(data.data(TAG_MIME)).decode() or 0)
        source = next((i for i, t in enumerate(self.tags) if t.id == tag_id), -1)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.tags))
        if target > source:
            target -= 1
        if target != source:
            self.move_requested.emit(tag_id, target)
        return False


class RoleDelegate(QStyledItemDelegate):
    """The role column as an always-open combo: About / Mentions."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("tickerRoleCombo")
        for role in ROLES:
            combo.addItem(ROLE_LABELS[role], role)
        combo.setToolTip("About: the story is about this company. Mentions: named in passing.")
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        if i >= 0 and editor.currentIndex() != i:
            editor.blockSignals(True)
            editor.setCurrentIndex(i)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TagTable(QTableView):
    """Tag list; Delete removes, Alt+Up/Down move."""

    remove_pressed = Signal()
    move_pressed = Signal(int)  # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.remove_pressed.emit()
            return
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_pressed.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


# ----------------------------------------------------------------------------- suggestions
def _muted(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class SuggestionCard(QFrame):
    """One suggestion: company, notation, role guess, count; accept as about / mentions, dismiss."""

    accepted = Signal(object, str)  # SuggestionItem, role
    dismissed = Signal(object)

    def __init__(self, item: SuggestionItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("suggestionCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        li = item.listing
        name = QLabel(f"<b>{html.escape(li.company or li.name)}</b>", objectName="suggestionName")
        name.setTextFormat(Qt.TextFormat.RichText)
        notation = QLabel(html.escape(item.notation), objectName="suggestionNotation")
        notation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        chip = QLabel(ROLE_LABELS[item.role], objectName="roleChip")
        chip.setProperty("role", item.role)
        chip.setToolTip(
            "Guessed from where the company appears: title, dek and first paragraph or frequency mean 'about'."
        )
        times = "once" if item.count == 1 else f"{item.count}×"
        count = _muted(QLabel(f"named {times}", objectName="suggestionCount"))
        # why: the words matched, the rule and how sure, so the desk can judge a tag at a glance
        self.why = _muted(QLabel(objectName="suggestionWhy"))
        self.why.setText(_why_text(item))
        self.why.setWordWrap(True)
        self.why.setToolTip(RULES.get(item.rule, (0, ""))[1])

        self.about_button = self._button(
            "About", "fa6s.check", "acceptAboutButton", "Accept as about: the story is about this company"
        )
        self.mentions_button = self._button(
            "Mentions", "fa6s.plus", "acceptMentionsButton", "Accept as mentions: the company is named in the story"
        )
        self.dismiss_button = QToolButton(objectName="dismissButton")
        self.dismiss_button.setIcon(qta.icon("fa6s.xmark"))
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip("Dismiss: do not suggest this stock again for this article")
        self.dismiss_button.setAccessibleName(f"Dismiss {li.symbol}")
        (self.about_button if item.role == "about" else self.mentions_button).setProperty("guess", True)
        self.about_button.clicked.connect(lambda: self.accepted.emit(self.item, "about"))
        self.mentions_button.clicked.connect(lambda: self.accepted.emit(self.item, "mentions"))
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self.item))

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(name)
        top.addWidget(notation)
        top.addStretch(1)
        top.addWidget(self.dismiss_button)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(chip)
        bottom.addWidget(count)
        bottom.addStretch(1)
        bottom.addWidget(self.about_button)
        bottom.addWidget(self.mentions_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 6, 8)
        box.setSpacing(2)
        box.addLayout(top)
        box.addWidget(self.why)
        box.addLayout(bottom)
        self.setToolTip(self._tooltip())

    def _button(self, text: str, icon: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(objectName=name, text=text)
        button.setIcon(qta.icon(icon))
        button.setIconSize(QSize(12, 12))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setAccessibleName(f"{tip.split(':')[0]} {self.item.listing.symbol}")
        return button

    def _tooltip(self) -> str:
        li = self.item.listing
        lines = [
            f"<b>{html.escape(li.company)}</b> — {html.escape(self.item.notation)}"
            f" <span>({html.escape(li.exchange.name)}, {html.escape(li.country or '')})</span>"
        ]
        if self.item.why:
            lines.append(f"Why: {html.escape(self.item.why)}")
            what = RULES.get(self.item.rule, (0, ""))[1]
            if what:
                lines.append(f"<i>{html.escape(what)}</i>")
        if not self.item.in_directory:
            lines.append("Not in the symbol directory: the code as the story prints it (delisted or renamed since)")
        if self.item.written_as:
            lines.append("Written as: " + html.escape(", ".join(self.item.written_as)))
        for section, snippet in self.item.snippets:
            lines.append(f"<i>{html.escape(section)}</i>: {html.escape(snippet)}")
        if self.item.count > len(self.item.snippets):
            lines.append(f"… and {self.item.count - len(self.item.snippets)} more")
        return "<br>".join(lines)


def _why_text(item: SuggestionItem) -> str:
    """The short line under a suggestion: 'Why: 'Ford Motor Co' (name + legal suffix), high'."""
    if not item.why:
        return ""
    _, _, reason = item.why.partition(" — ")
    text = reason or item.why
    return "Why: " + (text if len(text) <= 90 else text[:87] + "…")


# ----------------------------------------------------------------------------- the pane
def _section_header(title: str, count_label: QLabel, *buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(2)
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    row.addWidget(label)
    row.addSpacing(4)
    row.addWidget(count_label)
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def _tool(icon: str, name: str, tip: str) -> QToolButton:
    button = QToolButton(objectName=name)
    button.setIcon(qta.icon(icon))
    button.setAutoRaise(True)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button


STYLE = """
#suggestionCard { border-bottom: 1px solid palette(midlight); }
#roleChip { border-radius: 7px; padding: 0px 7px; border: 1px solid palette(mid); }
#roleChip[role="about"] { background: palette(highlight); color: palette(highlighted-text);
                          border-color: palette(highlight); }
QToolButton[guess="true"] { font-weight: bold; }
#relatedStocksLine { border: 1px solid palette(mid); border-radius: 4px; padding: 6px 8px;
                     background: palette(alternate-base); }
"""


class TickerPane(QWidget):
    """Tags of the current article. The owner calls `set_article(id | None)` when another
    article is shown and `text_changed()` after edits; `text_source()` returns the text to scan.

    Emits `tags_changed(article_id)` after every tag write and `show_articles_requested(symbol,
    mic, label)` from a tag's context menu."""

    tags_changed = Signal(int)
    show_articles_requested = Signal(str, str, str)

    def __init__(
        self,
        tags: TickerTagStore,
        text_source: Callable[[], str],
        parent: QWidget | None = None,
        *,
        directory_loader: Callable[[], SymbolDirectory] = default_directory,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tickerPane")
        self.store = tags
        self._source = text_source
        self.article_id: int | None = None
        self.generation = 0
        self._search_generation = 0
        self._dirty = False
        self._scanning = False
        self._scanned_chars = 0
        self._tags: list[TickerTag] = []
        self._dismissed: set[tuple[str, str]] = set()
        self._suggestions: list[SuggestionItem] = []
        self._search_results: list[Listing] = []
        self.cards: dict[tuple[str, str], SuggestionCard] = {}

        self._bridge = _Bridge()
        self._bridge.suggested.connect(self._on_suggested)
        self._bridge.searched.connect(self._on_searched)
        self._bridge.ready.connect(self._on_directory_ready)
        self._worker = _TickerWorker(directory_loader, self._bridge)
        stop = self._worker.stop
        self.destroyed.connect(lambda *_: stop())

        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self._dispatch)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._dispatch_search)

        self._build()
        self.setStyleSheet(STYLE)
        self._set_enabled(False)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        # search
        self.search = QLineEdit(objectName="tickerSearch", placeholderText="Add a stock: symbol or company…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(qta.icon("fa6s.magnifying-glass"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setToolTip(
            "Type a symbol (F, 1810.HK, NYSE: F) or a company name; Enter adds the highlighted listing"
        )
        self.search.textChanged.connect(self._on_search_text)
        self.search.returnPressed.connect(self.add_search_result)
        self.search.installEventFilter(self)
        self.results = QTreeWidget(objectName="tickerSearchResults")
        self.results.setColumnCount(3)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAlternatingRowColors(True)
        self.results.setMaximumHeight(170)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.results.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.results.header().setStretchLastSection(True)
        self.results.itemActivated.connect(lambda *_: self.add_search_result())
        self.results.currentItemChanged.connect(lambda *_: self._update_search_buttons())
        self.search_status = _muted(QLabel(objectName="tickerSearchStatus"))
        self.search_status.setWordWrap(True)
        self.add_button = QPushButton(qta.icon("fa6s.plus"), "Add", objectName="tickerAddButton")
        self.add_button.setToolTip("Tag the article with the highlighted listing (Enter)")
        self.add_button.clicked.connect(self.add_search_result)
        self.unlisted_button = QPushButton(
            qta.icon("fa6s.triangle-exclamation"), "Add as unlisted…", objectName="tickerAddUnlistedButton"
        )
        self.unlisted_button.setToolTip("Tag a symbol the directory does not know (asks first)")
        self.unlisted_button.clicked.connect(self.add_unlisted)
        self.search_box = QWidget(objectName="tickerSearchBox")
        sb = QVBoxLayout(self.search_box)
        sb.setContentsMargins(0, 0, 0, 0)
        sb.setSpacing(4)
        sb.addWidget(self.results)
        sb.addWidget(self.search_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlisted_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        sb.addLayout(buttons)
        self.search_box.hide()

        # confirmed tags
        self.tag_count = _muted(QLabel(objectName="tagCount"))
        self.up_button = _tool("fa6s.arrow-up", "tagUpButton", "Move up (Alt+Up)")
        self.down_button = _tool("fa6s.arrow-down", "tagDownButton", "Move down (Alt+Down)")
        self.remove_button = _tool("fa6s.trash-can", "tagRemoveButton", "Remove the tag (Delete)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.tag_model = TagTableModel(self)
        self.tag_model.move_requested.connect(
            lambda tag_id, pos: QTimer.singleShot(0, lambda: self.move_tag(tag_id, pos))
        )
        self.tag_model.role_requested.connect(self.set_role)
        self.table = TagTable(objectName="tickerTagTable")
        self.table.setModel(self.tag_model)
        self.table.setItemDelegateForColumn(TagTableModel.ROLE, RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        head = self.table.horizontalHeader()
        head.setHighlightSections(False)
        head.setSectionResizeMode(TagTableModel.SYMBOL, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(TagTableModel.EXCHANGE, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(TagTableModel.COMPANY, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(TagTableModel.ROLE, QHeaderView.ResizeMode.Fixed)
        head.resizeSection(TagTableModel.ROLE, 108)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._tag_menu)
        self.table.remove_pressed.connect(self.remove_selected)
        self.table.move_pressed.connect(self.move_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_tag_buttons())
        self.related = QLabel(objectName="relatedStocksLine")
        self.related.setWordWrap(True)
        self.related.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.related.setToolTip("The line as it will be published with the article")

        # suggestions
        self.suggestion_count = _muted(QLabel(objectName="suggestionCount"))
        self.scan_status = _muted(QLabel(objectName="scanStatus"))
        self.suggestion_list = QListWidget(objectName="tickerSuggestions")
        self.suggestion_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.suggestion_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestion_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.suggestion_list.setFrameShape(QFrame.Shape.StyledPanel)
        self.no_suggestions = _muted(QLabel(objectName="noSuggestions"))
        self.no_suggestions.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_suggestions.setWordWrap(True)
        self.restore_dismissed = QToolButton(objectName="restoreDismissedButton", text="Show dismissed")
        self.restore_dismissed.setAutoRaise(True)
        self.restore_dismissed.setToolTip("Forget the dismissed suggestions of this article")
        self.restore_dismissed.clicked.connect(self.forget_dismissals)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.search_box)
        layout.addSpacing(4)
        layout.addLayout(
            _section_header("Tagged", self.tag_count, self.up_button, self.down_button, self.remove_button)
        )
        layout.addWidget(self.table)
        layout.addWidget(self.related)
        layout.addSpacing(6)
        layout.addLayout(_section_header("Suggested", self.suggestion_count, self.scan_status, self.restore_dismissed))
        layout.addWidget(self.suggestion_list, 3)
        layout.addWidget(self.no_suggestions, 3)
        self.setMinimumWidth(300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._refresh_tags_view()
        self._show_suggestions()

    def sizeHint(self) -> QSize:
        return QSize(380, 600)

    # -- the owner's calls --------------------------------------------------------------

    def shutdown(self) -> None:
        """The window closes: end the directory thread and wait for it (at most 10 s; a
        directory load in progress finishes first)."""
        self._timer.stop()
        self._search_timer.stop()
        self._worker.stop(wait=10.0)

    def set_article(self, article_id: int | None) -> None:
        """Show another article's tags; its suggestions follow from a fresh scan."""
        if article_id == self.article_id and article_id is not None:
            return
        self.article_id = article_id
        self.generation += 1
        self._suggestions = []
        self._set_enabled(article_id is not None)
        self._reload_tags()
        self._show_suggestions()
        if article_id is not None:
            self._dirty = True
            self._timer.start(0)
        else:
            self._timer.stop()
            self._dirty = False

    def text_changed(self) -> None:
        """The text changed: scan again once typing pauses."""
        if self.article_id is None:
            return
        self._dirty = True
        self._timer.start()

    def refresh(self) -> None:
        """Re-read tags and dismissals (after another part of the app changed them)."""
        self._reload_tags()
        self._show_suggestions()

    @property
    def tags(self) -> list[TickerTag]:
        return list(self._tags)

    @property
    def suggestions(self) -> list[SuggestionItem]:
        """The suggestions on show (tagged and dismissed listings left out)."""
        covered = self._covered()
        return [s for s in self._suggestions if not (s.keys & covered)]

    @property
    def busy(self) -> bool:
        return self._scanning or self._timer.isActive()

    # -- scanning -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty and self.article_id is not None and not self._timer.isActive():
            self._timer.start(0)

    def _dispatch(self) -> None:
        if self.article_id is None:
            return
        if not self.isVisible():
            return  # stays dirty; scanned when the pane is shown
        self._dirty = False
        self.generation += 1
        self._scanning = True
        self._update_scan_status()
        text = self._source()
        self._scanned_chars = len(text)
        self._worker.submit("suggest", self.article_id, self.generation, text)

    def _on_suggested(self, article_id: int, generation: int, items: object) -> None:
        if article_id != self.article_id or generation != self.generation:
            return  # an older text or another article
        self._scanning = False
        self._update_scan_status()
        if isinstance(items, str):
            self._suggestions = []
            self.scan_status.setText("Suggestions unavailable")
            self.scan_status.setToolTip(items)
        else:
            self._suggestions = list(items)  # type: ignore[arg-type]
        self._show_suggestions()

    def _on_directory_ready(self) -> None:
        if self.search.text().strip():
            self._dispatch_search()

    def _update_scan_status(self) -> None:
        self.scan_status.setToolTip("")
        if self._scanning:
            self.scan_status.setText("Scanning…" if self._worker.loaded else "Loading directory…")
        elif self._scanned_chars > MAX_SCAN_CHARS:
            self.scan_status.setText(f"first {MAX_SCAN_CHARS:,} characters")
            self.scan_status.setToolTip("Long text: suggestions come from its beginning only")
        else:
            self.scan_status.setText("")

    def _covered(self) -> set[tuple[str, str]]:
        return {t.key for t in self._tags} | self._dismissed

    def _show_suggestions(self) -> None:
        shown = self.suggestions
        self.suggestion_list.clear()
        self.cards = {}
        for item in shown:
            card = SuggestionCard(item)
            card.accepted.connect(self.accept)
            card.dismissed.connect(self.dismiss)
            row = QListWidgetItem(self.suggestion_list)
            row.setSizeHint(card.sizeHint())
            row.setData(Qt.ItemDataRole.UserRole, item.key)
            self.suggestion_list.setItemWidget(row, card)
            self.cards[item.key] = card
        n = len(shown)
        self.suggestion_count.setText(str(n) if n else "")
        self.suggestion_list.setVisible(bool(n))
        self.no_suggestions.setVisible(not n)
        if self.article_id is None:
            self.no_suggestions.setText("No article open.")
        elif self._scanning or self._dirty:
            self.no_suggestions.setText("Looking for companies in the text…")
        elif self._suggestions:  # found, and every one is tagged or dismissed
            found = len({s.listing.issuer_id for s in self._suggestions})
            self.no_suggestions.setText(
                "The company found in the text is tagged or dismissed."
                if found == 1
                else f"All {found} companies found in the text are tagged or dismissed."
            )
        else:
            self.no_suggestions.setText(
                "No listed companies found in the text.\nNames, $cashtags and notations such as NYSE: F are recognised."
            )
        self.restore_dismissed.setVisible(bool(self._dismissed))
        self.restore_dismissed.setText(f"{len(self._dismissed)} dismissed")

    def card(self, symbol: str, mic: str) -> SuggestionCard | None:
        return self.cards.get((symbol, mic))

    # -- tag writes ---------------------------------------------------------------------

    def _write(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except StoreError as exc:
            QMessageBox.warning(self, "Tags not saved", str(exc))
            return False
        except KeyError:
            return False  # the article or tag went away meanwhile
        self._reload_tags()
        self._show_suggestions()
        if self.article_id is not None:
            self.tags_changed.emit(self.article_id)
        return True

    def accept(self, item: SuggestionItem, role: str) -> None:
        if self.article_id is not None:
            aid = self.article_id
            if item.in_directory:
                self._write(lambda: self.store.add(aid, item.listing, role=role))
            else:  # a code the story prints that the directory does not hold: an unlisted tag
                li = item.listing
                self._write(
                    lambda: self.store.add(
                        aid,
                        symbol=li.symbol,
                        mic=li.mic,
                        name=li.company,
                        exchange=li.exchange_name,
                        role=role,
                        unlisted=True,
                    )
                )

    def dismiss(self, item: SuggestionItem) -> None:
        if self.article_id is not None:
            aid = self.article_id
            self._write(lambda: self.store.dismiss(aid, *item.key))

    def forget_dismissals(self) -> None:
        if self.article_id is not None:
            aid = self.article_id
            self._write(lambda: self.store.undismiss(aid))

    def add_listing(self, listing: Listing, role: str = "mentions") -> None:
        if self.article_id is not None:
            aid = self.article_id
            self._write(lambda: self.store.add(aid, listing, role=role))

    def set_role(self, tag_id: int, role: str) -> None:
        self._write(lambda: self.store.set_role(tag_id, role))

    def move_tag(self, tag_id: int, position: int) -> None:
        if self._write(lambda: self.store.move(tag_id, position)):
            self._select_tag(tag_id)

    def remove_tag(self, tag_id: int) -> None:
        row = self._row_of(tag_id)
        if self._write(lambda: self.store.remove(tag_id)) and self._tags:
            self.table.selectRow(min(row, len(self._tags) - 1))

    def selected_tag(self) -> TickerTag | None:
        rows = self.table.selectionModel().selectedRows()
        return self._tags[rows[0].row()] if rows and rows[0].row() < len(self._tags) else None

    def move_selected(self, step: int) -> None:
        tag = self.selected_tag()
        if tag is not None and tag.id is not None:
            target = tag.position + step
            if 0 <= target < len(self._tags):
                self.move_tag(tag.id, target)

    def remove_selected(self) -> None:
        tag = self.selected_tag()
        if tag is not None and tag.id is not None:
            self.remove_tag(tag.id)

    def _row_of(self, tag_id: int) -> int:
        return next((i for i, t in enumerate(self._tags) if t.id == tag_id), -1)

    def _select_tag(self, tag_id: int) -> None:
        row = self._row_of(tag_id)
        if row >= 0:
            self.table.selectRow(row)

    def _reload_tags(self) -> None:
        if self.article_id is None:
            self._tags, self._dismissed = [], set()
        else:
            self._tags = self.store.list_tags(self.article_id)
            self._dismissed = self.store.dismissed(self.article_id)
        selected = self.selected_tag()
        self.tag_model.set_tags(self._tags)
        for row in range(len(self._tags)):
            self.table.openPersistentEditor(self.tag_model.index(row, TagTableModel.ROLE))
        if selected is not None and selected.id is not None:
            self._select_tag(selected.id)
        self._refresh_tags_view()
        self._refresh_search_marks()

    def _fit_table(self) -> None:
        """As tall as its rows (three at least, ten at most): the rest goes to the suggestions."""
        rows = max(3, min(10, len(self._tags)))
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
            + 2
        )
        self.table.setFixedHeight(height)

    def _refresh_tags_view(self) -> None:
        n = len(self._tags)
        self._fit_table()
        self.tag_count.setText(str(n) if n else "")
        line = related_stocks_line(self._tags)
        if line:
            self.related.setText(html.escape(line))
            self.related.setForegroundRole(QPalette.ColorRole.WindowText)
        else:
            self.related.setText("No stocks tagged yet. Accept a suggestion below or search above.")
            self.related.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._update_tag_buttons()

    def _update_tag_buttons(self) -> None:
        tag = self.selected_tag()
        self.remove_button.setEnabled(tag is not None)
        self.up_button.setEnabled(tag is not None and tag.position > 0)
        self.down_button.setEnabled(tag is not None and tag.position < len(self._tags) - 1)

    def _tag_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = self.tag_menu(self._tags[index.row()])
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def tag_menu(self, tag: TickerTag) -> QMenu:
        """The context menu of a confirmed tag (built fresh each time)."""
        menu = QMenu(self)
        show = menu.addAction(qta.icon("fa6s.list"), f"Show Articles with {tag.notation}")
        show.setObjectName("showArticlesWithStock")
        show.triggered.connect(
            lambda: self.show_articles_requested.emit(
                tag.symbol, tag.mic, f"{tag.symbol} · {tag.name}" if tag.name else tag.symbol
            )
        )
        menu.addSeparator()
        for role in ROLES:
            action = QAction(f"Role: {ROLE_LABELS[role]}", menu, checkable=True, checked=tag.role == role)
            action.triggered.connect(lambda _c=False, r=role: self.set_role(tag.id or 0, r))
            menu.addAction(action)
        menu.addSeparator()
        up = menu.addAction(qta.icon("fa6s.arrow-up"), "Move Up", lambda: self.move_tag(tag.id or 0, tag.position - 1))
        up.setEnabled(tag.position > 0)
        down = menu.addAction(
            qta.icon("fa6s.arrow-down"), "Move Down", lambda: self.move_tag(tag.id or 0, tag.position + 1)
        )
        down.setEnabled(tag.position < len(self._tags) - 1)
        menu.addAction(qta.icon("fa6s.trash-can"), "Remove Tag", lambda: self.remove_tag(tag.id or 0))
        return menu

    # -- search -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.topLevelItemCount():
                row = self.results.indexOfTopLevelItem(self.results.currentItem()) if self.results.currentItem() else -1
                row = max(0, min(self.results.topLevelItemCount() - 1, row + (1 if key == Qt.Key.Key_Down else -1)))
                self.results.setCurrentItem(self.results.topLevelItem(row))
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _on_search_text(self, text: str) -> None:
        query = text.strip()
        self.search_box.setVisible(bool(query))
        self._search_generation += 1
        if not query:
            self._search_timer.stop()
            self.results.clear()
            self._search_results = []
            return
        self._set_search_status("Searching…" if self._worker.loaded else "Loading the symbol directory…")
        self._search_timer.start()
        self._update_search_buttons()

    def _set_search_status(self, text: str) -> None:
        self.search_status.setText(text)
        self.search_status.setVisible(bool(text))

    def _dispatch_search(self) -> None:
        query = self.search.text().strip()
        if query:
            self._worker.submit("search", self._search_generation, query)

    def _on_searched(self, generation: int, query: str, results: object) -> None:
        if generation != self._search_generation or query != self.search.text().strip():
            return
        if isinstance(results, str):
            self._search_results = []
            self._set_search_status(f"Search failed: {results}")
        else:
            self._search_results = list(results)  # type: ignore[arg-type]
            self._set_search_status(
                ""
                if self._search_results
                else f"No listing matches “{query}”. Check the spelling, or add it as unlisted if you are sure."
            )
        self.results.clear()
        for li in self._search_results:
            item = QTreeWidgetItem([li.symbol, li.exchange_name, li.company])
            item.setData(0, Qt.ItemDataRole.UserRole, li)
            bold = item.font(0)
            bold.setBold(True)
            item.setFont(0, bold)
            tip = f"{li.company} — {render(li, 'exchange')}\n{li.exchange.name}, {li.country} · {li.currency}"
            if li.primary:
                tip += "\nPrimary listing"
            for col in range(3):
                item.setToolTip(col, tip)
            self.results.addTopLevelItem(item)
        self.results.setVisible(bool(self._search_results))
        self._refresh_search_marks()
        if self._search_results:
            self.results.setCurrentItem(self.results.topLevelItem(0))
        self._update_search_buttons()

    def _refresh_search_marks(self) -> None:
        tagged = {t.key for t in self._tags}
        for i in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(i)
            li: Listing = item.data(0, Qt.ItemDataRole.UserRole)
            is_tagged = (li.symbol, li.mic) in tagged
            item.setIcon(
                0,
                qta.icon("fa6s.check")
                if is_tagged
                else qta.icon("fa6s.chart-line")
                if li.primary
                else qta.icon("fa6s.circle", scale_factor=0.3),
            )
            item.setDisabled(is_tagged)
        self._update_search_buttons()

    def _current_result(self) -> Listing | None:
        item = self.results.currentItem()
        if item is None and self.results.topLevelItemCount():
            item = self.results.topLevelItem(0)
        if item is None or item.isDisabled():
            return None
        return item.data(0, Qt.ItemDataRole.UserRole)

    def _update_search_buttons(self) -> None:
        has_query = bool(self.search.text().strip())
        self.add_button.setEnabled(self.article_id is not None and self._current_result() is not None)
        self.unlisted_button.setEnabled(self.article_id is not None and has_query)

    def add_search_result(self) -> None:
        listing = self._current_result()
        if listing is None or self.article_id is None:
            return
        self.add_listing(listing)
        self.search.clear()

    def add_unlisted(self) -> None:
        """Tag a symbol the directory does not list: only after an explicit warning."""
        if self.article_id is None:
            return
        query = self.search.text().strip()
        parsed = parse(query)
        if parsed is None:
            QMessageBox.warning(
                self,
                "Not a ticker symbol",
                f"“{query}” does not look like a ticker symbol. Type the symbol, for example ACME or LSE: ACME.",
            )
            return
        tag = TickerTag.unlisted_tag(parsed.symbol, parsed.mic or "")
        known = [li for li in self._search_results if li.symbol == tag.symbol and (not tag.mic or li.mic == tag.mic)]
        if known:
            li = known[0]
            detail = (
                f"The directory lists {tag.symbol} as {li.company} on {li.exchange_name}. Adding the "
                f"listing from the results is usually what you want."
            )
        else:
            detail = f"{tag.notation} is not in the symbol directory."
        answer = QMessageBox.warning(
            self,
            "Add an unlisted stock?",
            f"{detail}\n\nAn unlisted tag is published exactly as typed (“{tag.notation}”), is not "
            "checked against any exchange and links to no stock page. Add it anyway?",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        aid = self.article_id
        if self._write(lambda: self.store.add(aid, tag)):
            self.search.clear()

    # -- misc ---------------------------------------------------------------------------

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.table):
            widget.setEnabled(enabled)
        if not enabled:
            self.search.clear()
        self._update_search_buttons()
