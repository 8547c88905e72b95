"""The Council and Reality check views at the Streamlit seam: the recorded vote, the simulator
and its what-if (given as overrides, as a shared link does, or changed in the page), and each
scenario's signposts and projections against what happened. Caches are cleared between tests
by the autouse fixture in tests/app/conftest.py."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from explorer.content.catalog import load_catalog
from explorer.content.model import ScenarioSet
from tests.app.conftest import figures_of

GAZA = load_catalog()["gaza-unsc-2025"]


# AppTest runs these functions' source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def council_page(scenario_set: "ScenarioSet", overrides: dict[str, str]) -> None:  # noqa: UP037
    import streamlit as st

    from components import council

    st.session_state["test.returned"] = council.render(scenario_set, overrides)


def echoing_council_page(scenario_set: "ScenarioSet") -> None:  # noqa: UP037
    """As the app does: the what-if is kept in the URL and passed back on the next run."""
    import streamlit as st

    from components import council

    st.session_state["test.url"] = council.render(scenario_set, st.session_state["test.url"])


def reality_page(scenario_set: "ScenarioSet", scenario_ids: list[str]) -> None:  # noqa: UP037
    from components import reality

    reality.render(scenario_set, scenario_ids)


def open_council(scenario_set: ScenarioSet, overrides: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_function(
        council_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "overrides": overrides or {}},
    )
    return at.run()


def open_reality(scenario_set: ScenarioSet, scenario_ids: list[str]) -> AppTest:
    at = AppTest.from_function(
        reality_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "scenario_ids": scenario_ids},
    )
    return at.run()


def text(at: AppTest) -> str:
    """Everything written as Markdown or caption, with the content escaping taken out."""
    values = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return re.sub(r"\\(.)", r"\1", "\n".join(values))


def figure(at: AppTest, title: str) -> dict:
    return next(f for f in figures_of(at) if f["layout"]["title"]["text"] == title)


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


def test_the_council_view_shows_the_recorded_vote_the_simulator_and_the_record() -> None:
    at = open_council(GAZA)
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    assert len(figures_of(at)) == 3
    recorded = figure(at, "S/2025/748: recorded vote of 17 November 2025")
    assert len(trace(recorded, "In favour (13)")["x"]) == 13
    assert trace(recorded, "Abstaining (2)")["text"] == [
        "<b>China</b>",
        "<b>Russian Federation</b>",
    ]
    page = text(at)
    assert "Outcome: adopted: 13 in favour, 0 against, 2 abstentions." in page
    assert "Leads to the scenario **US draft adopted**." in page
    assert len(at.segmented_control) == 15
    assert at.segmented_control(key="council.vote.usa").value == "yes"
    assert at.segmented_control(key="council.vote.chn").value == "abstain"
    assert at.session_state["test.returned"] == {}


def test_the_record_of_past_votes_is_drawn_with_the_decision_marked() -> None:
    at = open_council(GAZA)
    record = figure(at, "The Council's recorded votes on the question")
    points = sum(len(t["x"]) for t in record["data"])
    assert points == 19
    assert len(trace(record, "Vetoed (drafts)")["x"]) == 9
    assert {a["text"] for a in record["layout"]["annotations"]} >= {"the decision"}
    assert "19 recorded votes from 16 October 2023 to 17 November 2025" in text(at)


def test_a_what_if_given_as_overrides_changes_the_outcome_and_what_follows() -> None:
    at = open_council(GAZA, {"usa": "no"})
    assert not at.exception, at.exception
    assert at.segmented_control(key="council.vote.usa").value == "no"
    page = text(at)
    assert "Outcome: not adopted: vetoed by United States." in page
    assert "Changed from the record: United States yes → no." in page
    assert "Leads to the scenario **Council deadlock (counterfactual)**." in page
    what_if = figure(at, "What-if vote")
    assert trace(what_if, "Against (1)")["text"] == ["<b>United States</b> (changed)"]
    assert at.session_state["test.returned"] == {"usa": "no"}


def test_changing_votes_in_the_page_updates_the_outcome_and_the_returned_what_if() -> None:
    at = open_council(GAZA)
    at.segmented_control(key="council.vote.rus").set_value("no").run()
    assert "Outcome: not adopted: vetoed by Russian Federation." in text(at)
    assert at.session_state["test.returned"] == {"rus": "no"}
    for member in ("dza", "dnk", "grc", "guy", "pak"):
        at.segmented_control(key=f"council.vote.{member}").set_value("abstain")
    at.segmented_control(key="council.vote.rus").set_value("abstain").run()
    page = text(at)
    assert "Outcome: not adopted: 8 affirmative votes, 9 required." in page
    assert "Leads to the scenario **Council deadlock (counterfactual)**" in page
    assert at.session_state["test.returned"] == dict.fromkeys(
        ["dza", "dnk", "grc", "guy", "pak"], "abstain"
    )


def test_votes_changed_one_after_another_persist_when_the_what_if_is_echoed_back() -> None:
    at = AppTest.from_function(
        echoing_council_page, default_timeout=60, kwargs={"scenario_set": GAZA}
    )
    at.session_state["test.url"] = {}
    at.run()
    at.segmented_control(key="council.vote.usa").set_value("no").run()
    at.segmented_control(key="council.vote.fra").set_value("absent").run()
    assert at.session_state["test.url"] == {"usa": "no", "fra": "absent"}
    assert "Outcome: not adopted: vetoed by United States." in text(at)


def test_a_new_link_in_the_same_session_replaces_the_what_if() -> None:
    at = AppTest.from_function(
        echoing_council_page, default_timeout=60, kwargs={"scenario_set": GAZA}
    )
    at.session_state["test.url"] = {"usa": "no"}
    at.run()
    at.session_state["test.url"] = {"chn": "no"}
    at.run()
    assert at.segmented_control(key="council.vote.usa").value == "yes"
    assert at.segmented_control(key="council.vote.chn").value == "no"
    assert "Outcome: not adopted: vetoed by China." in text(at)


def test_reset_returns_to_the_recorded_vote() -> None:
    at = open_council(GAZA, {"usa": "no", "fra": "absent"})
    at.button(key="council.reset").click().run()
    assert at.segmented_control(key="council.vote.usa").value == "yes"
    assert at.segmented_control(key="council.vote.fra").value == "yes"
    assert "Outcome: adopted: 13 in favour, 0 against, 2 abstentions." in text(at)
    assert at.session_state["test.returned"] == {}


def test_bad_overrides_are_ignored_with_a_notice_and_nothing_breaks() -> None:
    at = open_council(GAZA, {"zzz": "no", "fra": "<b>maybe</b>", "usa": "abstain"})
    assert not at.exception, at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2
    assert "not a member of this Council" in warnings[0]
    assert "<b>" not in warnings[1]
    assert at.session_state["test.returned"] == {"usa": "abstain"}
    assert "Outcome: adopted: 12 in favour, 0 against, 3 abstentions." in text(at)


def test_a_set_without_a_council_record_shows_the_decision_and_its_simulator(
    tiny: ScenarioSet,
) -> None:
    at = open_council(tiny)
    assert not at.exception, at.exception
    assert len(figures_of(at)) == 2
    assert "Outcome: not adopted: 2 affirmative votes, 9 required." in text(at)
    assert "Leads to the scenario **Rejected**." in text(at)


def test_a_set_without_a_recorded_vote_says_so(tiny: ScenarioSet) -> None:
    unvoted = tiny.model_copy(
        update={"drafts": tuple(d.model_copy(update={"vote": None}) for d in tiny.drafts)}
    )
    at = open_council(unvoted, {"north": "no"})
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == ["No draft of this set has a recorded vote."]
    assert figures_of(at) == []
    assert at.session_state["test.returned"] == {}


def test_the_reality_check_marks_signposts_and_states_the_as_of_date() -> None:
    at = open_reality(GAZA, ["us-draft-adopted", "council-deadlock"])
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    page = text(at)
    assert "As of 1 July 2026, the date of the newest observation." in page
    assert "3 of 9 signposts observed, 6 contradicted" in page
    assert "Realized: this is what happened." in page
    assert "Counterfactual. What would have had to differ:" in page
    assert "Contradicted**: ISF troops are confirmed deployed inside Gaza (first in Rafah)." in page
    assert "2026-07-01, contradicts: " in page


def test_the_reality_check_draws_observed_values_over_each_projection() -> None:
    at = open_reality(GAZA, ["us-draft-adopted", "council-deadlock"])
    scenarios = [s for s in GAZA.scenarios if s.id in ("us-draft-adopted", "council-deadlock")]
    used = {t.indicator for s in scenarios for t in s.trajectories}
    charts = figures_of(at)
    assert len(charts) == len(used)
    for chart in charts:
        names = [t.get("name") for t in chart["data"]]
        assert "Observed" in names
        assert "A: US draft adopted (projected)" in names
        assert "B: Council deadlock (counterfactual) (projected)" in names
    assert "is above the projected range" in text(at)


def test_the_reality_check_of_one_scenario_lists_its_evidence(tiny: ScenarioSet) -> None:
    at = open_reality(tiny, ["adopted"])
    assert not at.exception, at.exception
    page = text(at)
    assert "1 of 1 signpost observed, 0 contradicted" in page
    assert "2025-12-07, supports: Trucks counted (Example Wire)" in page
    assert len(figures_of(at)) == 1


def test_the_reality_check_without_a_scenario_says_what_to_do(tiny: ScenarioSet) -> None:
    at = open_reality(tiny, [])
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == ["Choose a scenario to check against what happened."]
