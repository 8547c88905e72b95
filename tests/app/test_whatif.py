"""The What-if view at the Streamlit seam, for every set with a matrix: the tableau of every
consistent scenario, the impact balance, the authored scenarios judged by the matrix, fixed
descriptors and changed judgments (given by the caller, as a shared link does, or changed in the
page), and a set without a matrix. The controls of each kind of choice are built only while
their expander is open; a link that carries choices opens their expander, and choices hold while
it is closed. Expected names and counts come from each set's own matrix. Caches are cleared
between tests by the autouse fixture in tests/app/conftest.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.chart import data_key
from components.whatif import FREE
from components.whatif_choices import FIXES, JUDGMENTS
from explorer.cib import (
    CrossImpactMatrix,
    consistent_scenarios,
    evaluate,
    from_cib_file,
    with_judgments,
)
from explorer.cib.figures import PAGE
from explorer.cib.limits import MAX_SOLUTIONS
from explorer.content import ROOT_VARIABLE, CibFile, ScenarioSet, read_folder
from explorer.uploads.upload import load_upload
from tests.app.conftest import APP, figures_of
from tests.conftest import SET_FOLDERS, SETS, set_id, sets_where, unwrapped
from tests.unit.cib.conftest import scw_file

WITH_MATRIX = sets_where(lambda s: s.cib is not None)
PAGED = [s for s in WITH_MATRIX if len(consistent_scenarios(from_cib_file(s.cib))) > PAGE]
FIRST_SLIDER = "whatif.cell.0.0.1.0"
"""The first judgment shown: first descriptor's first variant on the second's first."""


# AppTest runs these functions' source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def whatif_page(scenario_set: "ScenarioSet", fixed: dict, judgments: dict) -> None:  # noqa: UP037
    """As the app does: the choices start from ``fixed`` and ``judgments`` (or from a link the
    test put in ``test.url``), and what the view returns is written back to the link."""
    import streamlit as st

    from tests.app.conftest import linked_view

    link = st.session_state.setdefault("test.url", (fixed, judgments))
    choices = {"fixed": tuple(sorted(link[0].items())), "judgments": tuple(sorted(link[1].items()))}
    shown = linked_view(scenario_set, "whatif", choices)
    returned = (dict(shown.fixed), dict(shown.judgments))
    st.session_state["test.url"] = st.session_state["test.returned"] = returned


def open_page(scenario_set: ScenarioSet, fixed: dict | None = None, judgments: dict | None = None):
    args = (scenario_set, fixed or {}, judgments or {})
    at = AppTest.from_function(whatif_page, args=args, default_timeout=60)
    at.session_state[data_key("whatif.tableau")] = True  # the tableau's table, read by listed()
    return at.run()


def toggled(at: AppTest, expander: str, open_: bool = True) -> AppTest:
    """``at`` after a person opens (or closes) the expander ``expander`` (its key)."""
    at.session_state[expander] = open_
    return at.run()


def expanded(at: AppTest) -> dict[str, bool]:
    """Each What-if expander's label and whether the page sends it open."""
    return {e.label: e.proto.expanded for e in at.expander if not e.label.startswith("Data")}


def controls(at: AppTest) -> list[str]:
    """The keys of the descriptor and judgment controls drawn."""
    keys = [str(w.key) for w in [*at.selectbox, *at.slider]]
    return [k for k in keys if k.startswith(("whatif.fix.", "whatif.cell.", "whatif.from"))]


def cib_of(scenario_set: ScenarioSet) -> CibFile:
    assert scenario_set.cib is not None
    return scenario_set.cib


def matrix_of(scenario_set: ScenarioSet) -> CrossImpactMatrix:
    return from_cib_file(cib_of(scenario_set))


def first_cell(m: CrossImpactMatrix) -> tuple[str, str, str, str]:
    """The judgment of ``FIRST_SLIDER``."""
    first, second = m.descriptors[0], m.descriptors[1]
    return (first.name, first.variants[0], second.name, second.variants[0])


