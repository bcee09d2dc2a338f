"""What the person starting a session asked for, and the checks of the operator and monitor choices
(Qt-free; the start-session dialog shows the messages next to its fields)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ketaconsole.core.form_text import text_error
from ketaconsole.core.patient import PatientDetails

OPERATOR_MAX_CHARS = 200
"""Longest operator name, in characters: the width of ``session_events.user``."""
PORT_MAX_CHARS = 255
"""Longest port name, in characters: the width of ``sessions.port``."""


@dataclass(frozen=True, slots=True)
class SessionRequest:
    """A checked request to record a session.

    Invariants: ``operator`` is not blank; ``protocol`` is one of the protocols offered;
    ``port is None`` exactly when ``simulated`` (the simulated monitor makes its own port).
    ``resume_session_id`` is the full id of an interrupted session to continue, else ``None``; for
    a resumed session ``patient`` is the session's own patient as far as it is known (the
    identifier alone, possibly empty, when the patient list had no record of it).
    ``treatment_profile_id`` names the treatment profile chosen for a new session (``None`` for a
    resumed session, which keeps the treatment stored with it).
    """

    patient: PatientDetails
    operator: str
    port: str | None
    protocol: str
    simulated: bool
    resume_session_id: str | None
    treatment_profile_id: str | None = None


def operator_error(name: str) -> str | None:
    """Why ``name`` (trimmed) cannot be the operator, or ``None``."""
    return text_error(name.strip(), what="Your name", required=True, max_length=OPERATOR_MAX_CHARS)


def monitor_errors(*, simulated: bool, port: str, protocol: str,
                   protocols: Sequence[str]) -> dict[str, str]:
    """Messages for the ``"port"`` and ``"protocol"`` fields; empty when the choice is usable.

    ``protocol`` is "" when none is chosen. The simulated monitor needs a protocol but no port.
    """
    errors: dict[str, str] = {}
    if protocol not in protocols:
        errors["protocol"] = "Choose the monitor's protocol"
    if not simulated:
        message = text_error(port.strip(), what="Serial port", required=True, max_length=PORT_MAX_CHARS,
                             strict=True)
        if message is not None:
            errors["port"] = message if port.strip() else "Choose the monitor's serial port"
    return errors
