"""The matrix on screen as a ScenarioWizard (.scw) download, or the reason it cannot be one."""

from __future__ import annotations

import streamlit as st

from components.data import memo
from explorer.cib import CrossImpactMatrix, ScwError, write_scw
from explorer.content import CibFile, ScenarioSet
from explorer.text import escape_markdown as esc


def _scw(scenario_set: ScenarioSet, cib: CibFile, m: CrossImpactMatrix) -> tuple[str, str]:
    """The matrix as a .scw file and "", or "" and the reason it cannot be one."""
    try:
        return write_scw(
            m,
            descriptions={d.name: d.description for d in cib.descriptors if d.description},
            rationales={(s.impacting, s.impacted): s.rationale for s in cib.sections},
            file_name=f"{scenario_set.id}.scw",
        ), ""
    except ScwError as err:
        return "", str(err)


def render(scenario_set: ScenarioSet, cib: CibFile, m: CrossImpactMatrix) -> None:
    data, problem = memo(
        ("whatif.scw", scenario_set.content_hash, m.digest), lambda: _scw(scenario_set, cib, m)
    )
    if problem:
        st.caption(esc(f"No ScenarioWizard download: {problem}"))
        return
    st.download_button(
        "Download this matrix for ScenarioWizard (.scw)",
        data,
        file_name=f"{scenario_set.id}.scw",
        mime="text/plain",
        key="whatif.download",
    )
