"""Article images in the store: saved once per picture, found by key prefix, kept across
reopening, embedded in exports of the package; migration 0010."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from editor_app.core.images.intake import prepare_image
from editor_app.core.images.refs import markdown_reference
from editor_app.services.opening import open_store
from editor_app.services.package import load_package
from editor_app.services.review import Review
from editor_app.store.database import HEAD_REVISION
from editor_app.store.images import ImageStore
from tests.image_samples import png_bytes


def test_blob_saved_once_and_reloaded_after_reopen(tmp_path: Path):
    path = tmp_path / "desk.sqlite"
    picture = prepare_image(png_bytes(30, 20))
    store = open_store(path, seed_sample=False)
    try:
        images = ImageStore(store)
        stored, new = images.add(picture, who="Ana")
        assert new and stored.sha256 == picture.sha256 and (stored.width, stored.height) == (30, 20)
        again, new_again = images.add(prepare_image(png_bytes(30, 20)))  # the same picture pasted again
        assert not new_again and again == stored
        images.add(prepare_image(png_bytes(30, 21)))
        assert images.count() == 2
    finally:
        store.close()

    store = open_store(path, seed_sample=False)
    try:
        images = ImageStore(store)
        key = picture.sha256[:16]
        found = images.image(key)
        assert found is not None and found.data == picture.data and found.mime == "image/png"
        assert images.find(picture.sha256).size == len(picture.data)  # the full hash works too
        assert images.find(key.upper()) is not None
        assert images.find("0000000000000000") is None and images.find("abc") is None
        assert images.find("'; DROP TABLE images; --") is None
        assert images.existing([key, "ffffffffffffffff"]) == {key}
    finally:
        store.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    assert con.execute("SELECT count(*) FROM images").fetchone() == (2,)
    con.close()


def test_a_shared_prefix_names_no_picture(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    try:
        images = ImageStore(store)
        a, _ = images.add(prepare_image(png_bytes(10, 10)))
        b, _ = images.add(prepare_image(png_bytes(11, 10)))
        common = 0
        while a.sha256[common] == b.sha256[common]:
            common += 1
        assert images.find(a.sha256[: max(8, common + 1)]) is not None
        if common >= 8:  # astronomically rare; then the common prefix is ambiguous
            assert images.find(a.sha256[:common]) is None
    finally:
        store.close()


def test_package_embeds_the_body_pictures_and_checklist_sees_them(tmp_path: Path):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    try:
        picture = prepare_image(png_bytes())
        ImageStore(store).add(picture)
        body = f"Text.\n\n{markdown_reference(picture.sha256, 'Plant')}\n\n![](image:ffffffffffffffff)\n"
        article = store.create(title="Ford", dek="Dek.", byline="Ana", body=body)
        package = load_package(store, article.id)
        assert list(package.images) == [picture.sha256[:16]]
        assert package.images[picture.sha256[:16]].data == picture.data
        assert load_package(store, article.id, images=False).images == {}
        codes = {i.code: i for i in Review(store).checklist(article.id, suggestions=[])}
        assert "image_missing" in codes and "image_no_alt" in codes
        assert codes["image_missing"].where.line == 5
    finally:
        store.close()


def test_command_line_adds_pictures_and_export_embeds_them(tmp_path: Path, capsys):
    import json

    from editor_app.cli import main

    db = tmp_path / "desk.sqlite"
    good = tmp_path / "chart.png"
    good.write_bytes(png_bytes(24, 12))
    bad = tmp_path / "notes.png"
    bad.write_text("not a picture", encoding="utf-8")
    assert main(["--db", str(db), "image", "add", str(good), str(bad), "--alt", "Chart", "--json"]) == 1
    captured = capsys.readouterr()
    assert "“notes.png” is not a PNG" in captured.err
    data = json.loads(captured.out)
    assert data["refused"] == 1 and len(data["added"]) == 1
    row = data["added"][0]
    assert row["new"] and (row["width"], row["height"]) == (24, 12)
    assert row["markdown"] == f"![Chart](image:{row['key']})"
    assert main(["--db", str(db), "image", "add", str(good)]) == 0
    assert "already stored" in capsys.readouterr().out

    store = open_store(db)
    try:
        article = store.create(title="Chart story", body=f"Text.\n\n{row['markdown']}\n")
    finally:
        store.close()
    out = tmp_path / "out"
    assert main(["--db", str(db), "export", str(article.id), "--out", str(out)]) == 0
    capsys.readouterr()
    (page,) = out.glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert '<img alt="Chart" src="data:image/png;base64,' in html and "image:" not in html.split("<article", 1)[1]


def test_import_stores_pictures_beside_the_file_and_nothing_from_elsewhere(tmp_path: Path):
    from editor_app.core.importer import read_article_file
    from editor_app.store.importing import import_parsed

    folder = tmp_path / "draft"
    (folder / "charts").mkdir(parents=True)
    (folder / "charts" / "q3.png").write_bytes(png_bytes(40, 30))
    (folder / "fake.png").write_text("not a picture", encoding="utf-8")
    (tmp_path / "private.png").write_bytes(png_bytes(10, 10, colour=(9, 9, 9)))
    md = folder / "story.md"
    md.write_text(
        "---\ntitle: Deliveries\n---\nText.\n\n![Chart of Q3](charts/q3.png)\n\n![Private](../private.png)\n\n"
        "![Bad](fake.png)\n\n![Web](https://example.com/x.png)\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    try:
        result = import_parsed(store, read_article_file(md))
        body = result.article.body
        images = ImageStore(store)
        assert images.count() == 1
        key = image_keys_of(body)[0]
        assert f"![Chart of Q3](image:{key})" in body and images.find(key).width == 40
        assert "![Private](../private.png)" in body and "![Bad](fake.png)" in body
        assert "![Web](https://example.com/x.png)" in body
        assert any("outside the file's folder" in w for w in result.warnings)
        assert any("“fake.png” is not a PNG" in w for w in result.warnings)
    finally:
        store.close()


def image_keys_of(body: str) -> list[str]:
    from editor_app.core.images.refs import image_keys

    return image_keys(body)
