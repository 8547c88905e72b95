"""The timeline reads without hover: markers at the edges whole, numbers beside them matching a
key, dark tooltip text, the time after the content's as_of shaded, and a resolved event drawn
as resolved, not as still scheduled."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer import figures
from explorer.analysis.compare import scenario_events
from explorer.analysis.series import EventSeries
from explorer.content import Catalog, Event, ScenarioSet
from explorer.content.entities import Resolution
from explorer.figures.palette import INK_COLOR
from explorer.figures.style import LEGEND_GAP, LEGEND_LINE, legend_lines
from explorer.figures.timeline import AFTER_AS_OF, RESOLVED_MARKER
from explorer.figures.timeline_key import PLOT_WIDTH, Label, labelled, timeline_key
from explorer.views import default_state
from explorer.views.selection import event_series
from tests.conftest import SETS, set_id, unwrapped

DATES = (dt.date(2025, 10, 1), dt.date(2027, 12, 31))
TODAY = dt.date(2026, 12, 2)


def _event(id_: str, when: dt.date, certainty: str = "observed", **more: object) -> Event:
    extra = {"sources": ("un-record",)} if certainty != "projected" else {"basis": "A plan."}
    return Event(
        id=id_,
        title=id_.title(),
        track="diplomacy",
        date=when,
        certainty=certainty,
        **extra,
        **more,
    )  # type: ignore[arg-type]


def _figure(series: list[EventSeries], as_of: dt.date | None = None, dates=DATES):
    return figures.timeline(series, ["diplomacy", "security"], TODAY, dates, {}, as_of=as_of)


def _markers(fig) -> list:
    return [t for t in fig.data if "markers" in (t.mode or "")]


def test_markers_at_the_edges_are_whole_the_range_is_padded_and_not_clipped() -> None:
    edges = [_event("first", DATES[0]), _event("last", DATES[1])]
    fig = _figure([EventSeries("Edges", edges)])
    low, high = fig.layout.xaxis.range
    assert low < DATES[0] - dt.timedelta(days=30) and high > DATES[1] + dt.timedelta(days=30)
    assert all(t.cliponaxis is False for t in _markers(fig))


def test_tooltips_are_dark_text_on_white() -> None:
    fig = _figure([EventSeries("One", [_event("vote", dt.date(2025, 11, 17))])])
    for trace in _markers(fig):
        assert trace.hoverlabel.font.color == INK_COLOR
        assert trace.hoverlabel.bgcolor == "#FFFFFF"


def test_the_time_after_as_of_is_shaded_and_says_so() -> None:
    as_of = dt.date(2026, 7, 1)
    fig = _figure([EventSeries("One", [_event("vote", dt.date(2025, 11, 17))])], as_of)
    (band,) = [s for s in fig.layout.shapes if s.type == "rect"]
    assert (band.x0, band.x1) == (as_of, TODAY)
    title = unwrapped(fig.layout.title.text)
    assert f"{AFTER_AS_OF} (1 July 2026)" in title, title
    unshaded = _figure([EventSeries("One", [_event("vote", dt.date(2025, 11, 17))])], TODAY)
    assert not [s for s in unshaded.layout.shapes if s.type == "rect"]
    assert AFTER_AS_OF not in unwrapped(unshaded.layout.title.text)


def test_a_resolved_event_has_its_own_marker_and_says_what_became_of_it() -> None:
    resolved = _event(
        "deploy",
        dt.date(2026, 3, 1),
        "scheduled",
        resolution=Resolution(outcome="not found", note="No report of a deployment."),
    )
    pending = _event("review", dt.date(2027, 3, 1), "scheduled")
    fig = _figure([EventSeries("One", [resolved, pending])], dt.date(2026, 7, 1))
    traces = {unwrapped(t.name): t for t in _markers(fig)}
    assert traces["A: One, did not happen or not found"].marker.symbol == "circle" + RESOLVED_MARKER
    assert list(traces["A: One, did not happen or not found"].text) == ["1 not found"]
    assert traces["A: One, did not happen or not found"].textposition == "middle right"
    assert (
        "scheduled, not found by as_of"
        in traces["A: One, did not happen or not found"].hovertext[0]
    )
    assert (
        "No report of a deployment." in traces["A: One, did not happen or not found"].hovertext[0]
    )
    assert list(traces["A: One, scheduled"].x) == [dt.date(2027, 3, 1)]
    assert RESOLVED_MARKER not in traces["A: One, scheduled"].marker.symbol


def test_numbers_beside_markers_match_the_key_and_crowded_ones_are_left_to_it() -> None:
    close = [_event(f"e{n}", dt.date(2025, 11, 1) + dt.timedelta(days=n)) for n in range(3)]
    far = _event("later", dt.date(2027, 6, 1))
    series = [EventSeries("One", [*close, far])]
    key = timeline_key(series, ["diplomacy"], DATES)
    assert [(k.number, k.event.id) for k in key] == [(1, "e0"), (2, "e1"), (3, "e2"), (4, "later")]
    (trace,) = _markers(_figure(series))
    assert list(trace.text) == ["1", "", "", "4"]
    assert key[0].line() == "1. 1 November 2025: E0 (observed; A)"


def test_an_event_both_scenarios_share_has_one_number_and_both_letters(tiny: ScenarioSet) -> None:
    series = [
        EventSeries(s.label, scenario_events(tiny, s))
        for s in (tiny.scenario("adopted"), tiny.scenario("rejected"))
    ]
    key = timeline_key(series, [t.id for t in tiny.vocabulary.tracks], DATES)
    shared = [k for k in key if k.event.id == "draft-circulated"]
    assert [k.letters for k in shared] == ["A, B"]


def test_labelled_writes_every_kept_label_and_others_only_where_they_overprint_none() -> None:
    day0 = dt.date(2026, 1, 1)
    span = dt.timedelta(days=PLOT_WIDTH)  # a day a pixel
    labels = [
        Label(day0, "1"),
        Label(day0 + dt.timedelta(days=5), "2"),  # over 1
        Label(day0 + dt.timedelta(days=14), "3"),
        Label(day0 + dt.timedelta(days=40), "4"),  # over 5's outcome, to its right
        Label(day0 + dt.timedelta(days=30), "5 did not happen", beside=True, kept=True),
        Label(day0 + dt.timedelta(days=160), "6"),  # clear of the outcome, 40 to 148
    ]
    assert labelled(labels, span) == [True, False, True, False, True, True]
    assert labelled([Label(day0, "1", kept=True), Label(day0, "2", kept=True)], span) == [
        True,
        True,
    ]


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_every_drawn_event_is_in_the_key_once_and_every_marker_has_its_number_or_none(
    scenario_set: ScenarioSet,
) -> None:
    state = default_state(Catalog(sets={scenario_set.id: scenario_set}))
    series = event_series(scenario_set, state)
    key = timeline_key(series, state.tracks, state.dates)
    assert [k.number for k in key] == list(range(1, len(key) + 1))
    numbers = {k.event: str(k.number) for k in key}
    fig = figures.timeline(
        series, state.tracks, TODAY, state.dates, {}, as_of=scenario_set.info.as_of
    )
    drawn = [text for t in _markers(fig) for text in t.text]
    assert len(drawn) == sum(len(k.letters.split(", ")) for k in key)
    assert {t.split(" ")[0] for t in drawn if t} <= set(numbers.values())
    for entry in key:
        if entry.event.resolution:
            assert entry.event.certainty != "observed"


def test_a_did_not_happen_hover_names_who_said_so() -> None:
    resolution = Resolution(outcome="did not happen", sources=("un-record",))
    event = _event("deploy", dt.date(2026, 3, 1), "scheduled", resolution=resolution)
    fig = figures.timeline(
        [EventSeries("One", [event])],
        ["diplomacy"],
        TODAY,
        DATES,
        {"un-record": "United Nations"},
        as_of=dt.date(2026, 7, 1),
    )
    (trace,) = _markers(fig)
    assert "scheduled, did not happen" in trace.hovertext[0]
    assert trace.hovertext[0].endswith("<br>Said by: United Nations")
    assert list(trace.text) == ["1 did not happen"]


def _plot_height(fig) -> float:
    return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_the_legend_has_room_for_its_lines_and_the_plot_keeps_its_height(
    scenario_set: ScenarioSet,
) -> None:
    state = default_state(Catalog(sets={scenario_set.id: scenario_set}))
    series = event_series(scenario_set, state)
    both, one = (
        figures.timeline(s, state.tracks, TODAY, state.dates, {}) for s in (series, series[:1])
    )
    assert _plot_height(both) == _plot_height(one)
    lines = legend_lines(both)
    if lines:
        assert both.layout.legend.maxheight >= LEGEND_LINE * lines
        assert both.layout.margin.b >= LEGEND_GAP + LEGEND_LINE * lines


def test_the_word_today_stays_on_the_axis_side_with_room() -> None:
    vote = [EventSeries("One", [_event("vote", dt.date(2025, 11, 17))])]
    late, early = (
        figures.timeline(vote, ["diplomacy"], today, DATES, {})
        for today in (DATES[1], DATES[0] + dt.timedelta(days=30))
    )
    assert [a.xanchor for a in late.layout.annotations if a.text == "today"] == ["right"]
    assert [a.xanchor for a in early.layout.annotations if a.text == "today"] == ["left"]
