"""One converter between Qt text positions (UTF-16) and Python indexes, checked against Qt."""

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from editor_app.ui.common.text_positions import TextPositions, python_index, qt_length, qt_position

TEXT = st.text(alphabet=st.sampled_from(["a", "é", " ", "😀", "𝄞", "中", "\u00a0"]), max_size=40)


@given(TEXT)
def test_positions_agree_with_a_qt_document(text):
    doc = QTextDocument()
    doc.setPlainText(text)
    cursor = QTextCursor(doc)
    positions = TextPositions(text)
    assert qt_length(text) == doc.characterCount() - 1
    for i in range(len(text) + 1):
        cursor.setPosition(qt_position(text, i))
        cursor.movePosition(QTextCursor.MoveOperation.Start, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[:i]  # the same place, seen from both sides
        assert positions.to_qt(i) == qt_position(text, i)
        assert positions.to_python(qt_position(text, i)) == i == python_index(text, qt_position(text, i))


def test_a_position_inside_an_emoji_means_its_start():
    text = "Ford 😀 said"
    inside = qt_position(text, 5) + 1  # between the two halves of the emoji
    assert python_index(text, inside) == 5
    assert TextPositions(text).to_python(inside) == 5
