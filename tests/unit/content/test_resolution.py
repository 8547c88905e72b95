"""Content as of a date leaves nothing pending before it: a scheduled or projected event whose
date passed carries a resolution. Also the set's coverage and a source's reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_set
from tests.conftest import SETS, set_id

Edit = Callable[[str, str, str], Path]

PROJECTED = "    certainty: projected\n    basis: Planning figures in the wire report.\n"


def _past(edit: Edit) -> None:
    """Moves the tiny set's as_of after the projected force deployment (window to 2026-06-30)."""
    edit("set.yaml", "as_of: 2026-01-31", "as_of: 2026-07-31")


def test_a_past_projected_event_without_resolution_names_file_line_and_event(
    tiny_set: Path, edit: Edit
) -> None:
    _past(edit)
    result = load_set(tiny_set, shown_as="sets/tiny-set")
    assert result.set is None
    [problem] = result.problems
    assert (problem.file, problem.line) == ("sets/tiny-set/scenarios/adopted.yaml", 17)
    assert "'force-deploys' is still projected" in problem.message
    assert "before the set's as_of (2026-07-31)" in problem.message


def test_an_event_within_its_window_at_as_of_is_still_pending(tiny_set: Path, edit: Edit) -> None:
    edit("set.yaml", "as_of: 2026-01-31", "as_of: 2026-06-30")
    assert load_set(tiny_set).problems == ()


@pytest.mark.parametrize(
    ("resolution", "outcome"),
    [
        ("      outcome: not found\n      note: Not in the sources read.\n", "not found"),
        ("      outcome: did not happen\n      sources: [wire-report]\n", "did not happen"),
    ],
)
def test_a_resolved_past_event_loads_with_its_outcome(
    tiny_set: Path, edit: Edit, resolution: str, outcome: str
) -> None:
    _past(edit)
    edit("scenarios/adopted.yaml", PROJECTED, PROJECTED + "    resolution:\n" + resolution)
    result = load_set(tiny_set)
    assert result.set is not None, result.problems
    [event] = [e for e in result.set.scenario("adopted").events if e.id == "force-deploys"]
    assert event.resolution is not None and event.resolution.outcome == outcome


def test_did_not_happen_must_cite_the_source_that_says_so(tiny_set: Path, edit: Edit) -> None:
    edit(
        "scenarios/adopted.yaml",
        PROJECTED,
        PROJECTED + "    resolution:\n      outcome: did not happen\n",
    )
    [problem] = load_set(tiny_set, shown_as="sets/tiny-set").problems
    assert problem.field == "events[1].resolution"
    assert "must cite the source" in problem.message


def test_an_observed_event_is_not_resolved(tiny_set: Path, edit: Edit) -> None:
    edit(
        "scenarios/adopted.yaml",
        "    certainty: observed\n",
        "    certainty: observed\n    resolution: {outcome: not found}\n",
    )
    [problem] = load_set(tiny_set).problems
    assert "only a scheduled or projected one is resolved" in problem.message


def test_a_counterfactual_event_is_what_would_have_followed_not_pending(
    tiny_set: Path, edit: Edit
) -> None:
    _past(edit)
    edit("scenarios/adopted.yaml", "status: realized", "status: counterfactual")
    edit("scenarios/rejected.yaml", "status: counterfactual", "status: realized")
    assert load_set(tiny_set).problems == ()


def test_coverage_and_a_headline_reading_load(tiny_set: Path, edit: Edit) -> None:
    edit("set.yaml", "version:", "coverage: Sources reach to January 2026.\nversion:")
    edit("sources.yaml", "title: Wire report", "title: Wire report\n    reading: headline")
    result = load_set(tiny_set)
    assert result.set is not None, result.problems
    assert result.set.info.coverage == "Sources reach to January 2026."
    wire = next(s for s in result.set.sources if s.title == "Wire report")
    assert wire.headline_only and wire.cited_as == f"{wire.publisher} (headline only)"
    others = [s for s in result.set.sources if s is not wire]
    assert others and all(s.reading == "page" and s.cited_as == s.publisher for s in others)


def test_a_reading_off_the_list_is_a_problem(tiny_set: Path, edit: Edit) -> None:
    edit("sources.yaml", "title: Wire report", "title: Wire report\n    reading: abstract")
    [problem] = load_set(tiny_set).problems
    assert problem.field.endswith(".reading")


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_no_set_leaves_an_event_pending_before_its_as_of(scenario_set: ScenarioSet) -> None:
    as_of: dt.date = scenario_set.info.as_of
    held = [*scenario_set.history]
    held += [e for s in scenario_set.scenarios if s.status != "counterfactual" for e in s.events]
    pending = [
        e.id for e in held if e.certainty != "observed" and e.due < as_of and e.resolution is None
    ]
    assert pending == []
    for event in held:
        if event.resolution and event.resolution.outcome == "did not happen":
            assert event.resolution.sources
