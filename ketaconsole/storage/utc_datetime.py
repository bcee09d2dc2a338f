"""A column type for UTC instants that behaves the same on SQLite and PostgreSQL.

Python side: only timezone-aware ``datetime`` values are accepted (a naive one raises
``ValueError``: its zone is unknown, so storing it would be a guess) and values always come back
timezone-aware in UTC. Database side: ``TIMESTAMP WITH TIME ZONE`` on PostgreSQL; on SQLite the
UTC wall time as fixed-width ISO text (microsecond precision), so text order is time order.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def require_aware(moment: datetime) -> None:
    """Raise ``ValueError`` unless ``moment`` is timezone-aware."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} refused: UTC columns need an aware value")


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC ``datetime``; naive input is rejected."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        require_aware(value)
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
