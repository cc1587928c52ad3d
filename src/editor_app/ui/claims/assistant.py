"""The reporting assistant in the window: reads the story off the UI thread while the Claims
panel is open, shows what it proposes, marks the evidence in the editor, and turns an accepted
proposal into an ordinary claim (anchored on its words, with its reports and responses).

Nothing is written without the writer: a proposal becomes a claim on Accept only; Dismiss is
remembered for the article (by the claim's words, `store.claims.proposal_key`). Proposals that
overlap a claim already marked, or repeat one, are not shown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMessageBox, QTextEdit

from editor_app.core.anchors import find_anchors
from editor_app.core.claims import Appearance, Claim, Response, Stance, short_statement
from editor_app.store.claims import ClaimStore, proposal_key
from editor_app.store.errors import StoreError
from editor_app.ui.common.text_positions import qt_position
from editor_app.ui.common.theme import ERROR_COLOURS, OK_COLOURS, WARNING_COLOURS, themed

if TYPE_CHECKING:
    from editor_app.ui.claims.controller import ClaimsController
    from editor_app.ui.claims.proposals import ProposalList

TASK = "claim proposals"
READ_DELAY_MS = 1200  # after the last key: long enough not to read on every word
READ_LIMIT = 200_000  # characters read: a pasted book would hold the interpreter for minutes
PROPOSAL_HIGHLIGHT_PROPERTY = QTextFormat.Property.UserProperty + 0x51
# (light, dark) backgrounds of the evidence: the editor's text stays AA-readable on them
EVIDENCE_COLOURS = {"claim": ("#fff1b8", "#5c4a00"), "reporter": ("#dbe8ff", "#1d3a66")}
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_ANONYMOUS = re.compile(
    r"^(?:people|persons?|sources?|one|two|three|several|a|an|the)\b.*\b(?:familiar|sources?|persons?|people|"
    r"officials?|insiders?|executives?|bankers?|analysts?|knowledge|matter)\b",
    re.IGNORECASE,
)


def reading_text(text: str) -> str:
    """The body with HTML comments (claim markers) blanked to spaces: the assistant reads the
    words, and every offset it returns is still an offset into the editor's text."""
    return _COMMENT_RE.sub(lambda m: " " * len(m.group()), text)


def appearance_for(reporter: Any) -> Appearance:
    """An outlet becomes the appearance's outlet; "people familiar with the matter" its attribution."""
    who = " ".join(reporter.who.split())
    kind = str(getattr(reporter, "kind", "") or "")
    from editor_app.core.reporting.lexicon import GENERIC_REPORTERS

    if GENERIC_REPORTERS.fullmatch(who):  # "the report", "media reports": no outlet to name
        return Appearance(attribution=who[:1].lower() + who[1:] if who[:1].isupper() else who)
    if kind == "outlet" or (not kind and not _ANONYMOUS.match(who) and who[:1].isupper()):
        return Appearance(outlet=re.sub(r"^the\s+(?=[A-Z])", "", who, flags=re.IGNORECASE))  # "The FT" is the FT
    return Appearance(attribution=who)


_LEAD_RESIDUE = re.compile(
    r"^[\s,:]*(?:(?:on|late|early|last|this)\s+\w+\s+)?(?:(?:report|story|article|reports)\b[\s,]*)?(?:that\s+)?"
)


def statement_span(proposal: Any) -> tuple[int, int]:
    """What the claim says, without who said it: "The FT reported that [Ford held talks]",
    "[Ford held talks], the FT reported". The anchor goes on these words, like a writer's own
    mark; the proposal's whole span when its attribution cannot be told apart."""
    start, end, text = proposal.start, proposal.end, proposal.text
    marks = [(r.start, r.end) for r in proposal.reported_by if start <= r.start < end]
    cue = (getattr(proposal, "cue_start", -1), getattr(proposal, "cue_end", -1))
    if start <= cue[0] < end:
        marks.append(cue)
    if not marks:
        return start, end
    first = min(a for a, _ in marks)
    cut_start, cut_end = start, end
    if first - start <= 0.4 * len(text):  # attribution leads: skip it and its "that"
        lead = [b for a, b in marks if a - start <= 0.4 * len(text)]
        cut_start = max(lead)
        rest = text[cut_start - start :]
        if text.lower().startswith("according to") and "," in rest[:60]:
            cut_start += rest.index(",") + 1
            rest = text[cut_start - start :]
        cut_start += _LEAD_RESIDUE.match(rest).end()
    elif first - start >= 0.5 * len(text):  # attribution trails: cut at the comma before it
        comma = text.rfind(",", 0, first - start)
        if comma > 0:
            cut_end = start + comma
    words = text[cut_start - start : cut_end - start].strip()
    if len(words.split()) < 3:
        return start, end
    inner = text.index(words, cut_start - start)
    return start + inner, start + inner + len(words)


