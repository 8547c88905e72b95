"""Sources: every source with publisher, date and link, filterable, with where it is used. The
search is in the link (``search=``): a link opened, or Back and Forward, sets the field."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components import url
from components.data import memo
from explorer.content import ScenarioSet
from explorer.views import ViewState, data
from explorer.views.choices import SEARCH_LENGTH

QUERY = "sources.query"


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    table = memo(
        ("sources.table", scenario_set.content_hash),
        lambda: data.sources_table(scenario_set, state),
    )
    if url.changed_outside() or QUERY not in st.session_state:
        st.session_state[QUERY] = state.search
    left, right = st.columns([2, 1])
    query = left.text_input("Search titles and publishers", key=QUERY, max_chars=SEARCH_LENGTH)
    kinds = right.multiselect("Kind", sorted(table["kind"].unique()), key="sources.kinds")
    if query:
        needle = query.casefold()
        table = table[
            table["title"].str.casefold().str.contains(needle, regex=False)
            | table["publisher"].str.casefold().str.contains(needle, regex=False)
        ]
    if kinds:
        table = table[table["kind"].isin(kinds)]
    st.caption(
        f"{len(table)} of {len(scenario_set.sources)} sources. 'via' names the mirror or "
        "translation actually read where it is not the original publisher; 'reading' says "
        "'headline only' where only the publisher's headline or feed summary was read."
    )
    st.dataframe(
        table,
        hide_index=True,
        key="sources.table",
        height=640,
        column_order=[
            "publisher",
            "title",
            "reading",
            "published",
            "where used",
            "used",
            "url",
            "kind",
            "via",
            "language",
            "id",
        ],
        column_config={
            "url": st.column_config.LinkColumn("link", display_text="open"),
            "used": st.column_config.NumberColumn("uses"),
        },
    )
    return replace(state, search=query)
