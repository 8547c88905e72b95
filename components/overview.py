"""Overview: the question, the decision point, the scenario tree and a card per scenario."""

from __future__ import annotations

import streamlit as st

from components.badges import markdown_badge
from components.chart import ChartContent, chart
from explorer import figures
from explorer.analysis.reach import content_reach
from explorer.analysis.summaries import tree_summary
from explorer.content import LIKELIHOOD_SCALE_TITLE, LIKELIHOOD_SCALE_URL, Scenario, ScenarioSet
from explorer.formats import day
from explorer.text import content
from explorer.text import escape_markdown as esc
from explorer.views import ViewState

STATUS_BADGES = {
    "realized": ("Realized: this happened", "green", ":material/check_circle:"),
    "counterfactual": ("Counterfactual: did not happen", "violet", ":material/alt_route:"),
    "open": ("Open: may still unfold", "orange", ":material/hourglass_top:"),
}


def _card(scenario: Scenario, letter: str | None) -> None:
    """Readable at a glance: which scenario, its status, its likelihood word, its headline;
    the reasoning and the premise one click away. Paragraphs that read as one share an element
    (Streamlit's cost per element is most of this view's rerun); the likelihood keeps its own,
    as its help mark ends its line."""
    with st.container(border=True):
        prefix = esc(f"{letter}: ") if letter else ""
        badge = markdown_badge(*STATUS_BADGES[scenario.status])
        st.markdown(f"#### {prefix}{content(scenario.title)}\n\n{badge}")
        likelihood = scenario.likelihood
        if likelihood is None:
            st.markdown(f"Likelihood: **{esc(scenario.chance)}** (realized: no likelihood needed).")
        else:
            st.markdown(
                f"Likelihood: **{esc(scenario.chance)}**, as judged on {day(likelihood.assessed)}.",
                help=f"The likelihood words and bands of {LIKELIHOOD_SCALE_TITLE}: "
                f"{LIKELIHOOD_SCALE_URL}",
            )
        st.markdown(content(scenario.narrative.headline))
        premise = f"Premise: {content(scenario.premise)}"
        if likelihood is None:
            st.expander("The premise").markdown(premise)
        else:
            reasons = st.expander("Why this likelihood, and the premise")
            reasons.markdown(f"{content(likelihood.rationale)}\n\n{premise}")


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    info = scenario_set.info
    st.markdown(
        "**Compare what could follow from one decision.** Choose scenario A, B and a view in "
        f"the sidebar; every fact links to its source.\n\n### {content(info.question)}\n\n"
        f"**Decision point, {day(info.decision_date)}.** {content(info.decision_point)}"
    )
    reach = content_reach(scenario_set)
    st.caption(esc(reach.line()))
    if reach.coverage:
        st.expander("How far the sources reach, and what they do not show").markdown(
            content(reach.coverage)
        )
    st.expander("About this scenario set").markdown(content(info.summary))
    selected = [s for s in (state.a, state.b) if s]
    chart(
        "overview.tree",
        (scenario_set.content_hash, state.a, state.b),
        lambda: ChartContent(
            figures.scenario_tree(scenario_set, selected), tree_summary(scenario_set)
        ),
    )
    letters = dict(zip(selected, "AB", strict=False))
    ordered = sorted(
        scenario_set.scenarios,
        key=lambda s: (s.id not in letters, selected.index(s.id) if s.id in letters else 0),
    )
    for start in range(0, len(ordered), 2):
        for column, scenario in zip(st.columns(2), ordered[start : start + 2], strict=False):
            with column:
                _card(scenario, letters.get(scenario.id))
    return state
