"""Alembic environment: runs on the connection that :mod:`ketaconsole.storage.migrate` hands over.

There is no ``alembic.ini``; the configuration is built in code and the caller's open connection
arrives in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from ketaconsole.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
