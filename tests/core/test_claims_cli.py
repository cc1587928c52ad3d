"""`editor-app claims suggest FILE --json`, in process and without a display."""

from __future__ import annotations

import json

from editor_app.cli import main

BODY = (
    "# Ford and Xiaomi\n\n"
    "A report in the Financial Times said Ford held talks with Xiaomi about building electric cars. "
    "Ford denied the report, calling it false. Xiaomi said it was not negotiating such a deal.\n"
)


def test_suggest_json_offsets_are_into_the_text_after_front_matter(tmp_path, capsys):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Ford and Xiaomi\ntags: [autos]\n---\n" + BODY, encoding="utf-8")
    assert main(["claims", "suggest", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["claims"]
    [claim] = data["claims"]
    assert set(claim) == {"text", "start", "end", "reported_by", "responses"}
    assert BODY[claim["start"] : claim["end"]] == claim["text"]
    [reporter] = claim["reported_by"]
    assert set(reporter) == {"who", "start", "end"}
    assert BODY[reporter["start"] : reporter["end"]] == reporter["who"] == "Financial Times"
    assert {(r["party"], r["stance"]) for r in claim["responses"]} == {("Ford", "denies"), ("Xiaomi", "denies")}
    for r in claim["responses"]:
        assert set(r) == {"party", "stance", "quote", "start", "end"}
        assert BODY[r["start"] : r["end"]] == r["quote"]


def test_suggest_human_output_names_the_status(tmp_path, capsys):
    path = tmp_path / "story.md"
    path.write_text(BODY, encoding="utf-8")
    assert main(["claims", "suggest", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Denied" in out and "Financial Times" in out


def test_no_claims_prints_an_empty_list(tmp_path, capsys):
    path = tmp_path / "plain.md"
    path.write_text("The company said sales rose.\n", encoding="utf-8")
    assert main(["claims", "suggest", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"claims": []}


def test_not_utf8_is_a_clear_message_and_exit_code_2(tmp_path, capsys):
    path = tmp_path / "latin1.md"
    path.write_bytes("Caf\xe9 story said to be false".encode("latin-1"))
    assert main(["claims", "suggest", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "latin1.md" in err


def test_missing_file_is_exit_code_2(tmp_path, capsys):
    assert main(["claims", "suggest", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err
