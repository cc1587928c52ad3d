"""The live preview: the page export writes, rendered off the UI thread."""
