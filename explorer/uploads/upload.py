"""Bring your own scenario set: turn an upload into a set, in memory only.

An upload is a zipped set folder (read within limits by ``explorer.uploads.archive``), one
scenario YAML added to the set on show, or a ScenarioWizard ``.scw`` matrix that becomes the
``cib.yaml`` of a copy of that set. Nothing in an upload is executed, and YAML is parsed only by
the loader's safe parser, with the same guard as a set on disk. Every refusal is a ``Problem``
naming the upload and the entry, so the page can show exactly what to fix.

    >>> result = load_upload(data, "my-set.zip")                       # a zipped set folder
    >>> result = load_upload(data, "new.yaml", current=(set_id, files))  # one more scenario
    >>> result.set, result.problems, result.files
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml
from pydantic import ValidationError

from explorer.cib import CibError, read_scw, to_cib_file
from explorer.content import (
    MAX_FILES,
    OPTIONAL_FILES,
    REQUIRED_FILES,
    SCENARIO_DIR,
    Problem,
    ScenarioSet,
    is_id,
    load_files,
    yamlfile,
)
from explorer.uploads.archive import capped, unpack
from explorer.uploads.names import base_name, is_yaml, slugify


@dataclass(frozen=True)
class UploadResult:
    """A loaded set (``problems`` empty) or the problems that kept it out (``set`` None).

    ``files`` are the set's YAML files as loaded (for its download); empty when refused."""

    set: ScenarioSet | None
    problems: tuple[Problem, ...]
    files: Mapping[str, bytes] = field(default_factory=dict)


def add_scenario(
    files: Mapping[str, bytes], data: bytes, name: str
) -> dict[str, bytes] | list[Problem]:
    """``files`` (a set's) plus the uploaded scenario ``data`` as ``scenarios/<id>.yaml``.

    The id is the scenario's own ``id`` when it is a valid id, else the upload's name,
    slugified (the loader then says that ``id`` must match it). An id the set already has is
    refused: give the new scenario an id of its own.
    """
    where = base_name(name)
    if not is_yaml(where):
        return [Problem(where, None, "", "not a YAML file; upload a .yaml scenario or a .zip set")]
    if where in REQUIRED_FILES or where in OPTIONAL_FILES:
        return [
            Problem(where, None, "", f"one YAML file is added as a scenario, but {where} is a "
                    "set file: zip the whole set folder and upload the zip")
        ]  # fmt: skip
    doc = yamlfile.read(data, where)
    if isinstance(doc, Problem):
        return [doc]
    declared = doc.data.get("id") if isinstance(doc.data, dict) else None
    scenario_id = declared if isinstance(declared, str) and is_id(declared) else None
    scenario_id = scenario_id or slugify(PurePosixPath(where).stem, "new-scenario")
    taken = {PurePosixPath(n).stem for n in files if n.startswith(f"{SCENARIO_DIR}/")}
    if scenario_id in taken:
        return [
            Problem(where, doc.line_of(("id",)), "id", f"the set already has a scenario "
                    f"{scenario_id!r}; give this one an id of its own")
        ]  # fmt: skip
    if len(files) >= MAX_FILES:
        return [Problem(where, None, "", f"the set already holds {MAX_FILES:,} files")]
    return {**files, f"{SCENARIO_DIR}/{scenario_id}.yaml": data}


def _unique(set_id: str, taken: Collection[str]) -> str:
    if set_id not in taken:
        return set_id
    for n in range(1, len(taken) + 2):
        suffix = "-upload" if n == 1 else f"-upload-{n}"
        candidate = set_id[: 80 - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable: more candidates than taken ids")


def _refused(problems: list[Problem] | tuple[Problem, ...]) -> UploadResult:
    return UploadResult(None, tuple(problems), {})


def load_upload(
    data: bytes,
    name: str,
    current: tuple[str, Mapping[str, bytes]] | None = None,
    taken: Collection[str] = (),
) -> UploadResult:
    """Load an upload: a ``.zip`` of a set folder, a ``.yaml``/``.yml`` scenario added to
    ``current`` (the shown set's id and files), or a ScenarioWizard ``.scw`` matrix that becomes
    the ``cib.yaml`` of a copy of ``current``, to explore in the What-if view.

    Parameters
    ----------
    data, name
        The uploaded bytes and the file name the browser gave (used for messages and ids only).
    current
        The set a single scenario is added to; the result is a new set with id
        ``<set id>-with-<scenario id>``. Without it a YAML upload is refused.
    taken
        Set ids already in use (the catalog's): a clash gets ``-upload`` (then ``-upload-2``...).

    Returns
    -------
    UploadResult
        The set and its files, or every problem found (file, line, field, message). Never
        raises on any ``data``.
    """
    where = base_name(name)
    added_as: str | None = None
    if where.lower().endswith(".zip"):
        unpacked = unpack(data, name)
        if isinstance(unpacked, list):
            return _refused(unpacked)
        set_id, files, shown_as = unpacked.set_id, unpacked.files, unpacked.shown_as
    elif is_yaml(where):
        if current is None:
            return _refused([Problem(where, None, "", "no set is open to add this scenario to")])
        base_id, base_files = current
        added = add_scenario(base_files, data, name)
        if isinstance(added, list):
            return _refused(added)
        (added_as,) = set(added) - set(base_files)
        set_id = f"{base_id}-with-{PurePosixPath(added_as).stem}"[:80].rstrip("-")
        files, shown_as = added, base_id
    elif where.lower().endswith(".scw"):
        if current is None:
            return _refused([Problem(where, None, "", "no set is open to explore this matrix in")])
        base_id, base_files = current
        try:
            cib = to_cib_file(read_scw(data), where)
        except (CibError, ValidationError) as err:
            return _refused(
                [Problem(where, None, "", f"not a ScenarioWizard matrix we can read: {err}")]
            )
        dumped = yaml.safe_dump(
            cib.model_dump(mode="json", exclude_none=True), sort_keys=False, allow_unicode=True
        )
        files = {**base_files, "cib.yaml": dumped.encode()}
        set_id = f"{base_id}-with-{slugify(PurePosixPath(where).stem)}"[:80].rstrip("-")
        shown_as = base_id
    else:
        return _refused(
            [
                Problem(
                    where,
                    None,
                    "",
                    "upload a .zip of a set folder, one .yaml scenario, or a .scw matrix",
                )
            ]
        )
    result = load_files(_unique(set_id, taken), files, shown_as)
    if result.set is None:
        problems = list(result.problems)
        if added_as:  # point the new scenario's problems at the file the user uploaded
            inside = f"{shown_as}/{added_as}"
            problems = [
                Problem(
                    where if p.file == inside else p.file,
                    p.line,
                    p.field,
                    p.message.replace(inside, where),
                )
                for p in problems
            ]
        return _refused(capped(problems, where))
    return UploadResult(result.set, (), dict(files))
