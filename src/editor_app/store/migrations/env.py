"""Alembic environment: always run on the connection the store hands over (no URL here)."""

from alembic import context

import editor_app.store.image_models
import editor_app.store.notices_models
import editor_app.store.review_models
import editor_app.store.settings_models
import editor_app.store.ticker_models  # noqa: F401
from editor_app.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
