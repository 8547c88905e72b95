"""What each YAML file of a set holds, and the whole set once its references were checked.

One file maps to one ``*File`` model (or to ``Scenario`` for files under ``scenarios/``);
``ScenarioSet`` gathers them after the loader has checked every cross-reference.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from explorer.content.decisions import Body
from explorer.content.entities import (
    Actor,
    CouncilVote,
    Event,
    Indicator,
    Issue,
    Observation,
    SetInfo,
    Source,
    Stance,
)
from explorer.content.scenario import Scenario
from explorer.content.texts import Draft
from explorer.content.types import Id, Model, ScenarioId, Sources, Text
from explorer.content.vocabulary import Vocabulary


class CibDescriptor(Model):
    name: Text
    variants: Annotated[tuple[Text, ...], Field(min_length=2)]
    description: Text | None = None


class CibSection(Model):
    """How the variants of one descriptor push those of another (within the matrix's scale,
    checked with the set's other rules), and why."""

    impacting: Text
    impacted: Text
    rationale: Text
    sources: Sources = ()
    impacts: dict[str, dict[str, int]]


class CibScenarioMap(Model):
    """An authored scenario as a combination of variants, one per descriptor."""

    scenario: ScenarioId
    variants: dict[str, str]


class CibFile(Model):
    """``cib.yaml``: a cross-impact balance matrix of the set, the project's analytic judgment.
    Judgments run from ``-scale`` to ``scale`` (3 unless stated; at most 10,000, as
    ``explorer.cib.limits.MAX_SCALE``)."""

    title: Text
    judgment: Text = Field(description="Who judged, and that it is judgment, not fact.")
    scale: Annotated[int, Field(ge=1, le=10_000)] = 3
    descriptors: Annotated[tuple[CibDescriptor, ...], Field(min_length=2)]
    sections: tuple[CibSection, ...]
    scenarios: tuple[CibScenarioMap, ...] = ()


class CouncilRecordFile(Model):
    votes: tuple[CouncilVote, ...]


class SourcesFile(Model):
    sources: tuple[Source, ...]


class ActorsFile(Model):
    actors: tuple[Actor, ...]


class IssuesFile(Model):
    issues: tuple[Issue, ...]


class PositionsFile(Model):
    stances: tuple[Stance, ...]


class DraftsFile(Model):
    drafts: tuple[Draft, ...]


class EventsFile(Model):
    """``events.yaml``: the shared history before the decision, part of every scenario."""

    events: tuple[Event, ...]


class IndicatorsFile(Model):
    indicators: tuple[Indicator, ...]


class ObservedFile(Model):
    observations: tuple[Observation, ...]


class ScenarioSet(Model):
    """A whole set, after every reference was checked."""

    id: Id
    info: SetInfo
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    stances: tuple[Stance, ...]
    drafts: tuple[Draft, ...]
    bodies: tuple[Body, ...] = ()
    """The decision bodies: ``bodies.yaml``, else the default Security Council, else none."""
    history: tuple[Event, ...]
    indicators: tuple[Indicator, ...]
    scenarios: tuple[Scenario, ...]
    observations: tuple[Observation, ...]
    council_record: tuple[CouncilVote, ...] = ()
    cib: CibFile | None = None
    vocabulary: Vocabulary
    content_hash: str

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with ``scenario_id``.

        Raises ``KeyError`` naming the set and its scenario ids when there is none: an unknown
        id is a caller's bug (ids from a URL or an upload are checked before they get here)."""
        for scenario in self.scenarios:
            if scenario.id == scenario_id:
                return scenario
        known = ", ".join(s.id for s in self.scenarios)
        raise KeyError(f"set {self.id!r} has no scenario {scenario_id!r} (it has {known})")
