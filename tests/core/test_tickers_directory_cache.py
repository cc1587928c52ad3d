"""The symbol directory's warm-start cache: a second start reads what the first one derived, a
stale or damaged cache is ignored and rebuilt, and the cached directory answers like a fresh one."""

from __future__ import annotations

import shutil

import pytest

from editor_app.core.tickers import directory_cache
from editor_app.core.tickers.directory import SymbolDirectory
from editor_app.core.tickers.suggest import suggest
from editor_app.resources import resource_path

STORY = (
    "---\ntitle: Carmakers and chipmakers\ndate: 2024-03-01\n---\n\n"
    "Ford Motor Co (NYSE: F) said on Tuesday it would raise prices. Shares of Toyota Motor Corp "
    "( 7203.T ) rose, while Kohl's Corp (KSS) fell. Xiaomi (HKEX: 1810) and $TSLA were active.\n"
)


def _files(tmp_path):
    """A private copy of the shipped files, so a test can change them."""
    src = tmp_path / "symbols"
    src.mkdir()
    for name in ("directory.tsv.gz", "aliases.yaml"):
        shutil.copy(resource_path("symbols", name), src / name)
    return src / "directory.tsv.gz", src / "aliases.yaml"


def _answers(d: SymbolDirectory) -> list:
    """What a desk sees from a few lookups and a suggestion run."""
    out = []
    for query in ("F", "Ford", "HKEX: 1810", "Xiaomi", "Samsung Electronics", "Telsa", "BRK.B"):
        out.append([(h.symbol, h.mic, h.company, h.primary) for h in d.search(query, limit=5)])
    out.append([(s.listing.symbol, s.listing.mic, s.role, s.rule, s.count) for s in suggest(STORY, d)])
    out.append((len(d), d.issuer_count, len(d.aliases), d.alias_errors))
    return out


def _cache_files(folder):
    return sorted(folder.glob("symbol-directory-*.bin"))


@pytest.fixture(scope="module")
def fresh_answers():
    return _answers(SymbolDirectory.load(cache=False))


def test_second_start_reads_the_cache_and_answers_the_same(tmp_path, fresh_answers):
    path, aliases = _files(tmp_path)
    folder = tmp_path / "cache"
    first = SymbolDirectory.load(path, aliases, cache_dir=folder)
    assert len(_cache_files(folder)) == 1
    assert _answers(first) == fresh_answers
    # the second start comes from the cache: the parser is not used
    original = SymbolDirectory._parse
    SymbolDirectory._parse = classmethod(lambda cls, *a: pytest.fail("parsed again despite a valid cache"))
    try:
        second = SymbolDirectory.load(path, aliases, cache_dir=folder)
    finally:
        SymbolDirectory._parse = original
    assert _answers(second) == fresh_answers
    assert second.get("F").to_dict() == first.get("F").to_dict()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped byte", "empty"])
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path, fresh_answers, damage):
    path, aliases = _files(tmp_path)
    folder = tmp_path / "cache"
    SymbolDirectory.load(path, aliases, cache_dir=folder)
    (cache,) = _cache_files(folder)
    data = cache.read_bytes()
    if damage == "truncated":
        cache.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        cache.write_bytes(b"not a cache at all" * 100)
    elif damage == "flipped byte":
        pos = len(data) - 1000
        cache.write_bytes(data[:pos] + bytes([data[pos] ^ 0x20]) + data[pos + 1 :])
    else:
        cache.write_bytes(b"")
    again = SymbolDirectory.load(path, aliases, cache_dir=folder)
    assert _answers(again) == fresh_answers
    assert cache.read_bytes() == data  # rebuilt in place for the next start


def test_a_changed_directory_file_is_not_answered_from_the_old_cache(tmp_path):
    path, aliases = _files(tmp_path)
    folder = tmp_path / "cache"
    before = SymbolDirectory.load(path, aliases, cache_dir=folder)
    # the desk adds a press name to aliases.yaml
    text = aliases.read_text(encoding="utf-8")
    aliases.write_text(text + '\n- listing: "KO XNYS"\n  names: ["Coke Bottler Test Name"]\n', encoding="utf-8")
    after = SymbolDirectory.load(path, aliases, cache_dir=folder)
    assert after.alias_lookup("Coke Bottler Test Name").symbol == "KO"
    assert before.alias_lookup("Coke Bottler Test Name") is None
    assert len(_cache_files(folder)) == 2  # the old version's cache is kept (a branch side by side)


def test_a_cache_written_for_other_code_is_not_read(tmp_path, monkeypatch):
    path, aliases = _files(tmp_path)
    folder = tmp_path / "cache"
    SymbolDirectory.load(path, aliases, cache_dir=folder)
    monkeypatch.setattr(directory_cache, "CACHE_FORMAT", directory_cache.CACHE_FORMAT + 1)
    key = directory_cache.cache_key(path, aliases)
    assert directory_cache.read(key, folder) is None
    assert SymbolDirectory.load(path, aliases, cache_dir=folder).get("F").mic == "XNYS"
    assert directory_cache.read(key, folder) is not None


def test_an_unwritable_cache_folder_still_loads(tmp_path, fresh_answers):
    path, aliases = _files(tmp_path)
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    d = SymbolDirectory.load(path, aliases, cache_dir=blocker / "cache")
    assert _answers(d) == fresh_answers


def test_old_versions_are_pruned(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    for n in range(5):
        (folder / f"symbol-directory-old{n}.bin").write_bytes(b"old")
    path, aliases = _files(tmp_path)
    SymbolDirectory.load(path, aliases, cache_dir=folder)
    assert len(_cache_files(folder)) == directory_cache.KEEP_FILES
