"""Accessibility of what the app draws, checked on the figures themselves:

- scenario A and B never differ by colour alone: each pair of their traces differs in marker
  symbol, line dash or fill pattern as well;
- every colour in every figure is colour-blind safe: Okabe-Ito, the PuOr scale, or a grey;
- text written on heatmap cells reads at 4.5:1 (WCAG 2.1 AA) on its cell, in the light and
  the dark theme, with the colour plotly really uses (see ``plotly_auto_text``);
- marks a reader needs (markers, lines, bars) have 3:1 against both backgrounds (SC 1.4.11),
  and the theme's own colours meet their minimums.

Streamlit draws a plotly chart on the app's background: #FFFFFF in the light theme, #171614 in
the dark theme of Streamlit 1.67 (#0E1117 before), and every one of them is checked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest
import streamlit as st
from streamlit.elements.lib.streamlit_plotly_theme import BG_COLOR
from streamlit.testing.v1 import AppTest

from explorer import figures
from explorer.analysis.compare import (
    observed_points,
    scenario_events,
    stances_under,
)
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.cib import consistent_scenarios, from_cib_file
from explorer.cib import figures as cib_figures
from explorer.content import ScenarioSet, load_catalog
from explorer.figures.contrast import (
    GRAPHICS_MINIMUM,
    TEXT_MINIMUM,
    blend,
    contrast_ratio,
    parse_hex,
    relative_luminance,
    text_color_on,
    to_hex,
)
from explorer.figures.palette import (
    LABELLED_FILLS,
    OKABE_ITO,
    PAGE_COLOR,
    POSITION_SCALE,
    SCENARIO_STYLES,
    STATUS_STYLES,
)
from explorer.text import escape_markdown
from explorer.views import VIEWS
from explorer.voting import figures as council_figures

ROOT = Path(__file__).resolve().parents[3]
GAZA: ScenarioSet = load_catalog().sets["gaza-unsc-2025"]
PAIR = GAZA.info.default_pair
BACKGROUNDS = {"light": "#FFFFFF", "dark": "#171614", "dark (before 1.67)": "#0E1117"}
COLOUR_BLIND_SAFE = {c.upper() for c in (*OKABE_ITO.values(), *POSITION_SCALE)}

# --- the figures, built from the real content ---------------------------------------------------


def _timeline() -> go.Figure:
    series = [
        EventSeries(s.label, scenario_events(GAZA, s)) for s in (GAZA.scenario(i) for i in PAIR)
    ]
    dates = (dt.date(2025, 10, 1), dt.date(2028, 12, 31))
    tracks = [t.id for t in GAZA.vocabulary.tracks]
    return figures.timeline(series, tracks, dt.date(2026, 7, 1), dates, {})


def _trajectories() -> list[go.Figure]:
    series = [TrajectorySeries(s.label, s.trajectories) for s in (GAZA.scenario(i) for i in PAIR)]
    observed = observed_points(GAZA)
    projected = [{t.indicator for t in s.trajectories} for s in (GAZA.scenario(i) for i in PAIR)]
    both = [i for i in GAZA.indicators if all(i.id in ids for ids in projected)]
    return [figures.trajectories([i], series, observed) for i in both]


def _heatmap() -> go.Figure:
    """Every position and 'unknown', so that every cell colour appears."""
    values = ["unknown", -2, -1, 0, 1, 2]
    actors, issues = GAZA.actors[:6], GAZA.issues[:6]
    return figures.stance_heatmap(
        actors,
        issues,
        {
            (a.id, i.id): values[(row + col) % len(values)]
            for row, a in enumerate(actors)
            for col, i in enumerate(issues)
        },
    )


def _salience() -> go.Figure:
    issue = GAZA.issues[0]
    views = stances_under(GAZA, GAZA.scenario(PAIR[0]))
    names = {a.id: a.name for a in GAZA.actors}
    return figures.position_salience(
        issue,
        {
            names[actor]: (view.value, view.stance.salience if view.stance else None)
            for (actor, issue_id), view in views.items()
            if issue_id == issue.id
        },
    )


def _seats() -> go.Figure:
    permanent = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
    votes = dict.fromkeys(permanent, "yes") | {"China": "abstain", "Russian Federation": "no"}
    votes |= {f"Elected {n}": ("yes", "abstain", "absent")[n % 3] for n in range(10)}
    return council_figures.seat_chart(votes, permanent, "A vote", "vetoed", changed=["China"])


def _cib() -> tuple[go.Figure, go.Figure]:
    assert GAZA.cib is not None
    m = from_cib_file(GAZA.cib)
    solutions = consistent_scenarios(m)
    chosen = dict(zip([d.name for d in m.descriptors], solutions[0].variants, strict=True))
    return cib_figures.tableau(m, solutions), cib_figures.balance(m, chosen, "the first")


def all_figures() -> dict[str, go.Figure]:
    tableau, balance = _cib()
    built = {
        "figures.timeline": _timeline(),
        "figures.stance_heatmap": _heatmap(),
        "figures.position_salience": _salience(),
        "figures.scenario_tree": figures.scenario_tree(GAZA, list(PAIR)),
        "council_figures.seat_chart": _seats(),
        "council_figures.record_chart": council_figures.record_chart(
            GAZA.council_record, GAZA.info.decision_date
        ),
        "cib_figures.tableau": tableau,
        "cib_figures.balance": balance,
    }
    for n, fig in enumerate(_trajectories()):
        built[f"figures.trajectories[{n}]"] = fig
    return built


FIGURES = all_figures()

# --- 1. A and B: a second encoding besides colour -------------------------------------------


def encoding(trace: Any) -> tuple[tuple[str, str], ...]:
    """What tells this trace apart without colour: the marker symbol where markers are drawn,
    the dash where a line is drawn, the pattern where an area is filled."""
    mode = trace.mode or ""
    marks = []
    if "markers" in mode:
        marks.append(("symbol", str(trace.marker.symbol)))
    if "lines" in mode and (trace.line.width is None or trace.line.width > 0):
        marks.append(("dash", trace.line.dash or "solid"))
    if trace.fill not in (None, "none"):
        marks.append(("pattern", (trace.fillpattern.shape or "") if trace.fillpattern else ""))
    return tuple(marks)


def scenario_traces(fig: go.Figure, labels: dict[str, str]) -> dict[str, dict[tuple, Any]]:
    """A's and B's traces, keyed by what they show (mode, fill and the name after the label)."""
    found: dict[str, dict[tuple, Any]] = {"A": {}, "B": {}}
    for trace in fig.data:
        group = trace.legendgroup
        if group not in found:
            continue
        rest = (trace.name or "").removeprefix(f"{group}: {labels[group]}")
        kind = (trace.mode, trace.fill, rest)
        assert kind not in found[group], f"two {group} traces of the same kind: {kind}"
        found[group][kind] = trace
    return found


PROJECTED = [{t.indicator for t in GAZA.scenario(i).trajectories} for i in PAIR]
PER_SCENARIO = ["figures.timeline"] + [
    f"figures.trajectories[{n}]"
    for n, indicator in enumerate(GAZA.indicators)
    if all(indicator.id in ids for ids in PROJECTED)  # observed-only: no A and B traces
]


def test_the_scenario_styles_differ_in_every_non_colour_encoding() -> None:
    a, b = SCENARIO_STYLES
    assert (a.symbol, a.dash, a.pattern) != (b.symbol, b.dash, b.pattern)
    assert a.symbol != b.symbol and a.dash != b.dash and a.pattern != b.pattern


@pytest.mark.parametrize("name", PER_SCENARIO)
def test_a_and_b_traces_differ_by_more_than_colour(name: str) -> None:
    labels = {"A": GAZA.scenario(PAIR[0]).label, "B": GAZA.scenario(PAIR[1]).label}
    traces = scenario_traces(FIGURES[name], labels)
    pairs = set(traces["A"]) & set(traces["B"])
    assert pairs, f"{name}: no trace of A has a counterpart in B"
    same = [
        f"{kind}: both {encoding(traces['A'][kind]) or 'nothing'}"
        for kind in sorted(pairs, key=str)
        if encoding(traces["A"][kind]) == encoding(traces["B"][kind])
    ]
    assert not same, f"{name}: A and B differ only by colour in " + "; ".join(same)


def test_the_tree_letters_the_selected_scenarios() -> None:
    texts = [t for trace in FIGURES["figures.scenario_tree"].data for t in (trace.text or [])]
    assert any(t.startswith("A: ") for t in texts) and any(t.startswith("B: ") for t in texts)


def test_statuses_votes_and_outcomes_each_have_their_own_marker() -> None:
    for styles in (
        [s for _, s in STATUS_STYLES.values()],
        [s.symbol for s in council_figures.VOTE_STYLES.values()],
        [s.symbol for s in council_figures.OUTCOME_STYLES.values()],
    ):
        assert len(set(styles)) == len(styles)


# --- 2. colour-blind-safe colours -------------------------------------------------------------


def colours(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, colour) of a mark in a figure's JSON: *color keys, colour lists, colour
    scales. Text colours (fonts) are ink, not categories, and are checked for contrast."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "template" or key.endswith("font"):
                continue
            where = f"{path}.{key}" if path else key
            if key == "colorscale" and isinstance(value, list | tuple):
                yield from ((f"{where}[{n}]", stop[1]) for n, stop in enumerate(value))
            elif key.endswith("color") and isinstance(value, str):
                yield where, value
            elif key.endswith("color") and isinstance(value, list | tuple):
                yield from ((f"{where}[{n}]", v) for n, v in enumerate(value) if v)
            else:
                yield from colours(value, where)
    elif isinstance(node, list | tuple):
        for n, item in enumerate(node):
            yield from colours(item, f"{path}[{n}]")


def is_grey(colour: str) -> bool:
    r, g, b = parse_hex(colour)
    return r == g == b


def is_safe(colour: str) -> bool:
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        return False
    page = colour == PAGE_COLOR  # the page's own background, filled in by Streamlit's theme
    return colour.upper() in COLOUR_BLIND_SAFE or is_grey(colour) or page


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_colour_in_a_figure_is_colour_blind_safe(name: str) -> None:
    found = list(colours(FIGURES[name].to_plotly_json()))
    assert found
    unsafe = [f"{where} = {c}" for where, c in found if not is_safe(c)]
    assert not unsafe, f"{name} uses colours outside Okabe-Ito, PuOr and greys: {unsafe}"


def test_the_palettes_of_the_figure_modules_are_colour_blind_safe() -> None:
    palette = [
        *(s.color for s in SCENARIO_STYLES),
        *(c for c, _ in STATUS_STYLES.values()),
        *(s.color for s in council_figures.VOTE_STYLES.values()),
        *(s.color for s in council_figures.OUTCOME_STYLES.values()),
        *cib_figures.VARIANT_COLORS,
        cib_figures.CHOSEN_COLOR,
        *LABELLED_FILLS,
    ]
    assert [c for c in palette if not is_safe(c)] == []


# --- 3. text on heatmap cells -------------------------------------------------------------


def plotly_auto_text(fill: str) -> str:
    """The colour plotly.js 4 (bundled by Streamlit 1.67) gives heatmap text when
    ``textfont.color`` is unset or 'auto': ``Color.contrast(cell)``, which is white where white
    has more WCAG contrast than plotly's default line colour #444, else #444. It never picks
    black, so on mid-tone cells neither reaches 4.5:1 (the worst case is 3.1:1)."""
    white, grey = contrast_ratio(fill, "#FFFFFF"), contrast_ratio(fill, "#444444")
    return "#FFFFFF" if white > grey else "#444444"


def scale_colour(trace: Any, value: float) -> str:
    """The colour of ``value`` on the trace's colour scale (linear in RGB, as plotly does)."""
    values = [v for row in trace.z for v in row if v is not None]
    low = trace.zmin if trace.zmin is not None else min(values)
    high = trace.zmax if trace.zmax is not None else max(values)
    at = 0.0 if high == low else min(1.0, max(0.0, (value - low) / (high - low)))
    stops = [(float(s), parse_hex(c)) for s, c in trace.colorscale]
    for (s0, c0), (s1, c1) in pairwise(stops):
        if s0 <= at <= s1:
            k = 0.0 if s1 == s0 else (at - s0) / (s1 - s0)
            return to_hex(tuple(a + k * (b - a) for a, b in zip(c0, c1, strict=True)))
    return to_hex(stops[-1][1])


