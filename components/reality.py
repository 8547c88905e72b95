"""Reality check: each scenario's signposts against what happened since the decision, and the
observed indicator values drawn over each scenario's projections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from components.chart import ChartContent, chart
from explorer import figures
from explorer.analysis.compare import observed_points
from explorer.analysis.reality import (
    as_of_sentence,
    check_signposts,
    divergence_summary,
    divergences,
    framing,
    score,
)
from explorer.analysis.series import TrajectorySeries
from explorer.content import Scenario, ScenarioSet
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState
from explorer.views.selection import compared

STATUS_MARKS = {
    "supported": ":material/check_circle: **Supported**",
    "contradicted": ":material/cancel: **Contradicted**",
    "not yet observed": ":material/radio_button_unchecked: **Not yet observed**",
}


def _signposts(
    scenario_set: ScenarioSet, scenario: Scenario, letter: str, publishers: Mapping[str, str]
) -> None:
    st.markdown(f"#### {letter}: {esc(scenario.label)}")
    frame = framing(scenario_set, scenario)
    st.markdown(f"**{esc(frame.heading)}** {esc(frame.text)}")
    checks = check_signposts(scenario_set, scenario)
    st.markdown(f"**{esc(score(checks))}**")
    for check in checks:
        st.markdown(f"{STATUS_MARKS[check.status]}: {esc(check.signpost.text)}")
        if check.evidence:
            lines = [
                f"{day(e.observation.date)}, {'supports' if e.supports else 'contradicts'}: "
                f"{e.observation.title} ("
                + ", ".join(sorted({publishers[s] for s in e.observation.sources}))
                + ")"
                for e in check.evidence
            ]
            st.caption(esc("\n".join(lines)))


def _trajectories(scenario_set: ScenarioSet, scenarios: Sequence[Scenario]) -> None:
    series = [TrajectorySeries(s.label, s.trajectories) for s in scenarios]
    used = {t.indicator for s in scenarios for t in s.trajectories}
    indicators = [i for i in scenario_set.indicators if i.id in used]
    if not indicators:
        st.info("These scenarios have no indicator projections to check against.")
        return
    observed = [p for p in observed_points(scenario_set) if p.indicator in used]
    every = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios]
    st.markdown("### Observed values against the projections")
    for start in range(0, len(indicators), 2):
        for column, indicator in zip(st.columns(2), indicators[start : start + 2], strict=False):
            summary = " ".join(
                divergence_summary(indicator, s.label, divergences(t, observed))
                for s in scenarios
                for t in s.trajectories
                if t.indicator == indicator.id
            )
            with column:
                chart(
                    f"reality.{indicator.id}",
                    (scenario_set.content_hash, *(s.id for s in scenarios)),
                    lambda indicator=indicator, summary=summary: ChartContent(
                        figures.trajectory(
                            indicator,
                            series,
                            observed,
                            figures.value_span(indicator.id, every, observed),
                        ),
                        summary,
                    ),
                )


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    scenarios = compared(scenario_set, state)
    st.markdown(esc(as_of_sentence(scenario_set)))
    publishers = {s.id: s.cited_as for s in scenario_set.sources}
    for column, scenario, letter in zip(st.columns(len(scenarios)), scenarios, "AB", strict=False):
        with column:
            _signposts(scenario_set, scenario, letter, publishers)
    _trajectories(scenario_set, scenarios)
    return state
