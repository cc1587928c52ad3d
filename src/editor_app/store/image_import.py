"""Pictures next to an imported Markdown file: `![Chart](charts/q3.png)` becomes
`![Chart](image:<key>)` with the picture checked, cleaned and stored like a paste.

Only files in the Markdown file's own folder or below it are read: an imported file (wire copy,
a colleague's draft) must not pull a picture from elsewhere on this computer into a story
(`![](/home/me/Pictures/…)`, `![](../../…)`). Anything refused stays as written, with a warning;
the checklist then flags it like any link that is not http(s).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from editor_app.core.images.intake import ImageRefused, read_image_file
from editor_app.core.images.refs import find_images, markdown_reference
from editor_app.store.images import ImageStore
from editor_app.store.store import Store


def _local_target(url: str, folder: Path) -> Path | None:
    """The file a relative image URL names inside `folder`, or None (a URL, absolute, outside)."""
    url = url.strip()
    if not url or ":" in url.split("/", 1)[0] or url.startswith(("/", "\\", "#", "?")):
        return None  # http:, image:, data:, C:\…, absolute, fragments
    target = (folder / unquote(url.split("?", 1)[0].split("#", 1)[0])).resolve()
    return target if target.is_relative_to(folder) else None


def import_local_images(store: Store, body: str, source: str, who: str = "") -> tuple[str, list[str]]:
    """The body with local pictures stored and referenced by key, and warnings for the rest."""
    if not source or "![" not in body:
        return body, []
    origin = Path(source)
    if not origin.is_file():
        return body, []
    folder = origin.parent.resolve()
    images = ImageStore(store)
    warnings: list[str] = []
    out: list[str] = []
    last = 0
    for img in find_images(body):
        if img.key or body[img.offset : img.offset + 2] != "![":
            continue  # already stored, or an HTML <img> (left to the sanitizer)
        inline = body.find("](", img.alt_offset + len(img.alt))
        if inline < 0 or body.find(")", inline) < 0:
            continue  # reference-style: the definition line keeps its path
        end = body.find(")", inline) + 1
        url = body[inline + 2 : end - 1].strip().strip("<>").split(' "', 1)[0].strip()
        if "://" in url or url.startswith(("data:", "mailto:")):
            continue
        target = _local_target(url, folder)
        if target is None:
            warnings.append(f"line {img.line}: the picture {url!r} is outside the file's folder; not imported")
            continue
        try:
            stored, _new = images.add(read_image_file(target), who=who)
        except ImageRefused as exc:
            warnings.append(f"line {img.line}: {exc}")
            continue
        out.append(body[last : img.offset] + markdown_reference(stored.sha256, img.alt))
        last = end
    out.append(body[last:])
    return "".join(out), warnings
