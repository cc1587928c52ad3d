"""team: a version of each article's text and of each claim, for saves that never overwrite
someone else's silently (the team store, issue 16)

Revision ID: 0013_team
Revises: 0012_reply_requests
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_team"
down_revision = "0012_reply_requests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): SQLite's FTS triggers on `articles` stay as they are.
    op.add_column("articles", sa.Column("text_version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("claims", sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    op.execute("ALTER TABLE claims DROP COLUMN version")
    op.execute("ALTER TABLE articles DROP COLUMN text_version")