def changed_value(m: CrossImpactMatrix) -> int:
    """A value for the first cell that differs from the matrix's own."""
    return -m.scale if m.judgment(first_cell(m)) != -m.scale else m.scale


def tables_with(at: AppTest, column: str) -> list:
    """The data frames shown that have ``column`` (AppTest does not keep their keys)."""
    return [d.value for d in at.dataframe if column in d.value.columns]


def listed(at: AppTest) -> int:
    """How many consistent scenarios the tableau's data table lists (all pages)."""
    (table,) = [t for t in tables_with(at, "Descriptor") if "Variant" not in t.columns]
    return len(table.columns) - 1


def tableau_of(at: AppTest) -> dict:
    """The tableau's heat map (the traces after it are its colour key)."""
    heatmap, *key = figures_of(at)[0]["data"]
    assert all(k["name"].endswith(" variant") for k in key)
    return heatmap


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_a_set_without_a_matrix_shows_a_plain_note(scenario_set: ScenarioSet) -> None:
    at = open_page(scenario_set.model_copy(update={"cib": None}), {"A": "b"})
    assert not at.exception
    assert "no cross-impact matrix" in at.info[0].value
    assert figures_of(at) == []
    assert at.session_state["test.returned"] == ({"A": "b"}, {})


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_the_tableau_shows_every_consistent_scenario_of_the_matrix(
    scenario_set: ScenarioSet,
) -> None:
    m = matrix_of(scenario_set)
    at = open_page(scenario_set)
    assert not at.exception and not at.error and not at.warning
    expected = consistent_scenarios(m)
    assert expected, "a test matrix should have a consistent scenario to show"
    heatmap = tableau_of(at)
    assert listed(at) == len(expected)
    assert len(heatmap["x"]) == min(len(expected), PAGE)
    assert [unwrapped(y) for y in heatmap["y"]] == [d.name for d in m.descriptors]
    assert [unwrapped(row[0]) for row in heatmap["text"]] == list(expected[0].variants)
    labels = {s.id: s.label for s in scenario_set.scenarios}
    shown = {tuple(s.variants) for s in expected[:PAGE]}
    for mapping in cib_of(scenario_set).scenarios:
        if tuple(mapping.variants[d.name] for d in m.descriptors) in shown:
            label = labels[mapping.scenario]
            assert any(label in unwrapped(x) for x in heatmap["x"]), label
    assert at.session_state["test.returned"] == ({}, {})


