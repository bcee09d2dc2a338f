"""What the data-file loaders share: turning a pydantic validation error into one line for people."""

from __future__ import annotations

from pydantic import ValidationError


def describe_validation_error(error: ValidationError) -> str:
    """``"dose.max: Input should be greater than 0; items.3.scale: Field required"``: each problem
    with the dotted path of the field it is about ("file" for the whole file)."""
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "file"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)
