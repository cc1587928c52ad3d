"""Hostile and huge pastes through the real window (issue 7, "Hostile and huge input").

Each case opens the real MainWindow (make_window), starts a new article and pastes the text the
way a writer does (clipboard + editor.paste(), i.e. MarkdownEditor.insertFromMimeData), or with
insertPlainText where the clipboard cannot carry it. Then it checks outcomes, never the clock:

- no crash, still answering: the window is there, on the same article, and a queued probe on
  the UI thread runs (hang guard only: generous timeouts);
- preview: the page shows the content (`#article`) or the "Preview paused" notice
  (`#preview-notice`);
- saved exactly: after autosave, a second Store.open on the same file holds exactly what the
  editor shows (lone surrogates would be stored as U+FFFD; QPlainTextEdit itself turns CR, CRLF,
  U+2028 and U+2029 into line breaks, which is what the writer sees).

How long the UI stalls, and how soon the text is saved and previewed, are figures with targets:
benchmarks/bench_paste.py measures them and benchmarks/RESULTS.md records them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from editor_app.core.render_process import budget_for
from editor_app.core.text import normalize_for_store
from editor_app.services.opening import open_store
from editor_app.ui.editor import markdown_editor as editor_mod
from editor_app.ui.editor.highlighter import block_formats
from tests.gui.conftest import dom_text

MIB = 1024 * 1024
HANG_GUARD_S = 60.0  # far beyond any expected time: only a hang fails on it


def preview_state(qtbot, window, probe: str | None) -> str:
    """'paused' when the notice shows, 'content' when #article's text holds `probe`, else ''.

    textContent, not innerText: no layout of a multi-megabyte page just to read it back."""
    result: dict[str, str] = {}
    js = (
        "(function(){var n=document.getElementById('preview-notice');"
        "if(n&&n.textContent.indexOf('Preview paused')>=0){return 'paused';}"
        "var e=document.getElementById('article');"
        f"return (e&&{json.dumps(probe)}!==null&&e.textContent.indexOf({json.dumps(probe or '')})>=0)?'content':'';}})()"
    )
    window.preview.run_in_page(js, lambda value: result.setdefault("v", value or ""))
    qtbot.waitUntil(lambda: "v" in result, timeout=20000)
    return result["v"]


def stored_body(db_path: Path, article_id: int) -> str:
    store = open_store(db_path)
    try:
        return store.get(article_id).body
    finally:
        store.close()


def ui_answers(qtbot) -> None:
    """A probe queued on the UI thread runs: the event loop is not stuck."""
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: bool(answered), timeout=int(HANG_GUARD_S * 1000))


@dataclass
class Case:
    name: str
    text: str
    probe: str | None  # words the rendered preview shows when the render succeeds
    expect: str = "either"  # "content", "paused" or "either"
    via: str = "clipboard"  # or "insert" (editor.insertPlainText)
    editor_text: Callable[[str], str] | None = None  # what the editor holds after the paste


def run_case(qtbot, window, db_path: Path, case: Case) -> str:
    """Paste `case.text`, then check the window answers, the preview shows it or pauses, and the
    store holds exactly what the editor shows. Returns what the preview shows."""
    window.new_article()
    qtbot.waitUntil(lambda: not window.renderer.busy and window.autosave.state == "saved", timeout=30000)
    editor = window.editor
    article_id = window.article.id
    saved: list[bool] = []
    renders: list[object] = []
    window.autosave.saved.connect(lambda ch: "body" in ch.fields and saved.append(True))
    window.renderer.rendered.connect(lambda outcome, *_: renders.append(outcome))
    if case.via == "clipboard":
        QApplication.clipboard().setText(case.text)
    editor.setFocus()
    if case.via == "clipboard":
        editor.paste()
    else:
        editor.insertPlainText(case.text)
    ui_answers(qtbot)

    # the text as the window saves it (raw document text: no-break spaces kept, see editor.py)
    shown = editor.markdown_text()
    budget = budget_for(shown)
    qtbot.waitUntil(
        lambda: bool(saved) and not window.autosave.dirty and window.autosave.state == "saved",
        timeout=int((HANG_GUARD_S + len(shown) / 100_000) * 1000),
    )
    qtbot.waitUntil(lambda: bool(renders) and not window.renderer.busy, timeout=int((HANG_GUARD_S + budget) * 1000))
    # the page update is asynchronous: poll the DOM until it shows the result (hang guard)
    state = ""
    polls = int((HANG_GUARD_S + budget) * 1000 / 50)
    for _ in range(polls):
        state = preview_state(qtbot, window, case.probe)
        if state:
            break
        qtbot.wait(50)

    # no crash, still answering, same article
    assert window.isVisible() and window.article.id == article_id
    ui_answers(qtbot)
    # the preview shows the content or the paused notice
    assert state in ("content", "paused"), f"{case.name}: preview shows nothing ({getattr(renders[-1], 'status', '?')})"
    if case.expect != "either":
        assert state == case.expect, case.name
    if state == "paused":
        assert "Preview paused" in dom_text(qtbot, window, "#preview-notice")
    # saved exactly: what the writer sees is what the store holds
    expected = case.editor_text(case.text) if case.editor_text else case.text
    assert shown == expected
    assert stored_body(db_path, article_id) == normalize_for_store(shown).text
    return state


# -- the cases -------------------------------------------------------------------------------------

PARAGRAPH = (
    "**Ford** and *Xiaomi* denied a report about EV talks on Tuesday; shares moved 1.2% in "
    "early trading, according to [a statement](https://example.com/ford)."
)


def news_text(chars: int, marker: str) -> str:
    unit = PARAGRAPH + "\n\n"
    body = unit * ((chars - len(marker)) // len(unit) + 1)
    return body[: chars - len(marker)] + marker


def _without_surrogates(text: str) -> str:
    return "".join(c for c in text if not "\ud800" <= c <= "\udfff")


def _qt_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


C0 = "".join(chr(c) for c in range(0x20) if chr(c) not in "\r")  # CR has its own case
C1 = "".join(chr(c) for c in range(0x7F, 0xA0))

SMALL_CASES = [
    # one 100,000-character line with no break opportunity: wrapped anywhere (editor.LONG_RUN_CHARS)
    Case("brackets", "[" * 50_000 + "]" * 50_000, "[[[[", expect="paused"),
    Case("nested_quotes", "> " * 5_000 + "Deep quote end", "Deep quote end"),
    Case("nested_list_inline", "- " * 2_000 + "Deepest item", "Deepest item"),
    Case("emphasis_storm", "Storm start\n\n" + "*a **a " * 20_000, "Storm start"),
    Case("backticks", "Backticks below\n\n" + "`" * 20_000, "Backticks below"),
    Case(
        "link_reference_defs",
        "\n".join(f"[ref{i}]: https://example.com/{i}" for i in range(20_000)) + "\n\nSee [the filing][ref19999].",
        "See the filing",
        expect="content",
    ),
    Case("controls_c0_c1", f"Ford{C0}said{C1}Xiaomi\x00denied\n\nControls end", "Controls end", expect="content"),
    Case(
        "line_endings",
        "Ford said\r\nXiaomi denied\rTesla\r\n\r\nLS\u2028PS\u2029Line breaks end",
        "Line breaks end",
        expect="content",
        editor_text=_qt_line_breaks,
    ),
    Case("bidi_override", "Price \u202eevil\u202c ok\n\nBidi end", "Bidi end", expect="content"),
    Case("combining_marks", "Combining start\n\ne" + "\u0301" * 100_000, "Combining start"),
    Case(
        "emoji_zwj",
        "Family \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 flag \U0001f3f3\ufe0f\u200d"
        "\U0001f308 coder \U0001f9d1\U0001f3fd\u200d\U0001f4bb \U0001f1ec\U0001f1e7 emoji end" * 200,
        "emoji end",
        expect="content",
    ),
    Case(
        "rtl",
        (
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd 2024 \u0645\u0631\u062d\u0628\u0627 "
            "\u0628\u0627\u0644\u0639\u0627\u0644\u0645 (Ford) \u05e1\u05d5\u05e3\n\n"
        )
        * 500
        + "RTL end",
        "RTL end",
        expect="content",
    ),
    # the binding drops a leading U+FEFF on the way into Qt; inner ones stay and are highlighted
    Case(
        "bom",
        "\ufeffFord said\n\ufeffXiaomi \ufeff denied\n\nBOM end",
        "BOM end",
        expect="content",
        editor_text=lambda t: t[1:],
    ),
    Case(
        "lone_surrogates",
        "Ford \ud800 denied \udfff the \udbff\udbff report\n\nSurrogates end",
        "Surrogates end",
        expect="content",
        via="insert",
        editor_text=_without_surrogates,
    ),
]


@pytest.mark.parametrize("case", SMALL_CASES, ids=[c.name for c in SMALL_CASES])
def test_hostile_paste_keeps_window_responsive_preview_answering_and_text_saved(qtbot, make_window, db_path, case):
    window = make_window()
    run_case(qtbot, window, db_path, case)
    if case.name == "bidi_override":
        _assert_bidi_override_is_marked(window)
    if case.name == "bom":
        _assert_marked(window, 1, "\ufeff")
    if case.name == "controls_c0_c1":
        _assert_marked(window, 1, "\x00")  # the lone NUL in "Xiaomi\x00denied": the strong warning
        _assert_every_control_has_a_background(window)
    if case.name == "emoji_zwj":
        warn = window.highlighter._formats["warning"].background().color()
        first = window.editor.document().findBlockByNumber(0)
        assert all(f.background().color() != warn for _s, _l, f in block_formats(first))  # emoji ZWJ is fine
    if case.name == "lone_surrogates":
        # the binding removed them before the app saw them, so there is nothing to replace or report
        assert "invalid character" not in window.statusBar().currentMessage()


def test_a_long_unbroken_line_wraps_anywhere_and_prose_returns_to_word_wrap(qtbot, make_window):
    """Qt's word-boundary wrap is quadratic on a line with nowhere to break (issue 10): such a
    line is wrapped anywhere, and prose goes back to breaking between words once it is gone."""
    window = make_window()
    window.new_article()
    editor = window.editor
    assert editor.wordWrapMode() == editor_mod.PROSE_WRAP
    QApplication.clipboard().setText("[" * 50_000 + "]" * 50_000)
    editor.paste()
    assert editor.wordWrapMode() == editor_mod.RUN_WRAP
    assert editor.document().firstBlock().layout().lineCount() > 10  # wrapped, on screen
    editor.selectAll()
    qtbot.keyClicks(editor, "Ford denied the report")
    qtbot.waitUntil(lambda: editor.wordWrapMode() == editor_mod.PROSE_WRAP, timeout=20000)
    # a run made without the clipboard (a programmatic insert, typing) is caught too
    editor.insertPlainText(" " + "x" * (editor_mod.LONG_RUN_CHARS + 10))
    assert editor.wordWrapMode() == editor_mod.RUN_WRAP
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, editor_mod.LONG_RUN_CHARS + 11)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: editor.wordWrapMode() == editor_mod.PROSE_WRAP, timeout=20000)
    assert editor.toPlainText() == "Ford denied the report"
    # undo brings the run back, and with it the wrap that copes with it
    editor.undo()
    assert editor.wordWrapMode() == editor_mod.RUN_WRAP
    # opening an article that holds such a line wraps it anywhere from the start
    long_id = window.store.create(title="Log line", body="x" * 20_000).id
    window.open_article(long_id)
    assert editor.wordWrapMode() == editor_mod.RUN_WRAP
    prose_id = window.store.create(title="Prose", body="Ford denied it.").id
    window.open_article(prose_id)
    assert editor.wordWrapMode() == editor_mod.PROSE_WRAP


def _utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _assert_marked(window, block_no: int, ch: str) -> None:
    block = window.editor.document().findBlockByNumber(block_no)
    text = block.text()
    pos = _utf16_index(text, text.index(ch))
    warn = window.highlighter._formats["warning"].background().color()
    assert any(s <= pos < s + n and f.background().color() == warn for s, n, f in block_formats(block)), (
        f"{ch!r} in block {block_no} is not marked"
    )


def _assert_every_control_has_a_background(window) -> None:
    """In a run of controls each one gets at least the lighter warning_span background (the next
    control's neighbour mark is merged over its own strong one)."""
    from editor_app.ui.editor.highlighter import SUSPICIOUS_CHARS

    doc = window.editor.document()
    for n in range(doc.blockCount()):
        block = doc.findBlockByNumber(n)
        text = block.text()
        formats = block_formats(block)
        for m in SUSPICIOUS_CHARS.finditer(text):
            pos = _utf16_index(text, m.start())
            assert any(s <= pos < s + k and f.background().style() != Qt.BrushStyle.NoBrush for s, k, f in formats), (
                f"U+{ord(m.group()):04X} at {m.start()} of block {n} is not marked"
            )


def _assert_bidi_override_is_marked(window) -> None:
    block = window.editor.document().findBlockByNumber(0)
    text = block.text()
    rlo = _utf16_index(text, text.index("\u202e"))
    formats = block_formats(block)
    warn = window.highlighter._formats["warning"].background().color()
    assert any(s <= rlo < s + n and f.background().color() == warn for s, n, f in formats)
    # the reordered run ("evil") is marked too; the words before it are not
    evil = _utf16_index(text, text.index("evil"))
    assert any(s <= evil < s + n and f.background().style() != Qt.BrushStyle.NoBrush for s, n, f in formats)
    assert not any(s <= 0 < s + n and f.background().style() != Qt.BrushStyle.NoBrush for s, n, f in formats)


# -- multi-megabyte pastes -----------------------------------------------------------------------------


@pytest.mark.slow
def test_ten_megabyte_paste_is_not_questioned_and_is_saved_exactly(qtbot, make_window, db_path, monkeypatch):
    asked: list[int] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.No)
    window = make_window()
    text = news_text(10 * MIB, "\n\nLast paragraph of ten megabytes.")
    assert len(text) <= editor_mod.LARGE_PASTE_CHARS
    run_case(qtbot, window, db_path, Case("paste_10MiB", text, "Last paragraph of ten megabytes."))
    assert asked == []


