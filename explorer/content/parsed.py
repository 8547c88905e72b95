"""A validated file with what is needed to point back into it, and its records by field."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from explorer.content import yamlfile as yamlfile
from explorer.content.problems import Loc, Problem, field_path


@dataclass(frozen=True)
class Parsed:
    """A validated file with what is needed to point back into it."""

    shown_as: str
    model: BaseModel
    doc: yamlfile.YamlDocument

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.shown_as, self.doc.line_of(loc), field_path(loc), message)


def items(parsed: dict[str, Parsed], name: str, field: str) -> tuple:
    """The records ``field`` of the file ``name``; none when the (optional) file is absent."""
    return getattr(parsed[name].model, field) if name in parsed else ()
