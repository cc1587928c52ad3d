"""As-you-type spell check: the highlighter asks `marks(block, text)` for each line it paints.

Typing must never stall, also in a 1.5 MB article, so:
- answers are cached per line text and per word; a line seen before costs one dict lookup;
- an article up to `SYNC_LIMIT_CHARS` is checked as the highlighter paints it (a line at a time);
- in a longer one the UI thread only tokenises a line and reads cached answers, within a few
  milliseconds per event-loop turn; words never seen go to a worker (`window.tasks`), and the
  lines that turn out to hold misspellings are repainted afterwards, a few at a time. Opening
  such an article checks all its lines on the worker once.

The word lists come from the store (desk dictionary, words ignored in this article), the
user's config dir (personal dictionary) and, when something has loaded it, the symbol
directory. The languages are the article's front matter `lang:` or the desk's setting.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock

from editor_app.core.changes import Changes
from editor_app.core.spelling import DEFAULT_LANGUAGES, SpellChecker, front_matter_languages, line_words, normalise
from editor_app.core.spelling.names import cached_directory_words, directory_words
from editor_app.core.spelling.personal import load_personal
from editor_app.store.settings import SettingsStore
from editor_app.store.spelling import SpellingWords
from editor_app.ui.common.text_positions import python_index

if TYPE_CHECKING:
    from editor_app.core.article import Article
    from editor_app.ui.main_window import MainWindow

SYNC_LIMIT_CHARS = 200_000  # up to here every line is checked while it is painted
TURN_BUDGET_S = 0.004  # UI-thread time per event-loop turn for lines not seen before (long articles)
REPAINT_BUDGET_S = 0.006  # per timer tick, repainting lines the worker found misspellings in
LINE_CACHE_LIMIT = 100_000
WORKER_SLICE_LINES = 100  # the worker yields the interpreter this often (pure-Python tokenising)

Spans = tuple[tuple[int, int], ...]


class SpellingController(QObject):
    checked = Signal()  # a background check was delivered and its lines queued for repainting

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.words = SpellingWords(window.store)
        self._told: set[str] = set()  # problems already shown in the status bar (once each)
        self._desk_languages: list[str] = list(DEFAULT_LANGUAGES)
        self._desk_words: list[str] = []
        self._read_desk()
        self.checker = self._new_checker(self._desk_languages)
        self._article_id: int | None = None
        self._lines: dict[str, Spans] = {}  # line text -> misspelt (start, end) ranges
        self._pending_lines: dict[str, None] = {}  # lines with words the worker must look up
        self._pending_blocks: set[int] = set()
        self._to_repaint: list[int] = []
        self._spent = 0.0
        self._article_due = False  # a long article's whole check is about to start
        self._generation = 0
        self._held: tuple[int, int] | None = None  # (block, column) of a word not squiggled while typed
        self._check_timer = QTimer(self, singleShot=True, interval=20)
        self._check_timer.timeout.connect(self._check_pending)
        self._repaint_timer = QTimer(self, interval=0)
        self._repaint_timer.timeout.connect(self._repaint_some)
        self._turn_timer = QTimer(self, singleShot=True, interval=0)
        self._turn_timer.timeout.connect(self._new_turn)

        from editor_app.ui.spelling.menu import SpellingMenu

        self.menu = SpellingMenu(self)
        window.highlighter.spell_marks = self.marks
        window.editor.cursorPositionChanged.connect(self._cursor_moved)
        window.article_loaded.connect(self.article_loaded)
        window.changes.changed.connect(self._on_store_changed)
        self.article_loaded(window.article)

    # ---------------------------------------------------------------------- set-up
    def _read_desk(self) -> None:
        try:
            self._desk_languages = SettingsStore(self.window.store).load().spelling
            self._desk_words = self.words.desk_words()
        except Exception as exc:  # a store that cannot be read still gets an editor
            self.window.statusBar().showMessage(f"Desk dictionary not read: {exc}", 10000)

    def _new_checker(self, languages: list[str]) -> SpellChecker:
        checker = SpellChecker(
            languages, desk_words=self._desk_words, personal_words=load_personal(), names=cached_directory_words
        )
        if checker.problem and checker.problem not in self._told:
            self._told.add(checker.problem)
            self.window.statusBar().showMessage(checker.problem, 15000)
        return checker

    def large(self) -> bool:
        return self.window.editor.document().characterCount() > SYNC_LIMIT_CHARS

    def article_loaded(self, article: Article | None) -> None:
        """New article: its languages and ignored words; a long one is checked on the worker
        (the highlighter paints it on the next event-loop turn)."""
        self._article_id = article.id if article is not None else None
        languages = front_matter_languages(article.body if article else "") or self._desk_languages
        if languages != self.checker.languages + self.checker.missing:
            self.checker = self._new_checker(languages)
        try:
            ignored = self.words.ignored(self._article_id)
        except Exception:
            ignored = []
        self.checker.set_words(ignored=ignored)
        self._forget()
        if article is not None and self.checker.available and self.large():
            lines = article.body.split("\n")
            # after the highlighter's first pass (queued when the document was set): the two
            # would only fight over the interpreter
            self._article_due = True

            def start() -> None:
                self._article_due = False
                self.window.tasks.run("spelling: article", lambda: self._check_lines(lines), self._deliver())

            QTimer.singleShot(0, start)
        self._load_names()

    def _load_names(self) -> None:
        """Company names as known words, once something else has loaded the symbol directory."""
        from editor_app.core.tickers.directory import loaded_directory

        if loaded_directory() is None or cached_directory_words() or self.window.tasks.pending("spelling: names"):
            return
        self.window.tasks.run("spelling: names", directory_words, lambda _words: self.refresh())

    def _forget(self) -> None:
        self._generation += 1  # answers still on their way were for another article or word list
        self._lines = {}
        self._pending_lines = {}
        self._pending_blocks = set()
        self._to_repaint = []

    def refresh(self) -> None:
        """Check everything again (the languages or the word lists changed wholesale)."""
        self._forget()
        self.checker.set_words()  # forget cached answers
        if self.window.highlighter.document() is not None:
            editor = self.window.editor
            blocked = editor.blockSignals(True)
            try:
                self.window.highlighter.rehighlight()
            finally:
                editor.blockSignals(blocked)
        if self.large() and self.checker.available:
            lines = self.window.editor.toPlainText().split("\n")
            self.window.tasks.run("spelling: article", lambda: self._check_lines(lines), self._deliver())

    # ------------------------------------------------------------ what the highlighter asks
    def marks(self, block: QTextBlock, text: str) -> Spans:
        """Misspelt ranges of the line, less the word being typed (the one the cursor ends)."""
        spans = self._marks(block, text)
        if not spans:
            return spans
        cursor = self.window.editor.textCursor()
        if cursor.hasSelection() or cursor.blockNumber() != block.blockNumber():
            return spans
        col = python_index(text, cursor.positionInBlock())
        kept = tuple(s for s in spans if s[1] != col)
        if len(kept) != len(spans):
            self._held = (block.blockNumber(), col)
        return kept

    def _cursor_moved(self) -> None:
        """The cursor left the word it was typing: paint that word's squiggle now."""
        if self._held is None:
            return
        cursor = self.window.editor.textCursor()
        text = cursor.block().text()
        if (cursor.blockNumber(), python_index(text, cursor.positionInBlock())) == self._held:
            return
        number, self._held = self._held[0], None
        block = self.window.editor.document().findBlockByNumber(number)
        if block.isValid() and self.window.highlighter.document() is not None:
            self.repaint(block)

    def _marks(self, block: QTextBlock, text: str) -> Spans:
        hit = self._lines.get(text)
        if hit is not None:
            return hit
        if not self.checker.available:
            return ()
        if not self.large():
            spans = tuple((w.start, w.end) for w in self.checker.check_line(text))
            self._remember(text, spans)
            return spans
        bad: list[tuple[int, int]] = []
        unknown = True
        if self._spent < TURN_BUDGET_S:
            t0 = time.perf_counter()
            unknown = False
            for w in line_words(text):
                known = self.checker.cached(w.word)
                if known is None:
                    unknown = True
                elif not known:
                    bad.append((w.start, w.end))
            self._spend(time.perf_counter() - t0)
            if not unknown:
                self._remember(text, tuple(bad))
        if unknown:
            self._pending_lines[text] = None
            self._pending_blocks.add(block.blockNumber())
            if not self._check_timer.isActive():
                self._check_timer.start(20)
        return tuple(bad)

    def _spend(self, seconds: float) -> None:
        self._spent += seconds
        if not self._turn_timer.isActive():
            self._turn_timer.start()

    def _new_turn(self) -> None:
        self._spent = 0.0

    def _remember(self, text: str, spans: Spans) -> None:
        if len(self._lines) >= LINE_CACHE_LIMIT:
            self._lines = {}
        self._lines[text] = spans

    # --------------------------------------------------------------------- the worker
    def _check_lines(self, lines: Iterable[str]) -> dict[str, Spans]:
        """On the worker: misspelt ranges of each line outside fenced code."""
        from editor_app.core.spelling.words import FenceTracker

        fences = FenceTracker()
        checker = self.checker
        out: dict[str, Spans] = {}
        for n, line in enumerate(lines):
            if fences.is_code(line) or line in out:
                continue
            out[line] = tuple((w.start, w.end) for w in checker.check_line(line))
            if n % WORKER_SLICE_LINES == 0:
                time.sleep(0.0005)  # let the UI thread have the interpreter: typing goes first
        return out

    def _check_pending(self) -> None:
        if self.window.tasks.pending("spelling: article"):
            self._check_timer.start(200)  # the whole article is being checked: wait for it
            return
        lines = [t for t in self._pending_lines if t not in self._lines]
        self._pending_lines = {}
        if not lines:
            self._checked_lines({})
            return
        checker = self.checker

        def work() -> dict[str, Spans]:
            return {line: tuple((w.start, w.end) for w in checker.check_line(line)) for line in lines}

        self.window.tasks.run(f"spelling: {len(lines)} lines at {time.monotonic()}", work, self._deliver())

    def _deliver(self):
        """The callback for a worker run started now: dropped if the article or the lists changed."""
        generation = self._generation

        def done(found: dict[str, Spans]) -> None:
            if generation == self._generation:
                self._checked_lines(found)

        return done

    def _checked_lines(self, found: dict[str, Spans]) -> None:
        """Worker answers: remember them, and repaint the waiting lines that have misspellings."""
        for text, spans in found.items():
            self._remember(text, spans)
        waiting, self._pending_blocks = self._pending_blocks, set()
        self._to_repaint.extend(sorted(waiting))
        if self._to_repaint and not self._repaint_timer.isActive():
            self._repaint_timer.start()
        self.checked.emit()

    def _repaint_some(self) -> None:
        """Repaint queued lines for a few milliseconds per tick (only those with squiggles)."""
        doc = self.window.editor.document()
        highlighter = self.window.highlighter
        deadline = time.perf_counter() + REPAINT_BUDGET_S
        while self._to_repaint and time.perf_counter() < deadline:
            block = doc.findBlockByNumber(self._to_repaint.pop())
            if not block.isValid():
                continue
            spans = self._lines.get(block.text())
            if spans is None:  # not checked yet (edited since): ask the highlighter again
                self._pending_lines[block.text()] = None
                self._pending_blocks.add(block.blockNumber())
                self._check_timer.start(20)
            elif spans and highlighter.document() is not None:
                self.repaint(block)
        if not self._to_repaint:
            self._repaint_timer.stop()

    def repaint(self, block: QTextBlock) -> None:
        """Paint one line again. Quietly: Qt reports a repaint as a text change, and the
        window would save, re-render and re-scan a long article for every squiggle."""
        editor = self.window.editor
        blocked = editor.blockSignals(True)
        try:
            self.window.highlighter.rehighlightBlock(block)
        finally:
            editor.blockSignals(blocked)

    def busy(self) -> bool:
        """Checks or repaints still to come (tests and benchmarks wait for False)."""
        return bool(
            self._pending_lines
            or self._pending_blocks
            or self._to_repaint
            or self._check_timer.isActive()
            or self._article_due
            or self.window.tasks.pending("spelling: article")
        )

    # ------------------------------------------------------------------ word lists
    def words_changed(self, words: Iterable[str]) -> None:
        """These words became right or wrong: repaint only the lines that hold them."""
        words = [w for w in words if w]
        if not words:
            return
        self._lines = {t: s for t, s in self._lines.items() if not any(w in t for w in words)}
        doc = self.window.editor.document()
        block = doc.begin()
        while block.isValid():
            text = block.text()
            if any(w in text for w in words):
                self._to_repaint.append(block.blockNumber())
                self._lines.pop(text, None)
            block = block.next()
        if self.large():  # the repaint loop checks what it finds unchecked on the worker
            self._repaint_timer.start()
        else:
            while self._to_repaint:
                b = doc.findBlockByNumber(self._to_repaint.pop())
                if b.isValid() and self.window.highlighter.document() is not None:
                    self.repaint(b)

    def _on_store_changed(self, changes: Changes) -> None:
        """Someone changed the desk dictionary or the languages (here, in another window)."""
        if not (changes.settings or changes.everything):
            return
        before_words, before_languages = set(self._desk_words), list(self._desk_languages)
        self._read_desk()
        if self._desk_languages != before_languages:
            self.article_loaded(self.window.article)
            self.refresh()
            return
        try:
            ignored = set(self.words.ignored(self._article_id))
        except Exception:
            ignored = set(self.checker.words("ignored"))
        changed = (set(self._desk_words) ^ before_words) | (ignored ^ self.checker.words("ignored"))
        if changed:
            self.checker.set_words(desk=self._desk_words, ignored=ignored)
            self.words_changed(changed)

    def reload_personal(self) -> None:
        """The personal dictionary file was edited (Desk Settings): repaint what it changed."""
        before = self.checker.words("personal")
        now = {normalise(w) for w in load_personal()}
        if now != before:
            self.checker.set_words(personal=now)
            self.words_changed(now ^ before)

    def shutdown(self) -> None:
        for timer in (self._check_timer, self._repaint_timer, self._turn_timer):
            timer.stop()
