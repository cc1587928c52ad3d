"""reply requests: right of reply for each party of a claim (issue 15)

Revision ID: 0012_reply_requests
Revises: 0011_notices
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_reply_requests"
down_revision = "0011_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reply_requests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        sa.Column("party_id", sa.Integer, sa.ForeignKey("parties.id"), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("asked_at", sa.DateTime, nullable=False),
        sa.Column("asked_by", sa.String, nullable=False, server_default=""),
        sa.Column("deadline", sa.DateTime, nullable=False),
        sa.Column("zone", sa.String(64), nullable=False, server_default="UTC"),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.Column(
            "closed_by_response_id",
            sa.Integer,
            sa.ForeignKey("claim_responses.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("closed_by", sa.Text, nullable=False, server_default=""),
        sa.CheckConstraint("method IN ('phone', 'email', 'statement_request')", name="ck_reply_requests_method"),
    )
    op.create_index("ix_reply_requests_article_id", "reply_requests", ["article_id"])
    op.create_index("ix_reply_requests_claim_party", "reply_requests", ["claim_id", "party_id"])
    op.create_index("ix_reply_requests_closed_by_response_id", "reply_requests", ["closed_by_response_id"])


def downgrade() -> None:
    op.drop_index("ix_reply_requests_closed_by_response_id", "reply_requests")
    op.drop_index("ix_reply_requests_claim_party", "reply_requests")
    op.drop_index("ix_reply_requests_article_id", "reply_requests")
    op.drop_table("reply_requests")
