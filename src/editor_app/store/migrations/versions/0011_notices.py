"""notices: corrections, clarifications and updates of published articles (append-only once
published, enforced by triggers), the kill of a published article, and the embargo column

Revision ID: 0011_notices
Revises: 0010_article_images
Create Date: 2026-12-04
"""

from datetime import UTC

import sqlalchemy as sa
from alembic import op

revision = "0011_notices"
down_revision = "0010_article_images"
branch_labels = None
depends_on = None

APPEND_ONLY = "notices are append-only once published: add a further notice instead"

TRIGGERS = (
    "CREATE TRIGGER notices_published_no_update BEFORE UPDATE ON notices "
    f"WHEN OLD.published_at IS NOT NULL BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
    "CREATE TRIGGER notices_published_no_delete BEFORE DELETE ON notices "
    f"WHEN OLD.published_at IS NOT NULL BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
)

# PostgreSQL: the same rule as a trigger function (the team store, issue 16)
PG_TRIGGERS = (
    "CREATE FUNCTION notices_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"IF OLD.published_at IS NOT NULL THEN RAISE EXCEPTION '{APPEND_ONLY}'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER notices_published_no_update BEFORE UPDATE ON notices "
    "FOR EACH ROW EXECUTE FUNCTION notices_append_only()",
    "CREATE TRIGGER notices_published_no_delete BEFORE DELETE ON notices "
    "FOR EACH ROW EXECUTE FUNCTION notices_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer, primary_key=True),
        # RESTRICT, not CASCADE: a corrected article can be trashed but never purged with its notices
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("who", sa.String, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("published_at", sa.DateTime, nullable=True),
        sa.CheckConstraint("kind IN ('update', 'clarification', 'correction')", name="ck_notices_kind"),
    )
    op.create_index("ix_notices_article", "notices", ["article_id", "id"])
    op.create_index("ix_notices_published_at", "notices", ["published_at"])
    for sql in TRIGGERS if op.get_bind().dialect.name == "sqlite" else PG_TRIGGERS:
        op.execute(sql)
    # Plain ADD COLUMN (no table rebuild): the FTS triggers on `articles` stay as they are.
    op.add_column("articles", sa.Column("embargo_at", sa.DateTime, nullable=True))  # UTC
    op.add_column("articles", sa.Column("embargo_offset", sa.Integer, nullable=False, server_default="0"))
    op.add_column("articles", sa.Column("killed_at", sa.DateTime, nullable=True))
    op.add_column("articles", sa.Column("kill_reason", sa.Text, nullable=False, server_default=""))
    op.add_column("articles", sa.Column("killed_by", sa.String, nullable=False, server_default=""))
    op.create_index("ix_articles_embargo_at", "articles", ["embargo_at"])
    op.add_column("revisions", sa.Column("published", sa.Boolean, nullable=False, server_default="0"))
    _backfill_embargoes()


def _backfill_embargoes() -> None:
    """Articles whose body already carries an `embargo:` front matter line get their column."""
    from editor_app.core.embargo import embargo_of, offset_minutes

    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, body FROM articles WHERE body LIKE '---%embargo%'")).fetchall()
    for article_id, body in rows:
        when = embargo_of(body or "")
        if when is not None:
            utc = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy writes DateTime
            bind.execute(
                sa.text("UPDATE articles SET embargo_at = :at, embargo_offset = :off WHERE id = :id"),
                {"at": utc, "off": offset_minutes(when), "id": article_id},
            )


def downgrade() -> None:
    op.execute("ALTER TABLE revisions DROP COLUMN published")
    op.drop_index("ix_articles_embargo_at", "articles")
    for column in ("killed_by", "kill_reason", "killed_at", "embargo_offset", "embargo_at"):
        op.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    on = "" if op.get_bind().dialect.name == "sqlite" else " ON notices"
    op.execute(f"DROP TRIGGER IF EXISTS notices_published_no_delete{on}")
    op.execute(f"DROP TRIGGER IF EXISTS notices_published_no_update{on}")
    if on:
        op.execute("DROP FUNCTION IF EXISTS notices_append_only()")
    op.drop_index("ix_notices_published_at", "notices")
    op.drop_index("ix_notices_article", "notices")
    op.drop_table("notices")
