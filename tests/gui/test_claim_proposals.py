"""The reporting assistant in the real window: the Claims panel proposes what the story claims,
who reported it and how the parties answered; Accept makes an ordinary anchored claim,
Dismiss is remembered for the article after a restart, and nothing is created unasked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor_app.core.claims import ClaimStatus, Stance
from tests.gui.conftest import fresh_article

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
STORY = (
    "Ford shares were little changed on Tuesday.\n\n"
    "The Financial Times reported that Ford held preliminary talks with Xiaomi about building "
    "electric vehicles in the United States.\n\n"
    "Ford denied the report, calling it false. Xiaomi said in a statement that it was not "
    "negotiating such a deal.\n\n"
    "Separately, Ford confirmed its full-year forecast."
)


def _open_claims(qtbot, window):
    if not window.claims_dock.isVisible():
        qtbot.keyClick(window, Qt.Key.Key_C, CTRL_SHIFT)  # View › Claims, the real shortcut
    qtbot.waitUntil(lambda: window.claims_dock.isVisible() and window.claims_dock.built, timeout=10000)
    controller = window.claims
    qtbot.waitUntil(lambda: controller.assistant is not None, timeout=10000)
    return controller.assistant


def _card(qtbot, assistant, words: str):
    qtbot.waitUntil(lambda: assistant.view.card_for(words) is not None, timeout=30000)
    return assistant.view.card_for(words)


def test_accept_creates_an_anchored_claim_with_its_report_and_denials(qtbot, make_window):
    window = make_window()
    article_id = fresh_article(qtbot, window, STORY)
    assistant = _open_claims(qtbot, window)
    card = _card(qtbot, assistant, "Ford held preliminary talks with Xiaomi")
    assert window.claim_store.list_claims(article_id) == []  # proposing creates nothing
    assert "Financial Times" in card.reported_label.text()
    assert "Ford: Denies" in card.answers_label.text()
    assert "Xiaomi: Denies" in card.answers_label.text()

    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # show me the evidence
    marked = assistant.evidence()
    text = window.editor.toPlainText()
    assert any("Ford held preliminary talks with Xiaomi" in text[s:e] for s, e in marked)
    assert any(text[s:e].strip() and "Financial Times" in text[s:e] for s, e in marked)

    qtbot.mouseClick(card.accept_button, Qt.MouseButton.LeftButton)
    claims = window.claim_store.list_claims(article_id)
    assert len(claims) == 1
    claim = claims[0]
    # the claim is what was reported, not who reported it; the anchor sits on those words
    assert (
        claim.wording == "Ford held preliminary talks with Xiaomi about building electric vehicles in the United States"
    )
    assert [a.outlet for a in claim.appearances] == ["Financial Times"]
    assert {(r.party, r.stance) for r in claim.responses} == {("Ford", Stance.DENIES), ("Xiaomi", Stance.DENIES)}
    assert claim.effective.status == ClaimStatus.DENIED
    body = window.editor.toPlainText()
    assert f"reported that <!--claim {claim.key}-->Ford held preliminary talks" in body
    assert "in the United States<!--/claim-->." in body
    assert assistant.evidence() == []
    qtbot.waitUntil(lambda: assistant.view.card_for("Ford held preliminary talks") is None, timeout=10000)
    # the forecast is the company's own news, not an answer to a report
    assert all("forecast" not in c.proposal.text for c in assistant.view.cards)

    window.autosave.flush()
    stored = window.store.get(article_id)
    assert f"<!--claim {claim.key}-->" in stored.body


def test_dismissed_proposal_stays_dismissed_after_a_restart(qtbot, make_window, db_path):
    window = make_window()
    article_id = fresh_article(qtbot, window, STORY)
    assistant = _open_claims(qtbot, window)
    card = _card(qtbot, assistant, "Ford held preliminary talks with Xiaomi")
    qtbot.mouseClick(card.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: assistant.view.card_for("Ford held preliminary talks") is None, timeout=10000)
    assert window.claim_store.list_claims(article_id) == []
    assert assistant.view.restore_button.isVisibleTo(assistant.view)
    window.autosave.flush()
    window.close()

    again = make_window()
    assert again.open_article(article_id)
    assistant = _open_claims(qtbot, again)
    qtbot.waitUntil(lambda: assistant.read_text is not None, timeout=30000)
    assert assistant.view.card_for("Ford held preliminary talks") is None
    qtbot.mouseClick(assistant.view.restore_button, Qt.MouseButton.LeftButton)
    _card(qtbot, assistant, "Ford held preliminary talks with Xiaomi")  # back on request


def test_the_statement_is_told_apart_from_its_attribution():
    from editor_app.core.reporting import propose
    from editor_app.ui.claims.assistant import statement_span

    cases = {
        "Acme held talks with Widget Co about a merger, the Wall Street Journal reported on Monday. "
        "Acme declined to comment.": "Acme held talks with Widget Co about a merger",
        "According to a Bloomberg report, Acme is exploring a sale of its chip unit. "
        "Acme said it does not comment on market rumours.": "Acme is exploring a sale of its chip unit",
        "The Financial Times reported on Monday that Acme plans to cut 500 jobs. Acme denied the report.": (
            "Acme plans to cut 500 jobs"
        ),
    }
    for text, statement in cases.items():
        proposals = propose(text)
        assert proposals, text
        start, end = statement_span(proposals[0])
        assert text[start:end] == statement


def test_a_very_long_text_is_read_from_its_start_and_says_so(qtbot, make_window):
    from editor_app.ui.claims.assistant import READ_LIMIT

    window = make_window()
    filler = "Markets were calm in the afternoon. " * (READ_LIMIT // 30)
    fresh_article(qtbot, window, STORY + "\n\n" + filler)
    assistant = _open_claims(qtbot, window)
    _card(qtbot, assistant, "Ford held preliminary talks with Xiaomi")
    assert f"first {READ_LIMIT:,} characters" in assistant.view.state_label.text()


def test_who_reported_becomes_an_outlet_or_an_attribution():
    from types import SimpleNamespace

    from editor_app.ui.claims.assistant import appearance_for

    def as_recorded(who: str) -> tuple[str, str]:
        a = appearance_for(SimpleNamespace(who=who))
        return a.outlet, a.attribution

    assert as_recorded("The Financial Times") == ("Financial Times", "")
    assert as_recorded("Bloomberg") == ("Bloomberg", "")
    assert as_recorded("people familiar with the matter") == ("", "people familiar with the matter")
    assert as_recorded("The report") == ("", "the report")  # never a party called "report"
    assert as_recorded("media reports") == ("", "media reports")
