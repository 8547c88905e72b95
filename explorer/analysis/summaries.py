"""One-sentence findings for each chart: its alt text and visible caption."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from explorer.analysis.compare import StanceChange, StanceView
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.content import Indicator, Position, ScenarioSet
from explorer.formats import count, day, number, places, span


def timeline_summary(series: Sequence[EventSeries]) -> str:
    parts = []
    for one in series:
        counts = Counter(e.certainty for e in one.events)
        detail = ", ".join(
            f"{counts[c]} {c}" for c in ("observed", "scheduled", "projected") if counts[c]
        )
        parts.append(f"{one.label}: {count(len(one.events), 'event')} ({detail or 'none'})")
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
    verb = "differs" if len(changes) == 1 else "differ"
    return (
        f"{count(len(changes), 'position')} of {count(actors, 'actor')} {verb} between "
        f"{labels[0]} and {labels[1]}."
    )


def salience_summary(issue: str, values: Mapping[str, tuple[Position, float | None]]) -> str:
    known = [v for v in values.values() if v[0] != "unknown"]
    placed = [v for v in known if v[1] is not None]
    return (
        f"{issue}: {len(known)} of {len(values)} actors have a known position; the "
        f"{len(placed)} whose salience is judged from their statements are placed on the map."
    )


def trajectory_summary(indicator: Indicator, series: Sequence[TrajectorySeries]) -> str:
    """Where each scenario's projection ends: '... projects 600 people by 31 December 2027
    (range 400 to 800)'."""
    parts = []
    for one in series:
        path = next((t for t in one.trajectories if t.indicator == indicator.id), None)
        if path:
            end = path.points[-1]
            value = number(end.value, places([end.value, end.low, end.high]))
            parts.append(
                f"{one.label} projects {value} {indicator.unit} by {day(end.date)} "
                f"(range {span(end.low, end.high)})"
            )
    return f"{indicator.label}: " + ("; ".join(parts) or "no projection") + "."


def tree_summary(scenario_set: ScenarioSet) -> str:
    counts = Counter(s.status for s in scenario_set.scenarios)
    detail = ", ".join(f"{n} {status}" for status, n in counts.items())
    return f"{len(scenario_set.scenarios)} scenarios branch from the decision: {detail}."
