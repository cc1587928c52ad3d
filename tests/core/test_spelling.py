"""Spell check without Qt: what is never checked, several languages at once, word lists, the
personal dictionary. Real Hunspell dictionaries through Enchant (Debian hunspell-en-us/-en-gb)."""

from __future__ import annotations

import pytest

from editor_app.core.spelling import SpellChecker, front_matter_languages, line_words, parse_languages, text_words
from editor_app.core.spelling.checker import name_words
from editor_app.core.spelling.personal import add_personal, load_personal, personal_path

enchant = pytest.importorskip("enchant", reason="pyenchant (and libenchant-2-2) are needed: ./dev setup")
needs_en = pytest.mark.skipif(
    not (enchant.dict_exists("en_US") and enchant.dict_exists("en_GB")),
    reason="hunspell-en-us and hunspell-en-gb are needed: ./dev setup",
)


def words(line: str) -> list[str]:
    return [w.word for w in line_words(line)]


def test_offsets_point_at_the_words():
    line = "The *compnay* said [its plan](https://example.com/plan) works."
    for w in line_words(line):
        assert line[w.start : w.end] == w.word
    assert words(line) == ["The", "compnay", "said", "its", "plan", "works"]


@pytest.mark.parametrize(
    "line",
    [
        "Run `mispeled --flagz` first",
        "See https://exampel.com/pathh?quux=1 and www.exampel.org/docss",
        "Write to desk.editorr@exampel.com today",
        "<!--claim c1-->Words<!--/claim--> and <!--claimm c2-->",
        "Shares of $TSLAQ and $Fxx fell",
        "Xiaomi (HKEX: 1810) and Ford (NYSE: F) and 1810.HK and BRK.B",
        "Costs fell 5bn to 10km and 3.5kwh in Q3 and H1 2025-26",
        "The HKEX said IPOs by SFC and CSRC",
        "[^nte] and {#anchr .clss} and &nbsp; and #hashtagg and @handlle",
    ],
)
def test_what_is_not_prose_is_never_a_word(line):
    found = words(line)
    for bad in ("mispeled", "flagz", "exampel", "pathh", "quux", "docss", "editorr", "claimm", "TSLAQ", "Fxx"):
        assert bad not in found
    for bad in ("HKEX", "NYSE", "HK", "BRK", "bn", "km", "kwh", "IPOs", "SFC", "nte", "anchr", "clss", "hashtagg"):
        assert bad not in found
    assert "handlle" not in found and "nbsp" not in found


def test_fenced_code_and_front_matter_are_skipped():
    text = "---\nlang: en_GB\ntitle: Teh headline\n---\nIntro\n```python\nx = mispeled()\n```\nAfter\n~~~~\n~~~\nstill codde\n~~~~\nEnd"
    assert [w.word for w in text_words(text)] == ["Intro", "After", "End"]
    for w in text_words(text):
        assert text[w.start : w.end] == w.word
    assert front_matter_languages(text) == ["en_GB"]


def test_indented_code_is_skipped_but_not_a_list_items_paragraph_or_a_lazy_line():
    text = (
        "Intro.\n\n    x = mispeled()\n\n\tmore codde\nBack.\n\n- An item.\n\n    Its paragrph.\n\n"
        "Plain text\n    continued lineee\n"
    )
    assert [w.word for w in text_words(text)] == [
        "Intro", "Back", "An", "item", "Its", "paragrph", "Plain", "text", "continued", "lineee",
    ]  # fmt: skip


def test_language_tags():
    assert parse_languages("en-GB, en_us zh") == ["en_GB", "en_US", "zh"]
    assert parse_languages("!! en_US_x") == []
    assert front_matter_languages("No front matter\nlang: de") == []


@needs_en
def test_a_word_is_right_if_any_language_accepts_it():
    us = SpellChecker(["en_US"])
    both = SpellChecker(["en_US", "en_GB"])
    assert not us.is_known("colour") and us.is_known("color")
    assert both.is_known("colour") and both.is_known("color") and both.is_known("realise")
    assert not both.is_known("recieve")
    assert "receive" in both.suggestions("recieve")
    assert both.languages == ["en_US", "en_GB"] and both.available and not both.problem


@needs_en
def test_misspellings_of_a_text_with_offsets():
    checker = SpellChecker(["en_US", "en_GB"])
    text = "The board met on Tuesday.\n\nIts chairman said the compnay’s results were strnog.\n"
    found = checker.check_text(text)
    assert [w.word for w in found] == ["compnay’s", "strnog"]
    assert all(text[w.start : w.end] == w.word for w in found)


@needs_en
def test_desk_personal_ignored_and_directory_names():
    checker = SpellChecker(["en_US"], desk_words=["Zhangjiang"], personal_words=["ebitda"], ignored=["Qiang"])
    assert checker.is_known("Zhangjiang") and checker.is_known("Qiang")
    assert checker.is_known("ebitda") and checker.is_known("Ebitda")  # lower-case entries accept capitals
    assert not checker.is_known("Wuxiang")
    checker.set_words(desk=["Wuxiang"])
    assert checker.is_known("Wuxiang") and not checker.is_known("Zhangjiang")
    names = name_words(["Sunny Optical Technology (Group) Company Limited", "TENCENT HOLDINGS"])
    with_names = SpellChecker(["en_US"], names=lambda: names)
    assert with_names.is_known("Tencent") and with_names.is_known("Optical")


def test_missing_dictionary_says_so_and_accepts_everything():
    checker = SpellChecker(["xx_YY"])
    assert not checker.available
    assert "xx_YY" in checker.problem
    assert checker.check_text("Compleetly wroong") == [] and checker.is_known("wroong")


def test_personal_dictionary_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_personal() == []
    with pytest.raises(ValueError):
        add_personal("two words")
    assert add_personal("Zhangjiang") == ["Zhangjiang"]
    add_personal("Qiang’s")
    assert load_personal() == ["Qiang's", "Zhangjiang"]
    assert personal_path().parent == tmp_path / "editor_app"


@needs_en
def test_checklist_spelling_item_counts_and_points_at_the_first():
    from editor_app.core.article import Article
    from editor_app.core.checklist import run_checklist
    from editor_app.core.export import ArticlePackage

    body = "Intro.\n\nThe compnay said its strnog results, the compnay added.\n"
    checker = SpellChecker(["en_US"])
    package = ArticlePackage(Article(title="T", dek="D", byline="B", body=body))
    items = [i for i in run_checklist(package, misspelt=checker.check_text(body)) if i.code == "spelling"]
    assert len(items) == 1 and items[0].level == "warning"
    assert items[0].message == "3 misspelt words: compnay, strnog."
    assert items[0].where.offset == body.index("compnay") and items[0].where.line == 3
    assert [i.code for i in run_checklist(package, misspelt=[])] == []


def test_company_names_of_the_bundled_directory_are_known_words():
    from editor_app.core.spelling.names import directory_words
    from editor_app.core.tickers.directory import default_directory

    words = directory_words(default_directory())
    assert "xiaomi" in {w.casefold() for w in words}
