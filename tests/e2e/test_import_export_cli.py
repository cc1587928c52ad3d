"""The command line end to end, no display: import (front matter, encodings, binary files,
nothing half-imported) and export of several articles into a folder with an index."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from tests.e2e.export_support import FULL_ARTICLE, parse_page, run_cli, set_status


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite"
    open_store(path, seed_sample=False).close()
    return path


def _count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _show(db: Path, article_id: int) -> dict:
    return json.loads(run_cli("show", str(article_id), "--json", db=db, check=True).stdout)


def test_import_reads_front_matter_claims_tickers_and_tags(db: Path, tmp_path: Path):
    src = tmp_path / "full.md"
    src.write_text(FULL_ARTICLE, encoding="utf-8")
    proc = run_cli("import", str(src), "--json", db=db, check=True)
    [result] = json.loads(proc.stdout)
    assert result["claims"] == 2 and result["tickers"] == ["NYSE: F", "HKEX: 1810"]
    shown = _show(db, result["id"])
    assert shown["title"] == "Ford and Xiaomi deny report of talks on a US electric-vehicle venture"
    assert shown["byline"] == "Jane Doe and Max Mustermann"
    assert "<!--claim c1-->held preliminary talks with Xiaomi<!--/claim-->" in shown["body"]

    store = open_store(db)
    try:
        assert store.get(result["id"]).tags == ["EV", "Autos", "electric vehicles"]
    finally:
        store.close()


def test_first_heading_becomes_the_headline_without_front_matter(db: Path, tmp_path: Path):
    src = tmp_path / "plain.md"
    src.write_text("# Banks beat estimates\n\nJPMorgan reported...\n", encoding="utf-8")
    [result] = json.loads(run_cli("import", str(src), "--json", db=db, check=True).stdout)
    assert result["title"] == "Banks beat estimates"
    assert _show(db, result["id"])["body"].startswith("JPMorgan reported")


def test_latin1_is_refused_without_encoding_and_accepted_with_it(db: Path, tmp_path: Path):
    src = tmp_path / "latin.txt"
    src.write_bytes("# Société Générale résultats\n\nLe bénéfice a progressé de 5 %.\n".encode("latin-1"))
    before = _count(db)
    proc = run_cli("import", str(src), db=db)
    assert proc.returncode == 1
    assert "not UTF-8" in proc.stderr and "--encoding" in proc.stderr
    assert _count(db) == before
    [result] = json.loads(run_cli("import", str(src), "--encoding", "latin-1", "--json", db=db, check=True).stdout)
    assert result["title"] == "Société Générale résultats"
    assert any("latin-1" in w for w in result["warnings"])  # the writer is told how it was read
    assert _count(db) == before + 1


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "PNG image"),
        (b"PK\x03\x04" + b"\x00" * 300, "ZIP"),
        (b"\x00\x01\x02\x03" * 1000, "binary data"),
        (b"", "empty"),
    ],
)
def test_binary_and_empty_files_are_refused_and_nothing_is_imported(db: Path, tmp_path: Path, content, needle):
    src = tmp_path / "not-text.md"
    src.write_bytes(content)
    before = _count(db)
    proc = run_cli("import", str(src), db=db)
    assert proc.returncode == 1
    assert needle in proc.stderr
    assert _count(db) == before


def test_a_failing_file_among_good_ones_leaves_no_half_article(db: Path, tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text("# Good one\n\nText.\n", encoding="utf-8")
    bad = tmp_path / "bad.md"  # front matter whose claim cannot be read: fails after parsing
    bad.write_text("---\ntitle: Bad\nclaims:\n  - reported_by: FT\n---\nBody\n", encoding="utf-8")
    before = _count(db)
    proc = run_cli("import", str(good), str(bad), "--json", db=db)
    assert proc.returncode == 1
    assert "bad.md" in proc.stderr and "needs a 'text'" in proc.stderr
    assert [r["title"] for r in json.loads(proc.stdout)] == ["Good one"]
    assert _count(db) == before + 1
    titles = [r["title"] for r in json.loads(run_cli("list", "--json", db=db, check=True).stdout)]
    assert "Bad" not in titles


def _create(db: Path, *titles: str) -> list[int]:
    store = open_store(db)
    try:
        return [store.create(title=t, dek=f"Dek of {t}", body=f"Body of **{t}**.").id for t in titles]
    finally:
        store.close()


def test_export_of_several_ids_writes_files_and_an_index(db: Path, tmp_path: Path):
    ids = _create(db, "Ford earnings", "Xiaomi earnings", "Tesla recall")
    out = tmp_path / "site"
    proc = run_cli("export", *map(str, ids[:2]), "--out", str(out), db=db, check=True)
    written = [Path(p) for p in proc.stdout.split()]
    assert [p.name for p in written] == ["ford-earnings.html", "xiaomi-earnings.html", "index.html"]
    assert "[1/2] Ford earnings" in proc.stderr and "[2/2] Xiaomi earnings" in proc.stderr  # progress on stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    hrefs = [a["href"] for t, a in parse_page(index).tags if t == "a"]
    assert hrefs == ["ford-earnings.html", "xiaomi-earnings.html"]
    assert "Dek of Xiaomi earnings" in index and "<script" not in index
    assert not list(out.glob(".*.tmp"))  # atomic writes leave no temp files


def test_export_by_status_and_existing_files_need_force(db: Path, tmp_path: Path):
    ids = _create(db, "Approved one", "Approved two", "Still a draft")
    for aid in ids[:2]:
        set_status(db, aid, "approved")
    out = tmp_path / "approved"
    proc = run_cli("export", "--status", "approved", "--out", str(out), "--json", db=db, check=True)
    report = json.loads(proc.stdout)
    assert sorted(Path(f["path"]).name for f in report["files"]) == ["approved-one.html", "approved-two.html"]
    assert report["index"] == str(out / "index.html")
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    again = run_cli("export", "--status", "approved", "--out", str(out), db=db)
    assert again.returncode == 1
    assert "already exist" in again.stderr and "--force" in again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before  # nothing touched

    forced = run_cli("export", "--status", "approved", "--out", str(out), "--force", db=db, check=True)
    assert "index.html" in forced.stdout


def test_collisions_get_numbered_file_names(tmp_path: Path):
    from editor_app.core.article import Article
    from editor_app.core.export import ArticlePackage
    from editor_app.core.export_batch import export_many, file_names
    from editor_app.core.render import render_markdown
    from editor_app.core.render_process import RenderOutcome

    class InProcess:
        def render(self, text: str, budget: float | None = None) -> RenderOutcome:
            return RenderOutcome("ok", html=render_markdown(text))

    packages = [
        ArticlePackage(Article(id=i, title=t, slug=s, body=f"Body {i}"))
        for i, (t, s) in enumerate([("A", "Report"), ("B", "report"), ("C", "index"), ("D", "report-2"), ("E", "")], 1)
    ]
    assert file_names(packages) == ["report.html", "report-3.html", "index-2.html", "report-2.html", "e.html"]
    out = tmp_path / "collide"
    report = export_many(packages, out, renderer=InProcess())
    assert report.ok
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["report.html", "report-3.html", "index-2.html", "report-2.html", "e.html", "index.html"]
    )
    assert "Body 2" in (out / "report-3.html").read_text(encoding="utf-8")
    # asked once, with the full list; "no" writes nothing
    asked: list[list[Path]] = []
    refused = export_many(packages, out, renderer=InProcess(), overwrite=lambda paths: asked.append(paths) or False)
    assert refused.refused and not refused.files and len(asked) == 1 and len(asked[0]) == 6
    # cancel between files: what was written is whole, nothing half-written, no index
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    fresh = tmp_path / "cancelled"
    cancelled = export_many(packages, fresh, renderer=InProcess(), should_cancel=cancel_after_two)
    assert cancelled.cancelled and len(cancelled.files) == 2 and cancelled.index is None
    assert sorted(p.name for p in fresh.iterdir()) == ["report-3.html", "report.html"]


def test_export_of_an_unknown_id_fails_clearly(db: Path, tmp_path: Path):
    proc = run_cli("export", "999", "--out", str(tmp_path / "x"), db=db)
    assert proc.returncode == 1 and "no article with id 999" in proc.stderr
    proc = run_cli("export", "--out", str(tmp_path / "x"), db=db)
    assert proc.returncode == 2


def test_an_unclosed_script_tag_in_copy_exports_every_paragraph_and_check_warns(db: Path, tmp_path: Path):
    src = tmp_path / "tags.md"
    src.write_text(
        "# Tags in copy\n\nStocks rose on Tuesday. Use <script> tags carefully.\n\n"
        "Ford shares fell 2 percent in New York.\n\nXiaomi declined to comment.\n",
        encoding="utf-8",
    )
    [result] = json.loads(run_cli("import", str(src), "--json", db=db, check=True).stdout)
    out = tmp_path / "out"
    run_cli("export", str(result["id"]), "--out", str(out), db=db, check=True)
    [page] = [p for p in out.glob("*.html") if p.name != "index.html"]
    html = page.read_text(encoding="utf-8")
    assert "Use &lt;script&gt; tags carefully." in html
    assert "Ford shares fell 2 percent in New York." in html and "Xiaomi declined to comment." in html
    checked = run_cli("check", str(result["id"]), db=db)
    assert "is shown as text" in checked.stdout + checked.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_exported_files_respect_the_umask(db: Path, tmp_path: Path, umask: int, mode: int):
    """Issue 19: pages were written 0600, unreadable by a web server or a colleague."""
    import subprocess
    import sys

    [article_id] = _create(db, "Ford earnings")
    out = tmp_path / f"site-{umask:o}"
    code = (
        f"import os, sys; os.umask({umask}); from editor_app.cli import main; "
        f"sys.exit(main(['--db', {str(db)!r}, 'export', '{article_id}', '--out', {str(out)!r}]))"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=180)
    written = sorted(out.glob("*.html"))
    assert [p.name for p in written] == ["ford-earnings.html"]
    assert {p.stat().st_mode & 0o777 for p in written} == {mode}
