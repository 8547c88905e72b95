"""The printable brief: one self-contained HTML file of a compared pair, and its PDF.

Contract: the brief shows each scenario's headline and status (a counterfactual says it did not
happen), key dates and indicator values labelled observed or projected, who moves between the
two, the narratives and signposts, and lists the sources it cites and no others, with the share
link. Content is text, never markup: every string is escaped and only http(s) URLs are links.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from explorer.content import ScenarioSet, load_set
from explorer.publish.brief import brief_html
from explorer.publish.pdf import CHROMIUM, brief_pdf

LINK = "https://example.app/?a=adopted&b=rejected"
GENERATED = dt.date(2026, 11, 27)
UNUSED_SOURCE = """
  - id: never-cited
    title: A report nobody cites
    publisher: Nobody Press
    url: https://example.org/unused
    accessed: 2026-01-31
    kind: news
"""


def loaded(folder: Path) -> ScenarioSet:
    scenario_set = load_set(folder).set
    assert scenario_set is not None
    return scenario_set


@pytest.fixture
def tiny(tiny_set: Path) -> ScenarioSet:
    return loaded(tiny_set)


@pytest.fixture
def pair_brief(tiny: ScenarioSet) -> str:
    return brief_html(tiny, "adopted", "rejected", LINK, GENERATED)


def row(page: str, text: str) -> str:
    """The table row that contains ``text``."""
    (found,) = [r for r in (r.split("</tr>")[0] for r in page.split("<tr")[1:]) if text in r]
    return found


def visible_text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_the_brief_shows_both_scenarios_headlines_and_status(pair_brief: str) -> None:
    assert "A: The draft is adopted" in pair_brief
    assert "B: The draft is rejected" in pair_brief
    assert "A force arrives" in pair_brief and "No force" in pair_brief
    assert "Realized: this happened" in pair_brief
    assert "Counterfactual: this did not happen" in pair_brief
    assert '<section class="scenario counterfactual">' in pair_brief


def test_key_dates_say_which_scenario_and_whether_observed_or_projected(pair_brief: str) -> None:
    shared = row(pair_brief, "Draft circulated")
    assert "A, B" in shared and '<span class="tag">Observed</span>' in shared
    projected = row(pair_brief, "Force deploys")
    assert 'class="projected"' in projected
    assert '<span class="tag">Projected</span>' in projected
    assert "Basis: Planning figures in the wire report." in projected
    assert "window 1 February 2026 to 30 June 2026" in projected


def test_indicator_tables_give_projected_ranges_and_label_observed_values(pair_brief: str) -> None:
    assert "Aid trucks per day (trucks/day)" in pair_brief
    projected = row(pair_brief, "31 December 2026")
    assert "Projected" in projected and ">400<" in projected and "200 to 600" in projected
    observed = row(pair_brief, "7 December 2025")
    assert '<span class="tag">Observed</span>' in observed and ">120<" in observed
    assert "From 120 a day in December, rising with the force." in pair_brief


def test_stance_changes_name_who_moves_how_far_and_why(pair_brief: str) -> None:
    assert "1 position of 1 actor differs between Adopted and Rejected." in pair_brief
    moved = row(pair_brief, "The Militia")
    cells = re.findall(r"<td[^>]*>(.*?)</td>", moved)
    assert cells[:5] == ["The Militia", "Force now", "-2", "-1", "+1"]
    assert "Less to oppose without a force." in cells[5]
    assert "Force now: -2 = No force; +2 = A force now" in pair_brief


def test_narratives_show_perspectives_with_attribution_and_signposts_with_evidence(
    pair_brief: str,
) -> None:
    text = visible_text(pair_brief)
    assert "Northland : North welcomes it." in text
    assert "The first troops arrive." in text and "Talks collapse." in text
    assert "Supports: Trucks counted (7 December 2025)" in text


def test_the_brief_of_one_scenario_shows_its_projected_reactions(tiny: ScenarioSet) -> None:
    page = brief_html(tiny, "rejected", None, LINK, GENERATED)
    assert "Projected reactions under Rejected: 1." in page
    assert "The draft is adopted" not in page
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row(page, "The Militia"))
    assert cells[2:4] == ["-2", "-1"]


def test_only_the_sources_the_brief_cites_are_listed_with_publisher_title_and_link(
    tiny_set: Path,
) -> None:
    sources = tiny_set / "sources.yaml"
    sources.write_text(sources.read_text() + UNUSED_SOURCE)
    page = brief_html(loaded(tiny_set), "adopted", "rejected", LINK, GENERATED)
    listed = page.split("<h2>Sources</h2>")[1].split("</ol>")[0]
    assert 'United Nations: <a href="https://example.org/record">Meeting record</a>' in listed
    assert 'Example Wire: <a href="https://example.org/wire">Wire report</a>' in listed
    assert "Nobody Press" not in page
    assert len(re.findall("<li>", listed)) == 2


def test_the_brief_carries_the_share_link_and_a_citation(pair_brief: str) -> None:
    assert '<a href="https://example.app/?a=adopted&amp;b=rejected">' in pair_brief
    assert (
        html.escape(
            'Scenario Explorer, "Tiny test set", content version 0.1.0 (as of 31 January 2026): '
            "Adopted vs Rejected, brief. https://example.app/?a=adopted&b=rejected "
            "(accessed 27 November 2026)."
        )
        in pair_brief
    )


def test_the_brief_is_self_contained_and_printable(pair_brief: str) -> None:
    assert pair_brief.startswith("<!DOCTYPE html>")
    for loads_something in ("<script", "<link", "<img", "<iframe", "src=", "@import", "url("):
        assert loads_something not in pair_brief
    assert "default-src 'none'; style-src 'unsafe-inline'" in pair_brief
    assert "@media print" in pair_brief and "@page" in pair_brief


def test_markup_in_content_renders_as_text(edit, tiny_set: Path) -> None:
    edit(
        "scenarios/adopted.yaml", "title: The draft is adopted", "title: <script>alert(1)</script>"
    )
    edit(
        "sources.yaml",
        "url: https://example.org/record",
        'url: https://example.org/"><script>alert(2)</script>',
    )
    page = brief_html(loaded(tiny_set), "adopted", "rejected", LINK, GENERATED)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="https://example.org/&quot;' not in page
    assert "United Nations: Meeting record (published" in page


def test_a_url_that_is_not_http_never_becomes_a_link(tiny: ScenarioSet) -> None:
    """The model accepts only http(s) URLs; the brief checks again for what bypasses it."""
    hostile = tiny.model_copy(
        update={
            "sources": tuple(
                s.model_copy(update={"url": "javascript:alert(1)"}) for s in tiny.sources
            )
        }
    )
    page = brief_html(hostile, "adopted", "rejected", "javascript:alert(2)", GENERATED)
    assert "href=" not in page
    assert "javascript:alert(1)" in page and "javascript:alert(2)" in page


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ("nope", "rejected", "no scenario 'nope' in set 'tiny-set'"),
        ("adopted", "nope", "no scenario 'nope' in set 'tiny-set'"),
        ("adopted", "adopted", "a and b are the same scenario"),
    ],
)
def test_unknown_or_equal_scenarios_are_refused(
    tiny: ScenarioSet, a: str, b: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        brief_html(tiny, a, b, LINK, GENERATED)


def test_no_pdf_without_chromium(pair_brief: str, tmp_path: Path) -> None:
    assert brief_pdf(pair_brief, chromium=tmp_path / "no-chromium") is None


@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"Chromium is not installed at {CHROMIUM}")
def test_the_brief_prints_to_pdf_with_chromium(pair_brief: str) -> None:
    pdf = brief_pdf(pair_brief)
    assert pdf is not None and pdf.startswith(b"%PDF")


def test_long_texts_are_folded_and_the_brief_says_where_to_read_them(
    pair_brief: str, tiny: ScenarioSet
) -> None:
    folded = "".join(re.findall(r"<details.*?</details>", pair_brief, re.S))
    adopted = tiny.scenario("adopted")
    assert html.escape(adopted.likelihood.rationale) in folded
    assert html.escape(adopted.premise) in folded
    for section in adopted.narrative.sections:
        assert html.escape(section.body) in folded
    assert html.escape(adopted.narrative.headline) not in folded
    assert "open them in the HTML file; a printout leaves them out" in pair_brief


def test_an_escaped_address_is_shown_decoded_and_linked_as_written(tiny: ScenarioSet) -> None:
    written = "https://example.org/%D8%B9%D8%B1%D8%A8%D9%8A"
    encoded = tiny.model_copy(
        update={"sources": tuple(s.model_copy(update={"url": written}) for s in tiny.sources)}
    )
    page = brief_html(encoded, "adopted", "rejected", LINK, GENERATED)
    listed = page.split("<h2>Sources</h2>")[1]
    assert f'<a href="{written}">' in listed
    assert '<span class="url">\u2068https://example.org/عربي\u2069</span>' in listed
