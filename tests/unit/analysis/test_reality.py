"""The reality check: signposts marked by what was observed (the newest evidence decides), a
short score, the as-of date, how a scenario stands to what happened, and how far observed
values sit from each projection."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.analysis.compare import ObservedPoint, observed_points
from explorer.analysis.reality import (
    Divergence,
    as_of,
    as_of_sentence,
    check_signposts,
    divergence_summary,
    divergences,
    framing,
    score,
)
from explorer.content import (
    BranchPoint,
    Indicator,
    Observation,
    ScenarioSet,
    Trajectory,
    TrajectoryPoint,
)


def observation(
    day: int, supports: tuple[str, ...] = (), contradicts: tuple[str, ...] = ()
) -> Observation:
    return Observation(
        id=f"obs-{day}",
        date=dt.date(2026, 1, day),
        title=f"Seen on day {day}",
        supports=supports,
        contradicts=contradicts,
        sources=("wire-report",),
    )


def with_observations(tiny: ScenarioSet, *observations: Observation) -> ScenarioSet:
    return tiny.model_copy(update={"observations": (*tiny.observations, *observations)})


def test_a_signpost_an_observation_supports_is_supported_with_its_evidence(
    tiny: ScenarioSet,
) -> None:
    (check,) = check_signposts(tiny, tiny.scenario("adopted"))
    assert check.signpost.id == "force-arrives"
    assert check.status == "supported"
    assert [(e.observation.id, e.supports) for e in check.evidence] == [("trucks-counted", True)]


def test_a_signpost_no_observation_mentions_is_not_yet_observed(tiny: ScenarioSet) -> None:
    (check,) = check_signposts(tiny, tiny.scenario("rejected"))
    assert check.status == "not yet observed"
    assert check.evidence == ()


def test_the_newest_evidence_decides_and_all_evidence_is_kept_oldest_first(
    tiny: ScenarioSet,
) -> None:
    later = with_observations(tiny, observation(20, contradicts=("force-arrives",)))
    (check,) = check_signposts(later, later.scenario("adopted"))
    assert check.status == "contradicted"
    assert [e.observation.id for e in check.evidence] == ["trucks-counted", "obs-20"]
    again = with_observations(later, observation(25, supports=("force-arrives",)))
    (check,) = check_signposts(again, again.scenario("adopted"))
    assert check.status == "supported"


def test_on_the_same_day_a_contradiction_outweighs_support(tiny: ScenarioSet) -> None:
    same_day = with_observations(
        tiny,
        observation(20, supports=("force-arrives",)),
        observation(20, contradicts=("force-arrives",)).model_copy(update={"id": "obs-20b"}),
    )
    (check,) = check_signposts(same_day, same_day.scenario("adopted"))
    assert check.status == "contradicted"


def test_the_score_counts_observed_and_contradicted_signposts(tiny: ScenarioSet) -> None:
    adopted = tiny.scenario("adopted")
    assert score(check_signposts(tiny, adopted)) == "1 of 1 signpost observed, 0 contradicted"
    rejected = tiny.scenario("rejected")
    assert score(check_signposts(tiny, rejected)) == "0 of 1 signpost observed, 0 contradicted"
    more = rejected.model_copy(
        update={"signposts": (*rejected.signposts, *adopted.signposts, *adopted.signposts)}
    )
    contradicted = with_observations(tiny, observation(20, contradicts=("talks-collapse",)))
    assert score(check_signposts(contradicted, more)) == "2 of 3 signposts observed, 1 contradicted"
    assert score([]) == "No signposts stated."


def test_as_of_is_the_date_of_the_newest_observation_stated_plainly(tiny: ScenarioSet) -> None:
    assert as_of(tiny) == dt.date(2025, 12, 7)
    assert as_of_sentence(tiny) == "As of 7 December 2025, the date of the newest observation."
    empty = tiny.model_copy(update={"observations": ()})
    assert as_of(empty) is None
    assert as_of_sentence(empty) == "Nothing has been observed since the decision yet."


def test_the_realized_scenario_says_it_happened(tiny: ScenarioSet) -> None:
    frame = framing(tiny, tiny.scenario("adopted"))
    assert frame.heading == "Realized: this is what happened."
    assert frame.text == "The council adopts the draft."


def test_a_counterfactual_says_what_would_have_had_to_differ(tiny: ScenarioSet) -> None:
    frame = framing(tiny, tiny.scenario("rejected"))
    assert frame.heading == "Counterfactual. What would have had to differ:"
    assert frame.text == "Counterfactual. The council rejects the draft."


def test_a_counterfactual_branch_names_its_branch_point(tiny: ScenarioSet) -> None:
    branch = tiny.scenario("rejected").model_copy(
        update={
            "parent": "adopted",
            "branch_point": BranchPoint(date=dt.date(2026, 3, 1), description="A veto is cast."),
        }
    )
    frame = framing(tiny, branch)
    assert frame.text == "1 March 2026: A veto is cast."


def test_an_open_branch_says_where_it_leaves_its_parent(tiny: ScenarioSet) -> None:
    branch = tiny.scenario("rejected").model_copy(
        update={
            "status": "open",
            "parent": "adopted",
            "branch_point": BranchPoint(date=dt.date(2026, 3, 1), description="Talks stall."),
        }
    )
    frame = framing(tiny, branch)
    assert frame.heading == "Open: may still unfold. It branches from Adopted on 1 March 2026:"
    assert frame.text == "Talks stall."


def point(day: dt.date, value: float) -> ObservedPoint:
    return ObservedPoint("aid-trucks", day, value, None, "Trucks counted")


def test_observed_values_are_set_against_the_projection_at_their_date(tiny: ScenarioSet) -> None:
    (path,) = tiny.scenario("adopted").trajectories
    found = divergences(
        path,
        [
            point(dt.date(2025, 12, 31), 150),
            point(dt.date(2026, 7, 2), 100),
            point(dt.date(2026, 12, 31), 700),
        ],
    )
    assert [d.position for d in found] == ["within", "below", "above"]
    middle = found[1]
    share = 183 / 365
    assert middle.projected == pytest.approx(150 + 250 * share)
    assert (middle.low, middle.high) == (
        pytest.approx(100 + 100 * share),
        pytest.approx(200 + 400 * share),
    )


def test_observed_values_outside_the_projected_period_or_of_other_indicators_are_left_out(
    tiny: ScenarioSet,
) -> None:
    (path,) = tiny.scenario("adopted").trajectories
    assert divergences(path, observed_points(tiny)) == []  # 7 Dec 2025, before the first point
    other = ObservedPoint("other", dt.date(2026, 6, 1), 1, None, "x")
    assert divergences(path, [other, point(dt.date(2027, 1, 1), 5)]) == []


def test_the_divergence_summary_states_the_latest_value_against_its_range(
    tiny: ScenarioSet,
) -> None:
    (indicator,) = tiny.indicators
    found = [
        Divergence(dt.date(2026, 1, 1), 90, 160, 100.04, 210),
        Divergence(dt.date(2026, 3, 1), 700, 300, 150, 400.06),
    ]
    assert divergence_summary(indicator, "Adopted", found) == (
        "Aid trucks per day, Adopted: the latest observed value, 700 trucks/day on 1 March "
        "2026, is above the projected range (150 to 400); 2 of 2 observed values fall outside it."
    )
    assert divergence_summary(indicator, "Adopted", []) == (
        "Aid trucks per day, Adopted: no observed value within the projected period."
    )


def test_a_divergence_reads_as_precise_as_its_content_never_rounded_into_its_range() -> None:
    """An observed 1.55 below a range starting at 1.58 must not read '1.6 is below 1.6'."""
    path = Trajectory(
        indicator="growth",
        points=(
            TrajectoryPoint(date=dt.date(2026, 1, 1), value=2.0, low=1.58, high=2.8),
            TrajectoryPoint(date=dt.date(2026, 12, 31), value=2.0, low=1.58, high=2.8),
        ),
        basis="A stated projection.",
    )
    observed = [ObservedPoint("growth", dt.date(2026, 6, 1), 1.55, None, "obs")]
    (found,) = divergences(path, observed)
    indicator = Indicator(id="growth", label="Growth", unit="%", description="Growth.")
    text = divergence_summary(indicator, "A", [found])
    assert "1.55 % on 1 June 2026, is below the projected range (1.58 to 2.80)" in text
