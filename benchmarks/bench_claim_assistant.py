#!/usr/bin/env python3
"""Reporting assistant (issue 18): quality on the claims-dev corpus and time per 1,000 words.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_claim_assistant.py [--data DIR] [--errors]
The corpus and its scorer are read at run time from DIR (default /work/shared/data/claims-dev);
nothing of them is copied into the project. Each article is given to `propose()` as the Markdown
the scorer itself writes ("# title", blank line, paragraphs), the same text
`editor-app claims suggest FILE --json` would read. Figures go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import statistics
import time
from contextlib import redirect_stderr
from pathlib import Path

from editor_app.core.reporting import propose

DEFAULT_DATA = Path("/work/shared/data/claims-dev")
KEYS = ["claims", "responses", "responses_linked", "reporters"]


def load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("claims_dev_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with corpus.jsonl and score.py")
    ap.add_argument("--errors", action="store_true", help="print the scorer's per-article misses")
    ap.add_argument("--repeat", type=int, default=5, help="timing runs per article (median)")
    a = ap.parse_args()
    score = load_scorer(a.data)
    gold = [json.loads(line) for line in (a.data / "corpus.jsonl").open(encoding="utf-8") if line.strip()]

    tallies = {k: score.Tally() for k in KEYS + ["stance:" + s for s in score.STANCES]}
    tallies["_neg_total"] = tallies["_neg_with_pred"] = 0
    log = io.StringIO()
    total_ms = total_words = 0.0
    per_article: list[tuple[float, int]] = []
    for g in gold:
        md = score.markdown(g)
        times = []
        for _ in range(max(1, a.repeat)):
            start = time.perf_counter()
            proposals = propose(md)
            times.append((time.perf_counter() - start) * 1000)
        total_ms += statistics.median(times)
        total_words += len(md.split())
        per_article.append((statistics.median(times), len(md.split())))
        pred = score.normalize_pred({"claims": [p.to_dict() for p in proposals]})
        with redirect_stderr(log):
            score.score_article(g, pred, 0.5, tallies, lambda s: print(s, file=log))

    print(f"claims-dev: {len(gold)} articles, {int(total_words):,} words (scored by {a.data / 'score.py'})")
    print(f"{'':27s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/pred/gold")
    for k in KEYS + ["stance:" + s for s in score.STANCES]:
        d = tallies[k].as_dict()
        print(f"{k:27s} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}   {d['tp']}/{d['pred']}/{d['gold']}")
    neg_total, neg_pred = tallies["_neg_total"], tallies["_neg_with_pred"]
    print(f"negatives without a proposal: {neg_total - neg_pred}/{neg_total}")
    print(f"time: {total_ms / total_words * 1000:.1f} ms per 1,000 words (median of {a.repeat} runs per article)")
    slowest = max(per_article, key=lambda item: item[0] / item[1])
    print(f"slowest article: {slowest[0]:.1f} ms for {slowest[1]:,} words")
    whole = "\n\n".join(score.markdown(g) for g in gold)
    start = time.perf_counter()
    propose(whole)
    ms = (time.perf_counter() - start) * 1000
    print(
        f"all articles as one document ({len(whole.split()):,} words): {ms / len(whole.split()) * 1000:.1f} ms per 1,000 words"
    )
    if a.errors:
        print(log.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
