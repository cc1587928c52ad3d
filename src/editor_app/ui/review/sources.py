"""The "Sources" pane: the article's source notes as a table an editor works through top to
bottom (tick "Verified" as each one is checked), and below it which claim rests on which source.

"From claims" offers the reports already recorded on the article's claims as one-click sources
(outlet, title, URL and date as given, linked to that report); one already in the list is shown
greyed out.

Every cell is a plain QTableWidgetItem (user text is never markup).
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.claims import Claim
from editor_app.core.workflow import Source
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.errors import StoreError
from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.common.theme import ERROR_COLOURS, OK_COLOURS, themed
from editor_app.ui.common.widgets import muted, plain_tooltip
from editor_app.ui.review.common import local_time
from editor_app.ui.review.source_dialogs import ReportOffer, SourceDialog, SourceLinkDialog, link_label, report_offers
from editor_app.ui.theme.icons import set_icon

COLUMNS = ["✓", "Outlet", "Title", "Supports", "URL", "Published", "Accessed", "Note", "Verified by", "Claims"]
COL_VERIFIED, COL_OUTLET, COL_TITLE, COL_SUPPORTS, COL_URL = 0, 1, 2, 3, 4
COL_VERIFIED_BY, COL_CLAIMS = 8, 9
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tool(icon: str, tip: str, name: str, text: str = "") -> QToolButton:
    button = QToolButton(objectName=name)
    set_icon(button, icon)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    if text:
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class SourcesPane(QWidget):
    sources_changed = Signal()

    def __init__(
        self, review: Review, claims: ClaimStore, who: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesPane")
        self.review, self.claim_store, self.who = review, claims, who
        self.article_id: int | None = None
        self.sources: list[Source] = []
        self._loading = False
        self.read_only = False

        self.count_label = muted(plain_label(""))
        self.count_label.setObjectName("sourcesCount")
        self.add_button = _tool("fa6s.plus", "Add a source…", "addSource", "Add")
        self.from_claims_button = _tool(
            "fa6s.quote-left",
            "Add a report already given on a claim as a source, in one click",
            "sourcesFromClaims",
            "From claims",
        )
        self.from_claims_menu = QMenu(self.from_claims_button, objectName="sourcesFromClaimsMenu")
        self.from_claims_menu.setToolTipsVisible(True)
        self.from_claims_menu.aboutToShow.connect(self._fill_from_claims_menu)
        self.from_claims_button.setMenu(self.from_claims_menu)
        self.from_claims_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.edit_button = _tool("fa6s.pen", "Edit the selected source…", "editSource")
        self.remove_button = _tool("fa6s.minus", "Remove the selected source", "removeSource")
        self.up_button = _tool("fa6s.arrow-up", "Move up", "upSource")
        self.down_button = _tool("fa6s.arrow-down", "Move down", "downSource")
        self.link_button = _tool("fa6s.link", "Link the selected source to claims…", "linkSource", "Claims…")
        self.open_button = _tool(
            "fa6s.arrow-up-right-from-square", "Open the source's URL in the browser", "openSource"
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 6, 2)
        bar.setSpacing(0)
        bar.addWidget(self.add_button)
        bar.addWidget(self.from_claims_button)
        for b in (self.edit_button, self.remove_button):
            bar.addWidget(b)
        bar.addSpacing(6)
        bar.addWidget(self.up_button)
        bar.addWidget(self.down_button)
        bar.addSpacing(6)
        bar.addWidget(self.link_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.table = QTableWidget(0, len(COLUMNS), objectName="sourcesTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeaderItem(COL_VERIFIED).setToolTip("Verified: tick when you have checked the source")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setMinimumWidth(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())

        self.claims_tree = QTreeWidget(objectName="claimSourcesTree")
        self.claims_tree.setHeaderHidden(True)
        self.claims_tree.setColumnCount(1)
        self.claims_tree.setAlternatingRowColors(True)
        self.claims_tree.setUniformRowHeights(True)
        self.claims_tree.setFrameShape(QFrame.Shape.NoFrame)
        self.claims_tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        claims_box = QWidget()
        cl = QVBoxLayout(claims_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        title = plain_label("Which claim rests on which source")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setContentsMargins(8, 6, 8, 4)
        cl.addWidget(title)
        cl.addWidget(self.claims_tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="sourcesSplitter")
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(0)
        tl.addLayout(bar)
        tl.addWidget(self.table, 1)
        self.splitter.addWidget(top)
        self.splitter.addWidget(claims_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setMinimumWidth(280)

        self.add_button.clicked.connect(self.add_source)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.link_button.clicked.connect(self.link_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.set_article(None)

    # -- state ------------------------------------------------------------------------

    def set_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None:
            current = self.selected_source()
            select_id = current.id if current else None
        self.sources = self.review.list_sources(self.article_id) if self.article_id is not None else []
        claims = self.claim_store.list_claims(self.article_id) if self.article_id is not None else []
        self._fill_table(claims, select_id)
        self._fill_claims(claims)
        n = len(self.sources)
        done = sum(1 for s in self.sources if s.verified)
        self.count_label.setText(f"{done} of {n} verified" if n else "No sources yet")
        self._update_buttons()

    def row_of(self, source_id: int) -> int:
        return next((i for i, s in enumerate(self.sources) if s.id == source_id), -1)

    def select_source(self, source_id: int) -> bool:
        row = self.row_of(source_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollToItem(self.table.item(row, COL_TITLE))
        return True

    def selected_source(self) -> Source | None:
        rows = self.table.selectionModel().selectedRows()
        return self.sources[rows[0].row()] if rows and rows[0].row() < len(self.sources) else None

    # -- filling ----------------------------------------------------------------------

    def _fill_table(self, claims: list[Claim], select_id: int | None) -> None:
        by_id = {c.id: c for c in claims if c.id is not None}
        self._loading = True
        try:
            t = self.table
            t.setRowCount(len(self.sources))
            for r, s in enumerate(self.sources):
                verified = QTableWidgetItem()
                verified.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | (Qt.ItemFlag.NoItemFlags if self.read_only else Qt.ItemFlag.ItemIsUserCheckable)
                )
                verified.setCheckState(Qt.CheckState.Checked if s.verified else Qt.CheckState.Unchecked)
                verified.setData(SOURCE_ID_ROLE, s.id)
                verified.setToolTip(
                    plain_tooltip(f"Verified by {s.verified_by} on {local_time(s.verified_at)}")
                    if s.verified
                    else "Not verified yet: tick when you have checked it"
                )
                t.setItem(r, COL_VERIFIED, verified)
                links = [link_label(k, by_id) for k in s.links]
                values = [
                    s.outlet,
                    s.title,
                    s.supports,
                    s.url,
                    s.published_on.isoformat() if s.published_on else "",
                    s.accessed_on.isoformat() if s.accessed_on else "",
                    " ".join(s.note.split()),
                    f"{s.verified_by} · {local_time(s.verified_at)}" if s.verified else "",
                    ", ".join(
                        k.split(" — ")[0] + (" (" + k.split(" · ", 1)[1] + ")" if " · " in k else "") for k in links
                    ),
                ]
                for c, value in enumerate(values, start=1):
                    item = QTableWidgetItem(value)
                    full = "\n".join(links) if c == COL_CLAIMS else (s.note if c == 7 else value)
                    item.setToolTip(plain_tooltip(full) if full else "")
                    t.setItem(r, c, item)
                t.setVerticalHeaderItem(r, QTableWidgetItem(str(r + 1)))
            t.resizeColumnsToContents()
            t.setColumnWidth(COL_VERIFIED, 30)
            for c in range(1, t.columnCount()):
                t.setColumnWidth(c, min(max(t.columnWidth(c), 60), 220))
            row = self.row_of(select_id) if select_id is not None else -1
            if row >= 0:
                t.selectRow(row)
            else:
                t.clearSelection()
        finally:
            self._loading = False

    def _fill_claims(self, claims: list[Claim]) -> None:
        """Claims → what backs them (the whole claim, each report, each response) → the sources
        linked to it and any URL recorded on the claim itself."""
        tree = self.claims_tree
        tree.clear()
        pal = self.palette()
        ok = qta.icon("fa6s.circle-check", color=themed(OK_COLOURS, pal))
        missing = qta.icon("fa6s.circle-exclamation", color=themed(ERROR_COLOURS, pal))
        pending = qta.icon("fa6s.circle-half-stroke", color=pal.color(pal.ColorRole.PlaceholderText))
        unverified = qta.icon("fa6s.circle", color=pal.color(pal.ColorRole.PlaceholderText))
        link_icon = qta.icon("fa6s.link", color=pal.color(pal.ColorRole.PlaceholderText))

        def backing(claim_id: int, *, response_id: int | None = None, appearance_id: int | None = None) -> list[Source]:
            return [
                s
                for s in self.sources
                if any(
                    k.claim_id == claim_id and k.response_id == response_id and k.appearance_id == appearance_id
                    for k in s.links
                )
            ]

        def add_row(parent: QTreeWidgetItem, what: str, srcs: list[Source], url: str = "") -> None:
            row = QTreeWidgetItem(parent, [what])
            row.setToolTip(0, plain_tooltip(what))
            for s in srcs:
                label = s.display_title + (f" ({s.outlet})" if s.outlet and s.outlet != s.display_title else "")
                child = QTreeWidgetItem(row, [label])
                child.setIcon(0, ok if s.verified else unverified)
                child.setData(0, SOURCE_ID_ROLE, s.id)
                child.setToolTip(
                    0,
                    plain_tooltip(
                        f"{label}\n{s.url}\n" + (f"Verified by {s.verified_by}" if s.verified else "Not verified yet")
                    ),
                )
            if url:
                child = QTreeWidgetItem(row, [url])
                child.setIcon(0, link_icon)
                child.setToolTip(0, plain_tooltip(f"URL recorded on the claim: {url}"))
            if not srcs and not url:
                row.setIcon(0, missing)
                row.setText(0, f"{what} — no source")
            elif (srcs and all(s.verified for s in srcs)) or (not srcs and url):
                row.setIcon(0, ok)
            else:
                row.setIcon(0, pending)
            row.setExpanded(True)

        for claim in claims:
            top = QTreeWidgetItem(tree, [f"{claim.key} — {claim.display_short}"])
            top.setToolTip(0, plain_tooltip(claim.wording or claim.display_short))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            whole = backing(claim.id or 0)
            if whole:
                add_row(top, "The whole claim", whole)
            for a in claim.appearances:
                add_row(
                    top,
                    f"Report: {a.outlet or a.title or 'unnamed'}",
                    backing(claim.id or 0, appearance_id=a.id),
                    a.url,
                )
            for r in claim.responses:
                add_row(
                    top,
                    f"Response of {r.party or 'an unnamed party'} ({r.stance.label.lower()})",
                    backing(claim.id or 0, response_id=r.id),
                    r.source_url,
                )
            top.setExpanded(True)
        if not claims:
            QTreeWidgetItem(tree, ["The article has no claims."]).setFlags(Qt.ItemFlag.NoItemFlags)

    def _update_buttons(self) -> None:
        row = self.table.selectionModel().selectedRows()
        r = row[0].row() if row else -1
        n = len(self.sources)
        writable = self.article_id is not None and not self.read_only
        self.add_button.setEnabled(writable)
        self.from_claims_button.setEnabled(writable)
        for b in (self.edit_button, self.remove_button, self.link_button):
            b.setEnabled(writable and r >= 0)
        self.up_button.setEnabled(writable and r > 0)
        self.down_button.setEnabled(writable and 0 <= r < n - 1)
        url = self.sources[r].url if 0 <= r < n else ""
        self.open_button.setEnabled(url.startswith(("http://", "https://")))

    # -- actions ----------------------------------------------------------------------

    def _write(self, work: Callable[[], object], failed: str) -> object | None:
        try:
            result = work()
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, failed, str(exc))
            return None
        self.sources_changed.emit()
        return result

    def offers(self) -> list[ReportOffer]:
        """The reports on the article's claims, as sources to add (read fresh from the store)."""
        if self.article_id is None:
            return []
        claims = self.claim_store.list_claims(self.article_id)
        return report_offers(claims, self.review.list_sources(self.article_id))

    def _fill_from_claims_menu(self) -> None:
        menu = self.from_claims_menu
        menu.clear()
        offers = self.offers()
        if not offers:
            menu.addAction("No reports on the claims yet: add who reported a claim in the Claims panel").setEnabled(
                False
            )
            return
        done = qta.icon("fa6s.check", color=themed(OK_COLOURS, self.palette()))
        for offer in offers:
            action = menu.addAction(offer.label + (" — already a source" if offer.added else ""))
            action.setToolTip(plain_tooltip(offer.tooltip))
            action.setEnabled(offer.available and not self.read_only)
            if offer.added:
                action.setIcon(done)
            action.setData(offer.url)
            action.triggered.connect(lambda _checked=False, o=offer: self.add_from_report(o))

    def add_from_report(self, offer: ReportOffer) -> Source | None:
        """Add `offer` as a source, linked to the report(s) it comes from; None if it is already
        one (or the write failed)."""
        if self.article_id is None or self.read_only:
            return None
        aid = self.article_id
        current = next((o for o in self.offers() if o.key == offer.key), None)
        if current is not None and current.added:  # added meanwhile (another window, the dialog)
            self.refresh()
            return None

        def work() -> Source:
            src = self.review.add_source(aid, **offer.values())
            self._link_reports(src, offer)
            return src

        src = self._write(work, "Source not added")
        if isinstance(src, Source):
            self.refresh(select_id=src.id)
            return src
        return None

    def _link_reports(self, src: Source, offer: ReportOffer) -> None:
        for claim_id, appearance_id in offer.targets:
            try:
                self.review.link(src.id or 0, claim_id, appearance_id=appearance_id)
            except (KeyError, ValueError):  # the report was edited meanwhile: link the claim
                self.review.link(src.id or 0, claim_id)

    def add_source(self) -> Source | None:
        if self.article_id is None or self.read_only:
            return None
        dialog = SourceDialog(None, self, offers=self.offers())
        if dialog.exec() != SourceDialog.DialogCode.Accepted:
            return None
        aid = self.article_id
        offer = dialog.chosen_offer()

        def work() -> Source:
            src = self.review.add_source(aid, **dialog.values())
            if offer is not None:
                self._link_reports(src, offer)
            return src

        src = self._write(work, "Source not added")
        if isinstance(src, Source):
            self.refresh(select_id=src.id)
            return src
        return None

    def edit_selected(self) -> None:
        src = self.selected_source()
        if src is None or self.read_only:
            return
        dialog = SourceDialog(src, self)
        if dialog.exec() != SourceDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if src.verified and values["url"] != src.url:
            answer = QMessageBox.question(
                self, "Change the URL?", "Changing the URL clears the verification: it is a new source."
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self._write(lambda: self.review.update_source(src.id or 0, **values), "Source not saved") is not None:
            self.refresh(select_id=src.id)

    def remove_selected(self) -> None:
        src = self.selected_source()
        if src is None or self.read_only:
            return
        answer = QMessageBox.question(
            self, "Remove source?", f"Remove the source “{src.display_title}” and its links to claims?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._write(lambda: self.review.delete_source(src.id or 0), "Source not removed")
        self.refresh()

    def move_selected(self, step: int) -> None:
        src = self.selected_source()
        if src is None or self.read_only:
            return
        row = self.row_of(src.id or 0)
        self._write(lambda: self.review.move(src.id or 0, row + step), "Source not moved")
        self.refresh(select_id=src.id)

    def set_verified(self, source_id: int, verified: bool) -> None:
        who = self.who()
        self._write(
            lambda: self.review.verify(source_id, who) if verified else self.review.unverify(source_id),
            "Verification not saved",
        )
        self.refresh(select_id=source_id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != COL_VERIFIED:
            return
        source_id = item.data(SOURCE_ID_ROLE)
        if source_id is None:
            return
        self.set_verified(int(source_id), item.checkState() == Qt.CheckState.Checked)

    def link_selected(self) -> SourceLinkDialog | None:
        src = self.selected_source()
        if src is None or self.read_only:
            return None
        dialog = SourceLinkDialog(self.review, self.claim_store, src, self)
        dialog.exec()
        if dialog.changed:
            self.sources_changed.emit()
            self.refresh(select_id=src.id)
        return dialog

    def open_selected(self) -> None:
        src = self.selected_source()
        if src is not None and src.url.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(src.url))
