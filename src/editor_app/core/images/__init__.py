"""Images in articles (issue 14): what may be stored (`intake`), how the Markdown names a stored
image (`refs`), and what the checklist asks of them (`checks`). No Qt, no database."""