def claim_from(proposal: Any, key: str, words: str) -> Claim:
    appearances: list[Appearance] = []
    seen: set[str] = set()
    for reporter in proposal.reported_by:
        a = appearance_for(reporter)
        name = (a.outlet or a.attribution).casefold()
        if name and name not in seen:
            seen.add(name)
            appearances.append(a)
    responses = []
    for r in proposal.responses:
        try:
            stance = Stance.parse(r.stance)
        except ValueError:
            continue
        responses.append(Response(party=" ".join(r.party.split()), stance=stance, quote=" ".join(r.quote.split())))
    wording = " ".join(words.split())
    wording = wording[:1].upper() + wording[1:]
    return Claim(
        key=key,
        short=short_statement(wording),
        wording=wording,
        appearances=appearances,
        responses=responses,
    )


class ClaimAssistant(QObject):
    def __init__(self, controller: ClaimsController, proposals: ProposalList) -> None:
        super().__init__(controller)
        self.controller = controller
        self.window = controller.window
        self.claims: ClaimStore = controller.store
        self.view = proposals
        self.read_text: str | None = None  # the text the shown proposals were read from
        self.found: list[Any] = []  # everything the assistant proposed for `read_text`
        self.shown: list[Any] = []  # what the writer sees (minus dismissed and already claimed)
        self._timer = QTimer(self, singleShot=True, interval=READ_DELAY_MS)
        self._timer.timeout.connect(self.read)
        proposals.refresh_requested.connect(self.read)
        proposals.accept_requested.connect(self.accept)
        proposals.dismiss_requested.connect(self.dismiss)
        proposals.restore_requested.connect(self.restore)
        proposals.proposal_activated.connect(self.show_evidence)
        self.window.tasks.failed.connect(self._on_failed)

    # -- reading ------------------------------------------------------------------------

    def article_loaded(self) -> None:
        self.read_text, self.found = None, []
        self.clear_evidence()
        self.read()

    def body_changed(self) -> None:
        self._timer.start()

    def read(self) -> None:
        """Read the editor's text again (off the UI thread) if the panel is where a writer sees it."""
        self._timer.stop()
        if self.window.article is None or self.window.article.id is None:
            self.found, self.read_text = [], None
            self.view.set_proposals([])
            self.view.show_state("No article is open.")
            return
        if not self.controller.dock.isVisible():
            return  # read when the panel is shown
        text = self.window.editor.toPlainText()
        if text == self.read_text:
            self.refilter()
            return
        article_id = self.window.article.id
        self.view.show_state("Reading the text…")

        def work() -> list[Any]:
            from editor_app.core.reporting import propose  # loaded on first use

            return propose(reading_text(text[:READ_LIMIT]))

        self.window.tasks.run(TASK, work, lambda found: self._on_read(article_id, text, found))

    def _on_read(self, article_id: int, text: str, found: list[Any]) -> None:
        article = self.window.article
        if article is None or article.id != article_id:
            return  # another article is open now
        self.read_text, self.found = text, list(found)
        self.refilter()

    def _on_failed(self, name: str, message: str) -> None:
        if name == TASK:
            self.view.show_state(f"The text could not be read for claims: {message}")

    def refilter(self) -> None:
        """Show what was found, less the dismissed proposals and the claims already made."""
        article = self.window.article
        if article is None or article.id is None or self.read_text is None:
            return
        try:
            dismissed = self.claims.dismissed_proposals(article.id)
            existing = self.claims.list_claims(article.id)
        except StoreError as exc:
            self.view.show_state(str(exc))
            return
        wordings = {" ".join(c.wording.casefold().split()) for c in existing if c.wording}
        text = self.window.editor.toPlainText()
        anchored = [(a.text_start, a.text_end) for a in find_anchors(text)]
        shown = []
        hidden = 0
        for p in self.found:
            if proposal_key(p.text) in dismissed:
                hidden += 1
                continue
            if " ".join(p.text.casefold().split()) in wordings:
                continue
            span = self.locate(p, text)
            if span is not None and any(s < span[1] and span[0] < e for s, e in anchored):
                continue  # already marked as a claim there
            shown.append(p)
        self.shown = shown
        self.view.set_proposals(shown, dismissed=len(dismissed))
        if len(self.read_text) > READ_LIMIT:
            self.view.show_state(f"Read the first {READ_LIMIT:,} characters of the text only.")
        self._make_room()
        if self.view.current is None:
            self.clear_evidence()

    def _make_room(self) -> None:
        """Grow the proposals section so its cards show whole, up to half of the panel."""
        splitter = self.view.parentWidget()
        if not self.view.cards or splitter is None or not hasattr(splitter, "sizes"):
            return
        sizes = splitter.sizes()
        total = sum(sizes)
        want = min(self.view.wanted_height(), total // 2)
        if sizes and total and sizes[0] < want:
            grow = want - sizes[0]
            rest = sizes[1:]
            spare = sum(rest) or 1
            splitter.setSizes([want] + [max(40, r - grow * r // spare) for r in rest])

    # -- where the words are now ------------------------------------------------------------

    def locate(self, proposal: Any, text: str | None = None) -> tuple[int, int] | None:
        """The proposal's span in the editor's text now (it was read from `read_text`): the same
        offsets while the words are there, else the nearest place the words are found."""
        text = self.window.editor.toPlainText() if text is None else text
        start, end = proposal.start, proposal.end
        words = proposal.text  # the words as read: markers blanked, at these offsets
        if reading_text(text[start:end]) == words:  # only the span: refilter runs this per proposal
            return start, end
        blanked = reading_text(text)
        hits = [m.start() for m in re.finditer(re.escape(words), blanked)] if words else []
        if not hits:
            return None
        best = min(hits, key=lambda h: abs(h - start))
        return best, best + len(words)

    def _shift(self, proposal: Any) -> int | None:
        span = self.locate(proposal)
        return None if span is None else span[0] - proposal.start

    # -- evidence in the editor -----------------------------------------------------------

    def retheme(self) -> None:
        """After a theme switch: the evidence shown again in the new colours, the caret kept."""
        proposal = getattr(self, "_evidence_for", None)
        if proposal is None or not self.evidence():
            return
        editor = self.window.editor
        cursor, scroll = editor.textCursor(), editor.verticalScrollBar().value()
        self.show_evidence(proposal)
        editor.setTextCursor(cursor)
        editor.verticalScrollBar().setValue(scroll)

    def show_evidence(self, proposal: Any) -> None:
        """Mark the claim, its reporters and the responses in the editor; show the claim."""
        self._evidence_for = proposal
        delta = self._shift(proposal)
        self.clear_evidence()
        if delta is None:
            self.window.statusBar().showMessage("These words are no longer in the text; reading it again.", 6000)
            self.read()
            return
        text = self.window.editor.toPlainText()
        palette = self.window.editor.palette()
        claim_bg, reporter_bg = (themed(EVIDENCE_COLOURS[k], palette) for k in ("claim", "reporter"))
        spans: list[tuple[int, int, QTextCharFormat]] = [
            (proposal.start, proposal.end, _fmt(claim_bg, None, "Proposed claim"))
        ]
        for r in proposal.reported_by:
            spans.append((r.start, r.end, _fmt(reporter_bg, None, "Reported by")))
        for r in proposal.responses:
            colour = _stance_colour(r.stance)
            spans.append(
                (r.start, r.end, _fmt(None, themed(colour, palette), f"Response: {Stance.parse(r.stance).label}"))
            )
        doc = self.window.editor.document()
        ours = []
        for start, end, fmt in spans:
            s, e = start + delta, end + delta
            if not (0 <= s < e <= len(text)):
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(qt_position(text, s))
            cursor.setPosition(qt_position(text, e), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            ours.append(sel)
        others = self._others()
        self.window.editor.setExtraSelections(ours + others)
        shown = QTextCursor(doc)
        shown.setPosition(qt_position(text, proposal.start + delta))
        self.window.editor.setTextCursor(shown)
        self.window.editor.ensureCursorVisible()

    def clear_evidence(self) -> None:
        others = self._others()
        if len(others) != len(self.window.editor.extraSelections()):
            self.window.editor.setExtraSelections(others)

    def evidence(self) -> list[tuple[int, int]]:
        """What the editor marks now: UTF-16 (start, end) of the evidence spans (for tests)."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self.window.editor.extraSelections()
            if s.format.hasProperty(PROPOSAL_HIGHLIGHT_PROPERTY)
        ]

    def _others(self) -> list:
        return [
            s for s in self.window.editor.extraSelections() if not s.format.hasProperty(PROPOSAL_HIGHLIGHT_PROPERTY)
        ]

    # -- the writer decides ---------------------------------------------------------------

    def accept(self, proposal: Any) -> None:
        """Create the claim with its reports and responses, anchored on its words (one undo
        step removes the markers; the claim stays, like a claim marked by hand)."""
        window = self.window
        article = window.article
        if article is None or article.id is None or window.editor.isReadOnly():
            window.statusBar().showMessage("Not accepted: the article cannot be changed.", 8000)
            return
        delta = self._shift(proposal)
        if delta is None:
            window.statusBar().showMessage("Not accepted: the words are no longer in the text.", 8000)
            self.read()
            return
        from editor_app.core.anchors import anchored_keys, check_span, next_key

        text = window.editor.toPlainText()
        s_start, s_end = statement_span(proposal)
        try:
            start, end = check_span(text, s_start + delta, s_end + delta)
        except ValueError as exc:
            window.statusBar().showMessage(f"Not accepted: {exc}", 8000)
            return
        words = text[start:end]
        try:
            key = next_key(self.claims.keys(article.id) | anchored_keys(text))
            claim = self.claims.import_claims(article.id, [claim_from(proposal, key, words)])[0]
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(window, "Claim not created", str(exc))
            return
        self.controller.anchor_words(start, end, key)
        self.clear_evidence()
        self.refilter()
        panel = self.controller.dock.content()
        panel.refresh()
        panel.select_key(key)
        window.changes.deliver()  # the preview marks the new claim now
        verdict = claim.effective
        window.statusBar().showMessage(
            f"Claim {key} created from the proposal: {verdict.status.label}. {verdict.reason}".strip(), 10000
        )

    def dismiss(self, proposal: Any) -> None:
        article = self.window.article
        if article is None or article.id is None:
            return
        try:
            self.claims.dismiss_proposal(article.id, proposal.text)
        except (StoreError, KeyError) as exc:
            QMessageBox.warning(self.window, "Proposal not dismissed", str(exc))
            return
        if self.view.current is proposal:
            self.view.current = None
        self.refilter()
        self.window.statusBar().showMessage("Proposal dismissed: it will not be proposed again here.", 6000)

    def restore(self) -> None:
        article = self.window.article
        if article is None or article.id is None:
            return
        try:
            count = self.claims.restore_proposals(article.id)
        except StoreError as exc:
            QMessageBox.warning(self.window, "Proposals not restored", str(exc))
            return
        self.refilter()
        self.window.statusBar().showMessage(f"{count} dismissed proposal(s) proposed again.", 6000)


def _fmt(background: QColor | None, underline: QColor | None, tip: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if background is not None:
        fmt.setBackground(background)
    if underline is not None:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(underline)
        fmt.setFontUnderline(True)
    fmt.setToolTip(tip)
    fmt.setProperty(PROPOSAL_HIGHLIGHT_PROPERTY, True)
    return fmt


def _stance_colour(stance: str) -> tuple[str, str]:
    try:
        s = Stance.parse(stance)
    except ValueError:
        return WARNING_COLOURS
    if s in (Stance.DENIES, Stance.RETRACTS):
        return ERROR_COLOURS
    if s in (Stance.CONFIRMS, Stance.PARTIALLY_CONFIRMS):
        return OK_COLOURS
    return WARNING_COLOURS
