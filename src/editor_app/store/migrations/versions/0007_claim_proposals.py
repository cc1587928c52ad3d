"""claim proposals the writer dismissed (the reporting assistant, issue 18)

Revision ID: 0007_claim_proposals
Revises: 0006_library
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_claim_proposals"
down_revision = "0006_library"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_proposal_dismissals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "key", name="uq_claim_proposal_dismissals_article_key"),
    )


def downgrade() -> None:
    op.drop_table("claim_proposal_dismissals")
