"""The templates ship as package data: each folder, read from disk, is a valid set, and each zip
is the same bytes on every call. The general template (the default download) shows a decision
that is not a Security Council vote, with what the formats offer; the Council one stays."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import get_args

import pytest

from explorer.content import ScenarioSet, load_files, read_folder
from explorer.uploads.template import (
    TEMPLATE_FILE_NAME,
    TEMPLATE_ID,
    TEMPLATE_README,
    TEMPLATES,
    TemplateKind,
    template_files,
    template_zip,
)
from explorer.uploads.upload import load_upload

KINDS: list[TemplateKind] = list(get_args(TemplateKind))
README = Path(__file__).resolve().parents[3] / "README.md"


def _loaded(kind: TemplateKind) -> ScenarioSet:
    template = TEMPLATES[kind]
    result = load_files(template.id, template_files(kind), template.id)
    assert result.problems == ()
    assert result.set is not None
    return result.set


def test_every_kind_has_a_template_and_the_general_one_is_the_default() -> None:
    assert sorted(TEMPLATES) == sorted(KINDS)
    assert template_files() == template_files("general")
    assert template_zip() == template_zip("general")
    general = TEMPLATES["general"]
    assert general.id == TEMPLATE_ID and general.file_name == TEMPLATE_FILE_NAME
    assert len({t.id for t in TEMPLATES.values()}) == len(TEMPLATES)
    assert len({t.file_name for t in TEMPLATES.values()}) == len(TEMPLATES)
    assert template_zip("general") != template_zip("council")


@pytest.mark.parametrize("kind", KINDS)
def test_the_template_folder_loads_as_a_valid_set_of_exactly_the_template_files(
    kind: TemplateKind,
) -> None:
    files = read_folder(TEMPLATES[kind].folder)
    assert files == template_files(kind)
    scenario_set = _loaded(kind)
    a, b = scenario_set.info.default_pair
    assert {a, b} <= {s.id for s in scenario_set.scenarios}


@pytest.mark.parametrize("kind", KINDS)
def test_the_template_zip_is_deterministic_and_uploads_back_with_no_problem(
    kind: TemplateKind,
) -> None:
    template = TEMPLATES[kind]
    data = template_zip(kind)
    template_zip.cache_clear()
    assert template_zip(kind) == data
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert f"{template.id}/{TEMPLATE_README}" in names and f"{template.id}/set.yaml" in names
    assert all(name.startswith(f"{template.id}/") for name in names)
    result = load_upload(data, template.file_name)
    assert result.problems == ()
    assert result.set is not None and result.set.id == template.id
    assert dict(result.files) == template_files(kind)


def test_the_general_template_holds_no_security_council() -> None:
    scenario_set = _loaded("general")
    assert scenario_set.bodies
    assert all(body.rule != "security-council" for body in scenario_set.bodies)
    assert all(actor.council_seat == "none" for actor in scenario_set.actors)
    assert not scenario_set.council_record


def test_the_council_template_is_a_security_council_vote() -> None:
    scenario_set = _loaded("council")
    assert [body.rule for body in scenario_set.bodies] == ["security-council"]


def test_the_general_template_shows_what_the_formats_offer() -> None:
    scenario_set = _loaded("general")
    files = template_files("general")
    assert {"vocabulary.yaml", "bodies.yaml", "drafts.yaml", "observed.yaml"} <= set(files)
    assert b"tracks:" in files["vocabulary.yaml"] and b"groups:" in files["vocabulary.yaml"]
    decisions = [d.decision for d in scenario_set.drafts if d.decision]
    assert any(d.vote and d.follows and d.follows.adopted for d in decisions)
    held = {(s.actor, s.issue) for s in scenario_set.stances}
    assert len(held) < len(scenario_set.stances), "no actor whose position changed"
    assert re.search(
        rb"\n\s*(date|as_of|published|circulated): \d{4}(-\d{2})?\s", b"".join(files.values())
    )
    statuses = {s.status for s in scenario_set.scenarios}
    assert {"realized", "counterfactual"} <= statuses
    assert any(s.parent for s in scenario_set.scenarios)
    assert any(o.values for o in scenario_set.observations)
    assert any(s.signposts for s in scenario_set.scenarios)
    urls = [s.url for s in scenario_set.sources if s.url]
    assert urls and all(str(url).startswith("https://example.org/") for url in urls)


def test_every_file_of_the_general_template_teaches_with_comments() -> None:
    files = template_files("general")
    untaught = [name for name, data in files.items() if b"# " not in data]
    assert untaught == []
    readme = (TEMPLATES["general"].folder / TEMPLATE_README).read_text()
    assert all(name.split("/")[0].split("<")[0] in readme for name in files)


def test_the_readme_names_both_templates() -> None:
    text = README.read_text()
    assert "Download template" in text
    assert "Download a Security Council vote template" in text
