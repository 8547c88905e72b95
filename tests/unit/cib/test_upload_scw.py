"""A ScenarioWizard .scw file uploads through the same path as a set, as the matrix of a copy
of the set shown, so the What-if view explores it."""

from __future__ import annotations

from pathlib import Path

from explorer.cib import from_cib_file, load_matrix, write_scw
from explorer.content import load_set, read_folder
from explorer.uploads.upload import load_upload

GAZA = Path(__file__).resolve().parents[3] / "scenarios" / "gaza-unsc-2025"
SMALL = {
    "descriptors": [
        {"name": "Force", "variants": ["Deployed", "Absent"]},
        {"name": "Aid", "variants": ["Flows", "Blocked"]},
    ],
    "impacts": {
        "Force:Deployed": {"Aid:Flows": 2, "Aid:Blocked": -2},
        "Aid:Flows": {"Force:Deployed": 1},
    },
}


def test_a_scw_file_becomes_the_matrix_of_a_copy_of_the_set_shown() -> None:
    files = read_folder(GAZA)
    assert isinstance(files, dict)
    matrix = load_matrix(SMALL)
    result = load_upload(write_scw(matrix).encode(), "my matrix.scw", ("gaza-unsc-2025", files))
    assert result.problems == ()
    assert result.set is not None and result.set.id == "gaza-unsc-2025-with-my-matrix"
    assert result.set.cib is not None
    assert [d.name for d in result.set.cib.descriptors] == ["Force", "Aid"]
    assert from_cib_file(result.set.cib).cells == matrix.cells
    assert "cib.yaml" in result.files
    shown = load_set(GAZA).set
    assert shown is not None
    assert [s.id for s in result.set.scenarios] == [s.id for s in shown.scenarios]


def test_a_broken_scw_file_is_refused_with_its_name() -> None:
    result = load_upload(b"$ ScenarioWizard\nnot a matrix\n", "broken.scw", ("gaza-unsc-2025", {}))
    assert result.set is None
    (problem,) = result.problems
    assert problem.file == "broken.scw"
    assert "not a ScenarioWizard matrix we can read" in problem.message
