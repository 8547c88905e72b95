"""Outcomes: indicator trajectories on shared axes, and the narratives side by side."""

from __future__ import annotations

import streamlit as st

from components.chart import chart
from explorer import figures, tables
from explorer.compare import observed_points, scenario_by_id
from explorer.model import Scenario, ScenarioSet
from explorer.state import ViewState
from explorer.summaries import trajectory_summary
from explorer.text import escape_markdown as esc


def _bullets(title: str, items: list[str]) -> None:
    st.markdown(f"**{title}**")
    if items:
        st.markdown("\n".join(f"- {esc(item)}" for item in items))
    else:
        st.caption("None stated.")


def _narrative(scenario_set: ScenarioSet, scenario: Scenario, letter: str) -> None:
    names = {a.id: a.name for a in scenario_set.actors}
    narrative = scenario.narrative
    st.markdown(f"#### {letter}: {esc(scenario.label)}")
    st.markdown(f"**{esc(narrative.headline)}**")
    st.markdown(esc(narrative.summary))
    for section in narrative.sections:
        with st.expander(section.title):
            st.markdown(esc(section.body))
    st.markdown("**Perspectives**")
    for perspective in narrative.perspectives:
        who = names[perspective.actor] if perspective.actor else perspective.attribution or ""
        st.markdown(f"*{esc(who)}*: {esc(perspective.text)}")
        if perspective.quote:
            st.markdown(f"> {esc(perspective.quote)}")
    _bullets("Risks", list(narrative.risks))
    _bullets("Opportunities", list(narrative.opportunities))
    _bullets(
        "Signposts (what would show this path unfolding)", [s.text for s in scenario.signposts]
    )


def render(scenario_set: ScenarioSet, state: ViewState) -> None:
    chosen = [scenario_by_id(scenario_set, s) for s in (state.a, state.b) if s]
    series = [figures.TrajectorySeries(s.label, s.trajectories) for s in chosen]
    used = {t.indicator for one in series for t in one.trajectories}
    indicators = [i for i in scenario_set.indicators if i.id in used]
    observed = [p for p in observed_points(scenario_set) if p.indicator in used]
    if not indicators:
        st.info("These scenarios have no indicator projections.")
    for start in range(0, len(indicators), 2):
        for column, indicator in zip(st.columns(2), indicators[start : start + 2], strict=False):
            with column:
                chart(
                    figures.trajectory(indicator, series, observed),
                    f"outcomes.{indicator.id}",
                    trajectory_summary(indicator, series),
                )
    if indicators:
        labels = {i.id: i.label for i in scenario_set.indicators}
        with st.expander("Data and basis of these projections"):
            st.dataframe(
                tables.trajectories_table(series, observed, labels),
                hide_index=True,
                key="outcomes.table",
            )
            for one in series:
                for path in one.trajectories:
                    st.markdown(
                        f"**{esc(one.label)}, {esc(labels[path.indicator])}**: {esc(path.basis)}"
                    )
    for column, scenario, letter in zip(st.columns(len(chosen)), chosen, "AB", strict=False):
        with column:
            _narrative(scenario_set, scenario, letter)
