"""Positions over time, for the Stakeholders view: the date positions are shown as of (newest
by default, the decision one click away; in the link as ``asof=``), and who moved since the
decision and how far."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from components import url
from components.data import memo
from explorer.analysis.positions import Moves
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


def _choices(scenario_set: ScenarioSet) -> list[dt.date]:
    return memo(
        ("stakeholders.as_of_choices", scenario_set.content_hash),
        lambda: as_of_choices(scenario_set),
    )


def dated(scenario_set: ScenarioSet) -> bool:
    """Whether the set records positions on more than one date (the decision's counts)."""
    return len(_choices(scenario_set)) > 1


def control(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    """The date control, when the set has positions on more than one date; the state with the
    date chosen (None: the newest)."""
    choices = _choices(scenario_set)
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


def moves(since: Moves | None) -> None:
    """Who moved between the decision and the date shown, and how far (recorded positions,
    no scenario applied; ``explorer.analysis.positions``): None draws nothing."""
    if since is None:
        return
    st.markdown("#### Who moved since the decision")
    st.caption(esc(since.summary))
    if since.table:
        st.markdown(since.table)
