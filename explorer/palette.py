"""Colour-blind-safe colours (Okabe-Ito) and the second encoding that goes with each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScenarioStyle:
    """How scenario A or B is drawn: a colour plus a dash and a marker, never colour alone."""

    name: str
    color: str
    symbol: str
    dash: str


SCENARIO_STYLES: tuple[ScenarioStyle, ScenarioStyle] = (
    ScenarioStyle(name="A", color="#0072B2", symbol="circle", dash="dash"),
    ScenarioStyle(name="B", color="#D55E00", symbol="square", dash="dot"),
)
STATUS_STYLES: dict[str, tuple[str, str]] = {
    "realized": ("#009E73", "circle"),
    "counterfactual": ("#CC79A7", "diamond"),
    "open": ("#E69F00", "triangle-up"),
}
OBSERVED_COLOR = "#000000"
UNKNOWN_COLOR = "#BDBDBD"
NEUTRAL_COLOR = "#999999"
# Orange (-2) to purple (+2): a diverging scale that stays readable with red-green deficiency.
POSITION_SCALE: tuple[str, ...] = ("#B35806", "#F1A340", "#F7F7F7", "#998EC3", "#542788")
