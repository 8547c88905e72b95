"""Bounded work: a matrix beyond the size limits is refused, naming the file and the limit,
before anything is searched; a search never visits more partial scenarios than its budget nor
keeps more consistent scenarios than its cap, and a result cut short says so. Hostile inputs
are generated here; every assertion is on counters, never on time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cib import (
    CibError,
    CrossImpactMatrix,
    Descriptor,
    ScwError,
    brute_force_consistent,
    consistent_scenarios,
    from_cib_file,
    load_matrix,
    read_scw,
    search,
)
from explorer.cib.limits import (
    MAX_DESCRIPTORS,
    MAX_NODES,
    MAX_SOLUTIONS,
    MAX_TOTAL_VARIANTS,
    MAX_VARIANTS,
)
from explorer.cib.summaries import truncation_note
from explorer.content import ScenarioSet, load_set, read_folder
from explorer.uploads.upload import load_upload
from tests.conftest import TINY_SET, set_id, sets_where
from tests.unit.cib.conftest import scw_file

WITH_MATRIX = sets_where(lambda s: s.cib is not None)
TOO_LARGE = {
    "descriptors": ([2] * (MAX_DESCRIPTORS + 1), f"the limit is {MAX_DESCRIPTORS}"),
    "variants": ([MAX_VARIANTS + 1, 2], f"the limit is {MAX_VARIANTS}"),
    "in-all": (
        [MAX_VARIANTS] * (MAX_TOTAL_VARIANTS // MAX_VARIANTS + 1),
        f"the limit is {MAX_TOTAL_VARIANTS}",
    ),
    "540-variants": ([12] * 45, "the limit is"),
}


def zeros(sizes: list[int]) -> CrossImpactMatrix:
    """Every scenario of this matrix is consistent (all judgments 0, every margin a tie)."""
    width = sum(sizes)
    descriptors = tuple(
        Descriptor(f"D{i}", tuple(f"v{b}" for b in range(n))) for i, n in enumerate(sizes)
    )
    return CrossImpactMatrix(descriptors, tuple((0,) * width for _ in range(width)))


def tiny_files() -> tuple[str, dict[str, bytes]]:
    files = read_folder(TINY_SET)
    assert isinstance(files, dict)
    return "tiny-set", files


@pytest.mark.parametrize(("sizes", "limit"), TOO_LARGE.values(), ids=list(TOO_LARGE))
def test_a_scw_file_too_large_is_refused_naming_the_file_sent_and_the_limit(
    sizes: list[int], limit: str
) -> None:
    result = load_upload(scw_file(sizes).encode(), "uploads/huge matrix.scw", tiny_files())
    assert result.set is None
    (problem,) = result.problems
    assert problem.file == "huge matrix.scw"
    assert limit in problem.message and "too large to explore" in problem.message


@pytest.mark.parametrize(("sizes", "limit"), TOO_LARGE.values(), ids=list(TOO_LARGE))
def test_the_size_is_refused_before_the_matrix_is_read(sizes: list[int], limit: str) -> None:
    text = scw_file(sizes)
    cut = text[: text.index(" 0 ")]  # the judgments never come: only the size can be refused
    with pytest.raises(ScwError, match=limit):
        read_scw(cut)


@pytest.mark.parametrize(("sizes", "limit"), TOO_LARGE.values(), ids=list(TOO_LARGE))
def test_a_matrix_too_large_cannot_be_built(sizes: list[int], limit: str) -> None:
    descriptors = [
        {"name": f"D{i}", "variants": [f"v{b}" for b in range(n)]} for i, n in enumerate(sizes)
    ]
    with pytest.raises(CibError, match=limit):
        load_matrix({"descriptors": descriptors})


def test_a_cib_yaml_too_large_is_a_problem_with_its_line(tiny_set: Path) -> None:
    path = tiny_set / "cib.yaml"
    many = "".join(f"  - name: Extra {i}\n    variants: [a, b]\n" for i in range(MAX_DESCRIPTORS))
    text = path.read_text()
    path.write_text(text.replace("descriptors:\n", "descriptors:\n" + many, 1))
    problems = [p for p in load_set(tiny_set).problems if "too large to explore" in p.message]
    (problem,) = problems
    assert problem.file.endswith("cib.yaml") and problem.line is not None
    assert f"the limit is {MAX_DESCRIPTORS}" in problem.message


def test_eighteen_free_descriptors_keep_the_cap_and_count_the_rest() -> None:
    """The issue's 12 KB file: 18 descriptors of two variants, every judgment 0."""
    m = read_scw(scw_file([2] * 18)).matrix
    result = search(m)
    assert result.found == 2**18
    assert len(result.solutions) == MAX_SOLUTIONS
    assert result.truncated and not result.stopped
    assert result.nodes <= MAX_NODES
    assert f"the first {MAX_SOLUTIONS} of {2**18}" in truncation_note(result)
    assert len(consistent_scenarios(m)) == MAX_SOLUTIONS


