"""Read a set folder's YAML files from disk within the limits, and fingerprint them.

Nothing outside the folder is read: a symbolic link refuses the set, and so does a folder
that passes ``MAX_FILES`` or ``MAX_SET_BYTES``, as soon as it does; a file over
``yamlfile.MAX_FILE_BYTES`` is not read (the YAML guard then reports its size).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from explorer.content import yamlfile as yamlfile
from explorer.content.problems import Problem

MAX_FILES = 200
MAX_SET_BYTES = 20_000_000


def read_folder(folder: Path) -> dict[str, bytes] | Problem:
    """The YAML files of a set folder as ``{relative posix path: bytes}``, within the limits."""
    files: dict[str, bytes] = {}
    total = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            return Problem(str(path), None, "", "symbolic links are not followed in a set")
        if not path.is_file() or path.suffix not in {".yaml", ".yml"}:
            continue
        size = path.stat().st_size
        total += size
        if len(files) >= MAX_FILES or total > MAX_SET_BYTES:
            return Problem(str(folder), None, "", "the set is larger than the limits allow")
        relative = path.relative_to(folder).as_posix()
        files[relative] = path.read_bytes() if size <= yamlfile.MAX_FILE_BYTES else b"\0" * size
    return files


def content_hash(files: Mapping[str, bytes]) -> str:
    """A SHA-256 of every file's name and bytes: it changes when any file does."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()
