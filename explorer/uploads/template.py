"""Small valid scenario sets to start from, as zips to download, upload back, and grow.

Two templates ship as package data, each a folder of YAML files and a README beside this
module, with comments that say what each field is for:

- ``general`` (``template_general/``), the default: a fictional board decision by a qualified
  majority, with the set's own vocabulary, dated stances, a recorded decision and a branch;
- ``council`` (``template_council/``): a Security Council vote in the app's default words.

``template_zip(kind)`` puts a template in one folder, its set id, with fixed timestamps, so the
bytes are the same on every call.

    >>> from explorer.uploads.upload import load_upload
    >>> load_upload(template_zip(), TEMPLATE_FILE_NAME).problems
    ()
    >>> load_upload(template_zip("council"), COUNCIL_TEMPLATE_FILE_NAME).problems
    ()
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from explorer.zipfiles import deterministic_zip

TemplateKind = Literal["general", "council"]
TEMPLATE_README = "README.md"
_HERE = Path(__file__).parent
_STAMP = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class Template:
    """One template: the set id its zip's folder gives, the zip's file name, its folder."""

    id: str
    file_name: str
    folder: Path


TEMPLATES: dict[TemplateKind, Template] = {
    "general": Template("my-scenario-set", "scenario-set-template.zip", _HERE / "template_general"),
    "council": Template("my-council-vote", "council-vote-template.zip", _HERE / "template_council"),
}
"""The templates by kind, the default (``general``) first."""

TEMPLATE_ID = TEMPLATES["general"].id
TEMPLATE_FILE_NAME = TEMPLATES["general"].file_name
TEMPLATE_FOLDER = TEMPLATES["general"].folder
COUNCIL_TEMPLATE_ID = TEMPLATES["council"].id
COUNCIL_TEMPLATE_FILE_NAME = TEMPLATES["council"].file_name
COUNCIL_TEMPLATE_FOLDER = TEMPLATES["council"].folder


def template_files(kind: TemplateKind = "general") -> dict[str, bytes]:
    """A template's YAML files as ``{relative posix path: bytes}`` (no README), by path."""
    folder = TEMPLATES[kind].folder
    paths = sorted(folder.rglob("*.yaml"))
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in paths}


@cache
def template_zip(kind: TemplateKind = "general") -> bytes:
    """A template as a zip: ``<its id>/`` with a README and the YAML files."""
    template = TEMPLATES[kind]
    readme = (template.folder / TEMPLATE_README).read_bytes()
    entries = {TEMPLATE_README: readme, **template_files(kind)}
    return deterministic_zip(
        {f"{template.id}/{name}": data for name, data in entries.items()}, _STAMP
    )
