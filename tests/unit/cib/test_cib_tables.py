"""CIB tables and summaries: tables that say which authored scenario holds and what a succession
changes, and one sentence stating each figure's finding."""

from __future__ import annotations

from explorer.cib import CrossImpactMatrix, consistent_scenarios, succession
from explorer.cib import summaries as cib_summaries
from explorer.cib import tables as cib_tables
from tests.unit.cib.conftest import HOSTILE


def test_the_authored_table_says_which_scenario_holds_and_by_how_much_not(
    m: CrossImpactMatrix,
) -> None:
    table = cib_tables.authored_table(
        m, [("Holds", {"A": "a1", "B": "b1"}), ("Fails", {"A": "a1", "B": "b2"})]
    )
    assert table.to_dict("records") == [
        {
            "Scenario": "Holds",
            "Consistent": "yes",
            "Consistency value": 2,
            "Inconsistency": 0,
            "Total impact score": 3,
            "Descriptors pushed elsewhere": "none",
        },
        {
            "Scenario": "Fails",
            "Consistent": "no",
            "Consistency value": -3,
            "Inconsistency": 3,
            "Total impact score": -2,
            "Descriptors pushed elsewhere": "A, B",
        },
    ]


def test_the_succession_table_names_what_moved_at_each_step(m: CrossImpactMatrix) -> None:
    path = succession(m, ["a1", "b2"])
    table = cib_tables.succession_table(m, path)
    assert table["Changes"].tolist()[0] == "start"
    assert table.columns.tolist() == ["Step", "Changes", "A", "B"]
    assert table.iloc[-1][["A", "B"]].tolist() == list(path.path[-1])


def test_the_successions_table_holds_each_scenarios_steps_in_turn(m: CrossImpactMatrix) -> None:
    paths = [("S", succession(m, ["a1", "b2"])), ("T", succession(m, ["a1", "b1"]))]
    table = cib_tables.successions_table(m, paths)
    assert table.columns.tolist() == ["Scenario", "Step", "Changes", "A", "B"]
    for label, path in paths:
        steps = table[table.Scenario == label]
        assert steps["Step"].tolist() == list(range(len(path.path)))
        assert [tuple(row) for row in steps[["A", "B"]].itertuples(index=False)] == list(path.path)


def test_the_balance_table_lists_every_variant_with_its_sources(m: CrossImpactMatrix) -> None:
    table = cib_tables.balance_table(m, {"A": "a1", "B": "b1"})
    assert len(table) == 5
    row = table[(table.Descriptor == "B") & (table.Variant == "b1")].iloc[0]
    assert (row["Chosen"], row["Score"], row["from A"], row["from B"]) == ("yes", 2, 2, 0)


def test_summaries_state_the_finding(m: CrossImpactMatrix) -> None:
    assert cib_summaries.tableau_summary(consistent_scenarios(m), {}) == (
        "2 consistent scenarios; 0 of them hold only by a tie (consistency value 0). "
        "The highest total impact score is 3."
    )
    assert cib_summaries.tableau_summary([], {"A": "a2"}) == (
        "No consistent scenario with A = a2 imposed."
    )
    assert cib_summaries.balance_summary(m, {"A": "a1", "B": "b1"}, "S") == (
        "In S, every chosen variant has the highest score of its descriptor."
    )
    assert cib_summaries.balance_summary(m, {"A": "a1", "B": "b2"}, "S") == (
        "In S, other variants score higher for: A (-2), B (-3)."
    )


def test_the_succession_summary_says_how_the_path_ends(m: CrossImpactMatrix) -> None:
    assert cib_summaries.succession_summary("S", succession(m, ["a1", "b1"])) == (
        "S is a fixed point of succession: nothing in it moves."
    )
    assert cib_summaries.succession_summary("S", succession(m, ["a1", "b2"])) == (
        "S: after 0 steps, succession enters a cycle of 2 scenarios and never settles."
    )
    assert cib_summaries.succession_summary("S", succession(m, ["a1", HOSTILE])) == (
        "S: succession settles on a consistent scenario after 1 step(s)."
    )
