from editor_app.core.slug import slugify, unique_slug
from editor_app.core.text import normalize_for_store, text_stats


def test_stats_count_words_not_markup():
    stats = text_stats("# Ford **denies** the [report](https://example.com)\n\n- one\n- two")
    assert stats.words == 6  # Ford denies the report one two
    assert stats.characters > 0


def test_stats_count_what_a_reader_reads_not_claim_markers_or_markup():
    """Issue 19: counts included the claim markers and `**`."""
    stats = text_stats("A report says **Ford** <!--claim c1-->held talks<!--/claim--> with [Xiaomi](https://x.com/a).")
    assert stats.words == 8  # A report says Ford held talks with Xiaomi
    assert stats.characters == len("A report says Ford held talks with Xiaomi.")
    assert text_stats("One.\n\nTwo.").characters == len("One. Two.")


def test_reading_time_rounds_up():
    assert text_stats("word " * 460).reading_minutes == 2
    assert text_stats("word " * 20).describe().endswith("<1 min read")


def test_normalize_replaces_lone_surrogates_and_counts_them():
    norm = normalize_for_store("a\ud83db\udc00c")
    assert norm.text == "a\ufffdb\ufffdc"
    assert norm.replaced_surrogates == 2
    assert normalize_for_store("plain 🚗").changed is False


def test_slugify_and_uniqueness():
    assert slugify("Ford, Xiaomi deny EV talks!") == "ford-xiaomi-deny-ev-talks"
    assert slugify("") == "untitled"
    assert slugify("小米 Xiaomi").endswith("xiaomi")
    taken = {"ford", "ford-2"}
    assert unique_slug("Ford", taken.__contains__) == "ford-3"
