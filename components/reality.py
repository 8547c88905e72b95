"""Reality check: each scenario's signposts against what happened since the decision, and the
observed indicator values drawn over each scenario's projections."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.chart import ChartContent, chart
from components.data import memo
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
from explorer.content import Indicator, Scenario, ScenarioSet
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState
from explorer.views.selection import compared

STATUS_MARKS = {
    "supported": ":material/check_circle: **Supported**",
    "contradicted": ":material/cancel: **Contradicted**",
    "not yet observed": ":material/radio_button_unchecked: **Not yet observed**",
}


Part = tuple[bool, str]
"""What a column draws, in order: (True, a caption) or (False, a Markdown body)."""


def _signpost_parts(scenario_set: ScenarioSet, scenario: Scenario, letter: str) -> list[Part]:
    """The scenario's heading, framing, score and each signpost with its evidence as a caption:
    built once per content and scenario. Markdown paragraphs that follow each other share one
    element (the same paragraphs, fewer elements: Streamlit's cost per element is most of this
    view's rerun)."""
    publishers = {s.id: s.cited_as for s in scenario_set.sources}
    frame = framing(scenario_set, scenario)
    checks = check_signposts(scenario_set, scenario)
    body = [
        f"#### {letter}: {esc(scenario.label)}",
        f"**{esc(frame.heading)}** {esc(frame.text)}",
        f"**{esc(score(checks))}**",
    ]
    parts: list[Part] = []
    for check in checks:
        body.append(f"{STATUS_MARKS[check.status]}: {esc(check.signpost.text)}")
        if check.evidence:
            lines = [
                f"{day(e.observation.date)}, {'supports' if e.supports else 'contradicts'}: "
                f"{e.observation.title} ("
                + ", ".join(sorted({publishers[s] for s in e.observation.sources}))
                + ")"
                for e in check.evidence
            ]
            parts += [(False, "\n\n".join(body)), (True, esc("\n".join(lines)))]
            body = []
    if body:
        parts.append((False, "\n\n".join(body)))
    return parts


def _signposts(scenario_set: ScenarioSet, scenario: Scenario, letter: str) -> None:
    key = ("reality.signposts", scenario_set.content_hash, scenario.id, letter)
    for caption, text in memo(key, lambda: _signpost_parts(scenario_set, scenario, letter)):
        if caption:
            st.caption(text)
        else:
            st.markdown(text)


def _trajectories(scenario_set: ScenarioSet, scenarios: Sequence[Scenario]) -> None:
    used = {t.indicator for s in scenarios for t in s.trajectories}
    indicators = [i for i in scenario_set.indicators if i.id in used]
    if not indicators:
        st.info("These scenarios have no indicator projections to check against.")
        return
    st.markdown("### Observed values against the projections")
    chart(
        "reality.indicators",
        (scenario_set.content_hash, *(s.id for s in scenarios)),
        lambda: _trajectories_chart(scenario_set, scenarios, indicators),
    )


def _trajectories_chart(
    scenario_set: ScenarioSet, scenarios: Sequence[Scenario], indicators: Sequence[Indicator]
) -> ChartContent:
    """The indicators' chart: each scenario's projection, the observed values, and how far they
    diverge (built once per content and pair of scenarios, with the chart)."""
    series = [TrajectorySeries(s.label, s.trajectories) for s in scenarios]
    every = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios]
    used = {t.indicator for s in scenarios for t in s.trajectories}
    observed = [p for p in observed_points(scenario_set) if p.indicator in used]
    summary = " ".join(
        divergence_summary(indicator, s.label, divergences(t, observed))
        for indicator in indicators
        for s in scenarios
        for t in s.trajectories
        if t.indicator == indicator.id
    )
    return ChartContent(figures.trajectories(indicators, series, observed, every), summary)


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    scenarios = compared(scenario_set, state)
    st.markdown(esc(as_of_sentence(scenario_set)))
    for column, scenario, letter in zip(st.columns(len(scenarios)), scenarios, "AB", strict=False):
        with column:
            _signposts(scenario_set, scenario, letter)
    _trajectories(scenario_set, scenarios)
    return state
