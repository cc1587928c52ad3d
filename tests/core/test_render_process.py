"""The time budget: hostile Markdown pauses rendering, it never hangs or kills the caller."""

from __future__ import annotations

import time

from editor_app.core.render_process import RenderProcess


def test_render_in_child_process_returns_html_and_stats():
    with RenderProcess() as rp:
        out = rp.render("## Hello\n\nFord **denies** it.")
        assert out.ok
        assert "<strong>denies</strong>" in out.html
        assert out.stats.words == 4


def test_pathological_input_is_stopped_within_budget_and_next_render_works():
    with RenderProcess() as rp:
        # unbudgeted, this input takes Python-Markdown minutes: the status, not a clock, shows
        # that the budget stopped it
        out = rp.render("[" * 50_000 + "]" * 50_000, budget=1.0)
        assert out.status == "timeout"
        assert "longer than 1.0 s" in out.message
        again = rp.render("still *works*")
        assert again.ok and "<em>works</em>" in again.html


def test_deep_nesting_is_reported_not_fatal():
    nested = "\n".join("  " * i + "- item" for i in range(2000))
    with RenderProcess() as rp:
        out = rp.render(nested, budget=4.0)
        assert out.status in ("timeout", "error")
        assert out.message
        assert rp.render("ok").ok


def test_close_unblocks_a_render_in_progress():
    import threading

    rp = RenderProcess()
    result = {}
    t = threading.Thread(target=lambda: result.setdefault("o", rp.render("[" * 50_000 + "]" * 50_000, budget=60)))
    t.start()
    time.sleep(1.0)
    rp.close()
    t.join(60)  # hang guard: the render itself had a 60 s budget and minutes of work left
    assert not t.is_alive()
    assert result["o"].status == "error"
