"""Cross-impact balance: exact search equal to brute force, the conventions (self blocks, ties,
thresholds, imposed descriptors, succession), clear errors, and a set's cib.yaml checked by the
loader with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cib import (
    CibError,
    CrossImpactMatrix,
    Descriptor,
    brute_force_consistent,
    consistent_scenarios,
    contributions,
    descriptor_margins,
    evaluate,
    from_cib_file,
    impact_balance,
    load_matrix,
    succession,
    with_judgments,
)
from explorer.content import CibFile, load_set


def small(impacts: dict, descriptors: dict | None = None) -> CrossImpactMatrix:
    """Two descriptors A (a1, a2) and B (b1, b2) unless given."""
    descriptors = descriptors or {"A": ["a1", "a2"], "B": ["b1", "b2"]}
    return load_matrix(
        {
            "descriptors": [{"name": n, "variants": v} for n, v in descriptors.items()],
            "impacts": impacts,
        }
    )


# --- Conventions ----------------------------------------------------------------------------


def test_missing_cells_are_zero_and_scores_sum_the_rows_of_the_chosen_variants() -> None:
    m = small({"A:a1": {"B:b1": 2, "B:b2": -1}, "B:b2": {"A:a2": 3}})
    assert impact_balance(m, ["a1", "b2"]) == {"A": {"a1": 0, "a2": 3}, "B": {"b1": 2, "b2": -1}}
    assert impact_balance(m, {"B": "b2", "A": "a1"}) == impact_balance(m, ("a1", "b2"))


def test_self_blocks_are_counted() -> None:
    m = small({"A:a1": {"A:a1": 2, "A:a2": -2}})
    assert impact_balance(m, ["a1", "b1"])["A"] == {"a1": 2, "a2": -2}
    assert descriptor_margins(m, ["a1", "b1"])["A"] == 4


def test_a_tie_counts_as_consistent() -> None:
    m = small({"A:a1": {"B:b1": 1, "B:b2": 1}})
    assert [s.variants for s in consistent_scenarios(m)] == [
        ("a1", "b1"),
        ("a1", "b2"),
        ("a2", "b1"),
        ("a2", "b2"),
    ]
    assert {s.consistency_value for s in consistent_scenarios(m)} == {0}


def test_measures_follow_the_reference_conventions() -> None:
    m = small({"A:a1": {"B:b1": 2, "B:b2": -2}, "B:b1": {"A:a1": 1, "A:a2": -1}})
    solution = evaluate(m, ["a1", "b1"])
    assert solution.consistency_value == 2  # min(A: 1 - -1, B: 2 - -2)
    assert solution.inconsistency == 0
    assert solution.total_impact_score == 3
    assert evaluate(m, ["a2", "b2"]).consistency_value == 0  # nothing acts: every score ties
    assert evaluate(m, ["a2", "b1"]).inconsistency == 2  # A: -1 against 1
    assert evaluate(m, ["a1", "b2"]).inconsistency == 4  # B: -2 against 2


def test_the_threshold_admits_scenarios_up_to_that_inconsistency() -> None:
    m = small({"A:a1": {"B:b1": 2, "B:b2": -2}, "B:b1": {"A:a1": 1, "A:a2": -1}})
    strict = {s.variants for s in consistent_scenarios(m)}
    loose = {s.variants: s.inconsistency for s in consistent_scenarios(m, 4)}
    assert strict == {("a1", "b1"), ("a2", "b2")}
    assert loose == {("a1", "b1"): 0, ("a2", "b2"): 0, ("a2", "b1"): 2, ("a1", "b2"): 4}


def test_solutions_come_best_first() -> None:
    m = small({"A:a1": {"B:b1": 2, "B:b2": -2}, "B:b1": {"A:a1": 1, "A:a2": -1}})
    values = [(s.consistency_value, s.total_impact_score) for s in consistent_scenarios(m, 4)]
    assert values == sorted(values, reverse=True)


def test_a_fixed_descriptor_is_imposed_and_its_own_balance_is_not_required() -> None:
    # B pushes A to a1, but A is fixed at a2: B must still follow A.
    m = small({"A:a1": {"B:b1": 2}, "A:a2": {"B:b2": 2}, "B:b1": {"A:a1": 3}, "B:b2": {"A:a1": 3}})
    assert consistent_scenarios(m) == [evaluate(m, ["a1", "b1"])]
    imposed = consistent_scenarios(m, fixed={"A": "a2"})
    assert [s.variants for s in imposed] == [("a2", "b2")]
    assert imposed == brute_force_consistent(m, fixed={"A": "a2"})


def test_succession_reaches_a_fixed_point() -> None:
    m = small({"A:a1": {"B:b2": 2}, "A:a2": {"B:b2": 1}, "B:b1": {"A:a1": 1}, "B:b2": {"A:a1": 2}})
    path = succession(m, ["a2", "b1"])
    assert path.path == (("a2", "b1"), ("a1", "b2"))
    assert path.ends_in == "fixed point"
    assert path.attractor == (("a1", "b2"),)


def test_succession_can_end_in_a_cycle() -> None:
    m = small({"A:a1": {"B:b2": 1}, "A:a2": {"B:b1": 1}, "B:b1": {"A:a1": 1}, "B:b2": {"A:a2": 1}})
    path = succession(m, ["a1", "b1"])
    assert path.ends_in == "cycle"
    assert path.path == (("a1", "b1"), ("a1", "b2"), ("a2", "b2"), ("a2", "b1"))
    assert path.attractor_start == 0


def test_succession_keeps_a_maximal_current_variant_on_a_tie_else_takes_the_first() -> None:
    m = small(
        {"A:a1": {"B:b2": 1, "B:b3": 1}},
        {"A": ["a1", "a2"], "B": ["b1", "b2", "b3"]},
    )
    assert succession(m, ["a1", "b3"]).path == (("a1", "b3"),)
    assert succession(m, ["a1", "b1"]).path == (("a1", "b1"), ("a1", "b2"))


def test_contributions_explain_each_score() -> None:
    m = small({"A:a1": {"B:b1": 2}, "B:b1": {"B:b1": 1}})
    assert contributions(m, ["a1", "b1"])["B"]["b1"] == {"A": 2, "B": 1}
    assert sum(contributions(m, ["a1", "b1"])["B"]["b1"].values()) == 3


def test_with_judgments_returns_a_changed_copy() -> None:
    m = small({"A:a1": {"B:b1": 2}})
    changed = with_judgments(m, {("A", "a1", "B", "b1"): -3, ("B", "b2", "A", "a2"): 1})
    assert changed.judgment(("A", "a1", "B", "b1")) == -3
    assert changed.judgment(("B", "b2", "A", "a2")) == 1
    assert m.judgment(("A", "a1", "B", "b1")) == 2
    assert changed != m and changed.digest != m.digest


def test_a_set_file_builds_the_same_matrix_as_plain_data() -> None:
    cib = CibFile.model_validate(
        {
            "title": "t",
            "judgment": "j",
            "descriptors": [
                {"name": "A", "variants": ["a1", "a2"]},
                {"name": "B", "variants": ["b1", "b2"]},
            ],
            "sections": [
                {"impacting": "A", "impacted": "B", "rationale": "r", "impacts": {"a1": {"b1": 2}}}
            ],
        }
    )
    assert from_cib_file(cib) == small({"A:a1": {"B:b1": 2}})


def test_two_sections_on_the_same_pair_are_an_error() -> None:
    section = {"impacting": "A", "impacted": "B", "rationale": "r", "impacts": {"a1": {"b1": 2}}}
    cib = CibFile.model_validate(
        {
            "title": "t",
            "judgment": "j",
            "descriptors": [
                {"name": "A", "variants": ["a1", "a2"]},
                {"name": "B", "variants": ["b1", "b2"]},
            ],
            "sections": [section, section],
        }
    )
    with pytest.raises(CibError, match="two sections judge how 'A' acts on 'B'"):
        from_cib_file(cib)


def test_names_may_hold_colons() -> None:
    m = small(
        {"Phase: one:early": {"B:b1": 1}}, {"Phase: one": ["early", "late"], "B": ["b1", "b2"]}
    )
    assert m.judgment(("Phase: one", "early", "B", "b1")) == 1


# --- Errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("impacts", "message"),
    [
        ({"C:c1": {"B:b1": 1}}, "'C:c1' does not name a descriptor of this matrix"),
        ({"A:a3": {"B:b1": 1}}, r"'a3' is not a variant of 'A' \(a1, a2\)"),
        ({"A:a1": {"B:b9": 1}}, r"'b9' is not a variant of 'B' \(b1, b2\)"),
        ({"A:a1": {"B:b1": 4}}, r"impacts\['A:a1'\]\['B:b1'\]: 4 is not a judgment"),
        ({"A:a1": {"B:b1": True}}, "True is not a judgment"),
        ({"A:a1": {"B:b1": 1.5}}, "1.5 is not a judgment"),
    ],
    ids=["unknown-descriptor", "unknown-variant", "unknown-target", "range", "bool", "float"],
)
def test_bad_impacts_raise_a_value_error_naming_them(impacts: dict, message: str) -> None:
    with pytest.raises(CibError, match=message) as caught:
        small(impacts)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"descriptors": [{"name": "A", "variants": ["a"]}]}, "'A' needs at least two variants"),
        (
            {"descriptors": [{"name": "A", "variants": ["a", "b"]}] * 2},
            "descriptor 'A' is declared twice",
        ),
        ({"descriptors": [{"name": "A", "variants": ["a", "a"]}]}, "'A' names a variant twice"),
        ({"descriptors": [], "matrix": {}}, "a matrix is a mapping"),
        ({"descriptors": [{"name": "A", "variant": ["a", "b"]}]}, r"descriptors\[0\] must be"),
    ],
    ids=["one-variant", "duplicate-descriptor", "duplicate-variant", "unknown-key", "misspelt"],
)
def test_malformed_matrices_are_refused(data: dict, message: str) -> None:
    with pytest.raises(CibError, match=message):
        load_matrix(data)


def test_scenarios_with_unknown_names_are_refused() -> None:
    m = small({})
    with pytest.raises(CibError, match=r"'a9' is not a variant of 'A' \(a1, a2\)"):
        impact_balance(m, ["a9", "b1"])
    with pytest.raises(CibError, match="'Z' is not a descriptor of this matrix"):
        evaluate(m, {"A": "a1", "B": "b1", "Z": "z"})
    with pytest.raises(CibError, match="gives no variant for B"):
        succession(m, {"A": "a1"})
    with pytest.raises(CibError, match="names 1 variants; the matrix has 2"):
        impact_balance(m, ["a1"])
    with pytest.raises(CibError, match="'Q' is not a descriptor"):
        consistent_scenarios(m, fixed={"Q": "q"})
    with pytest.raises(CibError, match="'b7' is not a variant of 'B'"):
        with_judgments(m, {("A", "a1", "B", "b7"): 1})
    with pytest.raises(CibError, match="max_inconsistency must be a whole number >= 0"):
        consistent_scenarios(m, -1)
    with pytest.raises(CibError, match="only 'global'"):
        succession(m, ["a1", "b1"], rule="local")  # type: ignore[arg-type]


# --- Properties -----------------------------------------------------------------------------


@st.composite
def matrices(draw: st.DrawFn) -> CrossImpactMatrix:
    sizes = draw(st.lists(st.integers(2, 3), min_size=1, max_size=5))
    descriptors = tuple(
        Descriptor(f"D{i}", tuple(f"v{i}.{b}" for b in range(n))) for i, n in enumerate(sizes)
    )
    width = sum(sizes)
    cells = draw(
        st.lists(
            st.lists(st.integers(-3, 3), min_size=width, max_size=width),
            min_size=width,
            max_size=width,
        )
    )
    return CrossImpactMatrix(descriptors, tuple(tuple(row) for row in cells))


@st.composite
def problems(draw: st.DrawFn) -> tuple[CrossImpactMatrix, int, dict[str, str]]:
    m = draw(matrices())
    threshold = draw(st.integers(0, 3))
    fixed = {
        d.name: draw(st.sampled_from(d.variants))
        for d in m.descriptors
        if draw(st.booleans()) and draw(st.booleans())
    }
    return m, threshold, fixed


@settings(max_examples=150, deadline=None)
@given(problems())
def test_the_search_equals_brute_force(problem: tuple[CrossImpactMatrix, int, dict]) -> None:
    m, threshold, fixed = problem
    assert consistent_scenarios(m, threshold, fixed=fixed) == brute_force_consistent(
        m, threshold, fixed=fixed
    )


@settings(max_examples=150, deadline=None)
@given(problems())
def test_every_reported_solution_is_consistent(
    problem: tuple[CrossImpactMatrix, int, dict],
) -> None:
    m, threshold, fixed = problem
    for solution in consistent_scenarios(m, threshold, fixed=fixed):
        scenario = dict(zip([d.name for d in m.descriptors], solution.variants, strict=True))
        assert all(scenario[d] == v for d, v in fixed.items())
        margins = descriptor_margins(m, scenario)
        assert all(margin >= -threshold for d, margin in margins.items() if d not in fixed)
        balance = impact_balance(m, scenario)
        assert solution.total_impact_score == sum(balance[d][v] for d, v in scenario.items())
        assert solution == evaluate(m, scenario, fixed=fixed)


@settings(max_examples=100, deadline=None)
@given(matrices(), st.data())
def test_succession_ends_where_it_repeats(m: CrossImpactMatrix, data: st.DataObject) -> None:
    start = [data.draw(st.sampled_from(d.variants)) for d in m.descriptors]
    path = succession(m, start)
    assert path.path[0] == tuple(start)
    assert len(set(path.path)) == len(path.path)
    if path.ends_in == "fixed point":
        assert evaluate(m, path.attractor[0]).inconsistency == 0


# --- cib.yaml in a set ----------------------------------------------------------------------

CIB_YAML = """\
title: Tiny matrix
judgment: The project's analytic judgment, not fact.
descriptors:
  - name: Vote
    variants: [Adopted, Rejected]
  - name: Force
    variants: [Deployed, Absent]
