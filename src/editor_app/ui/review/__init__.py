"""Editorial review: status, checklist, sources, comments, history."""
