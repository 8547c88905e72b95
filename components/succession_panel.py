"""The authored scenarios under a cross-impact matrix: whether each holds, and where global
succession takes it. Its tables are drawn on every rerun, so each is converted to Arrow once per
matrix and scenario (``st.dataframe`` would convert a pandas table on every rerun)."""

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
    st.markdown("#### The authored scenarios under this matrix")
    table = memo(
        ("whatif.authored", m.digest, repr(authored)),
        lambda: _arrow(
            ct.authored_table(m, [(label, variants) for _, label, variants in authored])
        ),
    )
    st.dataframe(table, hide_index=True, key="whatif.authored")
    st.markdown("#### Where succession takes them")
    st.caption(
        "Global succession: every descriptor moves at once to its highest-scoring variant "
        "(on a tie it stays), until a scenario repeats."
    )
    for scenario_id, label, variants in authored:
        summary, table = memo(
            ("whatif.succession", m.digest, scenario_id, repr(variants)),
            lambda label=label, variants=variants: _succession(m, label, variants),
        )
        st.markdown(esc(summary))
        st.dataframe(table, hide_index=True, key=f"whatif.succession.{scenario_id}")


def _arrow(table: pd.DataFrame) -> pa.Table:
    from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

    return convert_pandas_df_to_arrow_table(table)


def _succession(m: CrossImpactMatrix, label: str, variants: dict[str, str]) -> tuple[str, pa.Table]:
    path = succession(m, variants)
    return cs.succession_summary(label, path), _arrow(ct.succession_table(m, path))
