"""The brief's charts: static inline SVG of the compared pair, for every set.

Contract: the brief of every set's default pair draws its key dates on one time axis, the
positions that differ and each projected indicator, as SVG in the page itself (no script,
nothing loaded); every mark lies inside its chart; content text is escaped; each chart says in
words what it shows.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from explorer.analysis.compare import scenario_events, stance_changes
from explorer.content import ScenarioSet, load_set
from explorer.publish.brief import brief_html
from explorer.publish.brief_charts import stance_chart
from explorer.publish.indicator_chart import indicator_chart
from explorer.publish.svg import FONT, fit, ticks
from tests.conftest import SETS, set_id

GENERATED = dt.date(2026, 11, 27)
LINK = "https://example.app/"
ALLOWED = {"line", "rect", "circle", "polygon", "polyline", "text"}


def pair(scenario_set: ScenarioSet) -> list:
    return [scenario_set.scenario(s) for s in scenario_set.info.default_pair]


def svgs(page: str) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", page, re.S)]


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_the_brief_draws_the_pairs_key_dates_positions_and_indicators(
    scenario_set: ScenarioSet,
) -> None:
    a, b = scenario_set.info.default_pair
    page = brief_html(scenario_set, a, b, LINK, GENERATED)
    titles = [svg.findtext("title") for svg in svgs(page)]
    events = any(scenario_events(scenario_set, s) for s in pair(scenario_set))
    differ = bool(stance_changes(scenario_set, *pair(scenario_set)))
    projected = {t.indicator for s in pair(scenario_set) for t in s.trajectories}
    assert titles.count("Key dates on one time axis") == int(events)
    assert titles.count("Positions that differ") == int(differ)
    indicators = [i for i in scenario_set.indicators if i.id in projected]
    assert [t for t in titles if t.endswith(")")] == [f"{i.label} ({i.unit})" for i in indicators]
    for loads_something in ("<script", "<img", "src=", 'href="data', "url(", "<image", "<use"):
        assert loads_something not in page


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_every_mark_and_label_lies_inside_its_chart(scenario_set: ScenarioSet) -> None:
    a, b = scenario_set.info.default_pair
    for svg in svgs(brief_html(scenario_set, a, b, LINK, GENERATED)):
        _, _, width, height = map(float, svg.attrib["viewBox"].split())
        marks = [m for m in svg if m.tag != "title"]
        assert marks and svg.attrib["aria-label"]
        for mark in marks:
            assert mark.tag in ALLOWED
            xs = [float(mark.attrib[k]) for k in ("x", "x1", "x2", "cx") if k in mark.attrib]
            ys = [float(mark.attrib[k]) for k in ("y", "y1", "y2", "cy") if k in mark.attrib]
            for point in mark.attrib.get("points", "").split():
                x, y = map(float, point.split(","))
                xs, ys = [*xs, x], [*ys, y]
            if mark.tag == "text":
                wide = len(mark.text or "") * FONT * 0.55
                before = {"start": 0, "middle": wide / 2, "end": wide}[mark.attrib["text-anchor"]]
                xs += [xs[0] - before, xs[0] - before + wide]
                ys += [ys[0] - FONT]
            assert all(0 <= x <= width for x in xs), (svg.findtext("title"), mark.attrib)
            assert all(0 <= y <= height for y in ys), (svg.findtext("title"), mark.attrib)


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_the_stance_chart_has_one_row_per_position_that_differs(
    scenario_set: ScenarioSet,
) -> None:
    a, b = pair(scenario_set)
    changes = stance_changes(scenario_set, a, b)
    chart = stance_chart([(c.actor, c.a, c.b) for c in changes], [a.label, b.label])
    if not changes:
        assert chart is None
        return
    assert chart is not None
    circles = [m for m in chart.marks if m.tag == "circle"]
    assert len(circles) == len(changes) + 1  # one per row, one in the key


def test_markup_in_content_is_text_inside_the_charts(edit, tiny_set: Path) -> None:
    edit("scenarios/adopted.yaml", "label: Adopted", "label: <b onload=x>Adopted</b>")
    scenario_set = load_set(tiny_set).set
    assert scenario_set is not None
    page = brief_html(scenario_set, "adopted", "rejected", LINK, GENERATED)
    assert "<b onload" not in page
    assert "&lt;b onload=x&gt;Adopted&lt;/b&gt;" in "".join(
        re.findall(r"<svg.*?</svg>", page, re.S)
    )


def test_an_indicator_chart_draws_each_path_with_its_range_and_every_observed_value(
    tiny: ScenarioSet,
) -> None:
    adopted = tiny.scenario("adopted")
    (trajectory,) = adopted.trajectories
    chart = indicator_chart("Aid (trucks/day)", [("A", trajectory)], [(dt.date(2025, 12, 7), 120)])
    assert [m.tag for m in chart.marks].count("polygon") == 1
    assert [m.tag for m in chart.marks].count("polyline") == 1
    assert any(m.tag == "circle" and m.attrs["fill"] != "none" for m in chart.marks)
    assert "1 observed value" in chart.summary


@pytest.mark.parametrize(
    ("first", "last", "labels"),
    [
        (dt.date(2025, 11, 3), dt.date(2026, 3, 1), ["December 2025", "January 2026",
                                                     "February 2026", "March 2026"]),
        (dt.date(2023, 10, 7), dt.date(2027, 12, 31), ["2024", "2025", "2026", "2027"]),
        (dt.date(2025, 1, 15), dt.date(2025, 1, 20), []),
    ],
)  # fmt: skip
def test_axis_ticks_are_month_or_year_starts_written_as_dates_of_that_precision(
    first: dt.date, last: dt.date, labels: list[str]
) -> None:
    assert [text for _, text in ticks(first, last)] == labels


def test_a_long_label_is_cut_with_an_ellipsis_to_fit() -> None:
    assert fit("Short", 100) == "Short"
    cut = fit("A very long actor name that cannot fit", 60)
    assert cut.endswith("…") and len(cut) * FONT * 0.55 <= 60 + FONT
