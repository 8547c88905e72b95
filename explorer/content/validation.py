"""Turn pydantic's validation errors into plain-worded problems with file and line."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from explorer.content.problems import Problem, field_path
from explorer.content.texts import as_written
from explorer.content.yamlfile import YamlDocument

M = TypeVar("M", bound=BaseModel)

_PATTERN_MEANING = {
    "^[a-z0-9][a-z0-9-]*$": "is not a valid id (use lowercase letters, digits and hyphens)",
    "^[a-z0-9][a-z0-9_-]*$": "is not a valid id (use lowercase letters, digits, - and _)",
    r"^https?://\S+$": "is not an http(s) URL",
    "^[a-z]{2,3}$": "is not a language code (use e.g. en, ar, fr)",
}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: Any) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against the format in README.md)"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_shown(value)} is not one of {', '.join(choices)} (fixed by the app)"
    if kind.startswith("date"):
        return f"{_shown(value)} is not a date (use YYYY-MM-DD)"
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} {_PATTERN_MEANING.get(ctx.get('pattern'), 'has the wrong form')}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"must be a mapping of fields, not {type(value).__name__}"
    if kind in {"tuple_type", "list_type"}:
        return f"must be a list, not {type(value).__name__}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{_shown(value)}: {error['msg']}" if value is not None else error["msg"]


def _knock_on(error: Any, errors: list[Any]) -> bool:
    """A list "too short" only because one of its own items was invalid says nothing new."""
    loc = tuple(error["loc"])
    return error["type"] == "too_short" and any(
        len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in errors
    )


def validate(
    model: type[M], doc: YamlDocument, shown_as: str, context: dict[str, Any] | None = None
) -> M | list[Problem]:
    """Validate a parsed document against ``model``: the instance, or every problem in it.
    ``context`` reaches the model's validators (the loader passes the set's vocabulary)."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as err:
        errors = err.errors()
        problems = {
            Problem(shown_as, doc.line_of(loc), field_path(loc), _message(e))
            for e in errors
            if not _knock_on(e, errors)
            for loc in (as_written(e["loc"], doc.lines),)
        }
        return sorted(problems, key=lambda p: (p.line or 0, p.field))
