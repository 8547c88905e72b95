"""The records a set shares across its scenarios: sources, actors, issues, stances, events,
indicators, observations and recorded Council votes.

Models are frozen and forbid unknown keys, so a misspelt key is an error rather than silence.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from explorer.content.dates import SourceDate, period_end
from explorer.content.types import (
    ActorId,
    ActorKind,
    Certainty,
    CitedSources,
    Id,
    IndicatorId,
    IssueId,
    Model,
    Position,
    ScenarioId,
    SignpostId,
    Sources,
    Text,
    Track,
    Url,
)


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
    coverage: Text | None = Field(
        default=None,
        description="How far the sources reach, and what could not be found in them.",
    )


class Source(Model):
    id: Id
    title: Text
    publisher: Text
    url: Url | None = None
    published: SourceDate | None = None
    accessed: dt.date
    kind: Literal["official", "news", "analysis", "statement", "seed"]
    via: Text | None = Field(
        default=None, description="The mirror, aggregator or translation actually read, if any."
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")] = "en"
    reading: Literal["page", "headline"] = Field(
        default="page",
        description="page: the page was read; headline: only the publisher's headline or feed "
        "summary was read, and the source is cited as what the outlet reported, nothing more.",
    )

    @property
    def headline_only(self) -> bool:
        """Only the publisher's headline or feed summary was read."""
        return self.reading == "headline"

    @property
    def cited_as(self) -> str:
        """The publisher as a citation names it, saying when only a headline was read."""
        return f"{self.publisher} (headline only)" if self.headline_only else self.publisher

    @model_validator(mode="after")
    def _has_url(self) -> Self:
        if self.url is None and self.kind != "seed":
            raise ValueError("a source gives the url that was read (only a seed text may lack one)")
        return self


class Actor(Model):
    id: Id
    name: Text
    kind: ActorKind
    council_seat: Literal["permanent", "elected", "none"] = "none"
    region: Text
    party: bool = Field(default=False, description="A party to the conflict itself.")
    role: Text | None = Field(default=None, description="E.g. a person's office.")
    affiliation: ActorId | None = Field(
        default=None, description="The actor this one belongs to (a person's party or state)."
    )
    description: Text | None = None


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
    as_of: SourceDate = Field(description="When the actor held this position.")

    @model_validator(mode="after")
    def _known_values_are_sourced(self) -> Self:
        if self.value != "unknown" and not self.sources:
            raise ValueError("a stance with a value must cite at least one source")
        if self.quote and not self.sources:
            raise ValueError("a quote must cite at least one source")
        return self


class Window(Model):
    earliest: SourceDate
    latest: SourceDate

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.latest < self.earliest:
            raise ValueError(f"latest ({self.latest}) is before earliest ({self.earliest})")
        return self


class Resolution(Model):
    """What became of a scheduled or projected event whose date passed before the set's as_of:
    ``did not happen`` (a source says so; it cites it) or ``not found`` (not found in the
    sources read by as_of)."""

    outcome: Literal["did not happen", "not found"]
    note: Text | None = None
    sources: Sources = ()

    @model_validator(mode="after")
    def _said_by_a_source(self) -> Self:
        if self.outcome == "did not happen" and not self.sources:
            raise ValueError("'did not happen' must cite the source that says so")
        return self


class Event(Model):
    """A dated event. Observed and scheduled events cite sources; projected ones state a basis."""

    id: Id
    title: Text
    track: Track
    date: SourceDate | None = None
    start: SourceDate | None = None
    end: SourceDate | None = None
    window: Window | None = None
    certainty: Certainty
    description: Text | None = None
    actors: tuple[ActorId, ...] = ()
    basis: Text | None = None
    sources: Sources = ()
    resolution: Resolution | None = Field(
        default=None,
        description="For a scheduled or projected event whose date passed: what became of it.",
    )

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
        if self.certainty == "observed" and self.resolution is not None:
            raise ValueError(
                "an observed event happened: only a scheduled or projected one is resolved"
            )
        return self

    @property
    def due(self) -> dt.date:
        """The last day the event could still have happened on: a window's latest day, else
        its date or start, each at the end of its period (a month's last day...)."""
        return period_end(self.window.latest if self.window else self.when)

    @property
    def when(self) -> dt.date:
        """The date the event is placed at on a timeline."""
        return self.date or self.start  # type: ignore[return-value]


class Indicator(Model):
    id: Id
    label: Text
    unit: Text
    higher_is_better: bool | None = Field(
        default=None, description="Whether a higher value is better; left out: no judgement."
    )
    description: Text


class ObservedValue(Model):
    indicator: IndicatorId
    value: float
    note: Text | None = None


class Observation(Model):
    id: Id
    date: SourceDate
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
    yes: Annotated[int, Field(ge=0)]
    no: Annotated[int, Field(ge=0)]
    abstain: Annotated[int, Field(ge=0)]
    absent: Annotated[int, Field(ge=0)] = 0
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
        for names, count, label in (
            (self.in_favour, self.yes, "in_favour"),
            (self.against, self.no, "against"),
            (self.abstaining, self.abstain, "abstaining"),
        ):
            if names is not None and len(names) != count:
                raise ValueError(f"{label} names {len(names)} members but the count is {count}")
        return self
