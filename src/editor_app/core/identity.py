"""Who is acting: the one name recorded on claims, responses, status changes, sources and
comments (no Qt).

The name belongs to the person at this computer account, not to the store: it is saved in the
user config directory (`$XDG_CONFIG_HOME/editor_app/identity.json`, default `~/.config` on Linux;
the platform's config directory via platformdirs elsewhere), so two people sharing a store each
record their own name. `acting_user()` picks, in order:

1. the name saved for this OS account (`save_name`, asked at first start or in Desk Settings);
2. the environment variable `EDITOR_APP_USER` (scripts, tests, shared kiosk accounts);
3. the legacy store-wide "desk user" setting, when the caller passes it (stores made before
   names were per account);
4. the OS login name;
5. "unknown".

An explicit name given by the caller (e.g. `editor-app status --who NAME`) wins over all of
these: see `name_or_acting`.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
import tempfile
from pathlib import Path

from editor_app import APP_NAME

ENV_USER = "EDITOR_APP_USER"
FILE_NAME = "identity.json"
MAX_NAME = 80  # longer names are cut (they are shown in narrow columns)


class IdentityError(OSError):
    """The name could not be saved (the message says where and why)."""


def clean_name(name: str | None) -> str:
    """One line, runs of whitespace collapsed, control characters dropped, at most MAX_NAME."""
    text = "".join(ch for ch in (name or "") if ch.isprintable() or ch.isspace())
    return " ".join(text.split())[:MAX_NAME].strip()


def config_dir() -> Path:
    """This account's config directory for the app (read each call: tests move it)."""
    if sys.platform.startswith(("win", "darwin")):
        from platformdirs import user_config_path

        return user_config_path(APP_NAME, appauthor=False)
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / APP_NAME


def identity_path() -> Path:
    return config_dir() / FILE_NAME


def saved_name() -> str:
    """The name saved for this OS account, or "" (none saved, or the file is unreadable)."""
    try:
        data = json.loads(identity_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return clean_name(data.get("name")) if isinstance(data, dict) and isinstance(data.get("name"), str) else ""


def save_name(name: str) -> Path:
    """Save `name` for this OS account (atomically: a crash leaves the old file or the new one).

    Raises ValueError for an empty name and IdentityError (an OSError) when it cannot be written.
    Returns the file written."""
    value = clean_name(name)
    if not value:
        raise ValueError("Give a name: it is shown on your claims, comments and status changes.")
    path = identity_path()
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".identity-", suffix=".tmp", dir=path.parent)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"name": value}, f, ensure_ascii=False)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise IdentityError(f"Your name could not be saved to {path}: {reason}.") from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return path


def login_name() -> str:
    """The OS login name, or "" when there is none (some containers)."""
    try:
        return clean_name(getpass.getuser())
    except Exception:  # KeyError, OSError, ImportError: no passwd entry, no LOGNAME
        return ""


def full_name() -> str:
    """The login's full name from the account database (the passwd "gecos" field) or ""."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError, AttributeError):
        return ""
    return clean_name(gecos.split(",")[0])


def suggested_name(legacy: str | None = None) -> str:
    """What the first-start question offers: the old store-wide name, the full name, the login."""
    return clean_name(legacy) or full_name() or login_name()


def acting_user(legacy: str | None = None) -> str:
    """The name recorded as "who" (see the module docstring for the order)."""
    return saved_name() or clean_name(os.environ.get(ENV_USER)) or clean_name(legacy) or login_name() or "unknown"


def name_or_acting(who: str | None, legacy: str | None = None) -> str:
    """`who` when the caller names someone explicitly, else `acting_user(legacy)`."""
    return clean_name(who) or acting_user(legacy)
