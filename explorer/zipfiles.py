"""Zip files both ways: one deterministic writer, and a bounded reader of one entry.

The writer stamps every entry with the same date at midnight, marks it as made on Unix with
mode 0644 and deflates it at level 9, so a download can be checked by its hash whatever the
platform. The reader inflates an entry in pieces of at most a given size, whatever its
compression method, so whoever counts the pieces can stop at a limit before the next piece is
made: ``zipfile``'s own reader inflates a bzip2 or LZMA entry in one call, however large.
"""

from __future__ import annotations

import bz2
import datetime as dt
import io
import lzma
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from typing import Protocol

FILE_MODE = 0o644
UNIX = 3
FIRST_DAY = dt.date(1980, 1, 1)
LAST_DAY = dt.date(2107, 12, 31)
"""The dates a zip entry can hold (MS-DOS time: years 1980 to 2107)."""

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_LZMA_MIN_DICT = 4096


def zip_day(stamp: dt.date) -> dt.date:
    """``stamp`` clamped to the dates a zip entry can hold (``FIRST_DAY`` to ``LAST_DAY``)."""
    return min(max(stamp, FIRST_DAY), LAST_DAY)


def deterministic_zip(entries: Mapping[str, bytes], stamp: dt.date) -> bytes:
    """A zip of ``entries`` (``{path inside the zip: bytes}``, in the order given), every
    entry dated ``stamp`` at midnight, so equal entries give equal bytes. A date before 1980
    is written as 1 January 1980 and one after 2107 as 31 December 2107 (``zip_day``): the zip
    format holds no other."""
    day = zip_day(stamp)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            entry = zipfile.ZipInfo(name, (day.year, day.month, day.day, 0, 0, 0))
            entry.create_system = UNIX  # so the mode below is read as Unix permissions
            entry.external_attr = FILE_MODE << 16
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


class _Decompressor(Protocol):
    eof: bool

    def decompress(self, data: bytes, max_length: int = -1) -> bytes: ...


class _Deflate:
    """``zlib``'s raw inflater with the interface of ``bz2`` and ``lzma``'s: input it could not
    take within ``max_length`` is kept and used by the next call."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)

    @property
    def eof(self) -> bool:
        return self._inflater.eof

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        return self._inflater.decompress(data or self._inflater.unconsumed_tail, max_length)


class _Stored:
    def __init__(self) -> None:
        self.eof = False
        self._rest = memoryview(b"")

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        self._rest = memoryview(data) if data else self._rest
        out, self._rest = self._rest[:max_length], self._rest[max_length:]
        return bytes(out)


def _lzma(raw: memoryview, size_limit: int) -> tuple[_Decompressor, memoryview]:
    """The raw LZMA1 stream of a zip entry: a 4-byte header, then the 5 property bytes. The
    dictionary the header asks for (up to 4 GiB) is cut to the entry's declared size: no
    match reaches further back than the start of the entry."""
    (size,) = struct.unpack_from("<H", raw, 2)
    props = bytes(raw[4 : 4 + size])
    if size != 5 or len(props) != 5 or props[0] >= 9 * 5 * 5:
        raise zipfile.BadZipFile("LZMA properties are damaged")
    lc, rest = props[0] % 9, props[0] // 9
    dict_size = min(int.from_bytes(props[1:], "little"), max(size_limit, _LZMA_MIN_DICT))
    lzma1 = {"id": lzma.FILTER_LZMA1, "dict_size": dict_size}
    lzma1 |= {"lc": lc, "lp": rest % 5, "pb": rest // 5}
    return lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[lzma1]), raw[4 + size :]


def inflated(data: bytes, info: zipfile.ZipInfo, piece: int) -> Iterator[bytes]:
    """The bytes of the entry ``info`` of the zip ``data``, in pieces of at most ``piece``
    bytes; each is made only when the one before has been taken, so memory stays bounded by
    what the caller keeps. Stored, deflate, bzip2 and LZMA entries are read; another method
    raises ``NotImplementedError``, a damaged header ``zipfile.BadZipFile``, damaged data the
    decompressor's error. The caller checks the checksum (``info.CRC``)."""
    header = _LOCAL_HEADER.unpack_from(data, info.header_offset)
    if header[0] != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile("the entry's local header is missing")
    start = info.header_offset + _LOCAL_HEADER.size + header[9] + header[10]
    raw = memoryview(data)[start : start + info.compress_size]
    if len(raw) != info.compress_size:
        raise zipfile.BadZipFile("the entry is cut short")
    decompressor: _Decompressor
    if info.compress_type == zipfile.ZIP_STORED:
        decompressor = _Stored()
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        decompressor = _Deflate()
    elif info.compress_type == zipfile.ZIP_BZIP2:
        decompressor = bz2.BZ2Decompressor()
    elif info.compress_type == zipfile.ZIP_LZMA:
        decompressor, raw = _lzma(raw, info.file_size)
    else:
        raise NotImplementedError(f"compression method {info.compress_type} is not supported")
    out = decompressor.decompress(bytes(raw), piece)
    while out:
        yield out
        if decompressor.eof:
            return
        out = decompressor.decompress(b"", piece)
