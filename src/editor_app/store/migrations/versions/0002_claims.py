"""claims: parties, claims, appearances, responses and status history

Revision ID: 0002_claims
Revises: 0001_articles
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_claims"
down_revision = "0001_articles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("name_key", sa.String, nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False, server_default="organisation"),
        sa.Column("ticker", sa.String, nullable=False, server_default=""),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("short", sa.String, nullable=False, server_default=""),
        sa.Column("wording", sa.Text, nullable=False, server_default=""),
        sa.Column("first_reported", sa.Date, nullable=True),
        sa.Column("override_status", sa.String(20), nullable=True),
        sa.Column("override_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("override_by", sa.String, nullable=False, server_default=""),
        sa.Column("override_at", sa.DateTime, nullable=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "key", name="uq_claims_article_key"),
    )
    op.create_index("ix_claims_article_position", "claims", ["article_id", "position"])
    op.create_table(
        "claim_appearances",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        sa.Column("outlet_party_id", sa.Integer, sa.ForeignKey("parties.id"), nullable=True),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("url", sa.String, nullable=False, server_default=""),
        sa.Column("date", sa.Date, nullable=True),
        sa.Column("is_first", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("attribution", sa.String, nullable=False, server_default=""),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_claim_appearances_claim_id", "claim_appearances", ["claim_id"])
    op.create_index("ix_claim_appearances_outlet_party_id", "claim_appearances", ["outlet_party_id"])
    op.create_table(
        "claim_responses",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        sa.Column("party_id", sa.Integer, sa.ForeignKey("parties.id"), nullable=True),
        sa.Column("stance", sa.String(32), nullable=False),
        sa.Column("quote", sa.Text, nullable=False, server_default=""),
        sa.Column("spokesperson", sa.String, nullable=False, server_default=""),
        sa.Column("date", sa.Date, nullable=True),
        sa.Column("channel", sa.String(32), nullable=False, server_default="statement"),
        sa.Column("reported_by_party_id", sa.Integer, sa.ForeignKey("parties.id"), nullable=True),
        sa.Column("source_url", sa.String, nullable=False, server_default=""),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_claim_responses_claim_id", "claim_responses", ["claim_id"])
    op.create_index("ix_claim_responses_party_id", "claim_responses", ["party_id"])
    op.create_index("ix_claim_responses_reported_by_party_id", "claim_responses", ["reported_by_party_id"])
    op.create_table(
        "claim_status_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_claim_status_events_claim_id", "claim_status_events", ["claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_status_events_claim_id", "claim_status_events")
    op.drop_table("claim_status_events")
    op.drop_index("ix_claim_responses_reported_by_party_id", "claim_responses")
    op.drop_index("ix_claim_responses_party_id", "claim_responses")
    op.drop_index("ix_claim_responses_claim_id", "claim_responses")
    op.drop_table("claim_responses")
    op.drop_index("ix_claim_appearances_outlet_party_id", "claim_appearances")
    op.drop_index("ix_claim_appearances_claim_id", "claim_appearances")
    op.drop_table("claim_appearances")
    op.drop_index("ix_claims_article_position", "claims")
    op.drop_table("claims")
    op.drop_table("parties")
