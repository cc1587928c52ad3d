"""Claims: the Claims pane, its dialogs, and the anchors in the editor."""