def test_paste_above_the_large_limit_asks_first_and_no_means_nothing_pasted(qtbot, make_window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.No,
    )
    window = make_window()
    window.new_article()
    QApplication.clipboard().setText("x" * (editor_mod.LARGE_PASTE_CHARS + 1))
    window.editor.paste()
    assert len(asked) == 1 and f"{editor_mod.LARGE_PASTE_CHARS + 1:,}" in asked[0]
    assert window.editor.toPlainText() == ""
    QApplication.clipboard().setText("small")
    window.editor.paste()
    assert len(asked) == 1 and window.editor.toPlainText() == "small"


@pytest.mark.slow
def test_hundred_thousand_lines(qtbot, make_window, db_path):
    window = make_window()
    text = "\n".join(f"Line {i} of the wire copy" for i in range(100_000)) + "\n\nHundred thousand lines end"
    run_case(qtbot, window, db_path, Case("100k_lines", text, "Hundred thousand lines end"))
    assert window.editor.document().blockCount() == 100_002


@pytest.mark.slow
def test_single_five_megabyte_line(qtbot, make_window, db_path):
    window = make_window()
    line = ("Ford denied the report about talks with Xiaomi. " * 110_000)[: 5 * MIB]
    text = "One long line follows\n\n" + line
    run_case(qtbot, window, db_path, Case("5MiB_single_line", text, "One long line follows"))


