"""A badge written as the Markdown ``st.badge`` sends, so that it can share an element with the
text around it (Streamlit's cost per element is most of a rerun)."""

from __future__ import annotations


def markdown_badge(label: str, color: str, icon: str) -> str:
    """``:green-badge[:material/check_circle: Adopted]``: drawn as ``st.badge`` draws it."""
    return f":{color}-badge[{icon} {label}]"
