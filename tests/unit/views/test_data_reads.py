"""Every view's table reads as the rest of the app: dates written one way ("17 November 2025",
at the precision the content gives), and no raw None or NaN a reader would puzzle over.

Checked for every view of every set, for the compared pair and for A alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from explorer.content import Catalog, ScenarioSet
from explorer.views import VIEWS, default_state, offered
from tests.conftest import SETS, set_id

ISO_DATE = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")
CASES = [
    (scenario_set, view, b)
    for scenario_set in SETS.values()
    for view in VIEWS.values()
    if view in offered(scenario_set)
    for b in ("pair", "alone")
]


def table_of(scenario_set: ScenarioSet, view: str, b: str) -> pd.DataFrame:
    state = default_state(Catalog(sets={scenario_set.id: scenario_set}))
    state = replace(state, view=view, **({"b": None} if b == "alone" else {}))
    return VIEWS[view].table(scenario_set, state)


def case_id(case: tuple) -> str:
    scenario_set, view, b = case
    return f"{set_id(scenario_set)}-{view.id}-{b}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_cell_is_a_raw_none_or_nan(case: tuple) -> None:
    scenario_set, view, b = case
    table = table_of(scenario_set, view.id, b)
    missing = [(c, i) for c in table.columns for i, v in enumerate(table[c]) if pd.isna(v)]
    assert not missing, missing[:5]
    said = [(c, v) for c in table.columns for v in table[c] if str(v) in ("None", "nan", "NaT")]
    assert not said, said[:5]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_dates_are_written_as_people_read_them(case: tuple) -> None:
    scenario_set, view, b = case
    table = table_of(scenario_set, view.id, b)
    iso = [
        (c, str(v))
        for c in table.columns
        if c not in ("url", "id")
        for v in table[c]
        if ISO_DATE.search(str(v)) or hasattr(v, "isoformat")
    ]
    assert not iso, iso[:5]
