"""One scenario: a path the decision could take, with its events, reactions, trajectories,
narrative and signposts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from explorer.content.entities import Event
from explorer.content.likelihood import LikelihoodLabel, described_likelihood
from explorer.content.types import (
    ActorId,
    CitedSources,
    Id,
    IndicatorId,
    IssueId,
    Model,
    Position,
    ScenarioId,
    Sources,
    Status,
    Text,
)


class TrajectoryPoint(Model):
    date: dt.date
    value: float
    low: float
    high: float

    @model_validator(mode="after")
    def _band_holds_value(self) -> Self:
        if not self.low <= self.value <= self.high:
            raise ValueError(f"value {self.value} is outside its band {self.low}..{self.high}")
        return self


class Trajectory(Model):
    """A projected path of one indicator under one scenario."""

    indicator: IndicatorId
    points: Annotated[tuple[TrajectoryPoint, ...], Field(min_length=2)]
    basis: Text
    sources: Sources = ()


class Likelihood(Model):
    """A dated judgement on the scale of ``explorer.content.likelihood`` (ICD 203)."""

    label: LikelihoodLabel
    rationale: Text
    assessed: dt.date = Field(description="When the judgement applies (e.g. the decision date).")


class BranchPoint(Model):
    date: dt.date
    description: Text


class Section(Model):
    title: Text
    body: Text
    sources: Sources = ()


class Perspective(Model):
    """How a named actor, or an attributed outlet, sees this scenario."""

    actor: ActorId | None = None
    attribution: Text | None = Field(default=None, description="Who speaks, when not an actor.")
    text: Text
    quote: Text | None = None
    sources: CitedSources

    @model_validator(mode="after")
    def _attributed(self) -> Self:
        if (self.actor is None) == (self.attribution is None):
            raise ValueError("give exactly one of actor or attribution")
        return self


class Narrative(Model):
    headline: Text
    summary: Text
    sections: tuple[Section, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    risks: tuple[Text, ...] = ()
    opportunities: tuple[Text, ...] = ()


class Reaction(Model):
    """A projected change of an actor's stance under a scenario."""

    actor: ActorId
    issue: IssueId
    value: Position
    basis: Text
    sources: Sources = ()


class Signpost(Model):
    id: Id
    text: Text
    indicator: IndicatorId | None = None


class Scenario(Model):
    """One file under ``scenarios/``: a path the decision could take."""

    id: Id
    title: Text
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    status: Status
    parent: ScenarioId | None = None
    branch_point: BranchPoint | None = None
    likelihood: Likelihood | None = Field(
        default=None,
        validate_default=True,
        description="Required for open and counterfactual scenarios; a realized one happened.",
    )
    premise: Text
    events: tuple[Event, ...] = ()
    reactions: tuple[Reaction, ...] = ()
    trajectories: tuple[Trajectory, ...] = ()
    narrative: Narrative
    signposts: tuple[Signpost, ...] = ()

    @field_validator("likelihood")
    @classmethod
    def _judged_unless_realized(
        cls, value: Likelihood | None, info: ValidationInfo
    ) -> Likelihood | None:
        status = info.data.get("status")
        if value is None and status in {"open", "counterfactual"}:
            article = "an" if status == "open" else "a"
            raise ValueError(
                f"{article} {status} scenario needs a likelihood (label, rationale, assessed); "
                "only a realized one may leave it out"
            )
        return value

    @property
    def chance(self) -> str:
        """Its likelihood as a reader sees it: ``likely (55-80 %, ICD 203)``, or ``happened``
        for a realized scenario with no likelihood of its own."""
        if self.likelihood is None:
            return "happened" if self.status == "realized" else self.status
        return described_likelihood(self.likelihood.label)

    @model_validator(mode="after")
    def _branch_has_parent(self) -> Self:
        if (self.parent is None) != (self.branch_point is None):
            raise ValueError("a branch gives both parent and branch_point")
        return self
