"""The brief names the likelihood scale and its band, says "happened" for a realized scenario
judged no likelihood, marks a headline-only source, and says what became of a resolved event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from explorer.content import LIKELIHOOD_SCALE_URL, load_set
from explorer.publish.brief import brief_html
from tests.unit.publish.test_brief import row, visible_text

Edit = Callable[[str, str, str], Path]
LINK = "https://example.app/?a=adopted&b=rejected"
GENERATED = dt.date(2026, 11, 27)


def _brief(folder: Path) -> str:
    scenario_set = load_set(folder).set
    assert scenario_set is not None
    return visible_text(brief_html(scenario_set, "adopted", "rejected", LINK, GENERATED))


def test_each_likelihood_names_its_band_and_the_scale(tiny_set: Path) -> None:
    page = _brief(tiny_set)
    assert "Likelihood: likely (55-80 %, ICD 203) , as judged on 17 November 2025." in page
    assert "Likelihood: unlikely (20-45 %, ICD 203) , as judged" in page
    assert "US Intelligence Community Directive 203" in page and LIKELIHOOD_SCALE_URL in page


def test_a_realized_scenario_without_likelihood_reads_happened(tiny_set: Path, edit: Edit) -> None:
    edit(
        "scenarios/adopted.yaml",
        "likelihood:\n  label: likely\n  rationale: Nobody threatened a veto.\n"
        "  assessed: 2025-11-17\n",
        "",
    )
    page = _brief(tiny_set)
    assert "Likelihood: happened (realized: no likelihood needed)." in page
    card = page[page.index("A: The draft is adopted") : page.index("Premise: The council adopts")]
    assert "None" not in card and "as judged" not in card


def test_a_headline_only_source_says_so(tiny_set: Path, edit: Edit) -> None:
    edit("sources.yaml", "    kind: official", "    kind: official\n    reading: headline")
    assert "United Nations (headline only): Meeting record" in _brief(tiny_set)


def test_a_resolved_event_says_what_became_of_it(tiny_set: Path, edit: Edit) -> None:
    edit(
        "scenarios/adopted.yaml",
        "    basis: Planning figures in the wire report.\n",
        "    basis: Planning figures in the wire report.\n    resolution: {outcome: not found}\n",
    )
    scenario_set = load_set(tiny_set).set
    assert scenario_set is not None
    page = brief_html(scenario_set, "adopted", "rejected", LINK, GENERATED)
    assert "Projected, not found" in row(page, "Force deploys")
