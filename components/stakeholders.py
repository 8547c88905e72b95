"""Stakeholders: who stands where on each issue as of a date, who moves between A and B and
since the decision, and in whose words."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components import positions_over_time, url
from components.chart import ChartContent, chart
from components.data import memo
from explorer import figures
from explorer.analysis import tables as tables
from explorer.analysis.compare import StanceView
from explorer.analysis.positions import Positions, positions
from explorer.analysis.summaries import heatmap_summary, salience_summary
from explorer.content import Actor, Issue, ScenarioSet
from explorer.formats import day
from explorer.text import content, markdown_link
from explorer.text import escape_markdown as esc
from explorer.views import ViewState
from explorer.views.selection import shown_actors, shown_issues


def _quotes(quote: str | None, original: str | None) -> None:
    """The English quote and, beside it, the words as said (each isolated for direction)."""
    if not original:
        if quote:
            st.markdown(f"> {content(quote)}")
        return
    english, said = st.columns(2) if quote else (None, st.container())
    if english is not None:
        english.markdown(f"> {content(quote)}")
    said.markdown(f"> {content(original)}")
    said.caption("As said, in the original language.")


def _detail(scenario_set: ScenarioSet, actor_id: str, issues: list[str]) -> None:
    actor = next(a for a in scenario_set.actors if a.id == actor_id)
    sources = {s.id: s for s in scenario_set.sources}
    st.markdown(f"#### {content(actor.name)}: positions in its own words")
    for stance in (s for s in scenario_set.stances if s.actor == actor_id and s.issue in issues):
        issue = next(i for i in scenario_set.issues if i.id == stance.issue)
        with st.container(border=True):
            st.markdown(
                f"**{content(issue.label)}**: {esc(str(stance.value))} (as of {day(stance.as_of)})"
            )
            if stance.summary:
                st.markdown(content(stance.summary))
            _quotes(stance.quote, stance.quote_original)
            for source_id in stance.sources:
                source = sources[source_id]
                link = markdown_link(f"{source.cited_as}: {source.title}", source.url)
                st.markdown(f"Source: {link}")


def _positions(scenario_set: ScenarioSet, state: ViewState, dated: bool) -> Positions:
    """Built once per content and choice: a rerun that changes none of them only draws."""
    key = (state.a, state.b, state.groups, state.issues, state.as_of)

    def build() -> Positions:
        a = scenario_set.scenario(state.a)
        b = scenario_set.scenario(state.b) if state.b else None
        actors = shown_actors(scenario_set, state)
        return positions(scenario_set, a, b, actors, state.issues, state.as_of, dated)

    return memo(("stakeholders.positions", scenario_set.content_hash, *key), build)


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    actors, issues = shown_actors(scenario_set, state), shown_issues(scenario_set, state)
    a = scenario_set.scenario(state.a)
    state = positions_over_time.control(scenario_set, state)
    found = _positions(scenario_set, state, positions_over_time.dated(scenario_set))
    shown = found.shown
    recorded = "by the newest statement" if state.as_of is None else f"on {day(state.as_of)}"
    st.caption(
        f"Positions under {content(a.label)}: as recorded {esc(recorded)}, with this scenario's "
        "projected reactions. Scale -2 to +2 per issue; grey ? means no statement found."
    )
    chart(
        "stakeholders.heatmap",
        (scenario_set.content_hash, state.a, state.groups, state.issues, state.as_of),
        lambda: ChartContent(
            figures.stance_heatmap(actors, issues, {k: v.value for k, v in shown.items()}),
            heatmap_summary(shown, len(actors), len(issues)),
            tables.stances_table(actors, issues, shown),
        ),
    )
    if state.b and found.between is not None:
        b = scenario_set.scenario(state.b)
        st.markdown(f"#### Who moves between {content(a.label)} and {content(b.label)}")
        st.caption(esc(found.between.summary))
        if found.between.table:
            st.markdown(found.between.table)
    positions_over_time.moves(found.since)
    issue_labels = {i.id: i.label for i in issues}
    first = next(iter(issue_labels), None)
    if url.changed_outside() or "stakeholders.issue" not in st.session_state:
        st.session_state["stakeholders.issue"] = (
            state.salience if state.salience in issue_labels else first
        )
    chosen = st.selectbox(
        "Issue for the position and salience map",
        list(issue_labels),
        format_func=issue_labels.get,
        key="stakeholders.issue",
    )
    state = replace(state, salience=None if chosen == first else chosen)
    if chosen:
        issue = next(i for i in issues if i.id == chosen)
        chart(
            "stakeholders.salience",
            (scenario_set.content_hash, state.a, state.groups, chosen, state.as_of),
            lambda: _salience_chart(issue, actors, shown),
        )
    if state.actor:
        _detail(scenario_set, state.actor, list(state.issues))
    else:
        st.caption(
            "Choose an actor under Filters in the sidebar to read its positions and sources."
        )
    return state


def _salience_chart(
    issue: Issue, actors: list[Actor], shown: dict[tuple[str, str], StanceView]
) -> ChartContent:
    names = {x.id: x.name for x in actors}
    salience = {
        names[k[0]]: (v.value, v.stance.salience if v.stance else None)
        for k, v in shown.items()
        if k[1] == issue.id
    }
    return ChartContent(
        figures.position_salience(issue, salience), salience_summary(issue.label, salience)
    )
