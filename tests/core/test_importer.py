"""Reading files for import: front matter, first heading, encodings, hostile bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.importer import ImportFailed, NotUTF8Error, parse_markdown, read_article_file

FRONT = """---
title: Ford and Xiaomi deny report
dek: Both companies rejected it.
byline: Jane Doe
date: 2026-11-20
tickers: [F, 1810.HK]
tags: [autos, ev]
claims:
  - text: "Ford held preliminary talks with Xiaomi"
    anchor: "preliminary talks"
    responses:
      - {party: Ford, stance: denies, quote: "The report is false."}
---
Body with preliminary talks.
"""


def test_front_matter_is_read():
    p = parse_markdown(FRONT)
    assert (p.title, p.dek, p.byline, p.date) == (
        "Ford and Xiaomi deny report",
        "Both companies rejected it.",
        "Jane Doe",
        "2026-11-20",
    )
    assert p.tickers == ["F", "1810.HK"] and p.tags == ["autos", "ev"]
    assert p.claims[0]["anchor"] == "preliminary talks"
    assert p.body == "Body with preliminary talks.\n"


def test_first_heading_becomes_the_headline_without_front_matter():
    p = parse_markdown("# Xiaomi shares rise\n\nText.\n")
    assert p.title == "Xiaomi shares rise"
    assert p.body == "Text.\n"


def test_bad_front_matter_is_explained():
    with pytest.raises(ImportFailed, match="not valid YAML"):
        parse_markdown("---\ntitle: [unclosed\n---\nbody")
    with pytest.raises(ImportFailed, match="mapping"):
        parse_markdown("---\n- a list\n---\nbody")


def test_latin1_file_is_detected_and_can_be_decoded(tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_bytes(
        "# Café société\n\nPrix: 5 €? Non: 5 livres, façon ancienne.\n".replace("€", "E").encode("latin-1")
    )
    with pytest.raises(NotUTF8Error) as info:
        read_article_file(path)
    assert "not UTF-8" in str(info.value) and "--encoding" in str(info.value)
    parsed = read_article_file(path, encoding="latin-1")
    assert parsed.title == "Café société"
    assert "façon" in parsed.body


def test_binary_and_empty_files_are_refused(tmp_path: Path):
    z = tmp_path / "archive.md"
    z.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ImportFailed, match="ZIP"):
        read_article_file(z)
    db = tmp_path / "store.md"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(ImportFailed, match="SQLite"):
        read_article_file(db)
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    with pytest.raises(ImportFailed, match="empty"):
        read_article_file(empty)


def test_controls_bom_and_line_endings_are_cleaned_and_reported(tmp_path: Path):
    path = tmp_path / "wire.txt"
    path.write_bytes(
        b"\xef\xbb\xbf# Wire\r\n\r\nLine one\x00\x07 and\rline two\x85\n".replace(b"\x85", "\u0085".encode())
    )
    parsed = read_article_file(path)
    assert parsed.title == "Wire"
    assert parsed.body == "Line one and\nline two\n"
    joined = " ".join(parsed.notes)
    assert "byte-order mark" in joined and "line endings" in joined and "U+0000" in joined
