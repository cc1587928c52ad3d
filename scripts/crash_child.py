"""Child process for scripts/crash_trials.py: types into an article and autosaves until killed.

It uses the real Store and the app's write path without Qt: the "UI" loop appends text in
bursts (deterministic from --seed, so the parent can recompute every state), and a single
background writer thread calls `Store.save` every --save-ms, like ui/editor/autosave.py does. After
each commit it prints `SAVED <k> <sha256>`; each burst prints `TYPED <k> <unix time>`. With
--journal-root it also records the text in the RecoveryJournal every 300 ms (`JOURNAL <k>`)
and clears the saved part after each save, like ui/editor/recovery.py.

The text functions are imported by the parent, so keep them deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from editor_app.services.opening import open_store

_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz" * 4
    + "ABCDEFG     .,;:!?-\n\t*_[]#>`"
    + "éüßçøå€£¥"
    + "عربى"
    + "中文字"
    + "\u202e\u0301\u200d"
)
_EXTRAS = ("🚀", "👩‍💻", "\r\n", "\x00", "\ud800")  # emoji, ZWJ sequence, CRLF, NUL, lone surrogate


def chunk(seed: int, i: int) -> str:
    """The i-th burst of typing (i >= 1) in trial `seed`. Mostly a few words; now and then a paste."""
    rng = random.Random(seed * 1_000_003 + i)
    n = rng.randint(20_000, 60_000) if rng.random() < 0.03 else rng.randint(3, 90)
    text = "".join(rng.choice(_ALPHABET) for _ in range(n))
    if rng.random() < 0.2:
        text += rng.choice(_EXTRAS)
    return text


def normalized(text: str) -> str:
    from editor_app.core.text import normalize_for_store

    return normalize_for_store(text).text


def digest(text: str) -> str:
    return hashlib.sha256(normalized(text).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("store", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--save-ms", type=int, default=150)
    ap.add_argument("--journal-root", type=Path)
    ap.add_argument("--journal-ms", type=int, default=300)
    args = ap.parse_args(argv)

    out_lock = threading.Lock()

    def say(line: str) -> None:
        with out_lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    store = open_store(args.store, seed_sample=False)
    article = store.create(title=f"Crash trial {args.seed}")
    journal = None
    if args.journal_root:
        from editor_app.store.journal import RecoveryJournal

        journal = RecoveryJournal(args.store, root=args.journal_root)
    say(f"ARTICLE {article.id}")
    say("READY")

    rng = random.Random(args.seed)
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
    inflight: Future | None = None
    saved_queue: list[tuple[int, str]] = []
    k = 0
    text = ""
    now = time.monotonic()
    next_type = now
    next_save = now + args.save_ms / 1000
    next_journal = now + args.journal_ms / 1000
    saved_k = 0

    def save(seq: int, body: str) -> int:
        store.save(article.id, body=body)  # commits (synchronous=FULL, WAL) before returning
        say(f"SAVED {seq} {digest(body)}")
        with out_lock:
            saved_queue.append((seq, body))
        return seq

    while True:
        now = time.monotonic()
        if now >= next_type:
            k += 1
            text += chunk(args.seed, k)
            say(f"TYPED {k} {time.time():.6f}")
            next_type = now + rng.uniform(0.02, 0.08)
        if now >= next_save and k > saved_k:
            if inflight is None or inflight.done():
                if inflight is not None:
                    inflight.result()  # a failed save would end the run loudly
                inflight = writer.submit(save, k, text)
                saved_k = k
                next_save = now + args.save_ms / 1000
            else:
                next_save = now + 0.05
        if journal is not None:
            with out_lock:
                done, saved_queue[:] = list(saved_queue), []
            for _seq, body in done:  # the UI thread's `saved` handler
                journal.clear(article.id, saved={"body": normalized(body)})
            if now >= next_journal:
                if journal.record(article.id, {"body": text}):
                    say(f"JOURNAL {k}")
                next_journal = now + args.journal_ms / 1000
        time.sleep(0.005)


if __name__ == "__main__":
    sys.exit(main())
