"""The typed model of a scenario set.

One YAML file maps to one ``*File`` model (or to ``Scenario`` for files under ``scenarios/``);
``ScenarioSet`` gathers them after the loader has checked every cross-reference. Models are
frozen and forbid unknown keys, so a misspelt key is an error rather than silence.

Fields that name another object are annotated with ``Ref(kind)``; the loader walks those
annotations to check that every reference resolves (see ``explorer.content.references``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)


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
    model_config = ConfigDict(frozen=True, extra="forbid")


class SetInfo(Model):
    """``set.yaml``: what the set is about and how it opens."""

    title: Text
    question: Text
    decision_point: Text
    decision_date: dt.date
    as_of: dt.date
    version: Text
    summary: Text
    default_pair: tuple[ScenarioId, ScenarioId]
    licence: Text = "CC BY 4.0"


class Source(Model):
    id: Id
    title: Text
    publisher: Text
    url: Url | None = None
    published: dt.date | None = None
    accessed: dt.date
    kind: Literal["official", "news", "analysis", "statement", "seed"]
    via: Text | None = Field(
        default=None, description="The mirror, aggregator or translation actually read, if any."
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")] = "en"

    @model_validator(mode="after")
    def _has_url(self) -> Self:
        if self.url is None and self.kind != "seed":
            raise ValueError("a source gives the url that was read (only a seed text may lack one)")
        return self


class Actor(Model):
    id: Id
    name: Text
    kind: Literal["state", "organisation", "armed_group", "body", "bloc"]
    council_seat: Literal["permanent", "elected", "none"] = "none"
    region: Text
    party: bool = Field(default=False, description="A party to the conflict itself.")


class Issue(Model):
    id: Id
    label: Text
    question: Text
    low: Text = Field(description="What a position of -2 means.")
    high: Text = Field(description="What a position of +2 means.")


class Stance(Model):
    """An actor's position on an issue. No public statement found means ``unknown``."""

    actor: ActorId
    issue: IssueId
    value: Position
    salience: Annotated[float, Field(ge=0, le=1)] | None = None
    summary: Text | None = Field(default=None, description="The position in the actor's terms.")
    quote: Text | None = None
    quote_original: Text | None = None
    sources: Sources = ()
    as_of: dt.date

    @model_validator(mode="after")
    def _known_values_are_sourced(self) -> Self:
        if self.value != "unknown" and not self.sources:
            raise ValueError("a stance with a value must cite at least one source")
        if self.quote and not self.sources:
            raise ValueError("a quote must cite at least one source")
        return self


class RecordedVote(Model):
    date: dt.date
    meeting: Text | None = None
    yes: tuple[ActorId, ...] = ()
    no: tuple[ActorId, ...] = ()
    abstain: tuple[ActorId, ...] = ()
    absent: tuple[ActorId, ...] = ()
    sources: CitedSources


class Clause(Model):
    issue: IssueId
    summary: Text
    quote: Text | None = None
    sources: CitedSources


class Draft(Model):
    id: Id
    title: Text
    sponsor: ActorId
    symbol: Text | None = None
    circulated: dt.date
    status: Literal["adopted", "vetoed", "failed", "not_put_to_vote", "circulated"]
    resolution: Text | None = None
    vote: RecordedVote | None = None
    note: Text | None = None
    clauses: tuple[Clause, ...]
    sources: CitedSources


class Window(Model):
    earliest: dt.date
    latest: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.latest < self.earliest:
            raise ValueError(f"latest ({self.latest}) is before earliest ({self.earliest})")
        return self


class Event(Model):
    """A dated event. Observed and scheduled events cite sources; projected ones state a basis."""

    id: Id
    title: Text
    track: Track
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    window: Window | None = None
    certainty: Certainty
    description: Text | None = None
    actors: tuple[ActorId, ...] = ()
    basis: Text | None = None
    sources: Sources = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if (self.date is None) == (self.start is None):
            raise ValueError("give either date or start (with an optional end), not both")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.certainty != "projected" and not self.sources:
            raise ValueError(f"a {self.certainty} event must cite at least one source")
        if self.certainty == "projected" and not self.basis:
            raise ValueError("a projected event must state its basis")
        return self

    @property
    def when(self) -> dt.date:
        """The date the event is placed at on a timeline."""
        return self.date or self.start  # type: ignore[return-value]


class Indicator(Model):
    id: Id
    label: Text
    unit: Text
    higher_is_better: bool
    description: Text


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


class ObservedValue(Model):
    indicator: IndicatorId
    value: float
    note: Text | None = None


class Observation(Model):
    id: Id
    date: dt.date
    title: Text
    description: Text | None = None
    supports: tuple[SignpostId, ...] = ()
    contradicts: tuple[SignpostId, ...] = ()
    values: tuple[ObservedValue, ...] = ()
    sources: CitedSources


class CouncilVote(Model):
    """One recorded Security Council vote (a draft or an amendment) in the set's history.

    Members are named as text because past Councils held states that are not actors of the set.
    A list left out (None) means the names were not confirmed; counts are always given."""

    id: Id
    date: dt.date
    meeting: Text | None = None
    kind: Literal["draft", "amendment"]
    symbol: Text | None = Field(default=None, description="Omitted when not confirmed.")
    sponsor: Text
    subject: Text
    yes: Annotated[int, Field(ge=0, le=15)]
    no: Annotated[int, Field(ge=0, le=15)]
    abstain: Annotated[int, Field(ge=0, le=15)]
    absent: Annotated[int, Field(ge=0, le=15)] = 0
    in_favour: tuple[Text, ...] | None = None
    against: tuple[Text, ...] | None = None
    abstaining: tuple[Text, ...] | None = None
    outcome: Literal["adopted", "vetoed", "insufficient_votes"]
    vetoed_by: tuple[Text, ...] = ()
    resolution: Text | None = None
    note: Text | None = None
    sources: CitedSources

    @model_validator(mode="after")
    def _counts_match_names(self) -> Self:
        if self.yes + self.no + self.abstain + self.absent > 15:
            raise ValueError("more than 15 votes counted")
        for names, count, label in (
            (self.in_favour, self.yes, "in_favour"),
            (self.against, self.no, "against"),
            (self.abstaining, self.abstain, "abstaining"),
        ):
            if names is not None and len(names) != count:
                raise ValueError(f"{label} names {len(names)} members but the count is {count}")
        return self


class CibDescriptor(Model):
    name: Text
    variants: Annotated[tuple[Text, ...], Field(min_length=2)]
    description: Text | None = None


class CibSection(Model):
    """How the variants of one descriptor push those of another (-3..+3), and why."""

    impacting: Text
    impacted: Text
    rationale: Text
    sources: Sources = ()
    impacts: dict[str, dict[str, Annotated[int, Field(ge=-3, le=3)]]]


class CibScenarioMap(Model):
    """An authored scenario as a combination of variants, one per descriptor."""

    scenario: ScenarioId
    variants: dict[str, str]


class CibFile(Model):
    """``cib.yaml``: a cross-impact balance matrix of the set, the project's analytic judgment."""

    title: Text
    judgment: Text = Field(description="Who judged, and that it is judgment, not fact.")
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
    history: tuple[Event, ...]
    indicators: tuple[Indicator, ...]
    scenarios: tuple[Scenario, ...]
    observations: tuple[Observation, ...]
    council_record: tuple[CouncilVote, ...] = ()
    cib: CibFile | None = None
    content_hash: str
