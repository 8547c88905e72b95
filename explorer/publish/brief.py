"""A printable brief of one scenario or a compared pair: one self-contained HTML file.

Every content string goes through ``html.escape`` and only http(s) URLs become links. The page
loads nothing and runs nothing (its Content-Security-Policy allows inline styles only), so it
reads the same offline, by e-mail or printed. Sources are numbered in the order the brief first
cites them and only those are listed. ``brief_pdf`` prints the page with headless Chromium.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import os
import signal
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from explorer.analysis.compare import scenario_by_id, scenario_events, stance_changes, stances_under
from explorer.analysis.summaries import changes_summary
from explorer.content.model import LIKELIHOOD_RANGES, Event, Scenario, ScenarioSet, Source
from explorer.formats import day, signed
from explorer.publish.citation import cite_line, pair_subject
from explorer.text import is_web_link

CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT_SECONDS = 60
STATUS_WORDS = {
    "realized": "Realized: this happened",
    "counterfactual": "Counterfactual: this did not happen",
    "open": "Open: this may still unfold",
}
CERTAINTY_WORDS = {"observed": "Observed", "scheduled": "Scheduled", "projected": "Projected"}
CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; background: #fff;
  max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.55rem; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #888; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
h4 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
p, li { margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; margin: 0.4rem 0; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
blockquote { margin: 0.3rem 0 0.3rem 1rem; padding-left: 0.6rem; border-left: 3px solid #bbb; }
.kicker, .meta, .cite, .note { color: #444; font-size: 0.85em; }
.text { white-space: pre-line; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem; }
.scenario { border: 2px solid #555; padding: 0.4rem 0.9rem; margin: 0.6rem 0; }
.status { font-weight: bold; text-transform: uppercase; letter-spacing: 0.03em; margin: 0; }
.realized { border-style: solid; border-color: #1b7837; }
.realized .status { color: #1b7837; }
.counterfactual { border-style: dashed; border-color: #762a83;
  background: repeating-linear-gradient(135deg, #fff 0 10px, #f3ecf5 10px 20px); }
.counterfactual .status { color: #762a83; }
.open { border-style: dotted; border-color: #b35806; }
.open .status { color: #b35806; }
.tag { font-size: 0.8em; font-weight: bold; border: 1px solid #555; padding: 0 0.25em;
  white-space: nowrap; }
tr.projected td { font-style: italic; color: #333; }
tr.projected .tag { border-style: dashed; }
.url { font-size: 0.8em; word-break: break-all; color: #333; }
@page { size: A4; margin: 15mm 13mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  .pair { display: block; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, blockquote, li, .scenario { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _link(url: str | None, text: str) -> str:
    """A link only for an http(s) URL; anything else is shown as inert text."""
    if url and is_web_link(url):
        return f'<a href="{_e(url)}">{_e(text)}</a>'
    return _e(text)


def _number(value: float) -> str:
    return format(value, ",.10g")


class _Citations:
    """Numbers sources in the order the brief first cites them; the list shows only these."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self._sources = {s.id: s for s in sources}
        self.order: list[str] = []

    def __call__(self, ids: Iterable[str]) -> str:
        numbers = set()
        for source_id in ids:
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.add(self.order.index(source_id) + 1)
        if not numbers:
            return ""
        return f' <span class="cite">[{", ".join(map(str, sorted(numbers)))}]</span>'

    def cited(self) -> list[Source]:
        return [self._sources[s] for s in self.order]


def _table(head: Sequence[str], rows: Iterable[str]) -> str:
    """``rows`` are ready ``<tr>`` markup; ``head`` is escaped here."""
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _header(scenario_set: ScenarioSet, link: str, generated: dt.date) -> str:
    info = scenario_set.info
    return (
        '<header><p class="kicker">Scenario Explorer · scenario brief</p>'
        f"<h1>{_e(info.title)}</h1>"
        f"<p><strong>Question.</strong> {_e(info.question)}</p>"
        f"<p><strong>Decision point, {day(info.decision_date)}.</strong> "
        f"{_e(info.decision_point)}</p>"
        f'<p class="meta">Content version {_e(info.version)}, as of {day(info.as_of)}. '
        f"Brief generated {day(generated)}. Open this view: {_link(link, link)}</p>"
        "</header>"
    )


