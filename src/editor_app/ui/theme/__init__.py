"""Light and dark: the writer's choice (System / Light / Dark), the palettes, and one place that
tells every part of the window the theme changed."""
