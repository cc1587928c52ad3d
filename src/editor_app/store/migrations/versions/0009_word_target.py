"""word target: a target length per article, and its word count for the library (issue 14)

`word_target` is the writer's target in words (NULL: none). `word_count` is the body's words as
the status bar counts them (`core.text.word_count`), kept by `Store.save` whenever the body
changes, so the library shows "612 / 800" for a page of rows without reading 100 bodies.
Existing articles are counted here once, a batch at a time.

Revision ID: 0009_word_target
Revises: 0008_spelling_words
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_word_target"
down_revision = "0008_spelling_words"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    from editor_app.core.text import word_count

    # Plain ADD COLUMN (no table rebuild): the FTS triggers on `articles` stay as they are, and
    # they reindex only for title/dek/body, so counting below does not touch the search index.
    op.add_column("articles", sa.Column("word_target", sa.Integer, nullable=True))
    op.add_column("articles", sa.Column("word_count", sa.Integer, nullable=True))
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.text("SELECT id, body FROM articles WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": BATCH}
        ).fetchall()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE articles SET word_count = :n WHERE id = :id"),
            [{"n": word_count(body or ""), "id": aid} for aid, body in rows],
        )
        last = rows[-1][0]


def downgrade() -> None:
    # SQLite >= 3.35 drops columns in place; a batch rebuild would lose the FTS triggers.
    op.execute("ALTER TABLE articles DROP COLUMN word_count")
    op.execute("ALTER TABLE articles DROP COLUMN word_target")