def _scenario_card(scenario: Scenario, letter: str) -> str:
    likelihood = scenario.likelihood
    return (
        f'<section class="scenario {scenario.status}">'
        f'<p class="status">{_e(STATUS_WORDS[scenario.status])}</p>'
        f"<h3>{letter}: {_e(scenario.title)}</h3>"
        f"<p><strong>{_e(scenario.narrative.headline)}</strong></p>"
        f"<p>Likelihood: <strong>{_e(likelihood.label)}</strong> "
        f"({LIKELIHOOD_RANGES[likelihood.label]}), as judged on {day(likelihood.assessed)}. "
        f"{_e(likelihood.rationale)}</p>"
        f'<p class="text">Premise: {_e(scenario.premise)}</p></section>'
    )


def _when(event: Event) -> str:
    text = day(event.when) + (f" to {day(event.end)}" if event.end else "")
    if event.window:
        text += f" (window {day(event.window.earliest)} to {day(event.window.latest)})"
    return text


def _key_dates(scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: _Citations) -> str:
    """One row per event of either scenario, saying in which it occurs and how certain it is."""
    letters: dict[Event, str] = {}
    for letter, scenario in zip("AB", chosen, strict=False):
        for event in scenario_events(scenario_set, scenario):
            letters[event] = letters.get(event, "") + letter
    rows = []
    for event in sorted(letters, key=lambda e: e.when):
        note = f"Basis: {_e(event.basis)}" if event.basis else ""
        rows.append(
            f'<tr class="{event.certainty}"><td>{_when(event)}</td>'
            f"<td>{', '.join(letters[event])}</td><td>{_e(event.track)}</td>"
            f'<td><span class="tag">{CERTAINTY_WORDS[event.certainty]}</span></td>'
            f"<td>{_e(event.title)}{cite(event.sources)}</td><td>{note}</td></tr>"
        )
    if not rows:
        return "<h2>Key dates</h2><p>No dated events.</p>"
    return (
        "<h2>Key dates</h2>"
        '<p class="note">Observed: it happened, with sources. Scheduled: announced. '
        "Projected: the scenario's expectation, with its basis; it has not happened.</p>"
        + _table(["Date", "In", "Track", "Status", "Event", "Note"], rows)
    )


def _stances(scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: _Citations) -> str:
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
        shift = f"{b - a:+d}" if isinstance(a, int) and isinstance(b, int) else ""
        rows.append(
            f"<tr><td>{_e(names[actor])}</td><td>{_e(issues[issue].label)}</td>"
            f'<td class="num">{signed(a)}</td><td class="num">{signed(b)}</td>'
            f'<td class="num">{shift}</td><td>{_e(basis)}{cite(sources)}</td></tr>'
        )
    section = f"<h2>Stance changes</h2><p>{_e(intro)}</p>"
    if not rows:
        return section
    poles = "".join(
        f"<li>{_e(issues[i].label)}: -2 = {_e(issues[i].low)}; +2 = {_e(issues[i].high)}</li>"
        for i in dict.fromkeys(c[1] for c in changes)
    )
    return (
        section
        + _table(["Actor", "Issue", *labels, "Shift", "Basis"], rows)
        + '<p class="note">Scale -2 to +2 per issue; "unknown": no public statement found.</p>'
        f'<ul class="note">{poles}</ul>'
    )


