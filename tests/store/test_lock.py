"""One writer per store: an OS lock another process can see, freed when its holder is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor_app.store.lock import LockInfo, StoreInUseError, StoreLock, lock_path_for

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only (SIGKILL)")

HOLDER = textwrap.dedent("""
    import sys, time
    from editor_app.store.lock import StoreLock
    lock = StoreLock(sys.argv[1])
    print("HELD" if lock.acquire() else "BUSY", flush=True)
    time.sleep(120)
""")

PROBE = textwrap.dedent("""
    import json, sys
    from editor_app.store.lock import StoreLock
    lock = StoreLock(sys.argv[1])
    got = lock.acquire()
    h = lock.holder()
    print(json.dumps({"acquired": got, "pid": h.pid if h else None, "host": h.host if h else None,
                      "describe": h.describe() if h else None}))
""")


def _probe(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _start_holder(path: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "HELD"
    return child


def test_second_process_is_refused_and_sees_who_holds_it(tmp_path: Path):
    store = tmp_path / "s.sqlite"
    lock = StoreLock(store)
    assert lock.acquire()
    try:
        assert lock.acquire()  # re-entrant in the same object
        result = _probe(store)
        assert result["acquired"] is False
        assert result["pid"] == os.getpid()
        assert result["host"]
        assert f"process {os.getpid()}" in result["describe"]
    finally:
        lock.release()
    assert _probe(store)["acquired"] is True  # released: the next process gets it
    assert lock_path_for(store).exists()  # the lock file itself is never deleted


def test_sigkill_frees_the_lock(tmp_path: Path):
    store = tmp_path / "s.sqlite"
    child = _start_holder(store)
    try:
        lock = StoreLock(store)
        assert lock.acquire() is False
        info = lock.holder()
        assert isinstance(info, LockInfo) and info.pid == child.pid and info.same_host
        assert info.started_at is not None
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    # The dead holder's details are still in the file, but the OS lock is gone.
    assert lock.holder() is None
    assert lock.acquire() is True
    assert lock.holder().pid == os.getpid()
    lock.release()


def test_context_manager_and_clear_error(tmp_path: Path):
    store = tmp_path / "s.sqlite"
    child = _start_holder(store)
    try:
        with pytest.raises(StoreInUseError) as err, StoreLock(store):
            pass
        assert str(child.pid) in str(err.value)
        assert "read-only" in str(err.value)
        assert err.value.holder.pid == child.pid
    finally:
        child.kill()
        child.wait()
    with StoreLock(store) as lock:
        assert lock.held
        assert _probe(store)["acquired"] is False
    assert not lock.held
    assert lock.holder() is None


def test_holder_is_none_without_a_lock_file(tmp_path: Path):
    lock = StoreLock(tmp_path / "nothing.sqlite")
    assert lock.holder() is None
    lock.release()  # harmless when not held


def test_lock_file_with_garbage_is_reported_as_unknown_holder():
    info = LockInfo.parse(b"\xff\xfe garbage")
    assert info.pid is None and info.describe() == "another process"
