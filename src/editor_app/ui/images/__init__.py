"""Pictures in the editor and the preview (issue 14): paste, drop, Insert Image, the `image:` scheme."""
