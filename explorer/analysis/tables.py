"""The data behind each chart and panel, as pandas tables (the 'data one click away')."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from explorer.analysis.compare import ObservedPoint, StanceChange, StanceView, source_usage
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.content import Actor, Issue, ScenarioSet
from explorer.formats import day, day_span, number, places, signed
from explorer.text import markdown_table


def events_table(series: Sequence[EventSeries], source_names: Mapping[str, str]) -> pd.DataFrame:
    rows = [
        {
            "scenario": one.label,
            "date": day(e.when),
            "end": day(e.end) if e.end else "",
            "track": e.track,
            "certainty": e.certainty,
            "event": e.title,
            "window": day_span(e.window.earliest, e.window.latest) if e.window else "",
            "basis": e.basis or "",
            "sources": ", ".join(source_names.get(s, s) for s in e.sources),
            "resolution": e.resolution.outcome if e.resolution else "",
        }
        for one in series
        for e in one.events
    ]
    return pd.DataFrame(rows)


def stances_table(
    actors: Sequence[Actor], issues: Sequence[Issue], views: Mapping[tuple[str, str], StanceView]
) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "actor": a.name,
                "issue": i.label,
                "position": signed(views[(a.id, i.id)].value),
                "salience": _salience(views[(a.id, i.id)]),
                "basis": _basis(views[(a.id, i.id)]),
            }
            for a in actors
            for i in issues
        ]
    )


def _salience(view: StanceView) -> str:
    """As the content gives it, or empty where no statement was found."""
    salience = view.stance.salience if view.stance else None
    return "" if salience is None else number(salience, places([salience]))


def _basis(view: StanceView) -> str:
    return view.reaction_basis or (view.stance.summary if view.stance else "") or ""


def changes_table(
    changes: Sequence[StanceChange], names: Mapping[str, str], labels: Sequence[str]
) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "actor": names[c.actor],
                "issue": names[c.issue],
                labels[0]: signed(c.a),
                labels[1]: signed(c.b),
                "shift": "" if c.shift is None else f"{c.shift:+d}",
                "basis": c.basis,
            }
            for c in changes
        ],
        columns=["actor", "issue", *labels, "shift", "basis"],
    )


def full_text(table: pd.DataFrame) -> str:
    """A short table whose long texts (a basis, a note) are shown in full, wrapped, not cut at
    the column's edge: an escaped Markdown table (``explorer.text.markdown_table``)."""
    return markdown_table(list(table.columns), table.itertuples(index=False))


def trajectories_table(
    series: Sequence[TrajectorySeries], observed: Sequence[ObservedPoint], labels: Mapping[str, str]
) -> pd.DataFrame:
    """Projected points with their range, each path written at the precision its numbers have;
    observed values as reported, with no range."""
    rows = []
    for one in series:
        for t in one.trajectories:
            decimals = places([v for p in t.points for v in (p.value, p.low, p.high)])
            rows += [
                {
                    "indicator": labels[t.indicator],
                    "scenario": one.label,
                    "kind": "projected",
                    "date": day(p.date),
                    "value": number(p.value, decimals),
                    "low": number(p.low, decimals),
                    "high": number(p.high, decimals),
                    "note": t.basis,
                }
                for p in t.points
            ]
    rows += [
        {
            "indicator": labels[p.indicator],
            "scenario": "",
            "kind": "observed",
            "date": day(p.date),
            "value": number(p.value, places([p.value])),
            "low": "",
            "high": "",
            "note": p.note or p.observation,
        }
        for p in observed
    ]
    return pd.DataFrame(rows)


def sources_table(scenario_set: ScenarioSet) -> pd.DataFrame:
    usage = source_usage(scenario_set)
    return pd.DataFrame(
        [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "via": s.via or "",
                "published": day(s.published) if s.published else "",
                "kind": s.kind,
                "language": s.language,
                "url": s.url or "",
                "used": len(usage.get(s.id, [])),
                "where used": "; ".join(usage.get(s.id, [])),
                "reading": "headline only" if s.headline_only else "page",
            }
            for s in scenario_set.sources
        ]
    )
