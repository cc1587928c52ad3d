"""`editor-app spell FILE --json` and the checklist's spelling item in `editor-app check`,
through cli.main with real Hunspell dictionaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.services.opening import open_store
from editor_app.store.spelling import SpellingWords

enchant = pytest.importorskip("enchant", reason="pyenchant (and libenchant-2-2) are needed: ./dev setup")
pytestmark = pytest.mark.skipif(
    not (enchant.dict_exists("en_US") and enchant.dict_exists("en_GB")), reason="hunspell-en-us/-en-gb: ./dev setup"
)

TEXT = (
    "---\nlang: en_GB\n---\n# Results\n\n"
    "The compnay’s colour was strnog, said Kwuntong Ltd (NYSE: F) in an e-mail to ir@example.com.\n"
    "```\nnot chekced\n```\n"
    "See https://exmple.com and <!--claim c1-->$TSLA rose<!--/claim--> 5bn in Q3.\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite"
    store = open_store(path, seed_sample=False)
    SpellingWords(store).add_desk_word("Kwuntong")
    store.create(title="Results", dek="A summary.", byline="Ana", body="The compnay grew.\n")
    store.close()
    return path


def test_spell_json_lists_unknown_words_with_offsets_and_suggestions(tmp_path, db, capsys):
    path = tmp_path / "story.md"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["--db", str(db), "spell", str(path), "--json", "--no-names"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["languages"] == ["en_GB"]
    assert [w["word"] for w in report["words"]] == ["compnay’s", "strnog"]
    first = report["words"][0]
    assert TEXT[first["offset"] : first["end"]] == "compnay’s"
    assert (first["line"], first["column"]) == (6, 5)
    assert "company's" in first["suggestions"]

    # the desk dictionary came from the store; without it Kwuntong is unknown too
    assert main(["--db", str(tmp_path / "empty.sqlite"), "spell", str(path), "--json", "--no-names"]) == 1
    assert "Kwuntong" in [w["word"] for w in json.loads(capsys.readouterr().out)["words"]]

    clean = tmp_path / "clean.md"
    clean.write_text("Colour and color are both right here.\n", encoding="utf-8")
    assert main(["--db", str(db), "spell", str(clean), "--lang", "en_US,en_GB", "--json", "--no-names"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 0
    assert main(["--db", str(db), "spell", str(tmp_path / "missing.md")]) == 2


def test_check_json_has_the_spelling_item(db, capsys):
    assert main(["--db", str(db), "check", "1", "--json"]) in (0, 1)
    items = {i["code"]: i for i in json.loads(capsys.readouterr().out)["items"]}
    assert items["spelling"]["level"] == "warning"
    assert items["spelling"]["message"] == "1 misspelt word: compnay."
    assert items["spelling"]["where"] == {"part": "body", "field": "spelling", "offset": 4, "line": 1}
