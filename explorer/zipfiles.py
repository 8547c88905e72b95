"""One deterministic zip writer: the same entries and date always give the same bytes.

Every entry is stamped with the same date at midnight, marked as made on Unix with mode 0644,
and deflated at level 9, so a download can be checked by its hash whatever the platform.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping

FILE_MODE = 0o644
UNIX = 3


def deterministic_zip(entries: Mapping[str, bytes], stamp: dt.date) -> bytes:
    """A zip of ``entries`` (``{path inside the zip: bytes}``, in the order given), every
    entry dated ``stamp`` at midnight, so equal entries give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            entry = zipfile.ZipInfo(name, (stamp.year, stamp.month, stamp.day, 0, 0, 0))
            entry.create_system = UNIX  # so the mode below is read as Unix permissions
            entry.external_attr = FILE_MODE << 16
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()
