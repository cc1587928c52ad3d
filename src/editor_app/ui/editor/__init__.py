"""Writing: the Markdown editor, highlighting, formatting, find/replace, header fields, autosave, recovery."""
