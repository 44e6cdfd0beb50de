"""Turn raw directive options into a model, warning about each bad value.

A bad value never stops the build: it is reported at the directive's line with
the subtype that the model's validator chose, dropped, and the rest is kept.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..diagnostics import Subtype, is_subtype, warn
from ..models.fields import split_commas

M = TypeVar("M", bound=BaseModel)


def _subtype(error: ErrorDetails) -> Subtype:
    kind = error["type"]
    if kind == "missing" and error["loc"][:1] == ("id",):
        return "missing-id"
    return kind if is_subtype(kind) else "bad-option"


def _drop(data: dict[str, Any], loc: tuple[Any, ...]) -> None:
    """Remove the value an error points at: a list item, or the whole option."""
    if not loc or loc[0] not in data:
        return
    field = loc[0]
    if len(loc) > 1 and isinstance(loc[1], int) and isinstance(data[field], str):
        data[field] = split_commas(data[field])
    if len(loc) > 1 and isinstance(loc[1], int) and isinstance(data[field], list):
        data[field][loc[1]] = None  # removed below, keeping the other indexes valid
        return
    del data[field]


def validate_or_warn(
    model: type[M],
    data: dict[str, Any],
    *,
    what: str,
    location: Any,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, set[str]]:
    """Validate *data* into *model*; return the model (None if it cannot exist)
    and the names of the options that were rejected."""
    data = dict(data)
    rejected: set[str] = set()
    for _attempt in range(len(data) + 2):
        try:
            return model.model_validate(data, context=context), rejected
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                option = str(loc[0]) if loc else ""
                if error["type"] == "missing" and option in rejected:
                    return None, rejected  # a required value already warned about
                subtype = _subtype(error)
                if subtype == "missing-id":
                    message = "the :id: option is required"
                else:  # an error of the whole object (a model validator) names no option
                    message = f":{option}: {error['msg']}" if option else error["msg"]
                warn(f"{what}: {message}", subtype, location)
                rejected.add(option)
                if option == "id" or option not in data:
                    return None, rejected
                _drop(data, loc)
            for key, value in list(data.items()):
                if isinstance(value, list):
                    data[key] = [item for item in value if item is not None]
    return None, rejected
