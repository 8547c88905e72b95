"""ScenarioWizard files: a project written and read back is the same matrix with the same texts;
files in ScenarioWizard's layout are read; untrusted files fail with the line that is wrong."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cib import (
    MAX_BYTES,
    CrossImpactMatrix,
    Descriptor,
    ScwError,
    ScwProject,
    consistent_scenarios,
    read_scw,
    read_sl,
    write_scw,
)
from explorer.formats import slug

# The layout of a project saved by ScenarioWizard 4.0 (blank long names, white colours, empty
# texts but one), with a small matrix of our own: rain and prices act on the harvest, which
# acts on prices; high prices reinforce themselves (a self block).
PROJECT = "\r\n".join(
    [
        "$ ScenarioWizard 4.0",
        "harvest.scw",
        "&Rain",
        " -Dry",
        " -Wet",
        "&Harvest",
        " -Poor",
        " -Fair",
        " -Good",
        "&Prices",
        " -Low",
        " -High",
        "#",
        "&",
        " ",
        " ",
        "&",
        " ",
        " ",
        " ",
        "&",
        " ",
        " ",
        "#",
        "#",
        *["FFFFFF"] * 7,
        "#",
        "#",
        " 0 , 0 , 2 , 0 ,-2 , 0 , 0 ",
        " 0 , 0 ,-2 , 1 , 1 , 0 , 0 ",
        " 0 , 0 , 0 , 0 , 0 ,-2 , 2 ",
        " 0 , 0 , 0 , 0 , 0 , 0 , 0 ",
        " 0 , 0 , 0 , 0 , 0 , 2 ,-2 ",
        " 0 , 0 , 1 , 0 ,-1 , 0 , 0 ",
        " 0 , 0 ,-1 , 0 , 1 ,-1 , 1 ",
        "#",
        "# 0-0",
        '""',
        *["# ", '""'] * 3,
        "#  -> ",
        '""',
        "#  -> ",
        '"Drought ruins the harvest; rain helps it."',
        *["#  -> ", '""'] * 7,
        "#",
        "#",
        "",
    ]
)
SOLUTIONS = (
    '$ ScenarioWizard 3.0\nSolution set\n 2 \n\n" 1 1 2",812,0,0,4,""\n" 2 2 1",188,0,0,1,"Wet"\n'
)


@pytest.fixture
def project() -> ScwProject:
    return read_scw(PROJECT.encode())


def test_a_project_in_scenariowizard_layout_is_read(project: ScwProject) -> None:
    m = project.matrix
    assert [(d.name, d.variants) for d in m.descriptors] == [
        ("Rain", ("Dry", "Wet")),
        ("Harvest", ("Poor", "Fair", "Good")),
        ("Prices", ("Low", "High")),
    ]
    assert m.judgment(("Rain", "Dry", "Harvest", "Poor")) == 2
    assert m.judgment(("Prices", "High", "Prices", "High")) == 1
    assert project.descriptions == {}
    assert project.rationales == {("Rain", "Harvest"): "Drought ruins the harvest; rain helps it."}


def test_a_solution_list_matches_the_search_on_its_matrix(project: ScwProject) -> None:
    entries = read_sl(SOLUTIONS, project.matrix)
    assert [(e.variants, e.weight, e.flag, e.name) for e in entries] == [
        (("Dry", "Poor", "High"), 812, 0, ""),
        (("Wet", "Fair", "Low"), 188, 0, "Wet"),
    ]
    found = {s.variants: s for s in consistent_scenarios(project.matrix)}
    assert set(found) == {e.variants for e in entries}
    for entry in entries:
        assert entry.consistency_value == found[entry.variants].consistency_value
        assert entry.total_impact_score == found[entry.variants].total_impact_score


def test_writing_then_reading_gives_the_same_matrix_and_texts(project: ScwProject) -> None:
    descriptions = {"Harvest": "Grain harvest of the year", "Prices": "Farm-gate prices"}
    rationales = {("Rain", "Harvest"): "Drought ruins it.", ("Prices", "Prices"): "Expectations."}
    text = write_scw(project.matrix, descriptions=descriptions, rationales=rationales)
    assert read_scw(text) == ScwProject(project.matrix, descriptions, rationales)
    assert read_scw(text.encode("utf-8")) == read_scw(text)


def test_the_written_file_has_scenariowizard_layout(project: ScwProject) -> None:
    lines = write_scw(project.matrix, file_name="harvest.scw").split("\r\n")
    assert lines[:5] == ["$ ScenarioWizard 4.0", "harvest.scw", "&Rain", " -Dry", " -Wet"]
    assert " 0 , 0 , 2 , 0 ,-2 , 0 , 0 " in lines
    assert lines.count("FFFFFF") == 7
    assert lines[-3:] == ["#", "#", ""]


def test_long_names_are_used_when_the_file_gives_them() -> None:
    named = PROJECT.replace("&\r\n \r\n \r\n&", "&Rainfall\r\n dry year\r\n wet year\r\n&", 1)
    m = read_scw(named).matrix
    assert m.descriptors[0] == Descriptor("Rainfall", ("dry year", "wet year"))
    assert m.descriptors[1].name == "Harvest"


def test_quotes_and_line_breaks_in_texts_are_written_safely(project: ScwProject) -> None:
    text = write_scw(project.matrix, descriptions={"Rain": 'The "wet"\nseason'})
    assert read_scw(text).descriptions == {"Rain": "The 'wet' season"}


def test_windows_1252_files_are_decoded() -> None:
    raw = PROJECT.replace("-Dry", "-Sécheresse").encode("cp1252")
    assert read_scw(raw).matrix.descriptors[0].variants == ("Sécheresse", "Wet")


@st.composite
def matrices(draw: st.DrawFn) -> CrossImpactMatrix:
    words = st.text(alphabet="abcxyz XYZ09.()/", min_size=1, max_size=12).map(str.strip)
    words = words.filter(lambda w: bool(w) and not w.startswith("-"))
    apart = (str.casefold, slug)  # names a link can tell apart
    names = draw(st.lists(words, min_size=1, max_size=4, unique_by=apart))
    descriptors = tuple(
        Descriptor(n, tuple(draw(st.lists(words, min_size=2, max_size=3, unique_by=apart))))
        for n in names
    )
    width = sum(len(d.variants) for d in descriptors)
    row = st.lists(st.integers(-20, 20), min_size=width, max_size=width).map(tuple)
    cells = tuple(draw(st.lists(row, min_size=width, max_size=width)))
    # A .scw file states no scale: reading infers it from the largest judgment (at least 3).
    scale = max(3, *(abs(value) for line in cells for value in line))
    return CrossImpactMatrix(descriptors, cells, scale)


@settings(max_examples=100, deadline=None)
@given(matrices())
def test_any_matrix_survives_the_round_trip(m: CrossImpactMatrix) -> None:
    assert read_scw(write_scw(m)).matrix == m


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "$ ScenarioWizard 4.0",
            "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]>",
            "line 1: not a",
        ),
        (" -Dry", "Dry", r"line 4: expected '&descriptor' or ' -variant', not 'Dry'"),
        ("&Rain\r\n", "", "line 3: expected '&descriptor' or ' -variant', not '-Dry'"),
        (" 0 , 0 , 2 , 0 ,-2 , 0 , 0 ", " 0 , 0 , 2 , 0 ,-2 , 0 ", "line 35: expected 7 judgments"),
        (
            " 0 , 0 , 2 , 0 ,-2 , 0 , 0 ",
            " 0 , 0 , 2 , x ,-2 , 0 , 0 ",
            "line 35: a matrix row holds",
        ),
        (" 0 , 0 , 2 , 0 ,-2 , 0 , 0 \r\n", "", "the matrix has 6 rows; the descriptors need 7"),
        ("&Prices", "&Rain", "descriptor 'Rain' is declared twice"),
        ("&\r\n \r\n \r\n&", "&\r\n \r\n&", "long names do not match"),
    ],
    ids=[
        "xml",
        "no-hyphen",
        "variant-first",
        "short-row",
        "not-a-number",
        "missing-row",
        "duplicate",
        "long-names",
    ],
)
def test_malformed_projects_fail_with_the_line(old: str, new: str, message: str) -> None:
    assert old in PROJECT
    with pytest.raises(ScwError, match=message) as caught:
        read_scw(PROJECT.replace(old, new, 1))
    assert isinstance(caught.value, ValueError)


def test_a_file_cut_short_is_refused() -> None:
    with pytest.raises(ScwError, match="ends inside the cross-impact matrix"):
        read_scw(PROJECT[: PROJECT.index(" 0 , 0 , 0 , 0 , 0 , 0 , 0 ")])


def test_binary_and_oversized_files_are_refused() -> None:
    with pytest.raises(ScwError, match="not a text file"):
        read_scw(b"$ ScenarioWizard 4.0\r\n\0\0\0")
    with pytest.raises(ScwError, match="the limit is"):
        read_scw(b"$ ScenarioWizard 4.0\r\n" + b" " * MAX_BYTES)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('" 1 1 2"', '" 1 4 2"', "line 5: 'Harvest' has no variant 4"),
        ('" 1 1 2"', '" 1 1"', "line 5: expected 3 variant numbers"),
        (',812,0,0,4,""', ",812,0,4", 'line 5: expected "variant numbers",n,n,n,n,"name"'),
        (" 2 \n", " 3 \n", "line 3 declares 3 solutions but the file holds 2"),
        ("Solution set\n 2 ", "Solution set\ntwo", "line 3: expected the number of solutions"),
    ],
    ids=["variant-range", "width", "fields", "count", "no-count"],
)
def test_malformed_solution_lists_fail_with_the_line(
    project: ScwProject, old: str, new: str, message: str
) -> None:
    assert old in SOLUTIONS
    with pytest.raises(ScwError, match=message):
        read_sl(SOLUTIONS.replace(old, new, 1), project.matrix)


@pytest.mark.parametrize("name", ["#1 option", "line\nbreak", "-minus", '"quoted"'])
def test_names_the_format_cannot_hold_are_refused_on_writing(name: str) -> None:
    m = CrossImpactMatrix((Descriptor("D", (name, "other")),), ((0, 0), (0, 0)))
    with pytest.raises(ScwError, match="cannot be written as a ScenarioWizard name"):
        write_scw(m)
