"""Read a zipped set folder in memory, within limits, without trusting its headers.

Nothing is extracted to disk. Entries are judged by name and by declared size before any is
read, then inflated in pieces with their real bytes counted, per file and in total, whatever
the compression method, and inflating stops at the first limit passed. The limits (the module
constants) hold whatever a zip's headers claim: upload size, number of entries and of files,
size of each file (the YAML guard's ``MAX_FILE_BYTES``), total unpacked size and compression
ratio. Entries are judged one by one in ``explorer.uploads.entries``; files that are not YAML are
refused by name, unread. Each YAML file then passes the YAML guard that a set on disk passes
(``explorer.content.yamlfile``); what it holds is judged by the loader.
"""

from __future__ import annotations

import io
import lzma
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from explorer.content import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_SET_BYTES,
    SCENARIO_DIR,
    Problem,
    over_limit,
)
from explorer.uploads.entries import SKIPPED_AT_ROOT, entry_problem, is_junk
from explorer.uploads.names import base_name, is_yaml, shown, slugify
from explorer.zipfiles import inflated

MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
"""The zip as sent (the upload widget accepts no more)."""
MAX_ENTRIES = 2 * MAX_FILES
"""Zip entries of any kind, folders and skipped files included."""
MAX_TOTAL_BYTES = MAX_SET_BYTES
MAX_RATIO = 100
"""Unpacked size / packed size of one entry. Real YAML packs 2-7 times; a bomb, thousands."""
RATIO_FLOOR = 64 * 1024
"""Entries smaller than this unpacked are not judged by ratio."""
MAX_SHOWN_PROBLEMS = 50

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


@dataclass(frozen=True)
class Unpacked:
    """The YAML files of a zipped set folder, keyed by their path inside the folder."""

    set_id: str
    files: dict[str, bytes]
    shown_as: str
    """How the set's folder is named in problems: ``<upload>`` or ``<upload>/<folder>``."""


@dataclass(frozen=True)
class _Entry:
    info: zipfile.ZipInfo
    path: str
    """The entry's path with the top folder (if any) removed."""


def capped(problems: list[Problem], where: str) -> list[Problem]:
    """At most ``MAX_SHOWN_PROBLEMS`` problems, then one line saying how many more there are."""
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
    unpacked = unpack(data, name)
    return unpacked if isinstance(unpacked, list) else (unpacked.set_id, unpacked.files)


def unpack(data: bytes, name: str) -> Unpacked | list[Problem]:
    """``read_zip``, also saying how the set's folder is named in problems."""
    where = base_name(name)
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
        return _read_archive(archive, data, where)


def _read_archive(archive: zipfile.ZipFile, data: bytes, where: str) -> Unpacked | list[Problem]:
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
        reason = entry_problem(info, seen)
        seen.add(info.filename)
        if reason:
            problems.append(Problem(f"{where}/{shown(info.orig_filename)}", None, "", reason))
        elif not info.is_dir() and not is_junk(info.filename):
            kept.append(info)
    top = _top_folder([i.filename for i in kept])
    prefix = f"{top}/" if top else ""
    entries: list[_Entry] = []
    for info in kept:
        path = info.filename[len(prefix) :]
        if path in SKIPPED_AT_ROOT:
            continue
        if not is_yaml(path):
            problems.append(
                Problem(f"{where}/{shown(info.filename)}", None, "",
                        "not a YAML file; a set holds only .yaml files (refused by name, unread)")
            )  # fmt: skip
            continue
        entries.append(_Entry(info, path))
    if len(entries) > MAX_FILES:
        problems.append(
            Problem(where, None, "", f"{len(entries):,} YAML files; the limit is {MAX_FILES:,}")
        )
    problems.extend(_sizes_problems(where, entries))
    if problems:
        return capped(problems, where)
    files: dict[str, bytes] = {}
    budget = MAX_TOTAL_BYTES
    for entry in entries:
        label = f"{where}/{shown(entry.info.filename)}"
        content = _read_entry(data, entry.info, budget)
        if isinstance(content, str):
            problems.append(Problem(label, None, "", content))
            continue
        budget -= len(content)
        refused = over_limit(content)
        if refused is not None:
            problems.append(Problem(label, refused.line, refused.field, refused.message))
        files[entry.path] = content
    if problems:
        return capped(problems, where)
    if not files:
        return [Problem(where, None, "", "no YAML file found; zip a set folder (see the template)")]
    set_id = slugify(top) if top else slugify(PurePosixPath(where).stem)
    return Unpacked(set_id, files, f"{where}/{shown(top)}" if top else where)


def _top_folder(names: list[str]) -> str | None:
    """The one folder every file is in, when no file lies at the zip's root (a zipped
    ``scenarios/`` folder alone is not taken for a set folder)."""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) != 1 or not all("/" in name for name in names):
        return None
    top = next(iter(tops))
    return None if top == SCENARIO_DIR else top


def _sizes_problems(where: str, entries: list[_Entry]) -> list[Problem]:
    """Limits judged on the sizes the zip declares, before anything is unpacked."""
    problems = []
    for entry in entries:
        size, packed = entry.info.file_size, entry.info.compress_size
        label = f"{where}/{shown(entry.info.filename)}"
        if size > MAX_FILE_BYTES:
            message = f"unpacks to {size:,} bytes; the limit per file is {MAX_FILE_BYTES:,}"
            problems.append(Problem(label, None, "", message))
        elif size > RATIO_FLOOR and size > MAX_RATIO * max(packed, 1):
            message = (
                f"packed {packed:,} bytes unpack to {size:,} (more than {MAX_RATIO} times): "
                "refused as a zip bomb"
            )
            problems.append(Problem(label, None, "", message))
    total = sum(entry.info.file_size for entry in entries)
    if total > MAX_TOTAL_BYTES:
        message = f"the files unpack to {total:,} bytes; the limit for a set is {MAX_TOTAL_BYTES:,}"
        problems.append(Problem(where, None, "", message))
    return problems


def _read_entry(data: bytes, info: zipfile.ZipInfo, budget: int) -> bytes | str:
    """The entry's bytes, counted as they are inflated (``explorer.zipfiles.inflated``, in
    pieces of at most ``_CHUNK``); a message when they pass the size it declares,
    ``MAX_FILE_BYTES`` or ``budget`` (what is left of the set's total): inflating stops there,
    whatever the compression method."""
    cap = min(info.file_size, MAX_FILE_BYTES, budget)
    chunks, count, crc = [], 0, 0
    try:
        for chunk in inflated(data, info, _CHUNK):
            count += len(chunk)
            if count > cap:
                return _over(info, cap)
            crc = zlib.crc32(chunk, crc)
            chunks.append(chunk)
    except _UNPACK_ERRORS as err:
        return f"cannot be unpacked ({shown(str(err))}); refused"
    if count != info.file_size:
        return f"declares {info.file_size:,} bytes but unpacks to {count:,}; refused"
    if crc != info.CRC:
        return "its checksum does not match its bytes (a damaged zip); refused"
    return b"".join(chunks)


def _over(info: zipfile.ZipInfo, cap: int) -> str:
    """Which limit an entry passed while it was inflated."""
    if cap == info.file_size:
        limit = f"the {cap:,} bytes it declares"
    elif cap == MAX_FILE_BYTES:
        limit = f"{cap:,} bytes, the limit per file"
    else:
        limit = f"{cap:,} bytes, what is left of the {MAX_TOTAL_BYTES:,} allowed for a set"
    return f"unpacks to more than {limit}; inflating stopped there, refused"
