"""The outline of an article: its headings, the words and claims of each section."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.outline import SectionCounter, headings, outline
from editor_app.core.text import text_stats, word_count

STORY = """\
The port authority raised its fees on Monday.

## What changed

Container fees rose by a tenth.

### For shippers

Shippers said they would pass the cost on.

## What comes next

A review is due in <!--claim c1-->the spring<!--/claim-->.
"""


def titles(text: str) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in headings(text)]


def test_atx_headings_with_their_levels_and_lines():
    found = headings(STORY)
    assert [(h.level, h.title, h.line) for h in found] == [
        (2, "What changed", 2),
        (3, "For shippers", 6),
        (2, "What comes next", 10),
    ]


def test_setext_headings_take_the_whole_paragraph_as_title():
    text = "Intro line\n\nMarkets\n=======\n\nA two line\nheading here\n---\n\nText.\n"
    assert titles(text) == [(1, "Markets"), (2, "A two line heading here")]
    assert headings(text)[1].line == 5  # the paragraph's first line


def test_a_rule_after_a_blank_line_or_a_list_is_not_a_heading():
    text = "Para\n\n---\n\n- one item\n---\n\n* * *\n"
    assert titles(text) == []


def test_hash_lines_in_fenced_code_and_front_matter_are_not_headings():
    text = (
        "---\ntitle: Fees\n# a YAML comment\n---\n"
        "## Real heading\n\n```bash\n# a shell comment\n```\n\n~~~~\n## still code\n~~~~\n\n# Second\n"
    )
    assert titles(text) == [(2, "Real heading"), (1, "Second")]


def test_a_hash_without_a_space_or_escaped_is_text():
    assert titles("#hashtag line\n\n\\# not a heading\n\n#\n") == []


def test_titles_read_as_a_reader_reads_them():
    text = "## The **big** [deal](https://example.com/x) <!--claim c2-->today<!--/claim--> ##\n"
    assert titles(text) == [(2, "The big deal today")]


def test_sections_add_up_to_the_status_bar_count():
    result = outline(STORY)
    assert result.words == text_stats(STORY).words
    assert result.lead_words == word_count("The port authority raised its fees on Monday.")
    first = result.sections[0]
    assert first.words == word_count("## What changed\n\nContainer fees rose by a tenth.\n\n")


def test_a_parent_section_totals_its_sub_sections():
    result = outline(STORY)
    assert [s.parent for s in result.sections] == [-1, 0, -1]
    assert result.children(-1) == [0, 2]
    assert result.children(0) == [1]
    assert result.total_words(0) == result.sections[0].words + result.sections[1].words
    assert result.total_words(1) == result.sections[1].words


def test_claims_belong_to_the_section_they_are_anchored_in():
    result = outline(STORY)
    assert [s.claims for s in result.sections] == [(), (), ("c1",)]
    assert result.total_claims(0) == 0


def test_a_line_maps_to_its_section():
    result = outline(STORY)
    assert result.section_at_line(0) == -1  # the lede
    assert result.section_at_line(2) == 0
    assert result.section_at_line(5) == 0
    assert result.section_at_line(6) == 1
    assert result.section_at_line(100) == 2
    assert result.count_lines([4, 8, 8, 12, 0]) == [1, 2, 1]


def test_sections_are_bounded_by_lines():
    result = outline(STORY)
    assert [(s.first_line, s.end_line) for s in result.sections] == [(2, 6), (6, 10), (10, 14)]
    assert result.line_count == 14  # as the editor counts blocks: the empty last line too


def test_no_headings_is_all_lede():
    result = outline("Just one paragraph of five.")
    assert result.sections == ()
    assert result.words == result.lead_words == 5
    assert result.section_at_line(0) == -1


def test_empty_text():
    result = outline("")
    assert result.sections == () and result.words == 0


def test_the_counter_counts_only_sections_that_changed():
    counter = SectionCounter()
    outline(STORY, counter)
    assert counter.counted == 4  # the lede and three sections
    edited = STORY.replace("pass the cost on", "pass the whole cost on")
    result = outline(edited, counter)
    assert counter.counted == 1
    assert result.words == text_stats(edited).words


def test_a_target_shows_in_the_word_count():
    stats = text_stats("one two three")
    assert stats.describe().startswith("3 words · ")
    assert stats.describe(target=800).startswith("3 / 800 words · ")


# -- properties (hypothesis): any mix of headings, fences, lists, rules and prose ------------------

_LINES = st.sampled_from(
    [
        "",
        "# Markets",
        "## Asia and *Europe*",
        "###### Deep",
        "#no space",
        "Plain words in a line.",
        "Another line, with [a link](https://example.com/x).",
        "===",
        "---",
        "- a list item",
        "1. a numbered item",
        "> a quoted line",
        "```",
        "~~~",
        "    indented code",
        "| a | b |",
        "* * *",
        "\\# escaped",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=40), st.booleans())
def test_sections_always_add_up_and_cover_the_text(lines, front_matter):
    text = ("---\ntitle: x\n# yaml\n---\n" if front_matter else "") + "\n".join(lines)
    result = outline(text)
    assert result.words == text_stats(text).words
    firsts = [s.first_line for s in result.sections]
    assert firsts == sorted(set(firsts))
    for i, s in enumerate(result.sections):
        assert s.first_line < s.end_line <= result.line_count
        assert result.section_at_line(s.first_line) == i
        assert s.parent < i and (s.parent == -1 or result.sections[s.parent].level < s.level)
    if front_matter:
        assert all(s.first_line >= 4 for s in result.sections)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=30), st.lists(_LINES, max_size=30))
def test_a_counter_that_saw_other_text_gives_the_same_outline(first, second):
    counter = SectionCounter()
    outline("\n".join(first), counter)
    text = "\n".join(second)
    assert outline(text, counter) == outline(text)