@pytest.mark.parametrize("budget", [0, 1, 7, 100, 5_000])
def test_the_search_stops_within_its_work_budget(budget: int) -> None:
    result = search(zeros([2] * 18), max_nodes=budget)
    assert result.nodes <= budget
    assert result.stopped and result.truncated
    assert len(result.solutions) <= result.found <= result.nodes
    assert "stopped at its work budget" in truncation_note(result)
    assert f"of at least {result.found}" in truncation_note(result)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_every_matrix_is_searched_in_full_within_the_default_budget(
    scenario_set: ScenarioSet,
) -> None:
    assert scenario_set.cib is not None
    m = from_cib_file(scenario_set.cib)
    result = search(m)
    assert not result.truncated and truncation_note(result) == ""
    assert result.found == len(result.solutions)
    assert list(result.solutions) == brute_force_consistent(m)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_cap_keeps_the_first_found_and_counts_them_all(scenario_set: ScenarioSet) -> None:
    assert scenario_set.cib is not None
    m = from_cib_file(scenario_set.cib)
    every = search(m, 2)
    capped = search(m, 2, max_solutions=1)
    assert capped.found == every.found
    assert len(capped.solutions) == min(1, every.found)
    assert set(capped.solutions) <= set(every.solutions)
    assert capped.truncated == (every.found > 1)


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(2, 4), min_size=1, max_size=6),
    seed=st.integers(0, 2**16),
    max_nodes=st.integers(0, 400),
    max_solutions=st.integers(0, 5),
)
def test_no_budget_is_ever_exceeded(
    sizes: list[int], seed: int, max_nodes: int, max_solutions: int
) -> None:
    width = sum(sizes)
    cells = tuple(
        tuple((seed * (r + 3) * (c + 7)) % 7 - 3 for c in range(width)) for r in range(width)
    )
    m = CrossImpactMatrix(zeros(sizes).descriptors, cells)
    result = search(m, 1, max_nodes=max_nodes, max_solutions=max_solutions)
    exact = brute_force_consistent(m, 1)
    assert result.nodes <= max_nodes
    assert len(result.solutions) <= max_solutions
    assert set(result.solutions) <= set(exact)
    if not result.stopped:
        assert result.found == len(exact)
    assert result.truncated == (result.stopped or len(result.solutions) < result.found)


@pytest.mark.parametrize("budget", [{"max_nodes": -1}, {"max_solutions": -1}, {"max_nodes": 1.5}])
def test_a_budget_must_be_a_whole_number(budget: dict) -> None:
    with pytest.raises(CibError, match="must be a whole number >= 0"):
        search(zeros([2, 2]), **budget)


def test_the_bounds_are_those_the_readme_states() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    paragraph = readme.split("### Your own scenario set", 1)[1].split("\n### ", 1)[0]
    for words in (
        f"at most {MAX_DESCRIPTORS} descriptors",
        f"{MAX_VARIANTS}\nvariants per descriptor",
        f"{MAX_TOTAL_VARIANTS} variants in all",
        f"first {MAX_SOLUTIONS} consistent",
        f"{MAX_NODES:,} partial",
    ):
        assert " ".join(words.split()) in " ".join(paragraph.split())


def test_messages_name_the_limit(edit: Callable[[str, str, str], Path]) -> None:
    many = ", ".join(f"v{i}" for i in range(MAX_VARIANTS + 1))
    folder = edit("cib.yaml", "variants: [Flows, Blocked]", f"variants: [{many}]")
    problems = load_set(folder).problems
    assert any(f"the limit is {MAX_VARIANTS}" in p.message for p in problems)
