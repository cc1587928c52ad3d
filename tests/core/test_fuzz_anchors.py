"""Property-based tests (hypothesis) for claim anchors (core/anchors.py) and comment anchors
(store/review.py: EditMap, the pure mapping `reanchor_comments` uses, and the store method itself).

Claim anchors: wrap_span -> find_anchors round-trips (the anchored text is the span, strip_markers
and unwrap give the text back), edits that do not touch the markers keep the anchor, deleting the
anchor removes its key, anchor_at agrees with find_anchors, and nothing raises on arbitrary text
(lone surrogates, NUL, RTL, combining marks included).

Comment anchors: for an edit outside a comment's range the commented text is unchanged, and
mapping never raises and never leaves the new text.

Bugs found here are pinned by strict xfail tests; until they are fixed the properties skip exactly
the inputs that trigger them (flags BACKTICK_FIXED, EDIT_SLIDE_FIXED). Example counts are set per
test (`EXAMPLES`, times EDITOR_APP_FUZZ_SCALE for a longer hunt) and reported in
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, reject, settings
from hypothesis import strategies as st

from editor_app.core.anchors import (
    CLOSE_MARKER,
    anchor_at,
    anchor_in_first_occurrence,
    anchored_keys,
    check_span,
    find_anchors,
    next_key,
    open_marker,
    strip_markers,
    unwrap,
    wrap_span,
)
from editor_app.core.edit_map import EditMap
from editor_app.core.text import normalize_for_store
from editor_app.services.opening import open_store
from editor_app.services.review import Review

SCALE = float(os.environ.get("EDITOR_APP_FUZZ_SCALE", "1"))
EXAMPLES = {
    "never_raises": 400,
    "wrap_roundtrip": 400,
    "edit_outside": 300,
    "edit_inside": 300,
    "delete": 200,
    "anchor_at": 300,
    "editmap_outside": 400,
    "editmap_any": 300,
    "store_reanchor": 100,
}


def _settings(name: str) -> settings:
    return settings(
        max_examples=max(1, int(EXAMPLES[name] * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# -- text with markdown, markers and unicode trouble ----------------------------------------------

ODD = [
    "\x00",
    "\u202e",
    "\u202c",
    "\u2067",
    "\u0301",
    "\u0301\u0301\u0301",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\ufeff",
    "\r\n",
    "\r",
    "\ud800",
    "\udfff",
    "\x85",
    "\u2028",
]
MARKERS = [
    "<!--claim c1-->",
    "<!--claim c2-->",
    "<!-- claim ford-x -->",
    "<!--/claim-->",
    "<!-- /claim -->",
    "<!--claim C1-->",
    "<!--claim-->",
    "<!--claims-->",
    "<!--",
    "-->",
]
MD = [
    "`",
    "``",
    "```\n",
    "\n```\n",
    "~~~\n",
    "\\`",
    "> ",
    "\n> \n",
    "\n\n",
    "\n",
    " ",
    "  ",
    "\t",
    "- ",
    "# ",
    "[",
    "]",
    "*",
    "Ford",
    "Xiaomi",
    "denied",
    "talks",
    "the",
    "report",
    ".",
    ",",
]

chunk = st.one_of(
    st.sampled_from(ODD), st.sampled_from(MARKERS), st.sampled_from(MD), st.text(st.characters(), max_size=6)
)
any_text = st.lists(chunk, max_size=40).map("".join)
# plain-ish text: words, spaces, punctuation, single newlines, odd unicode but no markup that could
# change the meaning of markers (for the "edits keep the anchor" properties)
SAFE_ALPHABET = st.sampled_from([*list("abcdefXYZ .,;:!?'\"()[]*_#=+0123456789"), "é", "́", "\u202e", "ש", "📈", "\x00"])
safe_insert = st.text(SAFE_ALPHABET, max_size=12)
safe_insert_nl = st.text(st.one_of(SAFE_ALPHABET, st.just("\n")), max_size=12)


# BUG (reported): check_span/wrap_span only refuse spans in or across existing code, but a marker
# inserted next to a backtick can change how backticks pair up: it splits a run that is not code
# ("x `` y") or separates a backslash from the backtick it escapes ("\\`"). The halves then pair
# as inline code around a marker, and the new anchor is not found (the claim is unanchored right
# after marking). Pinned by test_wrap_span_never_changes_code_spans (xfail); until fixed the
# properties skip spans whose boundaries touch a backtick.
BACKTICK_FIXED = False


def _touches_backtick(text: str, s: int, e: int) -> bool:
    return any(0 <= q < len(text) and text[q] == "`" for q in (s - 1, s, e - 1, e))


def _live_anchor_texts(text: str) -> list[tuple[str, str]]:
    return sorted((a.key, a.text(text)) for a in find_anchors(text))


# -- never raises -----------------------------------------------------------------------------


@_settings("never_raises")
@given(any_text, st.integers(0, 10_000), st.integers(0, 10_000), st.text(max_size=20))
def test_anchor_functions_never_raise_on_arbitrary_text(text, i, j, phrase):
    anchors = find_anchors(text)
    for a in anchors:
        assert 0 <= a.start < a.text_start <= a.text_end < a.end <= len(text)
        assert text[a.start : a.text_start].startswith("<!--") and text[a.text_end : a.end].endswith("-->")
    assert anchored_keys(text) == {a.key for a in anchors}
    stripped = strip_markers(text)
    assert len(stripped) <= len(text)
    for a in anchors:
        unwrap(text, a.key)
    pos = i % (len(text) + 1)
    found = anchor_at(text, pos)
    assert found is None or found in anchors
    start, end = sorted((i % (len(text) + 1), j % (len(text) + 1)))
    try:
        s, e = check_span(text, start, end)
        assert start <= s < e <= end
    except ValueError:
        pass
    try:
        wrapped = wrap_span(text, start, end, "zz9")
        if BACKTICK_FIXED or not _touches_backtick(text, *check_span(text, start, end)):
            assert "zz9" in anchored_keys(wrapped)
    except ValueError:
        pass
    result = anchor_in_first_occurrence(text, phrase, "zz9")
    assert result is None or "zz9" in anchored_keys(result)


# -- wrap / find round trip ---------------------------------------------------------------------


@settings(
    max_examples=max(1, int(EXAMPLES["wrap_roundtrip"] * SCALE)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(any_text, st.integers(0, 10_000), st.integers(0, 10_000))
def test_wrap_span_then_find_anchors_round_trips(text, i, j):
    start, end = sorted((i % (len(text) + 1), j % (len(text) + 1)))
    key = next_key(anchored_keys(text))
    assume(f"claim {key}" not in text)
    try:
        s, e = check_span(text, start, end)
        wrapped = wrap_span(text, start, end, key)
    except ValueError:
        reject()  # not a pass: hypothesis fails the test (filter_too_much) if few spans get past
    if not BACKTICK_FIXED:
        assume(not _touches_backtick(text, s, e))
    span = text[s:e]
    assert span.strip() == span and span
    assert wrapped == text[:s] + open_marker(key) + span + CLOSE_MARKER + text[e:]
    mine = [a for a in find_anchors(wrapped) if a.key == key]
    assert len(mine) == 1
    (a,) = mine
    assert a.text(wrapped) == span
    assert (a.start, a.text_start) == (s, s + len(open_marker(key)))
    # the other anchors are untouched, and the markers come off again
    before = _live_anchor_texts(text)
    after = [kt for kt in _live_anchor_texts(wrapped) if kt[0] != key]
    assert after == before
    assert unwrap(wrapped, key) == text
    assert strip_markers(wrapped) == strip_markers(text)
    if "<!--" not in text:
        assert strip_markers(wrapped) == text


SAFE_WORD = st.text(st.sampled_from([*list("abcdefXYZ0123456789"), "é", "ש", "📈"]), min_size=1, max_size=12)


@_settings("wrap_roundtrip")
@given(safe_insert, SAFE_WORD, safe_insert)
def test_a_word_in_plain_prose_is_always_accepted_and_found_again(before, word, after):
    """No refusal may hide here: outside code, markers and paragraph breaks every span is wrapped."""
    text = before + word + after
    start, end = len(before), len(before) + len(word)
    assert check_span(text, start, end) == (start, end)
    wrapped = wrap_span(text, start, end, "zz9")
    (a,) = [a for a in find_anchors(wrapped) if a.key == "zz9"]
    assert a.text(wrapped) == word
    assert unwrap(wrapped, "zz9") == text


@pytest.mark.xfail(
    strict=True,
    reason="anchors._check_span only refuses boundaries inside existing code spans; a "
    "marker that splits an unpaired backtick run ('x `` y') or separates a backslash from the "
    "backtick it escapes makes the backticks pair up as inline code around the close marker, and "
    "wrap_span returns text where the new anchor is not found",
)
@pytest.mark.parametrize(
    "text, start, end", [("\x00``", 0, 2), ("Ford `` said ` no", 0, 6), ("\\`\x00`", 1, 2), ("Run \\`rm` now", 5, 8)]
)
def test_wrap_span_never_changes_code_spans(text, start, end):
    try:
        wrapped = wrap_span(text, start, end, "c1")
    except ValueError:
        return  # refusing is fine
    assert "c1" in anchored_keys(wrapped), wrapped


@pytest.mark.xfail(
    strict=True,
    reason="anchors._fenced_ranges: a fence opened inside a block quote ('> ```') and "
    "not closed there runs to the end of the document, so every later claim anchor counts as code "
    "and is dropped, while the renderer shows an ordinary quote and plain text",
)
def test_an_unclosed_fence_inside_a_quote_does_not_swallow_later_anchors():
    text = "> ```\n> quoted code\n\nLater: Ford <!--claim c1-->denied the report<!--/claim-->."
    assert anchored_keys(text) == {"c1"}


# -- edits that do not touch the markers keep the anchor ------------------------------------------


@st.composite
def anchored_document(draw):
    """(text, anchor) with one anchor of key 'k1' in a paragraph of words."""
    before = "".join(
        draw(
            st.lists(
                st.one_of(SAFE_ALPHABET, st.sampled_from(["\n", "\n\n", "`x`", "<!--claim c1-->a<!--/claim-->"])),
                max_size=40,
            )
        )
    )
    words = draw(st.text(SAFE_ALPHABET, min_size=1, max_size=30).filter(lambda w: w.strip()))
    after = "".join(draw(st.lists(st.one_of(SAFE_ALPHABET, st.sampled_from(["\n", "\n\n", "`y`"])), max_size=40)))
    sep1 = draw(st.sampled_from(["", " ", "\n"]))
    sep2 = draw(st.sampled_from(["", " ", "\n"]))
    base = before + sep1 + words + sep2 + after
    s = len(before) + len(sep1)
    text = wrap_span(base, s, s + len(words), "k1")
    (a,) = [x for x in find_anchors(text) if x.key == "k1"]
    return text, a


@_settings("edit_outside")
@given(anchored_document(), st.integers(0, 10_000), st.integers(0, 30), safe_insert_nl, st.booleans())
def test_edits_outside_an_anchor_keep_it(doc, at, cut, insert, after_anchor):
    text, a = doc
    anchored = a.text(text)
    if after_anchor:
        lo, hi = a.end, len(text)
    else:
        lo, hi = 0, a.start
    i = lo + at % (hi - lo + 1)
    j = min(hi, i + cut % 8)
    # deleting code or marker syntax (a backtick of "`x`", part of another marker) legitimately
    # changes what is code or a marker: such edits are not "outside" in the sense meant here
    if any(c in text[i:j] for c in "`~<>-!\n"):
        j = i
    # an inserted newline may move backticks or tildes to a line start: keep newlines out then
    if any(c in text for c in "`~"):
        insert = insert.replace("\n", " ")
    edited = text[:i] + insert + text[j:]
    # the edit may join "<!-" + "-" into a new marker elsewhere; it never touches ours
    mine = [x for x in find_anchors(edited) if x.key == "k1"]
    assert [x.text(edited) for x in mine] == [anchored]


@_settings("edit_inside")
@given(anchored_document(), st.integers(0, 10_000), st.integers(0, 30), safe_insert)
def test_edits_inside_an_anchor_keep_it_and_change_its_text(doc, at, cut, insert):
    text, a = doc
    i = a.text_start + at % (a.text_end - a.text_start + 1)
    j = min(a.text_end, i + cut % 6)
    edited = text[:i] + insert + text[j:]
    mine = [x for x in find_anchors(edited) if x.key == "k1"]
    assert [x.text(edited) for x in mine] == [text[a.text_start : i] + insert + text[j : a.text_end]]


@_settings("delete")
@given(anchored_document(), st.sampled_from(["whole", "open", "close", "words"]))
def test_deleting_the_anchor_removes_the_key(doc, what):
    text, a = doc
    if what == "whole":
        edited = text[: a.start] + text[a.end :]
    elif what == "open":
        edited = text[: a.start] + text[a.text_start :]
    elif what == "close":
        edited = text[: a.text_end] + text[a.end :]
    else:  # the words go, the empty pair stays: still an anchor, with no text
        edited = text[: a.text_start] + text[a.text_end :]
        (b,) = [x for x in find_anchors(edited) if x.key == "k1"]
        assert b.text(edited) == ""
        return
    assert "k1" not in anchored_keys(edited)
    assert "k1" not in anchored_keys(strip_markers(edited))


@_settings("anchor_at")
@given(any_text.map(lambda t: t + "<!--claim c7-->x<!--/claim--><!--claim c8-->y<!--/claim-->"), st.integers(0, 10_000))
def test_anchor_at_agrees_with_find_anchors(text, at):
    pos = at % (len(text) + 1)
    anchors = find_anchors(text)
    found = anchor_at(text, pos)
    containing = [a for a in anchors if a.start <= pos <= a.end]
    if not containing:
        assert found is None
    else:
        # adjacent anchors share a boundary: the later one (the one the cursor is entering) wins
        assert found == containing[-1]
    for a in anchors:
        assert anchor_at(text, a.start) is not None and anchor_at(text, a.end) is not None
        mid = (a.text_start + a.text_end) // 2
        assert anchor_at(text, mid) == a


# -- comment anchors: EditMap (the pure mapping reanchor_comments uses) -----------------------------

comment_text = st.lists(
    st.one_of(
        st.characters(exclude_categories=["Cs"]), st.sampled_from(["\n", " ", "\n\n", "ab", "Ford ", "denied. "])
    ),
    min_size=1,
    max_size=120,
).map("".join)


# BUG (reported): EditMap.between takes the longest common prefix, then the longest common suffix.
# When the text typed just before a comment starts with the comment's first characters (or the
# text typed just after it ends with its last ones), the shared characters are matched to the
# typed text and the edit "slides" into the range: with a comment on "Ford denied", typing
# "Ford's CEO said " in front of it makes the comment cover "Ford's CEO said Ford denied".
# Pinned by test_typing_in_front_of_a_comment_does_not_widen_it (xfail); until fixed the property
# skips exactly the edits that can slide (the common prefix/suffix runs past the edit).
EDIT_SLIDE_FIXED = False


def _edit_can_slide(old: str, new: str, i: int, j: int) -> bool:
    p = 0
    n = min(len(old), len(new))
    while p < n and old[p] == new[p]:
        p += 1
    q = 0
    while q < n - min(p, i) and old[len(old) - 1 - q] == new[len(new) - 1 - q]:
        q += 1
    return p > i or q > len(old) - j


@st.composite
def text_range_and_outside_edit(draw):
    """(old, s, e, new, i, j): `new` is `old` with old[i:j] replaced, [i, j) outside [s, e)."""
    old = draw(comment_text)
    s = draw(st.integers(0, len(old) - 1))
    e = draw(st.integers(s + 1, len(old)))
    before = draw(st.booleans())
    if before:
        i = draw(st.integers(0, s))
        j = draw(st.integers(i, s))
    else:
        i = draw(st.integers(e, len(old)))
        j = draw(st.integers(i, len(old)))
    insert = draw(st.text(max_size=20) | st.sampled_from(["", old[s:e], old[s:e][:1], "\n\n"]))
    return old, s, e, old[:i] + insert + old[j:], i, j


@_settings("editmap_outside")
@given(text_range_and_outside_edit())
def test_edit_map_keeps_the_commented_text_for_edits_outside_it(case):
    old, s, e, new, i, j = case
    if not EDIT_SLIDE_FIXED:
        assume(not _edit_can_slide(old, new, i, j))
    mapped = EditMap.between(old, new).map_range(s, e)
    assert mapped is not None
    a, b = mapped
    assert 0 <= a < b <= len(new)
    assert new[a:b] == old[s:e]


@_settings("editmap_any")
@given(st.text(max_size=300), st.text(max_size=300), st.integers(0, 400), st.integers(0, 400))
def test_edit_map_never_raises_and_stays_in_the_new_text(old, new, i, j):
    emap = EditMap.between(old, new)
    for a, b, k in emap.blocks:
        assert k > 0 and old[a : a + k] == new[b : b + k]
    start, end = sorted((i % (len(old) + 1), j % (len(old) + 1)))
    mapped = emap.map_range(start, end)
    if mapped is not None:
        assert 0 <= mapped[0] < mapped[1] <= len(new)
    else:
        assert start == end or all(min(a + k, end) <= max(a, start) for a, b, k in emap.blocks)


@pytest.mark.xfail(
    strict=True,
    reason="store.review.EditMap.between matches the longest common prefix first, so "
    "text typed in front of a comment that starts with the comment's first word slides into the "
    "range: the comment on 'Ford denied' ends up on \"Ford's CEO said Ford denied\"",
)
@pytest.mark.parametrize("typed", ["Ford's CEO said ", "F"])
def test_typing_in_front_of_a_comment_does_not_widen_it(tmp_path, typed):
    store = open_store(tmp_path / "s.sqlite", seed_sample=False)
    try:
        review = Review(store)
        old = "Xiaomi said Ford denied the report."
        s = old.index("Ford denied")
        article = store.create(title="t", body=old)
        c = review.add_comment(article.id, "Source?", "ed", anchor=(s, s + len("Ford denied"), "Ford denied"))
        new = old[:s] + typed + old[s:]
        review.reanchor_comments(article.id, old, new)
        c = review.get_comment(c.id)
        assert new[c.anchor_start : c.anchor_end] == "Ford denied"
    finally:
        store.close()


# -- comment anchors through the real store ---------------------------------------------------------


@pytest.fixture(scope="module")
def review_store(tmp_path_factory):
    store = open_store(Path(tmp_path_factory.mktemp("fuzz_review")) / "s.sqlite", seed_sample=False)
    yield store, Review(store)
    store.close()


@_settings("store_reanchor")
@given(case=text_range_and_outside_edit(), arbitrary=st.text(max_size=60))
def test_store_reanchor_comments_keeps_text_for_outside_edits_and_never_raises(review_store, case, arbitrary):
    store, review = review_store
    old, s, e, new, i, j = case
    if not EDIT_SLIDE_FIXED:
        assume(not _edit_can_slide(old, new, i, j))
    quoted = old[s:e]
    assume(quoted.strip() and quoted == quoted.strip())  # the editor quotes trimmed selections
    article = store.create(title="fuzz", body=old)
    comment = review.add_comment(article.id, "Source?", "ed", anchor=(s, e, quoted))
    review.reanchor_comments(article.id, old, new)
    (c,) = [x for x in review.list_comments(article.id) if x.id == comment.id]
    assert not c.detached
    assert new[c.anchor_start : c.anchor_end] == quoted
    # then any edit at all (lone surrogates included): never raises, never points outside the text
    wild = new[: len(new) // 2] + arbitrary + "\ud800" + new[len(new) // 2 :]
    review.reanchor_comments(article.id, new, wild)
    (c,) = [x for x in review.list_comments(article.id) if x.id == comment.id]
    stored = normalize_for_store(wild).text
    if not c.detached:
        assert 0 <= c.anchor_start < c.anchor_end <= len(stored)
        assert stored[c.anchor_start : c.anchor_end].strip()
