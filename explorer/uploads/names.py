"""How an upload's names become ids and are printed: slugs, base names, and names made safe
to show (one line, no control or text-direction characters, at most 120 characters)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from explorer.formats import slug

DEFAULT_SET_ID = "uploaded-set"
YAML_SUFFIXES = (".yaml", ".yml")
CONTROL = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control and text-direction characters: a name holding them could print as another name."""


def slugify(text: str, fallback: str = DEFAULT_SET_ID) -> str:
    """A valid id from any text: ``"My Set (v2).zip"`` stem -> ``my-set-v2``."""
    return slug(text)[:60].strip("-") or fallback


def shown(name: str) -> str:
    """An entry or file name as it is printed: one line, at most 120 characters."""
    clean = CONTROL.sub("?", name)
    return clean if len(clean) <= 120 else clean[:117] + "..."


def base_name(name: str) -> str:
    """The last part of an uploaded file's name (browsers may send a path), as printed."""
    return shown(PurePosixPath(name.replace("\\", "/")).name or name)


def is_yaml(name: str) -> bool:
    """Whether ``name`` ends in .yaml or .yml, in any case."""
    return name.lower().endswith(YAML_SUFFIXES)
