"""The parsed YAML of set folders on disk, kept between processes: a fresh server's first page
reads its default set's files as parsed before, instead of composing, guarding and
constructing them again (80-130 ms of the first run before the first chart; reading the kept
entries takes 2-5 ms).

An entry is named by a SHA-256 of the file's bytes, of the parser's own code (``yamlfile``,
and ``limits`` whose caps the file passed), of PyYAML's version and of marshal's format: a
changed file or parser finds no entry. It holds only what ``yamlfile.parse`` built from a file
that passed every guard, written with ``marshal`` (plain data; reading it runs no code) in a
folder created for this user alone. An unreadable entry, or a folder that cannot be written (a
read-only image), falls back to parsing. Uploads never come here: they are never written to
disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from functools import cache
from pathlib import Path

import yaml

from explorer.content import limits, yamlfile

CACHE_VARIABLE = "SCENARIO_EXPLORER_YAML_CACHE"
"""The folder of the entries; empty turns the cache off. Unset: the user's cache folder."""
MAX_ENTRIES = 2_000
"""Past this many entries the oldest written go: a changed file or parser leaves its old
entries behind, and an author who edits a set for months would otherwise fill the folder."""


def cache_folder() -> Path | None:
    """Where the entries are kept, or None when the cache is off (or there is no home)."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # a user with no home directory
        return None
    return Path(base) / "scenario-explorer" / "yaml"


@cache
def _parser_digest() -> bytes:
    digest = hashlib.sha256(f"{yaml.__version__} {marshal.version}".encode())
    for module in (yamlfile, limits):
        digest.update(Path(module.__file__).read_bytes())  # type: ignore[arg-type]
    return digest.digest()


def parse(raw: bytes) -> yamlfile.YamlDocument:
    """``yamlfile.parse(raw)``, read from its kept entry when there is one. A refusal raises as
    ``yamlfile.parse`` does and is never kept."""
    folder = cache_folder()
    if folder is None:
        return yamlfile.parse(raw)
    path = folder / f"{hashlib.sha256(_parser_digest() + raw).hexdigest()}.marshal"
    kept = _read(path)
    if kept is not None:
        return yamlfile.YamlDocument(kept[0], raw, kept[1])
    doc = yamlfile.parse(raw)
    _write(path, (doc.data, doc.values))
    return doc


def _read(path: Path) -> tuple[object, int] | None:
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(kept, tuple) and len(kept) == 2 and type(kept[1]) is int:
        return kept
    return None


def _write(path: Path, entry: tuple[object, int]) -> None:
    """Write ``entry`` whole or not at all (a reader never sees half a file); data marshal
    cannot hold (a recursive alias) is not kept."""
    try:
        blob = marshal.dumps(entry)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except (OSError, ValueError, RecursionError):
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(blob)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Keep the ``MAX_ENTRIES`` newest entries (by when they were written)."""
    with contextlib.suppress(OSError):
        kept = list(os.scandir(folder))
        if len(kept) <= MAX_ENTRIES:
            return
        kept.sort(key=lambda entry: entry.stat().st_mtime_ns)
        for entry in kept[: len(kept) - MAX_ENTRIES]:
            os.unlink(entry.path)
