"""Word-level changes inside changed lines (issue 19: a four-word edit showed as a whole
paragraph removed and added)."""

from editor_app.core.word_diff import changed_spans, pair_changed_lines


def _words(text: str, spans) -> list[str]:
    return [text[s : s + n] for s, n in spans]


def test_only_the_changed_words_are_marked():
    old = "Ford said on Tuesday it would cut prices in Europe."
    new = "Ford said on Wednesday it would raise prices in Europe."
    removed, added = changed_spans(old, new)
    assert _words(old, removed) == ["Tuesday", "cut"]
    assert _words(new, added) == ["Wednesday", "raise"]


def test_pure_insertions_and_deletions():
    removed, added = changed_spans("Shares fell.", "Shares fell sharply.")
    assert removed == [] and _words("Shares fell sharply.", added) == [" sharply"]
    removed, added = changed_spans("Shares fell sharply.", "Shares fell.")
    assert _words("Shares fell sharply.", removed) == [" sharply"] and added == []
    assert changed_spans("same text", "same text") == ([], [])


def test_runs_of_removed_and_added_lines_are_paired_in_order():
    lines = ["--- a", "+++ b", "@@ -1,2 +1,2 @@", "-One two.", "-Three four.", "+One TWO.", "+Three four!", " tail"]
    spans = pair_changed_lines(lines)
    assert _words(lines[3], spans[3]) == ["two"] and _words(lines[5], spans[5]) == ["TWO"]
    assert _words(lines[4], spans[4]) == ["."] and _words(lines[6], spans[6]) == ["!"]
    assert 0 not in spans and 7 not in spans
