"""One published likelihood scale (ICD 203): its exact words and bands, its synonyms, a clear
problem for any other word, and a realized scenario that needs no likelihood."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content import (
    LIKELIHOOD_BANDS,
    LIKELIHOOD_SCALE,
    LIKELIHOOD_SCALE_URL,
    LIKELIHOOD_WORDS,
    Scenario,
    ScenarioSet,
    described_likelihood,
    likelihood_band,
    load_set,
)
from tests.conftest import SETS, set_id

Edit = Callable[[str, str, str], Path]

ICD_203 = [
    ("almost no chance", "remote", 1, 5),
    ("very unlikely", "highly improbable", 5, 20),
    ("unlikely", "improbable", 20, 45),
    ("roughly even chance", "roughly even odds", 45, 55),
    ("likely", "probable", 55, 80),
    ("very likely", "highly probable", 80, 95),
    ("almost certain", "nearly certain", 95, 99),
]
"""The directive's table, as published (ICD 203, section D.6.b.(2)(a))."""


def test_the_scale_is_icd_203_with_its_exact_words_and_bands() -> None:
    assert LIKELIHOOD_SCALE == "ICD 203"
    assert LIKELIHOOD_SCALE_URL == "https://www.dni.gov/files/documents/ICD/ICD-203.pdf"
    assert [(b.word, b.synonym, b.low, b.high) for b in LIKELIHOOD_BANDS] == ICD_203
    assert set(LIKELIHOOD_WORDS) == {w for row in ICD_203 for w in row[:2]}


@pytest.mark.parametrize(("word", "synonym", "low", "high"), ICD_203)
def test_a_word_and_its_synonym_are_shown_with_their_band_and_the_scale(
    word: str, synonym: str, low: int, high: int
) -> None:
    assert described_likelihood(word) == f"{word} ({low}-{high} %, ICD 203)"
    assert described_likelihood(synonym) == f"{synonym} ({word}, {low}-{high} %, ICD 203)"
    assert likelihood_band(synonym) == likelihood_band(word)


def test_a_synonym_loads(tiny_set: Path, edit: Edit) -> None:
    edit("scenarios/adopted.yaml", "label: likely", "label: probable")
    result = load_set(tiny_set)
    assert result.set is not None, result.problems
    assert result.set.scenario("adopted").chance == "probable (likely, 55-80 %, ICD 203)"


def test_a_word_off_the_scale_names_file_line_field_the_scale_and_its_words(
    tiny_set: Path, edit: Edit
) -> None:
    edit("scenarios/adopted.yaml", "label: likely", "label: about as likely as not")
    result = load_set(tiny_set, shown_as="sets/tiny-set")
    assert result.set is None
    [problem] = result.problems
    text = str(problem)
    assert text.startswith("sets/tiny-set/scenarios/adopted.yaml:6: likelihood.label: ")
    assert "'about as likely as not' is not a word of the ICD 203 likelihood scale" in text
    assert LIKELIHOOD_SCALE_URL in text
    for word, synonym, low, high in ICD_203:
        assert f"{word} or {synonym} ({low}-{high} %)" in text


def test_a_realized_scenario_needs_no_likelihood_and_shows_happened(
    tiny_set: Path, edit: Edit
) -> None:
    edit(
        "scenarios/adopted.yaml",
        "likelihood:\n  label: likely\n  rationale: Nobody threatened a veto.\n"
        "  assessed: 2025-11-17\n",
        "",
    )
    result = load_set(tiny_set)
    assert result.set is not None, result.problems
    adopted = result.set.scenario("adopted")
    assert adopted.likelihood is None
    assert adopted.chance == "happened"


@pytest.mark.parametrize("status", ["open", "counterfactual"])
def test_an_open_or_counterfactual_scenario_without_likelihood_names_file_and_field(
    tiny_set: Path, edit: Edit, status: str
) -> None:
    edit("scenarios/rejected.yaml", "status: counterfactual", f"status: {status}")
    path = tiny_set / "scenarios" / "rejected.yaml"
    lines = path.read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("likelihood:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    path.write_text("".join(lines[:start] + lines[end:]))
    result = load_set(tiny_set, shown_as="sets/tiny-set")
    assert result.set is None
    [problem] = result.problems
    assert problem.file == "sets/tiny-set/scenarios/rejected.yaml"
    assert problem.field == "likelihood"
    assert f"{status} scenario needs a likelihood" in problem.message


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_every_scenario_shows_its_likelihood_on_the_scale_or_that_it_happened(
    scenario_set: ScenarioSet,
) -> None:
    for scenario in scenario_set.scenarios:
        assert scenario.chance == _expected(scenario)


def _expected(scenario: Scenario) -> str:
    if scenario.likelihood is None:
        assert scenario.status == "realized"
        return "happened"
    band = likelihood_band(scenario.likelihood.label)
    assert scenario.likelihood.label in (band.word, band.synonym)
    return described_likelihood(scenario.likelihood.label)
