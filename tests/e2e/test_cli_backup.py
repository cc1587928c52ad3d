"""backup, backups, restore-backup and check-store as a user runs them (subprocess, no display)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from editor_app.services.opening import open_store


def cli(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def make_store(path: Path, body: str) -> int:
    store = open_store(path, seed_sample=False)
    try:
        return store.create(title="CLI", body=body).id
    finally:
        store.close()


def body_of(path: Path, aid: int) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT body FROM articles WHERE id=?", (aid,)).fetchone()[0]
    finally:
        conn.close()


def test_backup_list_check_and_restore(tmp_path: Path):
    db = tmp_path / "s.sqlite"
    aid = make_store(db, "good text")
    out = cli(db, "backup", "--json")
    assert out.returncode == 0, out.stderr
    made = Path(json.loads(out.stdout)["backup"])
    assert made.exists() and made.parent == tmp_path / "backups"

    out = cli(db, "backups", "--json")
    (row,) = json.loads(out.stdout)
    assert row["path"] == str(made) and row["ok"] is True and row["reason"] == "manual"
    assert "manual" in cli(db, "backups").stdout

    out = cli(db, "check-store")
    assert out.returncode == 0 and "OK" in out.stdout

    # The store gets damaged: check-store says so, Store.open would refuse it...
    garbage = b"PK\x03\x04" + os.urandom(6000)
    db.write_bytes(garbage)
    out = cli(db, "check-store", "--json")
    assert out.returncode == 1
    assert json.loads(out.stdout)["kind"] == "not_sqlite"
    out = cli(db, "check-store")
    assert "restore-backup --newest" in out.stderr and "Traceback" not in out.stderr

    # ...restore-backup refuses without --yes when not run from a terminal, and changes nothing.
    out = cli(db, "restore-backup", "--newest", stdin="y\n")
    assert out.returncode == 2 and "--yes" in out.stderr
    assert db.read_bytes() == garbage

    out = cli(db, "restore-backup", "--newest", "--yes")
    assert out.returncode == 0, out.stderr
    assert body_of(db, aid) == "good text"
    (aside,) = [p for p in tmp_path.glob("s.sqlite.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == garbage  # moved aside, never overwritten
    assert str(aside) in out.stdout


def test_restore_given_path_backs_up_the_current_file_first(tmp_path: Path):
    db = tmp_path / "s.sqlite"
    aid = make_store(db, "version A")
    made = Path(json.loads(cli(db, "backup", "--json").stdout)["backup"])
    store = open_store(db)
    store.save(aid, body="version B")
    store.close()
    out = cli(db, "restore-backup", str(made), "--yes", "--json")
    assert out.returncode == 0, out.stderr
    previous = Path(json.loads(out.stdout)["previous"])
    assert "before-restore" in previous.name and body_of(previous, aid) == "version B"
    assert body_of(db, aid) == "version A"


def test_restore_refused_while_the_app_holds_the_store(tmp_path: Path):
    db = tmp_path / "s.sqlite"
    make_store(db, "x")
    cli(db, "backup")
    code = textwrap.dedent("""
        import sys, time
        from editor_app.store.lock import StoreLock
        lock = StoreLock(sys.argv[1]); assert lock.acquire(); print("HELD", flush=True); time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        before = db.read_bytes()
        out = cli(db, "restore-backup", "--newest", "--yes")
        assert out.returncode == 1
        assert f"process {holder.pid}" in out.stderr and "close it" in out.stderr
        assert db.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


def test_usage_errors_and_missing_store(tmp_path: Path):
    db = tmp_path / "none.sqlite"
    out = cli(db, "backup")
    assert out.returncode == 1 and "does not exist" in out.stderr
    out = cli(db, "restore-backup", "--yes")
    assert out.returncode == 2 and "--newest" in out.stderr
    out = cli(db, "restore-backup", "--newest", "--yes")
    assert out.returncode == 1 and "no usable backup" in out.stderr
    assert cli(db, "backups").stdout.startswith("No backups")
    out = cli(tmp_path / "missing" / "s.sqlite", "check-store")
    assert out.returncode == 3 and "missing_folder" in out.stderr
