"""Derived tables of a set: the actor groups and tracks its filters offer, a scenario's full
timeline, stances under a scenario (as of a date), what differs between two scenarios, drafts
aligned by issue, and where each source is used."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from explorer.content import (
    Actor,
    ActorGroup,
    Clause,
    Event,
    Position,
    Scenario,
    ScenarioSet,
    Stance,
    Term,
    iter_references,
)


def groups_of(scenario_set: ScenarioSet, actor_id: str) -> tuple[str, ...]:
    """The ids of the set's actor groups that hold ``actor_id``, in vocabulary order."""
    return tuple(g.id for g in scenario_set.vocabulary.groups if actor_id in g.members)


def offered_groups(scenario_set: ScenarioSet) -> tuple[ActorGroup, ...]:
    """The groups a filter offers: each with at least one actor (the implicit ``others`` group
    only when some actor is in no declared group)."""
    return tuple(g for g in scenario_set.vocabulary.groups if g.members)


def actors_in(scenario_set: ScenarioSet, group_ids: Iterable[str]) -> list[Actor]:
    """The actors in any of the groups ``group_ids``, in the set's order."""
    wanted = set(group_ids)
    chosen = {m for g in scenario_set.vocabulary.groups if g.id in wanted for m in g.members}
    return [actor for actor in scenario_set.actors if actor.id in chosen]


def tracks_in_use(scenario_set: ScenarioSet) -> tuple[Term, ...]:
    """The tracks with at least one event in the history or any scenario, in vocabulary order."""
    used = {e.track for e in scenario_set.history}
    used |= {e.track for s in scenario_set.scenarios for e in s.events}
    return tuple(t for t in scenario_set.vocabulary.tracks if t.id in used)


def scenario_events(scenario_set: ScenarioSet, scenario: Scenario) -> list[Event]:
    """Shared history, then the parent's events before the branch point, then the scenario's own."""
    inherited: list[Event] = []
    if scenario.parent and scenario.branch_point:
        parent = scenario_set.scenario(scenario.parent)
        shared = {e.id for e in scenario_set.history}
        inherited = [
            e
            for e in scenario_events(scenario_set, parent)
            if e.when < scenario.branch_point.date and e.id not in shared
        ]
    return sorted([*scenario_set.history, *inherited, *scenario.events], key=lambda e: e.when)


@dataclass(frozen=True)
class StanceView:
    """An actor's position on an issue under a scenario, and where that value comes from."""

    actor: str
    issue: str
    value: Position
    stance: Stance | None
    reaction_basis: str | None = None


def stances_under(
    scenario_set: ScenarioSet, scenario: Scenario | None, as_of: dt.date | None = None
) -> dict[tuple[str, str], StanceView]:
    """Every actor x issue: the newest stance recorded on or before ``as_of`` (None: the newest
    of all), replaced by the scenario's projected reaction."""
    recorded: dict[tuple[str, str], Stance] = {}
    for stance in sorted(scenario_set.stances, key=lambda s: s.as_of):
        if as_of is None or stance.as_of <= as_of:
            recorded[(stance.actor, stance.issue)] = stance
    out = {}
    for actor in scenario_set.actors:
        for issue in scenario_set.issues:
            stance = recorded.get((actor.id, issue.id))
            value = stance.value if stance else "unknown"
            out[(actor.id, issue.id)] = StanceView(actor.id, issue.id, value, stance)
    for reaction in scenario.reactions if scenario else ():
        key = (reaction.actor, reaction.issue)
        out[key] = StanceView(*key, reaction.value, recorded.get(key), reaction.basis)
    return out


def stance_dates(scenario_set: ScenarioSet) -> list[dt.date]:
    """The distinct dates the set's stances are recorded as of, oldest first."""
    return sorted({s.as_of for s in scenario_set.stances})


