"""Folder export of 1,000 articles (~5 KB of Markdown each; every third with two claims, every
other with two stock tags) with `export_many`: the child-process renderer, one page per article
and index.html, every file written atomically (temp file, fsync, rename). Target: <= 30 s.

Run: .venv/bin/python benchmarks/bench_export.py [--count N] [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article
from editor_app.core.article import Article, ArticleStatus
from editor_app.core.claims import Appearance, Claim, Response, Stance
from editor_app.core.export import ArticlePackage
from editor_app.core.export_batch import export_many
from editor_app.core.settings import DeskSettings
from editor_app.core.tickers.tags import TickerTag

TARGET_SECONDS = 30.0


def packages(count: int) -> list[ArticlePackage]:
    out = []
    for i in range(count):
        body = article(5_000, seed=i)
        claims: list[Claim] = []
        if i % 3 == 0:
            body = body.replace("held talks", "<!--claim c1-->held talks<!--/claim-->", 1)
            claims = [
                Claim(
                    key=f"c{k}",
                    wording=f"Company {i} held talks about claim {k}",
                    appearances=[
                        Appearance(
                            outlet="Financial Times",
                            url=f"https://example.com/ft/{i}",
                            date=date(2026, 11, 20),
                            is_first=True,
                        )
                    ],
                    responses=[
                        Response(party="Ford", stance=Stance.DENIES, quote="Not true."),
                        Response(party="Xiaomi", stance=Stance.DENIES, quote="No talks."),
                    ],
                )
                for k in (1, 2)
            ]
        tickers = (
            [
                TickerTag("F", "XNYS", "Ford Motor", "NYSE", "about"),
                TickerTag("1810", "XHKG", "Xiaomi", "HKEX", "mentions"),
            ]
            if i % 2 == 0
            else []
        )
        a = Article(
            id=i + 1,
            title=f"Market report {i + 1}: Ford and Xiaomi",
            dek="What moved today.",
            byline="Bench Desk",
            slug=f"market-report-{i + 1}",
            body=body,
            status=ArticleStatus.APPROVED,
        )
        a.tags = ["markets", "EV"]
        out.append(ArticlePackage(a, claims, tickers))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, help="keep the files here (default: a temporary folder)")
    args = parser.parse_args()
    pkgs = packages(args.count)
    md_bytes = sum(len(p.article.body.encode()) for p in pkgs)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_export_"))
    settings = DeskSettings(publisher="Bench News", site_base_url="https://news.example.com/")
    started = time.perf_counter()
    report = export_many(pkgs, out, overwrite=True, settings=settings)
    seconds = time.perf_counter() - started
    html_bytes = sum(p.stat().st_size for p in report.written)
    assert report.ok and len(report.files) == args.count, report.summary()
    print(
        f"articles: {args.count}, Markdown {md_bytes / 1e6:.1f} MB -> HTML {html_bytes / 1e6:.1f} MB "
        f"({len(report.written)} files incl. index.html)"
    )
    print(
        f"total: {seconds:.1f} s ({seconds / args.count * 1000:.1f} ms per article); "
        f"target <= {TARGET_SECONDS:.0f} s: {'met' if seconds <= TARGET_SECONDS else 'MISSED'}"
    )
    if args.out is None:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
