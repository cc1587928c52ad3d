"""The Outline dock: the article's headings with words, claims and comments per section."""
