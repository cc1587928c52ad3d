"""Dialogs of the Sources pane: edit one source note, and link a source to claims (a whole
claim, one of its appearances, or one of its responses). User text stays plain text.

The reports already recorded on the article's claims (outlet, title, URL, date) are offered as
sources (`report_offers`): the pane adds one with a click, the Add Source dialog fills its fields
from one, so nobody types them twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.claims import Appearance, Claim
from editor_app.core.workflow import Source, SourceLink
from editor_app.services.review import Review
from editor_app.store.claims import ClaimStore
from editor_app.store.errors import StoreError
from editor_app.ui.claims.dialogs import OptionalDateEdit, plain_label, url_problem
from editor_app.ui.common.widgets import muted


def same_url_key(url: str) -> str:
    """`url` compared as a source: scheme and host in lower case, no trailing slash."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.casefold()
    if not parts.scheme or not parts.netloc:
        return url.casefold()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


@dataclass(frozen=True)
class ReportOffer:
    """A report recorded on a claim, offered as a source. One offer per report URL (or, without
    a URL, per outlet and title): the same report on two claims is one source linked to both.

    targets  (claim id, appearance id) of every report it stands for: the links the new source gets
    added    a source with this URL (or outlet and title) is already in the list
    problem  why it cannot be a source as it stands ("" when it can)
    """

    outlet: str
    title: str
    url: str
    published_on: date | None
    claim_keys: tuple[str, ...]
    targets: tuple[tuple[int, int], ...]
    added: bool = False
    problem: str = ""

    @property
    def label(self) -> str:
        """ "Reuters — Ford, Xiaomi discuss US EV plant" (menu text)."""
        head = self.outlet or self.title or self.url
        tail = self.title if self.outlet and self.title else ("" if head == self.url else self.url)
        return f"{head} — {tail}" if tail else head

    @property
    def tooltip(self) -> str:
        lines = [self.label, self.url] if self.url and self.url not in self.label else [self.label]
        lines.append(
            ("Reported claim " if len(self.claim_keys) == 1 else "Reported claims ") + ", ".join(self.claim_keys)
        )
        if self.added:
            lines.append("Already in the sources.")
        elif self.problem:
            lines.append(self.problem)
        else:
            lines.append("Click to add it as a source, linked to the claim's report.")
        return "\n".join(lines)

    @property
    def key(self) -> tuple[str, ...]:
        return _offer_key(self.outlet, self.title, self.url)

    @property
    def available(self) -> bool:
        return not self.added and not self.problem

    def values(self) -> dict:
        """What `Review.add_source` takes (not accessed yet: nobody has opened it)."""
        return {"outlet": self.outlet, "title": self.title, "url": self.url, "published_on": self.published_on}


def _offer_key(outlet: str, title: str, url: str) -> tuple[str, ...]:
    return ("url", same_url_key(url)) if url.strip() else ("name", outlet.strip().casefold(), title.strip().casefold())


def report_offers(claims: Iterable[Claim], sources: Iterable[Source]) -> list[ReportOffer]:
    """The claims' reports as sources to add, in claim and report order; those already among
    `sources` (same URL, or same outlet and title when there is no URL) are marked `added`."""
    have = {_offer_key(s.outlet, s.title, s.url) for s in sources}
    found: dict[tuple[str, ...], tuple[Appearance, list[str], list[tuple[int, int]]]] = {}
    for claim in claims:
        for a in claim.appearances:
            if not (a.outlet.strip() or a.title.strip() or a.url.strip()):
                continue
            key = _offer_key(a.outlet, a.title, a.url)
            _first, keys, targets = found.setdefault(key, (a, [], []))
            if claim.key not in keys:
                keys.append(claim.key)
            if claim.id is not None and a.id is not None:
                targets.append((claim.id, a.id))
    return [
        ReportOffer(
            outlet=a.outlet.strip(),
            title=a.title.strip(),
            url=a.url.strip(),
            published_on=a.date,
            claim_keys=tuple(keys),
            targets=tuple(targets),
            added=key in have,
            problem=url_problem(a.url),
        )
        for key, (a, keys, targets) in found.items()
    ]