def cell_texts(fig: go.Figure, background: str) -> Iterator[tuple[str, str, str, str]]:
    """(where, text, text colour, colour under the text) for every text a reader sees.

    Plotly draws each heatmap's text on all of its cells, also where its z is empty; there the
    automatic colour is picked for the plot background, while the reader sees the cell of a
    trace below. A trace's image hides the text of the traces below it where its z is set."""
    maps = [t for t in fig.data if t.type == "heatmap"]
    rows, cols = len(maps[0].z), len(maps[0].z[0])
    for i in range(rows):
        for j in range(cols):
            filled = [k for k, t in enumerate(maps) if t.z[i][j] is not None]
            top = max(filled, default=None)
            under = scale_colour(maps[top], maps[top].z[i][j]) if top is not None else background
            for k, trace in enumerate(maps):
                text = trace.text[i][j] if trace.text is not None else None
                if not text or (top is not None and k < top):
                    continue
                own = (
                    scale_colour(trace, trace.z[i][j]) if trace.z[i][j] is not None else background
                )
                ink = trace.textfont.color
                ink = plotly_auto_text(own) if ink in (None, "auto") else ink
                yield f"trace {k} cell ({maps[0].y[i]}, {maps[0].x[j]})", text, ink, under


HEATMAPS = ["figures.stance_heatmap", "cib_figures.tableau"]


