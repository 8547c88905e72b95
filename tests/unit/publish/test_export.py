"""Exports: the view's data as CSV, the set as a deterministic zip, and a citation line.

Contract: each view's CSV holds the rows that view shows, filtered as it filters them; the zip
holds the set's files, a README and metadata.json, and is byte-for-byte reproducible; the
citation names the title, content version, as-of date, the view, its link and the access date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from explorer import publish
from explorer.content import Catalog, ScenarioSet, content_hash, load_set, read_folder
from explorer.views import ViewState, default_state

LINK = "https://example.app/?view=timeline"
TODAY = dt.date(2026, 11, 27)


@dataclass(frozen=True)
class Tiny:
    scenario_set: ScenarioSet
    state: ViewState
    files: dict[str, bytes]


def open_set(folder: Path) -> Tiny:
    scenario_set = load_set(folder).set
    assert scenario_set is not None
    files = read_folder(folder)
    assert isinstance(files, dict)
    catalog = Catalog(sets={scenario_set.id: scenario_set})
    return Tiny(scenario_set, default_state(catalog), files)


@pytest.fixture
def tiny(tiny_set: Path) -> Tiny:
    return open_set(tiny_set)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_citation_names_title_version_as_of_pair_view_link_and_access_date(tiny: Tiny) -> None:
    state = replace(tiny.state, view="timeline")
    assert publish.citation(tiny.scenario_set, state, LINK, TODAY) == (
        'Scenario Explorer, "Tiny test set", content version 0.1.0 (as of 31 January 2026): '
        "Adopted vs Rejected, timeline. https://example.app/?view=timeline "
        "(accessed 27 November 2026)."
    )


def test_citation_of_one_scenario_names_only_that_scenario(tiny: Tiny) -> None:
    state = replace(tiny.state, b=None, view="stakeholders")
    assert ": Adopted, stakeholders. " in publish.citation(tiny.scenario_set, state, LINK, TODAY)


def test_citation_is_one_line_even_when_the_title_has_line_breaks(edit, tiny_set: Path) -> None:
    edit("set.yaml", "title: Tiny test set", 'title: "Tiny\\ntest set"')
    tiny = open_set(tiny_set)
    line = publish.citation(tiny.scenario_set, tiny.state, LINK, TODAY)
    assert "\n" not in line
    assert '"Tiny test set"' in line


@pytest.mark.parametrize(
    ("view", "name", "first_columns", "count"),
    [
        ("overview", "tiny-set-overview.csv", ["scenario", "title", "label", "compared as"], 2),
        (
            "timeline",
            "tiny-set-timeline-adopted-vs-rejected.csv",
            ["scenario", "date", "end", "track", "certainty", "event"],
            4,
        ),
        (
            "stakeholders",
            "tiny-set-stakeholders-adopted-vs-rejected.csv",
            ["actor", "issue", "position under Adopted", "salience", "basis"],
            6,
        ),
        (
            "outcomes",
            "tiny-set-outcomes-adopted-vs-rejected.csv",
            ["indicator", "scenario", "kind", "date", "value", "low", "high"],
            3,
        ),
        ("texts", "tiny-set-texts.csv", ["issue", "draft", "symbol", "status", "addressed"], 4),
        ("sources", "tiny-set-sources.csv", ["id", "title", "publisher"], 2),
    ],
)
def test_each_view_exports_its_rows_under_a_name_that_says_what_they_are(
    tiny: Tiny, view: str, name: str, first_columns: list[str], count: int
) -> None:
    file_name, data = publish.view_csv(tiny.scenario_set, replace(tiny.state, view=view))
    assert file_name == name
    header = data.decode("utf-8").splitlines()[0].split(",")
    assert header[: len(first_columns)] == first_columns
    assert len(rows(data)) == count


def test_overview_csv_gives_status_likelihood_headline_and_premise(tiny: Tiny) -> None:
    _, data = publish.view_csv(tiny.scenario_set, tiny.state)
    rejected = next(r for r in rows(data) if r["scenario"] == "rejected")
    assert rejected["compared as"] == "B"
    assert rejected["status"] == "counterfactual"
    assert rejected["likelihood"] == "unlikely"
    assert rejected["headline"] == "No force"
    assert rejected["premise"] == "Counterfactual. The council rejects the draft."


@pytest.mark.parametrize(
    ("change", "events"),
    [
        ({"tracks": ("security",)}, ["Force deploys"]),
        ({"dates": (dt.date(2025, 11, 10), dt.date(2025, 12, 31))}, ["Draft adopted"]),
        ({"b": None}, ["Draft circulated", "Draft adopted", "Force deploys"]),
    ],
)
def test_timeline_csv_keeps_what_the_timeline_shows(
    tiny: Tiny, change: dict, events: list[str]
) -> None:
    _, data = publish.view_csv(tiny.scenario_set, replace(tiny.state, view="timeline", **change))
    assert [r["event"] for r in rows(data) if r["scenario"] == "Adopted"] == events


def test_stakeholders_csv_gives_each_position_under_a_and_b_and_the_shift(tiny: Tiny) -> None:
    _, data = publish.view_csv(tiny.scenario_set, replace(tiny.state, view="stakeholders"))
    militia = next(
        r for r in rows(data) if r["actor"] == "The Militia" and r["issue"] == "Force now"
    )
    assert militia["position under Adopted"] == "-2"
    assert militia["position under Rejected"] == "-1"
    assert militia["shift"] == "+1"
    assert militia["basis of change"] == "Less to oppose without a force."
    unmoved = next(r for r in rows(data) if r["actor"] == "Northland" and r["issue"] == "Force now")
    assert (unmoved["position under Rejected"], unmoved["shift"]) == ("+2", "")


def test_stakeholders_csv_follows_the_group_and_issue_filters(tiny: Tiny) -> None:
    state = replace(tiny.state, view="stakeholders", groups=("parties",), issues=("statehood",))
    (only,) = rows(publish.view_csv(tiny.scenario_set, state)[1])
    assert (only["actor"], only["issue"]) == ("The Militia", "Statehood")


def test_stakeholders_csv_of_a_group_without_actors_is_empty(tiny: Tiny) -> None:
    state = replace(tiny.state, view="stakeholders", groups=("others",))
    assert rows(publish.view_csv(tiny.scenario_set, state)[1]) == []


def test_stakeholders_csv_of_one_scenario_has_no_comparison_columns(tiny: Tiny) -> None:
    state = replace(tiny.state, view="stakeholders", b=None)
    header = publish.view_csv(tiny.scenario_set, state)[1].decode().splitlines()[0]
    assert header == "actor,issue,position under Adopted,salience,basis"


def test_texts_csv_aligns_clauses_by_issue_and_marks_silence(tiny: Tiny) -> None:
    _, data = publish.view_csv(tiny.scenario_set, replace(tiny.state, view="texts"))
    table = {(r["issue"], r["draft"]): r for r in rows(data)}
    assert table[("Force now", "The tiny draft")]["clause"] == "Authorises a force."
    assert table[("Force now", "The counter-draft")]["addressed"] == "silent"
    assert table[("Statehood", "The counter-draft")]["quote"] == "a state for all"
    assert table[("Statehood", "The counter-draft")]["sources"] == "Example Wire"


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_made_inert(
    edit, tiny_set: Path
) -> None:
    edit("scenarios/adopted.yaml", "headline: A force arrives", "headline: '=HYPERLINK(1)'")
    tiny = open_set(tiny_set)
    overview = rows(publish.view_csv(tiny.scenario_set, tiny.state)[1])
    assert overview[0]["headline"] == "'=HYPERLINK(1)"
    positions = rows(
        publish.view_csv(tiny.scenario_set, replace(tiny.state, view="stakeholders"))[1]
    )
    assert {r["position under Adopted"] for r in positions} == {"+2", "-2", "unknown"}


def entries(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {info.filename: zipped.read(info) for info in zipped.infolist()}


def test_set_zip_holds_every_file_a_readme_and_metadata_in_a_folder_named_for_the_set(
    tiny: Tiny,
) -> None:
    names = set(entries(publish.set_zip(tiny.scenario_set, tiny.files, "https://example.app/")))
    expected = {"README.md", "metadata.json", *tiny.files}
    assert names == {f"tiny-set/{name}" for name in expected}


def test_set_zip_is_the_same_bytes_for_the_same_content(tiny: Tiny) -> None:
    first = publish.set_zip(tiny.scenario_set, tiny.files, "https://example.app/")
    again = publish.set_zip(tiny.scenario_set, dict(tiny.files), "https://example.app/")
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as zipped:
        assert {info.date_time for info in zipped.infolist()} == {(2026, 1, 31, 0, 0, 0)}


def test_set_zip_metadata_gives_version_hash_licence_citation_and_sources(tiny: Tiny) -> None:
    archive = entries(publish.set_zip(tiny.scenario_set, tiny.files, "https://example.app/"))
    metadata = json.loads(archive["tiny-set/metadata.json"])
    link = "https://example.app/?set=tiny-set&v=0.1.0"
    assert metadata["title"] == "Tiny test set"
    assert metadata["version"] == "0.1.0"
    assert metadata["content_hash"] == content_hash(tiny.files) == tiny.scenario_set.content_hash
    assert metadata["as_of"] == "2026-01-31"
    assert metadata["licence"] == "CC BY 4.0"
    assert metadata["link"] == link
    assert metadata["citation"] == (
        f'Scenario Explorer, "Tiny test set", content version 0.1.0 (as of 31 January 2026). {link}'
    )
    assert [(s["publisher"], s["title"], s["url"]) for s in metadata["sources"]] == [
        ("United Nations", "Meeting record", "https://example.org/record"),
        ("Example Wire", "Wire report", "https://example.org/wire"),
    ]


def test_set_zip_readme_says_what_the_set_is_how_to_cite_the_licence_and_the_files(
    tiny: Tiny,
) -> None:
    archive = entries(publish.set_zip(tiny.scenario_set, tiny.files, "https://example.app/"))
    readme = archive["tiny-set/README.md"].decode()
    assert readme.startswith("# Tiny test set\n")
    assert "## How to cite" in readme
    assert '    Scenario Explorer, "Tiny test set", content version 0.1.0' in readme
    assert "licensed CC BY 4.0" in readme
    assert "- `scenarios/rejected.yaml`: scenario: The draft is rejected (counterfactual)" in readme
    assert "- `sources.yaml`:" in readme


def test_set_zip_readme_shows_markup_in_content_as_text(edit, tiny_set: Path) -> None:
    edit(
        "set.yaml",
        "title: Tiny test set",
        "title: '<img src=x onerror=alert(1)> [x](javascript:1)'",
    )
    tiny = open_set(tiny_set)
    archive = entries(publish.set_zip(tiny.scenario_set, tiny.files, "https://example.app/"))
    heading = archive["tiny-set/README.md"].decode().splitlines()[0]
    # inert in CommonMark: no tag, no link; ordinary punctuation is left as written
    assert heading == r"# \<img src=x onerror=alert(1)\> \[x\](javascript:1)"
