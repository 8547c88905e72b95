"""Positions over time, for the Stakeholders view: the date positions are shown as of (newest
by default, the decision one click away; in the link as ``asof=``), and who moved since the
decision and how far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace

import streamlit as st

from components import url
from components.chart import full_text_table
from explorer.analysis import tables
from explorer.analysis.compare import stance_moves
from explorer.analysis.summaries import changes_summary
from explorer.content import ScenarioSet
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState, as_of_choices

WHEN, DATE = "stakeholders.when", "stakeholders.as_of"
NEWEST, DECISION, OTHER = "Newest", "At the decision", "Another date"


def _seed(state: ViewState, decision: dt.date) -> None:
    """Follow the link when it changed from outside (see ``components.url``)."""
    if url.changed_outside() or WHEN not in st.session_state:
        when = NEWEST if state.as_of is None else DECISION if state.as_of == decision else OTHER
        st.session_state[WHEN] = when
        if state.as_of is not None and when == OTHER:
            st.session_state[DATE] = state.as_of


def control(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    """The date control, when the set has positions on more than one date; the state with the
    date chosen (None: the newest)."""
    choices = as_of_choices(scenario_set)
    if len(choices) < 2:
        return replace(state, as_of=None)
    decision = scenario_set.info.decision_date
    others = [d for d in choices if d != decision]
    _seed(state, decision)
    when = st.segmented_control(
        "Positions as of", [NEWEST, DECISION, OTHER], required=True, key=WHEN
    )
    if when == NEWEST:
        return replace(state, as_of=None)
    if when == DECISION:
        return replace(state, as_of=decision)
    if st.session_state.get(DATE) not in others:
        st.session_state[DATE] = others[0]
    picked = st.selectbox("Date of a recorded statement", others, format_func=day, key=DATE)
    return replace(state, as_of=picked)


def moves(scenario_set: ScenarioSet, state: ViewState, shown: Collection[tuple[str, str]]) -> None:
    """Who moved between the decision and the date shown, and how far (recorded positions,
    no scenario applied)."""
    decision = scenario_set.info.decision_date
    if state.as_of == decision or len(as_of_choices(scenario_set)) < 2:
        return
    until = "the newest statement" if state.as_of is None else day(state.as_of)
    labels = [f"at the decision ({day(decision)})", f"as of {until}"]
    found = [
        m for m in stance_moves(scenario_set, decision, state.as_of) if (m.actor, m.issue) in shown
    ]
    st.markdown("#### Who moved since the decision")
    st.caption(esc(changes_summary(found, labels)))
    if found:
        names = {x.id: x.name for x in scenario_set.actors} | {
            i.id: i.label for i in scenario_set.issues
        }
        full_text_table(tables.changes_table(found, names, labels))