@pytest.mark.slow
def test_nested_list_two_thousand_levels_deep(qtbot, make_window, db_path):
    window = make_window()
    text = "Nested list start\n\n" + "\n".join("\t" * i + f"- level {i}" for i in range(2_000))
    run_case(qtbot, window, db_path, Case("nested_list_2000", text, "Nested list start"))


# -- what the writer is told ------------------------------------------------------------------------


def test_a_lone_surrogate_reaching_the_store_is_saved_as_fffd_and_the_writer_is_told(
    qtbot, make_window, db_path, monkeypatch
):
    """PySide6 drops lone surrogates at every str <-> QString crossing, so no paste can deliver one
    here; on Windows the clipboard is UTF-16 and can. This feeds one in where the window reads the
    editor (as a binding that kept it would) and checks the store's replacement and the message."""
    window = make_window()
    window.new_article()
    editor = window.editor
    real = editor.markdown_text
    monkeypatch.setattr(editor, "markdown_text", lambda: real().replace("<LONE>", "\ud800"))
    editor.insertPlainText("Ford <LONE> denied")
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    assert stored_body(db_path, window.article.id) == "Ford \ufffd denied"
    assert "1 invalid character(s) (lone surrogates) were saved as" in window.statusBar().currentMessage()


def test_no_break_spaces_are_saved_exactly(qtbot, make_window, db_path):
    window = make_window()
    window.new_article()
    text = "Shares rose 3,5\u00a0% to \u20ac\u00a0500\u00a0m at 10\u00a0a.m."
    QApplication.clipboard().setText(text)
    window.editor.paste()
    qtbot.waitUntil(lambda: window.autosave.state == "saved" and not window.autosave.dirty, timeout=30000)
    assert stored_body(db_path, window.article.id) == text


# -- importing files that are not text ------------------------------------------------------------


def test_import_of_zip_sqlite_and_empty_files_is_refused_with_reasons(qtbot, make_window, tmp_path, monkeypatch):
    import sqlite3
    import zipfile

    window = make_window()
    before = window.store.count()
    archive = tmp_path / "story.md"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    database = tmp_path / "notes.txt"
    con = sqlite3.connect(database)
    con.execute("create table t (x)")
    con.commit()
    con.close()
    empty = tmp_path / "empty.markdown"
    empty.write_bytes(b"")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(archive), str(database), str(empty)], "")
    )
    window.actions_["import_files"].trigger()
    box = window.export_import.message_box
    assert box is not None
    text = box.text()
    assert "3 file(s) could not be imported" in text
    assert "story.md looks like a ZIP archive" in text
    assert "notes.txt looks like an SQLite database" in text
    assert "empty.markdown is empty (0 bytes)" in text
    box.close()
    assert window.store.count() == before
    assert window.isVisible()
