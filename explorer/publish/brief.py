"""A printable brief of one scenario or a compared pair: one self-contained HTML file.

Python gathers what the brief says as plain text, numbers and formatted dates; the template
``templates/brief.html.j2`` lays it out with autoescaping, so content is always text, never
markup, and only http(s) URLs become links. The page inlines its stylesheet and loads and runs
nothing (its Content-Security-Policy allows inline styles only), so it reads the same offline,
by e-mail or printed. Sources are numbered in the order the brief first cites them and only
those are listed. ``explorer.publish.pdf`` prints the page.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import jinja2
from markupsafe import Markup

from explorer.content import Scenario, ScenarioSet
from explorer.formats import day
from explorer.publish import brief_sections as sections
from explorer.publish.brief_charts import stance_chart, timeline_strip
from explorer.publish.citation import cite_line, pair_subject


def _as_text(value: object) -> Markup:
    """Escape as ``html.escape`` does (``&quot;``, not markupsafe's ``&#34;``); markup that
    the template itself made passes through."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=_as_text,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _scenario(scenario_set: ScenarioSet, scenario_id: str) -> Scenario:
    if scenario_id not in {s.id for s in scenario_set.scenarios}:
        raise ValueError(f"no scenario {scenario_id!r} in set {scenario_set.id!r}")
    return scenario_set.scenario(scenario_id)


def brief_html(
    scenario_set: ScenarioSet,
    a: str,
    b: str | None,
    link: str,
    generated: dt.date,
    pages: int | None = None,
) -> str:
    """The brief of scenario ``a`` (compared with ``b`` when given) as one HTML document;
    ``pages``, when known, is how many pages it has as PDF (``explorer.publish.pdf``).

    Raises ``ValueError`` when ``a`` or ``b`` is not a scenario of the set, or they are equal.
    """
    if a == b:
        raise ValueError(f"a and b are the same scenario ({a!r})")
    chosen = [_scenario(scenario_set, s) for s in (a, b) if s]
    lettered = list(zip("AB", chosen, strict=False))
    cite = sections.Citations(scenario_set.sources)
    subject = pair_subject(scenario_set, a, b, "brief")
    info = scenario_set.info
    # Built in page order: sources are numbered as the reader first meets them.
    key_dates = sections.key_dates(scenario_set, chosen, cite)
    stances = sections.stances(scenario_set, chosen, cite)
    indicators = sections.indicators(scenario_set, chosen, cite)
    narratives = [sections.narrative(scenario_set, s, letter, cite) for letter, s in lettered]
    signposts = [sections.signposts(scenario_set, s, letter, cite) for letter, s in lettered]
    return TEMPLATES.get_template("brief.html.j2").render(
        subject=subject,
        title=info.title,
        question=info.question,
        decision_point=info.decision_point,
        decision_date=day(info.decision_date),
        version=info.version,
        as_of=day(info.as_of),
        licence=info.licence,
        generated=day(generated),
        link=link,
        link_href=sections.href(link),
        cards=[sections.card(s, letter) for letter, s in lettered],
        key_dates=key_dates,
        stances=stances,
        timeline_chart=timeline_strip(scenario_set, chosen),
        stance_chart=stance_chart(
            [(f"{r['actor']} · {r['issue']}", *r["values"]) for r in stances["rows"]],
            stances["labels"],
        ),
        pages=pages,
        indicators=indicators,
        narratives=narratives,
        signposts=signposts,
        sources=[sections.source_entry(s) for s in cite.cited()],
        citation=cite_line(scenario_set, subject, link, generated),
        content_hash=scenario_set.content_hash[:12],
    )
