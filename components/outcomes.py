"""Outcomes: indicator trajectories on shared axes, and the narratives side by side. The data
and basis of the projections are built only once their expander is opened (``lazy.opened``):
a switch of scenario would otherwise send and draw a table nobody sees."""

from __future__ import annotations

import streamlit as st

from components.chart import ChartContent, chart
from components.data import memo
from components.lazy import opened
from explorer import figures
from explorer.analysis.compare import observed_points
from explorer.analysis.series import TrajectorySeries
from explorer.analysis.summaries import trajectory_summary
from explorer.content import Scenario, ScenarioSet
from explorer.text import content
from explorer.views import ViewState, data
from explorer.views.selection import compared, trajectory_series


def _bullets(title: str, items: list[str]) -> str:
    lines = [f"- {content(item)}" for item in items] or ["- None stated."]
    return f"**{title}**\n\n" + "\n".join(lines)


def _narrative(scenario_set: ScenarioSet, scenario: Scenario, letter: str) -> None:
    """One scenario's narrative in a fixed order, so that A and B can be read row by row."""
    names = {a.id: a.name for a in scenario_set.actors}
    narrative = scenario.narrative
    st.markdown(
        f"#### {letter}: {content(scenario.label)}\n\n**{content(narrative.headline)}**\n\n"
        + content(narrative.summary)
    )
    for section in narrative.sections:
        with st.expander(content(section.title)):
            st.markdown(content(section.body))
    blocks = ["**Perspectives**"]
    for perspective in narrative.perspectives:
        who = names[perspective.actor] if perspective.actor else perspective.attribution or ""
        blocks.append(f"*{content(who)}*: {content(perspective.text)}")
        if perspective.quote:
            blocks.append(f"> {content(perspective.quote)}")
    blocks.append(_bullets("Risks", list(narrative.risks)))
    blocks.append(_bullets("Opportunities", list(narrative.opportunities)))
    signposts = [s.text for s in scenario.signposts]
    blocks.append(_bullets("Signposts (what would show this path unfolding)", signposts))
    st.markdown("\n\n".join(blocks))


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    chosen = compared(scenario_set, state)
    series = trajectory_series(scenario_set, state)
    used = {t.indicator for one in series for t in one.trajectories}
    indicators = [i for i in scenario_set.indicators if i.id in used]
    observed = [p for p in observed_points(scenario_set) if p.indicator in used]
    every = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios]
    if not indicators:
        st.info("These scenarios have no indicator projections.")
    else:
        chart(
            "outcomes.indicators",
            (scenario_set.content_hash, state.a, state.b),
            lambda: ChartContent(
                figures.trajectories(indicators, series, observed, every),
                " ".join(trajectory_summary(i, series) for i in indicators),
            ),
        )
    panel = opened("Data and basis of these projections", "outcomes.data") if indicators else None
    if panel is not None:
        labels = {i.id: i.label for i in scenario_set.indicators}
        with panel:
            table = memo(
                ("outcomes.table", scenario_set.content_hash, state.a, state.b),
                lambda: data.outcomes_table(scenario_set, state),
            )
            st.dataframe(table, hide_index=True, key="outcomes.table")
            st.markdown(
                "\n\n".join(
                    f"**{content(one.label)}, {content(labels[path.indicator])}**: "
                    + content(path.basis)
                    for one in series
                    for path in one.trajectories
                )
            )
    for column, scenario, letter in zip(st.columns(len(chosen)), chosen, "AB", strict=False):
        with column:
            _narrative(scenario_set, scenario, letter)
    return state
