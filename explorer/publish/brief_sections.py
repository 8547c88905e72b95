"""The brief's sections as plain context: text, numbers and dates already formatted.

Each function returns what one section of ``templates/brief.html.j2`` shows, with no markup.
Sources are numbered by ``Citations`` in the order the brief first cites them, so the sections
are built in page order; only http(s) URLs are given a link target (``href``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import unquote

from explorer.analysis.compare import scenario_events, stance_changes, stances_under
from explorer.analysis.summaries import changes_summary
from explorer.content import (
    LIKELIHOOD_SCALE_TITLE,
    LIKELIHOOD_SCALE_URL,
    Event,
    Scenario,
    ScenarioSet,
    Source,
)
from explorer.formats import day, number, places, signed
from explorer.publish.indicator_chart import indicator_chart
from explorer.text import is_web_link, isolate

STATUS_WORDS = {
    "realized": "Realized: this happened",
    "counterfactual": "Counterfactual: this did not happen",
    "open": "Open: this may still unfold",
}
CERTAINTY_WORDS = {"observed": "Observed", "scheduled": "Scheduled", "projected": "Projected"}

Context = dict[str, object]  # what the template reads for one section or row: name -> value


def href(url: str | None) -> str | None:
    """A link target only for an http(s) URL; anything else is shown as inert text."""
    return url if url and is_web_link(url) else None


class Citations:
    """Numbers sources in the order the brief first cites them; the list shows only these."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self._sources = {s.id: s for s in sources}
        self.order: list[str] = []

    def __call__(self, ids: Iterable[str]) -> list[int]:
        numbers = set()
        for source_id in ids:
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.add(self.order.index(source_id) + 1)
        return sorted(numbers)

    def cited(self) -> list[Source]:
        return [self._sources[s] for s in self.order]


def card(scenario: Scenario, letter: str) -> Context:
    likelihood = scenario.likelihood
    return {
        "letter": letter,
        "status": scenario.status,
        "status_words": STATUS_WORDS[scenario.status],
        "title": scenario.title,
        "headline": scenario.narrative.headline,
        "likelihood": scenario.chance,
        "assessed": day(likelihood.assessed) if likelihood else None,
        "rationale": likelihood.rationale if likelihood else None,
        "scale": LIKELIHOOD_SCALE_TITLE,
        "scale_url": LIKELIHOOD_SCALE_URL,
        "premise": scenario.premise,
    }


def _when(event: Event) -> str:
    text = day(event.when) + (f" to {day(event.end)}" if event.end else "")
    if event.window:
        text += f" (window {day(event.window.earliest)} to {day(event.window.latest)})"
    return text


def _certainty(event: Event) -> str:
    """The certainty word, with what became of a past scheduled or projected event."""
    word = CERTAINTY_WORDS[event.certainty]
    return f"{word}, {event.resolution.outcome}" if event.resolution else word


def key_dates(
    scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: Citations
) -> list[Context]:
    """One row per event of either scenario, saying in which it occurs and how certain it is."""
    letters: dict[Event, str] = {}
    for letter, scenario in zip("AB", chosen, strict=False):
        for event in scenario_events(scenario_set, scenario):
            letters[event] = letters.get(event, "") + letter
    return [
        {
            "when": _when(event),
            "letters": ", ".join(letters[event]),
            "track": event.track,
            "certainty": event.certainty,
            "certainty_word": _certainty(event),
            "title": event.title,
            "cites": cite(
                (*event.sources, *(event.resolution.sources if event.resolution else ()))
            ),
            "basis": event.basis,
        }
        for event in sorted(letters, key=lambda e: e.when)
    ]


def stances(scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: Citations) -> Context:
    """With B: every position that differs between A and B. Alone: A's projected reactions."""
    names = {x.id: x.name for x in scenario_set.actors}
    issues = {i.id: i for i in scenario_set.issues}
    recorded = {(s.actor, s.issue): s for s in scenario_set.stances}
    reacted: dict[tuple[str, str], list[str]] = defaultdict(list)
    for scenario in chosen:
        for reaction in scenario.reactions:
            reacted[(reaction.actor, reaction.issue)] += reaction.sources
    if len(chosen) == 2:
        found = stance_changes(scenario_set, chosen[0], chosen[1])
        changes = [(c.actor, c.issue, c.a, c.b, c.basis) for c in found]
        labels = [s.label for s in chosen]
        intro = changes_summary(found, labels)
    else:
        before = stances_under(scenario_set, None)
        changes = [
            (r.actor, r.issue, before[(r.actor, r.issue)].value, r.value, r.basis)
            for r in chosen[0].reactions
        ]
        labels = ["At the decision", chosen[0].label]
        intro = f"Projected reactions under {chosen[0].label}: {len(changes)}."
    rows = []
    for actor, issue, a, b, basis in changes:
        stance = recorded.get((actor, issue))
        sources = [*(stance.sources if stance else ()), *reacted[(actor, issue)]]
        rows.append(
            {
                "actor": names[actor],
                "issue": issues[issue].label,
                "a": signed(a),
                "b": signed(b),
                "shift": f"{b - a:+d}" if isinstance(a, int) and isinstance(b, int) else "",
                "values": (a, b),
                "basis": basis,
                "cites": cite(sources),
            }
        )
    poles = [
        (issues[i].label, issues[i].low, issues[i].high)
        for i in dict.fromkeys(c[1] for c in changes)
    ]
    return {"intro": intro, "labels": labels, "rows": rows, "poles": poles}


