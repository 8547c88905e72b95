"""Decision bodies, their voting rules, and the decision recorded on a text.

``bodies.yaml`` declares who decides and by which rule; a text's ``decision`` names its body,
the recorded vote and the scenario that follows each outcome. A set without ``bodies.yaml``
whose actors hold Security Council seats gets one body made from them (``default_body``).

    >>> Body(id="board", name="Board", rule="simple-majority", members=("a", "b", "c")).rule
    'simple-majority'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Literal, Protocol, Self

from pydantic import Field, model_validator

from explorer.content.types import ActorId, CitedSources, Id, Model, ScenarioId, Sources, Text

RuleName = Literal[
    "security-council",
    "general-assembly",
    "simple-majority",
    "qualified-majority",
    "unanimity",
    "consensus",
]
RULE_NAMES: tuple[RuleName, ...] = (
    "security-council",
    "general-assembly",
    "simple-majority",
    "qualified-majority",
    "unanimity",
    "consensus",
)
DEFAULT_BODY_ID = "council"
DEFAULT_BODY_NAME = "Security Council"


class Body(Model):
    """A body that decides by vote: its members (actor ids) and its rule.

    ``permanent`` (security-council only) names the members whose vote against is a veto;
    ``threshold`` (qualified-majority only) is the share of members present and voting needed;
    ``important`` (general-assembly only) asks for two-thirds under Art. 18(2)."""

    id: Id
    name: Text
    rule: RuleName
    members: Annotated[tuple[ActorId, ...], Field(min_length=1)]
    permanent: tuple[ActorId, ...] = ()
    threshold: Annotated[float, Field(gt=0, le=1)] | None = None
    important: bool | None = None
    sources: Sources = ()

    @model_validator(mode="after")
    def _fits_its_rule(self) -> Self:
        twice = sorted({m for m in self.members if self.members.count(m) > 1})
        if twice:
            raise ValueError(f"members names {', '.join(twice)} more than once")
        outside = [m for m in self.permanent if m not in self.members]
        if outside:
            raise ValueError(f"permanent names {', '.join(outside)}, not among the members")
        if self.permanent and self.rule != "security-council":
            raise ValueError(f"permanent is for the security-council rule, not {self.rule}")
        if (self.threshold is None) == (self.rule == "qualified-majority"):
            raise ValueError("threshold is given for the qualified-majority rule, and only there")
        if self.important is not None and self.rule != "general-assembly":
            raise ValueError(f"important is for the general-assembly rule, not {self.rule}")
        return self


class BodiesFile(Model):
    """``bodies.yaml``: the set's decision bodies."""

    bodies: tuple[Body, ...]


class RecordedVote(Model):
    """How each member voted on a text (actor ids), with its sources."""

    date: dt.date
    meeting: Text | None = None
    yes: tuple[ActorId, ...] = ()
    no: tuple[ActorId, ...] = ()
    abstain: tuple[ActorId, ...] = ()
    absent: tuple[ActorId, ...] = ()
    sources: CitedSources


class Follows(Model):
    """The scenario each outcome of a decision leads to (either may be left out)."""

    adopted: ScenarioId | None = None
    not_adopted: ScenarioId | None = None


class Decision(Model):
    """A text's decision: by which body (default: the set's first), its recorded vote, and
    which scenario follows each outcome."""

    body: Id | None = None
    vote: RecordedVote | None = None
    follows: Follows | None = None


class _Seated(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def council_seat(self) -> str: ...


def default_body(actors: Sequence[_Seated]) -> Body | None:
    """The body of a set without ``bodies.yaml``: one Security Council of the actors with a
    seat (permanent ones hold the veto), or None when no actor has a seat."""
    members = tuple(a.id for a in actors if a.council_seat != "none")
    if not members:
        return None
    return Body(
        id=DEFAULT_BODY_ID,
        name=DEFAULT_BODY_NAME,
        rule="security-council",
        members=members,
        permanent=tuple(a.id for a in actors if a.council_seat == "permanent"),
    )
