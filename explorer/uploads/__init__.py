"""A person's own scenario set: uploads read in memory, with limits; the template set.

The names below are resolved on first use (PEP 562 ``__getattr__``): reading an upload pulls in
the cross-impact matrix and numpy (for .scw files), which the upload panel of a fresh page,
closed and empty, does not need.
"""

from __future__ import annotations

from explorer.first_use import first_use

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

__all__, __getattr__ = first_use(__name__, _MODULES)
