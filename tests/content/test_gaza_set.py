"""The shipped content: every set loads clean, every fact cites a source, every projection
states its basis, and the Gaza set holds what its issue asks for."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from explorer.analysis.compare import scenario_events
from explorer.content import ScenarioSet, load_catalog

CATALOG = load_catalog()
GAZA_ID = "gaza-unsc-2025"
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
FACT_SHEET = REFERENCE / "facts-unsc-gaza-2025.md"
UPDATE_SHEET = REFERENCE / "facts-2026-update.md"
SEED_ARTICLE = REFERENCE / "seed-article-2025-11-16.txt"


@pytest.fixture(scope="module")
def gaza() -> ScenarioSet:
    return CATALOG[GAZA_ID]


def test_every_shipped_set_loads_with_zero_problems() -> None:
    assert {k: [str(p) for p in v] for k, v in CATALOG.problems.items()} == {}
    assert GAZA_ID in CATALOG.sets


@pytest.mark.parametrize("scenario_set", CATALOG.sets.values(), ids=lambda s: s.id)
def test_every_fact_cites_a_source_and_every_projection_states_a_basis(
    scenario_set: ScenarioSet,
) -> None:
    missing = []
    for stance in scenario_set.stances:
        if stance.value != "unknown" and not stance.sources:
            missing.append(f"stance {stance.actor}/{stance.issue}")
    for draft in scenario_set.drafts:
        missing += [f"draft {draft.id} clause {c.issue}" for c in draft.clauses if not c.sources]
        if draft.vote and not draft.vote.sources:
            missing.append(f"draft {draft.id} vote")
    for scenario in scenario_set.scenarios:
        for event in [*scenario_set.history, *scenario.events]:
            if event.certainty == "projected" and not event.basis:
                missing.append(f"{scenario.id} event {event.id}: no basis")
            if event.certainty != "projected" and not event.sources:
                missing.append(f"{scenario.id} event {event.id}: no source")
        missing += [f"{scenario.id} reaction {r.actor}" for r in scenario.reactions if not r.basis]
        missing += [
            f"{scenario.id} trajectory {t.indicator}" for t in scenario.trajectories if not t.basis
        ]
        missing += [
            f"{scenario.id} perspective" for p in scenario.narrative.perspectives if not p.sources
        ]
    missing += [f"observation {o.id}" for o in scenario_set.observations if not o.sources]
    assert missing == []


@pytest.mark.parametrize("scenario_set", CATALOG.sets.values(), ids=lambda s: s.id)
def test_no_two_sources_share_a_url(scenario_set: ScenarioSet) -> None:
    urls = Counter(s.url for s in scenario_set.sources if s.url)
    assert [url for url, n in urls.items() if n > 1] == []


def test_the_councils_of_2025_and_2026_sit_as_recorded(gaza: ScenarioSet) -> None:
    bodies = {b.id: b for b in gaza.bodies}
    permanent = {"chn", "fra", "rus", "gbr", "usa"}
    stayed = {"dnk", "grc", "pak", "pan", "som"}
    elected = {
        "council-2025": stayed | {"dza", "guy", "kor", "sle", "svn"},
        "council-2026": stayed | {"bhr", "col", "cod", "lva", "lbr"},
    }
    for body_id, members in elected.items():
        body = bodies[body_id]
        assert body.rule == "security-council" and set(body.permanent) == permanent
        assert set(body.members) == permanent | members, body_id
    seats = {a.id: a.council_seat for a in gaza.actors}
    assert {a for a, seat in seats.items() if seat == "permanent"} == permanent
    assert {a for a, seat in seats.items() if seat == "elected"} == set().union(*elected.values())
    others = {"isr", "hamas", "pa", "unsg", "qat", "egy", "tur", "sau", "are", "jor", "idn", "irn"}
    assert others <= set(seats)


def test_every_actor_has_a_stance_on_every_issue(gaza: ScenarioSet) -> None:
    """Positions over time: several stances per actor and issue, told apart by their date."""
    pairs = {(s.actor, s.issue) for s in gaza.stances}
    expected = {(a.id, i.id) for a in gaza.actors for i in gaza.issues}
    dated = Counter((s.actor, s.issue, s.as_of) for s in gaza.stances)
    assert pairs == expected and max(dated.values()) == 1
    issues = {i.id for i in gaza.issues}
    assert {
        "isf-now",
        "hamas-disarmament",
        "board-of-peace",
        "statehood",
        "un-role",
        "israeli-withdrawal",
        "pa-role",
    } <= issues


def test_the_us_draft_is_resolution_2803_adopted_13_0_2(gaza: ScenarioSet) -> None:
    us = next(d for d in gaza.drafts if d.symbol == "S/2025/748")
    assert us.status == "adopted" and us.resolution and "2803" in us.resolution
    assert us.vote is not None and us.vote.date == dt.date(2025, 11, 17)
    assert (len(us.vote.yes), len(us.vote.no), sorted(us.vote.abstain)) == (13, 0, ["chn", "rus"])


def test_the_russian_draft_was_circulated_with_no_recorded_vote(gaza: ScenarioSet) -> None:
    russian = next(d for d in gaza.drafts if d.proponents == ("rus",))
    assert russian.circulated == dt.date(2025, 11, 13)
    assert russian.vote is None and russian.status == "circulated"


def test_the_scenarios_have_their_status(gaza: ScenarioSet) -> None:
    statuses = {s.id: s.status for s in gaza.scenarios}
    assert statuses["us-draft-adopted"] == "realized"
    assert statuses["russian-draft-prevails"] == "counterfactual"
    assert statuses["council-deadlock"] == "counterfactual"
    branches = [s for s in gaza.scenarios if s.parent == "us-draft-adopted"]
    assert len(branches) >= 2 and all(b.status == "open" for b in branches)


@pytest.mark.parametrize("scenario_id", [s.id for s in CATALOG[GAZA_ID].scenarios])
def test_each_scenario_is_complete(gaza: ScenarioSet, scenario_id: str) -> None:
    scenario = next(s for s in gaza.scenarios if s.id == scenario_id)
    assert len(scenario_events(gaza, scenario)) >= 10
    assert len(scenario.trajectories) >= (0 if scenario.status == "realized" else 4)
    for trajectory in scenario.trajectories:
        first, last = trajectory.points[0].date, trajectory.points[-1].date
        assert first <= dt.date(2025, 12, 31) and last >= dt.date(2027, 10, 1), trajectory.indicator
    actors = {p.actor for p in scenario.narrative.perspectives if p.actor}
    assert len(actors) >= 4
    assert scenario.narrative.risks and scenario.narrative.opportunities
    assert len(scenario.signposts) >= (1 if scenario.status == "realized" else 4)
    if scenario.status == "counterfactual":
        text = f"{scenario.premise} {scenario.narrative.headline}".lower()
        assert "counterfactual" in text


def test_the_seed_article_is_an_attributed_perspective(gaza: ScenarioSet) -> None:
    seed = {s.id for s in gaza.sources if s.kind == "seed"}
    attributed = [
        p for s in gaza.scenarios for p in s.narrative.perspectives if set(p.sources) & seed
    ]
    assert attributed and all(p.attribution and p.actor is None for p in attributed)


def test_observations_since_the_vote_are_linked_to_signposts(gaza: ScenarioSet) -> None:
    since = [o for o in gaza.observations if o.date >= dt.date(2025, 11, 17)]
    assert len(since) >= 15
    assert all(o.supports or o.contradicts or o.values for o in since)
    observed = {v.indicator for o in gaza.observations for v in o.values}
    assert len(observed) >= 4


def test_the_set_has_at_least_40_sources(gaza: ScenarioSet) -> None:
    assert len(gaza.sources) >= 40


CURLY_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _normal(text: str) -> str:
    text = text.translate(CURLY_QUOTES)
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="shared/reference is not beside the checkout")
def test_every_quote_appears_word_for_word_in_the_fact_sheets_or_seed(gaza: ScenarioSet) -> None:
    sheets = (FACT_SHEET, UPDATE_SHEET, SEED_ARTICLE)
    sheet = _normal("\n".join(path.read_text() for path in sheets))
    quotes = [s.quote for s in gaza.stances if s.quote]
    quotes += [c.quote for d in gaza.drafts for c in d.clauses if c.quote]
    quotes += [p.quote for s in gaza.scenarios for p in s.narrative.perspectives if p.quote]
    fragments = [f for q in quotes for f in re.split(r"\s*(?:…|\.\.\.)\s*", q) if f]
    assert [f for f in fragments if _normal(f) not in sheet] == []
