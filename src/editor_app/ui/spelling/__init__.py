"""Spell check in the editor: squiggles as you type (`controller`), the context menu and
F7 / Shift+F7 (`menu`)."""
