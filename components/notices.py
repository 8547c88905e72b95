"""One visible, plain notice for everything the URL asked for that could not be shown."""

from __future__ import annotations

import streamlit as st

from explorer.text import escape_markdown

SHOWN = 10


def render(notices: list[str]) -> None:
    if notices:
        more = [f"... and {len(notices) - SHOWN} more."] if len(notices) > SHOWN else []
        lines = "\n".join(f"- {escape_markdown(n)}" for n in notices[:SHOWN] + more)
        st.warning(
            f"Some of this link could not be used, so defaults are shown instead:\n\n{lines}"
        )
