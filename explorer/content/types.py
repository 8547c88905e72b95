"""The value types every content model is built from, and the models' common base.

Ids, text and URLs with their limits; ``Ref(kind)``, which marks a field that names another
object (the loader walks those marks, see ``explorer.content.references``); positions, tracks,
certainties, statuses and the calibrated likelihood words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, StringConstraints, WithJsonSchema


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value is the id of another object of ``kind``."""

    kind: Literal["actor", "issue", "source", "indicator", "scenario", "signpost"]


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
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

Track = Literal["diplomacy", "security", "humanitarian", "governance", "reconstruction"]
TRACKS: tuple[Track, ...] = (
    "diplomacy",
    "security",
    "humanitarian",
    "governance",
    "reconstruction",
)
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
LikelihoodLabel = Literal[
    "remote",
    "very unlikely",
    "unlikely",
    "about as likely as not",
    "likely",
    "very likely",
    "almost certain",
]
LIKELIHOOD_RANGES: dict[str, str] = {
    "remote": "under 5 %",
    "very unlikely": "5-20 %",
    "unlikely": "20-33 %",
    "about as likely as not": "33-66 %",
    "likely": "66-90 %",
    "very likely": "90-95 %",
    "almost certain": "over 95 %",
}


class Model(BaseModel):
    """The base of every content model: frozen, and an unknown key is an error, not silence."""

    model_config = ConfigDict(frozen=True, extra="forbid")
