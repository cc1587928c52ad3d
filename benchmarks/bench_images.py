"""How long a pasted or dropped picture takes to check, clean and store (issue 14). The paste
runs on the UI thread, so these figures are the window's pause on a paste.

Run (headless, no display needed):

    PYTHONPATH=src:. .venv/bin/python benchmarks/bench_images.py [--reps 5]

Pictures are made here with Pillow (a gradient with a little noise, so a JPEG compresses like a
photo): a 1400×900 PNG screenshot, a 12-megapixel and a 40-megapixel JPEG with GPS EXIF; plus
the refusals of a 64-megapixel decompression bomb and a 200-megapixel PNG, the store write and
lookup, and an export page embedding three pictures.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "src"))


def photo(width: int, height: int, fmt: str) -> bytes:
    from PIL import Image

    small = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 12).convert("RGB")
    image = Image.blend(small, noise, 0.15)
    out = io.BytesIO()
    if fmt == "JPEG":
        exif = Image.Exif()
        exif[0x8825] = {1: "N", 2: (22.0, 17.0, 3.0)}
        image.save(out, "JPEG", quality=88, exif=exif)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def timed(work, reps: int) -> tuple[float, float]:
    runs = []
    for _ in range(reps):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), max(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    from tests.image_samples import png_by_hand

    from editor_app.core.article import Article
    from editor_app.core.export import ArticlePackage, export_page
    from editor_app.core.images.intake import ImageRefused, prepare_image
    from editor_app.core.images.refs import EmbeddedImage, markdown_reference
    from editor_app.core.render import render_markdown
    from editor_app.services.opening import open_store
    from editor_app.store.images import ImageStore

    samples = {
        "PNG screenshot 1400×900": photo(1400, 900, "PNG"),
        "JPEG photo 12 MP (4000×3000)": photo(4000, 3000, "JPEG"),
        "JPEG photo 40 MP (7300×5475)": photo(7300, 5475, "JPEG"),
    }
    rows = []
    prepared = {}
    for name, data in samples.items():
        med, worst = timed(lambda d=data: prepare_image(d), args.reps)
        prepared[name] = prepare_image(data)
        rows.append(
            (
                f"check + clean: {name}, {len(data) / 1e6:.1f} MB in, {len(prepared[name].data) / 1e6:.1f} MB stored",
                med,
                worst,
            )
        )

    def refuse(data: bytes) -> None:
        try:
            prepare_image(data)
        except ImageRefused:
            return
        raise AssertionError("accepted")

    bomb, huge = png_by_hand(8000, 8000), png_by_hand(20000, 10000, bit_depth=1)
    rows.append(("refuse a 64 MP bomb (62 KB file)", *timed(lambda: refuse(bomb), args.reps)))
    rows.append(("refuse a 200 MP PNG", *timed(lambda: refuse(huge), args.reps)))

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite", seed_sample=False)
        try:
            images = ImageStore(store)
            big = prepared["JPEG photo 12 MP (4000×3000)"]
            rows.append(("store write, 12 MP photo (first time)", *timed(lambda: images.add(big), 1)))
            rows.append(("store write, same photo again (dedup)", *timed(lambda: images.add(big), args.reps)))
            rows.append(("preview lookup by 16-digit key", *timed(lambda: images.image(big.sha256[:16]), args.reps)))
        finally:
            store.close()

    embedded = {p.sha256[:16]: EmbeddedImage(p.mime, p.data, p.width, p.height) for p in prepared.values()}
    body = "\n\n".join(
        f"Paragraph {i}.\n\n{markdown_reference(p.sha256, 'Picture')}" for i, p in enumerate(prepared.values())
    )
    package = ArticlePackage(Article(id=1, title="T", slug="t", body=body), images=embedded)
    html = render_markdown(body)
    page_size = len(export_page(package, html))
    rows.append(
        (
            f"export page with the three pictures ({page_size / 1e6:.1f} MB)",
            *timed(lambda: export_page(package, html), args.reps),
        )
    )

    print("| What | Median | Max |\n|---|---|---|")
    for what, med, worst in rows:
        print(f"| {what} | {med * 1000:.0f} ms | {worst * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
