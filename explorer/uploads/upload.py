"""Bring your own scenario set: read an uploaded zip or scenario YAML into a set, in memory only.

Nothing is extracted to disk and nothing in an upload is executed: a zip's entries are checked
by name and by declared size before any is read, then read with their real bytes counted, and
YAML is parsed only by the loader's safe parser. Every refusal is a ``Problem`` naming the
upload and the entry, so the page can show exactly what to fix.

    >>> result = load_upload(data, "my-set.zip")                       # a zipped set folder
    >>> result = load_upload(data, "new.yaml", current=(set_id, files))  # one more scenario
    >>> result.set, result.problems, result.files

The limits (the module constants below) hold whatever a zip's headers claim: upload size,
number of entries and of files, size of each file (``yamlfile.MAX_FILE_BYTES``), total unpacked
size, compression ratio, folder depth and YAML nesting depth. Entries with absolute paths,
``..``, symbolic links or other special files, duplicate names, encryption, and files that are
not YAML are refused by name. A zip made by the app's own export (``README.md`` and
``metadata.json`` beside the YAML) and a zip made by macOS Finder (``__MACOSX/``,
``.DS_Store``) upload as they are: those entries are skipped unread.
"""

from __future__ import annotations

import io
import lzma
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml
from pydantic import ValidationError

from explorer.cib import CibError, read_scw, to_cib_file
from explorer.content import loader as loader
from explorer.content import yamlfile as yamlfile
from explorer.content.model import ScenarioSet
from explorer.content.problems import Problem
from explorer.formats import slug
from explorer.uploads.template import template_zip

__all__ = [
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_MB",
    "MAX_YAML_DEPTH",
    "UploadResult",
    "add_scenario",
    "load_upload",
    "read_zip",
    "slugify",
    "template_zip",
    "yaml_depth_problem",
]

MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
"""The upload itself (the zip as sent, or the one YAML file)."""
MAX_ENTRIES = 2 * loader.MAX_FILES
"""Zip entries of any kind, folders and skipped files included."""
MAX_FILES = loader.MAX_FILES
MAX_FILE_BYTES = yamlfile.MAX_FILE_BYTES
MAX_TOTAL_BYTES = loader.MAX_SET_BYTES
MAX_RATIO = 100
"""Unpacked size / packed size of one entry. Real YAML packs 2-7 times; a bomb, thousands."""
RATIO_FLOOR = 64 * 1024
"""Entries smaller than this unpacked are not judged by ratio."""
MAX_DEPTH = 3
"""Path parts of an entry: ``<folder>/scenarios/<id>.yaml`` is the deepest a set needs."""
MAX_YAML_DEPTH = 64
"""Nested mappings and lists in one YAML file; real content needs under 10."""
MAX_SHOWN_PROBLEMS = 50

YAML_SUFFIXES = (".yaml", ".yml")
SKIPPED_AT_ROOT = frozenset({"README.md", "metadata.json"})
"""What the app's own export adds beside the YAML files (see ``explorer.publish``)."""
JUNK_FOLDER = "__MACOSX"
JUNK_FILES = frozenset({".DS_Store"})
DEFAULT_SET_ID = "uploaded-set"
_CHUNK = 64 * 1024
# What a damaged or hostile archive can raise while its directory or an entry is read
# (unknown compression and encryption raise NotImplementedError and RuntimeError).
_UNPACK_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OverflowError,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control and text-direction characters: a name holding them could print as another name."""


@dataclass(frozen=True)
class UploadResult:
    """A loaded set (``problems`` empty) or the problems that kept it out (``set`` None).

    ``files`` are the set's YAML files as loaded (for its download); empty when refused."""

    set: ScenarioSet | None
    problems: tuple[Problem, ...]
    files: Mapping[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class _Entry:
    info: zipfile.ZipInfo
    path: str
    """The entry's path with the top folder (if any) removed."""


def slugify(text: str, fallback: str = DEFAULT_SET_ID) -> str:
    """A valid id from any text: ``"My Set (v2).zip"`` stem -> ``my-set-v2``."""
    return slug(text)[:60].strip("-") or fallback


def _shown(name: str) -> str:
    """An entry or file name as it is printed: one line, at most 120 characters."""
    clean = _CONTROL.sub("?", name)
    return clean if len(clean) <= 120 else clean[:117] + "..."


def _base_name(name: str) -> str:
    """The last part of an uploaded file's name (browsers may send a path)."""
    return _shown(PurePosixPath(name.replace("\\", "/")).name or name)


def _is_yaml(name: str) -> bool:
    return name.lower().endswith(YAML_SUFFIXES)


def _name_problem(info: zipfile.ZipInfo) -> str | None:
    """Why an entry's name is unsafe, or None."""
    name = info.orig_filename
    if "\x00" in name or name != info.filename:
        return "the name holds a NUL byte or was rewritten on reading; refused"
    if _CONTROL.search(name):
        return "the name holds control or text-direction characters; refused"
    if "\\" in name:
        return "the name uses a backslash; zip paths use '/'"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path; entries must be relative to the set folder"
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "the path holds '..', '.' or an empty part; refused"
    return None


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    """Symbolic links and other special files, from the Unix mode in the external attributes."""
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if stat.S_ISLNK(mode):
        return "a symbolic link; links are not followed in an upload"
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "a special file (device, pipe or socket); refused"
    if info.flag_bits & 0x1:
        return "encrypted; upload the set without a password"
    return None


def _is_junk(name: str) -> bool:
    parts = name.rstrip("/").split("/")
    return parts[0] == JUNK_FOLDER or parts[-1] in JUNK_FILES


def _top_folder(names: list[str]) -> str | None:
    """The one folder every file is in, when no file lies at the zip's root (a zipped
    ``scenarios/`` folder alone is not taken for a set folder)."""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) != 1 or not all("/" in name for name in names):
        return None
    top = next(iter(tops))
    return None if top == loader.SCENARIO_DIR else top


