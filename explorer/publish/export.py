"""Downloads and citations: the current view's data as CSV, the set as a zip, a citation line.

The zip follows Our World in Data's downloads: the data files (here the set's YAML) with a
``README.md`` saying what they are and how to cite them, and a ``metadata.json`` for machines.
It is deterministic: the same files give the same bytes, so a download can be checked by hash.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath

import pandas as pd

from explorer.analysis import tables as tables
from explorer.analysis.compare import (
    actor_group,
    aligned_clauses,
    observed_points,
    scenario_by_id,
    scenario_events,
    stance_changes,
    stances_under,
)
from explorer.analysis.reality import check_signposts
from explorer.analysis.series import EventSeries, TrajectorySeries
from explorer.cib.matrix import consistent_scenarios, from_cib_file, with_judgments
from explorer.content.loader import content_hash
from explorer.content.model import LIKELIHOOD_RANGES, Clause, Scenario, ScenarioSet
from explorer.council.figures import record_table
from explorer.council.rules import recorded_votes
from explorer.text import escape_markdown
from explorer.views.state import VIEWS, ViewState, view_link

APP_NAME = "Scenario Explorer"
LOCAL_BASE = "http://localhost:8501/"
FILE_NOTES: dict[str, str] = {
    "set.yaml": "what the set is about: title, question, decision point, version, as-of date",
    "sources.yaml": "every source: publisher, title, URL read, dates",
    "actors.yaml": "the states, bodies and groups that take positions",
    "issues.yaml": "the policy dimensions on which actors take positions",
    "positions.yaml": "each actor's position on each issue at the decision, with sources",
    "drafts.yaml": "the competing draft texts, clause by clause",
    "events.yaml": "the shared history before the decision",
    "indicators.yaml": "the indicators the scenarios project",
    "observed.yaml": "what has been observed since, dated and sourced",
    "council-record.yaml": "the Council's recorded votes on the question",
    "cib.yaml": "a cross-impact balance matrix (the authors' judgment)",
}
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def long_date(day: dt.date) -> str:
    """``1 July 2026``: unambiguous in every locale."""
    return f"{day.day} {day:%B %Y}"


def cite_line(
    scenario_set: ScenarioSet, subject: str | None, link: str, accessed: dt.date | None
) -> str:
    """``Scenario Explorer, "<title>", content version <v> (as of <date>)[: subject]. <link>``,
    with ``(accessed <date>)`` when ``accessed`` is given; on one line, ready to paste."""
    info = scenario_set.info
    line = (
        f'{APP_NAME}, "{info.title}", content version {info.version} '
        f"(as of {long_date(info.as_of)})"
    )
    line += f": {subject}. {link}" if subject else f". {link}"
    line += f" (accessed {long_date(accessed)})." if accessed else ""
    return " ".join(line.split())


def pair_subject(scenario_set: ScenarioSet, a: str, b: str | None, what: str) -> str:
    """``US draft adopted vs Russian draft prevails, timeline``."""
    labels = [scenario_by_id(scenario_set, s).label for s in (a, b) if s]
    return f"{' vs '.join(labels)}, {what}"


def citation(scenario_set: ScenarioSet, state: ViewState, link: str, today: dt.date) -> str:
    """How to cite the current view: title, content version, the view, its link, access date."""
    subject = pair_subject(scenario_set, state.a, state.b, VIEWS[state.view].lower())
    return cite_line(scenario_set, subject, link, today)


def _chosen(scenario_set: ScenarioSet, state: ViewState) -> list[Scenario]:
    return [scenario_by_id(scenario_set, s) for s in (state.a, state.b) if s]


def overview_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    letters = {state.a: "A", state.b: "B"}
    return pd.DataFrame(
        [
            {
                "scenario": s.id,
                "title": s.title,
                "label": s.label,
                "compared as": letters.get(s.id, ""),
                "status": s.status,
                "likelihood": s.likelihood.label,
                "likelihood range": LIKELIHOOD_RANGES[s.likelihood.label],
                "likelihood assessed": s.likelihood.assessed,
                "headline": s.narrative.headline,
                "premise": s.premise,
            }
            for s in scenario_set.scenarios
        ]
    )


def timeline_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """The events the timeline draws: the chosen scenarios, tracks and dates."""
    series = [
        EventSeries(
            s.label,
            [
                e
                for e in scenario_events(scenario_set, s)
                if e.track in state.tracks and state.dates[0] <= e.when <= state.dates[1]
            ],
        )
        for s in _chosen(scenario_set, state)
    ]
    publishers = {s.id: s.publisher for s in scenario_set.sources}
    return tables.events_table(series, publishers)


def stakeholders_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """Positions under A of the chosen groups on the chosen issues; with B, each position
    under B and the shift and basis of every change."""
    actors = [x for x in scenario_set.actors if actor_group(x) in state.groups]
    issues = [i for i in scenario_set.issues if i.id in state.issues]
    chosen = _chosen(scenario_set, state)
    a = chosen[0]
    table = tables.stances_table(actors, issues, stances_under(scenario_set, a))
    table = table.rename(columns={"position": f"position under {a.label}"})
    if len(chosen) == 1 or table.empty:
        return table
    b = chosen[1]
    table[f"position under {b.label}"] = tables.stances_table(
        actors, issues, stances_under(scenario_set, b)
    )["position"]
    names = {x.id: x.name for x in scenario_set.actors} | {i.id: i.label for i in issues}
    shown = {(x.id, i.id) for x in actors for i in issues}
    changes = [c for c in stance_changes(scenario_set, a, b) if (c.actor, c.issue) in shown]
    moved = tables.changes_table(changes, names, [a.label, b.label])
    moved = moved[["actor", "issue", "shift", "basis"]].rename(columns={"basis": "basis of change"})
    return table.merge(moved, on=["actor", "issue"], how="left").fillna(
        {"shift": "", "basis of change": ""}
    )


def outcomes_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    series = [TrajectorySeries(s.label, s.trajectories) for s in _chosen(scenario_set, state)]
    used = {t.indicator for one in series for t in one.trajectories}
    observed = [p for p in observed_points(scenario_set) if p.indicator in used]
    labels = {i.id: i.label for i in scenario_set.indicators}
    return tables.trajectories_table(series, observed, labels)


def _clause_cells(clause: Clause | None, publishers: Mapping[str, str]) -> dict[str, str]:
    if clause is None:
        return {"addressed": "silent", "clause": "", "quote": "", "sources": ""}
    return {
        "addressed": "yes",
        "clause": clause.summary,
        "quote": clause.quote or "",
        "sources": ", ".join(publishers[s] for s in clause.sources),
    }


def drafts_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """One row per issue, draft and clause, aligned as the drafts view shows them; a draft
    silent on an issue gets a row marked ``silent``."""
    labels = {i.id: i.label for i in scenario_set.issues}
    publishers = {s.id: s.publisher for s in scenario_set.sources}
    return pd.DataFrame(
        [
            {
                "issue": labels[row.issue],
                "draft": draft.title,
                "symbol": draft.symbol or "",
                "status": draft.status,
                **_clause_cells(clause, publishers),
            }
            for row in aligned_clauses(scenario_set)
            if row.issue in state.issues
            for draft, clauses in zip(scenario_set.drafts, row.cells, strict=True)
            for clause in clauses or (None,)
        ]
    )


def sources_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    return tables.sources_table(scenario_set)


def council_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """The decision's recorded vote beside the what-if of the view, then the Council's record."""
    names = {a.id: a.name for a in scenario_set.actors}
    voted = next((d for d in scenario_set.drafts if d.vote), None)
    rows: list[dict[str, object]] = []
    if voted and voted.vote:
        simulated = dict(state.votes)
        rows += [
            {
                "draft": voted.title,
                "member": names.get(m, m),
                "recorded": v,
                "what-if": simulated.get(m, v),
            }
            for m, v in recorded_votes(voted.vote).items()
        ]
    sources = {s.id: s.publisher for s in scenario_set.sources}
    record = (
        record_table(scenario_set.council_record, sources) if scenario_set.council_record else None
    )
    table = pd.DataFrame(rows)
    return table if record is None else pd.concat([table, record], ignore_index=True)


def reality_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """Each chosen scenario's signposts with their status and the observations behind it."""
    rows = []
    for scenario_id in (s for s in (state.a, state.b) if s):
        scenario = scenario_by_id(scenario_set, scenario_id)
        for check in check_signposts(scenario_set, scenario):
            rows.append(
                {
                    "scenario": scenario.label,
                    "signpost": check.signpost.text,
                    "status": check.status,
                    "evidence": "; ".join(
                        f"{e.observation.date} {e.observation.title}" for e in check.evidence
                    ),
                }
            )
    return pd.DataFrame(rows)


