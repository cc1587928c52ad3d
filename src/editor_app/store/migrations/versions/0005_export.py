"""export: desk settings (key/value), articles.canonical_url and articles.tags (JSON list)

Revision ID: 0005_export
Revises: 0004_review
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_export"
down_revision = "0004_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False, server_default=""),
    )
    # Plain ADD COLUMN (no table rebuild): the FTS triggers on `articles` stay as they are.
    op.add_column("articles", sa.Column("canonical_url", sa.String, nullable=False, server_default=""))
    op.add_column("articles", sa.Column("tags", sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    # SQLite >= 3.35 drops columns in place; a batch rebuild would lose the FTS triggers.
    op.execute("ALTER TABLE articles DROP COLUMN tags")
    op.execute("ALTER TABLE articles DROP COLUMN canonical_url")
    op.drop_table("desk_settings")
