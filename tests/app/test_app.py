"""The dashboard as a user meets it, for every set: every view, the sidebar, and the URL as the
state. Each test points the app at a folder holding one set (tests/app/conftest.py), so that
set is the first screen's; expected scenarios, filters and chart counts come from the set."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.analysis import actors_in, offered_groups, tracks_in_use
from explorer.cib import consistent_scenarios, from_cib_file
from explorer.content import ROOT_VARIABLE, ScenarioSet
from explorer.views import VIEWS
from explorer.voting import (
    decide,
    decided,
    decisions,
    default_decision,
    following_scenario,
    recorded_votes,
)
from tests.app.conftest import figures_of
from tests.conftest import SETS

OpenApp = Callable[..., AppTest]
OnlySet = Callable[[str], ScenarioSet]
EVERY_SET = list(SETS)
SCENARIOS = [(set_id, s.id) for set_id, s_set in SETS.items() for s in s_set.scenarios]


def charts_expected(scenario_set: ScenarioSet, view: str, shown: list[str]) -> int:
    """How many charts ``view`` draws for the scenarios ``shown``: one per thing the set holds
    (the indicators are one chart, a row each)."""
    scenarios = [s for s in scenario_set.scenarios if s.id in shown]
    projected = {t.indicator for s in scenarios for t in s.trajectories}
    voted = [d for d in scenario_set.drafts if d.vote]
    simulated = bool(decisions(scenario_set))
    cib = scenario_set.cib
    matrix = 0
    if cib is not None:
        matrix = 1 + bool(consistent_scenarios(from_cib_file(cib)) or cib.scenarios)
    return {
        "overview": 1,
        "timeline": 1,
        "stakeholders": 1 + bool(scenario_set.issues),
        "outcomes": int(bool(projected)),
        "texts": 0,
        "sources": 0,
        "vote": len(voted) + simulated + bool(scenario_set.council_record),
        "whatif": matrix,
        "reality": int(bool(projected)),
    }[view]


def other_scenario(scenario_set: ScenarioSet) -> str:
    """A scenario the first screen does not show as A: outside the default pair if there is one."""
    a, b = scenario_set.info.default_pair
    return next((s.id for s in scenario_set.scenarios if s.id not in (a, b)), b)


@pytest.mark.parametrize("set_id", EVERY_SET)
def test_the_first_screen_is_the_default_pair_compared_on_the_overview(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    at = open_app()
    assert not at.exception
    assert not at.error and not at.warning
    a, b = scenario_set.info.default_pair
    assert at.selectbox(key="sidebar.a").value == a
    assert at.selectbox(key="sidebar.b").value == b
    assert at.radio(key="sidebar.view").value == "overview"
    (tree,) = figures_of(at)
    statuses = {s.status for s in scenario_set.scenarios}
    assert statuses <= {trace.get("name") for trace in tree["data"]}
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize(("set_id", "a"), SCENARIOS, ids=[f"{s}-{a}" for s, a in SCENARIOS])
@pytest.mark.parametrize("b", ["none", "compared"])
def test_every_view_renders_for_every_scenario_single_and_compared(
    open_app: OpenApp, only_set: OnlySet, set_id: str, view: str, a: str, b: str
) -> None:
    scenario_set = only_set(set_id)
    others = [s.id for s in scenario_set.scenarios if s.id != a]
    other = others[0] if b == "compared" else "none"
    at = open_app(view=view, a=a, b=other)
    assert not at.exception, at.exception
    if not VIEWS[view].holds(scenario_set):
        (notice,) = at.warning
        assert f"this set has {VIEWS[view].needs}" in notice.value.replace("\\", "")
        assert at.radio(key="sidebar.view").value == "overview"
        return
    assert not at.error and not at.warning
    charts = figures_of(at)
    assert len(charts) == charts_expected(scenario_set, view, [a, other])
    for figure in charts:
        assert any(trace.get("x") or trace.get("z") for trace in figure["data"]), "empty chart"


@pytest.mark.parametrize("set_id", EVERY_SET)
def test_url_parameters_choose_the_widgets(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    b, a = scenario_set.info.default_pair
    present = [g.id for g in offered_groups(scenario_set)]
    groups = [present[0], present[-1]] if len(present) > 1 else present
    issues = [i.id for i in scenario_set.issues]
    issues = [issues[0], issues[-1]] if len(issues) > 2 else issues[:1]
    actors = actors_in(scenario_set, groups)
    track = tracks_in_use(scenario_set)[-1].id
    at = open_app(
        a=a,
        b=b,
        view="stakeholders",
        groups="~".join(groups),
        tracks=track,
        issues="~".join(issues),
        actor=actors[0].id,
    )
    assert not at.exception and not at.warning
    assert at.selectbox(key="sidebar.a").value == a
    assert at.selectbox(key="sidebar.b").value == b
    assert at.radio(key="sidebar.view").value == "stakeholders"
    assert at.multiselect(key="sidebar.groups").value == groups
    assert at.multiselect(key="sidebar.tracks").value == [track]
    assert at.multiselect(key="sidebar.issues").value == issues
    assert at.selectbox(key="sidebar.actor").value == actors[0].id
    heatmap = figures_of(at)[0]
    assert len(heatmap["data"][0]["x"]) == len(issues)
    assert len(heatmap["data"][0]["y"]) == len(actors)


@pytest.mark.parametrize("set_id", EVERY_SET)
def test_bad_parameters_give_one_notice_and_the_defaults(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    at = open_app(a="nope", b="<b>x</b>", view="../../etc/passwd", set="$x$")
    assert not at.exception
    (notice,) = at.warning
    assert "Ignored set" in notice.value and "Ignored view" in notice.value
    assert at.selectbox(key="sidebar.a").value == scenario_set.info.default_pair[0]
    assert at.radio(key="sidebar.view").value == "overview"
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("set_id", EVERY_SET)
def test_changing_a_widget_writes_the_url_that_reopens_it(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    a = other_scenario(scenario_set)
    tracks = [t.id for t in tracks_in_use(scenario_set)[1:3]]
    at = open_app()
    at.radio(key="sidebar.view").set_value("timeline").run()
    at.selectbox(key="sidebar.a").set_value(a).run()
    at.multiselect(key="sidebar.tracks").set_value(tracks).run()
    params = {k: at.query_params[k] for k in at.query_params}
    assert params["view"] == "timeline" and params["a"] == a
    assert params["tracks"] == "~".join(tracks)
    again = open_app(**params)
    assert not again.warning
    assert again.radio(key="sidebar.view").value == "timeline"
    assert again.selectbox(key="sidebar.a").value == a
    assert again.multiselect(key="sidebar.tracks").value == tracks
    assert {k: again.query_params[k] for k in again.query_params} == params


@pytest.mark.parametrize("set_id", EVERY_SET)
def test_choosing_b_equal_to_a_is_impossible(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    b = only_set(set_id).info.default_pair[1]
    at = open_app()
    at.selectbox(key="sidebar.a").set_value(b).run()
    assert at.selectbox(key="sidebar.b").value != b
    assert b not in at.selectbox(key="sidebar.b").options


def test_a_view_that_fails_still_leaves_the_controls_to_leave_it(
    open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view is drawn before the sidebar (its chart reaches the browser first); should it
    raise, the sidebar is drawn all the same, so another view can be picked."""
    from components import views

    def failing(scenario_set: ScenarioSet, state: object) -> object:
        raise RuntimeError("this view failed")

    monkeypatch.setattr(views, "render", failing)
    at = open_app(view="timeline")
    assert at.exception
    assert at.radio(key="sidebar.view").value == "timeline"
    assert at.selectbox(key="sidebar.a").options
    assert "Your own scenario set" in [e.label for e in at.sidebar.expander]


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


