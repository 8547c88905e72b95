"""Pure figure builders (model objects in, plotly figures out), their style and palette.

One module per kind of figure: ``timeline``, ``stakeholders`` (stance heatmap, position and
salience), ``outcomes`` (indicator trajectories) and ``tree`` (the scenario tree)."""

from explorer.figures.contrast import (
    BLACK,
    GRAPHICS_MINIMUM,
    LARGE_TEXT_MINIMUM,
    TEXT_MINIMUM,
    WHITE,
    blend,
    contrast_ratio,
    parse_hex,
    relative_luminance,
    text_color_on,
    to_hex,
)
from explorer.figures.outcomes import RANGE_HOVER, trajectories, value_span
from explorer.figures.palette import (
    INK_COLOR,
    LABELLED_FILLS,
    NEUTRAL_COLOR,
    OBSERVED_COLOR,
    OKABE_ITO,
    OUTLINE_COLOR,
    POSITION_SCALE,
    SCENARIO_STYLES,
    STATUS_STYLES,
    UNKNOWN_COLOR,
    ScenarioStyle,
)
from explorer.figures.stakeholders import position_salience, stance_heatmap
from explorer.figures.style import (
    FONT,
    clip,
    esc,
    layout,
    wrap,
)
from explorer.figures.timeline import CERTAINTY_MARKERS, CERTAINTY_OPACITY, timeline
from explorer.figures.tree import scenario_tree

__all__ = [
    "BLACK",
    "CERTAINTY_MARKERS",
    "CERTAINTY_OPACITY",
    "FONT",
    "GRAPHICS_MINIMUM",
    "INK_COLOR",
    "LABELLED_FILLS",
    "LARGE_TEXT_MINIMUM",
    "NEUTRAL_COLOR",
    "OBSERVED_COLOR",
    "OKABE_ITO",
    "OUTLINE_COLOR",
    "POSITION_SCALE",
    "RANGE_HOVER",
    "SCENARIO_STYLES",
    "STATUS_STYLES",
    "TEXT_MINIMUM",
    "UNKNOWN_COLOR",
    "WHITE",
    "ScenarioStyle",
    "blend",
    "clip",
    "contrast_ratio",
    "esc",
    "layout",
    "parse_hex",
    "position_salience",
    "relative_luminance",
    "scenario_tree",
    "stance_heatmap",
    "text_color_on",
    "timeline",
    "to_hex",
    "trajectories",
    "value_span",
    "wrap",
]
