"""spelling words: the desk dictionary and per-article ignores (spell check, issue 14)

Revision ID: 0008_spelling_words
Revises: 0007_claim_proposals
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_spelling_words"
down_revision = "0007_claim_proposals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spelling_words",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=True),
        sa.Column("word", sa.String(100), nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_spelling_words_article_word", "spelling_words", ["article_id", "word"])


def downgrade() -> None:
    op.drop_index("ix_spelling_words_article_word", "spelling_words")
    op.drop_table("spelling_words")