def _sizes_problems(where: str, entries: list[_Entry]) -> list[Problem]:
    """Limits judged on the sizes the zip declares, before anything is unpacked."""
    problems = []
    total = 0
    for entry in entries:
        info = entry.info
        total += info.file_size
        if info.file_size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    f"{where}/{_shown(info.filename)}",
                    None,
                    "",
                    f"unpacks to {info.file_size:,} bytes; the limit per file is "
                    f"{MAX_FILE_BYTES:,}",
                )
            )
        elif info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            problems.append(
                Problem(
                    f"{where}/{_shown(info.filename)}",
                    None,
                    "",
                    f"packed {info.compress_size:,} bytes unpack to {info.file_size:,} (more "
                    f"than {MAX_RATIO} times): refused as a zip bomb",
                )
            )
    if total > MAX_TOTAL_BYTES:
        problems.append(
            Problem(
                where,
                None,
                "",
                f"the files unpack to {total:,} bytes; the limit for a set is {MAX_TOTAL_BYTES:,}",
            )
        )
    return problems


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes | str:
    """The entry's bytes, counted as they come out; a message when it exceeds its declared
    size, the per-file limit or ``budget`` (what is left of the set's total)."""
    limit = min(info.file_size, MAX_FILE_BYTES, budget)
    chunks, count = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(min(_CHUNK, limit + 1 - count)):
                count += len(chunk)
                if count > limit:
                    return (
                        f"unpacks to more than the {info.file_size:,} bytes it declares or the "
                        "limits allow; refused"
                    )
                chunks.append(chunk)
    except _UNPACK_ERRORS as err:
        return f"cannot be unpacked ({_shown(str(err))}); refused"
    if count != info.file_size:
        return f"declares {info.file_size:,} bytes but unpacks to {count:,}; refused"
    return b"".join(chunks)


def yaml_depth_problem(data: bytes, where: str) -> Problem | None:
    """A problem when the YAML nests deeper than ``MAX_YAML_DEPTH`` (found from the parser's
    event stream, which does not recurse); None otherwise, including for text that is not
    YAML, which the loader then reports with its line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    depth = 0
    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=parser):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    return Problem(
                        where,
                        line,
                        "",
                        f"nested more than {MAX_YAML_DEPTH} levels deep; refused",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _capped(problems: list[Problem], where: str) -> list[Problem]:
    if len(problems) <= MAX_SHOWN_PROBLEMS:
        return problems
    more = len(problems) - MAX_SHOWN_PROBLEMS
    return [
        *problems[:MAX_SHOWN_PROBLEMS],
        Problem(where, None, "", f"and {more:,} more problems like these"),
    ]


def read_zip(data: bytes, name: str) -> tuple[str, dict[str, bytes]] | list[Problem]:
    """The set in a zipped set folder: ``(set id, {relative posix path: bytes})``, or problems.

    The folder's files may lie at the zip's root (the set id then comes from the upload's
    name, slugified) or inside one top-level folder (the set id is that folder's name,
    slugified). Only YAML files are returned; the export's ``README.md`` and
    ``metadata.json`` and macOS's ``__MACOSX/`` and ``.DS_Store`` are skipped.
    """
    unpacked = _unpack(data, name)
    return unpacked if isinstance(unpacked, list) else (unpacked.set_id, unpacked.files)


@dataclass(frozen=True)
class _Unpacked:
    set_id: str
    files: dict[str, bytes]
    shown_as: str
    """How the set's folder is named in problems: ``<upload>`` or ``<upload>/<folder>``."""


def _unpack(data: bytes, name: str) -> _Unpacked | list[Problem]:
    where = _base_name(name)
    if len(data) > MAX_UPLOAD_BYTES:
        return [
            Problem(where, None, "", f"the upload is {len(data):,} bytes; the limit is "
                    f"{MAX_UPLOAD_BYTES:,} ({MAX_UPLOAD_MB} MB)")
        ]  # fmt: skip
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _UNPACK_ERRORS:
        return [Problem(where, None, "", "not a readable zip archive")]
    with archive:
        return _read_archive(archive, where)