@pytest.mark.parametrize("theme", list(BACKGROUNDS))
@pytest.mark.parametrize("name", HEATMAPS)
def test_text_on_every_heatmap_cell_reads_at_4_5_to_1(name: str, theme: str) -> None:
    seen = list(cell_texts(FIGURES[name], BACKGROUNDS[theme]))
    assert seen
    failing = sorted(
        {
            f"{text!r} in {ink} on {under}: {contrast_ratio(ink, under):.2f}:1"
            for _, text, ink, under in seen
            if contrast_ratio(ink, under) < TEXT_MINIMUM
        }
    )
    assert not failing, f"{name} ({theme}): " + "; ".join(failing)


def test_black_or_white_text_always_reads_at_4_5_to_1() -> None:
    """So a per-cell choice with text_color_on fixes any fill, unlike plotly's automatic one."""
    for fill in [*POSITION_SCALE, "#BDBDBD", *LABELLED_FILLS, *OKABE_ITO.values()]:
        assert contrast_ratio(text_color_on(fill), fill) >= TEXT_MINIMUM, fill
    for level in range(256):
        grey = to_hex((level, level, level))
        assert contrast_ratio(text_color_on(grey), grey) >= 4.58


def test_black_text_reads_on_every_labelled_fill() -> None:
    assert min(contrast_ratio("#000000", fill) for fill in LABELLED_FILLS) >= TEXT_MINIMUM


