"""How to cite: the citation line of a set or of the view on screen."""

from __future__ import annotations

import datetime as dt

from explorer.content import ScenarioSet
from explorer.formats import day
from explorer.views import VIEWS, ViewState, pair_label

APP_NAME = "Scenario Explorer"
LOCAL_BASE = "http://localhost:8501/"


def cite_line(
    scenario_set: ScenarioSet, subject: str | None, link: str, accessed: dt.date | None
) -> str:
    """``Scenario Explorer, "<title>", content version <v> (as of <date>)[: subject]. <link>``,
    with ``(accessed <date>)`` when ``accessed`` is given; on one line, ready to paste."""
    info = scenario_set.info
    line = f'{APP_NAME}, "{info.title}", content version {info.version} (as of {day(info.as_of)})'
    line += f": {subject}. {link}" if subject else f". {link}"
    line += f" (accessed {day(accessed)})." if accessed else ""
    return " ".join(line.split())


def pair_subject(scenario_set: ScenarioSet, a: str, b: str | None, what: str) -> str:
    """``US draft adopted vs Russian draft prevails, timeline``."""
    return f"{pair_label(scenario_set, a, b)}, {what}"


def citation(scenario_set: ScenarioSet, state: ViewState, link: str, today: dt.date) -> str:
    """How to cite the current view: title, content version, the view, its link, access date."""
    subject = pair_subject(scenario_set, state.a, state.b, VIEWS[state.view].label.lower())
    return cite_line(scenario_set, subject, link, today)
