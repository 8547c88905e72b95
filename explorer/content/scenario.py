"""One scenario: a path the decision could take, with its events, reactions, trajectories,
narrative and signposts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from explorer.content.entities import Event
from explorer.content.types import (
    ActorId,
    CitedSources,
    Id,
    IndicatorId,
    IssueId,
    LikelihoodLabel,
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
    likelihood: Likelihood
    premise: Text
    events: tuple[Event, ...] = ()
    reactions: tuple[Reaction, ...] = ()
    trajectories: tuple[Trajectory, ...] = ()
    narrative: Narrative
    signposts: tuple[Signpost, ...] = ()

    @model_validator(mode="after")
    def _branch_has_parent(self) -> Self:
        if (self.parent is None) != (self.branch_point is None):
            raise ValueError("a branch gives both parent and branch_point")
        return self
