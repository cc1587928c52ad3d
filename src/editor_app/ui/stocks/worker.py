"""The Stocks pane's worker: one daemon thread that loads the symbol directory, suggests
tags for the article's text and searches the directory, so the pane never waits for them;
queued jobs of one kind are merged and only the newest result is shown."""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QObject,
    Signal,
)

from editor_app.core.tickers.directory import Listing, SymbolDirectory
from editor_app.core.tickers.notation import render
from editor_app.core.tickers.suggest import suggest

MAX_SCAN_CHARS = 200_000  # a pasted book is scanned from its start; suggestions stay responsive
SEARCH_LIMIT = 25


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
class WorkerBridge(QObject):
    """Lives on the UI thread; the worker emits through it (queued to the UI thread)."""

    suggested = Signal(int, int, object)  # article id, generation, list[SuggestionItem] | str (error)
    searched = Signal(int, str, object)  # generation, query, list[Listing] | str (error)
    ready = Signal()


class TickerWorker:
    """One daemon thread with a job queue. Queued jobs of the same kind are merged (only the
    newest runs). A plain thread cannot abort the process if the window goes away mid-scan,
    which a running QThread being destroyed would."""

    def __init__(self, loader: Callable[[], SymbolDirectory], bridge: WorkerBridge) -> None:
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

    def _do_suggest(self, article_id: int, generation: int, text: str, day: dt.date | None = None) -> None:
        directory = self._directory_now()
        items = []
        for sug in suggest(text[:MAX_SCAN_CHARS], directory, day):
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