# --- 4. marks against the page ------------------------------------------------------------


def _as_list(value: Any, size: int) -> list:
    return list(value) if isinstance(value, list | tuple) else [value] * size


def marks(fig: go.Figure) -> Iterator[tuple[str, list[str], float]]:
    """(what, the colours that outline it, opacity) for every mark a reader needs.

    A mark passes when one of its colours (fill or outline) has 3:1 on the page. Traces with
    hoverinfo 'skip' (bands, timing windows, tree edges) repeat what other traces and the data
    table say, and filled areas are context: neither is checked."""
    for trace in fig.data:
        if trace.type not in ("scatter", "bar") or trace.hoverinfo == "skip":
            continue
        opacity = 1.0 if trace.opacity is None else trace.opacity
        name = trace.name or trace.type
        size = len(trace.x or [])
        mode = "markers" if trace.type == "bar" else (trace.mode or "")
        if "markers" in mode:
            # As in plotly, markers without a colour of their own take the line's.
            line = trace.line.color if trace.type == "scatter" else None
            fills = _as_list(trace.marker.color or line, size)
            widths = _as_list(trace.marker.line.width or 0, size)
            lines = _as_list(trace.marker.line.color, size)
            symbol = trace.marker.symbol if trace.type == "scatter" else None
            symbols = _as_list(symbol or "circle", size)
            for n in range(size):
                # plotly strokes an open symbol in the marker's colour, ignoring marker.line.
                outline = lines[n] or fills[n] if widths[n] >= 1 else None
                shown = [fills[n]] if "-open" in str(symbols[n]) else [fills[n], outline]
                yield f"{name}, point {n}", [c for c in shown if c], opacity
        drawn = trace.type == "scatter" and trace.line.width != 0 and not trace.fill
        if drawn and "lines" in mode:
            yield f"{name}, line", [trace.line.color], opacity
    for shape in fig.layout.shapes:
        if shape.line.color:
            yield f"shape {shape.type}", [shape.line.color], 1.0


