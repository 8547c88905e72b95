"""Old links keep working (STYLE.md G8): each dated migration is fed the literal old URL and
gives the new state with a notice saying what changed; a ``votes=`` link names only members of
the body that decides, and a bad one says why."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from explorer.content import Body, Catalog, ScenarioSet
from explorer.views import MIGRATIONS, VIEWS, migrate, parse
from explorer.voting import decided
from tests.conftest import SETS, set_id, sets_where


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


GAZA = Catalog({"gaza-unsc-2025": SETS["gaza-unsc-2025"]})


@pytest.mark.parametrize(
    ("url", "view", "notice"),
    [
        (
            "https://example.org/?view=drafts",
            "texts",
            "This link's view=drafts is now view=texts.",
        ),
        (
            "https://example.org/?view=council&votes=usa:no",
            "vote",
            "This link's view=council is now view=vote.",
        ),
    ],
)
def test_old_view_ids_are_renamed_with_a_notice(url: str, view: str, notice: str) -> None:
    state, notices = parse(query(url), GAZA)
    assert state.view == view
    assert notices == [notice]


def test_an_old_council_link_keeps_its_what_if() -> None:
    state, _ = parse(query("https://example.org/?view=council&votes=usa:no~chn:yes"), GAZA)
    assert state.votes == (("chn", "yes"), ("usa", "no"))


def test_current_links_pass_the_migrations_untouched() -> None:
    params = {"view": "vote", "votes": "usa:no"}
    assert migrate(params) == (params, [])
    assert all(migration({"view": "texts"})[1] == [] for migration in MIGRATIONS)


def test_the_old_view_ids_are_no_longer_views() -> None:
    assert "drafts" not in VIEWS and "council" not in VIEWS
    assert (VIEWS["texts"].label, VIEWS["vote"].label) == ("Texts", "Vote")


@pytest.mark.parametrize("scenario_set", sets_where(decided), ids=set_id)
def test_a_vote_for_a_non_member_is_ignored_naming_the_body(scenario_set: ScenarioSet) -> None:
    catalog = Catalog({scenario_set.id: scenario_set})
    found = decided(scenario_set)
    assert found is not None
    member = found[1].members[0]
    state, notices = parse({"votes": f"xyz:yes~{member}:no"}, catalog)
    assert state.votes == ((member, "no"),)
    assert notices == [f"Ignored the vote 'xyz:yes': xyz is not a member of the {found[1].name}."]


def test_the_gaza_link_message_names_the_security_council() -> None:
    _, notices = parse({"votes": "xyz:yes"}, GAZA)
    assert notices == ["Ignored the vote 'xyz:yes': xyz is not a member of the Security Council."]


@pytest.mark.parametrize("scenario_set", sets_where(decided), ids=set_id)
def test_votes_follow_the_declared_body_not_seats(scenario_set: ScenarioSet) -> None:
    found = decided(scenario_set)
    assert found is not None
    first, *rest = found[1].members
    assert rest, "a body of one member cannot lose one"
    small = Body(id=found[1].id, name="Board", rule="consensus", members=tuple(rest))
    changed = scenario_set.model_copy(update={"bodies": (small,)})
    _, notices = parse({"votes": f"{first}:no"}, Catalog({changed.id: changed}))
    assert notices == [f"Ignored the vote '{first}:no': {first} is not a member of the Board."]


def test_votes_in_a_set_without_a_decision_are_ignored_with_a_reason() -> None:
    tiny = SETS["tiny-set"]
    unvoted = tiny.model_copy(
        update={"drafts": tuple(d.model_copy(update={"decision": None}) for d in tiny.drafts)}
    )
    _, notices = parse({"votes": "north:no"}, Catalog({tiny.id: unvoted}))
    assert notices == ["Ignored the vote 'north:no': no text of this set has a vote."]
