"""The salience map's issue is in the link, for every set whose Stakeholders view offers more
than one issue: a link reopens it, and choosing the first issue again drops it from the link."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import ScenarioSet
from tests.conftest import SETS, set_id

SEVERAL = [s for s in SETS.values() if len(s.issues) > 1]
KEY = "stakeholders.issue"


@pytest.mark.parametrize("scenario_set", SEVERAL, ids=set_id)
def test_a_link_reopens_the_salience_maps_issue_and_the_first_issue_leaves_the_link(
    open_app: Callable[..., AppTest],
    only_set: Callable[[str], ScenarioSet],
    scenario_set: ScenarioSet,
) -> None:
    only_set(scenario_set.id)
    offered = open_app(view="stakeholders").selectbox(key=KEY)
    first, second = offered.options[0], offered.options[1]
    second_id = next(i.id for i in scenario_set.issues if i.label == second)
    at = open_app(view="stakeholders", salience=second_id)
    assert not at.exception, at.exception
    assert at.selectbox(key=KEY).value == second_id
    assert at.query_params["salience"] == second_id
    at.selectbox(key=KEY).select(next(i.id for i in scenario_set.issues if i.label == first))
    at.run()
    assert "salience" not in at.query_params
