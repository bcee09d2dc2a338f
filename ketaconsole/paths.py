"""Where the shipped data (``ui/`` forms and ``resources/``) lives.

In a wheel both folders are packed inside the package as ``ketaconsole/_data/ui`` and
``ketaconsole/_data/resources`` (see ``pyproject.toml``); in a source checkout they are the
top-level folders beside the package. Everything that reads shipped data goes through
:func:`data_path`, so the two layouts never leak into the rest of the code.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATE_ROOTS = (_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent)


def data_path(*parts: str) -> Path:
    """Return the path of a shipped data file, e.g. ``data_path("resources", "parameters.toml")``.

    Raises ``FileNotFoundError`` naming every place looked at when the file is in neither layout.
    """
    for root in _CANDIDATE_ROOTS:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    looked = ", ".join(str(root.joinpath(*parts)) for root in _CANDIDATE_ROOTS)
    raise FileNotFoundError(f"shipped data file not found; looked at: {looked}")


def site_config_dir() -> Path:
    """The site's configuration directory (``$KETACONSOLE_CONFIG_DIR``, else the platform's user
    configuration directory for ``ketaconsole``), where a clinic adds or replaces data files such as
    treatment profiles. It may not exist."""
    override = os.environ.get("KETACONSOLE_CONFIG_DIR", "").strip()
    return Path(override) if override else Path(platformdirs.user_config_dir("ketaconsole"))
