"""review: status history, sources and their claim links, comments, revisions, articles.published_at,
full-text index articles_fts (FTS5, external content) with sync triggers

Revision ID: 0004_review
Revises: 0003_tickers
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_review"
down_revision = "0003_tickers"
branch_labels = None
depends_on = None

# The FTS5 index follows the SQLite documentation's external-content pattern: the index holds
# no copy of the text; triggers feed it inserts, deletes and the old/new values of updates.
# Updates that touch none of title/dek/body (status, updated_at, deleted_at) do not reindex.
FTS_STATEMENTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, dek, body, content='articles', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, dek, body) VALUES (new.id, new.title, new.dek, new.body); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, dek, body) "
    "VALUES ('delete', old.id, old.title, old.dek, old.body); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, dek, body ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, dek, body) "
    "VALUES ('delete', old.id, old.title, old.dek, old.body); "
    "INSERT INTO articles_fts(rowid, title, dek, body) VALUES (new.id, new.title, new.dek, new.body); END",
    # rank = bm25 with the headline weighted most, then the summary, then the body
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]
# PostgreSQL's own full-text search: a stored tsvector computed from the row (headline weighted
# A, summary B, body C, as the FTS5 rank weights them), under a GIN index; no trigger needed.
# A tsvector holds at most 1 MB: the body is indexed up to its first 300,000 characters.
PG_STATEMENTS = [
    # 'simple' (no stemming, like FTS5's unicode61) with accents folded, like remove_diacritics
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION editor_app_search (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION editor_app_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    "ALTER TABLE articles ADD COLUMN search_doc tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('editor_app_search', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('editor_app_search', coalesce(dek, '')), 'B') || "
    "setweight(to_tsvector('editor_app_search', left(coalesce(body, ''), 300000)), 'C')) STORED",
    "CREATE INDEX ix_articles_search_doc ON articles USING gin (search_doc)",
]


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_at", sa.DateTime, nullable=True))
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("override_reason", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_status_changes_article_id", "status_changes", ["article_id", "at"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("outlet", sa.String, nullable=False, server_default=""),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("url", sa.String, nullable=False, server_default=""),
        sa.Column("published_on", sa.Date, nullable=True),
        sa.Column("accessed_on", sa.Date, nullable=True),
        sa.Column("supports", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("verified_by", sa.String, nullable=False, server_default=""),
        sa.Column("verified_at", sa.DateTime, nullable=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_sources_article_position", "sources", ["article_id", "position"])
    op.create_table(
        "claim_source_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        sa.Column("response_id", sa.Integer, sa.ForeignKey("claim_responses.id", ondelete="SET NULL"), nullable=True),
        sa.Column(
            "appearance_id", sa.Integer, sa.ForeignKey("claim_appearances.id", ondelete="SET NULL"), nullable=True
        ),
    )
    op.create_index("ix_claim_source_links_source_id", "claim_source_links", ["source_id"])
    op.create_index("ix_claim_source_links_claim_id", "claim_source_links", ["claim_id"])
    op.create_index("ix_claim_source_links_response_id", "claim_source_links", ["response_id"])
    op.create_index("ix_claim_source_links_appearance_id", "claim_source_links", ["appearance_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("comments.id", ondelete="CASCADE"), nullable=True),
        sa.Column("author", sa.String, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("anchor_start", sa.Integer, nullable=True),
        sa.Column("anchor_end", sa.Integer, nullable=True),
        sa.Column("anchor_text", sa.Text, nullable=False, server_default=""),
        sa.Column("detached", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("resolved_by", sa.String, nullable=False, server_default=""),
        sa.Column("resolved_at", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_comments_article_id", "comments", ["article_id", "resolved"])
    op.create_index("ix_comments_parent_id", "comments", ["parent_id"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("base_id", sa.Integer, sa.ForeignKey("revisions.id", ondelete="CASCADE"), nullable=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("dek", sa.String, nullable=False, server_default=""),
        sa.Column("byline", sa.String, nullable=False, server_default=""),
    )
    op.create_index("ix_revisions_article_id", "revisions", ["article_id", "id"])
    for statement in FTS_STATEMENTS if op.get_bind().dialect.name == "sqlite" else PG_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_au", "articles_fts_ad", "articles_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    else:
        op.execute("ALTER TABLE articles DROP COLUMN search_doc")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS editor_app_search")
    op.drop_index("ix_revisions_article_id", "revisions")
    op.drop_table("revisions")
    op.drop_index("ix_comments_parent_id", "comments")
    op.drop_index("ix_comments_article_id", "comments")
    op.drop_table("comments")
    for name in ("appearance_id", "response_id", "claim_id", "source_id"):
        op.drop_index(f"ix_claim_source_links_{name}", "claim_source_links")
    op.drop_table("claim_source_links")
    op.drop_index("ix_sources_article_position", "sources")
    op.drop_table("sources")
    op.drop_index("ix_status_changes_article_id", "status_changes")
    op.drop_table("status_changes")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_at")