sections:
  - impacting: Vote
    impacted: Force
    rationale: An authorised force deploys.
    sources: [un-record]
    impacts:
      Adopted: {Deployed: 2, Absent: -2}
scenarios:
  - scenario: adopted
    variants: {Vote: Adopted, Force: Deployed}
"""


def cib_problems(folder: Path, old: str, new: str) -> list[str]:
    assert old in CIB_YAML
    (folder / "cib.yaml").write_text(CIB_YAML.replace(old, new, 1))
    result = load_set(folder, shown_as="sets/tiny-set")
    assert result.set is None, "expected problems, the set loaded"
    return [str(p) for p in result.problems]


def test_a_valid_cib_file_loads_with_its_set(tiny_set: Path) -> None:
    (tiny_set / "cib.yaml").write_text(CIB_YAML)
    result = load_set(tiny_set, shown_as="sets/tiny-set")
    assert result.problems == ()
    assert result.set is not None and result.set.cib is not None
    m = from_cib_file(result.set.cib)
    assert m.judgment(("Vote", "Adopted", "Force", "Deployed")) == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "impacted: Force",
            "impacted: Forse",
            "sets/tiny-set/cib.yaml:10: sections[0].impacted: "
            "'Forse' is not a descriptor of this matrix",
        ),
        (
            "Adopted: {Deployed",
            "Adoptd: {Deployed",
            "sets/tiny-set/cib.yaml:14: sections[0].impacts.Adoptd: "
            "'Adoptd' is not a variant of 'Vote' (Adopted, Rejected)",
        ),
        (
            "Force: Deployed}",
            "Force: Landed}",
            "sets/tiny-set/cib.yaml:17: scenarios[0].variants.Force: "
            "'Landed' is not a variant of 'Force' (Deployed, Absent)",
        ),
        (
            "scenario: adopted",
            "scenario: adoptd",
            "sets/tiny-set/cib.yaml:16: scenarios[0].scenario: 'adoptd' is not a known scenario id",
        ),
    ],
    ids=["unknown-descriptor", "unknown-variant", "unknown-scenario-variant", "unknown-scenario"],
)
def test_cib_file_problems_name_file_line_and_field(
    tiny_set: Path, old: str, new: str, expected: str
) -> None:
    # The first problem points at the field; judgments naming an unknown descriptor add more.
    assert cib_problems(tiny_set, old, new)[0] == expected
