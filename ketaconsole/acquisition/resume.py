"""Finding sessions whose recorder died, and telling the user how to continue them."""

from __future__ import annotations

from ketaconsole.core.clock import Stamp
from ketaconsole.storage.database import Database


def interrupted_session_offers(database: Database, now: Stamp, *,
                               command: str = "gui") -> list[str]:
    """One sentence per interrupted session, naming it and the command that resumes it.

    A session is interrupted when it is still marked recording but its writer's heartbeat went stale
    (the process was killed or the machine stopped).
    """
    return [
        f"session {summary.id} (patient {summary.patient_identifier or 'not recorded'}, started "
        f"{summary.started_utc:%Y-%m-%d %H:%M} UTC) was interrupted; resume it with: "
        f"ketaconsole {command} --resume {summary.id} --port PORT --protocol {summary.protocol}"
        for summary in database.interrupted_sessions(now)
    ]
