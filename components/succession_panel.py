"""The authored scenarios under a cross-impact matrix: whether each holds, and where global
succession takes it (every scenario's steps in one table). Its tables are drawn on every rerun,
so each is converted to Arrow once per matrix (``st.dataframe`` would convert a pandas table on
every rerun). A matrix with no authored scenario (a .scw upload) has no such panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.data import memo
from explorer.cib import CrossImpactMatrix, succession
from explorer.cib import summaries as cs
from explorer.cib import tables as ct
from explorer.text import escape_markdown as esc

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Authored = list[tuple[str, str, dict[str, str]]]  # (scenario id, label, descriptor -> variant)


def render(m: CrossImpactMatrix, authored: Authored) -> None:
    if not authored:
        return
    st.markdown("#### The authored scenarios under this matrix")
    table = memo(
        ("whatif.authored", m.digest, repr(authored)),
        lambda: _arrow(
            ct.authored_table(m, [(label, variants) for _, label, variants in authored])
        ),
    )
    st.dataframe(table, hide_index=True, key="whatif.authored")
    st.markdown("#### Where succession takes them")
    summaries, table = memo(
        ("whatif.succession", m.digest, repr(authored)),
        lambda: _successions(m, authored),
    )
    st.caption(
        "Global succession: every descriptor moves at once to its highest-scoring variant "
        "(on a tie it stays), until a scenario repeats."
    )
    st.markdown(summaries)
    st.dataframe(table, hide_index=True, key="whatif.succession")


def _arrow(table: pd.DataFrame) -> pa.Table:
    from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

    return convert_pandas_df_to_arrow_table(table)


def _successions(m: CrossImpactMatrix, authored: Authored) -> tuple[str, pa.Table]:
    """Where succession takes each authored scenario: a line each, and their steps in one table."""
    paths = [(label, succession(m, variants)) for _, label, variants in authored]
    lines = "\n".join(f"- {esc(cs.succession_summary(label, path))}" for label, path in paths)
    return lines, _arrow(ct.successions_table(m, paths))
