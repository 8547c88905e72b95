"""The data of each view as one table, ``<view id>_table(set, state)``: what the view shows, as
filtered, for its CSV download (the registry names these functions by view id)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from explorer.analysis import tables
from explorer.analysis.compare import (
    aligned_clauses,
    observed_points,
    stance_changes,
    stances_under,
)
from explorer.analysis.reality import check_signposts
from explorer.cib import consistent_scenarios, from_cib_file, with_judgments
from explorer.content import LIKELIHOOD_SCALE, Clause, ScenarioSet, likelihood_band
from explorer.formats import day
from explorer.views.selection import (
    compared,
    event_series,
    shown_actors,
    shown_issues,
    trajectory_series,
)
from explorer.views.state import ViewState
from explorer.voting import chosen_decision, recorded_votes, starting_votes
from explorer.voting.tables import record_table


def overview_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    letters = {state.a: "A", state.b: "B"}
    return pd.DataFrame(
        [
            {
                "scenario": s.id,
                "title": s.title,
                "label": s.label,
                "compared as": letters.get(s.id, ""),
                "status": s.status,
                "likelihood": s.likelihood.label if s.likelihood else s.chance,
                "likelihood range": likelihood_band(s.likelihood.label).range
                if s.likelihood
                else "",
                "likelihood scale": LIKELIHOOD_SCALE if s.likelihood else "",
                "likelihood assessed": day(s.likelihood.assessed) if s.likelihood else "",
                "headline": s.narrative.headline,
                "premise": s.premise,
            }
            for s in scenario_set.scenarios
        ]
    )


def timeline_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """The events the timeline draws: the chosen scenarios, tracks and dates."""
    series = event_series(scenario_set, state)
    publishers = {s.id: s.cited_as for s in scenario_set.sources}
    return tables.events_table(series, publishers)


def stakeholders_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """Positions under A of the chosen groups on the chosen issues, as recorded on the state's
    date (the newest by default); with B, each position under B and the shift and basis of
    every change."""
    actors, issues = shown_actors(scenario_set, state), shown_issues(scenario_set, state)
    chosen = compared(scenario_set, state)
    a = chosen[0]
    table = tables.stances_table(actors, issues, stances_under(scenario_set, a, state.as_of))
    table = table.rename(columns={"position": f"position under {a.label}"})
    if len(chosen) == 1 or table.empty:
        return table
    b = chosen[1]
    table[f"position under {b.label}"] = tables.stances_table(
        actors, issues, stances_under(scenario_set, b, state.as_of)
    )["position"]
    names = {x.id: x.name for x in scenario_set.actors} | {i.id: i.label for i in issues}
    shown = {(x.id, i.id) for x in actors for i in issues}
    changes = [
        c for c in stance_changes(scenario_set, a, b, state.as_of) if (c.actor, c.issue) in shown
    ]
    moved = tables.changes_table(changes, names, [a.label, b.label])
    moved = moved[["actor", "issue", "shift", "basis"]].rename(columns={"basis": "basis of change"})
    return table.merge(moved, on=["actor", "issue"], how="left").fillna(
        {"shift": "", "basis of change": ""}
    )


def outcomes_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    series = trajectory_series(scenario_set, state)
    used = {t.indicator for one in series for t in one.trajectories}
    observed = [p for p in observed_points(scenario_set) if p.indicator in used]
    labels = {i.id: i.label for i in scenario_set.indicators}
    return tables.trajectories_table(series, observed, labels)


def _clause_cells(clause: Clause | None, publishers: Mapping[str, str]) -> dict[str, str]:
    if clause is None:
        return {"addressed": "silent", "clause": "", "quote": "", "sources": ""}
    return {
        "addressed": "yes",
        "clause": clause.summary,
        "quote": clause.quote or "",
        "sources": ", ".join(publishers[s] for s in clause.sources),
    }


def texts_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """One row per issue, text and clause, aligned as the texts view shows them; a text
    silent on an issue gets a row marked ``silent`` (the column keeps its older name, draft,
    so exports read as before)."""
    labels = {i.id: i.label for i in scenario_set.issues}
    publishers = {s.id: s.cited_as for s in scenario_set.sources}
    return pd.DataFrame(
        [
            {
                "issue": labels[row.issue],
                "draft": text.title,
                "symbol": text.symbol or "",
                "status": text.status,
                **_clause_cells(clause, publishers),
            }
            for row in aligned_clauses(scenario_set)
            if row.issue in state.issues
            for text, clauses in zip(scenario_set.drafts, row.cells, strict=True)
            for clause in clauses or (None,)
        ]
    )


def sources_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    return tables.sources_table(scenario_set)


def vote_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """The chosen text's recorded vote (empty where none is recorded) beside the what-if of the
    view, then the body's record; a cell that does not apply to its row is empty."""
    names = {a.id: a.name for a in scenario_set.actors}
    found = chosen_decision(scenario_set, state.text)
    rows: list[dict[str, object]] = []
    if found:
        simulated = dict(state.votes)
        recorded = recorded_votes(found[0].vote) if found[0].vote else {}
        rows += [
            {
                "draft": found[0].title,
                "member": names.get(m, m),
                "recorded": recorded.get(m),
                "what-if": simulated.get(m, v),
            }
            for m, v in starting_votes(*found).items()
        ]
    sources = {s.id: s.cited_as for s in scenario_set.sources}
    record_rows = (
        record_table(scenario_set.council_record, sources) if scenario_set.council_record else None
    )
    table = pd.DataFrame(rows, dtype=object)
    if record_rows is None:
        return table
    return pd.concat([table, record_rows.astype(object)], ignore_index=True).fillna("")


def reality_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """Each chosen scenario's signposts with their status and the observations behind it."""
    rows = []
    for scenario_id in (s for s in (state.a, state.b) if s):
        scenario = scenario_set.scenario(scenario_id)
        for check in check_signposts(scenario_set, scenario):
            rows.append(
                {
                    "scenario": scenario.label,
                    "signpost": check.signpost.text,
                    "status": check.status,
                    "evidence": "; ".join(
                        f"{e.observation.title} ({day(e.observation.date)})" for e in check.evidence
                    ),
                }
            )
    return pd.DataFrame(rows)


def whatif_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """Every consistent scenario under the view's fixed descriptors and changed judgments."""
    if scenario_set.cib is None:
        return pd.DataFrame()
    matrix = with_judgments(from_cib_file(scenario_set.cib), dict(state.judgments))
    names = [d.name for d in scenario_set.cib.descriptors]
    return pd.DataFrame(
        [
            {
                **dict(zip(names, solution.variants, strict=True)),
                "consistency value": solution.consistency_value,
                "total impact score": solution.total_impact_score,
            }
            for solution in consistent_scenarios(matrix, fixed=dict(state.fixed))
        ],
        columns=[*names, "consistency value", "total impact score"],
    )
