"""Claim anchors in the Markdown source: <!--claim c1-->words<!--/claim--> (no Qt)."""

from __future__ import annotations

import pytest

from editor_app.core.anchors import (
    CLOSE_MARKER,
    CLOSE_RE,
    OPEN_RE,
    Anchor,
    anchor_at,
    anchor_in_first_occurrence,
    anchored_keys,
    check_span,
    find_anchors,
    is_valid_key,
    next_key,
    open_marker,
    strip_markers,
    unwrap,
    wrap_span,
)

SENTENCE = "The FT reported that Ford held talks with Xiaomi. Ford denied it."
SPAN = "Ford held talks with Xiaomi"


def wrapped(text: str = SENTENCE, words: str = SPAN, key: str = "c1") -> str:
    i = text.index(words)
    return wrap_span(text, i, i + len(words), key)


def test_markers_and_regexes():
    assert open_marker("c1") == "<!--claim c1-->"
    assert CLOSE_MARKER == "<!--/claim-->"
    assert OPEN_RE.fullmatch("<!--claim c12-->").group(1) == "c12"
    assert OPEN_RE.fullmatch("<!-- claim ford-xiaomi -->").group(1) == "ford-xiaomi"
    assert CLOSE_RE.fullmatch(CLOSE_MARKER)
    assert not OPEN_RE.fullmatch("<!--claim C1-->")
    for bad in ("", "1c", "C1", "c--1", "c1-", "a" * 33, "c 1"):
        assert not is_valid_key(bad)
        with pytest.raises(ValueError):
            open_marker(bad)


def test_wrap_and_find():
    text = wrapped()
    assert text == ("The FT reported that <!--claim c1-->Ford held talks with Xiaomi<!--/claim-->. Ford denied it.")
    (a,) = find_anchors(text)
    assert a.key == "c1"
    assert a.text(text) == SPAN
    assert text[a.start : a.end] == "<!--claim c1-->" + SPAN + "<!--/claim-->"
    assert (a.text_start, a.text_end) == (a.start + len("<!--claim c1-->"), a.end - len(CLOSE_MARKER))
    assert anchored_keys(text) == {"c1"}
    assert strip_markers(text) == SENTENCE
    assert unwrap(text, "c1") == SENTENCE and unwrap(text, "c2") == text


def test_wrap_trims_whitespace_so_markers_hug_the_words():
    i = SENTENCE.index(SPAN)
    text = wrap_span(SENTENCE, i - 1, i + len(SPAN) + 0, "c1")  # leading space selected
    assert "that <!--claim c1-->Ford" in text
    assert check_span("  a b  ", 0, 7) == (2, 5)


@pytest.mark.parametrize("start, end", [(0, 0), (3, 3), (20, 21)])
def test_empty_or_blank_span_is_refused(start, end):
    with pytest.raises(ValueError):
        wrap_span(SENTENCE, start, end, "c1")


def test_overlap_is_refused_and_adjacent_is_fine():
    text = wrapped()
    a = find_anchors(text)[0]
    for start, end in [
        (a.text_start + 2, a.text_start + 6),
        (a.start - 5, a.start + 3),
        (a.end - 3, a.end + 4),
        (0, len(text)),
        (a.start, a.end),
    ]:
        with pytest.raises(ValueError, match="overlaps"):
            wrap_span(text, start, end, "c2")
    after = wrap_span(text, a.end + 2, a.end + 6, "c2")  # "Ford" of the next sentence
    assert [x.key for x in find_anchors(after)] == ["c1", "c2"]
    assert find_anchors(after)[1].text(after) == "Ford"


def test_span_over_a_stray_marker_or_across_paragraphs_is_refused():
    text = "Ford <!--claim c9-->held talks.\n\nXiaomi denied."
    with pytest.raises(ValueError, match="marker"):
        wrap_span(text, 0, 20, "c1")
    with pytest.raises(ValueError, match="paragraph"):
        wrap_span("Ford held talks.\n\nXiaomi denied.", 5, 25, "c1")


def test_next_key():
    assert next_key([]) == "c1"
    assert next_key(["c1", "c2", "c4"]) == "c3"
    assert next_key({"c1", "x"}) == "c2"


def test_anchor_at_includes_the_markers():
    text = wrapped()
    a = find_anchors(text)[0]
    assert anchor_at(text, a.start) == a
    assert anchor_at(text, a.text_start + 3) == a
    assert anchor_at(text, a.end) == a
    assert anchor_at(text, a.start - 1) is None
    assert anchor_at(text, a.end + 1) is None
    assert anchor_at("", 0) is None


def test_markers_in_fenced_code_are_text():
    text = (
        "Intro <!--claim c1-->real<!--/claim-->.\n\n"
        "```markdown\n<!--claim c2-->example<!--/claim-->\n```\n\n"
        "~~~~\n<!--claim c3-->tilde<!--/claim-->\n~~~~\n\n"
        "> ```\n> <!--claim c4-->quoted code<!--/claim-->\n> ```\n\n"
        "After <!--claim c5-->also real<!--/claim-->.\n"
    )
    assert [a.key for a in find_anchors(text)] == ["c1", "c5"]
    assert "<!--claim c2-->example<!--/claim-->" in strip_markers(text)  # code is left alone
    assert "Intro real." in strip_markers(text)
    i = text.index("example")
    with pytest.raises(ValueError, match="code block"):
        wrap_span(text, i, i + 7, "c6")
    with pytest.raises(ValueError, match="code block"):  # across the fence
        wrap_span(text, text.index(".\n\n```"), text.index("example"), "c6")


