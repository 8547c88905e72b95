"""A small valid scenario set to start from, as a zip to download, upload back, and grow.

The set is package data: the YAML files and a README in ``template_set/`` beside this module,
with comments that say what each field is for. ``template_zip()`` puts them in one folder,
``TEMPLATE_ID/``, with fixed timestamps, so the bytes are the same on every call.

    >>> from explorer.uploads.upload import load_upload
    >>> load_upload(template_zip(), "scenario-set-template.zip").problems
    ()
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from explorer.zipfiles import deterministic_zip

TEMPLATE_ID = "my-scenario-set"
TEMPLATE_FILE_NAME = "scenario-set-template.zip"
TEMPLATE_FOLDER = Path(__file__).with_name("template_set")
TEMPLATE_README = "README.md"
_STAMP = dt.date(2026, 1, 1)


def template_files() -> dict[str, bytes]:
    """The template's YAML files as ``{relative posix path: bytes}`` (no README), by path."""
    paths = sorted(TEMPLATE_FOLDER.rglob("*.yaml"))
    return {path.relative_to(TEMPLATE_FOLDER).as_posix(): path.read_bytes() for path in paths}


@cache
def template_zip() -> bytes:
    """The template as a zip: ``my-scenario-set/`` with a README and the YAML files."""
    readme = (TEMPLATE_FOLDER / TEMPLATE_README).read_bytes()
    entries = {TEMPLATE_README: readme, **template_files()}
    return deterministic_zip(
        {f"{TEMPLATE_ID}/{name}": data for name, data in entries.items()}, _STAMP
    )
