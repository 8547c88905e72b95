"""One validator run reports every problem: format problems and reference problems together,
with no knock-on errors; a stance's duplicate is the same actor, issue and date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from explorer.content import load_set

Edit = Callable[[str, str, str], Path]


def problems_of(folder: Path) -> list[str]:
    result = load_set(folder, shown_as="sets/tiny-set")
    assert result.set is None, "expected problems, the set loaded"
    return [str(p) for p in result.problems]


def test_format_and_reference_problems_in_different_files_show_in_one_run(edit: Edit) -> None:
    edit("issues.yaml", "    low: No force\n", "")
    folder = edit("drafts.yaml", "sponsor: north", "sponsor: westland")
    assert problems_of(folder) == [
        "sets/tiny-set/issues.yaml:2: issues[0].low: required field is missing",
        "sets/tiny-set/drafts.yaml:4: drafts[0].sponsor: 'westland' is not a known actor id",
    ]


def test_a_reference_into_a_file_that_failed_is_not_reported_unknown(edit: Edit) -> None:
    folder = edit("actors.yaml", "name: Northland", "name: ''")
    assert problems_of(folder) == ["sets/tiny-set/actors.yaml:3: actors[0].name: must not be empty"]


def test_references_inside_a_file_that_failed_are_not_checked_twice(edit: Edit) -> None:
    edit("positions.yaml", "value: 2", "value: 5")
    folder = edit("drafts.yaml", "sponsor: north", "sponsor: westland")
    assert problems_of(folder) == [
        "sets/tiny-set/positions.yaml:4: stances[0].value: 5 is not a position: "
        "use a whole number from -2 to 2, or unknown",
        "sets/tiny-set/drafts.yaml:4: drafts[0].sponsor: 'westland' is not a known actor id",
    ]


def test_a_scenario_that_failed_hides_no_other_problem(edit: Edit) -> None:
    edit("scenarios/rejected.yaml", "status: counterfactual", "status: maybe")
    folder = edit("positions.yaml", "issue: force-now", "issue: peace")
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/rejected.yaml:4: status: 'maybe' is not one of realized, "
        "counterfactual, open (fixed by the app)",
        "sets/tiny-set/positions.yaml:3: stances[0].issue: 'peace' is not a known issue id",
    ]


def test_one_bad_point_of_two_does_not_also_say_the_list_is_short(edit: Edit) -> None:
    folder = edit(
        "scenarios/adopted.yaml",
        "{date: 2025-12-31, value: 150, low: 100, high: 200}",
        "{date: 2025-12-31, value: 150, low: 100}",
    )
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/adopted.yaml:29: trajectories[0].points[0].high: "
        "required field is missing"
    ]


def test_a_list_that_is_short_on_its_own_still_says_so(edit: Edit) -> None:
    folder = edit(
        "scenarios/adopted.yaml",
        "      - {date: 2026-12-31, value: 400, low: 200, high: 600}\n",
        "",
    )
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/adopted.yaml:28: trajectories[0].points: needs at least 2 item(s)"
    ]


def test_a_fixed_list_says_it_is_the_apps(edit: Edit) -> None:
    folder = edit("scenarios/adopted.yaml", "certainty: observed", "certainty: rumoured")
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/adopted.yaml:15: events[0].certainty: 'rumoured' is not one of "
        "observed, scheduled, projected (fixed by the app)"
    ]


def test_an_actor_may_hold_dated_stances_on_one_issue(tiny_set: Path, edit: Edit) -> None:
    edit(
        "positions.yaml",
        "  - actor: south\n",
        "  - actor: north\n    issue: force-now\n    value: -1\n    sources: [un-record]\n"
        "    as_of: 2025-09\n  - actor: south\n",
    )
    loaded = load_set(tiny_set).set
    assert loaded is not None
    assert [s.as_of.isoformat() for s in loaded.stances if s.actor == "north"] == [
        "2025-11-17",
        "2025-09-01",
    ]


def test_the_same_actor_issue_and_date_twice_names_both_places(edit: Edit) -> None:
    folder = edit(
        "positions.yaml",
        "  - actor: south\n",
        "  - actor: north\n    issue: force-now\n    value: -1\n    sources: [un-record]\n"
        "    as_of: 2025-11-17\n  - actor: south\n",
    )
    assert problems_of(folder) == [
        "sets/tiny-set/positions.yaml:9: stances[1]: duplicate stance for actor/issue "
        "'north/force-now as of 2025-11-17' (first at sets/tiny-set/positions.yaml:2)"
    ]


def test_an_indicator_may_leave_out_whether_higher_is_better(tiny_set: Path, edit: Edit) -> None:
    loaded = load_set(edit("indicators.yaml", "    higher_is_better: true\n", "")).set
    assert loaded is not None and loaded.indicators[0].higher_is_better is None
    loaded = load_set(edit("indicators.yaml", "unit:", "higher_is_better: false\n    unit:")).set
    assert loaded is not None and loaded.indicators[0].higher_is_better is False