@pytest.mark.parametrize("scenario_set", PAGED, ids=set_id)
def test_the_tableau_shows_the_next_scenarios_a_page_at_a_time(scenario_set: ScenarioSet) -> None:
    at = open_page(scenario_set)
    (page,) = at.get("button_group")
    assert page.proto.label == "Consistent scenarios shown"
    at.button_group[0].set_value(PAGE).run()
    assert not at.exception
    heatmap = tableau_of(at)
    assert heatmap["x"][0].startswith(f"#{PAGE + 1}<br>")
    remaining = len(consistent_scenarios(matrix_of(scenario_set))) - PAGE
    assert len(heatmap["x"]) == min(remaining, PAGE)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_the_authored_scenarios_are_judged_by_the_matrix(scenario_set: ScenarioSet) -> None:
    m, cib = matrix_of(scenario_set), cib_of(scenario_set)
    at = open_page(scenario_set)
    (table,) = tables_with(at, "Inconsistency")
    labels = {s.id: s.label for s in scenario_set.scenarios}
    assert table["Scenario"].tolist() == [labels[s.scenario] for s in cib.scenarios]
    expected = [evaluate(m, s.variants).inconsistency for s in cib.scenarios]
    assert table["Inconsistency"].tolist() == expected
    (paths,) = tables_with(at, "Changes")  # every scenario's succession, in turn
    assert paths["Scenario"].unique().tolist() == [labels[s.scenario] for s in cib.scenarios]
    for s in cib.scenarios:
        steps = paths[paths["Scenario"] == labels[s.scenario]]
        assert steps["Step"].tolist() == list(range(len(steps)))
        assert steps.iloc[0][list(s.variants)].tolist() == list(s.variants.values())


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_the_balance_chart_explains_the_selected_scenario(scenario_set: ScenarioSet) -> None:
    at = open_page(scenario_set)
    balance = figures_of(at)[1]
    chosen, others, best = balance["data"]
    assert (chosen["name"], others["name"], best["name"]) == (
        "chosen variant",
        "other variants",
        "highest score in its descriptor",
    )
    assert len(chosen["y"]) == len(matrix_of(scenario_set).descriptors)
    picker = at.selectbox(key="whatif.balance")
    assert picker.value.endswith("(authored)") == bool(cib_of(scenario_set).scenarios)
    picker.set_value(picker.options[-1]).run()
    assert not at.exception
    assert figures_of(at)[1]["layout"]["title"]["text"] != balance["layout"]["title"]["text"]


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_fixing_a_descriptor_imposes_it_on_every_scenario_shown(scenario_set: ScenarioSet) -> None:
    m = matrix_of(scenario_set)
    descriptor = m.descriptors[0]
    variant = descriptor.variants[-1]
    at = toggled(open_page(scenario_set), FIXES)
    at.selectbox(key="whatif.fix.0").set_value(variant).run()
    assert not at.exception
    fixed = {descriptor.name: variant}
    expected = consistent_scenarios(m, fixed=fixed)
    assert listed(at) == len(expected)
    heatmap = tableau_of(at)
    assert unwrapped(heatmap["y"][0]) == f"{descriptor.name} (fixed)"
    assert {unwrapped(text) for text in heatmap["text"][0]} == ({variant} if expected else set())
    assert at.session_state["test.returned"] == (fixed, {})


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_choices_given_by_the_caller_set_the_controls_and_come_back(
    scenario_set: ScenarioSet,
) -> None:
    m = matrix_of(scenario_set)
    second = m.descriptors[1]
    fixed = {second.name: second.variants[-1]}
    judgments = {first_cell(m): changed_value(m)}
    at = open_page(scenario_set, fixed, judgments)
    assert not at.exception and not at.warning
    assert at.selectbox(key="whatif.fix.1").value == second.variants[-1]
    assert at.slider(key=FIRST_SLIDER).value == changed_value(m)
    assert at.session_state["test.returned"] == (fixed, judgments)
    expected = consistent_scenarios(with_judgments(m, judgments), fixed=fixed)
    assert listed(at) == len(expected)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_changed_judgment_is_returned_and_changes_the_analysis(
    scenario_set: ScenarioSet,
) -> None:
    m = matrix_of(scenario_set)
    cell, value = first_cell(m), changed_value(m)
    at = toggled(open_page(scenario_set), JUDGMENTS)
    at.slider(key=FIRST_SLIDER).set_value(value).run()
    assert not at.exception
    assert at.session_state["test.returned"] == ({}, {cell: value})
    assert listed(at) == len(consistent_scenarios(with_judgments(m, {cell: value})))
    at.slider(key=FIRST_SLIDER).set_value(m.judgment(cell)).run()
    assert at.session_state["test.returned"] == ({}, {})


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_changed_judgments_survive_looking_at_another_section(scenario_set: ScenarioSet) -> None:
    m = matrix_of(scenario_set)
    cell, value = first_cell(m), changed_value(m)
    elsewhere = m.descriptors[2 if len(m.descriptors) > 2 else 0].name
    at = AppTest.from_function(whatif_page, args=(scenario_set, {}, {}), default_timeout=60).run()
    toggled(at, JUDGMENTS).slider(key=FIRST_SLIDER).set_value(value).run()
    at.selectbox(key="whatif.to").set_value(elsewhere).run()
    assert not at.exception
    assert at.session_state["test.url"][1] == {cell: value}
    at.selectbox(key="whatif.to").set_value(m.descriptors[1].name).run()
    assert at.slider(key=FIRST_SLIDER).value == value


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_the_reset_button_restores_every_judgment(scenario_set: ScenarioSet) -> None:
    m = matrix_of(scenario_set)
    at = open_page(scenario_set, judgments={first_cell(m): changed_value(m)})
    at.button(key="whatif.reset").click().run()
    assert not at.exception
    assert at.session_state["test.returned"] == ({}, {})
    assert at.slider(key=FIRST_SLIDER).value == m.judgment(first_cell(m))


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_closed_expanders_build_no_controls_until_opened(scenario_set: ScenarioSet) -> None:
    m = matrix_of(scenario_set)
    at = open_page(scenario_set)
    assert list(expanded(at).values()) == [False, False]
    assert controls(at) == [] and not at.slider
    toggled(at, FIXES)
    assert not at.exception
    assert sorted(controls(at)) == sorted(f"whatif.fix.{i}" for i in range(len(m.descriptors)))
    toggled(toggled(at, FIXES, False), JUDGMENTS)
    assert not at.exception
    cells = len(m.descriptors[0].variants) * len(m.descriptors[1].variants)
    assert len([k for k in controls(at) if k.startswith("whatif.cell.")]) == cells
    assert not [k for k in controls(at) if k.startswith("whatif.fix.")]


