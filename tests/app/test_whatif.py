"""The What-if view at the Streamlit seam: the tableau of every consistent scenario, the impact
balance, the authored scenarios judged by the matrix, fixed descriptors and changed judgments
(given by the caller, as a shared link does, or changed in the page), and a set without a
matrix. Caches are cleared between tests by the autouse fixture in tests/app/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.cib import consistent_scenarios, evaluate, from_cib_file, with_judgments
from explorer.content.catalog import load_catalog
from explorer.content.loader import load_set
from explorer.content.model import ScenarioSet
from tests.app.conftest import figures_of

GAZA = load_catalog()["gaza-unsc-2025"]
assert GAZA.cib is not None
MATRIX = from_cib_file(GAZA.cib)
FIRST_CELL = ("Council outcome", "US draft adopted", "ISF deployment", "Deployed at scale")


# AppTest runs these functions' source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def whatif_page(scenario_set: "ScenarioSet", fixed: dict, judgments: dict) -> None:  # noqa: UP037
    import streamlit as st

    from components import whatif

    st.session_state["test.returned"] = whatif.render(scenario_set, fixed, judgments)


def echoing_page(scenario_set: "ScenarioSet") -> None:  # noqa: UP037
    """As the app does: the choices are kept in the URL and passed back on the next run."""
    import streamlit as st

    from components import whatif

    fixed, judgments = st.session_state.get("test.url", ({}, {}))
    st.session_state["test.url"] = whatif.render(scenario_set, fixed, judgments)


def open_page(scenario_set: ScenarioSet, fixed: dict | None = None, judgments: dict | None = None):
    args = (scenario_set, fixed or {}, judgments or {})
    return AppTest.from_function(whatif_page, args=args, default_timeout=60).run()


def tables_with(at: AppTest, column: str) -> list:
    """The data frames shown that have ``column`` (AppTest does not keep their keys)."""
    return [d.value for d in at.dataframe if column in d.value.columns]


def listed(at: AppTest) -> int:
    """How many consistent scenarios the tableau's data table lists (all pages)."""
    (table,) = [t for t in tables_with(at, "Descriptor") if "Variant" not in t.columns]
    return len(table.columns) - 1


def tableau_of(at: AppTest) -> dict:
    (heatmap,) = figures_of(at)[0]["data"]
    return heatmap


def test_a_set_without_a_matrix_shows_a_plain_note(tiny_set: Path) -> None:
    tiny = load_set(tiny_set).set
    assert tiny is not None and tiny.cib is None
    at = open_page(tiny, {"A": "b"})
    assert not at.exception
    assert "no cross-impact matrix" in at.info[0].value
    assert figures_of(at) == []
    assert at.session_state["test.returned"] == ({"A": "b"}, {})


def test_the_tableau_shows_every_consistent_scenario_of_the_gaza_matrix() -> None:
    at = open_page(GAZA)
    assert not at.exception and not at.error and not at.warning
    heatmap = tableau_of(at)
    expected = consistent_scenarios(MATRIX)
    assert listed(at) == len(expected) > 12
    assert len(heatmap["x"]) == 12
    assert heatmap["y"] == [d.name for d in MATRIX.descriptors]
    assert [row[0].replace("<br>", " ") for row in heatmap["text"]] == list(expected[0].variants)
    assert any("US draft<br>adopted" in label for label in heatmap["x"])
    assert at.session_state["test.returned"] == ({}, {})


def test_the_tableau_shows_the_next_scenarios_a_page_at_a_time() -> None:
    at = open_page(GAZA)
    (page,) = at.get("button_group")
    assert page.proto.label == "Consistent scenarios shown"
    at.button_group[0].set_value(12).run()
    assert not at.exception
    heatmap = tableau_of(at)
    assert heatmap["x"][0].startswith("#13<br>")
    assert len(heatmap["x"]) == len(consistent_scenarios(MATRIX)) - 12


def test_the_authored_scenarios_are_judged_by_the_matrix() -> None:
    at = open_page(GAZA)
    (table,) = tables_with(at, "Inconsistency")
    labels = {s.id: s.label for s in GAZA.scenarios}
    assert table["Scenario"].tolist() == [labels[s.scenario] for s in GAZA.cib.scenarios]
    expected = [evaluate(MATRIX, s.variants).inconsistency for s in GAZA.cib.scenarios]
    assert table["Inconsistency"].tolist() == expected
    paths = tables_with(at, "Changes")
    assert len(paths) == len(GAZA.cib.scenarios)
    for path, s in zip(paths, GAZA.cib.scenarios, strict=True):
        assert path.iloc[0][list(s.variants)].tolist() == list(s.variants.values())


