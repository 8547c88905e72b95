"""The loader reports every problem with file, line and field, and never raises on content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import load_set
from explorer.content.catalog import load_catalog

Edit = Callable[[str, str, str], Path]


def problems_of(folder: Path) -> list[str]:
    result = load_set(folder, shown_as="sets/tiny-set")
    assert result.set is None, "expected problems, the set loaded"
    return [str(p) for p in result.problems]


def test_the_tiny_set_loads_with_everything_in_it(tiny_set: Path) -> None:
    result = load_set(tiny_set)
    assert result.problems == ()
    assert result.set is not None
    assert [s.id for s in result.set.scenarios] == ["adopted", "rejected"]
    assert result.set.drafts[0].vote is not None
    assert result.set.drafts[0].vote.yes == ("north", "south")
    assert len(result.set.content_hash) == 64


def test_content_hash_changes_when_any_file_changes(tiny_set: Path, edit: Edit) -> None:
    before = load_set(tiny_set).set
    edit("sources.yaml", "title: Wire report", "title: Wire report, updated")
    after = load_set(tiny_set).set
    assert before and after and before.content_hash != after.content_hash


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "scenarios/adopted.yaml",
            "track: security",
            "track: securty",
            "sets/tiny-set/scenarios/adopted.yaml:19: events[1].track: 'securty' is not a track "
            "of this set; declare it under tracks in vocabulary.yaml, or use one of "
            "diplomacy, security, humanitarian, governance, reconstruction",
        ),
        (
            "actors.yaml",
            "    region: Africa",
            "    region: Africa\n    regoin: Africa",
            "sets/tiny-set/actors.yaml:12: actors[1].regoin: unknown field "
            "(check the spelling against the format in README.md)",
        ),
        (
            "sources.yaml",
            "published: 2025-11-17",
            "published: 2025-13-01",
            "sets/tiny-set/sources.yaml:6: sources[0].published: '2025-13-01' is not a date "
            "(use YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        (
            "positions.yaml",
            "value: 2",
            "value: 5",
            "sets/tiny-set/positions.yaml:4: stances[0].value: 5 is not a position: "
            "use a whole number from -2 to 2, or unknown",
        ),
        (
            "positions.yaml",
            "salience: 0.9",
            "salience: 1.5",
            "sets/tiny-set/positions.yaml:5: stances[0].salience: 1.5: "
            "Input should be less than or equal to 1",
        ),
        (
            "issues.yaml",
            "    low: No force\n",
            "",
            "sets/tiny-set/issues.yaml:2: issues[0].low: required field is missing",
        ),
        (
            "indicators.yaml",
            "higher_is_better: true",
            "higher_is_better: [1]",
            "sets/tiny-set/indicators.yaml:5: indicators[0].higher_is_better: [1]: "
            "Input should be a valid boolean",
        ),
        (
            "sources.yaml",
            "url: https://example.org/wire",
            "url: javascript:alert(1)",
            "sets/tiny-set/sources.yaml:12: sources[1].url: 'javascript:alert(1)' "
            "is not an http(s) URL",
        ),
    ],
    ids=[
        "bad-choice",
        "unknown-key",
        "bad-date",
        "out-of-range",
        "salience",
        "missing",
        "wrong-type",
        "bad-url",
    ],
)
def test_schema_problems_name_file_line_and_field(
    edit: Edit, name: str, old: str, new: str, expected: str
) -> None:
    assert problems_of(edit(name, old, new)) == [expected]


def test_end_before_start_is_reported_on_the_event(edit: Edit) -> None:
    folder = edit("events.yaml", "date: 2025-11-03", "start: 2025-11-03\n    end: 2025-11-01")
    assert problems_of(folder) == [
        "sets/tiny-set/events.yaml:2: events[0]: end (2025-11-01) is before start (2025-11-03)"
    ]


def test_a_stance_with_a_value_must_cite_a_source(edit: Edit) -> None:
    folder = edit("positions.yaml", "    sources: [wire-report]\n", "")
    assert problems_of(folder) == [
        "sets/tiny-set/positions.yaml:13: stances[2]: "
        "a stance with a value must cite at least one source"
    ]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "positions.yaml",
            "actor: south",
            "actor: westland",
            "sets/tiny-set/positions.yaml:9: stances[1].actor: 'westland' is not a known actor id",
        ),
        (
            "drafts.yaml",
            "yes: [north, south]",
            "yes: [north, sooth]",
            "sets/tiny-set/drafts.yaml:11: drafts[0].vote.yes[1]: 'sooth' is not a known actor id",
        ),
        (
            "scenarios/adopted.yaml",
            "    sources: [wire-report]\n    points",
            "    sources: [wire-repot]\n    points",
            "sets/tiny-set/scenarios/adopted.yaml:27: trajectories[0].sources[0]: "
            "'wire-repot' is not a known source id",
        ),
        (
            "observed.yaml",
            "supports: [force-arrives]",
            "supports: [force-arives]",
            "sets/tiny-set/observed.yaml:5: observations[0].supports[0]: "
            "'force-arives' is not a known signpost id",
        ),
        (
            "observed.yaml",
            "indicator: aid-trucks",
            "indicator: aid-truck",
            "sets/tiny-set/observed.yaml:7: observations[0].values[0].indicator: "
            "'aid-truck' is not a known indicator id",
        ),
        (
            "set.yaml",
            "default_pair: [adopted, rejected]",
            "default_pair: [adopted, rejectd]",
            "sets/tiny-set/set.yaml:8: default_pair[1]: 'rejectd' is not a known scenario id",
        ),
        (
            "scenarios/rejected.yaml",
            "id: talks-collapse",
            "id: force-arrives",
            "sets/tiny-set/scenarios/rejected.yaml:19: signposts[0].id: duplicate signpost "
            "'force-arrives' (first at sets/tiny-set/scenarios/adopted.yaml:39)",
        ),
    ],
    ids=["actor", "vote-member", "source", "signpost", "indicator", "parent", "duplicate"],
)
def test_reference_problems_point_at_the_referring_line(
    edit: Edit, name: str, old: str, new: str, expected: str
) -> None:
    assert problems_of(edit(name, old, new)) == [expected]


def test_a_branch_with_an_unknown_parent_is_reported(edit: Edit) -> None:
    folder = edit(
        "scenarios/rejected.yaml",
        "status: counterfactual",
        "status: counterfactual\nparent: adoptd\nbranch_point: {date: 2026-01-01, description: x}",
    )
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/rejected.yaml:5: parent: 'adoptd' is not a known scenario id"
    ]


def test_parents_that_form_a_cycle_are_reported(edit: Edit) -> None:
    branch = "parent: {0}\nbranch_point: {{date: 2026-01-01, description: x}}\n"
    edit("scenarios/rejected.yaml", "likelihood:", branch.format("adopted") + "likelihood:")
    folder = edit(
        "scenarios/adopted.yaml", "likelihood:", branch.format("rejected") + "likelihood:"
    )
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/adopted.yaml:5: parent: parents form a cycle",
        "sets/tiny-set/scenarios/rejected.yaml:5: parent: parents form a cycle",
    ]


def test_the_scenario_id_must_match_its_file_name(edit: Edit) -> None:
    folder = edit("scenarios/rejected.yaml", "id: rejected", "id: refused")
    found = problems_of(folder)
    assert (
        "sets/tiny-set/scenarios/rejected.yaml:1: id: must match the file name ('rejected')"
        in found
    )


def test_malformed_yaml_gives_the_line_of_the_error(edit: Edit) -> None:
    folder = edit("actors.yaml", "    name: Southland", "    name: [Southland")
    (problem,) = problems_of(folder)
    assert problem.startswith("sets/tiny-set/actors.yaml:9: not valid YAML:")


def test_a_file_that_is_not_a_mapping_is_reported(edit: Edit, tiny_set: Path) -> None:
    (tiny_set / "issues.yaml").write_text("- just\n- a list\n")
    assert problems_of(tiny_set) == [
        "sets/tiny-set/issues.yaml:1: must be a mapping of fields, not list"
    ]


def test_an_empty_file_is_reported(tiny_set: Path) -> None:
    (tiny_set / "drafts.yaml").write_text("# nothing yet\n")
    assert problems_of(tiny_set) == ["sets/tiny-set/drafts.yaml:1: the file is empty"]


def test_a_missing_required_file_is_reported(tiny_set: Path) -> None:
    (tiny_set / "actors.yaml").unlink()
    found = problems_of(tiny_set)
    assert "sets/tiny-set/actors.yaml: required file is missing" in found


def test_an_unknown_file_is_reported_by_name(tiny_set: Path) -> None:
    (tiny_set / "actor.yaml").write_text("actors: []\n")
    (problem,) = problems_of(tiny_set)
    assert problem.startswith("sets/tiny-set/actor.yaml: unknown file; a set holds set.yaml,")


def test_a_file_over_the_size_cap_is_refused(tiny_set: Path) -> None:
    (tiny_set / "observed.yaml").write_text("observations: []\n" + "#" * 1_000_001)
    assert problems_of(tiny_set) == [
        "sets/tiny-set/observed.yaml: file is 1,000,018 bytes; the limit is 1,000,000"
    ]


def test_an_alias_bomb_is_refused_before_it_expands(tiny_set: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(8)
    ]
    (tiny_set / "drafts.yaml").write_text("\n".join(lines) + "\n")
    assert problems_of(tiny_set) == [
        "sets/tiny-set/drafts.yaml: aliases expand to more than 100,000 values; refused"
    ]


def test_python_tags_are_not_executed(tiny_set: Path) -> None:
    (tiny_set / "drafts.yaml").write_text("drafts: !!python/object/apply:os.system [echo hi]\n")
    (problem,) = problems_of(tiny_set)
    assert problem.startswith("sets/tiny-set/drafts.yaml:1: not valid YAML:")


def test_yes_and_no_stay_strings(edit: Edit) -> None:
    folder = edit("actors.yaml", "id: south", "id: 'no'")
    folder = edit("actors.yaml", "name: Southland", "name: no")
    folder = edit("drafts.yaml", "yes: [north, south]", "yes: [north, 'no']")
    folder = edit("positions.yaml", "actor: south", "actor: no")
    folder = edit("drafts.yaml", "sponsor: south", "sponsor: no")
    result = load_set(folder)
    assert result.problems == ()
    assert result.set and result.set.actors[1].name == "no"


def test_every_problem_in_a_file_is_reported_at_once(edit: Edit) -> None:
    edit("actors.yaml", "kind: state", "kind: country")
    folder = edit("actors.yaml", "region: Africa", "region: ''")
    assert len(problems_of(folder)) == 2


def test_one_broken_set_does_not_hide_the_others(tiny_set: Path) -> None:
    broken = tiny_set.parent / "broken-set"
    broken.mkdir()
    (broken / "set.yaml").write_text("title: [unclosed\n")
    catalog = load_catalog(tiny_set.parent)
    assert catalog.ids == ["tiny-set"]
    assert str(catalog.problems["broken-set"][0]).startswith(
        "sets/broken-set/set.yaml:2: not valid YAML"
    )


def test_two_scenarios_with_one_label_are_reported(edit: Edit) -> None:
    folder = edit("scenarios/rejected.yaml", "label: Rejected", "label: Adopted")
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/rejected.yaml:3: label: duplicate scenario label 'Adopted' "
        "(first at sets/tiny-set/scenarios/adopted.yaml:3)"
    ]


def test_deep_nesting_is_refused_not_a_crash(tiny_set: Path) -> None:
    (tiny_set / "actors.yaml").write_bytes(b"[" * 990 + b"]" * 990)
    assert problems_of(tiny_set) == [
        "sets/tiny-set/actors.yaml:1: nested more than 64 levels deep (990 levels); refused"
    ]
