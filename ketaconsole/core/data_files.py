"""What the clinic's data-file loaders share (treatment profiles, instruments): reading TOML,
validating it with a pydantic model, and loading a set of directories where a later file replaces an
earlier one with the same id while a file that cannot be used is reported and skipped.

Every message names the file it is about, so a nurse or administrator can find and fix it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)
LoadedT = TypeVar("LoadedT")
ItemT = TypeVar("ItemT")


class DataFileError(ValueError):
    """A data file that cannot be used; the message starts with the file's name."""


def describe_validation_error(error: ValidationError) -> str:
    """``"dose.max: Input should be greater than 0; items.3.scale: Field required"``: each problem
    with the dotted path of the field it is about ("file" for the whole file)."""
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "file"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def read_toml(data: bytes, *, source: str, error: type[DataFileError] = DataFileError) -> dict[str, Any]:
    """The TOML content of a file's bytes; ``error`` (naming ``source``) when they are not UTF-8 TOML."""
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as problem:
        raise error(f"{source}: not a readable TOML file ({problem})") from None


def validate(model: type[ModelT], content: Any, *, source: str,
             error: type[DataFileError] = DataFileError) -> ModelT:
    """``content`` as a ``model``; ``error`` naming ``source`` and every field that is wrong."""
    try:
        return model.model_validate(content)
    except ValidationError as problem:
        raise error(f"{source}: {describe_validation_error(problem)}") from None


def load_by_id(directories: Iterable[Path], load: Callable[[bytes, str], LoadedT],
               identify: Callable[[LoadedT], str], *,
               include: Callable[[Path], bool] = lambda path: True) -> tuple[dict[str, LoadedT], list[str]]:
    """Load every ``*.toml`` file ``include`` accepts from ``directories`` in order (missing ones are
    skipped) with ``load(bytes, source)``; a later file replaces an earlier one with the same id.
    Returns the loaded files by id and one message per file that raised :class:`DataFileError` or
    could not be read."""
    loaded: dict[str, LoadedT] = {}
    problems: list[str] = []
    for directory in directories:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            if not include(path):
                continue
            try:
                item = load(path.read_bytes(), str(path))
            except (DataFileError, OSError) as problem:
                problems.append(str(problem))
                continue
            loaded[identify(item)] = item
    return loaded, problems


def lookup(items: Mapping[str, ItemT], item_id: str, what: str) -> ItemT:
    """``items[item_id]``; ``LookupError`` naming ``what`` was asked for and the ids there are."""
    try:
        return items[item_id]
    except KeyError:
        known = ", ".join(sorted(items)) or "none"
        raise LookupError(f"no {what} {item_id!r} (known: {known})") from None
