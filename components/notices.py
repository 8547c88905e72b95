"""One visible, plain notice for everything the URL asked for that could not be shown."""

from __future__ import annotations

import streamlit as st

from explorer.text import escape_markdown


def render(notices: list[str]) -> None:
    if notices:
        lines = "\n".join(f"- {escape_markdown(n)}" for n in notices)
        st.warning(
            f"Some of this link could not be used, so defaults are shown instead:\n\n{lines}"
        )
