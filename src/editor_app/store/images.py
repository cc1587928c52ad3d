"""Article images in the store (no Qt): content-addressed blobs, found by any key prefix.

`add()` is idempotent: the key is the SHA-256 of the cleaned bytes (`core.images.intake`), so
the same picture pasted twice is one row. Images are desk-wide, not per article: an article
names them in its Markdown (`core.images.refs`), copy and paste between articles just works, and
export or the checklist read what a body names. Nothing deletes an image an article stopped
using (a revision or the trash may still name it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from editor_app.core.article import utcnow
from editor_app.core.images.intake import PreparedImage
from editor_app.core.images.refs import EmbeddedImage
from editor_app.store.image_models import ImageRow
from editor_app.store.settings import acting_user_in
from editor_app.store.substore import SubStore

MIN_KEY = 8


@dataclass(frozen=True)
class StoredImage:
    sha256: str
    mime: str
    width: int
    height: int
    size: int

    @property
    def key(self) -> str:
        from editor_app.core.images.refs import KEY_LENGTH

        return self.sha256[:KEY_LENGTH]


def _summary(row: ImageRow) -> StoredImage:
    return StoredImage(row.sha256, row.mime, row.width, row.height, row.size)


def _clean_key(key: str) -> str | None:
    key = key.strip().lower()
    if len(key) < MIN_KEY or len(key) > 64 or any(c not in "0123456789abcdef" for c in key):
        return None
    return key


class ImageStore(SubStore):
    """`add(prepared)`, `find(key)`, `data(key)`, `embedded(keys)`, `existing(keys)`."""

    def add(self, image: PreparedImage, who: str = "") -> tuple[StoredImage, bool]:
        """Store the picture unless it is there already; returns it and whether it was new."""
        sha = image.sha256
        who = acting_user_in(self.store, who)

        def work(s) -> tuple[StoredImage, bool]:
            row = s.get(ImageRow, sha)
            if row is not None:
                return _summary(row), False
            row = ImageRow(
                sha256=sha,
                mime=image.mime,
                width=image.width,
                height=image.height,
                size=len(image.data),
                data=image.data,
                who=who,
                created_at=utcnow(),
            )
            s.add(row)
            return _summary(row), True

        return self._run(work)

    @staticmethod
    def _sha(s, key: str) -> str | None:
        """The full SHA-256 a key names: itself, or the one stored key it is a prefix of."""
        clean = _clean_key(key)
        if clean is None:
            return None
        if len(clean) == 64:
            return clean if s.get(ImageRow, clean) is not None else None
        # every key from "3f2a…" up to (not including) "3f2a…g" starts with the prefix
        stmt = select(ImageRow.sha256).where(ImageRow.sha256 >= clean, ImageRow.sha256 < clean + "g").limit(2)
        found = list(s.scalars(stmt))
        return found[0] if len(found) == 1 else None  # two pictures sharing it: neither

    def _row(self, s, key: str) -> ImageRow | None:
        sha = self._sha(s, key)
        return s.get(ImageRow, sha) if sha else None

    def _safely(self, work, default):
        try:
            with self._read() as s:
                return work(s)
        except OperationalError as exc:
            if "no such table" in str(exc):  # a read-only store from before 0010
                return default
            raise

    def find(self, key: str) -> StoredImage | None:
        """The image a key (a prefix of 8 to 64 hex digits) names, or None."""

        def work(s) -> StoredImage | None:
            row = self._row(s, key)
            return _summary(row) if row else None

        return self._safely(work, None)

    def embedded(self, keys: Iterable[str]) -> dict[str, EmbeddedImage]:
        """The pictures `keys` name, by key as given (lower case); unknown keys are left out."""

        def work(s) -> dict[str, EmbeddedImage]:
            out: dict[str, EmbeddedImage] = {}
            for key in dict.fromkeys(k.lower() for k in keys):
                row = self._row(s, key)
                if row is not None:
                    out[key] = EmbeddedImage(row.mime, row.data, row.width, row.height)
            return out

        return self._safely(work, {})

    def image(self, key: str) -> EmbeddedImage | None:
        return self.embedded([key]).get(key.lower())

    def existing(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` name a stored picture (without reading the pictures)."""

        def work(s) -> set[str]:
            return {k for k in dict.fromkeys(x.lower() for x in keys) if self._sha(s, k) is not None}

        return self._safely(work, set())

    def count(self) -> int:
        from sqlalchemy import func

        return self._safely(lambda s: int(s.scalar(select(func.count()).select_from(ImageRow)) or 0), 0)
