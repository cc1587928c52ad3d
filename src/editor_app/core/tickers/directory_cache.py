"""The symbol directory's warm-start cache: parsing the shipped file and deriving the name tables
takes about a second, so the first start saves the result and later starts read it back.

The cache lives in the user's cache folder, one file per version of the data and the code: its
name carries a key made of the resource files (size, mtime, SHA-256), the source of this package
and the Python version, so a new directory file, a new aliases.yaml or a code change is a new
key. A file that is stale, truncated or damaged (Adler-32 checksum) is ignored and rebuilt; a folder that
cannot be written only means the next start parses again.

Columns are stored as one text (or machine-integer bytes) each and split only when first read:
a start that tags one article touches a few of them, and no per-row object is made for the rest.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from array import array
from pathlib import Path

from editor_app import APP_NAME

CACHE_FORMAT = 2  # bump when the layout of the saved state changes
MAGIC = b"editor_app symbol directory cache\n"
PREFIX = "symbol-directory-"
KEEP_FILES = 3  # caches of other versions kept (a main checkout and a branch side by side)
INT = array("i")  # 32-bit integers: indices, offsets and SEC numbers all fit
SEP = "\n"  # no value read from the line-based directory file holds one; checked when packing


def cache_dir() -> Path:
    """This account's cache folder for the directory (read each call: tests move it)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "tickers"


def cache_key(*paths: Path) -> str:
    """What the cached state was derived from: the files (size, mtime, content), the code that
    derives it and the interpreter that reads it back."""
    h = hashlib.sha256()
    h.update(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{marshal.version}|{sys.byteorder}|{INT.itemsize}".encode())
    for path in paths:
        try:
            st = path.stat()
            data = path.read_bytes()
        except OSError:
            h.update(b"|missing|")
            continue
        h.update(f"|{st.st_size}|{st.st_mtime_ns}|".encode())
        h.update(hashlib.sha256(data).digest())
    h.update(_code_fingerprint())
    return h.hexdigest()


_code_digest: bytes | None = None


def _code_fingerprint() -> bytes:
    """The source of the tickers package: any change to how tables are derived is a new key."""
    global _code_digest
    if _code_digest is None:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        try:
            for path in sorted(here.glob("*.py")):
                h.update(path.name.encode())
                h.update(path.read_bytes())
        except OSError:  # no readable source (a frozen build): the package version stands in
            from editor_app import __version__

            h.update(f"version {__version__}".encode())
        _code_digest = h.digest()
    return _code_digest


def cache_path(key: str, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"{PREFIX}{key[:32]}.bin"


def read(key: str, folder: Path | None = None) -> dict | None:
    """The saved state for `key`, or None when there is none or it cannot be trusted."""
    path = cache_path(key, folder)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        header_end = len(MAGIC) + 64 + 1 + 8 + 1
        if not data.startswith(MAGIC) or len(data) < header_end:
            return None
        if data[len(MAGIC) : len(MAGIC) + 64].decode("ascii") != key:
            return None
        crc = int(data[len(MAGIC) + 65 : len(MAGIC) + 73], 16)
        payload = memoryview(data)[header_end:]
        if zlib.adler32(payload) != crc:
            return None
        state = marshal.loads(payload)
    except (ValueError, EOFError, TypeError, UnicodeDecodeError):
        return None
    if not isinstance(state, dict) or state.get("format") != CACHE_FORMAT:
        return None
    return state


def write(key: str, state: dict, folder: Path | None = None) -> Path | None:
    """Save `state` atomically (a reader never sees half a file); None if it could not be."""
    folder = folder or cache_dir()
    try:
        payload = marshal.dumps(state)
        folder.mkdir(parents=True, exist_ok=True)
        header = MAGIC + key.encode("ascii") + b"\n" + f"{zlib.adler32(payload):08x}".encode("ascii") + b"\n"
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(header)
                fh.write(payload)
            path = cache_path(key, folder)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return None
    _prune(folder, path)
    return path


def _prune(folder: Path, keep: Path) -> None:
    """Drop caches of old versions beyond the few most recent."""
    try:
        others = sorted(
            (p for p in folder.glob(f"{PREFIX}*.bin") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in others[KEEP_FILES - 1 :]:
            old.unlink()
    except OSError:
        pass


# ----------------------------------------------------------------------------- columns
class TextColumn:
    """A column of strings kept as one text and the offsets of its values: reading row i costs a
    slice, so a start that shows a few listings never splits 73k values."""

    __slots__ = ("_blob", "_list", "_offsets")

    def __init__(self, blob: str, offsets: array) -> None:
        self._blob = blob
        self._offsets = offsets  # n + 1 positions; value i is blob[offsets[i] : offsets[i + 1] - 1]
        self._list: list[str] | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:
        if self._list is not None:
            return self._list[i]
        n = len(self._offsets) - 1
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("column index out of range")
        return self._blob[self._offsets[i] : self._offsets[i + 1] - 1]

    def __iter__(self):
        return iter(self.as_list())

    def as_list(self) -> list[str]:
        """All values (split once, then every read comes from the list)."""
        if self._list is None:
            self._list = self._blob.split(SEP) if len(self) else []
        return self._list


def pack_str(values) -> tuple[str, str, bytes]:
    """One text for a column of strings, with the offsets of its values; ValueError if a value
    holds the separator."""
    values = list(values)
    blob = SEP.join(values)
    if blob.count(SEP) != max(0, len(values) - 1):
        raise ValueError("a value holds the column separator")
    offsets = array("i", [0])
    pos = 0
    for v in values:
        pos += len(v) + 1
        offsets.append(pos)
    return ("s", blob, offsets.tobytes())


def pack_int(values) -> tuple[str, bytes, int]:
    return ("i", array("i", values).tobytes(), len(values))


def unpack(packed: tuple) -> TextColumn | array:
    """A packed column: strings as a `TextColumn` (rows read on demand), integers as an array."""
    kind, data, extra = packed
    out = array("i")
    if kind == "s":
        out.frombytes(extra)
        return TextColumn(data, out)
    out.frombytes(data)
    return out


def unpack_list(packed: tuple) -> list[str]:
    """A packed column of strings as a list (for tables read in full: keys, prefixes)."""
    kind, data, extra = packed
    if kind != "s":
        raise ValueError("not a column of strings")
    return data.split(SEP) if len(extra) > INT.itemsize else []
