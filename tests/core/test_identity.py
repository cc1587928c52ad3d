"""Who is acting: one name per OS account (identity.json), then EDITOR_APP_USER, then the legacy
store-wide desk user, then the login name (issue "the first hour at the desk": everyone was root)."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

import pytest

from editor_app.core import identity
from editor_app.core.identity import (
    IdentityError,
    acting_user,
    clean_name,
    identity_path,
    name_or_acting,
    save_name,
    saved_name,
)
from editor_app.core.settings import DeskSettings


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("EDITOR_APP_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    return home


def test_save_and_read_back_in_the_user_config_dir(config: Path):
    assert saved_name() == "" and acting_user() == "root"
    path = save_name("  Dana \t Reporter ")
    assert path == config / "editor_app" / "identity.json" == identity_path()
    assert json.loads(path.read_text(encoding="utf-8")) == {"name": "Dana Reporter"}
    assert saved_name() == "Dana Reporter" and acting_user() == "Dana Reporter"
    save_name("Dana Q. Reporter")  # replaced, not appended
    assert saved_name() == "Dana Q. Reporter"
    assert [p.name for p in path.parent.iterdir()] == ["identity.json"]  # no temp file left behind


def test_names_in_other_scripts_survive_the_round_trip(config: Path):
    save_name("Zoë Łukasiewicz-Ōtani 李")
    assert saved_name() == "Zoë Łukasiewicz-Ōtani 李"


def test_order_saved_then_env_then_legacy_then_login_then_unknown(config: Path, monkeypatch):
    assert acting_user("Desk One") == "Desk One"  # legacy store-wide name beats the login
    monkeypatch.setenv("EDITOR_APP_USER", "  Env   Person ")
    assert acting_user("Desk One") == "Env Person"
    save_name("Dana Reporter")
    assert acting_user("Desk One") == "Dana Reporter"  # the per-account name wins
    assert name_or_acting("ed", "Desk One") == "ed"  # an explicit name (--who) wins over all
    identity_path().unlink()
    monkeypatch.delenv("EDITOR_APP_USER")
    assert acting_user() == "root"

    def boom() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", boom)
    assert acting_user() == "unknown" and identity.login_name() == ""


def test_desk_settings_user_goes_through_the_identity(config: Path):
    assert DeskSettings().user == "root"
    assert DeskSettings(desk_user="Desk One").user == "Desk One"
    save_name("Dana Reporter")
    assert DeskSettings(desk_user="Desk One").user == "Dana Reporter"


def test_a_damaged_identity_file_reads_as_no_name(config: Path):
    path = identity_path()
    path.parent.mkdir(parents=True)
    for text in ("{not json", '["Dana"]', '{"name": 42}', ""):
        path.write_text(text, encoding="utf-8")
        assert saved_name() == "" and acting_user() == "root"


def test_an_empty_name_is_refused_and_nothing_is_written(config: Path):
    with pytest.raises(ValueError, match="Give a name"):
        save_name(" \n\t ")
    assert not identity_path().exists()


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_folder_that_cannot_be_written_gives_a_clear_error(config: Path):
    config.mkdir()
    (config / "editor_app").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(IdentityError, match=r"Your name could not be saved to .*identity\.json"):
        save_name("Dana Reporter")
    assert saved_name() == ""


def test_clean_name_is_one_short_line():
    assert clean_name("Dana\nReporter\x00") == "Dana Reporter"
    assert clean_name(None) == ""
    assert len(clean_name("x" * 500)) == identity.MAX_NAME


def test_suggestion_prefers_the_old_desk_name_then_the_full_name(config: Path, monkeypatch):
    monkeypatch.setattr(identity, "full_name", lambda: "Dana Reporter")
    assert identity.suggested_name("Desk One") == "Desk One"
    assert identity.suggested_name("") == "Dana Reporter"
    monkeypatch.setattr(identity, "full_name", lambda: "")
    assert identity.suggested_name(None) == "root"


def test_full_name_reads_the_gecos_field(monkeypatch):
    pwd = pytest.importorskip("pwd")

    class Entry:
        pw_gecos = "Dana Reporter,Room 4,555-1234,,"

    monkeypatch.setattr(pwd, "getpwuid", lambda uid: Entry())
    assert identity.full_name() == "Dana Reporter"
