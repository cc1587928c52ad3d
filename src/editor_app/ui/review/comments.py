"""The "Comments" pane: review comment threads (author, time, the words they are about, body,
replies), with reply / resolve / reopen, and one composer at the bottom for a new comment on
the editor's selection or on the whole article, or a reply.

Cards are plain widgets in a scroll area; every text a person typed is a Qt.PlainText label.
A thread whose words were deleted is flagged "Text gone" and keeps the quoted words.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.workflow import Comment
from editor_app.services.review import Review
from editor_app.store.errors import StoreError
from editor_app.ui.claims.dialogs import plain_label
from editor_app.ui.common.theme import OK_COLOURS, WARNING_COLOURS, themed
from editor_app.ui.common.widgets import card_column, muted
from editor_app.ui.review.common import local_time
from editor_app.ui.theme.icons import set_icon

QUOTE_LIMIT = 160
FILTERS = [("Open", "open"), ("All", "all"), ("Resolved", "resolved")]


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _small(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    label.setFont(font)
    return label


class ThreadCard(QFrame):
    """One thread: first comment, the words it is about, replies, and its buttons."""

    clicked = Signal(int)
    reply_requested = Signal(int)
    resolve_requested = Signal(int, bool)  # comment id, resolve (False: reopen)

    def __init__(self, thread: Comment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thread = thread
        self.setObjectName("commentCard")
        self.setProperty("commentId", thread.id)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        v = QVBoxLayout(self)
        v.setContentsMargins(10, 8, 10, 6)
        v.setSpacing(3)

        head = QHBoxLayout()
        head.setSpacing(6)
        author = _bold(plain_label(thread.author or "unknown"))
        author.setObjectName("commentAuthor")
        head.addWidget(author)
        head.addWidget(_small(muted(plain_label(local_time(thread.created_at)))))
        head.addStretch(1)
        self.badge = _small(plain_label(""))
        self.badge.setObjectName("commentBadge")
        head.addWidget(self.badge)
        v.addLayout(head)

        pal = self.palette()
        if thread.detached:
            self.badge.setText("Text gone")
            self.badge.setStyleSheet(f"color: {themed(WARNING_COLOURS, pal).name()}; font-weight: bold;")
            self.badge.setToolTip("The words this comment was about were deleted.")
        elif thread.resolved:
            self.badge.setText(f"Resolved by {thread.resolved_by}" if thread.resolved_by else "Resolved")
            self.badge.setStyleSheet(f"color: {themed(OK_COLOURS, pal).name()};")
        if thread.anchor_start is not None or thread.detached or thread.anchor_text:
            quote = plain_label(quoted(thread.anchor_text), wrap=True)
            quote.setObjectName("commentQuote")
            font = quote.font()
            font.setItalic(True)
            if thread.detached:
                font.setStrikeOut(True)
            quote.setFont(font)
            muted(quote)
            quote.setContentsMargins(8, 0, 0, 0)
            quote.setStyleSheet(f"border-left: 3px solid {pal.color(QPalette.ColorRole.Mid).name()};")
            v.addWidget(quote)
        else:
            v.addWidget(_small(muted(plain_label("On the whole article"))))
        body = plain_label(thread.body, wrap=True)
        body.setObjectName("commentBody")
        body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        v.addWidget(body)

        for reply in thread.replies:
            box = QWidget()
            r = QVBoxLayout(box)
            r.setContentsMargins(14, 4, 0, 0)
            r.setSpacing(1)
            line = QHBoxLayout()
            line.setSpacing(6)
            line.addWidget(_bold(_small(plain_label(reply.author or "unknown"))))
            line.addWidget(_small(muted(plain_label(local_time(reply.created_at)))))
            line.addStretch(1)
            r.addLayout(line)
            text = plain_label(reply.body, wrap=True)
            text.setObjectName("replyBody")
            r.addWidget(text)
            v.addWidget(box)

        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        buttons.addStretch(1)
        self.reply_button = QToolButton(objectName="replyButton", text="Reply")
        set_icon(self.reply_button, "fa6s.reply")
        self.resolve_button = QToolButton(objectName="resolveButton", text="Reopen" if thread.resolved else "Resolve")
        set_icon(self.resolve_button, "fa6s.rotate-left" if thread.resolved else "fa6s.check")
        for b in (self.reply_button, self.resolve_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setAutoRaise(True)
            buttons.addWidget(b)
        v.addLayout(buttons)
        self.reply_button.clicked.connect(lambda: self.reply_requested.emit(thread.id or 0))
        self.resolve_button.clicked.connect(lambda: self.resolve_requested.emit(thread.id or 0, not thread.resolved))
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        pal = self.palette()
        base = self.parentWidget().palette() if self.parentWidget() else pal
        colour = base.color(QPalette.ColorRole.Base)
        if selected:
            accent = base.color(QPalette.ColorRole.Highlight)
            colour = colour.darker(106) if colour.lightness() > 128 else colour.lighter(130)
            self.setStyleSheet(
                f"QFrame#commentCard {{ border: 1px solid {accent.name()}; "
                f"border-left: 4px solid {accent.name()}; border-radius: 4px; "
                f"background: {colour.name()}; }}"
            )
        else:
            self.setStyleSheet(
                f"QFrame#commentCard {{ border: 1px solid {base.color(QPalette.ColorRole.Mid).name()}; "
                f"border-radius: 4px; background: {colour.name()}; }}"
            )
        if self.thread.resolved:
            self.setStyleSheet(self.styleSheet() + " QLabel#commentBody { color: palette(placeholder-text); }")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.thread.id or 0)
        super().mousePressEvent(event)


class CommentsPane(QWidget):
    comment_activated = Signal(int)  # a thread was clicked: show its words in the editor
    comments_changed = Signal()  # written: highlights, checklist and library follow

    def __init__(self, review: Review, who: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsPane")
        self.review, self.who = review, who
        self.article_id: int | None = None
        self.threads: list[Comment] = []
        self.cards: dict[int, ThreadCard] = {}
        self.selected_id: int | None = None
        self.read_only = False
        # composer: ("anchor", (start, end, quoted)) | ("article", None) | ("reply", comment id)
        self._mode: tuple[str, object] | None = None
        # turns the anchor taken when the composer opened into one on the saved body (the text may
        # have changed while the comment was written); None: the words are gone
        self.anchor_resolver: Callable[[tuple[int, int, str]], tuple[int, int, str] | None] | None = None

        self.filter = QComboBox(objectName="commentsFilter")
        for text, key in FILTERS:
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(lambda _i: self._show())
        self.count_label = muted(plain_label(""))
        self.count_label.setObjectName("commentsCount")
        self.article_button = QToolButton(objectName="commentArticleButton", text="On Article")
        set_icon(self.article_button, "fa6s.message")
        self.article_button.setToolTip("Comment on the whole article")
        self.article_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.article_button.setAutoRaise(True)
        self.article_button.clicked.connect(self.start_article_comment)
        self.selection_button = QToolButton(objectName="commentSelectionButton")
        self.selection_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.selection_button.setAutoRaise(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.setSpacing(4)
        bar.addWidget(self.filter)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.selection_button)
        bar.addWidget(self.article_button)

        self.scroll, self.list_layout = card_column("comments", (6, 2, 6, 6))
        self.list_box = self.scroll.widget()
        self.list_box.setObjectName("commentsList")
        self.empty = muted(plain_label("", wrap=True))
        self.empty.setObjectName("commentsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(16, 16, 16, 16)

        self.composer = QFrame(objectName="commentComposer")
        self.composer.setFrameShape(QFrame.Shape.StyledPanel)
        c = QVBoxLayout(self.composer)
        c.setContentsMargins(8, 6, 8, 6)
        c.setSpacing(4)
        self.composer_label = plain_label("", wrap=True)
        self.composer_label.setObjectName("composerLabel")
        _small(self.composer_label)
        self.editor = QPlainTextEdit(objectName="commentEditor")
        self.editor.setPlaceholderText("Write a comment… (Ctrl+Enter to post)")
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(72)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.post_button = QPushButton(qta.icon("fa6s.paper-plane"), "Post", objectName="postComment")
        self.post_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", objectName="cancelComment")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.post_button)
        c.addWidget(self.composer_label)
        c.addWidget(self.editor)
        c.addLayout(row)
        self.composer.hide()
        self.post_button.clicked.connect(self.post)
        self.cancel_button.clicked.connect(self.cancel_compose)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.post)
        escape = QShortcut(QKeySequence("Escape"), self.editor)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.cancel_compose)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.composer)
        self.setMinimumWidth(280)
        self.set_article(None)

    # -- state ------------------------------------------------------------------------

    def set_selection_action(self, action) -> None:
        self.selection_button.setDefaultAction(action)
        self.selection_button.setText("On Selection")

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.article_button.setEnabled(not read_only and self.article_id is not None)

    def set_article(self, article_id: int | None) -> None:
        if article_id != self.article_id:
            self.cancel_compose()
            self.selected_id = None
        self.article_id = article_id
        self.article_button.setEnabled(article_id is not None and not self.read_only)
        self.refresh()

    def refresh(self) -> None:
        self.threads = self.review.list_comments(self.article_id) if self.article_id is not None else []
        self._show()

    def thread(self, comment_id: int) -> Comment | None:
        for t in self.threads:
            if t.id == comment_id or any(r.id == comment_id for r in t.replies):
                return t
        return None

    def open_count(self) -> int:
        return sum(1 for t in self.threads if not t.resolved)

    def _visible(self) -> list[Comment]:
        key = self.filter.currentData()
        if key == "open":
            return [t for t in self.threads if not t.resolved]
        if key == "resolved":
            return [t for t in self.threads if t.resolved]
        return list(self.threads)

    def _show(self) -> None:
        for card in self.cards.values():  # Qt owns the cards (their parent): let Qt delete them
            self.list_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards.clear()
        shown = self._visible()
        for t in shown:
            card = ThreadCard(t, self.list_box)
            card.clicked.connect(self.select_thread)
            card.reply_requested.connect(self.start_reply)
            card.resolve_requested.connect(self.set_resolved)
            card.reply_button.setEnabled(not self.read_only)
            card.resolve_button.setEnabled(not self.read_only)
            card.set_selected(t.id == self.selected_id)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards[t.id or 0] = card
        n_open, n = self.open_count(), len(self.threads)
        self.count_label.setText(f"{n_open} open · {n} in all" if n else "")
        if shown:
            self.empty.hide()
            self.scroll.show()
        else:
            self.scroll.hide()
            self.empty.show()
            if self.article_id is None:
                self.empty.setText("Open an article to see its review comments.")
            elif n:
                self.empty.setText("No comments match this filter.")
            else:
                self.empty.setText(
                    "No review comments yet. Select words in the text and press Ctrl+Alt+M, "
                    "or comment on the whole article."
                )

    # -- selection --------------------------------------------------------------------

    def select_thread(self, comment_id: int, *, emit: bool = True) -> bool:
        thread = self.thread(comment_id)
        if thread is None:
            return False
        if thread.id not in self.cards:  # filtered out: show all
            self.filter.setCurrentIndex(1)
        self.selected_id = thread.id
        for cid, card in self.cards.items():
            card.set_selected(cid == thread.id)
        card = self.cards.get(thread.id or 0)
        if card is not None:
            self.scroll.ensureWidgetVisible(card)
        if emit:
            self.comment_activated.emit(thread.id or 0)
        return True

    # -- composing --------------------------------------------------------------------

    def start_anchor_comment(self, start: int, end: int, quoted_text: str) -> None:
        self._compose(("anchor", (start, end, quoted_text)), f"Comment on {quoted(quoted_text, 90)}")

    def start_article_comment(self) -> None:
        if self.article_id is None or self.read_only:
            return
        self._compose(("article", None), "Comment on the whole article")

    def start_reply(self, comment_id: int) -> None:
        thread = self.thread(comment_id)
        if thread is None or self.read_only:
            return
        self.select_thread(comment_id, emit=False)
        self._compose(("reply", thread.id), f"Reply to {thread.author or 'the comment'}")

    def _compose(self, mode: tuple[str, object], label: str) -> None:
        self._mode = mode
        self.composer_label.setText(label)
        self.post_button.setText("Reply" if mode[0] == "reply" else "Post")
        self.composer.show()
        self.editor.setFocus()

    def cancel_compose(self) -> None:
        self._mode = None
        self.editor.clear()
        self.composer.hide()

    @property
    def composing(self) -> str:
        return self._mode[0] if self._mode else ""

    def post(self) -> Comment | None:
        if self._mode is None or self.article_id is None:
            return None
        text = self.editor.toPlainText().strip()
        if not text:
            self.editor.setFocus()
            return None
        kind, arg = self._mode
        if kind == "anchor" and self.anchor_resolver is not None:
            arg = self.anchor_resolver(arg)  # type: ignore[arg-type]
            if arg is None:
                QMessageBox.warning(
                    self,
                    "Comment not posted",
                    "The words you selected were deleted while you wrote the comment. "
                    "Select them again, or comment on the whole article.",
                )
                return None
        who = self.who()
        aid = self.article_id
        try:
            if kind == "reply":
                comment = self.review.reply(int(arg), text, who)  # type: ignore[arg-type]
            elif kind == "anchor":
                comment = self.review.add_comment(aid, text, who, anchor=arg)  # type: ignore[arg-type]
            else:
                comment = self.review.add_comment(aid, text, who)
        except (StoreError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, "Comment not posted", str(exc))
            return None
        self.cancel_compose()
        self.refresh()
        self.select_thread(comment.parent_id or comment.id or 0, emit=False)
        self.comments_changed.emit()
        return comment

    def set_resolved(self, comment_id: int, resolved: bool) -> None:
        if self.read_only:
            return
        try:
            if resolved:
                self.review.resolve(comment_id, self.who())
            else:
                self.review.reopen(comment_id)
        except (StoreError, KeyError) as exc:
            QMessageBox.warning(self, "Not changed", str(exc))
            return
        self.refresh()
        self.comments_changed.emit()
