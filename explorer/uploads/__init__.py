"""A person's own scenario set: uploads read in memory, with limits; the template set.

The names below are resolved on first use (PEP 562 ``__getattr__``): reading an upload pulls in
the cross-impact matrix and numpy (for .scw files), which the upload panel of a fresh page,
closed and empty, does not need.
"""

from __future__ import annotations

import importlib

_MODULES: dict[str, tuple[str, ...]] = {
    "archive": (
        "MAX_ENTRIES",
        "MAX_FILES",
        "MAX_FILE_BYTES",
        "MAX_RATIO",
        "MAX_SHOWN_PROBLEMS",
        "MAX_TOTAL_BYTES",
        "MAX_UPLOAD_BYTES",
        "MAX_UPLOAD_MB",
        "RATIO_FLOOR",
        "read_zip",
    ),
    "entries": ("JUNK_FILES", "JUNK_FOLDER", "MAX_DEPTH", "SKIPPED_AT_ROOT"),
    "names": ("DEFAULT_SET_ID", "YAML_SUFFIXES", "slugify"),
    "template": ("TEMPLATE_FILE_NAME", "TEMPLATE_ID", "template_files", "template_zip"),
    "upload": ("UploadResult", "add_scenario", "load_upload"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "DEFAULT_SET_ID",
    "JUNK_FILES",
    "JUNK_FOLDER",
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_RATIO",
    "MAX_SHOWN_PROBLEMS",
    "MAX_TOTAL_BYTES",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_MB",
    "RATIO_FLOOR",
    "SKIPPED_AT_ROOT",
    "TEMPLATE_FILE_NAME",
    "TEMPLATE_ID",
    "YAML_SUFFIXES",
    "UploadResult",
    "add_scenario",
    "load_upload",
    "read_zip",
    "slugify",
    "template_files",
    "template_zip",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its module the first time it is asked for."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
