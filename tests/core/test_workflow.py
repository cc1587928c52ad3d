"""Workflow rules: allowed transitions, errors in plain words, checklist targets, desk user."""

from __future__ import annotations

import getpass

import pytest

from editor_app.core.article import ArticleStatus as S
from editor_app.core.checklist import CheckItem, Location
from editor_app.core.workflow import (
    TRANSITIONS,
    ChecklistBlocked,
    InvalidTransition,
    StatusChange,
    allowed_targets,
    check_transition,
    desk_user,
    is_allowed,
    parse_status,
    runs_checklist,
)

ALLOWED = {
    (S.DRAFT, S.IN_REVIEW),
    (S.IN_REVIEW, S.APPROVED),
    (S.IN_REVIEW, S.NEEDS_WORK),
    (S.NEEDS_WORK, S.IN_REVIEW),
    (S.APPROVED, S.PUBLISHED),
    (S.APPROVED, S.NEEDS_WORK),
    (S.PUBLISHED, S.NEEDS_WORK),
    (S.SPIKED, S.DRAFT),
    *((s, S.SPIKED) for s in S if s != S.SPIKED),
}


@pytest.mark.parametrize("src", list(S))
@pytest.mark.parametrize("dst", list(S))
def test_every_pair_is_allowed_exactly_as_specified(src, dst):
    assert is_allowed(src, dst) == ((src, dst) in ALLOWED)
    if (src, dst) in ALLOWED:
        check_transition(src, dst)
    else:
        with pytest.raises(InvalidTransition) as err:
            check_transition(src, dst)
        assert isinstance(err.value, ValueError)
        assert err.value.from_status == src and err.value.to_status == dst


def test_error_message_names_the_allowed_moves():
    with pytest.raises(InvalidTransition, match="draft cannot go to published; it can go to in review or spiked"):
        check_transition(S.DRAFT, S.PUBLISHED)
    with pytest.raises(InvalidTransition, match="already approved"):
        check_transition("approved", "approved")


def test_allowed_targets_in_workflow_order():
    assert allowed_targets(S.IN_REVIEW) == [S.NEEDS_WORK, S.APPROVED, S.SPIKED]
    assert allowed_targets("published") == [S.NEEDS_WORK, S.SPIKED]
    assert set(TRANSITIONS) == set(S)


def test_checklist_runs_on_approve_and_publish_only():
    assert {s for s in S if runs_checklist(s)} == {S.APPROVED, S.PUBLISHED}


def test_parse_status_accepts_spellings():
    assert parse_status("in review") == S.IN_REVIEW
    assert parse_status("In-Review") == S.IN_REVIEW
    assert parse_status("needs work") == S.NEEDS_WORK
    assert parse_status(S.SPIKED) == S.SPIKED
    with pytest.raises(ValueError, match="unknown status 'done'"):
        parse_status("done")


def test_desk_user_prefers_the_setting(monkeypatch):
    assert desk_user("  Ana   Ruiz ") == "Ana Ruiz"
    monkeypatch.setattr(getpass, "getuser", lambda: "osuser")
    assert desk_user("") == "osuser"
    assert desk_user(None) == "osuser"

    def boom() -> str:
        raise OSError("no user")

    monkeypatch.setattr(getpass, "getuser", boom)
    assert desk_user() == "unknown"


def test_status_change_record_and_checklist_blocked_message():
    change = StatusChange(S.IN_REVIEW, S.APPROVED, "ed", note="good", override_reason="deadline")
    assert change.overridden
    assert change.describe() == "In review → Approved by ed: good (checklist overridden: deadline)"
    assert change.to_dict()["from"] == "in_review" and change.to_dict()["to"] == "approved"
    items = [
        CheckItem("error", "missing_byline", "The byline is missing.", Location("header", "byline")),
        CheckItem("warning", "long_headline", "Long.", Location("header", "title")),
    ]
    blocked = ChecklistBlocked(items, S.APPROVED)
    assert [i.code for i in blocked.items] == ["missing_byline"]
    assert str(blocked).startswith("1 checklist error blocks approval: The byline is missing.")