def _indicators(scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: _Citations) -> str:
    """Per indicator: each scenario's projected points with ranges, and observed values."""
    parts = []
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
            (
                p.date,
                f'<tr class="projected"><td>{day(p.date)}</td>'
                f'<td><span class="tag">Projected</span> {letter}: {_e(s.label)}</td>'
                f'<td class="num">{_number(p.value)}</td>'
                f'<td class="num">{_number(p.low)} to {_number(p.high)}</td><td></td></tr>',
            )
            for letter, s, t in paths
            for p in t.points
        ]
        rows += [
            (
                o.date,
                f'<tr class="observed"><td>{day(o.date)}</td>'
                f'<td><span class="tag">Observed</span></td>'
                f'<td class="num">{_number(v.value)}</td><td></td>'
                f"<td>{_e(v.note or o.title)}{cite(o.sources)}</td></tr>",
            )
            for o in scenario_set.observations
            for v in o.values
            if v.indicator == indicator.id
        ]
        bases = "".join(
            f"<li>{letter}: {_e(t.basis)}{cite(t.sources)}</li>" for letter, _, t in paths
        )
        better = "higher" if indicator.higher_is_better else "lower"
        parts.append(
            f"<h3>{_e(indicator.label)} ({_e(indicator.unit)})</h3>"
            f'<p class="note">{_e(indicator.description)} ({better} is better.)</p>'
            + _table(
                ["Date", "Kind", "Value", "Range", "Observed: note"],
                (row for _, row in sorted(rows, key=lambda r: r[0])),
            )
            + f'<p class="note">Basis of the projections:</p><ul class="note">{bases}</ul>'
        )
    if not parts:
        return "<h2>Indicators</h2><p>These scenarios project no indicators.</p>"
    return (
        "<h2>Indicators</h2>"
        '<p class="note">Projected values are judgments with a range, not measurements; '
        "observed values are reported figures, with their sources.</p>" + "".join(parts)
    )


def _items(title: str, items: Sequence[str]) -> str:
    if not items:
        return f"<h4>{title}</h4><p>None stated.</p>"
    return f"<h4>{title}</h4><ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _narrative(scenario_set: ScenarioSet, scenario: Scenario, letter: str, cite: _Citations) -> str:
    names = {x.id: x.name for x in scenario_set.actors}
    narrative = scenario.narrative
    parts = [
        f'<article><h3>{letter}: {_e(scenario.label)} <span class="tag">'
        f"{_e(STATUS_WORDS[scenario.status])}</span></h3>",
        f"<p><strong>{_e(narrative.headline)}</strong></p>",
        f'<p class="text">{_e(narrative.summary)}</p>',
    ]
    for section in narrative.sections:
        parts.append(
            f"<h4>{_e(section.title)}</h4>"
            f'<p class="text">{_e(section.body)}{cite(section.sources)}</p>'
        )
    if narrative.perspectives:
        parts.append("<h4>Perspectives</h4>")
    for view in narrative.perspectives:
        who = names[view.actor] if view.actor else view.attribution or ""
        quote = f"<blockquote>{_e(view.quote)}</blockquote>" if view.quote else ""
        parts.append(
            f"<p><strong>{_e(who)}</strong>: {_e(view.text)}{cite(view.sources)}</p>{quote}"
        )
    parts.append(_items("Risks", narrative.risks))
    parts.append(_items("Opportunities", narrative.opportunities))
    return "".join(parts) + "</article>"


def _signposts(scenario_set: ScenarioSet, chosen: Sequence[Scenario], cite: _Citations) -> str:
    """Each scenario's signposts, with what has been observed for or against them."""
    parts = [
        "<h2>Signposts</h2>",
        '<p class="note">What would show each path unfolding, and '
        "what has been observed since.</p>",
    ]
    for letter, scenario in zip("AB", chosen, strict=False):
        items = []
        for signpost in scenario.signposts:
            seen = [
                f"<li>{word}: {_e(o.title)} ({day(o.date)}){cite(o.sources)}</li>"
                for o in scenario_set.observations
                for word, ids in (("Supports", o.supports), ("Contradicts", o.contradicts))
                if signpost.id in ids
            ]
            evidence = f'<ul class="note">{"".join(seen)}</ul>' if seen else ""
            items.append(f"<li>{_e(signpost.text)}{evidence}</li>")
        listed = f"<ul>{''.join(items)}</ul>" if items else "<p>None stated.</p>"
        parts.append(f"<h3>{letter}: {_e(scenario.label)}</h3>{listed}")
    return "".join(parts)


