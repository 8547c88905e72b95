"""The value types every content model is built from, and the models' common base.

Ids, text and URLs with their limits; ``Ref(kind)``, which marks a field that names another
object (the loader walks those marks, see ``explorer.content.references``); positions, track ids,
certainties and statuses (the likelihood words live in ``explorer.content.likelihood``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of another object of ``kind``."""

    kind: Literal["actor", "issue", "source", "indicator", "scenario", "signpost"]


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
TermId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
"""A word of a set's vocabulary (a track, an actor kind...): an id that may hold underscores."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]

ActorId = Annotated[Id, Ref("actor")]
IssueId = Annotated[Id, Ref("issue")]
SourceId = Annotated[Id, Ref("source")]
IndicatorId = Annotated[Id, Ref("indicator")]
ScenarioId = Annotated[Id, Ref("scenario")]
SignpostId = Annotated[Id, Ref("signpost")]

Sources = tuple[SourceId, ...]
CitedSources = Annotated[tuple[SourceId, ...], Field(min_length=1)]

DEFAULT_TERMS: dict[str, tuple[tuple[str, str], ...]] = {
    "tracks": (
        ("diplomacy", "Diplomacy"),
        ("security", "Security"),
        ("humanitarian", "Humanitarian"),
        ("governance", "Governance"),
        ("reconstruction", "Reconstruction"),
    ),
    "actor_kinds": (
        ("state", "State"),
        ("organisation", "Organisation"),
        ("armed_group", "Armed group"),
        ("body", "Body"),
        ("bloc", "Bloc"),
    ),
    "text_kinds": (("draft", "Draft"),),
}
"""The words of a set that declares none (see ``explorer.content.vocabulary``)."""
_WORDS = {"tracks": "a track", "actor_kinds": "an actor kind", "text_kinds": "a text kind"}


def _in_vocabulary(name: str) -> AfterValidator:
    """The value must be an id of the set's vocabulary list ``name``: the validation context's
    ``{"terms": {name: ids}}`` (the loader's), the defaults without a context, or anything
    with ``{"terms": None}`` (the set's vocabulary.yaml could not be read)."""

    def check(value: str, info: ValidationInfo) -> str:
        context = info.context if isinstance(info.context, dict) else {}
        terms = context.get("terms", {k: [i for i, _ in v] for k, v in DEFAULT_TERMS.items()})
        if terms is None or value in terms[name]:
            return value
        raise ValueError(
            f"{value!r} is not {_WORDS[name]} of this set; declare it under {name} in "
            f"vocabulary.yaml, or use one of {', '.join(terms[name])}"
        )

    return AfterValidator(check)


Track = Annotated[
    TermId,
    _in_vocabulary("tracks"),
    Field(description="A track of the set's vocabulary (vocabulary.yaml)."),
]
ActorKind = Annotated[
    TermId,
    _in_vocabulary("actor_kinds"),
    Field(description="An actor kind of the set's vocabulary (vocabulary.yaml)."),
]
TextKind = Annotated[
    TermId,
    _in_vocabulary("text_kinds"),
    Field(description="A text kind of the set's vocabulary (vocabulary.yaml)."),
]
Certainty = Literal["observed", "scheduled", "projected"]
Status = Literal["realized", "counterfactual", "open"]


def _position(value: object) -> int | str:
    if value == "unknown":
        return "unknown"
    if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
        raise ValueError(
            f"{value!r} is not a position: use a whole number from -2 to 2, or unknown"
        )
    return value


Position = Annotated[
    int | str,
    PlainValidator(_position),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": -2, "maximum": 2}, {"const": "unknown"}]}
    ),
]


class Model(BaseModel):
    """The base of every content model: frozen, and an unknown key is an error, not silence."""

    model_config = ConfigDict(frozen=True, extra="forbid")
