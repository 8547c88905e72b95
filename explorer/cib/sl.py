"""Read ScenarioWizard solution lists (``.sl``): the consistent scenarios it found for a matrix.

The layout, seen in public ScenarioWizard files (github.com/sei-international/cibsa,
``sample_files/*.sl``): ``$ ScenarioWizard <version>``, ``Solution set``, the count, a blank
line, then one line per scenario:
``" 2 2 2",<n>,<consistency value>,<n>,<total impact score>,"<name>"`` with 1-based variant
numbers (fields 3 and 5 recomputed by hand for the four solutions of a sample). What the second
and fourth fields mean is assumed, not verified: they are kept as read.

Files are untrusted input, read as in ``explorer.cib.scw``; every problem raises ``ScwError``
with the line it is on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from explorer.cib.matrix import CrossImpactMatrix
from explorer.cib.scw import ScwError, file_lines


@dataclass(frozen=True)
class SlEntry:
    """One line of a solution list. ``weight`` and ``flag`` are kept as read: their meaning is
    not confirmed (``flag`` was 0 in every file seen)."""

    variants: tuple[str, ...]
    weight: int
    consistency_value: int
    flag: int
    total_impact_score: int
    name: str


def read_sl(raw: bytes | str, m: CrossImpactMatrix) -> list[SlEntry]:
    """Read a ScenarioWizard solution list for the matrix ``m`` it was computed from.

    Raises
    ------
    ScwError
        With the line number, for a malformed line, a variant number out of range, or a count
        that does not match the lines.
    """
    lines = file_lines(raw)
    if len(lines) < 3 or not re.fullmatch(r"\s*\d+\s*", lines[2]):
        raise ScwError("line 3: expected the number of solutions")
    entries = []
    for number, line in enumerate(lines[3:], start=4):
        if not line.strip():
            continue
        fields = next(csv.reader([line], skipinitialspace=True))
        if len(fields) != 6 or not all(re.fullmatch(r"-?\d+", f.strip()) for f in fields[1:5]):
            raise ScwError(f'line {number}: expected "variant numbers",n,n,n,n,"name"')
        numbers = fields[0].split()
        if len(numbers) != len(m.descriptors) or not all(n.isdigit() for n in numbers):
            raise ScwError(f"line {number}: expected {len(m.descriptors)} variant numbers")
        variants = []
        for descriptor, text in zip(m.descriptors, numbers, strict=True):
            if not 1 <= int(text) <= len(descriptor.variants):
                raise ScwError(f"line {number}: {descriptor.name!r} has no variant {text}")
            variants.append(descriptor.variants[int(text) - 1])
        weight, value, flag, total = (int(f) for f in fields[1:5])
        entries.append(SlEntry(tuple(variants), weight, value, flag, total, fields[5]))
    declared = int(lines[2])
    if declared != len(entries):
        raise ScwError(f"line 3 declares {declared} solutions but the file holds {len(entries)}")
    return entries