LINKED: dict[str, Callable[[CrossImpactMatrix], tuple[dict, dict]]] = {
    "fixed": lambda m: ({m.descriptors[1].name: m.descriptors[1].variants[-1]}, {}),
    "judged": lambda m: ({}, {first_cell(m): changed_value(m)}),
}


@pytest.mark.parametrize("case", list(LINKED))
@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_link_opens_the_expander_of_the_choices_it_carries(
    scenario_set: ScenarioSet, case: str
) -> None:
    m = matrix_of(scenario_set)
    fixed, judgments = LINKED[case](m)
    at = open_page(scenario_set, fixed, judgments)
    assert not at.exception and not at.warning
    assert list(expanded(at).values()) == [bool(fixed), bool(judgments)]
    assert bool(at.slider) == bool(judgments)
    assert any(k.startswith("whatif.fix.") for k in controls(at)) == bool(fixed)
    assert at.session_state["test.returned"] == (fixed, judgments)
    expected = consistent_scenarios(with_judgments(m, judgments), fixed=fixed)
    assert listed(at) == len(expected)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_choices_hold_while_their_expander_is_closed(scenario_set: ScenarioSet) -> None:
    """Made in the page, then closed away: they still shape the analysis and the link, and
    come back in the controls when the expander opens again."""
    m = matrix_of(scenario_set)
    descriptor, cell, value = m.descriptors[0], first_cell(m), changed_value(m)
    fixed, judgments = {descriptor.name: descriptor.variants[-1]}, {cell: value}
    at = toggled(toggled(open_page(scenario_set), FIXES), JUDGMENTS)
    at.selectbox(key="whatif.fix.0").set_value(descriptor.variants[-1]).run()
    at.slider(key=FIRST_SLIDER).set_value(value).run()
    toggled(toggled(at, FIXES, False), JUDGMENTS, False)
    assert not at.exception
    assert controls(at) == []
    assert at.session_state["test.returned"] == (fixed, judgments)
    assert listed(at) == len(consistent_scenarios(with_judgments(m, judgments), fixed=fixed))
    at.selectbox(key="whatif.balance").set_value(at.selectbox(key="whatif.balance").options[-1])
    at.run()
    assert at.session_state["test.returned"] == (fixed, judgments)
    toggled(toggled(at, FIXES), JUDGMENTS)
    assert at.selectbox(key="whatif.fix.0").value == descriptor.variants[-1]
    assert at.slider(key=FIRST_SLIDER).value == value


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_link_changed_from_outside_applies_its_choices_as_back_and_forward_do(
    scenario_set: ScenarioSet,
) -> None:
    """Forward to a link with choices while the expanders are closed, then Back to none."""
    m = matrix_of(scenario_set)
    second = m.descriptors[1]
    fixed, judgments = {second.name: second.variants[-1]}, {first_cell(m): changed_value(m)}
    at = open_page(scenario_set)
    at.session_state["test.url"] = (fixed, judgments)
    at.run()
    assert not at.exception and not at.warning
    assert list(expanded(at).values()) == [True, True]
    assert at.selectbox(key="whatif.fix.1").value == second.variants[-1]
    assert at.slider(key=FIRST_SLIDER).value == changed_value(m)
    assert at.session_state["test.returned"] == (fixed, judgments)
    at.session_state["test.url"] = ({}, {})
    at.run()
    assert at.session_state["test.returned"] == ({}, {})
    assert at.selectbox(key="whatif.fix.1").value == FREE
    assert at.slider(key=FIRST_SLIDER).value == m.judgment(first_cell(m))
    assert listed(at) == len(consistent_scenarios(m))


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_choices_made_on_one_set_are_not_carried_to_another(
    scenario_set: ScenarioSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the app: a descriptor fixed and a judgment changed, then another set chosen in the
    sidebar (which starts the view's choices afresh) and its What-if opened."""
    m = matrix_of(scenario_set)
    others = [s for s in WITH_MATRIX if matrix_of(s).digest != m.digest]
    other = others[(WITH_MATRIX.index(scenario_set)) % len(others)]
    root = tmp_path / "two"
    root.mkdir()
    for shown in (scenario_set, other):
        (root / shown.id).symlink_to(SET_FOLDERS[shown.id], target_is_directory=True)
    monkeypatch.setenv(ROOT_VARIABLE, str(root))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["set"], at.query_params["view"] = scenario_set.id, "whatif"
    at = toggled(toggled(at.run(), FIXES), JUDGMENTS)
    at.selectbox(key="whatif.fix.0").set_value(m.descriptors[0].variants[-1]).run()
    at.slider(key=FIRST_SLIDER).set_value(changed_value(m)).run()
    assert {"fix", "judge"} <= set(at.query_params)
    at.selectbox(key="sidebar.set").set_value(other.id).run()
    at.radio(key="sidebar.view").set_value("whatif").run()
    assert not at.exception and not at.warning
    assert not {"fix", "judge"} & set(at.query_params)
    at.session_state[data_key("whatif.tableau")] = True  # the tableau's table, read by listed()
    assert listed(at.run()) == len(consistent_scenarios(matrix_of(other)))


Choices = Callable[[CrossImpactMatrix], tuple[dict, dict, str]]
NOT_FITTING: dict[str, Choices] = {
    "descriptor": lambda m: ({"Nope": "x"}, {}, "'Nope' is not a descriptor of this matrix"),
    "variant": lambda m: (
        {m.descriptors[-1].name: "Plenty"},
        {},
        f"'Plenty' is not a variant of '{m.descriptors[-1].name}'",
    ),
    "range": lambda m: ({}, {first_cell(m): m.scale + 1}, f"{m.scale + 1} is not a judgment"),
    "judgment-name": lambda m: (
        {},
        {(m.descriptors[0].name, "Maybe", *first_cell(m)[2:]): 1},
        "'Maybe' is not a variant",
    ),
}


@pytest.mark.parametrize("case", list(NOT_FITTING))
@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_choices_that_do_not_fit_are_ignored_with_a_notice(
    scenario_set: ScenarioSet, case: str
) -> None:
    fixed, judgments, notice = NOT_FITTING[case](matrix_of(scenario_set))
    at = open_page(scenario_set, fixed, judgments)
    assert not at.exception
    assert [notice in w.value for w in at.warning] == [True]
    assert at.session_state["test.returned"] == ({}, {})


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_the_matrix_can_be_downloaded_for_scenariowizard(scenario_set: ScenarioSet) -> None:
    at = open_page(scenario_set)
    (button,) = at.get("download_button")
    assert "ScenarioWizard" in button.proto.label


def test_the_tiny_matrix_finds_its_three_consistent_scenarios() -> None:
    """The fixture's own matrix, worked by hand: the vote is not acted on, so both of its
    variants stand; a deployed force and flowing aid hold each other up; no force and blocked
    aid do too; and a delayed force leaves aid undecided, so blocked aid stands beside it."""
    (tiny,) = [s for s in WITH_MATRIX if s.id == "tiny-set"]
    at = open_page(tiny)
    assert not at.exception
    columns = list(zip(*tableau_of(at)["text"], strict=True))
    assert sorted(columns) == [
        ("Adopted", "Delayed", "Blocked"),
        ("Adopted", "Deployed", "Flows"),
        ("Rejected", "No force", "Blocked"),
    ]


def widened(scenario_set: ScenarioSet, factor: int) -> ScenarioSet:
    """The set with every judgment and the scale multiplied by ``factor``: the same consistent
    scenarios on a wider scale (a new content hash, so nothing cached is shared)."""
    cib = cib_of(scenario_set)
    sections = tuple(
        section.model_copy(
            update={
                "impacts": {
                    a: {b: value * factor for b, value in row.items()}
                    for a, row in section.impacts.items()
                }
            }
        )
        for section in cib.sections
    )
    wide = cib.model_copy(update={"scale": cib.scale * factor, "sections": sections})
    return scenario_set.model_copy(
        update={"cib": wide, "content_hash": f"{scenario_set.content_hash}-x{factor}"}
    )


@pytest.mark.parametrize("factor", [1, 4])
@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_the_sliders_follow_the_matrixs_scale(scenario_set: ScenarioSet, factor: int) -> None:
    wide = widened(scenario_set, factor)
    m = matrix_of(wide)
    assert m.scale == cib_of(scenario_set).scale * factor
    at = toggled(open_page(wide), JUDGMENTS)
    assert not at.exception and not at.error and not at.warning
    slider = at.slider(key=FIRST_SLIDER)
    assert (slider.proto.min, slider.proto.max) == (-m.scale, m.scale)
    assert slider.value == m.judgment(first_cell(m))
    assert listed(at) == len(consistent_scenarios(matrix_of(scenario_set)))
    slider.set_value(m.scale).run()
    assert not at.exception
    changed = {} if m.judgment(first_cell(m)) == m.scale else {first_cell(m): m.scale}
    assert at.session_state["test.returned"] == ({}, changed)


@pytest.mark.parametrize("scenario_set", WITH_MATRIX, ids=set_id)
def test_a_link_may_judge_up_to_the_wider_scale(scenario_set: ScenarioSet) -> None:
    wide = widened(scenario_set, 5)
    m = matrix_of(wide)
    at = open_page(wide, judgments={first_cell(m): -m.scale})
    assert not at.exception and not at.warning
    assert at.slider(key=FIRST_SLIDER).value == -m.scale
    assert at.session_state["test.returned"] == ({}, {first_cell(m): -m.scale})


def test_a_search_cut_short_says_how_many_it_shows_of_how_many() -> None:
    """The issue's hostile upload: 18 descriptors of two variants, every judgment 0, so every
    one of the 2^18 scenarios is consistent. The view keeps the first ones and says so."""
    files = read_folder(SET_FOLDERS["tiny-set"])
    assert isinstance(files, dict)
    upload = load_upload(scw_file([2] * 18).encode(), "flat.scw", ("tiny-set", files))
    assert upload.set is not None
    at = open_page(upload.set)
    assert not at.exception and not at.error
    (warning,) = at.warning
    assert f"Showing the first {MAX_SOLUTIONS} of {2**18} consistent scenarios" in warning.value
    assert listed(at) == MAX_SOLUTIONS
    assert len(tableau_of(at)["x"]) == PAGE