def test_the_balance_chart_explains_the_selected_scenario() -> None:
    at = open_page(GAZA)
    balance = figures_of(at)[1]
    chosen, others, best = balance["data"]
    assert (chosen["name"], others["name"], best["name"]) == (
        "chosen variant",
        "other variants",
        "highest score in its descriptor",
    )
    assert len(chosen["y"]) == len(MATRIX.descriptors)
    first = at.selectbox(key="whatif.balance").value
    assert first.endswith("(authored)")
    at.selectbox(key="whatif.balance").set_value(at.selectbox(key="whatif.balance").options[-1])
    at.run()
    assert not at.exception
    assert figures_of(at)[1]["layout"]["title"]["text"] != balance["layout"]["title"]["text"]


def test_fixing_a_descriptor_imposes_it_on_every_scenario_shown() -> None:
    at = open_page(GAZA)
    at.selectbox(key="whatif.fix.0").set_value("No resolution").run()
    assert not at.exception
    heatmap = tableau_of(at)
    fixed = {"Council outcome": "No resolution"}
    assert listed(at) == len(consistent_scenarios(MATRIX, fixed=fixed))
    assert set(heatmap["text"][0]) == {"No resolution"}
    assert heatmap["y"][0] == "Council outcome (fixed)"
    assert at.session_state["test.returned"] == (fixed, {})


def test_choices_given_by_the_caller_set_the_controls_and_come_back() -> None:
    fixed, judgments = {"ISF deployment": "No force"}, {FIRST_CELL: -3}
    at = open_page(GAZA, fixed, judgments)
    assert not at.exception and not at.warning
    assert at.selectbox(key="whatif.fix.1").value == "No force"
    assert at.slider(key="whatif.cell.0.0.1.0").value == -3
    assert at.session_state["test.returned"] == (fixed, judgments)
    expected = consistent_scenarios(with_judgments(MATRIX, judgments), fixed=fixed)
    assert listed(at) == len(expected)


def test_a_changed_judgment_is_returned_and_changes_the_analysis() -> None:
    at = open_page(GAZA)
    at.slider(key="whatif.cell.0.0.1.0").set_value(-3).run()
    assert not at.exception
    assert at.session_state["test.returned"] == ({}, {FIRST_CELL: -3})
    changed = consistent_scenarios(with_judgments(MATRIX, {FIRST_CELL: -3}))
    assert listed(at) == len(changed)
    at.slider(key="whatif.cell.0.0.1.0").set_value(MATRIX.judgment(FIRST_CELL)).run()
    assert at.session_state["test.returned"] == ({}, {})


def test_changed_judgments_survive_looking_at_another_section() -> None:
    at = AppTest.from_function(echoing_page, args=(GAZA,), default_timeout=60).run()
    at.slider(key="whatif.cell.0.0.1.0").set_value(-3).run()
    at.selectbox(key="whatif.to").set_value("Aid flow").run()
    assert not at.exception
    assert at.session_state["test.url"][1] == {FIRST_CELL: -3}
    at.selectbox(key="whatif.to").set_value("ISF deployment").run()
    assert at.slider(key="whatif.cell.0.0.1.0").value == -3


def test_the_reset_button_restores_every_judgment() -> None:
    at = open_page(GAZA, judgments={FIRST_CELL: -3})
    at.button(key="whatif.reset").click().run()
    assert not at.exception
    assert at.session_state["test.returned"] == ({}, {})
    assert at.slider(key="whatif.cell.0.0.1.0").value == MATRIX.judgment(FIRST_CELL)


@pytest.mark.parametrize(
    ("fixed", "judgments", "notice"),
    [
        ({"Nope": "x"}, {}, "'Nope' is not a descriptor of this matrix"),
        ({"Aid flow": "Plenty"}, {}, "'Plenty' is not a variant of 'Aid flow'"),
        ({}, {FIRST_CELL: 9}, "9 is not a judgment"),
        ({}, {("Council outcome", "Maybe", "Aid flow", "Partial"): 1}, "'Maybe' is not a variant"),
    ],
    ids=["descriptor", "variant", "range", "judgment-name"],
)
def test_choices_that_do_not_fit_are_ignored_with_a_notice(
    fixed: dict, judgments: dict, notice: str
) -> None:
    at = open_page(GAZA, fixed, judgments)
    assert not at.exception
    assert [notice in w.value for w in at.warning] == [True]
    assert at.session_state["test.returned"] == ({}, {})


def test_the_matrix_can_be_downloaded_for_scenariowizard() -> None:
    at = open_page(GAZA)
    (button,) = at.get("download_button")
    assert "ScenarioWizard" in button.proto.label