def indicators(
    scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: Citations
) -> list[Context]:
    """Per indicator: each scenario's projected points with ranges, and observed values."""
    tables = []
    for indicator in scenario_set.indicators:
        paths = [
            (letter, s, t)
            for letter, s in zip("AB", chosen, strict=False)
            for t in s.trajectories
            if t.indicator == indicator.id
        ]
        if not paths:
            continue
        rows = [
            {
                "kind": "projected",
                "date": p.date,
                "scenario": letter,
                "value": number(p.value, decimals),
                "range": f"{number(p.low, decimals)} to {number(p.high, decimals)}",
            }
            for letter, _, t in paths
            for decimals in [places([v for q in t.points for v in (q.value, q.low, q.high)])]
            for p in t.points
        ]
        rows += [
            {
                "kind": "observed",
                "date": o.date,
                "value": number(v.value, places([v.value])),
                "note": v.note or o.title,
                "cites": cite(o.sources),
            }
            for o in scenario_set.observations
            for v in o.values
            if v.indicator == indicator.id
        ]
        bases = [(letter, t.basis, cite(t.sources)) for letter, _, t in paths]
        observed = [
            (o.date, v.value)
            for o in scenario_set.observations
            for v in o.values
            if v.indicator == indicator.id
        ]
        title = f"{indicator.label} ({indicator.unit})"
        ordered = sorted(rows, key=lambda r: r["date"])
        tables.append(
            {
                "label": indicator.label,
                "unit": indicator.unit,
                "chart": indicator_chart(title, [(letter, t) for letter, _, t in paths], observed),
                "description": indicator.description,
                "better": {True: "higher", False: "lower", None: None}[indicator.higher_is_better],
                "rows": [{**row, "date": day(row["date"])} for row in ordered],
                "bases": bases,
            }
        )
    return tables


def narrative(
    scenario_set: ScenarioSet, scenario: Scenario, letter: str, cite: Citations
) -> Context:
    names = {x.id: x.name for x in scenario_set.actors}
    story = scenario.narrative
    return {
        "letter": letter,
        "label": scenario.label,
        "status_words": STATUS_WORDS[scenario.status],
        "headline": story.headline,
        "summary": story.summary,
        "sections": [(s.title, s.body, cite(s.sources)) for s in story.sections],
        "perspectives": [
            {
                "who": names[view.actor] if view.actor else view.attribution or "",
                "text": view.text,
                "cites": cite(view.sources),
                "quote": view.quote,
            }
            for view in story.perspectives
        ],
        "lists": [("Risks", story.risks), ("Opportunities", story.opportunities)],
    }


def signposts(
    scenario_set: ScenarioSet, scenario: Scenario, letter: str, cite: Citations
) -> Context:
    """A scenario's signposts, with what has been observed for or against them."""
    entries = [
        {
            "text": signpost.text,
            "seen": [
                (word, o.title, day(o.date), cite(o.sources))
                for o in scenario_set.observations
                for word, ids in (("Supports", o.supports), ("Contradicts", o.contradicts))
                if signpost.id in ids
            ],
        }
        for signpost in scenario.signposts
    ]
    return {"letter": letter, "label": scenario.label, "signposts": entries}


def source_entry(source: Source) -> Context:
    """A listed source; its address is shown with escapes decoded (``%D8%B9`` as the letter it
    stands for, isolated so a right-to-left path keeps its order) and linked as written."""
    return {
        "publisher": source.cited_as,
        "href": href(source.url),
        "title": source.title,
        "published": day(source.published) if source.published else None,
        "accessed": day(source.accessed),
        "via": source.via,
        "url": isolate(unquote(source.url)) if source.url else None,
    }
