"""A set's vocabulary: declared words or today's defaults, groups resolved, terms checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_set
from tests.conftest import SETS, TINY_SET, set_id

Edit = Callable[[str, str, str], Path]
SUMMIT = Path(TINY_SET).parent / "summit-set"


def problems_of(folder: Path) -> list[str]:
    result = load_set(folder, shown_as="sets/tiny-set")
    assert result.set is None, "expected problems, the set loaded"
    return [str(p) for p in result.problems]


def write_vocabulary(folder: Path, text: str) -> Path:
    (folder / "vocabulary.yaml").write_text(text)
    return folder


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_every_set_has_a_full_vocabulary_with_every_actor_in_a_group(
    scenario_set: ScenarioSet,
) -> None:
    vocabulary = scenario_set.vocabulary
    assert vocabulary.tracks and vocabulary.actor_kinds and vocabulary.text_kinds
    grouped = {m for g in vocabulary.groups for m in g.members}
    assert grouped == {a.id for a in scenario_set.actors}
    track_ids = {t.id for t in vocabulary.tracks}
    events = [*scenario_set.history, *(e for s in scenario_set.scenarios for e in s.events)]
    assert {e.track for e in events} <= track_ids
    assert {a.kind for a in scenario_set.actors} <= {k.id for k in vocabulary.actor_kinds}


def test_a_set_without_vocabulary_takes_todays_defaults(tiny: ScenarioSet) -> None:
    vocabulary = tiny.vocabulary
    assert [(t.id, t.label) for t in vocabulary.tracks] == [
        ("diplomacy", "Diplomacy"),
        ("security", "Security"),
        ("humanitarian", "Humanitarian"),
        ("governance", "Governance"),
        ("reconstruction", "Reconstruction"),
    ]
    assert [k.id for k in vocabulary.actor_kinds] == [
        "state",
        "organisation",
        "armed_group",
        "body",
        "bloc",
    ]
    assert [(g.id, g.label, g.members) for g in vocabulary.groups] == [
        ("p5", "Council: permanent members", ("north",)),
        ("elected", "Council: elected members", ("south",)),
        ("parties", "Parties to the conflict", ("militia",)),
    ]
    assert [(k.id, k.label) for k in vocabulary.text_kinds] == [("draft", "Draft")]


def test_the_default_rest_group_keeps_its_old_label(tiny_set: Path, edit: Edit) -> None:
    edit("actors.yaml", "    party: true\n", "")
    loaded = load_set(tiny_set).set
    assert loaded is not None
    assert [(g.id, g.label, g.members) for g in loaded.vocabulary.groups][-1] == (
        "others",
        "Other states and bodies",
        ("militia",),
    )


def test_declared_groups_by_members_and_by_rule_with_an_implicit_rest(tiny_set: Path) -> None:
    write_vocabulary(
        tiny_set,
        "groups:\n"
        "  - {id: north-only, label: North, members: [north]}\n"
        "  - {id: seated, label: Seated, where: {council_seat: [permanent, elected]}}\n",
    )
    loaded = load_set(tiny_set).set
    assert loaded is not None
    assert [(g.id, g.label, g.members) for g in loaded.vocabulary.groups] == [
        ("north-only", "North", ("north",)),
        ("seated", "Seated", ("north", "south")),
        ("others", "Other actors", ("militia",)),
    ]
    assert loaded.vocabulary.tracks[0].id == "diplomacy", "undeclared: defaults"


def test_a_rule_must_match_every_field(tiny_set: Path) -> None:
    write_vocabulary(
        tiny_set,
        "groups:\n  - {id: g, label: G, where: {kind: state, council_seat: elected}}\n",
    )
    loaded = load_set(tiny_set).set
    assert loaded is not None
    assert [(g.id, g.members) for g in loaded.vocabulary.groups] == [
        ("g", ("south",)),
        ("others", ("north", "militia")),
    ]


def test_the_summit_fixture_declares_its_own_words() -> None:
    summit = SETS["summit-set"]
    assert [t.id for t in summit.vocabulary.tracks] == ["negotiation", "finance", "domestic"]
    assert [(g.id, g.members) for g in summit.vocabulary.groups] == [
        ("hosts", ("valdoria", "ostmark")),
        ("leaders", ("brenna", "lind")),
        ("others", ("seaways", "isola")),
    ]
    assert summit.vocabulary.groups[-1].label == "Other actors"
    assert all(a.council_seat == "none" for a in summit.actors)


def test_an_undeclared_track_says_the_set_may_declare_it(tiny_set: Path, edit: Edit) -> None:
    write_vocabulary(tiny_set, "tracks:\n  - {id: diplomacy, label: Talks}\n")
    folder = edit("scenarios/adopted.yaml", "track: security", "track: nuclear")
    assert problems_of(folder) == [
        "sets/tiny-set/scenarios/adopted.yaml:19: events[1].track: 'nuclear' is not a track of "
        "this set; declare it under tracks in vocabulary.yaml, or use one of diplomacy"
    ]


def test_a_declared_kind_is_accepted_and_an_undeclared_one_is_not(
    tiny_set: Path, edit: Edit
) -> None:
    write_vocabulary(tiny_set, "actor_kinds:\n  - {id: person, label: Person}\n")
    assert problems_of(tiny_set) == [
        f"sets/tiny-set/actors.yaml:{line}: actors[{i}].kind: '{kind}' is not an actor kind of "
        "this set; declare it under actor_kinds in vocabulary.yaml, or use one of person"
        for line, i, kind in ((4, 0, "state"), (9, 1, "state"), (14, 2, "armed_group"))
    ]
    for kind in ("state", "armed_group"):
        (tiny_set / "actors.yaml").write_text(
            (tiny_set / "actors.yaml").read_text().replace(f"kind: {kind}", "kind: person")
        )
    assert load_set(tiny_set).problems == ()


def test_a_draft_kind_comes_from_text_kinds(tiny_set: Path, edit: Edit) -> None:
    folder = edit("drafts.yaml", "sponsor: north", "kind: memo\n    sponsor: north")
    (problem,) = problems_of(folder)
    assert problem.endswith(
        "drafts[0].kind: 'memo' is not a text kind of this set; declare it under text_kinds "
        "in vocabulary.yaml, or use one of draft"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "groups:\n  - {id: g, label: G}\n",
            "sets/tiny-set/vocabulary.yaml:2: groups[0]: give exactly one of members or where",
        ),
        (
            "groups:\n  - {id: g, label: G, where: {colour: red}}\n",
            "sets/tiny-set/vocabulary.yaml:2: groups[0]: where names 'colour', not an actor field "
            "(one of id, name, kind, council_seat, region, party, role, affiliation, description)",
        ),
        (
            "groups:\n  - {id: others, label: Rest, members: [north]}\n",
            "sets/tiny-set/vocabulary.yaml:2: groups[0]: 'others' is the app's group of actors "
            "in no declared group; use another id",
        ),
        (
            "groups:\n  - {id: g, label: G, members: [westland]}\n",
            "sets/tiny-set/vocabulary.yaml:2: groups[0].members[0]: "
            "'westland' is not a known actor id",
        ),
        (
            "tracks:\n  - {id: talks, label: Talks}\n  - {id: talks, label: Again}\n"
            "  - {id: diplomacy, label: D}\n  - {id: security, label: S}\n",
            "sets/tiny-set/vocabulary.yaml:3: tracks[1].id: duplicate track 'talks' "
            "(first at sets/tiny-set/vocabulary.yaml:2)",
        ),
        (
            "tracks: []\n",
            "sets/tiny-set/vocabulary.yaml:1: tracks: needs at least 1 item(s)",
        ),
        (
            "colours: []\n",
            "sets/tiny-set/vocabulary.yaml:1: colours: unknown field "
            "(check the spelling against the format in README.md)",
        ),
    ],
    ids=["neither", "unknown-field", "others", "unknown-member", "duplicate", "empty", "key"],
)
def test_vocabulary_problems_name_file_line_and_field(
    tiny_set: Path, text: str, expected: str
) -> None:
    assert problems_of(write_vocabulary(tiny_set, text)) == [expected]


def test_an_unreadable_vocabulary_does_not_make_every_term_an_error(tiny_set: Path) -> None:
    write_vocabulary(tiny_set, "tracks: [unclosed\n")
    (problem,) = problems_of(tiny_set)
    assert problem.startswith("sets/tiny-set/vocabulary.yaml:")


def test_the_summit_fixture_loads_from_its_folder() -> None:
    assert load_set(SUMMIT).problems == ()
