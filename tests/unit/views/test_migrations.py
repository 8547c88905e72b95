"""Old links keep working (STYLE.md G8): each dated migration is fed the literal old URL and
gives the new state with a notice saying what changed; a ``votes=`` link names only members of
the body that decides its text (``text=``, else the default text), and a bad one says why."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from explorer.content import Body, Catalog, Draft, ScenarioSet
from explorer.views import MIGRATIONS, VIEWS, migrate, parse
from explorer.voting import chosen_decision, decisions
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


DECIDED = [(s, t.id) for s in SETS.values() for t, _ in decisions(s)]


def pair_id(pair: tuple[ScenarioSet, str]) -> str:
    return f"{pair[0].id}/{pair[1]}"


def chosen(scenario_set: ScenarioSet, text_id: str | None) -> tuple[Draft, Body]:
    found = chosen_decision(scenario_set, text_id)
    assert found is not None
    return found


@pytest.mark.parametrize(("scenario_set", "text_id"), DECIDED, ids=map(pair_id, DECIDED))
def test_a_vote_for_a_non_member_is_ignored_naming_the_chosen_text_s_body(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    catalog = Catalog({scenario_set.id: scenario_set})
    body = chosen(scenario_set, text_id)[1]
    member = body.members[0]
    state, notices = parse({"text": text_id, "votes": f"xyz:yes~{member}:no"}, catalog)
    assert state.votes == ((member, "no"),)
    assert notices == [f"Ignored the vote 'xyz:yes': xyz is not a member of the {body.name}."]
    default = chosen(scenario_set, None)[0]
    assert state.text == (None if text_id == default.id else text_id)


@pytest.mark.parametrize("scenario_set", sets_where(decisions), ids=set_id)
def test_votes_without_a_text_are_for_the_default_text_s_body(scenario_set: ScenarioSet) -> None:
    body = chosen(scenario_set, None)[1]
    outside = sorted({m for b in scenario_set.bodies for m in b.members} - set(body.members))
    tokens = [f"{body.members[0]}:no", *(f"{m}:yes" for m in outside)]
    state, notices = parse({"votes": "~".join(tokens)}, Catalog({scenario_set.id: scenario_set}))
    assert state.text is None
    assert state.votes == ((body.members[0], "no"),)
    assert notices == [
        f"Ignored the vote '{m}:yes': {m} is not a member of the {body.name}." for m in outside
    ]


@pytest.mark.parametrize("scenario_set", sets_where(decisions), ids=set_id)
def test_an_unknown_text_is_ignored_naming_the_texts_decided(scenario_set: ScenarioSet) -> None:
    state, notices = parse({"text": "<b>nope</b>"}, Catalog({scenario_set.id: scenario_set}))
    assert state.text is None
    known = ", ".join(t.id for t, _ in decisions(scenario_set))
    assert notices == [f"Ignored text='<b>nope</b>': the texts decided here are {known}."]


def test_a_text_in_a_set_without_decisions_is_ignored_with_a_reason() -> None:
    tiny = SETS["tiny-set"]
    unvoted = tiny.model_copy(
        update={"drafts": tuple(d.model_copy(update={"decision": None}) for d in tiny.drafts)}
    )
    _, notices = parse({"text": "tiny-draft"}, Catalog({tiny.id: unvoted}))
    assert notices == ["Ignored text='tiny-draft': none is decided."]


def test_the_gaza_link_message_names_the_council_of_the_text() -> None:
    """Gaza's open text, the renewal, is decided by the Council as it sits in 2026; the 2803
    vote by the Council of 2025, which held Algeria."""
    _, notices = parse({"votes": "xyz:yes~dza:no"}, GAZA)
    assert notices == [
        "Ignored the vote 'xyz:yes': xyz is not a member of the Security Council (2026).",
        "Ignored the vote 'dza:no': dza is not a member of the Security Council (2026).",
    ]
    state, notices = parse({"text": "us-draft", "votes": "xyz:yes~dza:no"}, GAZA)
    assert notices == ["Ignored the vote 'xyz:yes': xyz is not a member of the Security Council."]
    assert (state.text, state.votes) == ("us-draft", (("dza", "no"),))
    state, notices = parse({"text": "renewal-2803"}, GAZA)
    assert (state.text, notices) == (None, [])


@pytest.mark.parametrize("scenario_set", sets_where(decisions), ids=set_id)
def test_votes_follow_the_declared_body_not_seats(scenario_set: ScenarioSet) -> None:
    body = chosen(scenario_set, None)[1]
    first, *rest = body.members
    assert rest, "a body of one member cannot lose one"
    small = Body(id=body.id, name="Board", rule="consensus", members=tuple(rest))
    others = tuple(b for b in scenario_set.bodies if b.id != body.id)
    changed = scenario_set.model_copy(update={"bodies": (small, *others)})
    _, notices = parse({"votes": f"{first}:no"}, Catalog({changed.id: changed}))
    assert notices == [f"Ignored the vote '{first}:no': {first} is not a member of the Board."]


def test_votes_in_a_set_without_a_decision_are_ignored_with_a_reason() -> None:
    tiny = SETS["tiny-set"]
    unvoted = tiny.model_copy(
        update={"drafts": tuple(d.model_copy(update={"decision": None}) for d in tiny.drafts)}
    )
    _, notices = parse({"votes": "north:no"}, Catalog({tiny.id: unvoted}))
    assert notices == ["Ignored the vote 'north:no': no text of this set has a decision."]
