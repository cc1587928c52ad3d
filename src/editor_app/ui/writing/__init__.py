"""Writing modes: scroll sync between text and preview, focus mode, typewriter scrolling, full screen."""