@dataclass(frozen=True)
class StanceChange:
    actor: str
    issue: str
    a: Position
    b: Position
    basis: str

    @property
    def shift(self) -> int | None:
        """B minus A on the -2..+2 scale; None when either side is unknown."""
        if isinstance(self.a, int) and isinstance(self.b, int):
            return self.b - self.a
        return None


def stance_changes(
    scenario_set: ScenarioSet, a: Scenario, b: Scenario, as_of: dt.date | None = None
) -> list[StanceChange]:
    """Where an actor's position differs between A and B (positions as recorded on ``as_of``;
    None: the newest), with the stated basis of each change."""
    under_a = stances_under(scenario_set, a, as_of)
    under_b = stances_under(scenario_set, b, as_of)
    changes = []
    for key, view_a in under_a.items():
        view_b = under_b[key]
        if view_a.value != view_b.value:
            basis = " / ".join(v.reaction_basis for v in (view_a, view_b) if v.reaction_basis)
            changes.append(StanceChange(*key, view_a.value, view_b.value, basis))
    return changes


def stance_moves(
    scenario_set: ScenarioSet, since: dt.date, until: dt.date | None = None
) -> list[StanceChange]:
    """Where an actor's recorded position (no scenario applied) differs between ``since`` and
    ``until`` (None: the newest), with the newer statement's own summary as the basis."""
    before = stances_under(scenario_set, None, since)
    after = stances_under(scenario_set, None, until)
    moves = []
    for key, now in after.items():
        if now.value != before[key].value:
            basis = now.stance.summary or "" if now.stance else ""
            moves.append(StanceChange(*key, before[key].value, now.value, basis))
    return moves


@dataclass(frozen=True)
class ClauseRow:
    """One issue across the drafts: each draft's clauses on it (empty: the draft is silent)."""

    issue: str
    cells: tuple[tuple[Clause, ...], ...]

    @property
    def silent_in(self) -> tuple[int, ...]:
        return tuple(i for i, cell in enumerate(self.cells) if not cell)


def aligned_clauses(scenario_set: ScenarioSet) -> list[ClauseRow]:
    """One row per issue that any draft addresses, one cell per draft, in the set's issue order."""
    rows = []
    for issue in scenario_set.issues:
        cells = tuple(
            tuple(c for c in d.clauses if c.issue == issue.id) for d in scenario_set.drafts
        )
        if any(cells):
            rows.append(ClauseRow(issue.id, cells))
    return rows


def _describe(kind: str, label: str, loc: Sequence[str | int]) -> str:
    fields = [part for part in loc if isinstance(part, str)]
    return f"{kind} {label}: {'.'.join(fields)}"


def source_usage(scenario_set: ScenarioSet) -> dict[str, list[str]]:
    """For each source id, where it is cited (``"scenario Russian draft: events.sources"``)."""
    usage: dict[str, list[str]] = defaultdict(list)
    places: Iterable[tuple[str, str, BaseModel]] = [
        *(("stance", f"{s.actor} on {s.issue}", s) for s in scenario_set.stances),
        *(("draft", d.title, d) for d in scenario_set.drafts),
        *(("history", e.title, e) for e in scenario_set.history),
        *(("scenario", s.label, s) for s in scenario_set.scenarios),
        *(("observation", o.title, o) for o in scenario_set.observations),
    ]
    for kind, label, obj in places:
        for loc, ref_kind, ref in iter_references(obj):
            if ref_kind == "source":
                place = _describe(kind, label, loc)
                if place not in usage[ref]:
                    usage[ref].append(place)
    return dict(usage)


@dataclass(frozen=True)
class ObservedPoint:
    indicator: str
    date: dt.date
    value: float
    note: str | None
    observation: str


def observed_points(scenario_set: ScenarioSet) -> list[ObservedPoint]:
    return sorted(
        (
            ObservedPoint(v.indicator, o.date, v.value, v.note, o.title)
            for o in scenario_set.observations
            for v in o.values
        ),
        key=lambda p: (p.indicator, p.date),
    )
