"""`editor-app show ID --json` carries the article's words, its length target and its outline."""

from __future__ import annotations

import json
from pathlib import Path

from editor_app.services.opening import open_store
from tests.e2e.export_support import run_cli

BODY = "The board met on Monday.\n\n## Fees\n\nFees rose by a tenth.\n\n### Shippers\n\nThey will pass it on.\n"


def test_show_json_has_words_target_and_outline(tmp_path: Path):
    db = tmp_path / "cli.sqlite"
    store = open_store(db, seed_sample=False)
    try:
        article = store.create(title="Harbour fees", body=BODY)
        store.save(article.id, word_target="600")
    finally:
        store.close()
    shown = json.loads(run_cli("show", str(article.id), "--json", db=db, check=True).stdout)
    assert shown["word_target"] == 600
    assert shown["words"] == 5 + 6 + 6
    assert shown["outline"] == [
        {"level": 2, "title": "Fees", "line": 3, "words": 6, "total_words": 12, "claims": []},
        {"level": 3, "title": "Shippers", "line": 7, "words": 6, "total_words": 6, "claims": []},
    ]


def test_show_prints_words_against_the_target(tmp_path: Path):
    db = tmp_path / "cli.sqlite"
    store = open_store(db, seed_sample=False)
    try:
        article = store.create(title="Harbour fees", body=BODY)
        store.save(article.id, word_target="1500")
    finally:
        store.close()
    out = run_cli("show", str(article.id), db=db, check=True).stdout
    assert "17 / 1,500 words" in out
