"""Alembic environment of the KetaConsole schema (shipped inside the package; see ``migrate.py``)."""
