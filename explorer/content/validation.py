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
        return f"{_shown(value)} is not one of {', '.join(choices)}"
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


def validate(model: type[M], doc: YamlDocument, shown_as: str) -> M | list[Problem]:
    """Validate a parsed document against ``model``: the instance, or every problem in it."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        problems = {
            Problem(shown_as, doc.line_of(loc), field_path(loc), _message(e))
            for e in err.errors()
            for loc in (as_written(e["loc"], doc.lines),)
        }
        return sorted(problems, key=lambda p: (p.line or 0, p.field))
