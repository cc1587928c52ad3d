"""The window's frame: actions, the panes registry, layout, workspaces, help and first start."""
