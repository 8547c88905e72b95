"""How to cite: the citation line of a set or of the view on screen."""

from __future__ import annotations

import datetime as dt

from explorer.analysis.compare import scenario_by_id
from explorer.content.model import ScenarioSet
from explorer.formats import day
from explorer.views.state import VIEWS, ViewState

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
    labels = [scenario_by_id(scenario_set, s).label for s in (a, b) if s]
    return f"{' vs '.join(labels)}, {what}"


def citation(scenario_set: ScenarioSet, state: ViewState, link: str, today: dt.date) -> str:
    """How to cite the current view: title, content version, the view, its link, access date."""
    subject = pair_subject(scenario_set, state.a, state.b, VIEWS[state.view].lower())
    return cite_line(scenario_set, subject, link, today)
