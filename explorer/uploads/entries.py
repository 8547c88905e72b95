"""Judge one zip entry by its name, its kind and its place, before anything is read.

Entries with absolute paths, ``..``, control characters, backslashes, symbolic links or other
special files, encryption, a second entry of one name, or a path deeper than ``MAX_DEPTH`` are
refused. A zip made by the app's own export (``README.md`` and ``metadata.json`` beside the
YAML) and a zip made by macOS Finder (``__MACOSX/``, ``.DS_Store``) read as they are: those
entries are skipped unread.
"""

from __future__ import annotations

import re
import stat
import zipfile

from explorer.uploads.names import CONTROL

MAX_DEPTH = 3
"""Path parts of an entry: ``<folder>/scenarios/<id>.yaml`` is the deepest a set needs."""
SKIPPED_AT_ROOT = frozenset({"README.md", "metadata.json"})
"""What the app's own export adds beside the YAML files (see ``explorer.publish``)."""
JUNK_FOLDER = "__MACOSX"
JUNK_FILES = frozenset({".DS_Store"})


def entry_problem(info: zipfile.ZipInfo, seen: set[str]) -> str | None:
    """Why an entry is refused by its name, kind or place, or None."""
    reason = _name_problem(info) or _kind_problem(info)
    if reason is not None:
        return reason
    if info.filename in seen:
        return "a second entry with this name; each file may appear once"
    if not is_junk(info.filename) and len(info.filename.rstrip("/").split("/")) > MAX_DEPTH:
        return (
            f"nested more than {MAX_DEPTH} folders deep; a set needs at most "
            "<folder>/scenarios/<id>.yaml"
        )
    return None


def _name_problem(info: zipfile.ZipInfo) -> str | None:
    """Why an entry's name is unsafe, or None."""
    name = info.orig_filename
    if "\x00" in name or name != info.filename:
        return "the name holds a NUL byte or was rewritten on reading; refused"
    if CONTROL.search(name):
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


def is_junk(name: str) -> bool:
    parts = name.rstrip("/").split("/")
    return parts[0] == JUNK_FOLDER or parts[-1] in JUNK_FILES