@pytest.mark.parametrize("theme", list(BACKGROUNDS))
@pytest.mark.parametrize("name", [n for n in FIGURES if n not in HEATMAPS])
def test_marks_stand_out_from_the_page_at_3_to_1(name: str, theme: str) -> None:
    page = BACKGROUNDS[theme]
    failing = {}
    for what, shown, opacity in marks(FIGURES[name]):
        ratios = {c: contrast_ratio(blend(c, page, opacity), page) for c in shown}
        if max(ratios.values(), default=0) < GRAPHICS_MINIMUM:
            best = max(ratios, key=ratios.get) if ratios else "none"
            where = re.sub(r", point \d+$", "", what)
            failing[where] = f"{best} at opacity {opacity:g}: {ratios.get(best, 0):.2f}:1"
    assert not failing, f"{name} ({theme}): " + "; ".join(f"{k}: {v}" for k, v in failing.items())


# --- 5. the theme ---------------------------------------------------------------------------

# Streamlit 1.67's defaults (`streamlit config show`), used where config.toml sets nothing.
DEFAULTS = {
    "light": {"backgroundColor": "#FFFFFF", "textColor": "#2F2D2B", "sidebar": "#F8F8F7"},
    "dark": {"backgroundColor": "#171614", "textColor": "#EDEBE8", "sidebar": "#21201D"},
}
# Captions and blockquotes are the text colour at 60 % opacity (measured in the browser:
# #828180 on white from #2F2D2B).
FADED = 0.6


def config() -> dict[str, Any]:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text()).get("theme", {})


def themes_offered() -> set[str]:
    """Measured in the browser: with only ``[theme] base``, every visitor gets that theme
    (and the viewer toolbar has no settings menu to change it); a ``[theme.light]`` or
    ``[theme.dark]`` table makes Streamlit follow the visitor's system setting."""
    theme_ = config()
    if isinstance(theme_.get("light"), dict) or isinstance(theme_.get("dark"), dict):
        return {"light", "dark"}
    return {theme_.get("base", "light")}


def theme(base: str) -> dict[str, str]:
    theme_ = config()
    own = {k: v for k, v in theme_.items() if isinstance(v, str)}
    return DEFAULTS[base] | own | theme_.get(base, {})


@pytest.mark.parametrize("base", sorted(themes_offered()))
def test_the_primary_colour_stands_out_on_the_page_and_the_sidebar(base: str) -> None:
    colours_ = theme(base)
    primary = colours_.get("primaryColor", "#c53948")
    for ground in (colours_["backgroundColor"], colours_["sidebar"]):
        assert contrast_ratio(primary, ground) >= GRAPHICS_MINIMUM, (primary, ground)


@pytest.mark.parametrize("base", sorted(themes_offered()))
def test_body_text_captions_and_quotes_read_at_4_5_to_1(base: str) -> None:
    colours_ = theme(base)
    text = colours_["textColor"]
    failing = []
    for ground in (colours_["backgroundColor"], colours_["sidebar"]):
        for what, ink in (("text", text), ("caption", blend(text, ground, FADED))):
            ratio = contrast_ratio(ink, ground)
            if ratio < TEXT_MINIMUM:
                failing.append(f"{what} {ink} on {ground}: {ratio:.2f}:1")
    assert not failing, f"{base}: " + "; ".join(failing)


def test_the_page_colour_is_the_one_streamlits_theme_paints_the_page_with() -> None:
    assert PAGE_COLOR == BG_COLOR


def test_luminance_and_ratio_follow_wcag() -> None:
    assert relative_luminance("#000000") == 0 and relative_luminance("#FFFFFF") == 1
    assert contrast_ratio("#000", "#FFF") == pytest.approx(21)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#0072B2", "#FFFFFF") == contrast_ratio("#FFFFFF", "#0072B2")
    assert blend("#000000", "#FFFFFF", 0.5) == "#808080"
    with pytest.raises(ValueError, match="not a hex colour"):
        parse_hex("rgb(1,2,3)")


# --- 6. every chart on every view has an alt text -------------------------------------------

APP = ROOT / "app.py"


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """st.cache_data outlives an AppTest in one process: start and end each test clean."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_chart_has_an_alt_text_that_is_also_shown(view: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["view"] = view
    at.run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert charts or view in {"texts", "sources"}, f"{view}: no chart drawn"
    captions = {c.value for c in at.caption}
    for chart in charts:
        key = json.loads(chart.proto.spec)["layout"].get("title", {}).get("text", "?")
        assert chart.proto.alt.strip(), f"{view}: the chart {key!r} has no alt text"
        assert escape_markdown(chart.proto.alt) in captions, f"{view}: {key!r} alt not shown"
