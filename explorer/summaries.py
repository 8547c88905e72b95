"""One-sentence findings for each chart: its alt text and visible caption."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from explorer.compare import StanceChange, StanceView
from explorer.figures import EventSeries, TrajectorySeries
from explorer.model import ScenarioSet


def timeline_summary(series: Sequence[EventSeries]) -> str:
    parts = []
    for one in series:
        counts = Counter(e.certainty for e in one.events)
        detail = ", ".join(
            f"{counts[c]} {c}" for c in ("observed", "scheduled", "projected") if counts[c]
        )
        parts.append(f"{one.label}: {len(one.events)} events ({detail or 'none'})")
    return "Timeline. " + "; ".join(parts) + "."


def heatmap_summary(views: Mapping[tuple[str, str], StanceView], actors: int, issues: int) -> str:
    values = [v.value for v in views.values()]
    known = [v for v in values if v != "unknown"]
    return (
        f"Positions of {actors} actors on {issues} issues: {len(known)} known, "
        f"{len(values) - len(known)} unknown (no public statement found); "
        f"{sum(1 for v in known if v > 0)} in favour, {sum(1 for v in known if v < 0)} against."
    )


def changes_summary(changes: Sequence[StanceChange], labels: Sequence[str]) -> str:
    if not changes:
        return f"No actor's position differs between {labels[0]} and {labels[1]}."
    actors = len({c.actor for c in changes})
    return (
        f"{len(changes)} positions of {actors} actors differ between {labels[0]} and {labels[1]}."
    )


def trajectories_summary(series: Sequence[TrajectorySeries], observed: int) -> str:
    parts = [f"{one.label}: {len(one.trajectories)} projected indicators" for one in series]
    return "Indicators. " + "; ".join(parts) + f"; {observed} observed values."


def tree_summary(scenario_set: ScenarioSet) -> str:
    counts = Counter(s.status for s in scenario_set.scenarios)
    detail = ", ".join(f"{n} {status}" for status, n in counts.items())
    return f"{len(scenario_set.scenarios)} scenarios branch from the decision: {detail}."
