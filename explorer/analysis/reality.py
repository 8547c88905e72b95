"""The reality check: each scenario's signposts against what was observed, observed indicator
values against each projection, and how a scenario stands to what actually happened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from explorer.analysis.compare import ObservedPoint
from explorer.content import (
    Indicator,
    Observation,
    Scenario,
    ScenarioSet,
    Signpost,
    Trajectory,
)
from explorer.formats import day, number, places

SignpostStatus = Literal["supported", "contradicted", "not yet observed"]


@dataclass(frozen=True)
class Evidence:
    observation: Observation
    supports: bool


@dataclass(frozen=True)
class SignpostCheck:
    """A signpost, its status, and the observations bearing on it, oldest first."""

    signpost: Signpost
    status: SignpostStatus
    evidence: tuple[Evidence, ...]


def check_signposts(scenario_set: ScenarioSet, scenario: Scenario) -> list[SignpostCheck]:
    """Each signpost of ``scenario`` marked by the observations that support or contradict it.

    The newest evidence decides, since it says where things stand now; on one date a
    contradiction outweighs support. A signpost no observation mentions is not yet observed.
    """
    observations = sorted(scenario_set.observations, key=lambda o: o.date)
    checks = []
    for signpost in scenario.signposts:
        evidence = tuple(
            Evidence(o, supports=signpost.id in o.supports)
            for o in observations
            if signpost.id in o.supports or signpost.id in o.contradicts
        )
        status: SignpostStatus = "not yet observed"
        if evidence:
            newest = [e for e in evidence if e.observation.date == evidence[-1].observation.date]
            status = "supported" if all(e.supports for e in newest) else "contradicted"
        checks.append(SignpostCheck(signpost, status, evidence))
    return checks


def score(checks: Sequence[SignpostCheck]) -> str:
    """``'3 of 6 signposts observed, 2 contradicted'``: observed means supported."""
    if not checks:
        return "No signposts stated."
    supported = sum(1 for c in checks if c.status == "supported")
    contradicted = sum(1 for c in checks if c.status == "contradicted")
    noun = "signpost" if len(checks) == 1 else "signposts"
    return f"{supported} of {len(checks)} {noun} observed, {contradicted} contradicted"


def as_of(scenario_set: ScenarioSet) -> dt.date | None:
    """The date of the newest observation."""
    return max((o.date for o in scenario_set.observations), default=None)


def as_of_sentence(scenario_set: ScenarioSet) -> str:
    newest = as_of(scenario_set)
    if newest is None:
        return "Nothing has been observed since the decision yet."
    return f"As of {day(newest)}, the date of the newest observation."


@dataclass(frozen=True)
class Framing:
    heading: str
    text: str


def framing(scenario_set: ScenarioSet, scenario: Scenario) -> Framing:
    """How a scenario stands to what happened: the realized path says so; a counterfactual
    says what would have had to differ (its branch point, else its premise); an open branch
    says where it leaves its parent."""
    branch = scenario.branch_point
    if scenario.status == "realized":
        return Framing("Realized: this is what happened.", scenario.premise)
    if scenario.status == "counterfactual":
        text = f"{day(branch.date)}: {branch.description}" if branch else scenario.premise
        return Framing("Counterfactual. What would have had to differ:", text)
    if branch and scenario.parent:
        parent = scenario_set.scenario(scenario.parent)
        return Framing(
            f"Open: may still unfold. It branches from {parent.label} on {day(branch.date)}:",
            branch.description,
        )
    return Framing("Open: may still unfold.", scenario.premise)


@dataclass(frozen=True)
class Divergence:
    """An observed value against the projection at its date (linearly interpolated)."""

    date: dt.date
    observed: float
    projected: float
    low: float
    high: float
    places: int = 0
    """The decimal places the content gives these numbers (see ``explorer.formats.places``)."""

    @property
    def position(self) -> Literal["below", "within", "above"]:
        if self.observed < self.low:
            return "below"
        return "above" if self.observed > self.high else "within"


def _between(a: float, b: float, share: float) -> float:
    return a + (b - a) * share


def divergences(trajectory: Trajectory, observed: Sequence[ObservedPoint]) -> list[Divergence]:
    """Each observed value of the trajectory's indicator within the projected period, oldest
    first, against the projection at that date."""
    points = trajectory.points
    given = [v for p in points for v in (p.value, p.low, p.high)]
    out = []
    for value in sorted(
        (p for p in observed if p.indicator == trajectory.indicator), key=lambda p: p.date
    ):
        for before, after in pairwise(points):
            if before.date <= value.date <= after.date:
                span = (after.date - before.date).days
                share = (value.date - before.date).days / span if span else 0.0
                out.append(
                    Divergence(
                        value.date,
                        value.value,
                        _between(before.value, after.value, share),
                        _between(before.low, after.low, share),
                        _between(before.high, after.high, share),
                        places([*given, value.value]),
                    )
                )
                break
    return out


def divergence_summary(indicator: Indicator, label: str, found: Sequence[Divergence]) -> str:
    """``'Killed since the ceasefire, US draft adopted: the latest observed value, 618 people on
    2026-03-06, is above the projected range (100 to 300); 2 of 2 observed values fall outside
    it.'``"""
    where = f"{indicator.label}, {label}"
    if not found:
        return f"{where}: no observed value within the projected period."
    latest = found[-1]
    outside = sum(1 for d in found if d.position != "within")
    return (
        f"{where}: the latest observed value, {number(latest.observed, latest.places)} "
        f"{indicator.unit} on {day(latest.date)}, is {latest.position} the projected range "
        f"({number(latest.low, latest.places)} to {number(latest.high, latest.places)}); "
        f"{outside} of {len(found)} observed values fall outside it."
    )
