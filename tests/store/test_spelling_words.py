"""The desk dictionary and per-article ignores in the store, across reopening; migration 0008."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from editor_app.store.spelling import SpellingWords


def test_desk_dictionary_survives_reopen_and_is_shared(tmp_path: Path):
    path = tmp_path / "desk.sqlite"
    store = open_store(path, seed_sample=False)
    seen = []
    store.changes.listen(seen.append)
    try:
        article = store.create(title="Story", body="Body")
        words = SpellingWords(store)
        assert words.desk_words() == []
        assert words.add_desk_word("Zhangjiang", who="Ana") == "Zhangjiang"
        words.add_desk_word("Zhangjiang")  # twice is once
        words.add_desk_word("Qiang’s")
        words.ignore(article.id, "Wuxiang")
        assert any(c.settings for c in seen)
        with pytest.raises(ValueError):
            words.add_desk_word("two words")
        with pytest.raises(KeyError):
            words.ignore(999, "Wuxiang")
    finally:
        store.close()

    again = open_store(path, seed_sample=False)  # another person opening the same store
    try:
        words = SpellingWords(again)
        assert words.desk_words() == ["Qiang's", "Zhangjiang"]
        assert words.ignored(article.id) == ["Wuxiang"]
        assert "Wuxiang" not in words.desk_words()
        assert words.set_desk_words(["Zhangjiang", "Lujiazui"]) == ["Lujiazui", "Zhangjiang"]
        assert words.desk_words() == ["Lujiazui", "Zhangjiang"]
        assert words.remove_desk_word("Lujiazui") and words.desk_words() == ["Zhangjiang"]
        assert words.clear_ignored(article.id) == 1 and words.ignored(article.id) == []
    finally:
        again.close()
