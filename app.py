"""Scenario Explorer: composition only. Content lives in scenarios/, logic in explorer/."""

import streamlit as st

from components.data import cached_catalog

st.set_page_config(page_title="Scenario Explorer", layout="wide")
catalog = cached_catalog()
st.title("Scenario Explorer")
for scenario_set in catalog.sets.values():
    st.header(scenario_set.info.title, anchor=False)
    st.text(scenario_set.info.question)
    for scenario in scenario_set.scenarios:
        st.text(f"{scenario.label} ({scenario.status}): {scenario.narrative.headline}")
for set_id, problems in catalog.problems.items():
    st.error(f"The set {set_id!r} has problems and is not shown.")
    st.code("\n".join(map(str, problems)), language=None)
