"""Timeline: the chosen scenarios' events by track on one time axis, and below it the numbered
list of the events it draws, so that nothing needs hover."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.chart import ChartContent, show_chart
from components.data import memo
from explorer import figures
from explorer.analysis.summaries import timeline_summary
from explorer.content import ScenarioSet
from explorer.figures.timeline_key import KeyEntry, timeline_key
from explorer.formats import day
from explorer.text import escape_markdown as esc
from explorer.views import ViewState, data
from explorer.views.selection import event_series


def _content(scenario_set: ScenarioSet, state: ViewState, today: dt.date) -> ChartContent | None:
    series = event_series(scenario_set, state)
    if not any(one.events for one in series):
        return None
    names = {s.id: s.cited_as for s in scenario_set.sources}
    return ChartContent(
        figures.timeline(
            series,
            state.tracks,
            today,
            state.dates,
            names,
            {t.id: t.label for t in scenario_set.vocabulary.tracks},
            as_of=scenario_set.info.as_of,
        ),
        timeline_summary(series),
        data.timeline_table(scenario_set, state),
    )


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    today = dt.date.today()
    key = "timeline.events"
    content = memo(
        (key, scenario_set.content_hash, state, today), lambda: _content(scenario_set, state, today)
    )
    if content is None:
        st.info("No events match the chosen tracks and dates. Widen the filters in the sidebar.")
        return state
    as_of = day(scenario_set.info.as_of)
    st.caption(
        "Filled markers: observed. Open markers: scheduled. Crossed markers: projected. Dotted "
        "markers: scheduled or projected, then did not happen or not found by the content's "
        "as-of date. Wide pale bars: uncertain timing windows; narrow bars: how long an event "
        f"lasted. Shaded: after the content's as-of date ({as_of}), which it does not cover. "
        "The numbers match the list below the chart."
    )
    show_chart(key, content)
    entries = memo(
        ("timeline.key", scenario_set.content_hash, state),
        lambda: timeline_key(event_series(scenario_set, state), state.tracks, state.dates),
    )
    _key(entries)
    return state


def _key(entries: list[KeyEntry]) -> None:
    with st.expander(f"The {len(entries)} events on the chart, by number", expanded=True):
        st.markdown("\n".join(f"- {esc(entry.line())}" for entry in entries))
