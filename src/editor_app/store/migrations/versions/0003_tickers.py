"""ticker tags and dismissed ticker suggestions

Revision ID: 0003_tickers
Revises: 0002_claims
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_tickers"
down_revision = "0002_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_tickers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("symbol", sa.String(32), nullable=False),
        sa.Column("mic", sa.String(8), nullable=False, server_default=""),
        sa.Column("name", sa.String, nullable=False, server_default=""),
        sa.Column("exchange", sa.String, nullable=False, server_default=""),
        sa.Column("role", sa.String(10), nullable=False, server_default="mentions"),
        sa.Column("unlisted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "symbol", "mic", name="uq_article_tickers_article_symbol_mic"),
    )
    op.create_index("ix_article_tickers_symbol_mic", "article_tickers", ["symbol", "mic"])
    op.create_table(
        "ticker_dismissals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("symbol", sa.String(32), nullable=False),
        sa.Column("mic", sa.String(8), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "symbol", "mic", name="uq_ticker_dismissals_article_symbol_mic"),
    )


def downgrade() -> None:
    op.drop_table("ticker_dismissals")
    op.drop_index("ix_article_tickers_symbol_mic", "article_tickers")
    op.drop_table("article_tickers")