def whatif_table(scenario_set: ScenarioSet, state: ViewState) -> pd.DataFrame:
    """Every consistent scenario under the view's fixed descriptors and changed judgments."""
    if scenario_set.cib is None:
        return pd.DataFrame()
    matrix = with_judgments(from_cib_file(scenario_set.cib), dict(state.judgments))
    names = [d.name for d in scenario_set.cib.descriptors]
    return pd.DataFrame(
        [
            {
                **dict(zip(names, solution.variants, strict=True)),
                "consistency value": solution.consistency_value,
                "total impact score": solution.total_impact_score,
            }
            for solution in consistent_scenarios(matrix, fixed=dict(state.fixed))
        ],
        columns=[*names, "consistency value", "total impact score"],
    )


VIEW_TABLES: dict[str, Callable[[ScenarioSet, ViewState], pd.DataFrame]] = {
    "overview": overview_table,
    "timeline": timeline_table,
    "stakeholders": stakeholders_table,
    "outcomes": outcomes_table,
    "drafts": drafts_table,
    "sources": sources_table,
    "council": council_table,
    "reality": reality_table,
    "whatif": whatif_table,
}
PAIR_VIEWS = {"timeline", "stakeholders", "outcomes", "reality"}


def _inert(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def view_csv(scenario_set: ScenarioSet, state: ViewState) -> tuple[str, bytes]:
    """The file name and UTF-8 CSV of the data the current view shows."""
    table = VIEW_TABLES[state.view](scenario_set, state)
    name = f"{scenario_set.id}-{state.view}"
    if state.view in PAIR_VIEWS:
        name += f"-{state.a}" + (f"-vs-{state.b}" if state.b else "")
    text = table.map(_inert).to_csv(index=False, lineterminator="\n")
    return f"{name}.csv", text.encode("utf-8")


def set_link(scenario_set: ScenarioSet, share_base: str) -> str:
    return view_link(share_base, {"set": scenario_set.id, "v": scenario_set.info.version})


def _metadata(scenario_set: ScenarioSet, files: Mapping[str, bytes], link: str) -> dict:
    info = scenario_set.info
    return {
        "id": scenario_set.id,
        "title": info.title,
        "question": info.question,
        "version": info.version,
        "content_hash": content_hash(files),
        "as_of": info.as_of.isoformat(),
        "decision_date": info.decision_date.isoformat(),
        "licence": info.licence,
        "citation": cite_line(scenario_set, None, link, None),
        "link": link,
        "scenarios": [
            {"id": s.id, "title": s.title, "status": s.status} for s in scenario_set.scenarios
        ],
        "files": sorted(files),
        "sources": [
            {
                "id": s.id,
                "publisher": s.publisher,
                "title": s.title,
                "url": s.url,
                "published": s.published.isoformat() if s.published else None,
                "accessed": s.accessed.isoformat(),
                "via": s.via,
            }
            for s in scenario_set.sources
        ],
    }


def _file_note(name: str, scenarios: Mapping[str, Scenario]) -> str:
    scenario = scenarios.get(PurePosixPath(name).stem) if name.startswith("scenarios/") else None
    if scenario is not None:
        return f"scenario: {escape_markdown(scenario.title)} ({scenario.status})"
    return FILE_NOTES.get(name, "part of the set")


def _readme(scenario_set: ScenarioSet, files: Mapping[str, bytes], link: str) -> str:
    """What the set is, how to cite it, its licence and files. Content text is escaped, so a
    Markdown viewer shows it as written; the citation is a code block, ready to copy."""
    info, esc = scenario_set.info, escape_markdown
    scenarios = {s.id: s for s in scenario_set.scenarios}
    return "\n".join(
        [
            f"# {esc(info.title)}",
            "",
            f"A scenario set of {APP_NAME}: content version {esc(info.version)}, "
            f"as of {long_date(info.as_of)}.",
            "",
            f"**Question.** {esc(info.question)}",
            "",
            esc(info.summary),
            "",
            "## How to cite",
            "",
            "    " + cite_line(scenario_set, None, link, None),
            "",
            'Add the date you accessed it, for example "(accessed 1 January 2027)". The link '
            "opens this set in the app.",
            "",
            "## Licence",
            "",
            f"The content of this set is licensed {esc(info.licence)}. Each source listed in "
            "`sources.yaml` and `metadata.json` remains its publisher's; the set summarises "
            "and quotes them with attribution.",
            "",
            "## Files",
            "",
            "- `README.md`: this file",
            "- `metadata.json`: title, version, content hash, as-of date, licence, citation "
            "and sources, for machines",
            *(f"- `{name}`: {_file_note(name, scenarios)}" for name in sorted(files)),
            "",
            'The YAML format is described in the Scenario Explorer README ("Scenario file '
            'format"). Unzip this folder under `scenarios/` and run '
            "`uv run python -m explorer validate` to check it.",
            "",
        ]
    )


def set_zip(scenario_set: ScenarioSet, files: Mapping[str, bytes], share_base: str) -> bytes:
    """A zip of the set's files with a ``README.md`` and ``metadata.json``, all in a folder
    named after the set; timestamps are the set's as-of date, so equal content gives equal
    bytes. ``files`` are the raw files (``explorer.content.read_folder``); the content
    hash in the metadata is computed from them."""
    link = set_link(scenario_set, share_base)
    as_of = scenario_set.info.as_of
    entries = {
        "README.md": _readme(scenario_set, files, link).encode("utf-8"),
        "metadata.json": (
            json.dumps(_metadata(scenario_set, files, link), indent=2, ensure_ascii=False) + "\n"
        ).encode("utf-8"),
        **{name: files[name] for name in sorted(files)},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            entry = zipfile.ZipInfo(
                f"{scenario_set.id}/{name}", (as_of.year, as_of.month, as_of.day, 0, 0, 0)
            )
            entry.create_system = 3  # Unix, whatever the platform, for equal bytes
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()