class SourceDialog(QDialog):
    """Outlet, title, URL, dates, what it supports, a note. `values()` after accept.

    A new source can start from one of `offers` (the claims' reports): choosing it in "From the
    claims" fills outlet, title, URL and date; `chosen_offer()` says which one, if its URL was kept.
    """

    def __init__(
        self, source: Source | None = None, parent: QWidget | None = None, *, offers: Iterable[ReportOffer] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self.setWindowTitle("Edit Source" if source is not None else "Add Source")
        self.setMinimumWidth(500)
        self.offers = [o for o in offers] if source is None else []
        source = source or Source(accessed_on=date.today())
        self.outlet = QLineEdit(source.outlet, objectName="sourceOutlet", placeholderText="Reuters, company filing…")
        self.title_edit = QLineEdit(
            source.title, objectName="sourceTitle", placeholderText="Title of the page or document"
        )
        self.url = QLineEdit(source.url, objectName="sourceUrl", placeholderText="https://…")
        self.published = OptionalDateEdit()
        self.published.setObjectName("sourcePublished")
        self.published.set_value(source.published_on)
        self.accessed = OptionalDateEdit()
        self.accessed.setObjectName("sourceAccessed")
        self.accessed.set_value(source.accessed_on)
        self.supports = QLineEdit(
            source.supports, objectName="sourceSupports", placeholderText="What in the story it supports"
        )
        self.note = QPlainTextEdit(source.note, objectName="sourceNote")
        self.note.setPlaceholderText("Note for the desk (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.from_claims = QComboBox(objectName="sourceFromClaims")
        self.from_claims.addItem("Type it in below, or choose a report given on a claim…", None)
        for i, offer in enumerate(self.offers):
            self.from_claims.addItem(offer.label + (" (already a source)" if offer.added else ""), i)
            self.from_claims.setItemData(i + 1, offer.tooltip, Qt.ItemDataRole.ToolTipRole)
            if not offer.available:  # greyed out: already in the list, or not a web address
                self.from_claims.model().item(i + 1).setEnabled(False)
        self.from_claims.currentIndexChanged.connect(self._fill_from_offer)
        if self.offers:
            form.addRow("&From the claims", self.from_claims)
        else:
            self.from_claims.hide()
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Title", self.title_edit)
        form.addRow("&URL", self.url)
        form.addRow("&Published", self.published)
        form.addRow("&Accessed", self.accessed)
        form.addRow("&Supports", self.supports)
        form.addRow("&Note", self.note)
        self.error = plain_label("", wrap=True)
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #ffffff; background: #b42318; padding: 4px 6px; border-radius: 3px;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fill_from_offer(self, _index: int) -> None:
        offer = self._offer()
        if offer is None:
            return
        self.outlet.setText(offer.outlet)
        self.title_edit.setText(offer.title)
        self.url.setText(offer.url)
        self.published.set_value(offer.published_on)
        self.error.hide()

    def _offer(self) -> ReportOffer | None:
        i = self.from_claims.currentData()
        return self.offers[i] if isinstance(i, int) and 0 <= i < len(self.offers) else None

    def chosen_offer(self) -> ReportOffer | None:
        """The report the source was filled from, while it is still that report (same URL)."""
        offer = self._offer()
        if offer is None or same_url_key(self.url.text()) != same_url_key(offer.url):
            return None
        return offer

    def values(self) -> dict:
        return {
            "outlet": self.outlet.text().strip(),
            "title": self.title_edit.text().strip(),
            "url": self.url.text().strip(),
            "published_on": self.published.value(),
            "accessed_on": self.accessed.value(),
            "supports": self.supports.text().strip(),
            "note": self.note.toPlainText().strip(),
        }

    def _try_accept(self) -> None:
        v = self.values()
        problem = url_problem(v["url"])
        if not problem and not (v["outlet"] or v["title"] or v["url"]):
            problem = "Give at least an outlet, a title or a URL."
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()


def link_label(link: SourceLink, claims: dict[int, Claim]) -> str:
    """ "c1 — Ford and Xiaomi held talks… · response of Ford" for a link."""
    claim = claims.get(link.claim_id)
    if claim is None:
        return f"claim #{link.claim_id}"
    text = f"{claim.key} — {claim.display_short}"
    if link.response_id is not None:
        r = next((r for r in claim.responses if r.id == link.response_id), None)
        text += f" · response of {r.party or 'an unnamed party'}" if r else " · a response"
    elif link.appearance_id is not None:
        a = next((a for a in claim.appearances if a.id == link.appearance_id), None)
        text += f" · reported by {a.outlet or a.title or a.url}" if a else " · an appearance"
    return text


class SourceLinkDialog(QDialog):
    """The claims a source backs: add a link (whole claim, an appearance or a response) or
    remove one. Writes go straight to the store; `changed` tells the pane to refresh."""

    def __init__(
        self,
        review: Review,
        claim_store: ClaimStore,
        source: Source,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourceLinkDialog")
        self.setWindowTitle("Link Source to Claims")
        self.setMinimumWidth(540)
        self.review, self.source = review, source
        self.changed = False
        self.claims = claim_store.list_claims(source.article_id or 0)
        self.by_id = {c.id: c for c in self.claims if c.id is not None}

        head = plain_label(source.display_title, wrap=True)
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        self.links = QListWidget(objectName="sourceLinks")
        self.links.setAlternatingRowColors(True)
        self.remove_button = QPushButton(qta.icon("fa6s.link-slash"), "Remove Link", objectName="removeLink")
        self.remove_button.clicked.connect(self._remove)
        self.links.itemSelectionChanged.connect(lambda: self.remove_button.setEnabled(bool(self.links.selectedItems())))

        self.claim_combo = QComboBox(objectName="linkClaim")
        for c in self.claims:
            self.claim_combo.addItem(f"{c.key} — {c.display_short}", c.id)
        self.target_combo = QComboBox(objectName="linkTarget")
        self.claim_combo.currentIndexChanged.connect(self._fill_targets)
        self.add_button = QPushButton(qta.icon("fa6s.link"), "Add Link", objectName="addLink")
        self.add_button.clicked.connect(self._add)
        form = QFormLayout()
        form.addRow("&Claim", self.claim_combo)
        form.addRow("&Backs", self.target_combo)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(muted(plain_label("Linked to")))
        layout.addWidget(self.links)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        layout.addWidget(muted(plain_label("Add a link")))
        if not self.claims:
            layout.addWidget(
                muted(plain_label("The article has no claims yet: mark one in the text first.", wrap=True))
            )
            self.claim_combo.setEnabled(False)
            self.target_combo.setEnabled(False)
            self.add_button.setEnabled(False)
        layout.addLayout(form)
        layout.addLayout(add_row)
        layout.addWidget(buttons)
        self._fill_targets()
        self._show_links()

    def _fill_targets(self) -> None:
        self.target_combo.clear()
        claim = self.by_id.get(self.claim_combo.currentData())
        if claim is None:
            return
        self.target_combo.addItem("The whole claim", ("claim", None))
        for a in claim.appearances:
            self.target_combo.addItem(f"Report: {a.outlet or a.title or a.url or 'unnamed'}", ("appearance", a.id))
        for r in claim.responses:
            self.target_combo.addItem(
                f"Response of {r.party or 'an unnamed party'} ({r.stance.label})", ("response", r.id)
            )

    def select_target(self, claim_key: str, kind: str, name: str = "") -> bool:
        """Choose a claim and target by key and kind ("claim" | "appearance" | "response"),
        the first whose label contains `name`."""
        for i in range(self.claim_combo.count()):
            claim = self.by_id.get(self.claim_combo.itemData(i))
            if claim is not None and claim.key == claim_key:
                self.claim_combo.setCurrentIndex(i)
                break
        else:
            return False
        for i in range(self.target_combo.count()):
            k, _ = self.target_combo.itemData(i)
            if k == kind and name in self.target_combo.itemText(i):
                self.target_combo.setCurrentIndex(i)
                return True
        return False

    def _show_links(self) -> None:
        self.links.clear()
        current = self.review.get_source(self.source.id or 0)
        for link in current.links if current else []:
            item = QListWidgetItem(link_label(link, self.by_id))
            item.setData(Qt.ItemDataRole.UserRole, link.id)
            self.links.addItem(item)
        if not self.links.count():
            item = QListWidgetItem("No claims yet")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.links.addItem(item)
        self.links.setFixedHeight(min(6, max(2, self.links.count())) * (self.links.sizeHintForRow(0) + 2) + 6)
        self.remove_button.setEnabled(False)

    def _add(self) -> None:
        claim_id = self.claim_combo.currentData()
        target = self.target_combo.currentData()
        if claim_id is None or target is None:
            return
        kind, child = target
        try:
            self.review.link(
                self.source.id or 0,
                claim_id,
                response_id=child if kind == "response" else None,
                appearance_id=child if kind == "appearance" else None,
            )
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, "Not linked", str(exc))
            return
        self.changed = True
        self._show_links()

    def _remove(self) -> None:
        items = self.links.selectedItems()
        if not items or items[0].data(Qt.ItemDataRole.UserRole) is None:
            return
        try:
            self.review.unlink(int(items[0].data(Qt.ItemDataRole.UserRole)))
        except StoreError as exc:
            QMessageBox.warning(self, "Not removed", str(exc))
            return
        self.changed = True
        self._show_links()
