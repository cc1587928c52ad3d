#!/usr/bin/env python3
"""Stock tag accuracy on real news (issue 12): the real suggester over the news-dev corpus.

Reads ../shared/data/news-dev/ at run time (never copied into the project): each article is
written the way its scorer writes it (front matter with title and date, then the text), tagged
in-process by `suggest`, and scored with the corpus's own score.py (strict gold = about +
mentions; indirect and uncertain items neutral). Prints precision / recall / F1 overall, per
article category, recall per kind of gold label and false tags per suggestion rule, so a change
shows which failure class it moved.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_ticker_accuracy.py [--errors] [--ids a,b]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from editor_app.core.tickers.directory import SymbolDirectory, default_directory
from editor_app.core.tickers.suggest import suggest
from editor_app.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT.parent / "shared" / "data" / "news-dev"
_RIC = re.compile(r"\b[A-Z0-9&]{1,10}[a-z]?\.[A-Z]{1,2}\b")
_PAREN = re.compile(r"\((?:Symbol:\s*)?[A-Z]{1,5}(?:\.[A-Z])?\)|\b(?:NYSE|NASDAQ|Nasdaq|NYSEARCA)\s*:")


def load_scorer(corpus_dir: Path):
    spec = importlib.util.spec_from_file_location("news_dev_score", corpus_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def article_file(rec: dict, scorer) -> str:
    """The same Markdown layout the scorer (and the unseen set's scorer) hands a tagger."""
    date = scorer.iso_date(rec.get("published"))
    if date:
        return f"---\ntitle: {json.dumps(rec['title'])}\ndate: {date}\n---\n\n{rec['text']}\n"
    return f"# {rec['title']}\n\n{rec['text']}\n"


def gold_class(entry: dict) -> str:
    """The failure class a gold label tests, from its own fields and evidence."""
    ev = " ".join(entry.get("evidence") or [])
    if entry.get("instrument") == "ETF":
        return "etf"
    if entry.get("status") or entry.get("at_date"):
        return "point_in_time"
    if _RIC.search(ev):
        return "reuters_ric"
    if _PAREN.search(ev):
        return "name_ticker"
    if entry.get("exchange_mic") not in ("XNYS", "XNAS", "ARCX", "XASE"):
        return "non_us_name"
    return "us_name"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR)
    ap.add_argument("--ids", help="comma-separated subset of article ids")
    ap.add_argument("--errors", action="store_true", help="list every false tag and miss")
    ap.add_argument("--require-mic", action="store_true", help="a hit must also name the right market")
    a = ap.parse_args()
    if not (a.corpus_dir / "corpus.jsonl").is_file():
        print(f"no corpus at {a.corpus_dir}", file=sys.stderr)
        return 2
    scorer = load_scorer(a.corpus_dir)
    recs = [json.loads(line) for line in (a.corpus_dir / "corpus.jsonl").open(encoding="utf-8") if line.strip()]
    if a.ids:
        want = set(a.ids.split(","))
        recs = [r for r in recs if r["id"] in want]
    directory = default_directory()
    suggest("warm up: Ford Motor Co (NYSE: F)", directory)

    total = Counter()
    by_cat: dict[str, Counter] = defaultdict(Counter)
    gold_by_class: dict[str, Counter] = defaultdict(Counter)
    fp_by_rule: Counter = Counter()
    tp_by_rule: Counter = Counter()
    ms_per_kword: list[float] = []
    errors: list[str] = []
    for rec in recs:
        text = article_file(rec, scorer)
        start = time.perf_counter()
        sugs = suggest(text, directory)
        ms = (time.perf_counter() - start) * 1000
        ms_per_kword.append(ms / max(1, len(text.split())) * 1000)
        gold = [e for e in rec["about"] + rec["mentions"] if not e.get("uncertain")]
        indirect = rec.get("indirect") or []
        neutral_keys = [
            k
            for e in rec["about"] + rec["mentions"] + indirect
            if e.get("uncertain") or e in indirect
            for k in scorer.keys(e)
        ]
        hit: set[int] = set()
        fps = 0
        seen: set[tuple] = set()
        for s in sugs:
            d = s.to_dict()
            g = scorer.norm(d["symbol"], d["mic"])
            if g in seen:
                continue
            seen.add(g)
            match = [i for i, e in enumerate(gold) if any(scorer.same(g, k, a.require_mic) for k in scorer.keys(e))]
            if match:
                hit.update(match)
                tp_by_rule[d.get("rule", "?")] += 1
            elif any(scorer.same(g, k, a.require_mic) for k in neutral_keys):
                total["neutral"] += 1
            else:
                fps += 1
                fp_by_rule[d.get("rule", "?")] += 1
                ev = "; ".join(f"{x['text']!r}" for x in d.get("evidence", [])[:2])
                errors.append(f"{rec['id']}: false {d['mic']}:{d['symbol']} {d['name']} [{d.get('rule')}] {ev}")
        misses = [e for i, e in enumerate(gold) if i not in hit]
        for e in misses:
            errors.append(
                f"{rec['id']}: missed {e['ticker']} {e['name']} <{gold_class(e)}> {(e.get('evidence') or [''])[0]!r}"
            )
        for i, e in enumerate(gold):
            gold_by_class[gold_class(e)]["hit" if i in hit else "miss"] += 1
        counts = Counter(tp=len(hit), fp=fps, fn=len(misses))
        total.update(counts)
        for cat in rec.get("categories") or ["uncategorised"]:
            by_cat[cat].update(counts)
        if not rec["about"] and not rec["mentions"]:
            total["no_tag_articles"] += 1
            total["no_tag_articles_with_false_tags"] += bool(fps)

    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(
        f"news-dev: {len(recs)} articles  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
        f"(tp {total['tp']}, fp {total['fp']}, fn {total['fn']}, neutral {total['neutral']}); "
        f"no-tag articles with false tags: {total['no_tag_articles_with_false_tags']}/{total['no_tag_articles']}"
    )
    print("\nper article category (an article counts in each of its categories):")
    for cat, c in sorted(by_cat.items()):
        cp, cr, cf = prf(c["tp"], c["fp"], c["fn"])
        print(f"  {cat:<30} P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    print("\nrecall per kind of gold label:")
    for cls, c in sorted(gold_by_class.items()):
        n = c["hit"] + c["miss"]
        print(f"  {cls:<30} {c['hit'] / n:.3f}  ({c['hit']}/{n})")
    print("\ntags per suggestion rule (true / false):")
    for rule in sorted(tp_by_rule.keys() | fp_by_rule.keys(), key=lambda r: -tp_by_rule[r] - fp_by_rule[r]):
        print(f"  {rule:<30} {tp_by_rule[rule]:>4} / {fp_by_rule[rule]}")
    print(
        f"\nsuggest speed, first pass: median {statistics.median(ms_per_kword):.2f} ms, "
        f"max {max(ms_per_kword):.2f} ms per 1,000 words"
    )
    texts = [article_file(rec, scorer) for rec in recs]
    words = sum(len(t.split()) for t in texts) / 1000
    passes = []
    for _ in range(5):
        start = time.perf_counter()
        for t in texts:
            suggest(t, directory)
        passes.append((time.perf_counter() - start) * 1000 / words)
    per_article = []
    for t in texts:
        start = time.perf_counter()
        suggest(t, directory)
        per_article.append((time.perf_counter() - start) * 1000 / max(1, len(t.split())) * 1000)
    print(
        f"suggest speed, warm: {statistics.median(passes):.2f} ms per 1,000 words over the corpus "
        f"(median of 5 passes), worst article {max(per_article):.2f} ms per 1,000 words"
    )
    size = sum(p.stat().st_size for p in resource_path("symbols").iterdir() if p.is_file())
    loads, parses = [], []
    for _ in range(3):
        start = time.perf_counter()
        SymbolDirectory.load()  # the app's second and later starts: from the warm-start cache
        loads.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        SymbolDirectory.load(cache=False)
        parses.append((time.perf_counter() - start) * 1000)
    print(
        f"directory: resources/symbols {size / 1e6:.2f} MB, load {statistics.median(loads):.0f} ms warm "
        f"(from the cache), {statistics.median(parses):.0f} ms parsing the file "
        f"(median of 3; {len(directory):,} listings, {directory.issuer_count:,} issuers)"
    )
    if a.errors:
        print("\n" + "\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
