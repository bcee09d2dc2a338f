"""Export of a session's numeric observations as CSV (RFC 4180, written with the ``csv`` module).

Columns, exactly: ``time_utc,device_time,parameter,loinc,mdc,value,unit,status,source``.

* ``time_utc``: when the console received the value, ISO 8601 in UTC with a ``Z`` suffix and
  microseconds (``2026-03-02T08:30:00.250000Z``); rows are in this order.
* ``device_time``: the device's own clock reading. A zoned device time is converted to UTC and
  written with ``Z`` like ``time_utc``; a naive one (device local time, zone unknown) is written
  without any offset, as ISO 8601 local time. Empty when the device sent none.
* ``loinc``, ``mdc``, ``unit``: from the parameter registry; a code the registry lacks stays empty.
  ``unit`` is the UCUM code the value is in.
* ``value``: the number as Python writes a float (shortest exact form); empty when absent.
* ``status``: ``valid``, or the absent reason (``invalid``, ``sensor-off`` …) when there is no value.
* ``source``: the device source; for a value typed in by a person, ``manual:<source>`` where the
  observation's source names who entered it.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from typing import TextIO

from ketaconsole.core.observations import Observation
from ketaconsole.core.parameters import parameter
from ketaconsole.storage.database import Database

HEADER = ("time_utc", "device_time", "parameter", "loinc", "mdc", "value", "unit", "status", "source")
VALID_STATUS = "valid"
MANUAL_SOURCE_PREFIX = "manual:"


def format_utc(moment: datetime) -> str:
    """``moment`` (aware) in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def format_device_time(device_time: datetime | None) -> str:
    if device_time is None:
        return ""
    if device_time.tzinfo is None or device_time.utcoffset() is None:
        return device_time.isoformat(timespec="microseconds")
    return format_utc(device_time)


def observation_csv_row(observation: Observation) -> list[str]:
    """The CSV fields of one observation, in :data:`HEADER` order.

    Raises ``KeyError`` for a parameter the registry does not know: without its unit the value
    would be meaningless.
    """
    entry = parameter(observation.parameter)
    absent = observation.absent_reason
    source = f"{MANUAL_SOURCE_PREFIX}{observation.source}" if observation.manual else observation.source
    return [
        format_utc(observation.received.utc),
        format_device_time(observation.device_time),
        observation.parameter,
        entry.loinc or "",
        "" if entry.mdc is None else str(entry.mdc),
        "" if observation.value is None else repr(observation.value),
        entry.unit,
        VALID_STATUS if absent is None else absent.value,
        source,
    ]


def write_observations_csv(db: Database, session_id: str, out: TextIO) -> None:
    """Write every observation of the session to ``out`` (opened with ``newline=""``) in time order."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(observation_csv_row(observation) for observation in db.observations(session_id))
