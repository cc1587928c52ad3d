"""Pieces every pane shares: text positions, theme and status palette, small widgets, lazy docks."""
