"""Cross-impact matrices of any integer scale: a matrix states its scale (3 unless it says
otherwise), every judgment lies within it, a cib.yaml judgment outside it is a problem naming
the section, the cell and the scale; .scw files take the bound of their largest judgment; and
``judge=`` links accept any value within the matrix's scale and say so for one outside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from explorer.cib import (
    JUDGMENT_RANGE,
    CibError,
    CrossImpactMatrix,
    Descriptor,
    from_cib_file,
    load_matrix,
    read_scw,
    to_cib_file,
    with_judgments,
    write_scw,
)
from explorer.cib.limits import DEFAULT_SCALE, MAX_SCALE
from explorer.content import Catalog, CibFile, ScenarioSet, load_catalog, load_set
from explorer.views import default_state, encode, parse
from tests.conftest import SET_FOLDERS, set_id, sets_where
from tests.unit.cib.conftest import scw_file

WITH_MATRIX = sets_where(lambda s: s.cib is not None)
WIDE = "Adopted: {Deployed: 2, Delayed: 1"
ONE = (Descriptor("A", ("x", "y")),)


def test_the_default_scale_is_the_classic_one() -> None:
    assert DEFAULT_SCALE == 3
    assert range(-3, 4) == JUDGMENT_RANGE


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_every_matrix_carries_its_sets_scale_and_stays_within_it(
    scenario_set: ScenarioSet,
) -> None:
    assert scenario_set.cib is not None
    m = from_cib_file(scenario_set.cib)
    assert m.scale == scenario_set.cib.scale
    assert all(abs(value) <= m.scale for row in m.cells for value in row)
    raw = yaml.safe_load((SET_FOLDERS[scenario_set.id] / "cib.yaml").read_text())
    assert m.scale == raw.get("scale", DEFAULT_SCALE)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_judgment_may_go_to_the_edge_of_the_scale_and_no_further(
    scenario_set: ScenarioSet,
) -> None:
    assert scenario_set.cib is not None
    m = from_cib_file(scenario_set.cib)
    first, second = m.descriptors[0], m.descriptors[1]
    cell = (first.name, first.variants[0], second.name, second.variants[0])
    for value in (-m.scale, m.scale):
        assert with_judgments(m, {cell: value}).judgment(cell) == value
    with pytest.raises(CibError, match=f"from -{m.scale} to {m.scale}"):
        with_judgments(m, {cell: m.scale + 1})


def test_a_matrix_states_a_wider_scale() -> None:
    data = {
        "descriptors": [
            {"name": "A", "variants": ["a1", "a2"]},
            {"name": "B", "variants": ["b", "b2"]},
        ],
        "impacts": {"A:a1": {"B:b": 9}},
    }
    with pytest.raises(CibError, match="from -3 to 3"):
        load_matrix(data)
    m = load_matrix({**data, "scale": 10})
    assert (m.scale, m.judgment(("A", "a1", "B", "b"))) == (10, 9)
    with pytest.raises(CibError, match="from -10 to 10"):
        with_judgments(m, {("A", "a1", "B", "b"): -11})


@pytest.mark.parametrize("scale", [0, -3, MAX_SCALE + 1, 2.5, True])
def test_a_scale_must_be_a_whole_number_in_range(scale: object) -> None:
    with pytest.raises(CibError, match=f"from 1 to {MAX_SCALE}"):
        CrossImpactMatrix(ONE, ((0, 0), (0, 0)), scale)  # type: ignore[arg-type]
    with pytest.raises(CibError, match=f"from 1 to {MAX_SCALE}"):
        load_matrix({"descriptors": [{"name": "A", "variants": ["x", "y"]}], "scale": scale})


def test_a_cell_beyond_the_scale_is_refused() -> None:
    descriptors = ONE
    with pytest.raises(CibError, match=r"within the scale -3\.\.3"):
        CrossImpactMatrix(descriptors, ((0, 4), (0, 0)))
    assert CrossImpactMatrix(descriptors, ((0, 4), (0, 0)), 4).scale == 4


def test_the_scale_changes_the_digest_only_off_the_default() -> None:
    descriptors = ONE
    cells = ((0, 1), (0, 0))
    default = CrossImpactMatrix(descriptors, cells)
    assert CrossImpactMatrix(descriptors, cells, 3).digest == default.digest
    assert CrossImpactMatrix(descriptors, cells, 5).digest != default.digest


def test_a_cib_yaml_judgment_outside_its_scale_names_section_cell_and_scale(
    edit: Callable[[str, str, str], Path],
) -> None:
    folder = edit("cib.yaml", WIDE, "Adopted: {Deployed: 5, Delayed: 1")
    (problem,) = load_set(folder).problems
    assert problem.file.endswith("cib.yaml") and problem.line is not None
    assert problem.field == "sections[0].impacts.Adopted.Deployed"
    assert "Vote: Adopted on Force: Deployed is 5" in problem.message
    assert "scale -3..3" in problem.message


def test_a_cib_yaml_with_a_wider_scale_loads_and_links(
    edit: Callable[[str, str, str], Path],
) -> None:
    edit("cib.yaml", WIDE, "Adopted: {Deployed: 7, Delayed: 1")
    folder = edit("cib.yaml", "descriptors:\n", "scale: 7\n\ndescriptors:\n")
    loaded = load_set(folder)
    assert loaded.set is not None and loaded.set.cib is not None
    m = from_cib_file(loaded.set.cib)
    assert (m.scale, m.judgment(("Vote", "Adopted", "Force", "Deployed"))) == (7, 7)
    catalog = load_catalog(folder.parent)
    state, notices = parse({"judge": "vote.adopted_aid.flows:-7"}, catalog)
    assert (state.judgments, notices) == (((("Vote", "Adopted", "Aid", "Flows"), -7),), [])
    assert parse(encode(state, catalog), catalog)[0] == state
    _, notices = parse({"judge": "vote.adopted_aid.flows:8"}, catalog)
    assert notices == [
        "Ignored judgment 'vote.adopted_aid.flows:8': this matrix's judgments are whole "
        "numbers from -7 to 7."
    ]


def test_a_cib_yaml_scale_is_a_whole_number_from_one(
    edit: Callable[[str, str, str], Path],
) -> None:
    folder = edit("cib.yaml", "descriptors:\n", "scale: 0\n\ndescriptors:\n")
    (problem,) = load_set(folder).problems
    assert problem.field == "scale"


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_judge_links_follow_each_matrixs_scale(scenario_set: ScenarioSet) -> None:
    assert scenario_set.cib is not None
    catalog = Catalog({scenario_set.id: scenario_set})
    m = from_cib_file(scenario_set.cib)
    first, second = m.descriptors[0], m.descriptors[1]
    cell = (first.name, first.variants[0], second.name, second.variants[0])
    base = replace(default_state(catalog, scenario_set.id), view="whatif")
    for value in (-m.scale, m.scale):
        state = replace(base, judgments=((cell, value),))
        assert parse(encode(state, catalog), catalog) == (state, [])
    params = encode(replace(base, judgments=((cell, m.scale),)), catalog)
    params["judge"] = params["judge"].replace(f":{m.scale}", f":{m.scale + 1}")
    state, notices = parse(params, catalog)
    assert state.judgments == ()
    (notice,) = notices
    assert f"from -{m.scale} to {m.scale}" in notice


@pytest.mark.parametrize(("largest", "scale"), [(0, 3), (2, 3), (3, 3), (7, 7), (250, 250)])
def test_a_scw_file_takes_the_bound_of_its_largest_judgment(largest: int, scale: int) -> None:
    project = read_scw(scw_file([2, 3], judgment=-largest))
    assert project.matrix.scale == scale
    assert read_scw(write_scw(project.matrix)).matrix == project.matrix
    cib = to_cib_file(project, "wide.scw")
    assert isinstance(cib, CibFile) and cib.scale == scale
    assert from_cib_file(cib) == project.matrix
