"""The Gaza set's record and the question open now: the realized path stops at the set's as-of
date, the open paths branch there with their own dated likelihoods, the default pair is two of
them, the renewal of resolution 2803 is a text decided by the Council as it sits in 2026 with a
scenario after each outcome, every member of that Council has a stance on renewal, and the
cross-impact matrix's authored scenarios share the record's regional assumption."""

from __future__ import annotations

import pytest

from explorer.content import ScenarioSet, load_catalog
from explorer.voting import (
    body_of,
    decisions,
    default_decision,
    following_scenario,
    starting_votes,
)

CATALOG = load_catalog()
GAZA_ID = "gaza-unsc-2025"
RECORD_ID = "us-draft-adopted"


@pytest.fixture(scope="module")
def gaza() -> ScenarioSet:
    return CATALOG[GAZA_ID]


def open_paths(gaza: ScenarioSet) -> list:
    return [s for s in gaza.scenarios if s.parent == RECORD_ID]


def test_the_record_holds_no_projection_and_no_likelihood(gaza: ScenarioSet) -> None:
    record = gaza.scenario(RECORD_ID)
    assert record is not None and record.status == "realized"
    assert record.likelihood is None
    assert "implemented along" not in record.title
    assert [e.id for e in record.events if e.certainty == "projected"] == []
    assert record.trajectories == () and record.reactions == ()
    assert all(e.when <= gaza.info.as_of for e in record.events)


def test_the_open_paths_branch_at_the_as_of_date_with_their_own_dated_likelihood(
    gaza: ScenarioSet,
) -> None:
    paths = open_paths(gaza)
    assert len(paths) >= 3
    for path in paths:
        assert path.status == "open" and path.branch_point is not None
        assert path.branch_point.date == gaza.info.as_of, path.id
        assert path.likelihood is not None and path.likelihood.assessed == gaza.info.as_of
        text = path.likelihood.rationale.lower()
        assert "for it" in text and "against it" in text, path.id
        assert all(e.when >= gaza.info.as_of for e in path.events), path.id
        assert len(path.signposts) >= 4


def test_the_default_pair_is_the_question_open_now(gaza: ScenarioSet) -> None:
    pair = [gaza.scenario(s) for s in gaza.info.default_pair]
    assert all(s is not None and s.status == "open" for s in pair)
    assert {s.id for s in pair if s} <= {s.id for s in open_paths(gaza)}


def test_the_2803_vote_is_the_2025_council_s_and_the_renewal_the_2026_council_s(
    gaza: ScenarioSet,
) -> None:
    texts = {t.id: t for t in gaza.drafts}
    us, renewal = texts["us-draft"], texts["renewal-2803"]
    assert (body := body_of(gaza, us)) is not None and body.id == "council-2025"
    assert (body := body_of(gaza, renewal)) is not None and body.id == "council-2026"
    assert renewal.vote is None and renewal.status == "proposed"
    assert renewal.circulated is None and "date of resolution 2803" not in (renewal.note or "")
    assert any(c.issue == "mandate-renewal" for c in renewal.clauses)
    after = {
        adopted: following_scenario(gaza, renewal, adopted=adopted) for adopted in (True, False)
    }
    assert all(s is not None and s.status == "open" for s in after.values())
    assert after[True] != after[False]


def test_every_member_of_the_2026_council_has_a_stance_on_renewal(gaza: ScenarioSet) -> None:
    council = next(b for b in gaza.bodies if b.id == "council-2026")
    on_renewal = {s.actor: s for s in gaza.stances if s.issue == "mandate-renewal"}
    assert set(council.members) <= set(on_renewal)
    for member in council.members:
        stance = on_renewal[member]
        assert stance.value == "unknown" or stance.sources, member


def test_the_matrix_scenarios_share_the_record_s_regional_assumption(gaza: ScenarioSet) -> None:
    matrix = gaza.cib
    assert matrix is not None
    authored = {s.scenario: dict(s.variants) for s in matrix.scenarios}
    assert set(authored) == {s.id for s in gaza.scenarios}
    regional = {variants["Regional escalation"] for variants in authored.values()}
    assert regional == {"Regional war"}
    record = authored[RECORD_ID]
    assert (record["ISF deployment"], record["Israeli withdrawal"]) == (
        "No force",
        "Control expanded",
    )


def test_the_vote_view_opens_on_the_renewal_under_the_2026_council(gaza: ScenarioSet) -> None:
    found = default_decision(gaza)
    assert found is not None
    text, body = found
    assert (text.id, body.id) == ("renewal-2803", "council-2026")
    assert set(starting_votes(text, body)) == set(body.members)
    assert [t.id for t, _ in decisions(gaza)] == ["us-draft", "renewal-2803"]
