"""Votes are counted by actor id, never by display name: members whose names are alike (the
same, or equal once case and Unicode form are ignored) are counted apart and named apart."""

from __future__ import annotations

import unicodedata

import pytest

from explorer.content import Body
from explorer.voting import AFFIRMATIVE_VOTES_REQUIRED, decide, member_labels


def _alike(name: str) -> list[tuple[str, str]]:
    """Pairs of display names a reader cannot tell apart, generated from ``name``."""
    return [
        (name, name),
        (name, name.upper()),
        (unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)),
        (name, f" {name} "),
    ]


PAIRS = _alike("Northland") + _alike("Café du Nord")


def _council(others: int) -> Body:
    members = ("twin-p", "twin-e", *(f"m{i}" for i in range(others)))
    return Body.model_validate(
        {
            "id": "council",
            "name": "Council",
            "rule": "security-council",
            "members": members,
            "permanent": ("twin-p",),
        }
    )


@pytest.mark.parametrize(("permanent_name", "elected_name"), PAIRS)
def test_a_members_no_is_not_a_veto_because_a_permanent_member_shares_its_name(
    permanent_name: str, elected_name: str
) -> None:
    """The permanent twin votes yes, the elected twin no: the text passes with nine in favour."""
    others = AFFIRMATIVE_VOTES_REQUIRED - 1
    body = _council(others)
    names = {"twin-p": permanent_name, "twin-e": elected_name}
    votes = {"twin-p": "yes", "twin-e": "no"} | {f"m{i}": "yes" for i in range(others)}
    result = decide(body, votes, names)
    assert result.adopted, result.reason
    assert (result.yes, result.no) == (AFFIRMATIVE_VOTES_REQUIRED, 1)
    assert result.permanent_against == result.vetoed_by == ()
    assert "veto" not in result.reason


@pytest.mark.parametrize(("permanent_name", "elected_name"), PAIRS)
def test_the_veto_names_the_permanent_member_apart_from_its_namesake(
    permanent_name: str, elected_name: str
) -> None:
    others = AFFIRMATIVE_VOTES_REQUIRED
    body = _council(others)
    names = {"twin-p": permanent_name, "twin-e": elected_name}
    votes = {"twin-p": "no", "twin-e": "yes"} | {f"m{i}": "yes" for i in range(others)}
    result = decide(body, votes, names)
    assert not result.adopted
    assert result.vetoed_by == (f"{permanent_name} (twin-p)",)
    assert result.reason == f"not adopted: vetoed by {permanent_name} (twin-p)"


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_members_named_alike_get_distinct_labels_naming_each(first: str, second: str) -> None:
    labels = member_labels(["a", "b", "c"], {"a": first, "b": second, "c": "Southland"})
    assert labels == {"a": f"{first} (a)", "b": f"{second} (b)", "c": "Southland"}
    assert len(set(labels.values())) == 3


def test_members_named_apart_keep_their_names_and_unnamed_ones_show_their_id() -> None:
    assert member_labels(["a", "b"], {"a": "Northland"}) == {"a": "Northland", "b": "b"}