def test_unclosed_fence_runs_to_the_end():
    text = "Before <!--claim c1-->x<!--/claim-->\n\n```\n<!--claim c2-->y<!--/claim-->\n"
    assert anchored_keys(text) == {"c1"}


def test_markers_in_inline_code_are_text():
    text = "Write `<!--claim c1-->x<!--/claim-->` or ``a ` <!--claim c2-->b<!--/claim-->`` but <!--claim c3-->this<!--/claim-->."
    assert [a.key for a in find_anchors(text)] == ["c3"]
    i = text.index("<!--claim c1")
    with pytest.raises(ValueError, match="inline code"):
        wrap_span(text, i, i + 10, "c4")
    # an escaped backtick opens no code span
    assert anchored_keys(r"a \` <!--claim c1-->b<!--/claim--> `") == {"c1"}


def test_unpaired_markers_are_ignored():
    assert find_anchors("<!--claim c1-->no close") == []
    assert find_anchors("stray close<!--/claim-->") == []
    text = "<!--claim c1-->lost close. <!--claim c2-->kept<!--/claim-->"
    assert [(a.key, a.text(text)) for a in find_anchors(text)] == [("c2", "kept")]
    # an open never pairs with a close in another paragraph
    assert find_anchors("<!--claim c1-->one\n\ntwo<!--/claim-->") == []


def test_edits_before_inside_and_after_keep_the_anchor():
    text = wrapped()
    text = "BREAKING: " + text  # before
    a = find_anchors(text)[0]
    text = text[: a.text_start + 4] + " reportedly" + text[a.text_start + 4 :]  # inside
    text = text + " Shares rose 3%."  # after
    (a,) = find_anchors(text)
    assert a.text(text) == "Ford reportedly held talks with Xiaomi"
    # cut and paste of the whole paragraph elsewhere
    para = text
    text = "First paragraph.\n\nSecond paragraph."
    text = text.replace("First paragraph.", "First paragraph.\n\n" + para)
    assert [x.text(text) for x in find_anchors(text)] == ["Ford reportedly held talks with Xiaomi"]


def test_deleting_the_span_removes_the_key():
    text = wrapped()
    a = find_anchors(text)[0]
    gone = text[: a.start] + text[a.end :]  # the whole anchored span selected and deleted
    assert anchored_keys(gone) == set()
    half = text[: a.text_start + 2] + text[a.end - 3 :]  # deleted from inside through the close marker
    assert anchored_keys(half) == set()
    # undo = the old text; the anchor is back
    assert anchored_keys(text) == {"c1"}


def test_hostile_text_inside_an_anchor_is_kept_as_text():
    hostile = '<script>alert(1)</script> "><img src=x onerror=alert(1)> & <b>'
    text = f"Ford said {hostile} today."
    i = text.index(hostile)
    out = wrap_span(text, i, i + len(hostile), "c1")
    (a,) = find_anchors(out)
    assert a.text(out) == hostile  # not escaped, not interpreted: the renderer escapes
    assert strip_markers(out) == text
    assert anchor_in_first_occurrence(text, '"><img src=x', "c2").count("<!--claim c2-->") == 1


def test_anchor_in_first_occurrence():
    body = (
        "```\npreliminary talks in code\n```\n\n"
        "Ford held `preliminary talks` and <!--claim c1-->preliminary talks<!--/claim--> and "
        "nonpreliminary talks, then Preliminary\ntalks, then preliminary talks."
    )
    out = anchor_in_first_occurrence(body, "preliminary talks", "c2")
    assert out is not None
    a = next(x for x in find_anchors(out) if x.key == "c2")
    assert a.text(out) == "preliminary talks"
    assert out[a.end :] == "."  # exact case preferred, code, anchors and word parts skipped
    out = anchor_in_first_occurrence(body.replace("then preliminary talks.", "end."), "preliminary talks", "c2")
    a = next(x for x in find_anchors(out) if x.key == "c2")
    assert a.text(out) == "Preliminary\ntalks"  # case-insensitive fallback, line break matches a space
    assert anchor_in_first_occurrence(body, "no such words", "c2") is None
    assert anchor_in_first_occurrence(body, "   ", "c2") is None


def test_find_anchors_on_a_large_article_finds_every_anchor_outside_code():
    para = (
        "Shares of the carmaker rose after the report, traders said, and volumes were heavy "
        "in early trading as investors weighed the outlook for margins. `code` here.\n\n"
    )
    parts = []
    for i in range(1000):
        parts.append(para * 9)
        parts.append(f"The FT said <!--claim c{i + 1}-->Ford held talks number {i}<!--/claim-->.\n\n")
        if i % 100 == 0:
            parts.append("```\n<!--claim x-->not an anchor<!--/claim-->\n```\n\n")
    text = "".join(parts)
    assert len(text) > 1_500_000
    anchors = find_anchors(text)  # its speed is a figure: benchmarks/bench_render.py
    assert len(anchors) == 1000
    assert [a.key for a in anchors[:2]] == ["c1", "c2"]
    assert len(strip_markers(text)) == len(text) - 1000 * (len("<!--claim c1-->") + len(CLOSE_MARKER)) - (
        sum(len(str(i + 1)) - 1 for i in range(1000))
    )


def test_anchor_is_a_value():
    a = Anchor("c1", 0, 10, 5, 6)
    assert a == Anchor("c1", 0, 10, 5, 6) and hash(a) == hash(Anchor("c1", 0, 10, 5, 6))
