"""Images a writer pastes or drops: what is accepted, what is cleaned, what is refused, how the
Markdown names them, what the checklist asks and what an exported page carries."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from editor_app.core.article import Article
from editor_app.core.checklist import run_checklist
from editor_app.core.export import ArticlePackage, export_page
from editor_app.core.images.intake import (
    MAX_FILE_BYTES,
    ImageRefused,
    looks_like_image_file,
    prepare_image,
    read_image_file,
)
from editor_app.core.images.refs import (
    EmbeddedImage,
    embed_images,
    find_images,
    image_key,
    image_keys,
    markdown_reference,
)
from editor_app.core.render import render_markdown
from tests.image_samples import jpeg_with_gps, png_by_hand, png_bytes, png_with_text


def _reopen(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# -- intake -------------------------------------------------------------------------------------


def test_a_png_is_accepted_with_its_size_and_pixels():
    prepared = prepare_image(png_bytes(64, 40))
    assert (prepared.mime, prepared.width, prepared.height) == ("image/png", 64, 40)
    image = _reopen(prepared.data)
    assert image.size == (64, 40)
    assert image.convert("RGB").getpixel((0, 0)) == (250, 250, 250)
    assert image.convert("RGB").getpixel((10, 0)) == (30, 120, 200)
    assert len(prepared.sha256) == 64


def test_the_same_picture_gives_the_same_key():
    assert prepare_image(png_bytes()).sha256 == prepare_image(png_bytes()).sha256
    assert prepare_image(png_bytes()).sha256 != prepare_image(png_bytes(colour=(0, 0, 0))).sha256


def test_jpeg_gps_and_camera_exif_are_removed_and_orientation_applied():
    original = jpeg_with_gps(80, 50, orientation=6)  # "rotate 90°": shown 50 wide, 80 high
    exif = _reopen(original).getexif()
    assert exif.get_ifd(0x8825), "the sample must carry a GPS position"
    prepared = prepare_image(original)
    assert prepared.mime == "image/jpeg"
    stored = _reopen(prepared.data)
    assert stored.format == "JPEG"
    assert (prepared.width, prepared.height) == stored.size == (50, 80)
    stored_exif = stored.getexif()
    assert not stored_exif.get_ifd(0x8825)
    assert 0x8825 not in stored_exif and 0x0110 not in stored_exif
    assert b"Exif" not in prepared.data and b"Desk Camera" not in prepared.data


def test_png_text_chunks_are_dropped():
    prepared = prepare_image(png_with_text("taken at the reporter's home"))
    assert b"reporter" not in prepared.data
    assert b"tEXt" not in prepared.data and b"iTXt" not in prepared.data
    assert _reopen(prepared.data).size == (64, 40)


def test_not_an_image_is_refused():
    with pytest.raises(ImageRefused, match="not a PNG, JPEG, GIF or WebP"):
        prepare_image(b"<html><script>alert(1)</script></html>")
    with pytest.raises(ImageRefused, match="empty"):
        prepare_image(b"")


def test_formats_a_page_cannot_show_are_refused_without_decoding():
    image = Image.new("RGB", (10, 10))
    out = io.BytesIO()
    image.save(out, "TIFF")
    with pytest.raises(ImageRefused, match="not a PNG"):
        prepare_image(out.getvalue())


def test_a_decompression_bomb_is_refused_before_decoding():
    bomb = png_by_hand(8000, 8000)  # 64 megapixels in about 60 KB
    assert len(bomb) < 100_000
    with pytest.raises(ImageRefused, match="8,000 × 8,000 pixels; the limit is 40 megapixels"):
        prepare_image(bomb)


def test_a_200_megapixel_png_is_refused():
    huge = png_by_hand(20000, 10000, bit_depth=1)
    with pytest.raises(ImageRefused, match="200,000,000 pixels") as refused:
        prepare_image(huge)
    assert "Nothing was added" in str(refused.value)


def test_a_truncated_file_is_refused():
    data = jpeg_with_gps(400, 300)
    with pytest.raises(ImageRefused, match=r"damaged|not a PNG"):
        prepare_image(data[: len(data) // 2])


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path):
    big = tmp_path / "scan.png"
    with big.open("wb") as fh:
        fh.write(png_bytes())
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImageRefused, match=r"“scan.png” is 10.0 MB; the limit for an image is 10.0 MB"):
        read_image_file(big)
    with pytest.raises(ImageRefused, match="limit for an image"):
        prepare_image(b"\0" * (MAX_FILE_BYTES + 1))


def test_an_animated_gif_is_refused():
    frames = [Image.new("RGB", (20, 20), c) for c in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    with pytest.raises(ImageRefused, match="animated"):
        prepare_image(out.getvalue())


def test_bmp_becomes_png_and_file_names_are_recognised(tmp_path: Path):
    path = tmp_path / "chart.BMP"
    Image.new("RGB", (12, 8), (1, 2, 3)).save(path, "BMP")
    prepared = read_image_file(path)
    assert prepared.mime == "image/png" and (prepared.width, prepared.height) == (12, 8)
    assert looks_like_image_file(path) and looks_like_image_file("a.jpeg")
    assert not looks_like_image_file("notes.txt")


# -- references ------------------------------------------------------------------------------------


def test_reference_names_the_first_16_digits():
    sha = "AB" * 32
    assert markdown_reference(sha) == "![](image:" + "ab" * 8 + ")"
    assert image_key("image:" + "ab" * 8) == "ab" * 8
    assert image_key("image:abc") is None and image_key("http://x/image:abababab") is None


def test_images_in_the_body_outside_code():
    body = (
        "Intro ![Ford's plant](image:0123456789abcdef) and ![](https://example.com/a.png).\n\n"
        "`![not](image:ffffffffffffffff)`\n\n"
        '<img src="image:aaaaaaaaaaaaaaaa" alt="Chart">\n\n'
        "![Logo][logo]\n\n[logo]: image:bbbbbbbbbbbbbbbb\n"
    )
    found = find_images(body)
    assert [(i.alt, i.url) for i in found] == [
        ("Ford's plant", "image:0123456789abcdef"),
        ("", "https://example.com/a.png"),
        ("Chart", "image:aaaaaaaaaaaaaaaa"),
        ("Logo", "image:bbbbbbbbbbbbbbbb"),
    ]
    assert image_keys(body) == ["0123456789abcdef", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]
    assert body[found[0].alt_offset :].startswith("Ford's plant")


def test_render_keeps_stored_image_sources_only_on_img():
    html = render_markdown("![A chart](image:0123456789abcdef) [link](image:0123456789abcdef)")
    assert '<img alt="A chart" src="image:0123456789abcdef">' in html
    assert 'href="image:' not in html
    hostile = render_markdown('<img src="image:0123 onerror=alert(1)"> <img src="image:xyz">')
    assert "image:" not in hostile and "onerror" not in hostile


def test_embed_images_inlines_data_uris_and_marks_missing_ones():
    png = prepare_image(png_bytes())
    images = {png.sha256[:16]: EmbeddedImage(png.mime, png.data, png.width, png.height)}
    html = render_markdown(f"{markdown_reference(png.sha256, 'Chart')} and ![Gone](image:ffffffffffffffff)")
    out = embed_images(html, images)
    assert 'src="data:image/png;base64,' in out and 'width="64" height="40"' in out
    assert '<span class="missing-image">[Image missing: Gone]</span>' in out
    assert "image:" not in out


# -- export and checklist ----------------------------------------------------------------------------


def _package(body: str, images: dict | None = None) -> ArticlePackage:
    article = Article(id=1, title="Ford plant", dek="A summary.", byline="A. Writer", slug="ford", body=body)
    return ArticlePackage(article=article, images=images or {})


def test_exported_page_carries_the_picture_and_loads_nothing():
    png = prepare_image(png_bytes())
    images = {png.sha256[:16]: EmbeddedImage(png.mime, png.data, png.width, png.height)}
    body = f"Text.\n\n{markdown_reference(png.sha256, 'The new plant')}\n\n![](http://example.com/x.png)\n"
    page = export_page(_package(body, images), render_markdown(body))
    assert 'alt="The new plant"' in page and "data:image/png;base64," in page
    assert 'src="http' not in page and "image:" not in page.split("<article", 1)[1]
    assert "img-src data:;" in page  # the page's CSP: still nothing but embedded pictures


def _codes(items):
    return {i.code: i for i in items}


def test_checklist_asks_alt_text_for_every_image_and_points_at_the_first():
    body = (
        "One.\n\n![](image:0123456789abcdef)\n\n![ ](https://example.com/b.png)\n\n![Chart](image:aaaaaaaaaaaaaaaa)\n"
    )
    items = _codes(run_checklist(_package(body), stored_images={"0123456789abcdef", "aaaaaaaaaaaaaaaa"}))
    item = items["image_no_alt"]
    assert item.level == "error" and item.message.startswith("2 images have no alt text (first on line 3)")
    assert item.where.part == "body" and item.where.line == 3
    assert body[item.where.offset :].startswith("](image:")  # inside the brackets
    assert "image_missing" not in items
    assert "bad_link" not in items  # image: is not a bad link


def test_checklist_flags_pictures_missing_from_the_store():
    body = "![Chart](image:0123456789abcdef)\n\n![Map](image:aaaaaaaaaaaaaaaa)\n"
    items = _codes(run_checklist(_package(body), stored_images={"aaaaaaaaaaaaaaaa"}))
    assert items["image_missing"].message.startswith("1 image is not in this store (first on line 1")
    assert "image_no_alt" not in items
    assert "image_missing" not in _codes(run_checklist(_package(body)))  # not checked without the store
