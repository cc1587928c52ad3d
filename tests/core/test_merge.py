"""Three-way merge of two writers' texts: separate edits combine, the same words clash."""

from editor_app.core.merge import merge3

BASE = (
    "Ford held talks with Xiaomi about an EV partnership, a newspaper reported.\n\n"
    "Ford said it does not comment on speculation.\n\n"
    "Xiaomi shares rose 4% in Hong Kong."
)


def test_edits_to_different_paragraphs_both_arrive():
    mine = BASE.replace("does not comment on speculation", "denied the report")
    theirs = BASE.replace("rose 4%", "rose 4.2%")
    merged = merge3(BASE, mine, theirs)
    assert merged.clean
    assert "denied the report" in merged.text and "rose 4.2%" in merged.text


def test_the_same_words_rewritten_by_both_is_a_conflict_and_mine_stays():
    mine = BASE.replace("does not comment on speculation", "denied the report on Tuesday")
    theirs = BASE.replace("does not comment on speculation", "declined to comment")
    merged = merge3(BASE, mine, theirs)
    assert not merged.clean
    assert "denied the report on Tuesday" in merged.text  # the writer's own words are never dropped
    assert any("declined to comment" in c.theirs for c in merged.conflicts)


def test_trivial_cases():
    assert merge3(BASE, BASE + " More.", BASE).text == BASE + " More."
    assert merge3(BASE, BASE, BASE + " Theirs.").text == BASE + " Theirs."
    assert merge3(BASE, "Same.", "Same.").text == "Same."
