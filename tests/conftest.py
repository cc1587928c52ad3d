"""Test environment: headless Qt, a private data directory and private QSettings."""

import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="editor_app_tests_"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = str(_TMP / "data")  # platformdirs: never the real user store
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")  # QSettings and identity.json on Linux
os.environ["XDG_CACHE_HOME"] = str(_TMP / "cache")  # the symbol directory's warm-start cache
# Who is acting (core.identity): no developer's name leaks in, and the first-start question
# ("Your name, ...") never waits for an answer; tests that want it opt in (ui/window/first_start.py).
os.environ.pop("EDITOR_APP_USER", None)
os.environ.pop("EDITOR_APP_FIRST_RUN", None)
os.environ["EDITOR_APP_NO_FIRST_RUN"] = "1"
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # QtWebEngine refuses root otherwise
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

# Property tests: the suite run (README, CI) uses a fixed seed and no example database, so every
# machine checks the same examples and a green run stays green; a bug hunt draws fresh examples:
#   EDITOR_APP_FUZZ=hunt EDITOR_APP_FUZZ_SCALE=10 ./dev test tests/core/test_fuzz_*.py
# A failure found in a hunt is pinned as an explicit example or a strict xfail next to its property.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("suite", derandomize=True, database=None, print_blob=True)
_hypothesis_settings.register_profile("hunt", derandomize=False, print_blob=True)
_hypothesis_settings.load_profile("hunt" if os.environ.get("EDITOR_APP_FUZZ") == "hunt" else "suite")


# A folder nobody can write, root included (as root chmod does not stop writes).
import shutil as _shutil  # noqa: E402
import subprocess as _subprocess  # noqa: E402
import sys as _sys  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def read_only_view(tmp_path):
    """Factory: `read_only_view(folder)` -> a path showing `folder` read-only to every process.
    As root it is a read-only bind mount (`mount --bind`, then `remount,ro`), like an archive disk
    or a read-only share; otherwise the folder and its files lose their write bits."""
    mounts: list[Path] = []
    chmodded: list[tuple[Path, int]] = []

    def make(folder: Path) -> Path:
        folder = Path(folder)
        if not _sys.platform.startswith("linux"):
            pytest.skip("read-only views are made with Linux mounts or POSIX modes")
        if os.geteuid() != 0:
            for p in [folder, *folder.rglob("*")]:
                chmodded.append((p, p.stat().st_mode))
                p.chmod(p.stat().st_mode & ~0o222)
            return folder
        if _shutil.which("mount") is None:
            pytest.skip("mount(8) is not installed")
        view = tmp_path / (folder.name + "-read-only")
        view.mkdir()
        for args in (["mount", "--bind", str(folder), str(view)], ["mount", "-o", "remount,bind,ro", str(view)]):
            done = _subprocess.run(args, capture_output=True, text=True)
            if done.returncode != 0:
                if mounts or args[1] == "-o":
                    _subprocess.run(["umount", str(view)], capture_output=True)
                pytest.skip(f"cannot make a read-only mount here: {done.stderr.strip()}")
        mounts.append(view)
        return view

    yield make
    for view in mounts:
        _subprocess.run(["umount", "-l", str(view)], capture_output=True)
    for p, mode in reversed(chmodded):
        p.chmod(mode)


@pytest.fixture(autouse=True)
def _no_saved_name():
    """Each test starts with no name saved for the account (a test that saves one, e.g. through
    Desk Settings, does not change who later tests record)."""
    from editor_app.core.identity import identity_path

    identity_path().unlink(missing_ok=True)
    yield
    identity_path().unlink(missing_ok=True)


# -- the team store: a real PostgreSQL server for the run (tests/postgres_server.py) -----------
import itertools as _itertools  # noqa: E402

_pg_names = _itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    """One throwaway PostgreSQL cluster for the whole run; skips (saying why) without one.
    Where `./dev test` installed PostgreSQL (as root, as in CI) a missing server fails instead."""
    from tests import postgres_server as pg

    why = pg.why_unavailable()
    if why:
        if os.environ.get("EDITOR_APP_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL tests cannot run in CI: {why}")
        pytest.skip(why)
    server = pg.start_server()
    yield server
    pg.remove(server)


@pytest.fixture
def pg_url(postgres_server):
    """A fresh, empty database on the test server (its URL, as a writer would type it)."""
    import psycopg

    name = f"desk_{os.getpid()}_{next(_pg_names)}"
    with psycopg.connect(
        f"host=127.0.0.1 port={postgres_server.port} user=postgres dbname=postgres", autocommit=True
    ) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@127.0.0.1:{postgres_server.port}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """Where a store lives, once per engine: an SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite"
    return request.getfixturevalue("pg_url")