def _sources(cite: _Citations) -> str:
    items = []
    for source in cite.cited():
        dates = f"published {day(source.published)}; " if source.published else ""
        via = f"; read via {_e(source.via)}" if source.via else ""
        url = f'<br><span class="url">{_e(source.url)}</span>' if source.url else ""
        items.append(
            f"<li>{_e(source.publisher)}: {_link(source.url, source.title)} "
            f"({dates}accessed {day(source.accessed)}{via}){url}</li>"
        )
    if not items:
        return "<h2>Sources</h2><p>Nothing in this brief cites a source.</p>"
    return '<h2>Sources</h2><p class="note">Numbers in brackets refer to this list.</p>' + (
        f"<ol>{''.join(items)}</ol>"
    )


def _scenario(scenario_set: ScenarioSet, scenario_id: str) -> Scenario:
    if scenario_id not in {s.id for s in scenario_set.scenarios}:
        raise ValueError(f"no scenario {scenario_id!r} in set {scenario_set.id!r}")
    return scenario_by_id(scenario_set, scenario_id)


def brief_html(
    scenario_set: ScenarioSet, a: str, b: str | None, link: str, generated: dt.date
) -> str:
    """The brief of scenario ``a`` (compared with ``b`` when given) as one HTML document.

    Raises ``ValueError`` when ``a`` or ``b`` is not a scenario of the set, or they are equal.
    """
    if a == b:
        raise ValueError(f"a and b are the same scenario ({a!r})")
    chosen = [_scenario(scenario_set, s) for s in (a, b) if s]
    cite = _Citations(scenario_set.sources)
    subject = pair_subject(scenario_set, a, b, "brief")
    body = [
        _header(scenario_set, link, generated),
        '<h2>The scenarios</h2><div class="pair">'
        + "".join(_scenario_card(s, letter) for s, letter in zip(chosen, "AB", strict=False))
        + "</div>",
        _key_dates(scenario_set, chosen, cite),
        _stances(scenario_set, chosen, cite),
        _indicators(scenario_set, chosen, cite),
        '<h2>Narratives</h2><div class="pair">'
        + "".join(
            _narrative(scenario_set, s, letter, cite)
            for s, letter in zip(chosen, "AB", strict=False)
        )
        + "</div>",
        _signposts(scenario_set, chosen, cite),
        _sources(cite),
        "<footer><h2>Cite this brief</h2>"
        f"<p>{_e(cite_line(scenario_set, subject, link, generated))}</p>"
        f'<p class="note">Content licence: {_e(scenario_set.info.licence)}. Content hash '
        f"{_e(scenario_set.content_hash[:12])}. Counterfactual scenarios describe what did not "
        "happen; projections are judgments, not measurements.</p></footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(subject)}: {_e(scenario_set.info.title)}</title>"
        f"<style>{CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def pdf_available(chromium: Path = CHROMIUM) -> bool:
    return chromium.is_file() and os.access(chromium, os.X_OK)


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Kill whatever Chromium left running in its own process group, then reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def brief_pdf(
    html_text: str, chromium: Path = CHROMIUM, timeout: float = PDF_TIMEOUT_SECONDS
) -> bytes | None:
    """The brief printed to PDF by headless Chromium; None when Chromium is absent or fails.

    The page and a throwaway browser profile live in a temporary folder that is removed
    afterwards, once every process of the browser's group has been ended."""
    if not pdf_available(chromium):
        return None
    with tempfile.TemporaryDirectory(prefix="scenario-brief-") as folder:
        page, pdf = Path(folder, "brief.html"), Path(folder, "brief.pdf")
        page.write_text(html_text, encoding="utf-8")
        command = [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(folder, 'profile')}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        finally:
            _end_group(process)
        data = pdf.read_bytes() if pdf.is_file() else b""
    return data if data.startswith(b"%PDF") else None
