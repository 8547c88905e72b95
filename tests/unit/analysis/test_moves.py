"""Who moved since the decision: a recorded position that differs from the one held then."""

from __future__ import annotations

import pytest

from explorer.analysis import stance_moves, stances_under
from explorer.content import ScenarioSet
from tests.conftest import SETS, set_id


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_a_move_since_the_decision_is_a_position_that_differs_from_the_one_held_then(
    scenario_set: ScenarioSet,
) -> None:
    decision = scenario_set.info.decision_date
    then = stances_under(scenario_set, None, decision)
    now = stances_under(scenario_set, None)
    moves = stance_moves(scenario_set, decision)
    assert {(m.actor, m.issue) for m in moves} == {k for k in now if now[k].value != then[k].value}
    assert all(
        m.a == then[m.actor, m.issue].value and m.b == now[m.actor, m.issue].value for m in moves
    )