def _read_archive(archive: zipfile.ZipFile, where: str) -> _Unpacked | list[Problem]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        return [
            Problem(where, None, "", f"the zip holds {len(infos):,} entries; the limit is "
                    f"{MAX_ENTRIES:,} (and {MAX_FILES:,} YAML files)")
        ]  # fmt: skip
    problems: list[Problem] = []
    seen: set[str] = set()
    kept: list[zipfile.ZipInfo] = []
    for info in infos:
        label = f"{where}/{_shown(info.orig_filename)}"
        reason = _name_problem(info) or _kind_problem(info)
        if reason is None and info.filename in seen:
            reason = "a second entry with this name; each file may appear once"
        if (
            reason is None
            and not _is_junk(info.filename)
            and len(info.filename.rstrip("/").split("/")) > MAX_DEPTH
        ):
            reason = (
                f"nested more than {MAX_DEPTH} folders deep; a set needs at most "
                "<folder>/scenarios/<id>.yaml"
            )
        seen.add(info.filename)
        if reason:
            problems.append(Problem(label, None, "", reason))
        elif not info.is_dir() and not _is_junk(info.filename):
            kept.append(info)
    top = _top_folder([i.filename for i in kept])
    prefix = f"{top}/" if top else ""
    entries: list[_Entry] = []
    for info in kept:
        path = info.filename[len(prefix) :]
        if path in SKIPPED_AT_ROOT:
            continue
        if not _is_yaml(path):
            problems.append(
                Problem(
                    f"{where}/{_shown(info.filename)}",
                    None,
                    "",
                    "not a YAML file; a set holds only .yaml files (refused by name, unread)",
                )
            )
            continue
        entries.append(_Entry(info, path))
    if len(entries) > MAX_FILES:
        problems.append(
            Problem(where, None, "", f"{len(entries):,} YAML files; the limit is {MAX_FILES:,}")
        )
    problems.extend(_sizes_problems(where, entries))
    if problems:
        return _capped(problems, where)
    files: dict[str, bytes] = {}
    budget = MAX_TOTAL_BYTES
    for entry in entries:
        label = f"{where}/{_shown(entry.info.filename)}"
        content = _read_entry(archive, entry.info, budget)
        if isinstance(content, str):
            problems.append(Problem(label, None, "", content))
            continue
        budget -= len(content)
        depth = yaml_depth_problem(content, label)
        if depth:
            problems.append(depth)
        files[entry.path] = content
    if problems:
        return _capped(problems, where)
    if not files:
        return [Problem(where, None, "", "no YAML file found; zip a set folder (see the template)")]
    set_id = slugify(top) if top else slugify(PurePosixPath(where).stem)
    return _Unpacked(set_id, files, f"{where}/{_shown(top)}" if top else where)


def add_scenario(
    files: Mapping[str, bytes], data: bytes, name: str
) -> dict[str, bytes] | list[Problem]:
    """``files`` (a set's) plus the uploaded scenario ``data`` as ``scenarios/<id>.yaml``.

    The id is the scenario's own ``id`` when it is a valid id, else the upload's name,
    slugified (the loader then says that ``id`` must match it). An id the set already has is
    refused: give the new scenario an id of its own.
    """
    where = _base_name(name)
    if not _is_yaml(where):
        return [Problem(where, None, "", "not a YAML file; upload a .yaml scenario or a .zip set")]
    if len(data) > MAX_FILE_BYTES:
        return [
            Problem(where, None, "", f"the file is {len(data):,} bytes; the limit is "
                    f"{MAX_FILE_BYTES:,}")
        ]  # fmt: skip
    if where in loader.REQUIRED_FILES or where in loader.OPTIONAL_FILES:
        return [
            Problem(where, None, "", f"one YAML file is added as a scenario, but {where} is a "
                    "set file: zip the whole set folder and upload the zip")
        ]  # fmt: skip
    depth = yaml_depth_problem(data, where)
    if depth:
        return [depth]
    doc = yamlfile.read(data, where)
    if isinstance(doc, Problem):
        return [doc]
    declared = doc.data.get("id") if isinstance(doc.data, dict) else None
    scenario_id = declared if isinstance(declared, str) and loader.is_id(declared) else None
    scenario_id = scenario_id or slugify(PurePosixPath(where).stem, "new-scenario")
    taken = {PurePosixPath(n).stem for n in files if n.startswith(f"{loader.SCENARIO_DIR}/")}
    if scenario_id in taken:
        return [
            Problem(where, doc.line_of(("id",)), "id", f"the set already has a scenario "
                    f"{scenario_id!r}; give this one an id of its own")
        ]  # fmt: skip
    if len(files) >= MAX_FILES:
        return [Problem(where, None, "", f"the set already holds {MAX_FILES:,} files")]
    return {**files, f"{loader.SCENARIO_DIR}/{scenario_id}.yaml": data}


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
    where = _base_name(name)
    added_as: str | None = None
    if where.lower().endswith(".zip"):
        unpacked = _unpack(data, name)
        if isinstance(unpacked, list):
            return _refused(unpacked)
        set_id, files, shown_as = unpacked.set_id, unpacked.files, unpacked.shown_as
    elif _is_yaml(where):
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
    result = loader.load_files(_unique(set_id, taken), files, shown_as)
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
        return _refused(_capped(problems, where))
    return UploadResult(result.set, (), dict(files))
