"""article images: content-addressed picture blobs (images pasted or dropped into articles, issue 14)

Revision ID: 0010_article_images
Revises: 0009_word_target
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_article_images"
down_revision = "0009_word_target"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "images",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("mime", sa.String(40), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("images")
