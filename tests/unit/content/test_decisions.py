"""Decision bodies and texts in content: ``bodies.yaml`` loads and its mistakes are reported
with file, line and field; a set without it gets one Security Council from its seats (or no
body); texts take any number of proponents, a kind, the general statuses and a decision with
its body, vote and what follows, while the older drafts.yaml form (sponsor, a top-level vote,
``failed``) still loads unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import DEFAULT_BODY_ID, Draft, ScenarioSet, default_body, load_set
from tests.conftest import SETS, set_id

Edit = Callable[[str, str, str], Path]

BODIES = """bodies:
  - id: board
    name: The Board
    rule: simple-majority
    members: [north, south, militia]
    sources: [un-record]
"""


def problems_of(folder: Path) -> list[str]:
    result = load_set(folder, shown_as="sets/tiny-set")
    assert result.set is None, "expected problems, the set loaded"
    return [str(p) for p in result.problems]


def loaded(folder: Path) -> ScenarioSet:
    result = load_set(folder, shown_as="sets/tiny-set")
    assert result.set is not None, result.problems
    return result.set


def test_declared_bodies_replace_the_default_one(tiny_set: Path, edit: Edit) -> None:
    (tiny_set / "bodies.yaml").write_text(BODIES)
    edit("drafts.yaml", "    decision:\n", "    decision:\n      body: board\n")
    scenario_set = loaded(tiny_set)
    (board,) = scenario_set.bodies
    assert (board.id, board.rule, board.members) == (
        "board",
        "simple-majority",
        ("north", "south", "militia"),
    )


def test_a_set_with_seats_and_no_bodies_file_gets_one_security_council(tiny: ScenarioSet) -> None:
    (body,) = tiny.bodies
    assert (body.id, body.name, body.rule) == (
        DEFAULT_BODY_ID,
        "Security Council",
        "security-council",
    )
    assert body.members == ("north", "south")
    assert body.permanent == ("north",)


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_the_default_body_is_made_from_the_seats(scenario_set: ScenarioSet) -> None:
    expected = default_body(scenario_set.actors)
    seated = [a.id for a in scenario_set.actors if a.council_seat != "none"]
    assert (expected is None) == (not seated)
    if expected is not None:
        assert expected.members == tuple(seated)
        assert set(expected.permanent) == {
            a.id for a in scenario_set.actors if a.council_seat == "permanent"
        }


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "rule: simple-majority",
            "rule: plurality",
            "sets/tiny-set/bodies.yaml:4: bodies[0].rule: 'plurality' is not one of",
        ),
        (
            "members: [north, south, militia]",
            "members: [north, south, westland]",
            "sets/tiny-set/bodies.yaml:5: bodies[0].members[2]: 'westland' is not a known actor id",
        ),
        (
            "rule: simple-majority",
            "rule: qualified-majority",
            "sets/tiny-set/bodies.yaml:2: bodies[0]: threshold is given for the "
            "qualified-majority rule, and only there",
        ),
        (
            "rule: simple-majority",
            "rule: simple-majority\n    permanent: [north]",
            "sets/tiny-set/bodies.yaml:2: bodies[0]: permanent is for the security-council rule",
        ),
        (
            "rule: simple-majority",
            "rule: simple-majority\n    important: true",
            "sets/tiny-set/bodies.yaml:2: bodies[0]: important is for the general-assembly rule",
        ),
        (
            "members: [north, south, militia]",
            "members: [north, north]",
            "sets/tiny-set/bodies.yaml:2: bodies[0]: members names north more than once",
        ),
    ],
)
def test_body_mistakes_name_file_line_and_field(
    tiny_set: Path, old: str, new: str, expected: str
) -> None:
    (tiny_set / "bodies.yaml").write_text(BODIES.replace(old, new))
    (problem,) = problems_of(tiny_set)
    assert problem.startswith(expected), problem


def test_a_decision_naming_an_unknown_body_is_reported(edit: Edit) -> None:
    folder = edit("drafts.yaml", "    decision:\n", "    decision:\n      body: senate\n")
    assert problems_of(folder) == [
        "sets/tiny-set/drafts.yaml:16: drafts[0].decision.body: 'senate' is not a known body id "
        "(council)"
    ]


def test_a_vote_by_an_actor_outside_the_body_is_reported_at_its_line(edit: Edit) -> None:
    folder = edit("drafts.yaml", "no: []", "no: [militia]")
    assert problems_of(folder) == [
        "sets/tiny-set/drafts.yaml:12: drafts[0].vote.no[0]: 'militia' is not a member of the "
        "Security Council (council)"
    ]


def test_a_member_recorded_twice_is_reported(edit: Edit) -> None:
    folder = edit("drafts.yaml", "abstain: []", "abstain: [north]")
    assert problems_of(folder) == [
        "sets/tiny-set/drafts.yaml:13: drafts[0].vote.abstain[0]: 'north' is recorded twice"
    ]


def test_a_decision_without_any_body_is_reported(edit: Edit) -> None:
    edit("actors.yaml", "council_seat: permanent", "council_seat: none")
    folder = edit("actors.yaml", "council_seat: elected", "council_seat: none")
    (problem,) = problems_of(folder)
    assert problem.startswith("sets/tiny-set/drafts.yaml:")
    assert "no body decides here" in problem


def test_the_legacy_form_reads_as_proponents_and_a_decision(tiny: ScenarioSet) -> None:
    first, counter = tiny.drafts
    assert first.proponents == ("north",)
    assert first.kind == "draft"
    assert first.decision is not None and first.decision.body is None
    assert first.vote is not None and first.vote.yes == ("north", "south")
    assert counter.proponents == ("south",) and counter.decision is None


def test_a_text_takes_several_proponents_a_kind_and_any_status() -> None:
    text = Draft.model_validate(
        {
            "id": "accord",
            "title": "An accord",
            "kind": "treaty",
            "proponents": ["north", "south"],
            "circulated": "2025-01-01",
            "status": "in_force",
            "clauses": [],
            "sources": ["s"],
        },
        context={"terms": {"text_kinds": ["treaty"]}},  # a kind its set's vocabulary declares
    )
    assert (text.kind, text.proponents, text.status, text.vote) == (
        "treaty",
        ("north", "south"),
        "in_force",
        None,
    )


def test_the_old_status_failed_reads_as_rejected(edit: Edit) -> None:
    scenario_set = loaded(edit("drafts.yaml", "status: adopted", "status: failed"))
    assert scenario_set.drafts[0].status == "rejected"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("sponsor: north", "sponsor: north\n    proponents: [south]", "not both"),
        (
            "    decision:\n",
            "    decision:\n      vote: {date: 2025-11-17, sources: [un-record]}\n",
            "give the vote under decision, not also at the top",
        ),
    ],
)
def test_old_and_new_forms_together_are_an_error(
    edit: Edit, old: str, new: str, message: str
) -> None:
    (problem,) = problems_of(edit("drafts.yaml", old, new))
    assert message in problem


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      date: 2025-11-17",
            "      date: 2025-13-17",
            "sets/tiny-set/drafts.yaml:10: drafts[0].vote.date: '2025-13-17' is not a date",
        ),
        (
            "sponsor: south",
            "sponsor: Southland",
            "sets/tiny-set/drafts.yaml:26: drafts[1].sponsor: 'Southland' is not a valid id",
        ),
    ],
)
def test_mistakes_in_the_older_form_point_at_the_field_as_written(
    edit: Edit, old: str, new: str, expected: str
) -> None:
    (problem,) = problems_of(edit("drafts.yaml", old, new))
    assert problem.startswith(expected), problem


def test_an_unreadable_actors_file_adds_no_knock_on_body_problem(edit) -> None:
    """The tiny set's bodies are made of its actors: when actors.yaml cannot be read, only its
    own problem is reported, not 'no body decides here'."""
    folder = edit("actors.yaml", "actors:", "actors: [")
    problems = load_set(folder).problems
    assert problems and all(p.file.endswith("actors.yaml") for p in problems)
