"""What the Stakeholders view shows for one scenario, filter and date, derived in one go so that
the view builds it once per content and choice (``components.data.memo``) and a rerun only
draws it: the positions shown, who moves between A and B, and who moved since the decision,
each list with its sentence and its table in full (``tables.full_text``).

Imports pandas (through ``explorer.analysis.tables``): imported on its own, not re-exported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from explorer.analysis import tables
from explorer.analysis.compare import (
    StanceChange,
    StanceView,
    stance_changes,
    stance_moves,
    stances_under,
)
from explorer.analysis.summaries import changes_summary
from explorer.content import Actor, Scenario, ScenarioSet
from explorer.formats import day


@dataclass(frozen=True)
class Moves:
    """Positions that differ between two sides: the sentence that says how many, and the table
    of each in full as escaped Markdown (None when nothing differs)."""

    summary: str
    table: str | None


@dataclass(frozen=True)
class Positions:
    """The positions shown (actor x issue, under scenario A as of the date) and what moves:
    ``between`` A and B (None without a B), ``since`` the decision (None when not shown)."""

    shown: dict[tuple[str, str], StanceView]
    between: Moves | None
    since: Moves | None


def _moves(
    scenario_set: ScenarioSet,
    changes: Sequence[StanceChange],
    shown: Collection[tuple[str, str]],
    labels: list[str],
) -> Moves:
    found = [c for c in changes if (c.actor, c.issue) in shown]
    names = {x.id: x.name for x in scenario_set.actors} | {
        i.id: i.label for i in scenario_set.issues
    }
    table = tables.full_text(tables.changes_table(found, names, labels)) if found else None
    return Moves(changes_summary(found, labels), table)


def since_labels(decision: dt.date, as_of: dt.date | None) -> list[str]:
    """The two sides of who moved since the decision: the decision and the date shown."""
    until = "the newest statement" if as_of is None else day(as_of)
    return [f"at the decision ({day(decision)})", f"as of {until}"]


def positions(
    scenario_set: ScenarioSet,
    a: Scenario,
    b: Scenario | None,
    actors: Sequence[Actor],
    issues: Collection[str],
    as_of: dt.date | None,
    dated: bool,
) -> Positions:
    """What the view shows for ``actors`` on ``issues`` under ``a`` (and ``b``) as of
    ``as_of`` (None: the newest); ``dated``: the set records positions on more than one date,
    so who moved since the decision is shown (unless the date shown is the decision's)."""
    ids = {x.id for x in actors}
    views = stances_under(scenario_set, a, as_of)
    shown = {k: v for k, v in views.items() if k[0] in ids and k[1] in issues}
    between = None
    if b is not None:
        changes = stance_changes(scenario_set, a, b, as_of)
        between = _moves(scenario_set, changes, shown, [a.label, b.label])
    since = None
    decision = scenario_set.info.decision_date
    if dated and as_of != decision:
        moved = stance_moves(scenario_set, decision, as_of)
        since = _moves(scenario_set, moved, shown, since_labels(decision, as_of))
    return Positions(shown, between, since)
