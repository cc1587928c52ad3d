"""An article with pictures added through the command line (`editor-app image add`) and exported
through it: the page embeds them (data: URIs), is valid HTML, passes axe-core with the alt text
and makes no request at all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editor_app.services.opening import open_store
from tests.e2e.export_support import axe_report, run_cli, vnu_messages
from tests.image_samples import jpeg_with_gps, png_bytes


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("images")
    db = tmp / "desk.sqlite"
    open_store(db, seed_sample=False).close()
    chart, photo = tmp / "chart.png", tmp / "plant.jpg"
    chart.write_bytes(png_bytes(640, 360))
    photo.write_bytes(jpeg_with_gps(800, 450))
    added = json.loads(run_cli("image", "add", str(chart), str(photo), "--json", db=db, check=True).stdout)["added"]
    refs = [
        added[0]["markdown"].replace("![]", "![Deliveries per quarter, in thousands]"),
        added[1]["markdown"].replace("![]", "![The assembly hall of the new plant]"),
    ]
    store = open_store(db)
    try:
        body = f"The carmaker said deliveries rose again.\n\n{refs[0]}\n\nThe plant opened in March.\n\n{refs[1]}\n"
        article = store.create(title="Deliveries rise again", dek="A short summary.", byline="A. Writer", body=body)
    finally:
        store.close()
    out = tmp / "out"
    proc = run_cli("export", str(article.id), "--out", str(out), db=db, check=True)
    return Path(proc.stdout.strip().splitlines()[0])


def test_pictures_are_embedded_with_their_alt_text(exported: Path):
    html = exported.read_text(encoding="utf-8")
    imgs = re.findall(r"<img\b[^>]*>", html)
    assert len(imgs) == 2
    assert 'alt="Deliveries per quarter, in thousands"' in imgs[0] and 'src="data:image/png;base64,' in imgs[0]
    assert 'alt="The assembly hall of the new plant"' in imgs[1] and 'src="data:image/jpeg;base64,' in imgs[1]
    assert 'width="640" height="360"' in imgs[0]
    assert "image:" not in html.split("<article", 1)[1]


def test_valid_html_and_accessible_without_requests(exported: Path):
    messages = vnu_messages(exported)
    assert messages == [], messages
    code, report = axe_report(exported)
    assert report["violations"] == [], report["violations"]
    assert code == 0 and report["external_requests"] == []
