"""Where the shipped data (``ui/`` forms and ``resources/``) lives.

In a wheel both folders are packed inside the package as ``ketaconsole/_data/ui`` and
``ketaconsole/_data/resources`` (see ``pyproject.toml``); in a source checkout they are the
top-level folders beside the package. Everything that reads shipped data goes through
:func:`data_path`, so the two layouts never leak into the rest of the code.
"""

from __future__ import annotations

from pathlib import Path

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
