"""Cross-impact balance on the published Somewhereland example: the engine finds exactly the
published consistent scenarios and reproduces the published impact balance."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explorer.cib import (
    CrossImpactMatrix,
    brute_force_consistent,
    consistent_scenarios,
    descriptor_margins,
    from_cib_file,
    impact_balance,
    search,
)
from explorer.content import CibFile

FIXTURES = Path(__file__).resolve().parent / "somewhereland"


@pytest.fixture(scope="module")
def published() -> dict:
    return yaml.safe_load((FIXTURES / "somewhereland-solutions.yaml").read_text())


@pytest.fixture(scope="module")
def sw_matrix() -> CrossImpactMatrix:
    data = yaml.safe_load((FIXTURES / "somewhereland.yaml").read_text())
    return from_cib_file(CibFile.model_validate(data))


def test_somewhereland_has_exactly_the_ten_published_consistent_scenarios(
    published: dict, sw_matrix: CrossImpactMatrix
) -> None:
    found = [s.variants for s in consistent_scenarios(sw_matrix)]
    assert len(found) == 10
    assert set(found) == {tuple(s) for s in published["consistent_scenarios"]}


def test_nine_of_the_ten_somewhereland_scenarios_are_ties(sw_matrix: CrossImpactMatrix) -> None:
    values = sorted(s.consistency_value for s in consistent_scenarios(sw_matrix))
    assert values == [0] * 9 + [1]
    assert all(s.inconsistency == 0 for s in consistent_scenarios(sw_matrix))


def test_somewhereland_society_in_crisis_is_the_one_scenario_without_a_tie(
    published: dict, sw_matrix: CrossImpactMatrix
) -> None:
    best = consistent_scenarios(sw_matrix)[0]
    assert published["published_names"][10] == "Society in crisis"
    assert best.variants == tuple(published["consistent_scenarios"][9])
    assert best.consistency_value == 1


def test_the_published_impact_balance_of_the_test_scenario(
    published: dict, sw_matrix: CrossImpactMatrix
) -> None:
    test = published["impact_balance"]
    balance = impact_balance(sw_matrix, test["scenario"])
    assert [score for d in balance.values() for score in d.values()] == test[
        "balance_in_column_order"
    ]
    margins = descriptor_margins(sw_matrix, test["scenario"])
    assert [d for d, margin in margins.items() if margin < 0] == test["inconsistent_descriptors"]


def test_search_and_brute_force_agree_on_somewhereland_at_every_threshold(
    sw_matrix: CrossImpactMatrix,
) -> None:
    for threshold in range(4):
        assert consistent_scenarios(sw_matrix, threshold) == brute_force_consistent(
            sw_matrix, threshold
        )


def test_the_search_visits_far_fewer_nodes_than_there_are_scenarios(
    sw_matrix: CrossImpactMatrix,
) -> None:
    assert search(sw_matrix).nodes < sw_matrix.scenario_count