@pytest.mark.parametrize("set_id", EVERY_SET)
def test_an_uploaded_set_opens_in_this_session_only(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    from explorer.uploads.template import TEMPLATE_FILE_NAME, template_zip

    only_set(set_id)
    at = open_app()
    at.session_state["upload.open"] = True
    upload = at.run().file_uploader(key="upload.file")
    upload.set_value((TEMPLATE_FILE_NAME, template_zip(), "application/zip")).run()
    assert not at.exception
    chosen = at.selectbox(key="sidebar.set").value
    assert chosen != set_id
    assert "My scenario set" in at.selectbox(key="sidebar.set").options
    at.radio(key="sidebar.view").set_value("timeline").run()
    assert not at.exception and not at.error
    assert at.query_params["set"] == chosen
    other = open_app(set=chosen)
    (notice,) = other.warning
    assert "no such scenario set" in notice.value
    assert other.selectbox(key="sidebar.set").value == set_id


def test_a_link_with_hundreds_of_unknown_parameters_gives_one_short_notice(
    open_app: OpenApp,
) -> None:
    at = open_app(**{f"junk{i}": "x" for i in range(300)})
    assert not at.exception
    (notice,) = at.warning
    assert notice.value.count("\n- ") == 11
    assert "and 290 more" in notice.value


def _swing(scenario_set: ScenarioSet) -> str | None:
    """A member of the decision's body that voted yes and whose no changes the outcome line
    (veto holders first), if any: its no is a what-if."""
    found = decided(scenario_set)
    if found is None or found[0].vote is None:
        return None
    names = {a.id: a.name for a in scenario_set.actors}
    votes, body = recorded_votes(found[0].vote), found[1]
    before = decide(body, votes, names).reason
    members = sorted(body.members, key=lambda m: (m not in body.permanent, m))
    return next(
        (
            m
            for m in members
            if votes.get(m) == "yes" and decide(body, votes | {m: "no"}, names).reason != before
        ),
        None,
    )


SWINGS = [set_id for set_id, s in SETS.items() if _swing(s)]


@pytest.mark.parametrize("set_id", SWINGS)
def test_a_what_if_vote_in_the_link_changes_the_outcome(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    member = _swing(scenario_set)
    assert member is not None
    names = {a.id: a.name for a in scenario_set.actors}
    found = decided(scenario_set)
    assert found is not None and found[0].vote is not None
    draft, body = found
    votes = recorded_votes(found[0].vote)
    before = decide(body, votes, names).reason
    result = decide(body, votes | {member: "no"}, names)
    after = result.reason
    assert before != after
    follows = following_scenario(scenario_set, draft, result.adopted)
    at = open_app(view="vote", text=draft.id, votes=f"{member}:no")
    assert not at.exception and not at.warning
    text = re.sub(r"\\(.)", r"\1", " ".join(m.value for m in at.markdown))
    assert f"Outcome: {after}." in text
    assert f"Changed from the record: {names[member]} yes → no." in text
    assert follows is None or f"Leads to the scenario **{follows.label}**." in text
    assert at.query_params["votes"] == f"{member}:no"


CHOICES = [set_id for set_id, s in SETS.items() if len(decisions(s)) > 1]


@pytest.mark.parametrize("set_id", CHOICES)
def test_the_chosen_text_and_its_what_if_reopen_from_the_link_and_follow_back_and_forward(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    """Choosing a text other than the default puts text= in the link beside its what-if; the
    link reopens both; going back to the link without them (Back) returns to the default."""
    scenario_set = only_set(set_id)
    default = default_decision(scenario_set)
    assert default is not None
    other, body = next(p for p in decisions(scenario_set) if p[0].id != default[0].id)
    member = body.members[-1]
    at = open_app(view="vote")
    at.selectbox(key="vote.text").set_value(other.id).run()
    control = f"vote.member.{other.id}.{member}"
    start = at.segmented_control(key=control).value
    vote = "no" if start != "no" else "yes"
    at.segmented_control(key=control).set_value(vote).run()
    params = {k: at.query_params[k] for k in at.query_params}
    assert params["text"] == other.id and params["votes"] == f"{member}:{vote}"
    again = open_app(**params)
    assert not again.exception and not again.warning
    assert again.selectbox(key="vote.text").value == other.id
    assert again.segmented_control(key=control).value == vote
    assert {k: again.query_params[k] for k in again.query_params} == params
    again.query_params.clear()
    again.query_params["view"] = "vote"
    again.run()
    assert again.selectbox(key="vote.text").value == default[0].id
    assert "text" not in again.query_params and "votes" not in again.query_params
    for key, value in params.items():
        again.query_params[key] = value
    again.run()
    assert again.selectbox(key="vote.text").value == other.id
    assert again.segmented_control(key=control).value == vote
