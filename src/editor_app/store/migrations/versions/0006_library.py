"""library: a covering index for the library's filters and sorts (store/library_query.py)

Without it every library query reads each article's table row, whose body fills most of a page:
listing 100,000 articles newest first took ~210 ms, with the index ~20 ms.

Revision ID: 0006_library
Revises: 0005_export
Create Date: 2026-11-29
"""

from alembic import op

revision = "0006_library"
down_revision = "0005_export"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(
            "ix_articles_library", "articles", ["deleted_at", "updated_at", "id", "status", "byline", "title"]
        )
    else:  # a B-tree entry holds at most ~2.7 kB: headlines stay out; PostgreSQL reads the rest
        op.create_index("ix_articles_library", "articles", ["deleted_at", "updated_at", "id", "status"])


def downgrade() -> None:
    op.drop_index("ix_articles_library", table_name="articles")
