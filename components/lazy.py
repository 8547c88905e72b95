"""A closed expander whose content is built only once someone opens it.

Streamlit runs the body of a closed ``st.expander`` on every rerun and sends all it draws;
keyed with ``on_change="rerun"``, the expander reports ``.open`` and the body can be skipped
while it is closed (as ``st.tabs`` does with ``tab.open``)."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def opened(label: str, key: str, expanded: bool = False) -> DeltaGenerator | None:
    """The expander to draw into when it is open, else ``None`` (its body is not built)."""
    panel = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    return panel if panel.open else None
