"""Colour-blind-safe colours (Okabe-Ito) and the second encoding that goes with each.

Every hue comes from Okabe and Ito's palette or from the PuOr diverging scale; the rest are
greys, which read the same to every kind of colour vision. Colours drawn as markers or lines
have 3:1 contrast or more (WCAG 2.1, SC 1.4.11) against both of Streamlit's backgrounds
(#FFFFFF light, #171614 dark) unless noted; tests/unit/figures/test_accessibility.py checks them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design", with the grey that R's palette.colors() adds.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
}


@dataclass(frozen=True)
class ScenarioStyle:
    """How scenario A or B is drawn: a colour plus a marker, a dash and a fill pattern (for
    bands), never colour alone."""

    name: str
    color: str
    symbol: str
    dash: str
    pattern: str


SCENARIO_STYLES: tuple[ScenarioStyle, ScenarioStyle] = (
    ScenarioStyle(name="A", color="#0072B2", symbol="circle", dash="dash", pattern="/"),
    ScenarioStyle(name="B", color="#D55E00", symbol="square", dash="dot", pattern="\\"),
)
# Orange is 2.1:1 on white: a marker in it needs an outline (OUTLINE_COLOR) to stand out.
STATUS_STYLES: dict[str, tuple[str, str]] = {
    "realized": ("#009E73", "circle"),
    "counterfactual": ("#CC79A7", "diamond"),
    "open": ("#E69F00", "triangle-up"),
}
# Greys with 3:1 or more on both backgrounds. Black (1.1:1 on the dark one) is not used for
# marks: observed points are a dark grey that stays visible in the dark theme.
OBSERVED_COLOR = "#6B6B6B"  # 5.3:1 on white, 3.4:1 on #171614
NEUTRAL_COLOR = "#888888"  # 3.5:1 on white, 5.1:1 on #171614
OUTLINE_COLOR = "#6B6B6B"  # for light fills (orange, yellow, sky blue) on a light background
UNKNOWN_COLOR = "#BDBDBD"  # a cell fill, always labelled "?"
# Chart text: tick labels, axis titles, labels beside markers. Streamlit's plotly theme draws
# them in #808495, 3.7:1 on white; this is 8.5:1. It suits the light theme, the only one the
# app offers (config.toml); a dark theme would need a light ink such as #D5DAE5 (11:1).
INK_COLOR = "#4D4D4D"
# The page's background, whichever theme: a colour Streamlit's plotly theme replaces in the
# browser with its background colour (streamlit.elements.lib.streamlit_plotly_theme.BG_COLOR).
PAGE_COLOR = "#000038"
# Orange (-2) to purple (+2): PuOr, a diverging scale that stays readable with red-green
# deficiency. Cell text on it must be chosen per cell: see explorer.figures.contrast.text_color_on.
POSITION_SCALE: tuple[str, ...] = ("#B35806", "#F1A340", "#F7F7F7", "#998EC3", "#542788")
# Okabe-Ito fills for labelled cells (a category per colour), each light enough that black
# text on it reads at 4.5:1 or more (the lowest, vermillion, 5.4:1).
LABELLED_FILLS: tuple[str, ...] = (
    "#56B4E9",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#999999",
)
