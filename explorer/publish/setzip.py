"""The whole set as a zip: its YAML files with a README and metadata.json.

The zip follows Our World in Data's downloads: the data files (here the set's YAML) with a
``README.md`` saying what they are and how to cite them, and a ``metadata.json`` for machines.
It is deterministic: the same files give the same bytes, so a download can be checked by hash.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePosixPath

from explorer.content import Scenario, ScenarioSet, content_hash
from explorer.formats import day
from explorer.publish.citation import APP_NAME, cite_line
from explorer.text import escape_commonmark
from explorer.views import view_link
from explorer.zipfiles import deterministic_zip

FILE_NOTES: dict[str, str] = {
    "set.yaml": "what the set is about: title, question, decision point, version, as-of date",
    "sources.yaml": "every source: publisher, title, URL read, dates",
    "actors.yaml": "the states, bodies and groups that take positions",
    "issues.yaml": "the policy dimensions on which actors take positions",
    "positions.yaml": "each actor's position on each issue at the decision, with sources",
    "bodies.yaml": "the bodies that decide by vote: members and rules",
    "drafts.yaml": "the competing draft texts, clause by clause",
    "events.yaml": "the shared history before the decision",
    "indicators.yaml": "the indicators the scenarios project",
    "observed.yaml": "what has been observed since, dated and sourced",
    "council-record.yaml": "the deciding body's recorded votes on the question",
    "cib.yaml": "a cross-impact balance matrix (the authors' judgment)",
}


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
        return f"scenario: {escape_commonmark(scenario.title)} ({scenario.status})"
    return FILE_NOTES.get(name, "part of the set")


def _readme(scenario_set: ScenarioSet, files: Mapping[str, bytes], link: str) -> str:
    """What the set is, how to cite it, its licence and files. Content text is escaped, so a
    Markdown viewer shows it as written; the citation is a code block, ready to copy."""
    info, esc = scenario_set.info, escape_commonmark
    scenarios = {s.id: s for s in scenario_set.scenarios}
    return "\n".join(
        [
            f"# {esc(info.title)}",
            "",
            f"A scenario set of {APP_NAME}: content version {esc(info.version)}, "
            f"as of {day(info.as_of)}.",
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
    entries = {
        "README.md": _readme(scenario_set, files, link).encode("utf-8"),
        "metadata.json": (
            json.dumps(_metadata(scenario_set, files, link), indent=2, ensure_ascii=False) + "\n"
        ).encode("utf-8"),
        **{name: files[name] for name in sorted(files)},
    }
    return deterministic_zip(
        {f"{scenario_set.id}/{name}": data for name, data in entries.items()},
        scenario_set.info.as_of,
    )
