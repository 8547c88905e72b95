"""The Texts view at the Streamlit seam, for every set with texts: each text's proponents, its
status in the general words, a pending text with no recorded decision saying so, and each
clause card naming the text it belongs to."""

from __future__ import annotations

import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from components.texts import STATUS_WORDS, short_name, status_words
from explorer.analysis.compare import aligned_clauses
from explorer.content import ScenarioSet, TextStatus
from explorer.formats import day
from explorer.text import content
from explorer.text import escape_markdown as esc
from tests.conftest import SETS, set_id, sets_where


def texts_page(scenario_set: "ScenarioSet") -> None:  # noqa: UP037
    from tests.app.conftest import linked_view

    linked_view(scenario_set, "texts", {})


def open_texts(scenario_set: ScenarioSet) -> AppTest:
    at = AppTest.from_function(
        texts_page, default_timeout=60, kwargs={"scenario_set": scenario_set}
    )
    return at.run()


def page_text(at: AppTest) -> str:
    values = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return re.sub(r"\\(.)", r"\1", "\n".join(values))


WITH_TEXTS = sets_where(lambda s: s.drafts)


def bordered(node: Any) -> list[Any]:
    """The bordered containers and columns (the clause cards) under ``node``, in page order."""
    found = []
    for child in getattr(node, "children", {}).values():
        kind = getattr(child, "type", "")
        if (kind == "flex_container" and child.proto.flex_container.border) or (
            kind == "column" and child.proto.show_border
        ):
            found.append(child)
        found += bordered(child)
    return found


@pytest.mark.parametrize("scenario_set", WITH_TEXTS, ids=set_id)
def test_each_text_names_its_proponents_status_and_its_clauses(scenario_set: ScenarioSet) -> None:
    at = open_texts(scenario_set)
    assert not at.exception, at.exception
    page = page_text(at)
    names = {a.id: a.name for a in scenario_set.actors}
    for text in scenario_set.drafts:
        if text.proponents:  # a text not yet tabled (the Gaza renewal) has none to name
            proponents = ", ".join(names[p] for p in text.proponents)
            label = "Sponsor" if len(text.proponents) == 1 else "Proponents"
            assert f"{label}: {proponents}" in page
        kinds = {k.id: k.label for k in scenario_set.vocabulary.text_kinds}
        assert status_words(text) in page
        if text.clauses:
            assert short_name(text, names, kinds) in page


@pytest.mark.parametrize("scenario_set", WITH_TEXTS, ids=set_id)
def test_every_clause_card_says_whose_text_it_is_for_when_columns_stack(
    scenario_set: ScenarioSet,
) -> None:
    at = open_texts(scenario_set)
    names = {a.id: a.name for a in scenario_set.actors}
    kinds = {k.id: k.label for k in scenario_set.vocabulary.text_kinds}
    cards = bordered(at._tree[0])
    rows = [
        r for r in aligned_clauses(scenario_set) if r.issue in {i.id for i in scenario_set.issues}
    ]
    assert len(cards) == len(rows) * len(scenario_set.drafts)
    expected = [short_name(t, names, kinds) for _ in rows for t in scenario_set.drafts]
    opening = [card.children[0].value.split("\n\n")[0] for card in cards]
    assert opening == [f"**{esc(n)}**" for n in expected]


def test_a_circulated_text_without_a_decision_says_so() -> None:
    counter = SETS["tiny-set"].drafts[1]
    assert counter.vote is None and counter.status == "circulated"
    assert status_words(counter) == "circulated; no decision recorded"
    assert "circulated; no decision recorded" in page_text(open_texts(SETS["tiny-set"]))


def test_several_proponents_are_listed() -> None:
    tiny = SETS["tiny-set"]
    both = tiny.drafts[0].model_copy(update={"proponents": ("north", "south")})
    at = open_texts(tiny.model_copy(update={"drafts": (both, tiny.drafts[1])}))
    assert "Proponents: Northland, Southland" in page_text(at)


def test_every_status_has_words() -> None:
    assert set(STATUS_WORDS) == set(TextStatus.__args__)  # type: ignore[attr-defined]


@pytest.mark.parametrize("scenario_set", WITH_TEXTS, ids=set_id)
def test_each_text_says_when_it_was_tabled_or_that_it_is_not_yet(
    scenario_set: ScenarioSet,
) -> None:
    """A text not yet tabled (status proposed, no circulation date) says so instead of a date;
    every other text gives its circulation date."""
    first = scenario_set.drafts[0]
    untabled = first.model_copy(
        update={"id": "zz-untabled", "status": "proposed", "circulated": None}
    )
    changed = scenario_set.model_copy(update={"drafts": (*scenario_set.drafts, untabled)})
    at = open_texts(changed)
    assert not at.exception, at.exception
    heads = [m.value.split("\n\n") for m in at.markdown if m.value.startswith("#### ")]
    after_title = [head[1] for head in heads]
    plain = [re.sub(r"\\(.)", r"\1", line) for line in after_title]
    expected = [
        f"circulated {day(t.circulated)}" if t.circulated else "not yet tabled"
        for t in changed.drafts
    ]
    assert expected[-1] == "not yet tabled"
    assert len(plain) == len(expected)
    for line, words in zip(plain, expected, strict=True):
        assert words in line


@pytest.mark.parametrize("scenario_set", WITH_TEXTS, ids=set_id)
def test_each_card_shows_its_clauses_with_their_quotes_and_sources_or_says_it_is_silent(
    scenario_set: ScenarioSet,
) -> None:
    at = open_texts(scenario_set)
    issues = {i.id for i in scenario_set.issues}
    cells = [cell for r in aligned_clauses(scenario_set) if r.issue in issues for cell in r.cells]
    sources = {s.id: s.cited_as for s in scenario_set.sources}
    cards = bordered(at._tree[0])
    assert len(cards) == len(cells)
    for card, clauses in zip(cards, cells, strict=True):
        parts = [child.value for child in card.children.values()]
        if not clauses:
            assert parts[1:] == ["Silent on this issue (as reported)."]
            continue
        expected = []
        for clause in clauses:
            quote = [f"> {content(clause.quote)}"] if clause.quote else []
            expected += [content(clause.summary), *quote]
            publishers = sorted({sources[s] for s in clause.sources})
            expected.append(esc("Sources: " + ", ".join(publishers)))
        assert "\n\n".join(parts).split("\n\n")[1:] == expected
