"""A person's own scenario set: uploads read in memory, with limits; the template set."""

from explorer.uploads.archive import (
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_RATIO,
    MAX_SHOWN_PROBLEMS,
    MAX_TOTAL_BYTES,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    RATIO_FLOOR,
    read_zip,
)
from explorer.uploads.entries import JUNK_FILES, JUNK_FOLDER, MAX_DEPTH, SKIPPED_AT_ROOT
from explorer.uploads.names import DEFAULT_SET_ID, YAML_SUFFIXES, slugify
from explorer.uploads.template import (
    TEMPLATE_FILE_NAME,
    TEMPLATE_ID,
    template_files,
    template_zip,
)
from explorer.uploads.upload import UploadResult, add_scenario, load_upload

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
