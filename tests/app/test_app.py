"""The dashboard as a user meets it: every view, the sidebar, and the URL as the state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import ROOT_VARIABLE, load_catalog
from explorer.views import VIEWS
from tests.app.conftest import figures_of

OpenApp = Callable[..., AppTest]
GAZA = load_catalog().sets.get("gaza-unsc-2025")
SCENARIOS = [s.id for s in GAZA.scenarios] if GAZA else []
CHARTS_PER_VIEW = {
    "overview": 1,
    "timeline": 1,
    "stakeholders": 2,
    "outcomes": len(GAZA.indicators) if GAZA else 0,
    "drafts": 0,
    "sources": 0,
    "council": 3,
    "whatif": 2,
    "reality": len(GAZA.indicators) if GAZA else 0,
}


def test_the_first_screen_is_the_default_pair_compared_on_the_overview(open_app: OpenApp) -> None:
    at = open_app()
    assert not at.exception
    assert not at.error and not at.warning
    assert at.selectbox(key="sidebar.a").value == "us-draft-adopted"
    assert at.selectbox(key="sidebar.b").value == "russian-draft-prevails"
    assert at.radio(key="sidebar.view").value == "overview"
    (tree,) = figures_of(at)
    assert any(trace.get("name") == "realized" for trace in tree["data"])
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("a", SCENARIOS)
@pytest.mark.parametrize("b", ["none", "compared"])
def test_every_view_renders_for_every_scenario_single_and_compared(
    open_app: OpenApp, view: str, a: str, b: str
) -> None:
    other = next(s for s in SCENARIOS if s != a) if b == "compared" else "none"
    at = open_app(view=view, a=a, b=other)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    charts = figures_of(at)
    assert len(charts) == CHARTS_PER_VIEW[view]
    for figure in charts:
        assert any(trace.get("x") or trace.get("z") for trace in figure["data"]), "empty chart"


def test_url_parameters_choose_the_widgets(open_app: OpenApp) -> None:
    at = open_app(
        a="council-deadlock",
        b="us-draft-adopted",
        view="stakeholders",
        groups="p5~parties",
        tracks="security",
        issues="statehood~un-role",
        actor="chn",
    )
    assert not at.exception and not at.warning
    assert at.selectbox(key="sidebar.a").value == "council-deadlock"
    assert at.selectbox(key="sidebar.b").value == "us-draft-adopted"
    assert at.radio(key="sidebar.view").value == "stakeholders"
    assert at.multiselect(key="sidebar.groups").value == ["p5", "parties"]
    assert at.multiselect(key="sidebar.tracks").value == ["security"]
    assert at.multiselect(key="sidebar.issues").value == ["statehood", "un-role"]
    assert at.selectbox(key="sidebar.actor").value == "chn"
    heatmap = figures_of(at)[0]
    assert len(heatmap["data"][1]["x"]) == 2
    assert len(heatmap["data"][1]["y"]) == 5 + 3


def test_bad_parameters_give_one_notice_and_the_defaults(open_app: OpenApp) -> None:
    at = open_app(a="nope", b="<b>x</b>", view="../../etc/passwd", set="$x$")
    assert not at.exception
    (notice,) = at.warning
    assert "Ignored set" in notice.value and "Ignored view" in notice.value
    assert at.selectbox(key="sidebar.a").value == "us-draft-adopted"
    assert at.radio(key="sidebar.view").value == "overview"
    assert dict(at.query_params) == {}


def test_changing_a_widget_writes_the_url_that_reopens_it(open_app: OpenApp) -> None:
    at = open_app()
    at.radio(key="sidebar.view").set_value("timeline").run()
    at.selectbox(key="sidebar.a").set_value("implementation-stalls").run()
    at.multiselect(key="sidebar.tracks").set_value(["security", "humanitarian"]).run()
    params = {k: at.query_params[k] for k in at.query_params}
    assert params["view"] == "timeline" and params["a"] == "implementation-stalls"
    assert params["tracks"] == "security~humanitarian"
    again = open_app(**params)
    assert not again.warning
    assert again.radio(key="sidebar.view").value == "timeline"
    assert again.selectbox(key="sidebar.a").value == "implementation-stalls"
    assert again.multiselect(key="sidebar.tracks").value == ["security", "humanitarian"]
    assert {k: again.query_params[k] for k in again.query_params} == params


def test_choosing_b_equal_to_a_is_impossible(open_app: OpenApp) -> None:
    at = open_app()
    at.selectbox(key="sidebar.a").set_value("russian-draft-prevails").run()
    assert at.selectbox(key="sidebar.b").value != "russian-draft-prevails"
    assert "russian-draft-prevails" not in at.selectbox(key="sidebar.b").options


def test_a_broken_set_is_listed_in_problems_and_the_rest_still_works(
    open_app: OpenApp, tiny_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tiny_set.parent / "a-broken-set"
    broken.mkdir()
    (broken / "set.yaml").write_text("title: [unclosed\n")
    monkeypatch.setenv(ROOT_VARIABLE, str(tiny_set.parent))
    at = open_app()
    assert not at.exception
    assert at.selectbox(key="sidebar.set").value == "tiny-set"
    (error,) = at.error
    assert "a-broken-set" in error.value
    assert "sets/a-broken-set/set.yaml:2: not valid YAML" in at.code[0].value


def test_an_uploaded_set_opens_in_this_session_only(open_app: OpenApp) -> None:
    from explorer.uploads.template import TEMPLATE_FILE_NAME, template_zip

    at = open_app()
    upload = at.file_uploader(key="upload.file")
    upload.set_value((TEMPLATE_FILE_NAME, template_zip(), "application/zip")).run()
    assert not at.exception
    chosen = at.selectbox(key="sidebar.set").value
    assert chosen != "gaza-unsc-2025"
    assert "My scenario set" in at.selectbox(key="sidebar.set").options
    at.radio(key="sidebar.view").set_value("timeline").run()
    assert not at.exception and not at.error
    assert at.query_params["set"] == chosen
    other = open_app(set=chosen)
    (notice,) = other.warning
    assert "no such scenario set" in notice.value
    assert other.selectbox(key="sidebar.set").value == "gaza-unsc-2025"


def test_a_link_with_hundreds_of_unknown_parameters_gives_one_short_notice(
    open_app: OpenApp,
) -> None:
    at = open_app(**{f"junk{i}": "x" for i in range(300)})
    assert not at.exception
    (notice,) = at.warning
    assert notice.value.count("\n- ") == 11
    assert "and 290 more" in notice.value


def test_a_council_what_if_in_the_link_changes_the_outcome(open_app: OpenApp) -> None:
    at = open_app(view="council", votes="usa:no")
    assert not at.exception and not at.warning
    text = " ".join(m.value for m in at.markdown)
    assert "vetoed by United States" in text
    assert "Council deadlock" in text
    assert at.query_params["votes"] == "usa:no"
