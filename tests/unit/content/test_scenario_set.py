"""A set looks up its scenarios by id, and says which ids it has when one is unknown."""

from __future__ import annotations

import pytest

from explorer.content import ScenarioSet


def test_a_scenario_is_found_by_its_id(tiny: ScenarioSet) -> None:
    assert tiny.scenario("rejected") is tiny.scenarios[1]


def test_an_unknown_id_raises_a_key_error_naming_the_known_ids(tiny: ScenarioSet) -> None:
    with pytest.raises(KeyError) as caught:
        tiny.scenario("adoptd")
    assert caught.value.args[0] == (
        "set 'tiny-set' has no scenario 'adoptd' (it has adopted, rejected)"
    )
