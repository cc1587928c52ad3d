"""`editor-app tickers suggest|search`, in process and as a subprocess, without a display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from editor_app.cli import main

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
FORD_XIAOMI = ARTICLES / "ford_xiaomi_ev_talks.md"


def test_suggest_json(capsys):
    assert main(["tickers", "suggest", str(FORD_XIAOMI), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_symbol = {d["symbol"]: d for d in data}
    assert by_symbol["F"]["mic"] == "XNYS" and by_symbol["F"]["role"] == "about"
    assert by_symbol["1810"]["mic"] == "XHKG" and by_symbol["1810"]["name"] == "Xiaomi"
    assert by_symbol["TSLA"]["role"] == "mentions"
    for d in data:
        assert {"symbol", "mic", "name", "role", "count"} <= d.keys()
        assert d["count"] == len(d["mentions"]) >= 1


def test_suggest_human_output(capsys):
    assert main(["tickers", "suggest", str(FORD_XIAOMI)]) == 0
    out = capsys.readouterr().out
    assert "NYSE: F" in out and "HKEX: 1810" in out and "Related stocks:" in out


def test_suggest_no_companies(capsys):
    assert main(["tickers", "suggest", str(ARTICLES / "common_words.md"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["tickers", "suggest", str(ARTICLES / "common_words.md")]) == 0
    assert "No listed companies" in capsys.readouterr().out


def test_suggest_missing_file(capsys, tmp_path):
    assert main(["tickers", "suggest", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_suggest_non_utf8_file(capsys, tmp_path):
    bad = tmp_path / "latin1.md"
    bad.write_bytes("Société Générale et Renault".encode("latin-1"))
    assert main(["tickers", "suggest", str(bad)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_search_json(capsys):
    assert main(["tickers", "search", "Ford", "--json", "--limit", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) <= 3
    first = data[0]
    assert (first["symbol"], first["mic"], first["exchange"], first["primary"]) == ("F", "XNYS", "NYSE", True)
    assert {"name", "country", "currency"} <= first.keys()


def test_search_human_and_notation(capsys):
    assert main(["tickers", "search", "1810.HK"]) == 0
    out = capsys.readouterr().out
    assert "HKEX: 1810" in out and "Xiaomi" in out and "primary" in out


def test_search_nothing(capsys):
    assert main(["tickers", "search", "zzzzqqqq"]) == 1
    assert "No listing" in capsys.readouterr().out


def test_cli_subprocess_without_display():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "editor_app", "tickers", "suggest", str(FORD_XIAOMI), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    symbols = {(d["symbol"], d["mic"]) for d in json.loads(proc.stdout)}
    assert {("F", "XNYS"), ("1810", "XHKG")} <= symbols
    assert "PySide6" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "editor_app", "tickers", "search", "Xiaomi", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["symbol"] == "1810"


def test_core_imports_without_qt():
    code = (
        "import sys, editor_app.core.tickers as t, editor_app.commands.tickers; "
        "t.suggest('Ford rose.'); assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
