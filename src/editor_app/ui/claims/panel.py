"""The "Claims" pane: the article's claims, their status with its reason, and a detail form.

The list shows each claim's status as a badge (icon + word, so it reads without colour), the
short statement, how many responses and reports it has, and a warning when its anchor is no
longer in the text. The form below edits the selected claim: text fields save themselves
shortly after the writer pauses; appearances and responses are edited one row at a time in
small dialogs; the status can be overridden with a reason, and every change is in the
history.

Everything the writer typed is shown as plain text (labels are Qt.PlainText, list rows are
painted with drawText, tooltips are escaped): a quote such as `<script>` stays a quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.anchors import anchored_keys
from editor_app.core.claims import Appearance, Claim, ClaimStatus, Response
from editor_app.store.claims import ClaimStore
from editor_app.store.errors import StoreError
from editor_app.store.settings import acting_user_in
from editor_app.ui.claims.claim_detail import ClaimDetail
from editor_app.ui.claims.claim_list import (
    ClaimDelegate,
    ClaimListModel,
)
from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.claims.replies import ReplyRequests
from editor_app.ui.claims.row_table import tool_button
from editor_app.ui.common.widgets import count_text

SAVE_DELAY_MS = 600  # like the article autosave: write shortly after the writer pauses
BODY_CHECK_DELAY_MS = 300  # re-check which claims are anchored after the body changed

# -- status look ------------------------------------------------------------------------------


# -- the list ---------------------------------------------------------------------------------


# -- the panel --------------------------------------------------------------------------------


class ClaimsPanel(ClaimDetail, ReplyRequests, QWidget):
    claim_activated = Signal(str)  # the writer clicked a claim: show it in the text
    claims_changed = Signal()  # a claim was written: statuses in the preview may change
    claim_deleted = Signal(str)  # a claim was deleted: remove its markers from the text

    def __init__(self, claims: ClaimStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.claims = claims
        self.article_id: int | None = None
        self._claim: Claim | None = None
        self._body_text: Callable[[], str] | None = None
        self._loading = False

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._body_timer = QTimer(self, singleShot=True, interval=BODY_CHECK_DELAY_MS)
        self._body_timer.timeout.connect(self._recheck_anchors)

        self._build()
        self.set_article(None)

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = ClaimListModel(self)
        self.view = QListView(objectName="claimList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ClaimDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)

        self.empty_label = plain_label("", wrap=True)
        self.empty_label.setObjectName("claimsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(16, 16, 16, 16)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.empty_label)
        self.list_stack.addWidget(self.view)

        self.mark_button = QToolButton(objectName="markClaimButton")
        self.mark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.mark_button.setAutoRaise(True)
        self.mark_button.hide()
        self.delete_button = tool_button("fa6s.trash-can", "Delete the selected claim…", "deleteClaimButton")
        self.delete_button.clicked.connect(self.delete_current)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_current)
        self.count_label = plain_label("")
        self.count_label.setObjectName("claimsCount")
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 4, 4)
        top.addWidget(self.mark_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.delete_button)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.list_stack, 1)

        self.detail = self._build_detail()
        self.detail_scroll = QScrollArea(objectName="claimDetailScroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_scroll.setWidget(self.detail)

        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="claimsSplitter")
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([220, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setMinimumWidth(300)

    # -- public API -----------------------------------------------------------------------

    def set_body_text_provider(self, provider: Callable[[], str] | None) -> None:
        self._body_text = provider
        self._recheck_anchors()

    def set_mark_action(self, action) -> None:
        """Show the window's "Mark as Claim" action at the top of the panel."""
        self.mark_button.setDefaultAction(action)
        self.mark_button.setText("Mark as claim")
        self.mark_button.show()

    def set_article(self, article_id: int | None) -> None:
        self.flush()
        self.article_id = article_id
        self._claim = None
        self.refresh()

    def refresh(self) -> None:
        """Reload the article's claims from the store, keeping the selected one."""
        key = self._claim.key if self._claim is not None else ""
        claims = self.claims.list_claims(self.article_id) if self.article_id is not None else []
        self.model.reset(claims, self._anchored())
        self.list_stack.setCurrentWidget(self.view if claims else self.empty_label)
        self.empty_label.setText(
            "No article is open."
            if self.article_id is None
            else "No claims in this article yet.\n\nSelect the claimed words in the text and choose "
            "Mark as Claim (Ctrl+Shift+M)."
        )
        self.count_label.setText(count_text(len(claims), "claim", "claims") if claims else "")
        self.setEnabled(self.article_id is not None)
        row = self.model.row_of(key) if key else -1
        if row < 0 and claims:
            row = 0
        self._select_row(row)

    def select_key(self, key: str) -> bool:
        """Select a claim by key without emitting `claim_activated`; False if it is not listed."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def select_response(self, response_id: int | None, index: int | None = None) -> bool:
        """Select a response of the current claim by id, else by its 0-based position (a
        checklist item's `where.index`), and show it; False (nothing selected) if neither is there."""
        responses = self._claim.responses if self._claim is not None else []
        row = next((i for i, r in enumerate(responses) if response_id is not None and r.id == response_id), -1)
        if row < 0 and index is not None and 0 <= index < len(responses):
            row = index
        table = self.responses.table
        if row < 0:
            table.clearSelection()
            return False
        table.selectRow(row)
        table.scrollToItem(table.item(row, 0))
        self.detail_scroll.ensureWidgetVisible(self.responses)
        return True

    def current_claim(self) -> Claim | None:
        return self._claim

    def current_key(self) -> str:
        return self._claim.key if self._claim is not None else ""

    def body_changed(self) -> None:
        """The article text changed: re-check which claims are anchored (debounced)."""
        self._body_timer.start()

    def flush(self) -> None:
        """Write pending edits of the text fields now."""
        self._save_timer.stop()
        claim = self._claim
        if claim is None or self._loading:
            return
        short = self.short_edit.text()
        wording = self.wording_edit.toPlainText()
        first = self.first_reported.value()
        if (short, wording, first) == (claim.short, claim.wording, claim.first_reported):
            return
        self._write(replace(claim, short=short, wording=wording, first_reported=first), reload_fields=False)

    # -- rows: used by the dialogs and by scripts/tests ----------------------------------------

    def add_appearance(self, appearance: Appearance) -> None:
        self._edit_rows("appearances", lambda rows: rows.append(appearance), len(self._rows("appearances")))

    def edit_appearance(self, row: int, appearance: Appearance) -> None:
        self._edit_rows("appearances", lambda rows: rows.__setitem__(row, appearance), row)

    def remove_appearance(self, row: int) -> None:
        self._edit_rows("appearances", lambda rows: rows.pop(row), row - 1 if row > 0 else 0)

    def move_appearance(self, row: int, step: int) -> None:
        self._move("appearances", row, step)

    def add_response(self, response: Response) -> None:
        self._edit_rows("responses", lambda rows: rows.append(response), len(self._rows("responses")))

    def edit_response(self, row: int, response: Response) -> None:
        self._edit_rows("responses", lambda rows: rows.__setitem__(row, response), row)

    def remove_response(self, row: int) -> None:
        self._edit_rows("responses", lambda rows: rows.pop(row), row - 1 if row > 0 else 0)

    def move_response(self, row: int, step: int) -> None:
        self._move("responses", row, step)

    def apply_override(self, status: ClaimStatus | None, reason: str) -> bool:
        """Set (or clear, with None) the editor's verdict. Refused without a reason."""
        claim = self._claim
        if claim is None:
            return False
        reason = reason.strip()
        if status is not None and not reason:
            self._override_note("Give a reason for overriding the status: the desk and readers see it.", error=True)
            self.override_reason.setFocus()
            return False
        if status is None and claim.override_status is None:
            self._override_note("There is no override to clear; choose a status first.", error=True)
            return False
        self.flush()
        try:
            updated = self.claims.set_override(claim.id, status, reason, who=self._who)  # type: ignore[arg-type]
        except (StoreError, ValueError, KeyError) as exc:
            self._override_note(str(exc), error=True)
            return False
        self._after_write(updated, reload_fields=True)
        self._override_note(
            f"Status set to {status.label}." if status else "Override cleared: the status follows the responses again.",
            error=False,
        )
        return True

    def delete_current(self) -> None:
        """Delete the selected claim after confirmation; its markers leave the text, the words stay."""
        claim = self._claim
        if claim is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete claim?",
            f"Delete claim {claim.key} “{claim.display_short}”?\n\n"
            "Its reports, responses and status history are deleted. The claim markers are removed "
            "from the article; the words themselves stay.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._save_timer.stop()
        try:
            self.claims.delete(claim.id)  # type: ignore[arg-type]
        except (StoreError, KeyError) as exc:
            QMessageBox.warning(self, "Claim not deleted", str(exc))
            return
        self._claim = None
        self.refresh()
        self.claim_deleted.emit(claim.key)
        self.claims_changed.emit()

    # -- internals ------------------------------------------------------------------------

    def _anchored(self) -> set[str] | None:
        if self._body_text is None:
            return None
        return anchored_keys(self._body_text())

    def _recheck_anchors(self) -> None:
        self.model.set_anchored(self._anchored())
        self._show_anchor_flag()
        self.view.viewport().update()

    def _select_row(self, row: int) -> None:
        sm = self.view.selectionModel()
        if row < 0:
            sm.clearSelection()
            sm.setCurrentIndex(QModelIndex(), sm.SelectionFlag.Clear)
            self._load_claim(None)
            return
        index = self.model.index(row)
        if (
            sm.currentIndex() == index
            and self._claim is not None
            and self._claim.key == index.data(ClaimListModel.KeyRole)
        ):
            self._load_claim(self.model.claims[row], keep_fields=True)
        else:
            sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        claim = current.data(ClaimListModel.ClaimRole) if current.isValid() else None
        if claim is not None:
            claim = self.model.claims[current.row()]  # the flush may have refreshed it
        self._load_claim(claim)

    def _on_clicked(self, index: QModelIndex) -> None:
        key = index.data(ClaimListModel.KeyRole)
        if key:
            self.claim_activated.emit(key)

    def _rows(self, which: str) -> list:
        return list(getattr(self._claim, which)) if self._claim is not None else []

    def _edit_rows(self, which: str, change: Callable[[list], object], select: int) -> None:
        if self._claim is None:
            return
        self.flush()
        rows = self._rows(which)
        change(rows)
        claim = self._claim
        if claim is None:
            return
        if self._write(replace(claim, **{which: rows}), reload_fields=False):
            (self.appearances if which == "appearances" else self.responses).table.selectRow(select)

    def _move(self, which: str, row: int, step: int) -> None:
        rows = self._rows(which)
        target = row + step
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return

        def swap(items: list) -> None:
            items[row], items[target] = items[target], items[row]

        self._edit_rows(which, swap, target)

    def _write(self, claim: Claim, *, reload_fields: bool) -> bool:
        self._save_timer.stop()
        try:
            updated = self.claims.update(claim, who=self._who)
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, "Claim not saved", str(exc))
            return False
        self._after_write(updated, reload_fields=reload_fields)
        return True

    def _after_write(self, claim: Claim, *, reload_fields: bool) -> None:
        self.model.replace_claim(claim)
        self._load_claim(claim, keep_fields=not reload_fields)
        self.claims_changed.emit()

    def _on_text_edited(self, *_args: object) -> None:
        if not self._loading and self._claim is not None:
            self._save_timer.start()

    def hideEvent(self, event) -> None:
        self.flush()  # closing the window or the dock must not lose a pending edit
        super().hideEvent(event)

    @property
    def _who(self) -> str:
        """Who is acting, read at each write (the name may change in Desk Settings)."""
        return acting_user_in(self.claims.store)
