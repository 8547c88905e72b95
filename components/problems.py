"""Sets that did not load, with every problem's file, line and field."""

from __future__ import annotations

import streamlit as st

from explorer.content import Problem


def render(problems: dict[str, tuple[Problem, ...]]) -> None:
    if not problems:
        return
    with st.expander(
        f"Problems: {len(problems)} scenario set(s) could not be loaded", expanded=False
    ):
        for set_id, found in problems.items():
            st.error(f"Set folder {set_id!r}: {len(found)} problem(s). Fix them and reload.")
            st.code("\n".join(map(str, found)), language=None)
