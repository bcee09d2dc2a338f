"""Alembic revisions, one module per schema version, oldest first by ``down_revision``."""
