"""Property-based tests (hypothesis) for the reporting assistant: on any text, news-like or not,
`propose` never raises and every span it returns points at the words it reports."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.core.reporting import propose, split_sentences

WORDS = [
    "Ford",
    "Xiaomi",
    "the",
    "company",
    "said",
    "denied",
    "a",
    "report",
    "in",
    "Financial",
    "Times",
    "according",
    "to",
    "people",
    "familiar",
    "with",
    "matter",
    "declined",
    "comment",
    "It",
    "added",
    "spokesman",
    "for",
    "could",
    "not",
    "be",
    "reached",
    "rumours",
    "that",
    "confirmed",
    "talks",
    "no",
    "plans",
    "retracted",
    "story",
    "misquoted",
    "(Reuters)",
    "-",
    ",",
    ".",
    '"',
    "**",
    "[link](http://x)",
    "\n",
    "\n\n",
    "# ",
    "- ",
    "Inc.",
    "U.S.",
    "J.",
    "😀",
    "é",
    "\u200f",
    "\x00",
    "  ",
    "\t",
]
newsy = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join)


def check(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    for c in propose(text):
        assert text[c.start : c.end] == c.text
        assert 0 <= c.start < c.end <= len(text)
        for r in c.reported_by:
            assert 0 <= r.start <= r.end <= len(text)
        for r in c.responses:
            assert text[r.start : r.end] == r.quote
            assert r.start <= r.cue_start <= r.cue_end <= r.end
        for a, b in c.evidence:
            assert 0 <= a < b <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsy)
def test_newsy_word_salad(text):
    check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    check(text)
