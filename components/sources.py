"""Sources: every source with publisher, date and link, filterable, with where it is used."""

from __future__ import annotations

import streamlit as st

from components.data import memo
from explorer.content import ScenarioSet
from explorer.views import ViewState, data


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    table = memo(
        ("sources.table", scenario_set.content_hash),
        lambda: data.sources_table(scenario_set, state),
    )
    left, right = st.columns([2, 1])
    query = left.text_input("Search titles and publishers", key="sources.query", max_chars=100)
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
    return state
